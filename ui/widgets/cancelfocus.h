#pragma once

#include <QList>

#include <functional>

class QPushButton;

namespace SocketLab {

// While an exchange runs, the focus goes from the button that started it to Cancel, and back to that
// button when it ends, instead of jumping to the next field when the focused button is disabled:
// Space sends, Space again cancels. It reads the window's focus widget, not hasFocus(): the exchange
// may end while another application is in front.
class CancelFocus
{
public:
    CancelFocus(QPushButton *cancel, QList<QPushButton *> starters);

    // An exchange started or ended. updateStarters enables or disables the starters as the form
    // says; it is called between the focus moves, so that neither button loses the focus to the
    // next field on being disabled.
    void setBusy(bool busy, const std::function<void()> &updateStarters);

private:
    void started();
    void ended();

    QPushButton *m_cancel;
    QList<QPushButton *> m_starters;
    QPushButton *m_returnTo = nullptr;
};

} // namespace SocketLab
