#pragma once

#include "bytes/sourcetofile.h"

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

// Takes the bytes of a capture as they are made: 0, or the errno of the write that failed. A
// FileWriter, so writeToFile() streams a capture to its file.
using CaptureOutput = FileWriter;

// A pcapng file (draft-ietf-opsawg-pcapng) as Wireshark reads it: one section, one Ethernet interface
// with microsecond timestamps, an Enhanced Packet Block per frame. Each block goes to the output as
// it is made, so a capture of a multi-GB exchange is never held in memory.
class PcapngFile
{
public:
    // Writes the section and interface blocks at once. sectionComment: a comment on the whole capture
    // (opt_comment), empty for none.
    explicit PcapngFile(CaptureOutput output, const QString &sectionComment = {});

    void add(const CapturedPacket &packet);
    // 0, or the errno of the first write that failed: nothing is written after it.
    int error() const { return m_error; }

private:
    void write(const QByteArray &block);

    CaptureOutput m_output;
    int m_error = 0;
};

} // namespace SocketLab
