#pragma once

#include "codegen/codelanguage.h"
#include "conversation/conversationrequest.h"
#include "exchange/stoprule.h"
#include "net/socketaddress.h"
#include "net/socketoption.h"
#include "tls/tlsoptions.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace SocketLab {

// Bits of program shared by the generators: each returns source text in the language asked.
namespace CodeParts {

// Where a program connects (or sends to) and how: the same for the Python and the C generator.
struct Target
{
    QString host;
    QString service;
    IpFamily family = IpFamily::Any;
    int connectTimeoutMs = 0;
    bool totalTimeout = false;  // a time_left() exists and bounds connect() too
    TlsOptions tls;
    QList<SocketOptionSetting> socketOptions;
    SocketAddress localAddress;
    bool datagram = false;  // SOCK_DGRAM
    bool connect = true;    // false (datagrams only): the first address, no connect(); sendto() it
};
// A conversation's: TLS only over TCP, connect() unless its UDP sends with sendto().
Target conversationTarget(const ConversationRequest &request);
// A block of source text as lines, without the empty one after its last newline.
QStringList splitLines(const QString &block);

// A comment at this indentation, its lines wrapped at 100 columns.
QStringList comment(CodeLanguage language, const QString &text, const QString &indent = {});
// A comment after code on the same line: its mark and the text, never wrapped.
QString trailingComment(CodeLanguage language, const QString &text);
// A statement printing a translated message on standard error; %1, %2... in the message become the
// expressions in args (in C each arg is "FORMAT EXPRESSION", e.g. "lld received").
QString message(CodeLanguage language, const QString &text, const QStringList &args = {});
// What the stop rule reads until, as one sentence.
QString stopRuleSentence(const StopRule &rule);
// The family constant getaddrinfo() is given: AF_UNSPEC, AF_INET, AF_INET6.
QString familyConstant(IpFamily family);
// The port as getaddrinfo() takes it in Python: a number, or a service name in quotes.
QString pythonPort(const QString &service);
// Whether one of the settings is SO_LINGER (Python then needs struct).
bool hasLinger(const QList<SocketOptionSetting> &settings);
// Lines setting the options on socket `socketName` of runtime family `familyName` (Python: s and
// family; C: fd and ai->ai_family), in order; an option for one family only is set on that family.
QStringList socketOptionLines(CodeLanguage language, const QList<SocketOptionSetting> &settings,
                              const QString &indent, const QString &socketName, const QString &familyName);

} // namespace CodeParts

} // namespace SocketLab
