#pragma once

#include "relay/relay.h"

#include <QCoreApplication>

#include <cstdio>
#include <map>
#include <memory>
#include <mutex>

namespace SocketLab::Cli {

class HexDumpWriter;

// What `socketlab-cli relay` prints: a line per event of every connection, the bytes of each
// direction as they pass (escaped text, hex rows, or one JSON object per event), and the totals.
// event() is the relay's tap: it is called on the relay's threads, so every line is written under
// one lock, whole, and flushed, so a reader sees each as it happens.
class RelayPrinter
{
    Q_DECLARE_TR_FUNCTIONS(SocketLab::Cli::RelayPrinter)
public:
    enum class Format { Text, HexDump, Json };

    RelayPrinter(Format format, bool quiet, bool udp, std::FILE *out);
    ~RelayPrinter();
    RelayPrinter(const RelayPrinter &) = delete;
    RelayPrinter &operator=(const RelayPrinter &) = delete;

    void listening(const SocketAddress &bound, const QString &target);
    void event(const RelayTapEvent &event);
    void refused(quint64 id, const SocketAddress &client, int maxConnections);
    void totals(const Relay::Totals &totals);
    // A line of its own, for what the relay says outside of a connection.
    void line(const QString &text);

private:
    void data(const RelayTapEvent &event);
    void json(const QJsonObject &object);
    void write(const QString &text);
    QString textOf(const RelayTapEvent &event);

    const Format m_format;
    const bool m_quiet;
    const bool m_udp;
    std::FILE *m_out;
    std::mutex m_mutex;
    std::unique_ptr<HexDumpWriter> m_hex;
    // Per connection: the bytes read from each side, for its closing line.
    std::map<quint64, std::pair<qint64, qint64>> m_counts;
};

} // namespace SocketLab::Cli
