#pragma once

#include <QDeadlineTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QStringList>
#include <QTest>

#include <csignal>
#include <sys/types.h>

// What tst_cli and tst_notebook share: running socketlab-cli and the Python peers as separate
// processes, the way a script or a person would.

// Ends the calling test function as soon as a helper it called has recorded a failure.
#define CHECKED(call)                        \
    do {                                     \
        call;                                \
        if (QTest::currentTestFailed())      \
            return;                          \
    } while (false)

namespace CliTest {

inline QString cliPath()
{
    return qEnvironmentVariable("SOCKETLAB_CLI");
}

inline QString pythonPath()
{
    return qEnvironmentVariable("PYTHON", QStringLiteral("python3"));
}

// The source tree's peers, compiled in: $SOCKETLAB_PEERS is set relative to the directory that
// registered the test, which is not where the peers live.
inline QString peerScript(const QString &name)
{
    return QStringLiteral(SOCKETLAB_PEERS_DIR "/") + name;
}

// The CLI follows the locale: C.UTF-8 gives its English sentences with numbers written the C way, so
// the sentences checked here are stable; a UTF-8 codeset keeps Qt from warning about the locale on stderr.
inline QProcessEnvironment environment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    env.remove(QStringLiteral("LANGUAGE"));
    return env;
}

struct Result
{
    bool finished = false;
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    QByteArray describe() const
    {
        return "exit " + QByteArray::number(exitCode) + (finished ? "" : " (did not finish)") + "\nstdout: "
            + out.left(4000) + "\nstderr: " + err.left(4000);
    }
};

// `input` is written to the program's standard input, which is then closed: the end of input a
// person gives with ^D.
inline Result run(const QString &program, const QStringList &arguments, int timeoutMs = 60000,
                  const QByteArray &input = {})
{
    QProcess process;
    process.setProcessEnvironment(environment());
    process.start(program, arguments);
    Result result;
    if (!process.waitForStarted(10000))
        return result;
    process.write(input);
    process.closeWriteChannel();
    result.finished = process.waitForFinished(timeoutMs) && process.exitStatus() == QProcess::NormalExit;
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished(5000);
    }
    result.exitCode = process.exitCode();
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

inline Result cli(const QStringList &arguments, int timeoutMs = 60000)
{
    return run(cliPath(), arguments, timeoutMs);
}

inline Result python(const QStringList &arguments)
{
    return run(pythonPath(), arguments);
}

// A process that lives for one test function and prints where it listens on its first line;
// killed when it goes out of scope if it is still running.
class Background
{
public:
    Background(const QString &program, const QStringList &arguments)
    {
        m_process.setProcessEnvironment(environment());
        m_process.start(program, arguments);
        if (!m_process.waitForStarted(10000))
            return;
        const QDeadlineTimer deadline(20000);
        while (!m_process.canReadLine() && m_process.state() == QProcess::Running && !deadline.hasExpired())
            m_process.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
        m_firstLine = QString::fromUtf8(m_process.readLine()).trimmed();
    }

    virtual ~Background()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    Background(const Background &) = delete;
    Background &operator=(const Background &) = delete;

    QString firstLine() const { return m_firstLine; }
    QProcess &process() { return m_process; }

    // Sends `signal` and waits for the exit: the exit code, or -1 if it crashed or hung.
    int stop(int signal)
    {
        if (m_process.state() != QProcess::Running)
            return -1;
        ::kill(pid_t(m_process.processId()), signal);
        if (!m_process.waitForFinished(20000) || m_process.exitStatus() != QProcess::NormalExit)
            return -1;
        return m_process.exitCode();
    }

private:
    QProcess m_process;
    QString m_firstLine;
};

// One of the independent Python peers of tests/peers/; its first line is its port.
class Peer : public Background
{
public:
    Peer(const QString &script, const QStringList &arguments)
        : Background(pythonPath(), QStringList{peerScript(script)} + arguments)
    {
        m_port = firstLine().toUShort();
    }

    quint16 port() const { return m_port; }
    QString service() const { return QString::number(m_port); }

private:
    quint16 m_port = 0;
};

// socketlab-cli serve ...; its first line is "Listening on HOST:PORT (KIND). ...".
class Server : public Background
{
public:
    explicit Server(const QStringList &arguments)
        : Background(cliPath(), QStringList{QStringLiteral("serve")} + arguments)
    {
        static const QRegularExpression listening(QStringLiteral("^Listening on (.+):(\\d+) "));
        const QRegularExpressionMatch match = listening.match(firstLine());
        if (match.hasMatch()) {
            m_host = match.captured(1);
            m_port = match.captured(2).toUShort();
        }
    }

    QString host() const { return m_host; }
    quint16 port() const { return m_port; }
    QString service() const { return QString::number(m_port); }

private:
    QString m_host;
    quint16 m_port = 0;
};

} // namespace CliTest
