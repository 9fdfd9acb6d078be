#pragma once

#include <QByteArray>
#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

// The CLI's hexdump format, checked by a formatter of the tests' own: what tst_cli and tst_clistream share.
namespace CliTest {

using namespace Qt::StringLiterals;

// The hexdump format: one "# label" line per segment, then rows of 16 bytes from that segment's
// offset: offset, the bytes in hex (a gap after eight), the bytes as text between bars.
inline QString hexRow(qint64 offset, const QByteArray &bytes)
{
    QString row = QString::asprintf("%08llx  ", static_cast<unsigned long long>(offset));
    QString text;
    for (int i = 0; i < 16; ++i) {
        if (i < bytes.size()) {
            const auto c = static_cast<unsigned char>(bytes.at(i));
            row += QString::asprintf("%02x ", c);
            text += (c >= 0x20 && c < 0x7f) ? QChar(char16_t(c)) : QChar(u'.');
        } else {
            row += u"   "_s;
        }
        if (i == 7)
            row += u' ';
    }
    return row + u" |"_s + text + u'|';
}

struct DumpSegment
{
    QString label;
    qint64 length = 0;
};

// Parses a hex dump, checking each row against the bytes it claims; the bytes, in order.
inline QByteArray parseHexDump(const QStringList &dump, const QRegularExpression &label, QList<DumpSegment> *segments)
{
    static const QRegularExpression row(u"^([0-9a-f]{8})  ((?:[0-9a-f]{2} |   ){8} (?:[0-9a-f]{2} |   ){8}) \\|(.*)\\|$"_s);
    QByteArray bytes;
    qint64 segmentEnd = -1;
    for (const QString &line : dump) {
        const QRegularExpressionMatch labelMatch = label.match(line);
        if (labelMatch.hasMatch()) {
            if (segmentEnd >= 0 && segmentEnd != bytes.size())
                return {};
            const qint64 length = labelMatch.captured(u"bytes"_s).remove(u',').toLongLong();
            segments->append({line, length});
            segmentEnd = bytes.size() + length;
            continue;
        }
        const QRegularExpressionMatch rowMatch = row.match(line);
        if (!rowMatch.hasMatch() || segments->isEmpty())
            return {};
        const qint64 offset = rowMatch.captured(1).toLongLong(nullptr, 16);
        const QByteArray rowBytes = QByteArray::fromHex(rowMatch.captured(2).toLatin1());
        // A row starts where the previous one stopped, and renders exactly as the format says.
        if (offset != bytes.size() || hexRow(offset, rowBytes) != line)
            return {};
        bytes += rowBytes;
    }
    if (segmentEnd != bytes.size())
        return {};
    return bytes;
}

} // namespace CliTest
