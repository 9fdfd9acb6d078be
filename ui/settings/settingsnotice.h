#pragma once

#include "storedsettings.h"

#include <QWidget>

class QLabel;
class QToolButton;

namespace SocketLab {

// The status bar's word that saved settings were ignored at start: one short sentence and a
// "Details" link that opens the whole list (every refused key, the file); the same list in its tooltip.
// It stays until closed, in the language shown; hidden while there is nothing to say.
class SettingsNotice : public QWidget
{
    Q_OBJECT

public:
    explicit SettingsNotice(QWidget *parent = nullptr);

    void setProblem(const StoredSettings::Problem &problem);
    const StoredSettings::Problem &problem() const { return m_problem; }
    // The sentence and the link.
    QLabel *label() const { return m_label; }
    QToolButton *closeButton() const { return m_close; }

public slots:
    // The dialog with everything StoredSettings::details() says.
    void showDetails();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    StoredSettings::Problem m_problem;
    QLabel *m_label;
    QToolButton *m_close;
};

} // namespace SocketLab
