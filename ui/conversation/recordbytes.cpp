#include "recordbytes.h"

#include "udp/bytesourceslice.h"

#include "conversation/conversationrecord.h"

namespace SocketLab {

std::shared_ptr<const ByteSource> eventBytes(const std::shared_ptr<const ConversationRecord> &record,
                                             const ConversationEvent &event)
{
    if (!record || !event.carriesBytes())
        return nullptr;
    return std::make_shared<ByteSourceSlice>(directionBytes(record, event.kind == ConversationEvent::Kind::Sent),
                                             event.offset, event.size);
}

std::shared_ptr<const ByteSource> directionBytes(const std::shared_ptr<const ConversationRecord> &record, bool sent)
{
    if (!record)
        return nullptr;
    return std::shared_ptr<const ByteSource>(record, sent ? &record->sent() : &record->received());
}

} // namespace SocketLab
