#pragma once

#include <QByteArray>

#include <cstdio>
#include <memory>

namespace SocketLab::Cli {

// Writes "offset | hex | text" rows, 16 bytes a row, from a table and into one large buffer, so a
// 1 GiB reply formats at least as fast as xxd and no byte ever becomes a QString. A "# label" line
// goes before each segment (one recv() or one datagram) and its rows start at the segment's first
// byte, their offsets counted from the reply's start.
class HexDumpWriter
{
public:
    explicit HexDumpWriter(std::FILE *out);
    ~HexDumpWriter();
    HexDumpWriter(const HexDumpWriter &) = delete;
    HexDumpWriter &operator=(const HexDumpWriter &) = delete;

    void label(const QByteArray &text);
    // Rows for len bytes at data, the first being the reply's byte `offset`.
    void rows(qint64 offset, const char *data, qint64 len);
    // Hands what is buffered to the stream and flushes it; false with lastErrno() once a write failed.
    bool flush();
    int lastErrno() const { return m_errno; }

private:
    char *reserve(qsizetype n);
    void writeRow(qint64 offset, const unsigned char *data, int len);

    std::FILE *m_out;
    std::unique_ptr<char[]> m_buffer;
    qsizetype m_used = 0;
    int m_errno = 0;
};

} // namespace SocketLab::Cli
