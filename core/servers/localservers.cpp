#include "localservers.h"

#include <cerrno>

namespace SocketLab {

namespace {

// These run for the whole session: keep what a person inspects in the servers panel, not every
// byte of every benchmark run against them.
constexpr qint64 EmbeddedCaptureBudget = 4 * 1024 * 1024;
constexpr int EmbeddedClosedClients = 200;

Listener::Settings embeddedSettings(Listener::Transport transport, Listener::Mode mode, quint16 port)
{
    Listener::Settings settings;
    settings.transport = transport;
    settings.mode = mode;
    settings.address = Listener::loopback(port);
    settings.captureBudget = EmbeddedCaptureBudget;
    settings.maxClosedClients = EmbeddedClosedClients;
    return settings;
}

} // namespace

LocalServers::LocalServers(QObject *parent)
    : QObject(parent)
    , m_http(std::make_unique<Listener>())
    , m_https(std::make_unique<Listener>())
    , m_tcpEcho(std::make_unique<Listener>())
    , m_udpEcho(std::make_unique<Listener>())
{
    for (Listener *listener : {m_http.get(), m_https.get(), m_tcpEcho.get(), m_udpEcho.get()}) {
        connect(listener, &Listener::listening, this, &LocalServers::onListening);
        connect(listener, &Listener::startFailed, this, &LocalServers::onStartFailed);
        // One that listened, then ended on an error before the others listened, ends the start too:
        // otherwise neither started() nor startFailed() would ever come.
        connect(listener, &Listener::errorOccurred, this, [this](const NetError &error) {
            if (m_starting)
                m_lastError = error;
        });
        connect(listener, &Listener::stopped, this, [this] {
            onStartFailed(m_lastError.isError() ? m_lastError : NetError::fromErrno(EIO, QStringLiteral("poll")));
        });
    }
}

LocalServers::~LocalServers()
{
    stop();
}

NetError LocalServers::start(const Ports &ports)
{
    stop();
    Listener::Settings https = embeddedSettings(Listener::Transport::Tcp, Listener::Mode::HttpDemo, ports.https);
    https.tls = true;
    https.certificateDir = m_certificateDir;
    const std::pair<Listener *, Listener::Settings> servers[] = {
        {m_http.get(), embeddedSettings(Listener::Transport::Tcp, Listener::Mode::HttpDemo, ports.http)},
        {m_https.get(), https},
        {m_tcpEcho.get(), embeddedSettings(Listener::Transport::Tcp, Listener::Mode::Echo, ports.tcpEcho)},
        {m_udpEcho.get(), embeddedSettings(Listener::Transport::Udp, Listener::Mode::Echo, ports.udpEcho)},
    };
    m_starting = true;
    m_lastError = {};
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
    m_starting = false;
    m_http->stop();
    m_https->stop();
    m_tcpEcho->stop();
    m_udpEcho->stop();
}

bool LocalServers::isRunning() const
{
    return m_http->isRunning() && m_https->isRunning() && m_tcpEcho->isRunning() && m_udpEcho->isRunning();
}

void LocalServers::onListening()
{
    // A server restarted alone (from the servers panel) says so itself; only a start of all four
    // ends here.
    if (m_starting && isRunning()) {
        m_starting = false;
        emit started();
    }
}

void LocalServers::onStartFailed(const NetError &error)
{
    if (!m_starting)
        return;
    stop();
    emit startFailed(error);
}

} // namespace SocketLab
