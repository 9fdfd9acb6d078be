#include "acceptbackoff.h"

#include <QtGlobal>

namespace SocketLab {

bool AcceptBackoff::failed()
{
    const bool first = m_pauseMs == 0;
    m_pauseMs = first ? FirstPauseMs : qMin(m_pauseMs * 2, MaxPauseMs);
    m_resume.setRemainingTime(m_pauseMs);
    return first;
}

bool AcceptBackoff::succeeded()
{
    const bool endsStreak = m_pauseMs != 0;
    m_pauseMs = 0;
    m_resume = QDeadlineTimer();
    return endsStreak;
}

} // namespace SocketLab
