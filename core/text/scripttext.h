#pragma once

#include "conversation/conversationscript.h"
#include "conversation/conversationscriptrunner.h"

#include <QString>

namespace SocketLab {

// A script's syntax error as one translated sentence, its line and column first:
// "line 3, column 1: unknown step "sned"; the steps are ...".
QString describeScriptError(const ScriptError &error);

// An expectation that was not met as one translated sentence, its line first:
// "line 4: expected "ECHO hi\n" within 5000 ms; nothing arrived."
QString describeScriptFailure(const ScriptFailure &failure);

} // namespace SocketLab
