#pragma once

#include <QDeadlineTimer>

namespace SocketLab {

// When accept() fails for want of a resource (EMFILE, ENFILE, ENOBUFS, ENOMEM) the connection stays
// in the backlog and the listening socket stays readable: polling it again at once would spin a
// core. After each failure in a row the listening socket is left out of poll() for a pause that
// doubles, from FirstPauseMs up to MaxPauseMs; the first accept() that succeeds ends the streak.
class AcceptBackoff
{
public:
    static constexpr int FirstPauseMs = 100;
    static constexpr int MaxPauseMs = 1000;

    // An accept() failed: pause. True for the first failure of a streak, the one worth telling.
    bool failed();
    // An accept() succeeded. True if it ended a streak of failures.
    bool succeeded();

    // Whether the listening socket may be polled now.
    bool isAccepting() const { return m_resume.hasExpired(); }
    // When accepting resumes; already expired while accepting.
    QDeadlineTimer resumeAt() const { return m_resume; }
    // The pause the last failure started, 0 outside a streak.
    int pauseMs() const { return m_pauseMs; }

private:
    int m_pauseMs = 0;
    QDeadlineTimer m_resume;
};

} // namespace SocketLab
