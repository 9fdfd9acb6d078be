#include "hexdump.h"

#include <array>
#include <cerrno>
#include <cstring>

namespace SocketLab::Cli {

namespace {

constexpr int RowBytes = 16;
// "%08llx" then two spaces; 16 bytes as "xx " with one more space after the eighth; " |", the text, "|\n".
constexpr int OffsetDigits = 8;
constexpr int HexStart = OffsetDigits + 2;
constexpr int TextStart = HexStart + RowBytes * 3 + 1 + 2;
constexpr int RowLength = TextStart + RowBytes + 2;
// Room for the longest row (a 16-digit offset) and a label line at the end of the buffer.
constexpr qsizetype RowRoom = RowLength + 16;
constexpr qsizetype BufferSize = 1024 * 1024;

constexpr int hexColumn(int i)
{
    return HexStart + i * 3 + (i >= 8 ? 1 : 0);
}

struct Tables
{
    std::array<std::array<char, 2>, 256> hex{};
    std::array<char, 256> text{};
    std::array<char, RowLength> blankRow{};

    constexpr Tables()
    {
        constexpr char digits[] = "0123456789abcdef";
        for (int c = 0; c < 256; ++c) {
            hex[c] = {digits[c >> 4], digits[c & 15]};
            text[c] = (c >= 0x20 && c < 0x7f) ? char(c) : '.';
        }
        for (char &c : blankRow)
            c = ' ';
        blankRow[TextStart - 1] = '|';
    }
};

constexpr Tables tables;

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
    // Offsets past 4 GiB take more digits, as %08llx gives them.
    int extra = 0;
    for (quint64 rest = quint64(offset) >> 32; rest; rest >>= 4)
        ++extra;
    const int length = TextStart + extra + len + 2;
    char *row = reserve(length);
    std::memcpy(row + extra, tables.blankRow.data(), size_t(TextStart));
    for (int d = OffsetDigits + extra - 1; d >= 0; --d, offset >>= 4)
        row[d] = "0123456789abcdef"[offset & 15];
    char *hex = row + extra;
    char *text = row + extra + TextStart;
    for (int i = 0; i < len; ++i) {
        std::memcpy(hex + hexColumn(i), tables.hex[data[i]].data(), 2);
        text[i] = tables.text[data[i]];
    }
    text[len] = '|';
    text[len + 1] = '\n';
}

void HexDumpWriter::rows(qint64 offset, const char *data, qint64 len)
{
    const auto *bytes = reinterpret_cast<const unsigned char *>(data);
    for (qint64 done = 0; done < len; done += RowBytes) {
        if (m_used + RowRoom > BufferSize)
            flush();
        writeRow(offset + done, bytes + done, int(qMin<qint64>(RowBytes, len - done)));
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
