#include "coderequest.h"

#include "text/scripttext.h"

#include <QCoreApplication>

namespace SocketLab {

CodeRequest CodeRequest::forTcp(const TcpRequest &request)
{
    CodeRequest code;
    code.subject = codeSubject(request);
    code.tcp = request;
    return code;
}

CodeRequest CodeRequest::forUdp(const UdpRequest &request)
{
    CodeRequest code;
    code.subject = CodeSubject::Udp;
    code.udp = request;
    return code;
}

CodeRequest CodeRequest::forConversation(const ConversationRequest &request, const QList<ScriptStep> &steps)
{
    CodeRequest code;
    code.subject = CodeSubject::Conversation;
    code.conversation = request;
    code.steps = steps;
    return code;
}

bool CodeRequest::fromSaved(const SavedRequest &saved, CodeRequest *request, QString *problem)
{
    switch (saved.kind) {
    case SavedRequest::Kind::Tcp:
    case SavedRequest::Kind::Tls:
        *request = forTcp(saved.tcpRequest());
        return true;
    case SavedRequest::Kind::Udp:
        *request = forUdp(saved.udp);
        return true;
    case SavedRequest::Kind::Script:
        break;
    }
    const ScriptParse parse = parseConversationScript(saved.script);
    if (parse.error.isError()) {
        *problem = QCoreApplication::translate("SocketLab::CodeRequest", "The script has an error: %1").arg(describeScriptError(parse.error));
        return false;
    }
    // A saved script runs over plain TCP to the saved target, as talk --script runs it.
    ConversationRequest conversation;
    conversation.host = saved.tcp.host;
    conversation.service = saved.tcp.service;
    conversation.family = saved.tcp.family;
    conversation.connectTimeoutMs = saved.tcp.connectTimeoutMs;
    conversation.recvSize = saved.tcp.recvSize;
    conversation.socketOptions = saved.tcp.socketOptions;
    conversation.localAddress = saved.tcp.localAddress;
    *request = forConversation(conversation, parse.steps);
    return true;
}

QString CodeRequest::host() const
{
    switch (subject) {
    case CodeSubject::Udp:
        return udp.host;
    case CodeSubject::Conversation:
        return conversation.host;
    default:
        return tcp.host;
    }
}

QString CodeRequest::service() const
{
    switch (subject) {
    case CodeSubject::Udp:
        return udp.service;
    case CodeSubject::Conversation:
        return conversation.service;
    default:
        return tcp.service;
    }
}

bool CodeRequest::usesTls() const
{
    return subject == CodeSubject::Tls
           || (subject == CodeSubject::Conversation && conversation.transport == ConversationRequest::Transport::Tcp
               && conversation.tls.enabled);
}

QString generateCode(CodeLanguage language, const CodeRequest &request)
{
    switch (request.subject) {
    case CodeSubject::Udp:
        return exchangeCode(language, request.udp);
    case CodeSubject::Conversation:
        return conversationCode(language, request.conversation, request.steps);
    default:
        return exchangeCode(language, request.tcp);
    }
}

QString codeFileName(CodeLanguage language, const CodeRequest &request)
{
    return codeFileName(language, request.subject);
}

} // namespace SocketLab
