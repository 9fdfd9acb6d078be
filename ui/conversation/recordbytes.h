#pragma once

#include "conversation/conversationevent.h"

#include <memory>

namespace SocketLab {

class ByteSource;
class ConversationRecord;

// A record's bytes as the hex and text views read them. Each source keeps the whole record alive
// (the views may outlive the page's pointer), never a copy of the bytes.

// The bytes of one Sent or Received event (one send or one recv()); null for any other event.
std::shared_ptr<const ByteSource> eventBytes(const std::shared_ptr<const ConversationRecord> &record,
                                             const ConversationEvent &event);
// A whole direction, so that offsets counted in it (the HTTP tab's) are the views' own.
std::shared_ptr<const ByteSource> directionBytes(const std::shared_ptr<const ConversationRecord> &record, bool sent);

} // namespace SocketLab
