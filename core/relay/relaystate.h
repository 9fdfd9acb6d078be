#pragma once

#include "net/trace.h"
#include "relay/relay.h"

#include <QList>

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <vector>

namespace SocketLab {

class ConversationRecord;

// A relay's tables, written by its threads (the accept loop and every connection's) and read from
// any: each connection's row, record and trace, the totals, the shaping in force, the capture
// budget, and the news the owner has not heard yet. One std::mutex guards them; the records and
// traces guard themselves.
class RelayState
{
public:
    // What the owner has to tell, in the order it happened; changed ids once each.
    struct News
    {
        enum class Kind { Opened, Closed, Refused };
        std::vector<std::pair<Kind, quint64>> events;
        std::vector<quint64> changed;
    };

    // Called from any thread when news arrive where there were none: the owner then takes them.
    void setNotifier(std::function<void()> notifier);
    // A new run: the shaping and budget of its settings. Tables carry on.
    void startRun(const RelaySettings &settings);

    quint64 addConnection(const SocketAddress &client, bool refused);
    std::shared_ptr<ConversationRecord> record(quint64 id) const;
    std::shared_ptr<Trace> trace(quint64 id) const;
    // Applies change to the connection's row under the lock and marks it changed; false for an unknown id.
    bool update(quint64 id, const std::function<void(Relay::Connection &)> &change);
    void addForwarded(RelayDirection direction, qint64 bytes, bool datagram);
    // The connection is over: its row is closed with error (none for a clean end) and counted.
    void close(quint64 id, const NetError &error);
    // Whether n more bytes of connection id may be kept for display: all or none. recordHasRoom:
    // whether its record's own caps take them. The first refusal marks the row's bytes dropped.
    bool grant(quint64 id, qint64 n, bool recordHasRoom);

    RelayShaping shaping(RelayDirection direction) const;
    void setShaping(RelayDirection direction, const RelayShaping &shaping);

    News takeNews();
    QList<Relay::Connection> connections() const;
    std::optional<Relay::Connection> connection(quint64 id) const;
    Relay::Totals totals() const;
    Trace &listenerTrace() { return *m_listenerTrace; }
    const Trace &listenerTrace() const { return *m_listenerTrace; }

private:
    struct Entry
    {
        Relay::Connection row;
        std::shared_ptr<ConversationRecord> record;
        std::shared_ptr<Trace> trace;
        qint64 kept = 0;  // bytes of the capture budget it holds
    };

    void noteLocked(News::Kind kind, quint64 id);
    void markChangedLocked(quint64 id);
    void forgetOldLocked();

    mutable std::mutex m_mutex;  // not QMutex: ThreadSanitizer does not see Debian's
    std::function<void()> m_notifier;
    std::map<quint64, Entry> m_entries;
    std::vector<quint64> m_closedOrder;  // closed ids, oldest first, to forget past maxClosed
    size_t m_closedForgotten = 0;        // how many of m_closedOrder's first ids are gone
    quint64 m_nextId = 1;
    Relay::Totals m_totals;
    RelayShaping m_toTarget;
    RelayShaping m_toClient;
    qint64 m_budget = 0;
    qint64 m_budgetUsed = 0;
    qint64 m_maxKeptBytes = 0;
    int m_maxClosed = 1000;
    News m_news;
    std::set<quint64> m_changed;
    std::shared_ptr<Trace> m_listenerTrace = std::make_shared<Trace>();
};

} // namespace SocketLab
