#pragma once

#include <QList>

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

    // The exchange started: Cancel is enabled and takes the focus from the starter that had it. Call
    // it before the starters are disabled.
    void started();
    // The exchange ended: the starter that had the focus takes it back if it is enabled again, and
    // Cancel is disabled. Call it after the starters are enabled again.
    void ended();

private:
    QPushButton *m_cancel;
    QList<QPushButton *> m_starters;
    QPushButton *m_returnTo = nullptr;
};

} // namespace SocketLab
