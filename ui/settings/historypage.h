#pragma once

#include "history/historylimits.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QSpinBox;

namespace SocketLab {

// The Settings dialog's History tab: how much of the history is kept between runs (per kind: the
// exchanges, the look-ups, the conversations) and where. The limits are saved and applied by apply(),
// which the dialog calls as it closes: a lower limit removes entries for good, and a wheel turned over
// a box, or 1 typed on the way to 1000, must not remove them step by step.
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
    // Saves the limits shown and says so (limitsChanged()) if they changed since the page opened.
    void apply();

signals:
    void limitsChanged(const SocketLab::HistoryLimits &limits);
    // "Clear history…": the window asks, then clears.
    void clearRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

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
    HistoryLimits m_applied;  // what the window uses now
};

} // namespace SocketLab
