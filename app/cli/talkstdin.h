#pragma once

#include <QByteArray>
#include <QObject>
#include <QSocketNotifier>

namespace SocketLab {
class Conversation;
}

namespace SocketLab::Cli {

// `talk` without a script, like nc: each line of standard input is sent as it is typed (its LF made
// CRLF with --crlf); at the end of the input, the last bytes without a line end are sent too and
// endOfInput() tells the owner, who half-closes. Standard input is watched by the event loop and read
// once per wake-up, so a terminal left open never holds up the end of the conversation. While the
// peer leaves many bytes unread, standard input waits too: a large file piped in is never all in
// memory, and never more than the conversation lets wait.
class TalkStdin : public QObject
{
    Q_OBJECT
public:
    TalkStdin(Conversation &conversation, bool crlf, QObject *parent = nullptr);

signals:
    void endOfInput();

private:
    void readSome();
    void sendLine(QByteArray line);
    void resumeIfDrained();

    Conversation &m_conversation;
    bool m_crlf = false;
    QSocketNotifier m_notifier;
    QByteArray m_pending;  // the start of a line whose LF has not come yet
    bool m_paused = false; // the notifier is off until the peer has read enough
};

} // namespace SocketLab::Cli
