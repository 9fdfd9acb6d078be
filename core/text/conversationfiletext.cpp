#include "conversationfiletext.h"

#include <QCoreApplication>

namespace SocketLab {

QString describeConversationFileError(const QString &fileName, const ConversationFileError &error)
{
    using Kind = ConversationFileError::Kind;
    switch (error.kind) {
    case Kind::None:
        return {};
    case Kind::Unreadable:
        return QCoreApplication::translate("SocketLab::ConversationFileText", "The saved conversation %1 could not be read: %2.").arg(fileName, error.detail);
    case Kind::TooLarge:
        return QCoreApplication::translate("SocketLab::ConversationFileText", "The saved conversation %1 was skipped: it is larger than a conversation can be.").arg(fileName);
    case Kind::NotJson:
        return QCoreApplication::translate("SocketLab::ConversationFileText", "The saved conversation %1 was skipped: it is not valid JSON (%2).").arg(fileName, error.detail);
    case Kind::NotAConversation:
        return QCoreApplication::translate("SocketLab::ConversationFileText", "The file %1 was skipped: it is not a saved conversation.").arg(fileName);
    case Kind::FutureVersion:
        return QCoreApplication::translate("SocketLab::ConversationFileText", "The saved conversation %1 was skipped: it was written by a newer SocketLab (format %2).")
            .arg(fileName, QString::number(error.version));
    case Kind::Corrupt:
        return QCoreApplication::translate("SocketLab::ConversationFileText", "The saved conversation %1 was skipped: its \"%2\" is damaged.").arg(fileName, error.detail);
    }
    return {};
}

} // namespace SocketLab
