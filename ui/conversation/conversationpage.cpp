#include "conversationpage.h"

#include "ladderview.h"
#include "messagemodel.h"

#include "http/conversationhttpview.h"
#include "request/requesteditor.h"
#include "tls/pinstore.h"
#include "trace/traceview.h"
#include "widgets/savefiledialog.h"
#include "widgets/socketoptionoutcomes.h"
#include "widgets/socketoptionsedit.h"
#include "widgets/steadylabel.h"
#include "widgets/targetedit.h"

#include "codegen/coderequest.h"
#include "collections/savedrequest.h"
#include "conversation/conversation.h"
#include "conversation/conversationfile.h"
#include "conversation/conversationrecord.h"
#include "conversation/conversationscript.h"
#include "conversation/conversationscriptrunner.h"
#include "conversation/recordedscript.h"
#include "net/trace.h"
#include "text/errortext.h"
#include "text/recordedscripttext.h"
#include "text/scripttext.h"
#include "text/stoptext.h"
#include "threads/blockingcallpool.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QEvent>
#include <QFontDatabase>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTextBlock>
#include <QTextDocument>
#include <QVBoxLayout>

namespace SocketLab {

namespace {

// A line of a line-based protocol, so the first Send after Connect says something a chat server reads.
const QByteArray DefaultMessage = QByteArrayLiteral("hello\n");

Qt::KeyboardModifiers plainModifiers(const QKeyEvent *event)
{
    return event->modifiers() & ~Qt::KeypadModifier;
}

bool isSendKey(const QKeyEvent *event)
{
    return (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)
           && plainModifiers(event) == Qt::ControlModifier;
}

bool isSaveKey(const QKeyEvent *event)
{
    return event->key() == Qt::Key_S && plainModifiers(event) == Qt::ControlModifier;
}

} // namespace

ConversationPage::ConversationPage(QWidget *parent)
    : QWidget(parent)
    , m_transport(new QComboBox(this))
    , m_target(new TargetEdit(this))
    , m_tls(new QCheckBox(this))
    , m_connect(new QPushButton(this))
    , m_disconnect(new QPushButton(this))
    , m_saveTranscript(new QPushButton(this))
    , m_talkAgain(new QPushButton(this))
    , m_options(new SocketOptionsEdit(SocketOptionsEdit::Use::TcpClient, SocketOptionsEdit::LocalField::AddressAndPort, this))
    , m_applyOptions(new QPushButton(this))
    , m_outcomes(new SocketOptionOutcomes(this))
    , m_saved(new QLabel(this))
    , m_problem(new QLabel(this))
    , m_status(new QLabel(this))
    , m_totalsBox(new SteadyLabel(this))
    , m_totals(m_totalsBox->label())
    , m_events(new ConversationEventsView(this))
    , m_sendPane(new QWidget(this))
    , m_inputTabs(new QTabWidget(m_sendPane))
    , m_editor(new RequestEditor(m_inputTabs))
    , m_scriptPane(new QWidget(m_inputTabs))
    , m_scriptEdit(new QPlainTextEdit(m_scriptPane))
    , m_runScript(new QPushButton(m_scriptPane))
    , m_stopScript(new QPushButton(m_scriptPane))
    , m_scriptStep(new QLabel(m_scriptPane))
    , m_scriptResult(new QLabel(m_scriptPane))
    , m_send(new QPushButton(m_sendPane))
    , m_shutdownWrite(new QPushButton(m_sendPane))
    , m_shutdownBoth(new QPushButton(m_sendPane))
    , m_close(new QPushButton(m_sendPane))
{
    m_transport->addItem(QStringLiteral("TCP"), int(ConversationRequest::Transport::Tcp));
    m_transport->addItem(QStringLiteral("UDP"), int(ConversationRequest::Transport::Udp));
    m_editor->setBytes(DefaultMessage);
    m_problem->setWordWrap(true);
    m_problem->setForegroundRole(QPalette::PlaceholderText);
    QFont bold = m_status->font();
    bold.setBold(true);
    m_status->setFont(bold);
    m_saved->setVisible(false);
    m_talkAgain->setVisible(false);
    for (QLabel *label : {m_status, m_totals, m_saved}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }

    const int gap = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    auto *targetRow = new QHBoxLayout;
    targetRow->addWidget(m_transport);
    targetRow->addWidget(m_target, 1);
    targetRow->addWidget(m_tls);
    targetRow->addSpacing(gap);
    targetRow->addWidget(m_connect);
    targetRow->addWidget(m_talkAgain);
    targetRow->addWidget(m_disconnect);
    targetRow->addWidget(m_saveTranscript);

    auto *callsRow = new QHBoxLayout;
    callsRow->addWidget(m_send);
    callsRow->addStretch(1);
    callsRow->addWidget(m_shutdownWrite);
    callsRow->addWidget(m_shutdownBoth);
    callsRow->addWidget(m_close);
    m_scriptEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_scriptEdit->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_scriptEdit->setTabChangesFocus(true);
    m_scriptResult->setWordWrap(true);
    m_scriptResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_scriptStep->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *scriptRow = new QHBoxLayout;
    scriptRow->addWidget(m_runScript);
    scriptRow->addWidget(m_stopScript);
    scriptRow->addWidget(m_scriptStep, 1);
    auto *scriptLayout = new QVBoxLayout(m_scriptPane);
    scriptLayout->setContentsMargins(0, 0, 0, 0);
    scriptLayout->addWidget(m_scriptEdit, 1);
    scriptLayout->addLayout(scriptRow);
    scriptLayout->addWidget(m_scriptResult);
    m_inputTabs->addTab(m_editor, QString());
    m_inputTabs->addTab(m_scriptPane, QString());
    m_inputTabs->setDocumentMode(true);
    auto *sendLayout = new QVBoxLayout(m_sendPane);
    sendLayout->setContentsMargins(0, 0, 0, 0);
    sendLayout->addWidget(m_inputTabs, 1);
    sendLayout->addLayout(callsRow);

    // The message and the calls beside the bytes, under the list and the ladder.
    m_events->setSidePane(m_sendPane);
    m_events->splitter()->setStretchFactor(0, 3);
    m_events->splitter()->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(targetRow);
    auto *optionsRow = new QHBoxLayout;
    optionsRow->addWidget(m_options, 1);
    optionsRow->addWidget(m_applyOptions, 0, Qt::AlignTop);
    layout->addLayout(optionsRow);
    layout->addWidget(m_problem);
    layout->addWidget(m_status);
    layout->addWidget(m_totalsBox);
    layout->addWidget(m_outcomes);
    layout->addWidget(m_saved);
    layout->addWidget(m_events, 1);

    setTabOrder(m_transport, m_target);
    setTabOrder(m_target->familyCombo(), m_tls);
    setTabOrder(m_tls, m_connect);
    setTabOrder(m_connect, m_disconnect);
    setTabOrder(m_disconnect, m_saveTranscript);
    setTabOrder(m_saveTranscript, m_options);
    setTabOrder(m_options, m_applyOptions);
    setTabOrder(m_applyOptions, messageTable());
    setTabOrder(messageTable(), ladderView());
    setTabOrder(ladderView(), m_inputTabs);
    setTabOrder(m_inputTabs, m_editor);
    setTabOrder(m_editor, m_scriptEdit);
    setTabOrder(m_scriptEdit, m_runScript);
    setTabOrder(m_runScript, m_stopScript);
    setTabOrder(m_stopScript, m_send);
    setTabOrder(m_send, m_shutdownWrite);
    setTabOrder(m_shutdownWrite, m_shutdownBoth);
    setTabOrder(m_shutdownBoth, m_close);
    setTabOrder(m_close, byteTabs());

    connect(m_target, &TargetEdit::changed, this, &ConversationPage::updateButtons);
    connect(m_target, &TargetEdit::returnPressed, this, &ConversationPage::connectToTarget);
    connect(m_transport, &QComboBox::currentIndexChanged, this, [this] {
        const bool udp = ConversationRequest::Transport(m_transport->currentData().toInt()) == ConversationRequest::Transport::Udp;
        m_options->setUse(udp ? SocketOptionsEdit::Use::UdpClient : SocketOptionsEdit::Use::TcpClient);
        updateButtons();
    });
    connect(m_options, &SocketOptionsEdit::changed, this, &ConversationPage::updateButtons);
    connect(m_editor, &RequestEditor::validityChanged, this, &ConversationPage::updateButtons);
    connect(m_editor, &RequestEditor::bytesChanged, this, &ConversationPage::updateButtons);
    connect(m_scriptEdit, &QPlainTextEdit::textChanged, this, &ConversationPage::onScriptChanged);
    connect(m_runScript, &QPushButton::clicked, this, &ConversationPage::runScript);
    connect(m_stopScript, &QPushButton::clicked, this, &ConversationPage::stopScript);
    connect(m_connect, &QPushButton::clicked, this, &ConversationPage::connectToTarget);
    connect(m_disconnect, &QPushButton::clicked, this, &ConversationPage::disconnectFromTarget);
    connect(m_saveTranscript, &QPushButton::clicked, this, &ConversationPage::saveTranscriptAs);
    connect(m_talkAgain, &QPushButton::clicked, this, &ConversationPage::talkAgainRequested);
    connect(m_applyOptions, &QPushButton::clicked, this, &ConversationPage::applyOptions);
    connect(m_send, &QPushButton::clicked, this, &ConversationPage::send);
    connect(m_shutdownWrite, &QPushButton::clicked, this, &ConversationPage::shutdownWrite);
    connect(m_shutdownBoth, &QPushButton::clicked, this, &ConversationPage::shutdownBoth);
    connect(m_close, &QPushButton::clicked, this, &ConversationPage::closeSocket);

    retranslate();
    const int line = fontMetrics().height();
    m_events->splitter()->setSizes({line * 16, line * 12});
}

ConversationPage::~ConversationPage() = default;

void ConversationPage::retranslate()
{
    m_transport->setToolTip(tr("TCP keeps a connection open; UDP keeps a socket open and sends datagrams."));
    m_target->hostEdit()->setPlaceholderText(tr("name or address"));
    m_target->hostEdit()->setToolTip(tr("The host to talk to: a name, an IPv4 or an IPv6 address."));
    m_target->portEdit()->setPlaceholderText(tr("port or service"));
    m_target->portEdit()->setToolTip(tr("The port to talk to: a number from 1 to 65535, or a service name."));
    m_tls->setText(tr("TLS"));
    m_tls->setToolTip(tr("Talk over TLS, the server's certificate verified (TCP only)."));
    m_connect->setText(tr("Co&nnect"));
    m_connect->setToolTip(tr("Open the connection and keep it open: the peer's bytes show as they come."));
    m_disconnect->setText(tr("Disconnect"));
    m_disconnect->setToolTip(tr("End the conversation at once: the socket is closed, whatever it waits on; "
                                "what was received stays."));
    m_saveTranscript->setText(tr("Save transcript…"));
    m_saveTranscript->setToolTip(tr("Save the conversation as it stands, as text to read or as JSON with the bytes "
                                    "in base64 (Ctrl+S)"));
    m_talkAgain->setText(tr("Talk &again"));
    m_talkAgain->setToolTip(tr("Connect again to the same target with the same options, in a new conversation."));
    m_applyOptions->setText(tr("Apply to the open socket"));
    m_applyOptions->setToolTip(tr("Set the options changed since Connect on the open socket with setsockopt(), each "
                                  "read back with getsockopt(). Those that only count at bind() or connect() "
                                  "cannot change now."));
    m_send->setText(tr("&Send"));
    m_send->setToolTip(tr("Send the editor's bytes on the open connection (Ctrl+Return)"));
    m_shutdownWrite->setText(tr("shutdown(SHUT_&WR)"));
    m_shutdownWrite->setToolTip(tr("Half-close: the peer reads end of file, and this end keeps reading."));
    m_shutdownBoth->setText(tr("shutdown(SHUT_RDWR)"));
    m_shutdownBoth->setToolTip(tr("Shut both directions: nothing more is sent or read, the socket stays open."));
    m_close->setText(tr("close()"));
    m_close->setToolTip(tr("Close the socket: the conversation ends."));
    m_inputTabs->setTabText(0, tr("Message"));
    m_inputTabs->setTabText(1, tr("Script"));
    const QString syntax = tr("One step a line, as socketlab-cli talk --script reads them:\n"
                              "send TEXT (escapes \\r \\n \\t \\0 \\\\ \\xNN), send-hex HEX,\n"
                              "expect TEXT, expect-re REGEX, expect-close, timeout MS (of the expectations that follow),\n"
                              "sleep MS, shutdown wr|rdwr, close, sockopt NAME=VALUE, # a comment.");
    m_scriptEdit->setToolTip(syntax);
    m_scriptEdit->setPlaceholderText(tr("# A script, one step a line, e.g.:\n"
                                        "send hello\\n\n"
                                        "expect hello\n"
                                        "timeout 2000\n"
                                        "expect-re [0-9]+\\n\n"
                                        "shutdown wr\n"
                                        "expect-close"));
    m_scriptEdit->setAccessibleName(tr("Script"));
    m_runScript->setText(tr("Run script"));
    m_runScript->setToolTip(tr("Play the script's steps on the conversation, connecting first if it is not open; "
                               "an expectation not met stops it and leaves the conversation open (Ctrl+Return in this tab)."));
    m_stopScript->setText(tr("Stop script"));
    m_stopScript->setToolTip(tr("Play no step more: the conversation stays open."));
    m_events->setWording(
        {.listName = tr("Messages"),
         .tabTexts = {tr("He&x"), tr("&Text"), tr("Soc&ket calls"), tr("HTTP")},
         .tabToolTips = {QString(), QString(), QString(),
                         tr("The conversation read as HTTP: each request and its response, their headers and how "
                            "each one's end is found")},
         .chooseEvent = tr("Choose a message to see its bytes."),
         .sentRange = tr("Sent bytes %1 to %2 selected (HTTP tab)."),
         .receivedRange = tr("Received bytes %1 to %2 selected (HTTP tab)."),
         // An option set on the open socket with the longest name it can have there.
         .directionSamples = {MessageModel::tr("shutdown(SHUT_RDWR)"), QStringLiteral("setsockopt(IPV6_UNICAST_HOPS)")}});
    updateButtons();
    updateStatus();
    updateTotals();
    updateScriptStatus();
    // The sub-tab's title and tool tip say the state in words of the new language too.
    emit titleChanged(m_title);
}

void ConversationPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

bool ConversationPage::event(QEvent *event)
{
    // Ctrl+Return is also the window's Send; the page claims it while the focus is inside it, so
    // it sends the same on its own (and in its tests). Ctrl+S, the window's Save of the exchange's
    // reply, saves this conversation instead while the person is in it.
    if (event->type() == QEvent::ShortcutOverride
        && (isSendKey(static_cast<QKeyEvent *>(event)) || isSaveKey(static_cast<QKeyEvent *>(event)))) {
        event->accept();
        return true;
    }
    return QWidget::event(event);
}

void ConversationPage::keyPressEvent(QKeyEvent *event)
{
    if (isSendKey(event)) {
        // In the Script tab, Ctrl+Return plays the script rather than sending the message out of sight.
        if (m_inputTabs->currentWidget() == m_scriptPane)
            runScript();
        else
            send();
        event->accept();
        return;
    }
    if (isSaveKey(event)) {
        saveTranscriptAs();
        event->accept();
        return;
    }
    QWidget::keyPressEvent(event);
}

ConversationRequest ConversationPage::request() const
{
    ConversationRequest request;
    request.transport = ConversationRequest::Transport(m_transport->currentData().toInt());
    request.host = m_target->host();
    request.service = m_target->service();
    request.family = m_target->family();
    const bool tcp = request.transport == ConversationRequest::Transport::Tcp;
    // SNI and ALPN are core's defaults; a certificate the person trusted for this target is its pin.
    request.tls.enabled = tcp && m_tls->isChecked();
    if (request.tls.enabled)
        request.tls.pinSha256 = PinStore::pin(request.host, request.service);
    request.socketOptions = m_options->settings();
    request.localAddress = m_options->localAddress();
    return request;
}

bool ConversationPage::isComplete(QString *problem) const
{
    return m_target->isComplete(problem) && m_options->isComplete(problem);
}

void ConversationPage::copyTargetFrom(const ConversationPage &other)
{
    m_transport->setCurrentIndex(other.m_transport->currentIndex());
    m_target->setTarget(other.m_target->host(), other.m_target->service());
    m_target->setFamily(other.m_target->family());
    m_tls->setChecked(other.m_tls->isChecked());
    m_options->setSettings(other.m_options->settings());
    m_options->setLocalAddressText(other.m_options->localAddressText());
}

bool ConversationPage::isRunning() const
{
    return m_conversation && m_conversation->isRunning();
}

bool ConversationPage::canSend() const
{
    return isRunning() && m_connected && !m_writeShut && !m_closed && m_editor->isValid();
}

bool ConversationPage::connectToTarget()
{
    QString problem;
    if (m_savedConversation || isRunning() || !isComplete(&problem))
        return false;
    const ConversationRequest request = this->request();
    auto conversation = std::make_unique<Conversation>();
    if (NetError error = conversation->start(request); error.isError()) {
        m_status->setText(ErrorText::describe(error));
        return false;
    }
    // The runner plays on the conversation it was given: it goes first.
    m_runner.reset();
    m_playedScript.clear();
    m_scriptEnd = ScriptEnd::None;
    m_conversation = std::move(conversation);
    m_record = m_conversation->record();
    m_traceData = m_conversation->trace();
    m_runningRequest = request;
    m_startedAt = QDateTime::currentDateTimeUtc();
    m_keptInHistory = false;
    connect(m_conversation.get(), &Conversation::progress, this, &ConversationPage::onProgress);
    connect(m_conversation.get(), &Conversation::finished, this, &ConversationPage::onFinished);
    m_askedOptions = request.socketOptions;
    m_connected = m_writeShut = m_readShut = m_closed = m_peerClosed = m_over = false;
    m_endText.clear();
    m_saved->setVisible(false);
    m_outcomes->setOutcomes({});
    m_events->setRecord(m_record);
    ladderView()->setLocalAddress(QString());
    ladderView()->setPeerAddress(QStringLiteral("%1:%2").arg(request.host, request.service));
    traceView()->setEntries({});
    m_title = QStringLiteral("%1:%2").arg(request.host, request.service);
    emit titleChanged(m_title);
    updateButtons();
    updateStatus();
    updateTotals();
    emit stateChanged();
    return true;
}

void ConversationPage::fillForm(const ConversationRequest &request)
{
    m_transport->setCurrentIndex(m_transport->findData(int(request.transport)));
    m_target->setTarget(request.host, request.service);
    m_target->setFamily(request.family);
    m_tls->setChecked(request.tls.enabled);
    m_options->setSettings(request.socketOptions);
    m_options->setLocalAddressText(request.localAddress.isValid() ? request.localAddress.toString() : QString());
}

void ConversationPage::showSaved(std::shared_ptr<const SavedConversation> saved)
{
    if (isRunning() || !saved)
        return;
    m_savedConversation = saved;
    const ConversationRequest &request = saved->summary.request;
    fillForm(request);
    m_record = saved->record;
    m_traceData = saved->trace;
    m_runningRequest = request;
    m_startedAt = saved->summary.startedAt;
    m_connected = m_writeShut = m_readShut = m_closed = m_peerClosed = false;
    m_over = true;
    m_endText.clear();
    m_saved->setVisible(false);
    m_outcomes->setOutcomes(m_record->setup().socketOptions);
    m_events->setRecord(m_record);
    ladderView()->setLocalAddress(QString());
    ladderView()->setPeerAddress(QStringLiteral("%1:%2").arg(request.host, request.service));
    readNewEvents();
    traceView()->setEntries(m_traceData->entries());
    // A conversation the window's close cut short says so; the others end as their events say.
    if (m_endText.isEmpty() && saved->summary.cutShort)
        m_endText = saved->summary.stop.detail;
    m_title = QStringLiteral("%1:%2").arg(request.host, request.service);
    // Read-only: the form says what it was, the calls that would act on a socket are gone.
    for (QWidget *field : std::initializer_list<QWidget *>{m_transport, m_target, m_tls, m_options})
        field->setEnabled(false);
    m_connect->setVisible(false);
    m_disconnect->setVisible(false);
    m_talkAgain->setVisible(true);
    // A conversation a script played shows the script, which Talk again plays again.
    m_playedScript = saved->summary.script;
    m_sendPane->setVisible(!m_playedScript.isEmpty());
    if (!m_playedScript.isEmpty()) {
        setScript(m_playedScript);
        m_scriptEdit->setReadOnly(true);
        m_inputTabs->setTabEnabled(0, false);
        for (QWidget *call : std::initializer_list<QWidget *>{m_runScript, m_stopScript, m_send, m_shutdownWrite,
                                                              m_shutdownBoth, m_close})
            call->setVisible(false);
    }
    emit titleChanged(m_title);
    updateButtons();
    updateStatus();
    updateTotals();
    emit stateChanged();
}

void ConversationPage::disconnectFromTarget()
{
    if (isRunning())
        m_conversation->cancel();
}

bool ConversationPage::send()
{
    if (!canSend())
        return false;
    m_conversation->send(m_editor->bytes());
    updateTotals();
    return true;
}

void ConversationPage::shutdownWrite()
{
    if (!m_shutdownWrite->isEnabled())
        return;
    m_conversation->shutdownWrite();
    m_writeShut = true;
    updateButtons();
    emit stateChanged();
}

void ConversationPage::shutdownBoth()
{
    if (!m_shutdownBoth->isEnabled())
        return;
    m_conversation->shutdownBoth();
    m_writeShut = m_readShut = true;
    updateButtons();
    emit stateChanged();
}

void ConversationPage::closeSocket()
{
    if (!m_close->isEnabled())
        return;
    m_conversation->close();
    m_closed = true;
    updateButtons();
    emit stateChanged();
}

void ConversationPage::readNewEvents()
{
    const auto record = m_record;
    using Kind = ConversationEvent::Kind;
    // Shown in the list and the ladder; read here for what became of the socket.
    for (const ConversationEvent &event : m_events->showNewEvents()) {
        switch (event.kind) {
        case Kind::Connected: {
            m_connected = true;
            const ConversationSetup setup = record->setup();
            ladderView()->setLocalAddress(setup.local.toString());
            if (setup.connectedTo.isValid())
                ladderView()->setPeerAddress(setup.connectedTo.toString());
            m_outcomes->setOutcomes(setup.socketOptions);
            break;
        }
        case Kind::Sent:
        case Kind::Received:
        case Kind::OptionSet:
            break;
        case Kind::ShutdownWrite: m_writeShut = true; break;
        case Kind::ShutdownBoth: m_writeShut = m_readShut = true; break;
        case Kind::Closed: m_closed = true; break;
        case Kind::PeerClosed: m_peerClosed = true; break;
        case Kind::PeerReset:
        case Kind::Failed:
            m_endText = event.error.kind == NetError::Kind::Cancelled ? QString() : ErrorText::describe(event.error);
            break;
        }
    }
}

void ConversationPage::onProgress()
{
    if (!m_record)
        return;
    const bool wasConnected = m_connected;
    readNewEvents();
    if (isScriptRunning())
        m_runner->advance();
    traceView()->setEntries(m_traceData->entries());
    httpView()->refresh();
    updateTotals();
    if (wasConnected != m_connected || m_peerClosed || !m_endText.isEmpty()) {
        updateButtons();
        updateStatus();
        emit stateChanged();
    }
}

void ConversationPage::onFinished()
{
    readNewEvents();
    // The runner sees the record over: a script waiting on the peer ends with the conversation.
    if (isScriptRunning())
        m_runner->advance();
    traceView()->setEntries(m_traceData->entries());
    httpView()->refresh();
    m_over = true;
    updateButtons();
    updateStatus();
    updateTotals();
    emit stateChanged();
    emit ended();
}

void ConversationPage::showMessage(int row)
{
    m_events->selectEvent(row);
}

void ConversationPage::updateButtons()
{
    if (m_savedConversation) {
        m_problem->setVisible(false);
        m_applyOptions->setVisible(false);
        m_saveTranscript->setEnabled(!m_savingTranscript);
        return;
    }
    QString problem;
    const bool complete = isComplete(&problem);
    const bool running = isRunning();
    // The options say their own problem in red beside the field.
    QString optionsProblem;
    const bool ownProblem = m_options->isComplete(&optionsProblem) || problem != optionsProblem;
    m_problem->setText(problem);
    m_problem->setVisible(!complete && !running && ownProblem);
    const bool tcp = ConversationRequest::Transport(m_transport->currentData().toInt())
                     == ConversationRequest::Transport::Tcp;
    const bool open = running && m_connected && !m_closed;
    for (QWidget *field : {static_cast<QWidget *>(m_transport), static_cast<QWidget *>(m_target)})
        field->setEnabled(!running);
    // Connected, the options the system takes on an open socket stay editable, to apply at once.
    m_options->setEnabled(!running || open);
    m_options->localEdit()->setEnabled(!running);
    for (const SocketOptionName name : SocketOptions::all()) {
        if (QWidget *row = m_options->optionRow(name))
            row->setEnabled(!running || SocketOptions::settableWhenOpen(name));
    }
    m_applyOptions->setVisible(open);
    m_applyOptions->setEnabled(open && !optionsToApply().isEmpty());
    m_tls->setEnabled(!running && tcp);
    m_connect->setEnabled(complete && !running);
    m_disconnect->setEnabled(running);
    m_saveTranscript->setEnabled(m_record && !m_savingTranscript);
    const bool runningTcp = m_runningRequest.transport == ConversationRequest::Transport::Tcp;
    m_send->setEnabled(canSend());
    m_shutdownWrite->setEnabled(open && runningTcp && !m_writeShut);
    m_shutdownBoth->setEnabled(open && runningTcp && !m_readShut);
    m_close->setEnabled(open);
    const bool scriptRunning = isScriptRunning();
    const ScriptParse parse = parseConversationScript(script());
    const bool playable = !parse.error.isError() && !parse.steps.isEmpty();
    m_runScript->setEnabled(playable && !scriptRunning && (running ? !m_closed && !m_over : complete));
    m_stopScript->setEnabled(scriptRunning);
    // The lines stay where the steps are while they play.
    m_scriptEdit->setReadOnly(scriptRunning);
}

QList<SocketOptionSetting> ConversationPage::optionsToApply() const
{
    QList<SocketOptionSetting> changed;
    for (const SocketOptionSetting &setting : m_options->settings()) {
        if (SocketOptions::settableWhenOpen(setting.name) && !m_askedOptions.contains(setting))
            changed.append(setting);
    }
    return changed;
}

void ConversationPage::applyOptions()
{
    if (!m_conversation)
        return;
    for (const SocketOptionSetting &setting : optionsToApply()) {
        // The worker answers with an OptionSet event: the list, the ladder and the trace show it.
        if (m_conversation->setOption(setting)) {
            m_askedOptions.removeIf([&](const SocketOptionSetting &asked) { return asked.name == setting.name; });
            m_askedOptions.append(setting);
        }
    }
    updateButtons();
}

QString ConversationPage::script() const
{
    // Not toPlainText(): it turns a no-break space into a space, and a `send` of French text
    // ("Prix : 10 €") would no longer send its bytes.
    QString text = m_scriptEdit->document()->toRawText();
    text.replace(QChar::ParagraphSeparator, QLatin1Char('\n'));
    text.replace(QChar::LineSeparator, QLatin1Char('\n'));
    return text;
}

bool ConversationPage::hasScript() const
{
    return !script().trimmed().isEmpty();
}

bool ConversationPage::codeRequest(CodeRequest *request, QString *problem) const
{
    const bool recorded = !hasScript() && m_record && m_record->sentBytes() > 0;
    // As for saving: what was recorded happened with the target the conversation talked to.
    const ConversationRequest conversation = recorded ? m_runningRequest : this->request();
    QString text;
    if (hasScript()) {
        text = script();
    } else if (recorded) {
        const RecordedScript recording = recordScript(*m_record);
        if (!recording.ok()) {
            *problem = describeRecordedScriptProblem(recording);
            return false;
        }
        text = writeRecordedScript(recording, QStringLiteral("%1:%2").arg(conversation.host, conversation.service));
    } else if (!m_editor->isValid()) {
        *problem = tr("The message has an error: fix it to show its code.");
        return false;
    } else if (const QByteArray message = m_editor->bytes(); !message.isEmpty()) {
        text = QStringLiteral("send-hex ") + QString::fromLatin1(message.toHex(' ')) + QLatin1Char('\n');
    }
    const ScriptParse parse = parseConversationScript(text);
    if (parse.error.isError()) {
        *problem = tr("The script has an error: fix it to show its code (%1).").arg(describeScriptError(parse.error));
        return false;
    }
    *request = CodeRequest::forConversation(conversation, parse.steps);
    return true;
}

bool ConversationPage::savedRequest(SavedRequest *request, QString *problem) const
{
    const bool recorded = !hasScript() && m_record && m_record->sentBytes() > 0;
    // A recorded script goes to the target the conversation talked to, whatever the form says now.
    const ConversationRequest conversation = recorded ? m_runningRequest : this->request();
    // A script runs over plain TCP (socketlab-cli talk --script).
    if (conversation.transport != ConversationRequest::Transport::Tcp || conversation.tls.enabled) {
        *problem = tr("Only a conversation over plain TCP can be saved: a script runs over TCP without TLS.");
        return false;
    }
    if (hasScript()) {
        const ScriptParse parse = parseConversationScript(script());
        if (parse.error.isError()) {
            *problem = tr("The script has an error: fix it to save it (%1).").arg(describeScriptError(parse.error));
            return false;
        }
        request->script = script();
    } else if (recorded) {
        const RecordedScript recording = recordScript(*m_record);
        if (!recording.ok()) {
            *problem = describeRecordedScriptProblem(recording);
            return false;
        }
        request->script = writeRecordedScript(recording, QStringLiteral("%1:%2").arg(conversation.host, conversation.service));
    } else if (!m_editor->isValid()) {
        *problem = tr("The message has an error: fix it to save it.");
        return false;
    } else if (const QByteArray message = m_editor->bytes(); !message.isEmpty()) {
        // The message as exact bytes: a script of one send.
        request->script = QStringLiteral("send-hex ") + QString::fromLatin1(message.toHex(' ')) + QLatin1Char('\n');
    }
    request->kind = SavedRequest::Kind::Script;
    request->tcp.host = conversation.host;
    request->tcp.service = conversation.service;
    request->tcp.family = conversation.family;
    request->tcp.connectTimeoutMs = conversation.connectTimeoutMs;
    request->tcp.socketOptions = conversation.socketOptions;
    request->tcp.localAddress = conversation.localAddress;
    request->name = tr("conversation %1:%2").arg(conversation.host, conversation.service);
    return true;
}

void ConversationPage::setScript(const QString &text)
{
    m_scriptEdit->setPlainText(text);
    m_inputTabs->setCurrentWidget(m_scriptPane);
}

bool ConversationPage::isScriptRunning() const
{
    return m_runner && !m_runner->isFinished();
}

bool ConversationPage::runScript()
{
    if (m_savedConversation || isScriptRunning())
        return false;
    const QString text = script();
    const ScriptParse parse = parseConversationScript(text);
    if (parse.error.isError() || parse.steps.isEmpty()) {
        onScriptChanged();
        return false;
    }
    // On a conversation already open, an expectation looks at what arrives once the script begins; on
    // one it starts, at everything (the worker may have read a greeting before the runner is made).
    qint64 matchFrom = 0;
    if (isRunning()) {
        if (m_closed)
            return false;
        matchFrom = m_record->received().size();
    } else if (!connectToTarget()) {
        return false;
    }
    m_runner = std::make_unique<ConversationScriptRunner>(*m_conversation, parse.steps, matchFrom);
    connect(m_runner.get(), &ConversationScriptRunner::stepStarted, this, &ConversationPage::onScriptStep);
    connect(m_runner.get(), &ConversationScriptRunner::done, this, &ConversationPage::onScriptDone);
    m_playedScript = text;
    m_scriptEnd = ScriptEnd::None;
    m_inputTabs->setCurrentWidget(m_scriptPane);
    updateButtons();
    updateScriptStatus();
    // Already connected, the first steps go at once; else at the Connected progress.
    m_runner->advance();
    return true;
}

void ConversationPage::stopScript()
{
    if (!isScriptRunning())
        return;
    m_runner->stop();
    m_scriptEnd = ScriptEnd::Stopped;
    m_scriptEndLine = m_runner->steps().at(m_runner->currentStep()).line;
    updateButtons();
    updateScriptStatus();
    emit scriptFinished();
}

void ConversationPage::onScriptChanged()
{
    if (isScriptRunning())
        return;
    // A run's words are about the text it ran; an edit makes them stale.
    m_scriptEnd = ScriptEnd::None;
    updateButtons();
    updateScriptStatus();
}

void ConversationPage::onScriptStep(qsizetype)
{
    updateScriptStatus();
}

void ConversationPage::onScriptDone()
{
    const ConversationScriptRunner &runner = *m_runner;
    if (runner.failure()) {
        m_scriptEnd = ScriptEnd::Failed;
    } else if (runner.currentStep() < runner.stepCount()) {
        m_scriptEnd = ScriptEnd::ConversationOver;
        m_scriptEndLine = runner.steps().at(runner.currentStep()).line;
    } else {
        m_scriptEnd = ScriptEnd::Completed;
    }
    updateButtons();
    updateScriptStatus();
    emit scriptFinished();
}

void ConversationPage::markScriptLine(int line, int column, bool problem)
{
    QList<QTextEdit::ExtraSelection> marks;
    const QTextBlock block = m_scriptEdit->document()->findBlockByNumber(line - 1);
    if (line > 0 && block.isValid()) {
        QTextEdit::ExtraSelection mark;
        mark.cursor = QTextCursor(block);
        if (problem && column > 0) {
            // From the column the reader stopped at to the end of the line, underlined.
            mark.cursor.setPosition(block.position() + qMin(column - 1, block.length() - 1));
            mark.cursor.setPosition(block.position() + block.length() - 1, QTextCursor::KeepAnchor);
            mark.format.setUnderlineStyle(QTextCharFormat::SpellCheckUnderline);
            mark.format.setUnderlineColor(Qt::red);
        } else {
            const QPalette &palette = m_scriptEdit->palette();
            mark.format.setBackground(problem ? QColor(Qt::red).lighter(180) : palette.color(QPalette::Highlight).lighter(170));
            if (problem)
                mark.format.setForeground(QColor(Qt::black));
            mark.format.setProperty(QTextFormat::FullWidthSelection, true);
        }
        marks.append(mark);
    }
    m_scriptEdit->setExtraSelections(marks);
}

void ConversationPage::updateScriptStatus()
{
    const ScriptParse parse = parseConversationScript(script());
    if (isScriptRunning()) {
        const ConversationScriptRunner &runner = *m_runner;
        const qsizetype index = runner.currentStep();
        const int line = runner.steps().at(index).line;
        m_scriptStep->setText(m_connected ? tr("Step %1 of %2 (line %3)").arg(index + 1).arg(runner.stepCount()).arg(line)
                                          : tr("Waiting for the connection…"));
        m_scriptResult->clear();
        markScriptLine(m_connected ? line : 0, 0, false);
        return;
    }
    m_scriptStep->clear();
    if (m_savedConversation) {
        m_scriptResult->setText(tr("The script this conversation played: Talk again plays it again."));
        markScriptLine(0, 0, false);
        return;
    }
    switch (m_scriptEnd) {
    case ScriptEnd::None:
        if (parse.error.isError()) {
            m_scriptResult->setText(describeScriptError(parse.error));
            markScriptLine(parse.error.line, parse.error.column, true);
        } else {
            m_scriptResult->setText(parse.steps.isEmpty() ? QString() : tr("%Ln step(s), ready to run.", nullptr, int(parse.steps.size())));
            markScriptLine(0, 0, false);
        }
        return;
    case ScriptEnd::Completed:
        m_scriptResult->setText(tr("The script played its %Ln step(s).", nullptr, int(m_runner->stepCount())));
        markScriptLine(0, 0, false);
        return;
    case ScriptEnd::Failed: {
        const ScriptFailure &failure = *m_runner->failure();
        const QString sentence = describeScriptFailure(failure);
        m_scriptResult->setText(m_over ? tr("The script stopped at %1").arg(sentence)
                                       : tr("The script stopped at %1 The conversation is still open: go on by hand.").arg(sentence));
        markScriptLine(failure.line, 0, true);
        return;
    }
    case ScriptEnd::Stopped:
        m_scriptResult->setText(tr("The script was stopped at line %1.").arg(m_scriptEndLine));
        markScriptLine(m_scriptEndLine, 0, true);
        return;
    case ScriptEnd::ConversationOver:
        m_scriptResult->setText(tr("The script stopped at line %1: the conversation ended.").arg(m_scriptEndLine));
        markScriptLine(m_scriptEndLine, 0, true);
        return;
    }
}

void ConversationPage::updateStatus()
{
    if (!m_record) {
        m_status->setText(tr("Not connected: choose a target and press Connect."));
        return;
    }
    const QString peer = ladderView()->peerAddress();
    if (m_over) {
        m_status->setText(m_endText.isEmpty() ? tr("The conversation with %1 is over.").arg(peer)
                                              : tr("The conversation with %1 ended: %2").arg(peer, m_endText));
        return;
    }
    if (!m_connected) {
        m_status->setText(tr("Connecting to %1…").arg(peer));
        return;
    }
    if (m_peerClosed) {
        m_status->setText(tr("The peer %1 closed its side (FIN): nothing more will come.").arg(peer));
        return;
    }
    if (m_writeShut) {
        m_status->setText(tr("Connected to %1, this side shut for writing: still reading.").arg(peer));
        return;
    }
    m_status->setText(tr("Connected to %1: send at any time; what the peer sends shows as it comes.").arg(peer));
}

void ConversationPage::updateTotals()
{
    if (!m_record) {
        m_totals->clear();
        return;
    }
    const auto record = m_record;
    // The record's counts: exact past the caps on what is kept, where the list stops growing.
    QString text = tr("Sent %1 in %Ln message(s)", nullptr, int(record->sentMessages())).arg(byteCount(record->sentBytes()))
                 + QStringLiteral(" · ")
                 + tr("received %1 in %Ln message(s)", nullptr, int(record->receivedMessages()))
                       .arg(byteCount(record->receivedBytes()));
    // A big send to a peer that does not read waits in SocketLab once the kernel's buffers are full:
    // say so, or the Sent total alone looks like bytes lost.
    if (const qint64 unsent = m_conversation ? m_conversation->unsentBytes() : 0; unsent > 0)
        text += QStringLiteral(" · ") + tr("%1 waiting to be sent").arg(byteCount(unsent));
    m_totals->setText(text);
}

void ConversationPage::saveTranscriptAs()
{
    if (!m_saveTranscript->isEnabled())
        return;
    const QString textFilter = tr("Text transcript (*.txt)");
    const QString jsonFilter = tr("JSON (*.json)");
    SaveFileDialog dialog(this, tr("Save the conversation's transcript"),
                          //: The file name offered when saving a conversation's transcript.
                          tr("conversation.txt"));
    dialog.setNameFilters({textFilter, jsonFilter});
    dialog.setDefaultSuffix(QStringLiteral("txt"));
    // The suffix follows the filter chosen, as the file's format does.
    connect(&dialog, &QFileDialog::filterSelected, &dialog, [&dialog, jsonFilter](const QString &filter) {
        dialog.setDefaultSuffix(filter == jsonFilter ? QStringLiteral("json") : QStringLiteral("txt"));
    });
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return;
    const bool json = dialog.selectedNameFilter() == jsonFilter;
    saveTranscript(dialog.selectedFiles().constFirst(),
                   json ? ConversationTranscript::Format::Json : ConversationTranscript::Format::Text);
}

void ConversationPage::saveTranscript(const QString &path, ConversationTranscript::Format format)
{
    if (!m_record || m_savingTranscript)
        return;
    m_savingTranscript = true;
    updateButtons();
    QPointer<ConversationPage> self(this);
    // Shared, not copied: the worker may go on adding to them while the file is written.
    std::shared_ptr<const ConversationRecord> record = m_record;
    std::shared_ptr<const Trace> trace = m_traceData;
    const bool udp = m_runningRequest.transport == ConversationRequest::Transport::Udp;
    BlockingCallPool::run(BlockingCallPool::Lane::File, [self, record, trace, udp, path, format, host = m_runningRequest.host,
                                                          service = m_runningRequest.service] {
        // Off the GUI thread: 64 MiB each way take a while to write out.
        qint64 size = 0;
        const NetError failure = ConversationTranscript(*record, *trace, udp, host, service).save(format, path, &size);
        QMetaObject::invokeMethod(qApp, [self, failure, path, size] {
            if (!self)
                return;
            self->m_savingTranscript = false;
            self->updateButtons();
            self->m_saved->setText(failure.isError() ? tr("The transcript was not saved: %1").arg(ErrorText::describe(failure))
                                                     : tr("Transcript saved to %1 (%2).").arg(path, byteCount(size)));
            self->m_saved->setVisible(true);
            emit self->transcriptSaved(!failure.isError());
        });
    });
}

} // namespace SocketLab
