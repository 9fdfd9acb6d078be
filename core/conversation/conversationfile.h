#pragma once

#include "conversation/conversationrequest.h"
#include "conversation/conversationtranscript.h"
#include "net/neterror.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

#include <memory>
#include <optional>

namespace SocketLab {

class ConversationRecord;
class Trace;

// What a saved conversation's list row shows and what its search looks through, read without
// keeping its bytes.
struct ConversationSummary
{
    QString path;
    qint64 fileSize = 0;
    ConversationRequest request;  // the target and options as given: what "Talk again" starts
    QDateTime startedAt;          // UTC
    ConversationTranscript::Stop stop;
    bool cutShort = false;        // its tab or the window closed while the conversation was open
    QString script;               // the script played on it, whole; empty when none was
    qint64 sentBytes = 0;
    qint64 receivedBytes = 0;
    // The peer's address and the start of the messages' bytes, for the search.
    QString searchText;
};

// A saved conversation read back whole: what a page needs to show it as it looked.
struct SavedConversation
{
    ConversationSummary summary;
    std::shared_ptr<ConversationRecord> record;
    std::shared_ptr<Trace> trace;
};

// Why a file was not read back.
struct ConversationFileError
{
    enum class Kind { None, Unreadable, TooLarge, NotJson, NotAConversation, FutureVersion, Corrupt };
    Kind kind = Kind::None;
    int systemCode = 0;  // Unreadable: errno, when known
    QString detail;      // Corrupt: the key that is wrong
    int version = 0;     // FutureVersion: the file's

    bool isError() const { return kind != Kind::None; }
};

// A conversation in the history folder: the JSON of `socketlab-cli talk --format json` (the bytes in
// base64) with a `history` object beside its keys holding what the transcript leaves out and a page
// needs back exactly: every event with its time in microseconds and its whole error, the trace's
// entries, the request as given, when it started. Written a piece at a time, read back whole with
// limits that a hostile file cannot pass: a file larger than a conversation's caps allow is refused
// before it is read.
namespace ConversationFile {

constexpr int Version = 1;
// Two directions of 64 MiB in base64, the events and the trace, with room.
constexpr qint64 MaxFileBytes = 320LL * 1024 * 1024;
// What a record read back may hold: the caps of the window's conversations.
constexpr qint64 MaxBytesPerDirection = 64LL * 1024 * 1024;
constexpr qsizetype MaxEvents = 200000 + 1024;
// How much of the messages' bytes the search looks through.
constexpr qsizetype SearchBytes = 64 * 1024;

// Writes the conversation to path whole or not at all, as it stands; cutShort: its tab or the window closes
// while it is open, which the stop says; script: the script played on it, kept whole so that Talk again
// plays it again. Blocking: call it off the GUI thread.
NetError write(const QString &path, const ConversationRecord &record, const Trace &trace,
               const ConversationRequest &request, const QDateTime &startedAt, bool cutShort, qint64 *size,
               const QString &script = QString());

// Blocking too. The summary alone decodes only the bytes the search needs.
std::optional<ConversationSummary> readSummary(const QString &path, ConversationFileError *error);
std::optional<SavedConversation> read(const QString &path, ConversationFileError *error);

} // namespace ConversationFile

} // namespace SocketLab
