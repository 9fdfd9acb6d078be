#pragma once

#include "listener.h"

#include <QObject>

#include <memory>

namespace SocketLab {

// The four servers SocketLab starts on loopback so that a first launch without any network
// already has something real to talk to: the HTTP demo site, the same over TLS (HTTPS, with the
// self-signed localhost certificate), a TCP echo and a UDP echo.
// Each is a Listener on its own thread; they start together without blocking the caller, and
// started() or startFailed() tells how it went, on the owner's thread.
class LocalServers : public QObject
{
    Q_OBJECT

public:
    // 0 lets the system choose a free port.
    struct Ports
    {
        quint16 http = 0;
        quint16 https = 0;
        quint16 tcpEcho = 0;
        quint16 udpEcho = 0;
    };

    explicit LocalServers(QObject *parent = nullptr);
    ~LocalServers() override;

    // Where the HTTPS server's self-signed certificate is kept; empty: the application's data folder.
    void setCertificateDir(const QString &dir) { m_certificateDir = dir; }

    // Stops them, then starts all four on 127.0.0.1 and returns at once. started() follows once
    // all four listen; if one cannot start (EADDRINUSE for a busy port), the others are stopped
    // and startFailed() carries its error, its detail naming the address. An error known at once
    // (no eventfd or thread to be had) is returned instead, the others stopped, and no signal follows.
    NetError start(const Ports &ports);
    NetError start();
    void stop();
    // All four are listening.
    bool isRunning() const;
    // Between start() and its outcome.
    bool isStarting() const { return m_starting; }

    SocketAddress httpAddress() const { return m_http->boundAddress(); }
    SocketAddress httpsAddress() const { return m_https->boundAddress(); }
    SocketAddress tcpEchoAddress() const { return m_tcpEcho->boundAddress(); }
    SocketAddress udpEchoAddress() const { return m_udpEcho->boundAddress(); }

    // For the servers panel: their clients, bytes and traces.
    Listener *http() const { return m_http.get(); }
    Listener *https() const { return m_https.get(); }
    Listener *tcpEcho() const { return m_tcpEcho.get(); }
    Listener *udpEcho() const { return m_udpEcho.get(); }

signals:
    void started();
    void startFailed(const SocketLab::NetError &error);

private:
    void onListening();
    void onStartFailed(const NetError &error);

    std::unique_ptr<Listener> m_http;
    std::unique_ptr<Listener> m_https;
    std::unique_ptr<Listener> m_tcpEcho;
    std::unique_ptr<Listener> m_udpEcho;
    QString m_certificateDir;
    bool m_starting = false;
    NetError m_lastError;  // what a listener said before it stopped during the start
};

} // namespace SocketLab
