#pragma once

#include "benchmeasure.h"

#include <QByteArray>
#include <QTimer>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <vector>

// The event-loop probe the window benchmarks share: a precise timer on the GUI thread whose late
// ticks are the stalls a person feels, with the thread's own scheduler accounting to tell a stall
// SocketLab caused from a CPU the machine did not give it.
namespace StallProbe {

using BenchMeasure::monotonicNs;
using BenchMeasure::toMs;

constexpr int ProbeIntervalMs = 5;
constexpr double StallTargetMs = 30.0;

// The GUI thread's scheduler accounting: time on a CPU and time runnable but waiting for one.
class SchedStat
{
public:
    struct Sample
    {
        qint64 runNs = 0;
        qint64 waitNs = 0;
    };

    // /proc/thread-self resolves when opened: this must be constructed on the thread it watches.
    SchedStat()
        : m_fd(::open("/proc/thread-self/schedstat", O_RDONLY | O_CLOEXEC))
    {
    }
    ~SchedStat()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    SchedStat(const SchedStat &) = delete;
    SchedStat &operator=(const SchedStat &) = delete;

    Sample sample() const
    {
        char text[128] = {};
        const ssize_t n = m_fd >= 0 ? ::pread(m_fd, text, sizeof text - 1, 0) : -1;
        Sample s;
        if (n > 0) {
            const QList<QByteArray> fields = QByteArray(text, n).split(' ');
            if (fields.size() >= 2) {
                s.runNs = fields.at(0).toLongLong();
                s.waitNs = fields.at(1).toLongLong();
            }
        }
        return s;
    }

private:
    int m_fd;
};

struct Tick
{
    qint64 ns;
    SchedStat::Sample sched;
};

// A timer on the GUI thread: a gap between its ticks longer than its interval is time the event
// loop could not run it.
class Probe
{
public:
    Probe()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(ProbeIntervalMs);
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] { tick(); });
    }

    void start()
    {
        m_ticks.clear();
        m_ticks.reserve(1 << 16);
        tick();
        m_timer.start();
    }
    void stop()
    {
        m_timer.stop();
        tick();
    }
    const std::vector<Tick> &ticks() const { return m_ticks; }

private:
    void tick() { m_ticks.push_back({monotonicNs(), m_sched.sample()}); }

    QTimer m_timer;
    SchedStat m_sched;
    std::vector<Tick> m_ticks;
};

struct Stalls
{
    double maxMs = 0.0;
    double p99Ms = 0.0;
    int gaps = 0;
    int overTarget = 0;
    // The worst gap: when it began (ms after the start given) and where the GUI thread's time went.
    double worstAtMs = 0.0;
    double worstRunMs = 0.0;
    double worstWaitMs = 0.0;
    // The most the GUI thread ran within one gap: what the stall would be with a CPU to itself.
    double busiestRunMs = 0.0;
    // The whole span: the GUI thread's time on a CPU and waiting for one.
    double runMs = 0.0;
    double waitMs = 0.0;
};

// The gaps that begin at or after fromNs and end by toNs.
inline Stalls stallsBetween(const std::vector<Tick> &ticks, qint64 fromNs, qint64 toNs)
{
    Stalls s;
    std::vector<double> stalls;
    const Tick *first = nullptr;
    const Tick *last = nullptr;
    for (size_t i = 1; i < ticks.size(); ++i) {
        const Tick &a = ticks[i - 1];
        const Tick &b = ticks[i];
        if (a.ns < fromNs || b.ns > toNs)
            continue;
        if (!first)
            first = &a;
        last = &b;
        const double stall = qMax(0.0, toMs(b.ns - a.ns) - ProbeIntervalMs);
        stalls.push_back(stall);
        if (stall > StallTargetMs)
            ++s.overTarget;
        s.busiestRunMs = qMax(s.busiestRunMs, toMs(b.sched.runNs - a.sched.runNs));
        if (stall >= s.maxMs) {
            s.maxMs = stall;
            s.worstAtMs = toMs(a.ns - fromNs);
            s.worstRunMs = toMs(b.sched.runNs - a.sched.runNs);
            s.worstWaitMs = toMs(b.sched.waitNs - a.sched.waitNs);
        }
    }
    s.gaps = int(stalls.size());
    if (!stalls.empty()) {
        std::sort(stalls.begin(), stalls.end());
        s.p99Ms = stalls[size_t(std::ceil(0.99 * double(stalls.size()))) - 1];
        s.runMs = toMs(last->sched.runNs - first->sched.runNs);
        s.waitMs = toMs(last->sched.waitNs - first->sched.waitNs);
    }
    return s;
}

inline QByteArray stallsText(const Stalls &s)
{
    return "max " + QByteArray::number(s.maxMs, 'f', 1) + " ms, p99 " + QByteArray::number(s.p99Ms, 'f', 1) + " ms, "
         + QByteArray::number(s.overTarget) + "/" + QByteArray::number(s.gaps) + " gaps > 30 ms";
}

inline QByteArray worstText(const Stalls &s)
{
    return "worst at +" + QByteArray::number(s.worstAtMs, 'f', 0) + " ms: GUI thread ran "
         + QByteArray::number(s.worstRunMs, 'f', 1) + " ms, waited for a CPU " + QByteArray::number(s.worstWaitMs, 'f', 1)
         + " ms; at most " + QByteArray::number(s.busiestRunMs, 'f', 1) + " ms of GUI CPU in one gap";
}

} // namespace StallProbe
