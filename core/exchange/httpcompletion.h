#pragma once

#include "http/httpresponseparser.h"

#include <QMetaType>

#include <functional>
#include <mutex>
#include <optional>

namespace SocketLab {

// An HTTP reply whose own framing says it is complete while the exchange reads on, because its stop
// rule is not the HTTP framing: a keep-alive server then holds the connection open until its timeout.
struct HttpCompletion
{
    HttpFraming framing = HttpFraming::Unknown; // NoBody, ContentLength or Chunked
    qint64 contentLength = -1;                  // with ContentLength
    qint64 messageEnd = 0;                      // the reply's size at its framed end
};

// Told once, on the exchange's thread, when the reply's framing says it is complete.
using HttpCompletionObserver = std::function<void(const HttpCompletion &)>;

// Where the exchange's thread leaves the completion for the runner, which reads it from the GUI
// thread: a mutex rather than atomics, since the fields go together.
class HttpCompletionSlot
{
public:
    void set(const HttpCompletion &completion)
    {
        const std::lock_guard lock(m_mutex);
        m_value = completion;
    }
    std::optional<HttpCompletion> get() const
    {
        const std::lock_guard lock(m_mutex);
        return m_value;
    }

private:
    mutable std::mutex m_mutex;
    std::optional<HttpCompletion> m_value;
};

} // namespace SocketLab

Q_DECLARE_METATYPE(SocketLab::HttpCompletion)
