#pragma once

#include "net/resolver.h"
#include "relay/rateallowance.h"
#include "relay/relay.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QString>

#include <deque>
#include <map>
#include <memory>
#include <vector>

namespace SocketLab {

class CancelToken;
class ConversationRecord;
class RelayState;
class Socket;
class Trace;

// A UDP relay's loop, on the relay's thread: each client address gets its own connected socket to
// the target, so the target's answers find their way back to the one who asked; datagrams go on
// whole, both ways, each recorded with its size (and cut, when larger than the buffer). Shaping
// holds datagrams as a pipe holds bytes; past the queue's cap a datagram is dropped, as a full
// router drops it. A client's socket closes after the idle timeout, or when the relay stops.
class UdpRelay
{
public:
    UdpRelay(RelayState &state, const RelaySettings &settings, const CancelToken &cancel, const RelayTap &tap,
             Socket &listening, const AddrInfoRow &target);
    ~UdpRelay();
    UdpRelay(const UdpRelay &) = delete;
    UdpRelay &operator=(const UdpRelay &) = delete;

    // Until the token is cancelled; an error when poll() fails.
    NetError run();

private:
    struct Held
    {
        QByteArray bytes;
        qint64 releaseUs = 0;
    };
    // One direction's datagrams waiting for their turn, and its bandwidth allowance.
    struct Queue
    {
        std::deque<Held> held;
        qint64 bytes = 0;
        RateAllowance rate;
    };
    struct Client
    {
        quint64 id = 0;
        SocketAddress address;
        std::shared_ptr<ConversationRecord> record;
        std::shared_ptr<Trace> trace;
        std::unique_ptr<Socket> socket;  // connected to the target
        Queue toTarget;
        Queue toClient;
        qint64 fromClient = 0;
        qint64 fromTarget = 0;
        qint64 toTargetBytes = 0;
        qint64 toClientBytes = 0;
        qint64 datagramsFromClient = 0;
        qint64 datagramsFromTarget = 0;
        qint64 lastActivityUs = 0;
        bool keeping = true;
    };

    void readClients();
    void readTarget(Client &client);
    Client *clientFor(const SocketAddress &address);
    void hold(Client &client, RelayDirection direction, const char *data, qint64 len);
    void release(Client &client, RelayDirection direction);
    void closeIdle();
    void close(Client &client, const NetError &error);
    void record(Client &client, ConversationEvent::Kind kind, const char *data, qint64 size, bool truncated);
    void updateRow(const Client &client);
    int pollTimeoutMs() const;
    qint64 nowUs() const;

    RelayState &m_state;
    const RelaySettings m_settings;
    const CancelToken &m_cancel;
    const RelayTap &m_tap;
    Socket &m_listening;
    const AddrInfoRow m_target;
    std::map<QString, std::unique_ptr<Client>> m_clients;  // by the client's address, as text
    std::vector<char> m_buffer;
    QElapsedTimer m_clock;
};

} // namespace SocketLab
