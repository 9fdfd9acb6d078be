#pragma once

#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QStringList>

#include <unistd.h>
#include <utility>

// Two network namespaces of the test's own, joined by a veth pair, for what loopback cannot show
// (broadcast, multicast between hosts): "a" has 10.213.0.1/24 and fd00:213::1/64 on interface
// ifA(), "b" 10.213.0.2/24 and fd00:213::2/64 on ifB(). Nothing touches the machine's interfaces:
// the pair is made in the test's namespace and both ends moved away at once. Names carry the pid,
// so tests run at the same time never meet; both namespaces go when this does, even after a failure.
class NetnsPair
{
public:
    NetnsPair()
        : m_tag(QStringLiteral("slmc%1").arg(::getpid()))
    {
    }

    ~NetnsPair() { remove(); }

    NetnsPair(const NetnsPair &) = delete;
    NetnsPair &operator=(const NetnsPair &) = delete;

    // Empty when both namespaces are up, else why not (no root, no `ip`...), for QSKIP.
    QString create()
    {
        if (::geteuid() != 0)
            return QStringLiteral("network namespaces need root (ip netns add); run as root to test broadcast and multicast");
        m_ip = QStandardPaths::findExecutable(QStringLiteral("ip"), {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin"),
                                                                     QStringLiteral("/usr/bin"), QStringLiteral("/bin")});
        if (m_ip.isEmpty())
            return QStringLiteral("the ip command (iproute2) is not installed");
        QString why = ip({QStringLiteral("netns"), QStringLiteral("add"), nsA()});
        if (!why.isEmpty())
            return why;
        m_createdA = true;
        if (!(why = ip({QStringLiteral("netns"), QStringLiteral("add"), nsB()})).isEmpty())
            return why;
        m_createdB = true;
        // Written as a person types them; %1/%2 the namespaces, %3/%4 the interfaces.
        const char *const steps[] = {
            "link add %3 type veth peer name %4",
            "link set %3 netns %1",
            "link set %4 netns %2",
            "-n %1 addr add 10.213.0.1/24 brd + dev %3",
            "-n %2 addr add 10.213.0.2/24 brd + dev %4",
            // nodad: the address is usable at once, not after duplicate address detection.
            "-n %1 addr add fd00:213::1/64 dev %3 nodad",
            "-n %2 addr add fd00:213::2/64 dev %4 nodad",
            "-n %1 link set lo up",
            "-n %2 link set lo up",
            "-n %1 link set %3 up",
            "-n %2 link set %4 up",
        };
        for (const char *step : steps) {
            // replace() rather than arg(): arg() numbers the placeholders a step has, not the ones it names.
            const QStringList words = QString::fromLatin1(step)
                                          .replace(QLatin1StringView("%1"), nsA())
                                          .replace(QLatin1StringView("%2"), nsB())
                                          .replace(QLatin1StringView("%3"), ifA())
                                          .replace(QLatin1StringView("%4"), ifB())
                                          .split(QLatin1Char(' '));
            if (!(why = ip(words)).isEmpty())
                return why;
        }
        return {};
    }

    void remove()
    {
        // Deleting a namespace deletes the veth end in it, and so the pair.
        if (std::exchange(m_createdA, false))
            ip({QStringLiteral("netns"), QStringLiteral("del"), nsA()});
        if (std::exchange(m_createdB, false))
            ip({QStringLiteral("netns"), QStringLiteral("del"), nsB()});
    }

    QString nsA() const { return m_tag + QStringLiteral("a"); }
    QString nsB() const { return m_tag + QStringLiteral("b"); }
    QString ifA() const { return m_tag + QStringLiteral("a"); }
    QString ifB() const { return m_tag + QStringLiteral("b"); }

    // `ip netns exec NS program arguments...`: what to give QProcess to run a program inside.
    QStringList inside(const QString &ns, const QString &program, const QStringList &arguments) const
    {
        return QStringList{QStringLiteral("netns"), QStringLiteral("exec"), ns, program} + arguments;
    }
    QString ipPath() const { return m_ip; }

private:
    // Empty on success, else the command and what it said.
    QString ip(const QStringList &arguments) const
    {
        QProcess process;
        process.start(m_ip, arguments);
        if (!process.waitForFinished(10000)) {
            process.kill();
            process.waitForFinished(2000);
            return QStringLiteral("ip %1 did not finish").arg(arguments.join(QLatin1Char(' ')));
        }
        if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
            return QStringLiteral("ip %1 failed: %2")
                .arg(arguments.join(QLatin1Char(' ')), QString::fromLocal8Bit(process.readAllStandardError()).trimmed());
        return {};
    }

    QString m_tag;
    QString m_ip;
    bool m_createdA = false;
    bool m_createdB = false;
};
