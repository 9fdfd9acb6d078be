#pragma once

#include "hexdump.h"

#include "bytes/bytesink.h"

#include <QString>

#include <functional>
#include <memory>

namespace SocketLab::Cli {

// The hexdump format as the bytes arrive: each segment is written out, its label first, the moment it
// ends, and forgotten. It holds one recv()'s or one datagram's bytes at a time whatever the reply's
// size, and keeps no segment list: segments() is empty, size() counts every byte.
class HexDumpSink final : public ByteSink
{
public:
    // The label line of the segment numbered index (from 0), without its "# ".
    using Label = std::function<QString(qsizetype index, const Segment &segment)>;

    HexDumpSink(std::FILE *out, Label label);

    std::span<char> writableSpan(qint64 want) override;
    // False once writing to the output failed (lastErrno() says why): the exchange stops reading.
    bool commit(qint64 n) override;
    void endSegment(qint64 timeUs) override;
    qint64 size() const override { return m_size; }
    QList<Segment> segments() const override { return {}; }
    int lastErrno() const override { return m_writer.lastErrno(); }

    // The exchange is over: bytes kept after the last segment ended (a read cut short by an error)
    // are written without a label, and everything is flushed. False if a write failed.
    bool finish();

private:
    HexDumpWriter m_writer;
    Label m_label;
    std::unique_ptr<char[]> m_buffer;
    qint64 m_capacity = 0;
    qint64 m_pending = 0;       // the current segment's bytes, at the start of m_buffer
    qint64 m_segmentStart = 0;  // the reply's offset of the current segment's first byte
    qint64 m_size = 0;
    qsizetype m_segmentCount = 0;
};

} // namespace SocketLab::Cli
