#pragma once

#include "conversation/conversationrequest.h"
#include "conversation/conversationscript.h"

#include <QList>
#include <QString>

namespace SocketLab::ConversationCode {

// The programs of conversationCode() (exchangecode.h): the script's steps in order on one socket, an
// expectation reading (and writing out) what comes until its bytes are there or its wait is over.
QString python(const ConversationRequest &request, const QList<ScriptStep> &steps);
QString c(const ConversationRequest &request, const QList<ScriptStep> &steps);

} // namespace SocketLab::ConversationCode
