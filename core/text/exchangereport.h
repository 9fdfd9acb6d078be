#pragma once

#include "bytes/segment.h"
#include "net/socketaddress.h"
#include "net/trace.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

namespace SocketLab {

class ByteSource;
class ConversationRecord;
struct ConversationRequest;
struct TcpResult;
struct UdpResult;

// What a TCP or a UDP exchange left behind, for its report: the target as the person gave it, the
// request sent, the reply's bytes with their recv() (or datagram) bounds, the outcome and the calls.
struct ExchangeReportInput
{
    QString host;
    QString service;
    IpFamily family = IpFamily::Any;
    QByteArray request;
    const TcpResult *tcp = nullptr;  // one of these two
    const UdpResult *udp = nullptr;
    const ByteSource *reply = nullptr;
    QList<Segment> segments;
    QList<TraceEntry> trace;
    QDateTime startedAt;
};

struct ConversationReportInput
{
    const ConversationRequest *request = nullptr;
    const ConversationRecord *record = nullptr;
    QList<TraceEntry> trace;
    QDateTime startedAt;
};

// A plain-text report of an exchange or a conversation, to paste in a bug report: the target (host,
// port, the addresses it resolved to, every connect() tried and the one that connected, TLS), the
// request and the reply as hex dumps, why it stopped in words, its timings, and the socket calls with
// what they returned. Translated; the same text for the window and socketlab-cli --report.
//
// A large reply is never read whole: past 2 x keptBytes, only its first and last keptBytes are read
// and dumped, a "… N bytes left out …" line between them. A request likewise.
class ExchangeReport
{
    Q_DECLARE_TR_FUNCTIONS(SocketLab::ExchangeReport)
public:
    static constexpr qint64 DefaultKeptBytes = 16 * 1024;
    // Of a conversation, the first and the last messages listed; those between are counted.
    static constexpr int KeptMessages = 100;

    static QString exchange(const ExchangeReportInput &input, qint64 keptBytes = DefaultKeptBytes);
    static QString conversation(const ConversationReportInput &input, qint64 keptBytes = DefaultKeptBytes);
    // The hex rows of `size` bytes from source, their first and last keptBytes only when there are
    // more than 2 x keptBytes, with the line that says how many were left out between them.
    static QString hexDump(const ByteSource &source, qint64 keptBytes = DefaultKeptBytes);
};

} // namespace SocketLab
