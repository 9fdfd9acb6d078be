#include "hexrow.h"

#include <array>
#include <cstring>

namespace SocketLab::HexRow {

namespace {

constexpr int OffsetDigits = 8;
constexpr int HexStart = OffsetDigits + 2;
constexpr int TextStart = HexStart + Bytes * 3 + 1 + 2;
constexpr int RowLength = TextStart + Bytes + 2;

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

// Offsets past 4 GiB take more digits, as %08llx gives them.
int extraDigits(qint64 offset)
{
    int extra = 0;
    for (quint64 rest = quint64(offset) >> 32; rest; rest >>= 4)
        ++extra;
    return extra;
}

} // namespace

int length(qint64 offset, int len)
{
    return TextStart + extraDigits(offset) + len + 2;
}

void write(char *row, qint64 offset, const unsigned char *data, int len)
{
    const int extra = extraDigits(offset);
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

void append(QByteArray &out, qint64 offset, const char *data, qint64 len)
{
    const auto *bytes = reinterpret_cast<const unsigned char *>(data);
    for (qint64 done = 0; done < len; done += Bytes) {
        const int rowBytes = int(qMin<qint64>(Bytes, len - done));
        const int n = length(offset + done, rowBytes);
        const qsizetype at = out.size();
        out.resize(at + n);
        write(out.data() + at, offset + done, bytes + done, rowBytes);
    }
}

} // namespace SocketLab::HexRow
