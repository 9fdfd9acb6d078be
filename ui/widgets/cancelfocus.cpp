#include "cancelfocus.h"

#include <QPushButton>

namespace SocketLab {

CancelFocus::CancelFocus(QPushButton *cancel, QList<QPushButton *> starters)
    : m_cancel(cancel)
    , m_starters(std::move(starters))
{
}

void CancelFocus::setBusy(bool busy, const std::function<void()> &updateStarters)
{
    if (busy) {
        started();
        updateStarters();
    } else {
        updateStarters();
        ended();
    }
}

void CancelFocus::started()
{
    const QWidget *focus = m_cancel->window()->focusWidget();
    m_cancel->setEnabled(true);
    m_returnTo = nullptr;
    for (QPushButton *starter : m_starters) {
        if (focus == starter)
            m_returnTo = starter;
    }
    if (m_returnTo)
        m_cancel->setFocus(Qt::OtherFocusReason);
}

void CancelFocus::ended()
{
    const QWidget *focus = m_cancel->window()->focusWidget();
    if (m_returnTo && focus == m_cancel && m_returnTo->isEnabled())
        m_returnTo->setFocus(Qt::OtherFocusReason);
    m_returnTo = nullptr;
    m_cancel->setEnabled(false);
}

} // namespace SocketLab
