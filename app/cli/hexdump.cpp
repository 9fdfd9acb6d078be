#include "hexdump.h"

#include "bytes/hexrow.h"

#include <cerrno>
#include <cstring>

namespace SocketLab::Cli {

namespace {

// Room for the longest row and a label line at the end of the buffer.
constexpr qsizetype RowRoom = HexRow::MaxLength + 16;
constexpr qsizetype BufferSize = 1024 * 1024;

} // namespace

HexDumpWriter::HexDumpWriter(std::FILE *out)
    : m_out(out)
    , m_buffer(std::make_unique_for_overwrite<char[]>(size_t(BufferSize)))
{
}

HexDumpWriter::~HexDumpWriter()
{
    flush();
}

char *HexDumpWriter::reserve(qsizetype n)
{
    if (m_used + n > BufferSize)
        flush();
    // A label longer than the whole buffer is written through at once by label() itself.
    char *at = m_buffer.get() + m_used;
    m_used += n;
    return at;
}

void HexDumpWriter::label(const QByteArray &text)
{
    const qsizetype n = text.size() + 3;
    if (n > BufferSize) {
        flush();
        std::fputs("# ", m_out);
        std::fwrite(text.constData(), 1, size_t(text.size()), m_out);
        std::fputc('\n', m_out);
        return;
    }
    char *at = reserve(n);
    at[0] = '#';
    at[1] = ' ';
    std::memcpy(at + 2, text.constData(), size_t(text.size()));
    at[n - 1] = '\n';
}

void HexDumpWriter::writeRow(qint64 offset, const unsigned char *data, int len)
{
    HexRow::write(reserve(HexRow::length(offset, len)), offset, data, len);
}

void HexDumpWriter::rows(qint64 offset, const char *data, qint64 len)
{
    const auto *bytes = reinterpret_cast<const unsigned char *>(data);
    for (qint64 done = 0; done < len; done += HexRow::Bytes) {
        if (m_used + RowRoom > BufferSize)
            flush();
        writeRow(offset + done, bytes + done, int(qMin<qint64>(HexRow::Bytes, len - done)));
    }
}

bool HexDumpWriter::flush()
{
    errno = 0;
    if (m_used > 0 && m_errno == 0 && std::fwrite(m_buffer.get(), 1, size_t(m_used), m_out) != size_t(m_used))
        m_errno = errno ? errno : EIO;
    m_used = 0;
    if (m_errno == 0 && std::fflush(m_out) != 0)
        m_errno = errno ? errno : EIO;
    return m_errno == 0;
}

} // namespace SocketLab::Cli
