#pragma once

#include <QWidget>

class QAction;
class QToolButton;

namespace SocketLab {

// Back and Forward through the exchanges of a chain of clicks (ExchangeChain), as two buttons beside
// the reply and two actions for the menu, with Alt+Left and Alt+Right as in a browser.
class ChainButtons : public QWidget
{
    Q_OBJECT
public:
    explicit ChainButtons(QWidget *parent = nullptr);

    QAction *backAction() const { return m_backAction; }
    QAction *forwardAction() const { return m_forwardAction; }
    QToolButton *backButton() const { return m_back; }
    QToolButton *forwardButton() const { return m_forward; }

    void setAvailable(bool back, bool forward);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QAction *m_backAction;
    QAction *m_forwardAction;
    QToolButton *m_back;
    QToolButton *m_forward;
};

} // namespace SocketLab
