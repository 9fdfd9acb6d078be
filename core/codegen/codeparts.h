#pragma once

#include "codegen/codelanguage.h"
#include "exchange/stoprule.h"
#include "net/socketoption.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace SocketLab {

// Bits of program shared by the generators: each returns source text in the language asked.
namespace CodeParts {

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
