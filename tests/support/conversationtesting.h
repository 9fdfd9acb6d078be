#pragma once

#include "conversation/conversation.h"
#include "conversation/conversationrecord.h"
#include "conversation/conversationrequest.h"

#include <QByteArray>
#include <QList>
#include <QString>

// What the core conversation tests ask of a conversation with a loopback peer.
namespace ConversationTesting {

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
