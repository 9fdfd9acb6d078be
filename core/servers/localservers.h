#pragma once

#include "listener.h"

#include <memory>

namespace SocketLab {

// The three servers SocketLab starts on loopback so that a first launch without any network
// already has something real to talk to: the HTTP demo site, a TCP echo and a UDP echo.
class LocalServers
{
public:
    // 0 lets the system choose a free port.
    struct Ports
    {
        quint16 http = 0;
        quint16 tcpEcho = 0;
        quint16 udpEcho = 0;
    };

    LocalServers();
    ~LocalServers();
    LocalServers(const LocalServers &) = delete;
    LocalServers &operator=(const LocalServers &) = delete;

    // Starts all three on 127.0.0.1. If one cannot start (EADDRINUSE for a busy port), the others
    // are stopped and its error is returned, its detail naming the address.
    NetError start(const Ports &ports);
    NetError start();
    void stop();
    bool isRunning() const;

    SocketAddress httpAddress() const { return m_http->boundAddress(); }
    SocketAddress tcpEchoAddress() const { return m_tcpEcho->boundAddress(); }
    SocketAddress udpEchoAddress() const { return m_udpEcho->boundAddress(); }

    // For the servers panel: their clients, bytes and traces.
    Listener *http() const { return m_http.get(); }
    Listener *tcpEcho() const { return m_tcpEcho.get(); }
    Listener *udpEcho() const { return m_udpEcho.get(); }

private:
    std::unique_ptr<Listener> m_http;
    std::unique_ptr<Listener> m_tcpEcho;
    std::unique_ptr<Listener> m_udpEcho;
};

} // namespace SocketLab
