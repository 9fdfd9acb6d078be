#pragma once

#include "conversation/conversationfile.h"

#include <QString>

namespace SocketLab {

// One translated sentence for a saved conversation that was not read back: "conversation.json was
// skipped: it was written by a newer SocketLab (format 3)."
QString describeConversationFileError(const QString &fileName, const ConversationFileError &error);

} // namespace SocketLab
