#pragma once

#include <QDeadlineTimer>
#include <QProcess>
#include <QStringList>
#include <QTest>

// Starts one of the independent Python peers of tests/peers/ and reads the port it prints first.
// The process is killed when this goes out of scope.
class PeerProcess
{
public:
    explicit PeerProcess(const QString &script, const QStringList &arguments)
    {
        const QString python = qEnvironmentVariable("PYTHON", QStringLiteral("python3"));
        const QString peers = qEnvironmentVariable("SOCKETLAB_PEERS", QStringLiteral(SOCKETLAB_PEERS_DIR));
        m_process.setProgram(python);
        m_process.setArguments(QStringList{peers + QLatin1Char('/') + script} + arguments);
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start();
        if (!m_process.waitForStarted(10000))
            return;
        while (!m_process.canReadLine() && m_process.state() == QProcess::Running)
            m_process.waitForReadyRead(10000);
        bool ok = false;
        const int port = m_process.readLine().trimmed().toInt(&ok);
        m_port = ok ? quint16(port) : 0;
    }

    ~PeerProcess()
    {
        m_process.kill();
        m_process.waitForFinished(5000);
    }

    quint16 port() const { return m_port; }
    // The next line the peer prints after its port, trimmed; empty if none comes in time.
    QByteArray readLine(int timeoutMs = 10000)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (!m_process.canReadLine() && m_process.state() == QProcess::Running && !deadline.hasExpired())
            m_process.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
        return m_process.readLine().trimmed();
    }
    QString service() const { return QString::number(m_port); }

private:
    QProcess m_process;
    quint16 m_port = 0;
};
