#include "exchangecode.h"

#include "codegen/conversationcode.h"
#include "codegen/cprogram.h"
#include "codegen/pythonprogram.h"

namespace SocketLab {

QString exchangeCode(CodeLanguage language, const TcpRequest &request)
{
    return language == CodeLanguage::Python ? PythonProgram::tcp(request) : CProgram::tcp(request);
}

QString exchangeCode(CodeLanguage language, const UdpRequest &request)
{
    return language == CodeLanguage::Python ? PythonProgram::udp(request) : CProgram::udp(request);
}

QString conversationCode(CodeLanguage language, const ConversationRequest &request, const QList<ScriptStep> &steps)
{
    return language == CodeLanguage::Python ? ConversationCode::python(request, steps) : ConversationCode::c(request, steps);
}

QString codeFileName(CodeLanguage language, CodeSubject subject)
{
    QString base;
    switch (subject) {
    case CodeSubject::Tcp: base = QStringLiteral("tcp_exchange"); break;
    case CodeSubject::Tls: base = QStringLiteral("tls_exchange"); break;
    case CodeSubject::Udp: base = QStringLiteral("udp_exchange"); break;
    case CodeSubject::Conversation: base = QStringLiteral("conversation"); break;
    }
    return base + (language == CodeLanguage::Python ? QStringLiteral(".py") : QStringLiteral(".c"));
}

CodeSubject codeSubject(const TcpRequest &request)
{
    return request.tls.enabled ? CodeSubject::Tls : CodeSubject::Tcp;
}

} // namespace SocketLab
