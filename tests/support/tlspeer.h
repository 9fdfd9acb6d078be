#pragma once

#include "freeport.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QStringList>
#include <QTest>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

// `openssl s_server` from Debian's openssl package: a TLS peer SocketLab's code has no part in.
// Started on a free loopback port with the given certificate and extra options ("-www", "-tls1_2"...),
// and waited for until it accepts connections. Killed when this goes out of scope.
class TlsPeer
{
public:
    TlsPeer(const QString &certPath, const QString &keyPath, const QStringList &options = {QStringLiteral("-www")})
    {
        m_port = freeLoopbackPort();
        QStringList arguments{QStringLiteral("s_server"), QStringLiteral("-accept"),
                              QStringLiteral("127.0.0.1:%1").arg(m_port), QStringLiteral("-cert"), certPath,
                              QStringLiteral("-key"), keyPath, QStringLiteral("-quiet"), QStringLiteral("-naccept"),
                              QStringLiteral("1000")};
        m_process.setProgram(QStringLiteral("openssl"));
        m_process.setArguments(arguments + options);
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start();
        if (!m_process.waitForStarted(10000)) {
            m_port = 0;
            return;
        }
        // Ready once a plain connect() succeeds.
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 10000 && m_process.state() == QProcess::Running) {
            if (canConnect())
                return;
            QTest::qWait(20);
        }
        m_port = 0;
    }
    ~TlsPeer()
    {
        m_process.kill();
        m_process.waitForFinished(5000);
    }

    quint16 port() const { return m_port; }
    QString service() const { return QString::number(m_port); }
    QByteArray output() { return m_process.readAll(); }

private:
    bool canConnect() const
    {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(m_port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        const bool ok = ::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0;
        ::close(fd);
        return ok;
    }

    QProcess m_process;
    quint16 m_port = 0;
};
