#include "localservers.h"

namespace SocketLab {

namespace {

// These run for the whole session: keep what a person inspects in the servers panel, not every
// byte of every benchmark run against them.
constexpr qint64 EmbeddedCaptureLimit = 1024 * 1024;
constexpr int EmbeddedClosedClients = 200;

Listener::Settings embeddedSettings(Listener::Transport transport, Listener::Mode mode, quint16 port)
{
    Listener::Settings settings;
    settings.transport = transport;
    settings.mode = mode;
    settings.address = Listener::loopback(port);
    settings.captureLimit = EmbeddedCaptureLimit;
    settings.maxClosedClients = EmbeddedClosedClients;
    return settings;
}

} // namespace

LocalServers::LocalServers()
    : m_http(std::make_unique<Listener>())
    , m_tcpEcho(std::make_unique<Listener>())
    , m_udpEcho(std::make_unique<Listener>())
{
}

LocalServers::~LocalServers()
{
    stop();
}

NetError LocalServers::start(const Ports &ports)
{
    stop();
    const std::pair<Listener *, Listener::Settings> servers[] = {
        {m_http.get(), embeddedSettings(Listener::Transport::Tcp, Listener::Mode::HttpDemo, ports.http)},
        {m_tcpEcho.get(), embeddedSettings(Listener::Transport::Tcp, Listener::Mode::Echo, ports.tcpEcho)},
        {m_udpEcho.get(), embeddedSettings(Listener::Transport::Udp, Listener::Mode::Echo, ports.udpEcho)},
    };
    for (const auto &[listener, settings] : servers) {
        if (NetError error = listener->start(settings); error.isError()) {
            stop();
            return error;
        }
    }
    return {};
}

NetError LocalServers::start()
{
    return start(Ports{});
}

void LocalServers::stop()
{
    m_http->stop();
    m_tcpEcho->stop();
    m_udpEcho->stop();
}

bool LocalServers::isRunning() const
{
    return m_http->isRunning() && m_tcpEcho->isRunning() && m_udpEcho->isRunning();
}

} // namespace SocketLab
