#pragma once

#include "codegen/exchangecode.h"
#include "collections/savedrequest.h"

namespace SocketLab {

// What Show code writes a program for: a TCP or TLS exchange, a UDP one, or a conversation's steps.
// The window's tabs, its history and its collections each make one; the program is then written the
// same way whichever it came from.
struct CodeRequest
{
    CodeSubject subject = CodeSubject::Tcp;
    TcpRequest tcp;                    // Tcp, Tls
    UdpRequest udp;                    // Udp
    ConversationRequest conversation;  // Conversation
    QList<ScriptStep> steps;           // Conversation

    static CodeRequest forTcp(const TcpRequest &request);
    static CodeRequest forUdp(const UdpRequest &request);
    static CodeRequest forConversation(const ConversationRequest &request, const QList<ScriptStep> &steps);
    // A saved request's: false, with the reason in problem, when its script does not parse.
    static bool fromSaved(const SavedRequest &saved, CodeRequest *request, QString *problem);

    QString host() const;
    QString service() const;
    // The C program then needs OpenSSL: -lssl -lcrypto.
    bool usesTls() const;
};

QString generateCode(CodeLanguage language, const CodeRequest &request);
QString codeFileName(CodeLanguage language, const CodeRequest &request);

} // namespace SocketLab
