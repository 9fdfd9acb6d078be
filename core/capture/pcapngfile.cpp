#include "pcapngfile.h"

#include <QtEndian>

namespace SocketLab {

namespace {

constexpr quint32 SectionHeaderType = 0x0A0D0D0A;
constexpr quint32 InterfaceDescriptionType = 1;
constexpr quint32 EnhancedPacketType = 6;
constexpr quint16 OptEndOfOpt = 0;
constexpr quint16 OptComment = 1;
constexpr quint16 IfTsresol = 9;
constexpr quint16 LinkTypeEthernet = 1;

// Blocks are written in the machine's own byte order, which the section's byte-order magic tells
// readers; little-endian everywhere Debian runs SocketLab, so written as such.
void put16(QByteArray &out, quint16 value)
{
    char bytes[2];
    qToLittleEndian(value, bytes);
    out.append(bytes, 2);
}

void put32(QByteArray &out, quint32 value)
{
    char bytes[4];
    qToLittleEndian(value, bytes);
    out.append(bytes, 4);
}

void pad(QByteArray &out)
{
    while (out.size() % 4)
        out.append('\0');
}

void option(QByteArray &out, quint16 code, const QByteArray &value)
{
    put16(out, code);
    put16(out, quint16(value.size()));
    out.append(value);
    pad(out);
}

// The options of a block: a comment if any, then the end marker; nothing at all without options.
QByteArray commentOption(const QString &comment)
{
    QByteArray options;
    if (comment.isEmpty())
        return options;
    option(options, OptComment, comment.toUtf8().left(65535));
    put16(options, OptEndOfOpt);
    put16(options, 0);
    return options;
}

void block(QByteArray &out, quint32 type, const QByteArray &body)
{
    const quint32 total = quint32(12 + body.size());
    put32(out, type);
    put32(out, total);
    out.append(body);
    put32(out, total);
}

} // namespace

PcapngFile::PcapngFile(CaptureOutput output, const QString &sectionComment)
    : m_output(std::move(output))
{
    QByteArray section;
    put32(section, 0x1A2B3C4D);
    put16(section, 1);
    put16(section, 0);
    put32(section, 0xffffffff); // section length unknown
    put32(section, 0xffffffff);
    section += commentOption(sectionComment);
    QByteArray header;
    block(header, SectionHeaderType, section);

    QByteArray interface;
    put16(interface, LinkTypeEthernet);
    put16(interface, 0);
    put32(interface, 0); // no snapshot length limit
    option(interface, IfTsresol, QByteArray(1, char(6)));
    put16(interface, OptEndOfOpt);
    put16(interface, 0);
    block(header, InterfaceDescriptionType, interface);
    write(header);
}

void PcapngFile::add(const CapturedPacket &packet)
{
    QByteArray body;
    const quint64 time = quint64(packet.timeUs);
    put32(body, 0); // interface 0
    put32(body, quint32(time >> 32));
    put32(body, quint32(time & 0xffffffff));
    put32(body, quint32(packet.frame.size()));
    put32(body, quint32(packet.frame.size()));
    body.append(packet.frame);
    pad(body);
    body += commentOption(packet.comment);
    QByteArray out;
    block(out, EnhancedPacketType, body);
    write(out);
}

void PcapngFile::write(const QByteArray &block)
{
    if (m_error == 0)
        m_error = m_output(block.constData(), block.size());
}

} // namespace SocketLab
