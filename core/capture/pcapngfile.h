#pragma once

#include "net/neterror.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace SocketLab {

// One frame of a capture: an Ethernet frame, when it was seen, and an optional comment on it.
struct CapturedPacket
{
    qint64 timeUs = 0;   // microseconds since the Unix epoch
    QByteArray frame;
    QString comment;
};

// A pcapng file (draft-ietf-opsawg-pcapng) as Wireshark reads it: one section, one Ethernet interface
// with microsecond timestamps, an Enhanced Packet Block per frame.
class PcapngFile
{
public:
    // sectionComment: a comment on the whole capture (opt_comment), empty for none.
    explicit PcapngFile(const QString &sectionComment = {});

    void add(const CapturedPacket &packet);
    const QByteArray &bytes() const { return m_bytes; }
    // Writes the file whole; a failure is a File error naming the call and, in detail, the path.
    NetError save(const QString &path) const;

private:
    QByteArray m_bytes;
};

} // namespace SocketLab
