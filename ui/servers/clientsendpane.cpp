#include "clientsendpane.h"

#include "request/requesteditor.h"

#include "text/errortext.h"
#include "text/stoptext.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

#include <cerrno>

namespace SocketLab {

namespace {

bool isSendKey(const QKeyEvent *event)
{
    return (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)
           && (event->modifiers() & ~Qt::KeypadModifier) == Qt::ControlModifier;
}

} // namespace

ClientSendPane::ClientSendPane(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_hide(new QToolButton(this))
    , m_editor(new RequestEditor(this))
    , m_send(new QPushButton(this))
    , m_shutdownWrite(new QPushButton(this))
    , m_close(new QPushButton(this))
    , m_message(new QLabel(this))
{
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_hide->setAutoRaise(true);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setVisible(false);

    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(m_title, 1);
    titleRow->addWidget(m_hide);
    auto *callsRow = new QHBoxLayout;
    callsRow->addWidget(m_send);
    callsRow->addStretch(1);
    callsRow->addWidget(m_shutdownWrite);
    callsRow->addWidget(m_close);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(titleRow);
    layout->addWidget(m_editor, 1);
    layout->addWidget(m_message);
    layout->addLayout(callsRow);

    setTabOrder(m_editor, m_send);
    setTabOrder(m_send, m_shutdownWrite);
    setTabOrder(m_shutdownWrite, m_close);
    setTabOrder(m_close, m_hide);

    connect(m_editor, &RequestEditor::validityChanged, this, &ClientSendPane::updateButtons);
    connect(m_editor, &RequestEditor::bytesChanged, this, &ClientSendPane::updateButtons);
    connect(m_send, &QPushButton::clicked, this, &ClientSendPane::send);
    connect(m_shutdownWrite, &QPushButton::clicked, this, &ClientSendPane::shutdownWrite);
    connect(m_close, &QPushButton::clicked, this, &ClientSendPane::closeClient);
    connect(m_hide, &QToolButton::clicked, this, &ClientSendPane::hideRequested);

    retranslate();
    applyColors();
}

void ClientSendPane::setClient(Listener *listener, const std::optional<Listener::Client> &client, bool udp)
{
    m_listener = listener;
    m_client = listener ? client : std::nullopt;
    m_udp = udp;
    m_shutdownWrite->setVisible(!udp);
    m_close->setVisible(!udp);
    updateTitle();
    updateButtons();
}

bool ClientSendPane::send()
{
    if (!m_send->isEnabled())
        return false;
    const quint64 id = m_client->id;
    const NetError error = m_listener->send(id, m_editor->bytes());
    report(id, error, false);
    return !error.isError();
}

void ClientSendPane::shutdownWrite()
{
    if (!m_shutdownWrite->isEnabled())
        return;
    const quint64 id = m_client->id;
    report(id, m_listener->shutdownWrite(id), true);
}

void ClientSendPane::closeClient()
{
    if (!m_close->isEnabled())
        return;
    const quint64 id = m_client->id;
    report(id, m_listener->closeClient(id), true);
}

void ClientSendPane::showCallFailed(quint64 id, const NetError &error)
{
    m_errorClient = id;
    m_error = error;
    showMessage();
}

void ClientSendPane::report(quint64 id, const NetError &error, bool shutsWriteSide)
{
    m_errorClient = id;
    m_error = error;
    showMessage();
    if (error.isError())
        return;
    // The buttons follow now rather than at the listener's next report.
    if (shutsWriteSide)
        m_client->writeShut = true;
    updateButtons();
    emit called();
}

void ClientSendPane::updateTitle()
{
    if (!m_client) {
        m_title->setText(m_udp ? tr("Send to a sender: select one in the table.")
                               : tr("Send to a client: select one in the table."));
        return;
    }
    const QString id = QString::number(m_client->id);
    const QString peer = m_client->peer.toString();
    if (m_udp)
        m_title->setText(tr("Send a datagram to sender %1 (%2)").arg(id, peer));
    else if (!m_client->open)
        m_title->setText(tr("Client %1 (%2) is closed: nothing more can be sent to it.").arg(id, peer));
    else if (m_client->writeShut)
        m_title->setText(tr("Client %1 (%2): its write side is shut; close() is left.").arg(id, peer));
    else
        m_title->setText(tr("Send to client %1 (%2)").arg(id, peer));
}

void ClientSendPane::updateButtons()
{
    const bool open = m_listener && m_client && m_client->open;
    const bool writable = open && !m_client->writeShut;
    // An empty datagram is a datagram; an empty send() on a connection sends nothing.
    m_send->setEnabled(writable && m_editor->isValid() && (m_udp || !m_editor->bytes().isEmpty()));
    m_shutdownWrite->setEnabled(!m_udp && writable);
    m_close->setEnabled(!m_udp && open);
    updateTitle();
}

void ClientSendPane::showMessage()
{
    if (!m_error.isError()) {
        m_message->clear();
        m_message->setVisible(false);
        return;
    }
    const QString id = QString::number(m_errorClient);
    const QString reason = ErrorText::inSentence(m_error);
    QString text;
    if (m_error.call == QLatin1String("shutdown"))
        text = tr("Could not shut down the write side of client %1: %2.").arg(id, reason);
    else if (m_error.call == QLatin1String("close"))
        text = tr("Could not close client %1: %2.").arg(id, reason);
    else
        text = tr("Could not send to client %1: %2.").arg(id, reason);
    if (m_error.systemCode == ENOBUFS)
        text += QLatin1Char(' ') + tr("At most %1 may wait for a client that does not read them.")
                                       .arg(byteCount(Listener::MaxQueuedPerClient));
    m_message->setText(text);
    m_message->setVisible(true);
}

void ClientSendPane::applyColors()
{
    // The house's error red, the rest of the palette the window's.
    QPalette palette;
    const bool dark = this->palette().color(QPalette::Window).lightness() < 128;
    palette.setColor(QPalette::WindowText, dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x00, 0x20));
    m_message->setPalette(palette);
}

void ClientSendPane::retranslate()
{
    m_hide->setText(tr("Hide"));
    m_hide->setToolTip(tr("Hide the send editor; its text stays for next time."));
    m_send->setText(tr("Send to client"));
    m_send->setToolTip(tr("Send the editor's bytes to the selected client, after what is already waiting for it "
                          "(Ctrl+Return)."));
    m_shutdownWrite->setText(tr("shutdown(SHUT_&WR)"));
    m_shutdownWrite->setToolTip(tr("Half-close once the waiting bytes have left: the client reads end of file, "
                                   "and the listener keeps reading what it sends."));
    m_close->setText(tr("close()"));
    m_close->setToolTip(tr("Close the connection now: bytes still waiting for the client are dropped."));
    m_editor->setAccessibleName(tr("Bytes to send to the client"));
    updateTitle();
    showMessage();
}

void ClientSendPane::changeEvent(QEvent *event)
{
    switch (event->type()) {
    case QEvent::LanguageChange: retranslate(); break;
    case QEvent::PaletteChange: applyColors(); break;
    default: break;
    }
    QWidget::changeEvent(event);
}

bool ClientSendPane::event(QEvent *event)
{
    // Ctrl+Return is also the main window's Send: inside this pane it sends to the client.
    if (event->type() == QEvent::ShortcutOverride && isSendKey(static_cast<QKeyEvent *>(event))) {
        event->accept();
        return true;
    }
    return QWidget::event(event);
}

void ClientSendPane::keyPressEvent(QKeyEvent *event)
{
    if (isSendKey(event)) {
        send();
        event->accept();
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace SocketLab
