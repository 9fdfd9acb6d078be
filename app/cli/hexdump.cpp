#include "hexdump.h"

#include "bytes/bytesource.h"

namespace SocketLab::Cli {

namespace {

constexpr qint64 RowBytes = 16;

void writeRow(std::FILE *out, qint64 offset, const char *data, qint64 len)
{
    char line[128];
    int pos = std::snprintf(line, sizeof line, "%08llx  ", static_cast<unsigned long long>(offset));
    for (qint64 i = 0; i < RowBytes; ++i) {
        if (i < len)
            pos += std::snprintf(line + pos, sizeof line - size_t(pos), "%02x ", static_cast<unsigned char>(data[i]));
        else
            pos += std::snprintf(line + pos, sizeof line - size_t(pos), "   ");
        if (i == 7)
            line[pos++] = ' ';
    }
    line[pos++] = ' ';
    line[pos++] = '|';
    for (qint64 i = 0; i < len; ++i) {
        const unsigned char c = static_cast<unsigned char>(data[i]);
        line[pos++] = (c >= 0x20 && c < 0x7f) ? char(c) : '.';
    }
    line[pos++] = '|';
    line[pos++] = '\n';
    std::fwrite(line, 1, size_t(pos), out);
}

void writeRange(std::FILE *out, const ByteSource &bytes, qint64 begin, qint64 end)
{
    // Read in blocks so a 1 GiB reply is never copied whole.
    constexpr qint64 Block = RowBytes * 4096;
    for (qint64 block = begin; block < end; block += Block) {
        const QByteArray data = bytes.read(block, qMin(Block, end - block));
        for (qint64 row = 0; row < data.size(); row += RowBytes)
            writeRow(out, block + row, data.constData() + row, qMin(RowBytes, qint64(data.size()) - row));
    }
}

} // namespace

void writeHexDump(std::FILE *out, const ByteSource &bytes, const QList<Segment> &segments,
                  const std::function<QString(qsizetype, const Segment &)> &segmentLabel)
{
    qint64 covered = 0;
    for (qsizetype i = 0; i < segments.size(); ++i) {
        const Segment &segment = segments.at(i);
        const QByteArray label = segmentLabel(i, segment).toUtf8();
        std::fprintf(out, "# %s\n", label.constData());
        writeRange(out, bytes, segment.offset, segment.offset + segment.length);
        covered = segment.offset + segment.length;
    }
    // Bytes committed after the last closed segment (a write interrupted by an error) still show.
    if (covered < bytes.size())
        writeRange(out, bytes, covered, bytes.size());
}

} // namespace SocketLab::Cli
