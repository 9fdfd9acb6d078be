#pragma once

#include "conversation/conversation.h"
#include "conversation/conversationrecord.h"
#include "conversation/conversationrequest.h"

#include <QByteArray>
#include <QList>
#include <QString>

// What the core conversation tests ask of a conversation with a loopback peer, and records written
// by hand as a conversation's worker writes them.
namespace ConversationTesting {

// Adds a Sent or Received event with its bytes, as the worker does: the bytes go only when the
// record's caps keep them.
inline void addData(SocketLab::ConversationRecord &record, SocketLab::ConversationEvent::Kind kind, qint64 timeUs,
                    const QByteArray &bytes, const SocketLab::SocketAddress &peer = {}, bool truncated = false, int step = -1)
{
    using Kind = SocketLab::ConversationEvent::Kind;
    SocketLab::ByteStore &store = kind == Kind::Sent ? record.sentStore() : record.receivedStore();
    SocketLab::ConversationEvent event;
    event.kind = kind;
    event.timeUs = timeUs;
    event.offset = store.size();
    event.size = bytes.size();
    event.peer = peer;
    event.truncated = truncated;
    event.step = step;
    const bool kept = record.keeps(store, bytes.size());
    if (kept)
        store.append(bytes.constData(), bytes.size(), timeUs);
    record.addData(event, kept);
}

// Any other event.
inline void addEvent(SocketLab::ConversationRecord &record, SocketLab::ConversationEvent::Kind kind, qint64 timeUs,
                     const SocketLab::NetError &error = {})
{
    SocketLab::ConversationEvent event;
    event.kind = kind;
    event.timeUs = timeUs;
    event.error = error;
    record.add(event);
}

inline SocketLab::ConversationRequest chatRequest(quint16 port)
{
    SocketLab::ConversationRequest request;
    request.host = QStringLiteral("127.0.0.1");
    request.service = QString::number(port);
    return request;
}

// Every byte kept from the peer, in order.
inline QByteArray received(const SocketLab::Conversation &conversation)
{
    return conversation.record()->received().toByteArray();
}

// The kinds of the events so far, in order.
inline QList<SocketLab::ConversationEvent::Kind> kinds(const SocketLab::Conversation &conversation)
{
    QList<SocketLab::ConversationEvent::Kind> list;
    for (const SocketLab::ConversationEvent &event : conversation.record()->events())
        list.append(event.kind);
    return list;
}

} // namespace ConversationTesting
