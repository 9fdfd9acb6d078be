#pragma once

#include "conversation/conversationscript.h"

#include <QString>

namespace SocketLab {

// A script's syntax error as one translated sentence, its line and column first:
// "line 3, column 1: unknown step "sned"; the steps are ...".
QString describeScriptError(const ScriptError &error);

} // namespace SocketLab
