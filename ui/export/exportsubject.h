#pragma once

#include "conversation/conversationrequest.h"
#include "history/exchangerecord.h"

#include <QDateTime>
#include <QString>

#include <memory>

namespace SocketLab {

class ConversationRecord;
class Trace;

// What an export (a pcapng capture, a text report) is made from: one exchange of the TCP or UDP tab or
// their histories; a conversation, live or over, with its trace; or a past conversation's file, read
// when the export runs. Shared, never copied: a conversation's worker may still be adding to it.
struct ExportSubject
{
    std::shared_ptr<const ExchangeRecord> exchange;
    std::shared_ptr<const ConversationRecord> conversation;
    std::shared_ptr<const Trace> trace;
    ConversationRequest request;   // the conversation's
    QDateTime startedAt;           // the conversation's
    QString savedConversationPath; // a past conversation's file

    static ExportSubject ofExchange(std::shared_ptr<const ExchangeRecord> record);
    static ExportSubject ofSavedConversation(const QString &path);

    bool isEmpty() const { return !exchange && !conversation && savedConversationPath.isEmpty(); }
    // A name for the file offered in the dialog, without its suffix: "exchange-127.0.0.1-8080".
    QString suggestedName() const;
};

} // namespace SocketLab
