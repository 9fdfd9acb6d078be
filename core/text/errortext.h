#pragma once

#include "net/neterror.h"

#include <QString>

// The one place that turns core values into words for a person, translated in the context
// "SocketLab::ErrorText". Our own words rather than strerror()/gai_strerror(): theirs follow LANG
// and the C library, so the same error would read differently from machine to machine.
namespace SocketLab::ErrorText {

// "Connection refused" for ECONNREFUSED; "System error 1234" for a value without words of its own.
QString errnoMeaning(int err);
// "Name or service not known" for EAI_NONAME. For EAI_SYSTEM the errno says more: see describe().
QString eaiMeaning(int eai);
// One whole sentence: what happened, where (NetError::detail), in which call, with the code's name.
// "Connection refused by 127.0.0.1:81 (ECONNREFUSED) during connect()."
QString describe(const NetError &error);
// The same for use inside another sentence, which brings its own capital, colon and period: no
// capital, no period, no colon of its own, the code said once.
// "Could not start the listener: " + "address already in use (EADDRINUSE) during bind() on 0.0.0.0:80" + "."
QString inSentence(const NetError &error);

} // namespace SocketLab::ErrorText
