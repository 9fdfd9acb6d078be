#include "talkstdin.h"

#include "bytes/payloadcodec.h"
#include "conversation/conversation.h"

#include <cerrno>
#include <unistd.h>
#include <utility>

namespace SocketLab::Cli {

namespace {

constexpr qsizetype ReadSize = 64 * 1024;
// Unsent bytes past which standard input is not read: far below what a conversation lets wait,
// enough to keep the socket busy.
constexpr qint64 PauseAboveBytes = 4 * 1024 * 1024;

} // namespace

TalkStdin::TalkStdin(Conversation &conversation, bool crlf, QObject *parent)
    : QObject(parent)
    , m_conversation(conversation)
    , m_crlf(crlf)
    , m_notifier(STDIN_FILENO, QSocketNotifier::Read)
{
    connect(&m_notifier, &QSocketNotifier::activated, this, &TalkStdin::readSome);
    connect(&m_conversation, &Conversation::progress, this, &TalkStdin::resumeIfDrained);
}

void TalkStdin::readSome()
{
    QByteArray chunk(ReadSize, Qt::Uninitialized);
    // poll() said readable: one read() returns at once, with bytes or the end of the input.
    ssize_t n = ::read(STDIN_FILENO, chunk.data(), size_t(chunk.size()));
    if (n < 0 && (errno == EINTR || errno == EAGAIN))
        return;
    if (n <= 0) {
        m_notifier.setEnabled(false);
        if (!m_pending.isEmpty())
            sendLine(std::exchange(m_pending, {}));
        emit endOfInput();
        return;
    }
    m_pending.append(chunk.constData(), qsizetype(n));
    qsizetype start = 0;
    for (qsizetype end = m_pending.indexOf('\n'); end >= 0; end = m_pending.indexOf('\n', start)) {
        sendLine(m_pending.mid(start, end + 1 - start));
        start = end + 1;
    }
    m_pending.remove(0, start);
    if (m_conversation.unsentBytes() > PauseAboveBytes) {
        m_paused = true;
        m_notifier.setEnabled(false);
    }
}

void TalkStdin::resumeIfDrained()
{
    if (m_paused && m_conversation.unsentBytes() <= PauseAboveBytes) {
        m_paused = false;
        m_notifier.setEnabled(true);
    }
}

void TalkStdin::sendLine(QByteArray line)
{
    m_conversation.send(m_crlf ? PayloadCodec::lfToCrlf(line) : line);
}

} // namespace SocketLab::Cli
