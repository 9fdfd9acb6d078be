#pragma once

#include "bytes/segment.h"
#include "capture/pcapngfile.h"
#include "net/trace.h"

#include <QByteArray>
#include <QList>

namespace SocketLab {

class ByteSource;
struct TcpResult;

// What a finished TCP exchange left behind, from which its packets are rebuilt.
struct TcpCaptureInput
{
    const TcpResult *result = nullptr;
    QByteArray request;              // the payload the exchange sent (its first result->sentBytes went)
    const ByteSource *received = nullptr; // the reply's bytes
    QList<Segment> segments;         // where each recv() ended in them, and when
    QList<TraceEntry> trace;         // the socket calls, for when the request went and the socket closed
    qint64 startEpochUs = 0;         // the wall-clock time at which the trace's clock started
};

// The exchange as a capture would have shown it: a handshake at connect time, the request one packet
// per send() at its time, one packet per recv() segment at its time (cut at MaxFramePayload),
// sequence and acknowledgement numbers that follow the bytes, and a FIN from the side that closed (or
// the peer's RST when the exchange ended by a reset, or the client's when SO_LINGER 0 made its close()
// one). A TLS exchange's application bytes go as plain TCP payload, each such packet saying so in
// its comment, and the section saying so too (tlsCaptureNote()). Every connect() that failed before
// (or instead of) the one that connected is a stream of its own (see addFailedAttempts()). Written to
// output as it is made, the reply read a packet's worth at a time: 0, or the errno of the write that
// failed.
int tcpCapture(const TcpCaptureInput &input, const CaptureOutput &output);

// The comment on a TLS capture and on each of its data packets.
QString tlsCaptureNote();

} // namespace SocketLab
