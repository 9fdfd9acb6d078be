#pragma once

#include "conversation/recordedscript.h"

#include <QString>

namespace SocketLab {

// A recorded script as the text the Script tab and a collection keep: a comment saying where it
// comes from, then one step a line; what the peer said before each wait is a comment above it.
// target: "host:port", for the comment.
QString writeRecordedScript(const RecordedScript &script, const QString &target);

// Why a conversation cannot be saved as a script, in one translated sentence.
QString describeRecordedScriptProblem(const RecordedScript &script);

} // namespace SocketLab
