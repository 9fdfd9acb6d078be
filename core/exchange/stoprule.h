#pragma once

#include <QString>

#include <optional>

namespace SocketLab {

// When a TCP exchange stops reading, besides the limits every exchange has (total timeout, size cap,
// cancel): the person chooses, the notebooks' loop being PeerClose.
struct StopRule
{
    enum class Kind {
        PeerClose,  // read until recv() returns 0
        Http,       // read one HTTP response: Content-Length, chunked, or until close, from its headers
        Bytes,      // read exactly value bytes
        Idle,       // read until nothing arrived for value ms
    };

    Kind kind = Kind::PeerClose;
    qint64 value = 0;

    // "eof", "http", "bytes:N" (N >= 1), "idle:MS" (MS >= 1); nullopt for anything else.
    static std::optional<StopRule> parse(const QString &text);
    QString toString() const;
};

} // namespace SocketLab
