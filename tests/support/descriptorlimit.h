#pragma once

// Takes every file descriptor away for a moment: the soft RLIMIT_NOFILE is lowered to the lowest
// free descriptor, so the next socket(), eventfd() or accept() fails with EMFILE, and restore() (or
// the destructor) puts the limit back. Nothing but the call under test may run in between: the
// event loop and the sanitizers may need a descriptor themselves.

#include <sys/resource.h>
#include <unistd.h>

namespace TestSupport {

class NoFreeDescriptor
{
public:
    NoFreeDescriptor()
    {
        if (::getrlimit(RLIMIT_NOFILE, &m_saved) != 0)
            return;
        const int lowestFree = ::dup(0);
        if (lowestFree < 0)
            return;
        ::close(lowestFree);
        rlimit tight = m_saved;
        tight.rlim_cur = rlim_t(lowestFree);
        m_active = ::setrlimit(RLIMIT_NOFILE, &tight) == 0;
    }
    ~NoFreeDescriptor() { restore(); }
    NoFreeDescriptor(const NoFreeDescriptor &) = delete;
    NoFreeDescriptor &operator=(const NoFreeDescriptor &) = delete;

    // The limit was lowered: a test that sees false has nothing to test.
    bool isActive() const { return m_active; }
    // True when the limit is back (or was never lowered).
    bool restore()
    {
        if (!m_active)
            return true;
        m_active = false;
        return ::setrlimit(RLIMIT_NOFILE, &m_saved) == 0;
    }

private:
    rlimit m_saved{};
    bool m_active = false;
};

} // namespace TestSupport
