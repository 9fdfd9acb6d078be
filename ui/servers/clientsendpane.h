#pragma once

#include "net/neterror.h"
#include "servers/listener.h"

#include <QPointer>
#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QToolButton;

namespace SocketLab {

class RequestEditor;

// The Servers tab's "Send to client": the request editor of the main window (its three modes and
// its templates) and the calls a server makes on one client's connection: send(), and for a TCP
// client shutdown(SHUT_WR) and close(). It acts on the client the panel has selected, named in its
// title. Every call is handed to the listener's worker and returns at once; a refusal, now or
// later from the worker, is said in one sentence under the editor, and the editor keeps its text.
class ClientSendPane : public QWidget
{
    Q_OBJECT

public:
    explicit ClientSendPane(QWidget *parent = nullptr);

    // The client the buttons act on: none when listener is null or client empty.
    void setClient(Listener *listener, const std::optional<Listener::Client> &client, bool udp);

    RequestEditor *editor() const { return m_editor; }
    QLabel *titleLabel() const { return m_title; }
    QLabel *messageLabel() const { return m_message; }
    QPushButton *sendButton() const { return m_send; }
    QPushButton *shutdownButton() const { return m_shutdownWrite; }
    QPushButton *closeButton() const { return m_close; }
    QToolButton *hideButton() const { return m_hide; }

public slots:
    // Hands the editor's bytes to the listener for the client; false, with the reason shown, if
    // it refuses them.
    bool send();
    void shutdownWrite();
    void closeClient();
    // A call the listener accepted failed on its thread (Listener::callFailed).
    void showCallFailed(quint64 id, const SocketLab::NetError &error);

signals:
    void hideRequested();
    // A call was handed over: the client's row and bytes change soon.
    void called();

protected:
    void changeEvent(QEvent *event) override;
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    // shutsWriteSide: shutdown(SHUT_WR) or close(), after which nothing more is sent.
    void report(quint64 id, const NetError &error, bool shutsWriteSide);
    void updateTitle();
    void updateButtons();
    void showMessage();
    void applyColors();
    void retranslate();

    QLabel *m_title;
    QToolButton *m_hide;
    RequestEditor *m_editor;
    QPushButton *m_send;
    QPushButton *m_shutdownWrite;
    QPushButton *m_close;
    QLabel *m_message;

    QPointer<Listener> m_listener;
    std::optional<Listener::Client> m_client;
    bool m_udp = false;
    // The last refusal, kept as values so a language change says it again in the new language.
    quint64 m_errorClient = 0;
    NetError m_error;
};

} // namespace SocketLab
