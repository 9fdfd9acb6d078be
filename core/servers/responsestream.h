#pragma once

#include <QByteArray>
#include <QList>

namespace SocketLab {

// What a listener sends to one client for one request: pieces held in memory, then optionally a
// tail generated from its offset while it is sent, so a 64 GiB body never exists in memory.
class ResponseStream
{
public:
    // Writes len bytes of the generated tail, starting offset bytes into it.
    using Filler = void (*)(qint64 offset, char *buffer, qint64 len);

    ResponseStream() = default;
    explicit ResponseStream(const QByteArray &bytes);

    // Each piece leaves in a send() of its own, so a chunked body shows as separate segments.
    void appendPiece(const QByteArray &piece);
    void setGeneratedTail(Filler filler, qint64 size);

    qint64 size() const;
    // Copies at most len bytes from offset, stopping at the end of a piece.
    qint64 read(qint64 offset, char *buffer, qint64 len) const;
    // The whole stream as one array: for small responses and tests only.
    QByteArray toByteArray() const;

    int status = 0;                  // the HTTP status, 0 for a response that is not HTTP
    bool closesConnection = false;   // the server closes once this is sent
    bool fromSend = false;           // handed to Listener::send(): counted in Client::queuedOut until sent

private:
    QList<QByteArray> m_pieces;
    qint64 m_piecesSize = 0;
    Filler m_filler = nullptr;
    qint64 m_generatedSize = 0;
};

} // namespace SocketLab
