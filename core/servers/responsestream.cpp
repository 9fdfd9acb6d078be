#include "responsestream.h"

#include <cstring>

namespace SocketLab {

ResponseStream::ResponseStream(const QByteArray &bytes)
{
    appendPiece(bytes);
}

void ResponseStream::appendPiece(const QByteArray &piece)
{
    if (piece.isEmpty())
        return;
    m_pieces.append(piece);
    m_piecesSize += piece.size();
}

void ResponseStream::setGeneratedTail(Filler filler, qint64 size)
{
    m_filler = filler;
    m_generatedSize = filler ? size : 0;
}

qint64 ResponseStream::size() const
{
    return m_piecesSize + m_generatedSize;
}

qint64 ResponseStream::read(qint64 offset, char *buffer, qint64 len) const
{
    if (offset < 0 || len <= 0)
        return 0;
    qint64 pieceStart = 0;
    for (const QByteArray &piece : m_pieces) {
        const qint64 pieceEnd = pieceStart + piece.size();
        if (offset < pieceEnd) {
            const qint64 n = qMin(len, pieceEnd - offset);
            std::memcpy(buffer, piece.constData() + (offset - pieceStart), size_t(n));
            return n;
        }
        pieceStart = pieceEnd;
    }
    const qint64 tailOffset = offset - m_piecesSize;
    if (tailOffset >= m_generatedSize)
        return 0;
    const qint64 n = qMin(len, m_generatedSize - tailOffset);
    m_filler(tailOffset, buffer, n);
    return n;
}

QByteArray ResponseStream::toByteArray() const
{
    QByteArray all(size(), Qt::Uninitialized);
    qint64 done = 0;
    while (done < all.size())
        done += read(done, all.data() + done, all.size() - done);
    return all;
}

} // namespace SocketLab
