#pragma once

#include "history/historylimits.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QSpinBox;

namespace SocketLab {

// The Settings dialog's History tab: how much of the history is kept between runs (per kind: the
// exchanges, the look-ups, the conversations) and where. A change is saved and applies at once.
class HistoryPage : public QWidget
{
    Q_OBJECT
public:
    explicit HistoryPage(QWidget *parent = nullptr);

    QSpinBox *maxEntriesBox() const { return m_maxEntries; }
    QSpinBox *maxMegabytesBox() const { return m_maxMegabytes; }
    QSpinBox *inlineReplyBox() const { return m_inlineReply; }
    QLabel *folderLabel() const { return m_folder; }
    QPushButton *clearButton() const { return m_clear; }
    HistoryLimits limits() const;

signals:
    void limitsChanged(const SocketLab::HistoryLimits &limits);
    // "Clear history…": the window asks, then clears.
    void clearRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void apply();

    QLabel *m_intro;
    QLabel *m_maxEntriesLabel;
    QLabel *m_maxMegabytesLabel;
    QLabel *m_inlineReplyLabel;
    QLabel *m_folderTitle;
    QSpinBox *m_maxEntries;
    QSpinBox *m_maxMegabytes;
    QSpinBox *m_inlineReply;
    QLabel *m_folder;
    QPushButton *m_clear;
};

} // namespace SocketLab
