#pragma once

#include "bytes/sourcetofile.h"
#include "conversation/conversationevent.h"
#include "net/neterror.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace SocketLab {

class ConversationRecord;
class Trace;

// A conversation written down, as it stands when this is made (a conversation still open may be saved;
// what comes after is not in it): a text a person reads (the target and connection, every send and
// recv() with its time, direction, size and bytes, what ended it, the totals each way), or the JSON
// of `socketlab-cli talk --format json` (its `messages` carry the bytes in base64), written by the
// window and the CLI alike.
class ConversationTranscript
{
    Q_DECLARE_TR_FUNCTIONS(SocketLab::ConversationTranscript)
public:
    enum class Format { Text, Json };

    // How the conversation ended, as the JSON's `stop` ({reason: code, detail}) and `error` say it.
    struct Stop
    {
        QString code;
        QString detail;
        NetError error;
    };

    // host and service: the target as the person gave it. record and trace must outlive this.
    ConversationTranscript(const ConversationRecord &record, const Trace &trace, bool udp, const QString &host,
                           const QString &service);

    // The end as the record shows it: "open" while the conversation runs, else "peer_closed", "closed",
    // "peer_reset", "cancelled" or "error", with a sentence.
    Stop stopFromRecord() const;
    // The `talk --format json` object: the target keys, `messages` (one per send and per recv() kept,
    // in time order), `stop`, `error`, `trace`, `tls`.
    QJsonObject json(const Stop &stop) const;
    // The same object with `extra`'s keys added, handed to write a piece of at most about a MiB at a
    // time (each message's base64 too), so that 64 MiB each way never become one string: 0, or the
    // first nonzero errno write returned. Compact, `messages` last.
    int writeJson(const FileWriter &write, const Stop &stop, const QJsonObject &extra) const;
    // The events this transcript was made of, read once from the record.
    const QList<ConversationEvent> &events() const { return m_events; }
    qint64 droppedEvents() const { return m_dropped; }
    // The bytes each way, as `sent_bytes` and `received_bytes` say them.
    qint64 sentBytes() const { return m_sentBytes; }
    qint64 receivedBytes() const { return m_receivedBytes; }
    // The text, handed to write a piece of at most about a MiB at a time, so that a record of 64 MiB
    // each way never becomes one string: 0, or the first nonzero errno write returned.
    int writeText(const FileWriter &write) const;
    // Writes the transcript to path (the JSON with stopFromRecord()) whole or not at all, an earlier
    // file there left as it was on failure; *size says how many bytes were written. Blocking: call it
    // off the GUI thread.
    NetError save(Format format, const QString &path, qint64 *size) const;

private:
    // json() but for `messages`.
    QJsonObject head(const Stop &stop) const;
    // One message's keys but for its bytes.
    QJsonObject messageHead(const ConversationEvent &event) const;

    const ConversationRecord &m_record;
    const Trace &m_trace;
    const bool m_udp;
    const QString m_host;
    const QString m_service;
    // Read once, so that the messages and the totals of one transcript agree while the worker goes on.
    bool m_over = false;
    QList<ConversationEvent> m_events;
    qint64 m_dropped = 0;
    qint64 m_sentBytes = 0;
    qint64 m_receivedBytes = 0;
    qint64 m_sentMessages = 0;
    qint64 m_receivedMessages = 0;
    // The wall-clock time the conversation's clock started.
    QDateTime m_startedAt;
};

} // namespace SocketLab
