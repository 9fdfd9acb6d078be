#include "historypanel.h"

#include "exchangecontroller.h"
#include "exchangerecordjson.h"

#include "reply/byteviewbase.h"
#include "request/editorcolors.h"
#include "request/payloadhighlighter.h"

#include "bytes/bytestore.h"
#include "bytes/namedfilesource.h"
#include "bytes/payloadcodec.h"
#include "bytes/sourcetofile.h"
#include "http/httpresponseparser.h"
#include "text/clocktext.h"
#include "text/errortext.h"
#include "text/stoptext.h"
#include "threads/blockingcallpool.h"

#include <QAction>
#include <QClipboard>
#include <QCoreApplication>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>

namespace SocketLab {

namespace {

qint64 inMemory(const ExchangeRecord &record)
{
    const auto *store = dynamic_cast<const ByteStore *>(record.reply.get());
    return store ? store->size() : 0;
}

} // namespace

HistoryPanel::HistoryPanel(QWidget *parent)
    : QWidget(parent)
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_filter(new QLineEdit)
    , m_list(new QListWidget)
    , m_target(new QLabel)
    , m_request(new QPlainTextEdit)
    , m_highlighter(new PayloadHighlighter(m_request->document()))
    , m_load(new QPushButton)
    , m_menu(new QMenu(this))
    , m_loadAction(new QAction(this))
    , m_sendAgainAction(new QAction(this))
    , m_saveToCollectionAction(new QAction(this))
    , m_showCodeAction(new QAction(this))
    , m_copyRequestAction(new QAction(this))
    , m_copyReplyAction(new QAction(this))
    , m_saveReplyAction(new QAction(this))
    , m_deleteAction(new QAction(this))
    , m_exportPcapngAction(new QAction(this))
    , m_copyReportAction(new QAction(this))
    , m_saveReportAction(new QAction(this))
{
    m_list->setAlternatingRowColors(true);
    m_target->setObjectName(QStringLiteral("historyTarget"));
    m_target->setWordWrap(true);
    m_target->setTextFormat(Qt::PlainText);
    m_target->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // The request as the editor's Escapes mode writes it: every byte visible, line endings included.
    m_request->setObjectName(QStringLiteral("historyRequest"));
    m_request->setReadOnly(true);
    m_request->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_request->setTabChangesFocus(true);
    m_request->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_highlighter->setEditorFont(m_request->font());
    m_highlighter->setColors(EditorColors::forPalette(palette()));
    m_load->setObjectName(QStringLiteral("historyLoad"));

    auto *details = new QWidget;
    auto *top = new QHBoxLayout;
    top->addWidget(m_target, 1);
    top->addWidget(m_load, 0, Qt::AlignTop);
    auto *detailsLayout = new QVBoxLayout(details);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    detailsLayout->addLayout(top);
    detailsLayout->addWidget(m_request, 1);
    auto *listSide = new QWidget;
    auto *listLayout = new QVBoxLayout(listSide);
    listLayout->setContentsMargins(0, 0, 0, 0);
    m_filter->setObjectName(QStringLiteral("historyFilter"));
    m_filter->setClearButtonEnabled(true);
    listLayout->addWidget(m_filter);
    listLayout->addWidget(m_list, 1);
    m_splitter->addWidget(listSide);
    m_splitter->addWidget(details);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);
    // Reading order: the search, the list, then the details from their top right button down.
    setTabOrder(m_filter, m_list);
    setTabOrder(m_list, m_load);
    setTabOrder(m_load, m_request);

    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        showDetails();
        if (row >= 0 && row < m_records.size()) {
            emit recordChosen(m_records.at(row));
            parseWhenOpened(m_records.at(row));
        }
    });
    connect(m_filter, &QLineEdit::textChanged, this, &HistoryPanel::applyFilter);
    createActions();
    retranslate();
    showDetails();
}

void HistoryPanel::createActions()
{
    // Return and Delete act on the entry the list has picked, while the list has the focus.
    m_loadAction->setShortcuts({QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)});
    m_loadAction->setShortcutContext(Qt::WidgetShortcut);
    m_deleteAction->setShortcut(QKeySequence::Delete);
    m_deleteAction->setShortcutContext(Qt::WidgetShortcut);
    m_list->addAction(m_loadAction);
    m_list->addAction(m_deleteAction);
    connect(m_loadAction, &QAction::triggered, this, [this] {
        if (const auto record = current())
            emit loadRequested(record);
    });
    connect(m_load, &QPushButton::clicked, m_loadAction, &QAction::trigger);
    connect(m_sendAgainAction, &QAction::triggered, this, [this] {
        if (const auto record = current())
            emit sendAgainRequested(record);
    });
    connect(m_saveToCollectionAction, &QAction::triggered, this, [this] {
        if (const auto record = current())
            emit saveToCollectionRequested(savedRequest(*record));
    });
    connect(m_showCodeAction, &QAction::triggered, this, [this] {
        if (const auto record = current())
            emit showCodeRequested(savedRequest(*record));
    });
    connect(m_list, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem *item) {
        if (const auto record = this->record(m_list->row(item)))
            emit loadRequested(record);
    });
    connect(m_copyRequestAction, &QAction::triggered, this, &HistoryPanel::copyRequest);
    connect(m_copyReplyAction, &QAction::triggered, this, &HistoryPanel::copyReply);
    connect(m_saveReplyAction, &QAction::triggered, this, [this] {
        if (const auto record = current())
            emit saveReplyRequested(record);
    });
    connect(m_deleteAction, &QAction::triggered, this, [this] { remove(m_list->currentRow()); });
    for (const auto &[action, asked] : {std::pair{m_exportPcapngAction, &HistoryPanel::exportPcapngRequested},
                                        std::pair{m_copyReportAction, &HistoryPanel::copyReportRequested},
                                        std::pair{m_saveReportAction, &HistoryPanel::saveReportRequested}}) {
        connect(action, &QAction::triggered, this, [this, asked] {
            if (const auto record = current())
                emit(this->*asked)(record);
        });
    }

    // In bold, as what a double-click does. Set as the action's font rather than as the menu's
    // default action, whose bold text QMenu elides in a width measured for the regular font.
    QFont bold = m_loadAction->font();
    bold.setBold(true);
    m_loadAction->setFont(bold);
    m_menu->addAction(m_loadAction);
    m_menu->addAction(m_sendAgainAction);
    m_menu->addAction(m_saveToCollectionAction);
    m_menu->addAction(m_showCodeAction);
    m_menu->addSeparator();
    m_menu->addAction(m_copyRequestAction);
    m_menu->addAction(m_copyReplyAction);
    m_menu->addAction(m_saveReplyAction);
    m_menu->addSeparator();
    m_menu->addAction(m_exportPcapngAction);
    m_menu->addAction(m_copyReportAction);
    m_menu->addAction(m_saveReportAction);
    m_menu->addSeparator();
    m_menu->addAction(m_deleteAction);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_list, &QWidget::customContextMenuRequested, this, &HistoryPanel::showContextMenu);
}

void HistoryPanel::retranslate()
{
    m_list->setAccessibleName(tr("Exchange history"));
    m_list->setToolTip(tr("The exchanges kept, newest first. Pick one to see its request, target and "
                          "reply; double-click it to load it into the form."));
    m_filter->setPlaceholderText(tr("Search: host, port, status, error, request or reply text…"));
    m_filter->setAccessibleName(tr("Search the history"));
    m_filter->setToolTip(tr("Shows the exchanges whose host, port, HTTP status, error name, request or reply "
                            "(its first MiB) holds this text, whatever the case"));
    for (int row = 0; row < m_records.size(); ++row) {
        m_list->item(row)->setText(describe(*m_records.at(row)));
        m_list->item(row)->setToolTip(tooltip(*m_records.at(row)));
    }
    m_request->setAccessibleName(tr("Request of the exchange"));
    m_target->setAccessibleName(tr("Target of the exchange"));
    m_load->setText(tr("Load into the form"));
    m_load->setToolTip(tr("Put this target and request in the form, to edit them and send again (Return)"));
    m_loadAction->setText(tr("&Load into the form"));
    m_sendAgainAction->setText(tr("Send &again"));
    m_saveToCollectionAction->setText(tr("Save to &collection…"));
    m_showCodeAction->setText(tr("Show c&ode…"));
    m_copyRequestAction->setText(tr("Copy the &request"));
    m_saveReplyAction->setText(tr("&Save the reply…"));
    m_deleteAction->setText(tr("&Delete"));
    m_exportPcapngAction->setText(tr("E&xport as pcapng…"));
    m_copyReportAction->setText(tr("Cop&y the report"));
    m_saveReportAction->setText(tr("Save the repor&t…"));
    showDetails();
}

void HistoryPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::PaletteChange)
        m_highlighter->setColors(EditorColors::forPalette(palette()));
    QWidget::changeEvent(event);
}

std::shared_ptr<const ExchangeRecord> HistoryPanel::current() const
{
    return record(m_list->currentRow());
}

void HistoryPanel::showDetails()
{
    const std::shared_ptr<const ExchangeRecord> record = current();
    // Another SocketLab window sharing the history may have removed the entry's files (its Clear
    // history, its limits) while this one still lists it: its reply would read as nothing.
    // Looked for on the file lane, not here: the history's folder may be on a slow disk.
    const auto *replyFile = record ? dynamic_cast<const NamedFileSource *>(record->reply.get()) : nullptr;
    if (replyFile)
        checkReplyFile(record, replyFile->path());
    const bool replyGone = record && isReplyGone(record);
    const bool hasReply = record && record->reply && record->reply->size() > 0 && !replyGone;
    m_loadAction->setEnabled(bool(record));
    m_sendAgainAction->setEnabled(bool(record));
    m_saveToCollectionAction->setEnabled(bool(record));
    m_showCodeAction->setEnabled(bool(record));
    m_load->setEnabled(bool(record));
    m_copyRequestAction->setEnabled(bool(record));
    m_copyReplyAction->setEnabled(hasReply);
    // A UDP exchange's "reply" is its datagrams one after the other: their bounds are not copied.
    m_copyReplyAction->setText(record && record->udp ? tr("Copy the data&grams received, end to end") : tr("Copy the re&ply"));
    m_saveReplyAction->setEnabled(hasReply);
    m_deleteAction->setEnabled(bool(record));
    for (QAction *action : {m_exportPcapngAction, m_copyReportAction, m_saveReportAction})
        action->setEnabled(bool(record));
    if (!record) {
        m_target->setText(m_records.isEmpty() ? tr("No exchange yet: each one sent is listed here.")
                                              : tr("Pick an exchange to see its request and target."));
        m_request->clear();
        return;
    }
    m_target->setText(replyGone ? describeTarget(*record) + u'\n'
                                      + tr("This exchange was removed from the history, perhaps by another SocketLab window: "
                                           "its reply's file is gone, only its request and target are left.")
                                : describeTarget(*record));
    m_request->setPlainText(PayloadCodec::encodeEscaped(record->request, PayloadCodec::Layout::Lines));
}

void HistoryPanel::showContextMenu(const QPoint &pos)
{
    QListWidgetItem *item = m_list->itemAt(pos);
    if (!item)
        return;
    // The entry is picked first, so what the menu acts on is what the window shows.
    m_list->setCurrentItem(item);
    m_menu->popup(m_list->viewport()->mapToGlobal(pos));
}

void HistoryPanel::copyRequest()
{
    const std::shared_ptr<const ExchangeRecord> record = current();
    if (!record)
        return;
    // Text for a terminal or a document, the exact bytes for a program that takes them.
    auto *data = new QMimeData;
    data->setText(QString::fromUtf8(record->request));
    data->setData(QStringLiteral("application/octet-stream"), record->request);
    QGuiApplication::clipboard()->setMimeData(data);
    emit message(tr("The request (%1) is on the clipboard.").arg(byteCount(record->request.size())));
}

void HistoryPanel::copyReply()
{
    const std::shared_ptr<const ExchangeRecord> record = current();
    if (!record || !record->reply)
        return;
    const qint64 size = record->reply->size();
    if (size > ByteViewBase::MaxCopyBytes) {
        emit message(tr("The reply (%1) is too large for the clipboard: save it to a file instead.").arg(dataSize(size)));
        return;
    }
    const QByteArray bytes = record->reply->read(0, size);
    auto *data = new QMimeData;
    data->setText(QString::fromUtf8(bytes));
    data->setData(QStringLiteral("application/octet-stream"), bytes);
    QGuiApplication::clipboard()->setMimeData(data);
    emit message(tr("The reply (%1) is on the clipboard.").arg(byteCount(size)));
}

void HistoryPanel::remove(int row)
{
    if (row < 0 || row >= m_records.size())
        return;
    std::shared_ptr<const ExchangeRecord> removed;
    {
        // The list picks a neighbour while the row is still there: its row numbers are those of
        // before the removal, so the neighbour is announced once the records match the list again.
        const QSignalBlocker blocker(m_list);
        delete m_list->takeItem(row);
        removed = m_records.takeAt(row);
        m_moveErrors.remove(removed.get());
    }
    emit recordRemoved(removed);
    showDetails();
    if (const std::shared_ptr<const ExchangeRecord> picked = current()) {
        emit recordChosen(picked);
        parseWhenOpened(picked);
    }
}

QString HistoryPanel::describeTarget(const ExchangeRecord &record)
{
    const ConnectionSettings &settings = record.settings;
    QString family;
    switch (settings.family) {
    case IpFamily::V4: family = tr("IPv4 only"); break;
    case IpFamily::V6: family = tr("IPv6 only"); break;
    default: family = tr("any family"); break;
    }
    if (record.udp)
        return describeUdpTarget(record, family);
    QString stop;
    switch (settings.stopRule.kind) {
    case StopRule::Kind::PeerClose: stop = tr("when the server closes"); break;
    case StopRule::Kind::Http: stop = tr("at the end of the HTTP response"); break;
    case StopRule::Kind::Bytes: stop = tr("after %1").arg(byteCount(settings.stopRule.value)); break;
    case StopRule::Kind::Idle: stop = tr("after %1 ms without data").arg(QLocale().toString(settings.stopRule.value)); break;
    }
    QString target = tr("%1, port %2 · %3 · stop reading %4").arg(settings.host, settings.service, family, stop);
    if (const std::optional<TlsInfo> &tls = record.result.tls) {
        target += QStringLiteral(" · ")
                  + (tls->handshakeDone ? tr("TLS (%1, %2)").arg(tls->version, tls->cipher) : tr("TLS, no handshake"));
    }
    const QString time = clockTime(record.startedAt.time());
    const QString sent = record.result.connectedTo.isValid()
                             ? tr("Sent at %1 to %2: %3.")
                                   .arg(time, record.result.connectedTo.toString(), byteCount(record.result.sentBytes))
                             : tr("At %1, nothing was sent: no connection.").arg(time);
    return target + u'\n' + sent;
}

QString HistoryPanel::describeUdpTarget(const ExchangeRecord &record, const QString &family)
{
    const UdpRequest &request = record.udp->request;
    const UdpResult &result = record.udp->result;
    QString target = tr("UDP to %1, port %2 · %3 · wait %4 ms")
                         .arg(request.host, request.service, family, QLocale().toString(request.waitMs));
    if (request.maxDatagrams > 0)
        target += QStringLiteral(" · ") + tr("stop after %n datagram(s)", nullptr, request.maxDatagrams);
    if (request.connected)
        target += QStringLiteral(" · ") + tr("connected socket");
    const QString time = clockTime(record.startedAt.time());
    const QString sent = result.target.isValid()
                             ? tr("Sent at %1 to %2: %3; %n datagram(s) received.", nullptr, int(result.datagrams.size()))
                                   .arg(time, result.target.toString(), byteCount(result.sentBytes))
                             : tr("At %1, nothing was sent.").arg(time);
    return target + u'\n' + sent;
}

QString HistoryPanel::describe(const ExchangeRecord &record)
{
    const qsizetype lineEnd = record.request.indexOf('\n');
    const QByteArray firstLine = record.request.left(lineEnd < 0 ? record.request.size() : lineEnd).trimmed().left(60);
    QString outcome;
    const TcpResult &result = record.result;
    if (record.udp) {
        const UdpResult &udp = record.udp->result;
        outcome = udp.error.isError() && udp.error.kind != NetError::Kind::Cancelled
                      ? udp.error.codeName()
                      : tr("%n datagram(s)", nullptr, int(udp.datagrams.size()));
    } else if (const std::optional<HttpSummary> http = ExchangeRecordJson::httpSummary(record); http && http->statusCode > 0)
        outcome = QStringLiteral("%1 %2").arg(http->statusCode).arg(QString::fromLatin1(http->reasonPhrase));
    else if (result.error.isError())
        outcome = result.error.codeName();
    else
        outcome = byteCount(result.receivedBytes);
    // An exchange of another day says which.
    const QString time = record.startedAt.date() == QDate::currentDate()
                             ? clockTime(record.startedAt.time())
                             : QLocale().toString(record.startedAt.date(), QLocale::ShortFormat) + u' '
                                   + clockTime(record.startedAt.time());
    return tr("%1  %2 %3:%4  %5 → %6")
        .arg(time,
             // The mark a TLS exchange carries in the list, as an https:// scheme would.
             record.udp ? QStringLiteral("UDP") : record.settings.tls ? QStringLiteral("TLS") : QStringLiteral("TCP"),
             record.settings.host,
             record.settings.service, PayloadCodec::encodeEscaped(firstLine), outcome);
}

QString HistoryPanel::tooltip(const ExchangeRecord &record) const
{
    if (const QString error = m_moveErrors.value(&record); !error.isEmpty())
        return tr("The reply stays in memory: it could not be moved to a temporary file (%1).").arg(error);
    if (dynamic_cast<const NamedFileSource *>(record.reply.get()))
        return tr("The reply (%1) is in its own file in the history folder, read from there when it is shown.")
            .arg(byteCount(record.reply->size()));
    if (record.reply && !inMemory(record) && record.reply->size() > 0 && record.settings.replyFile.isEmpty())
        return tr("The reply (%1) was moved to a temporary file to keep memory free; it is read back from there.")
            .arg(byteCount(record.reply->size()));
    return {};
}

void HistoryPanel::add(std::shared_ptr<const ExchangeRecord> record)
{
    const QSignalBlocker blocker(m_list);
    m_list->insertItem(0, describe(*record));
    m_records.prepend(std::move(record));
    trimToMax();
    m_list->setCurrentRow(0);
    showDetails();
    keepWithinBudget();
    applyFilter();
}

void HistoryPanel::trimToMax()
{
    while (m_records.size() > m_maxEntries) {
        delete m_list->takeItem(m_list->count() - 1);
        m_moveErrors.remove(m_records.constLast().get());
        m_records.removeLast();
    }
}

void HistoryPanel::addLoaded(const QList<std::shared_ptr<const ExchangeRecord>> &records)
{
    {
        const QSignalBlocker blocker(m_list);
        for (const std::shared_ptr<const ExchangeRecord> &record : records) {
            if (m_records.size() >= m_maxEntries)
                break;
            m_list->addItem(describe(*record));
            m_list->item(m_list->count() - 1)->setToolTip(tooltip(*record));
            m_records.append(record);
        }
    }
    showDetails();
    applyFilter();
}

void HistoryPanel::clear()
{
    {
        const QSignalBlocker blocker(m_list);
        m_list->clear();
        m_records.clear();
        m_moveErrors.clear();
    }
    showDetails();
}

void HistoryPanel::removeHistoryIds(const QStringList &ids)
{
    const QSet<QString> gone(ids.cbegin(), ids.cend());
    const QSignalBlocker blocker(m_list);
    for (qsizetype row = m_records.size() - 1; row >= 0; --row) {
        if (gone.contains(m_records.at(row)->historyId)) {
            delete m_list->takeItem(int(row));
            m_moveErrors.remove(m_records.takeAt(row).get());
        }
    }
    showDetails();
}

void HistoryPanel::setMaxEntries(int count)
{
    m_maxEntries = qMax(0, count);
    const QSignalBlocker blocker(m_list);
    trimToMax();
    showDetails();
}

bool HistoryPanel::isShown(int row) const
{
    return row >= 0 && row < m_list->count() && !m_list->item(row)->isHidden();
}

bool HistoryPanel::matches(const ExchangeRecord &record, const QString &text)
{
    if (text.isEmpty())
        return true;
    const TcpResult &result = record.result;
    QStringList fields{record.settings.host, record.settings.service, result.connectedTo.toString()};
    if (const std::optional<HttpSummary> http = ExchangeRecordJson::httpSummary(record); http && http->statusCode > 0)
        fields += {QString::number(http->statusCode), QString::fromLatin1(http->reasonPhrase)};
    if (result.error.isError())
        fields.append(result.error.codeName());
    if (record.udp) {
        const UdpResult &udp = record.udp->result;
        fields.append(udp.target.toString());
        for (const Datagram &datagram : udp.datagrams)
            fields.append(datagram.from.toString());
        if (udp.error.isError())
            fields.append(udp.error.codeName());
    }
    if (fields.join(u'\n').contains(text, Qt::CaseInsensitive))
        return true;
    // Bytes are searched as bytes: the text in UTF-8, ASCII letters in either case.
    const QByteArray needle = text.toUtf8().toLower();
    if (record.request.toLower().contains(needle))
        return true;
    return record.reply && record.reply->read(0, SearchedReplyBytes).toLower().contains(needle);
}

SavedRequest HistoryPanel::savedRequest(const ExchangeRecord &record)
{
    SavedRequest saved;
    if (record.udp) {
        saved.kind = SavedRequest::Kind::Udp;
        saved.udp = record.udp->request;
        saved.udp.payload = record.request;
        const QByteArray start = record.request.left(40);
        saved.name = start.isEmpty() ? QStringLiteral("UDP %1:%2").arg(record.settings.host, record.settings.service)
                                     : QStringLiteral("UDP %1 %2").arg(record.settings.host, PayloadCodec::encodeEscaped(start));
        return saved;
    }
    saved.kind = record.settings.tls ? SavedRequest::Kind::Tls : SavedRequest::Kind::Tcp;
    saved.tcp = ExchangeController::request(record.settings, record.request);
    // Trust stays with the window's pins: a collection is shared, a pin is this person's decision.
    saved.tcp.tls.pinSha256.clear();
    const qsizetype lineEnd = record.request.indexOf('\n');
    const QByteArray firstLine = record.request.left(lineEnd < 0 ? record.request.size() : lineEnd).trimmed().left(60);
    saved.name = firstLine.isEmpty() ? QStringLiteral("%1:%2").arg(record.settings.host, record.settings.service)
                                     : QStringLiteral("%1 %2").arg(record.settings.host, PayloadCodec::encodeEscaped(firstLine));
    return saved;
}

void HistoryPanel::applyFilter()
{
    const quint64 generation = ++m_filterGeneration;
    m_latestFilter->store(generation);
    const QString text = m_filter->text().trimmed();
    if (text.isEmpty()) {
        for (int row = 0; row < m_list->count(); ++row)
            m_list->item(row)->setHidden(false);
        m_filterDone = generation;
        return;
    }
    // A reply may be a file of a GiB: the search reads its first MiB, off the GUI thread, and the
    // list follows when it is done. A newer search asked meanwhile (a key typed) stops this one
    // between two entries, so that typing never queues whole searches behind one another.
    QPointer<HistoryPanel> self(this);
    BlockingCallPool::run(BlockingCallPool::Lane::File, [self, generation, latest = m_latestFilter, text, records = m_records] {
        QSet<const ExchangeRecord *> found;
        for (const std::shared_ptr<const ExchangeRecord> &record : records) {
            if (latest->load() != generation)
                return;
            if (matches(*record, text))
                found.insert(record.get());
        }
        QMetaObject::invokeMethod(QCoreApplication::instance(), [self, generation, found] {
            if (!self || generation != self->m_filterGeneration)
                return;
            for (int row = 0; row < self->m_records.size(); ++row)
                self->m_list->item(row)->setHidden(!found.contains(self->m_records.at(row).get()));
            self->m_filterDone = generation;
        });
    });
}

int HistoryPanel::count() const
{
    return int(m_records.size());
}

std::shared_ptr<const ExchangeRecord> HistoryPanel::record(int row) const
{
    return row >= 0 && row < m_records.size() ? m_records.at(row) : nullptr;
}

void HistoryPanel::setMemoryBudget(qint64 bytes)
{
    m_memoryBudget = qMax<qint64>(0, bytes);
    keepWithinBudget();
}

void HistoryPanel::setSpillDirectory(const QString &dir)
{
    m_spillDirectory = dir;
}

qint64 HistoryPanel::bytesInMemory() const
{
    qint64 total = 0;
    for (const std::shared_ptr<const ExchangeRecord> &record : m_records)
        total += inMemory(*record);
    return total;
}

void HistoryPanel::keepWithinBudget()
{
    // Replies on their way out already count as gone; the oldest leave first, the newest never.
    qint64 total = 0;
    for (const std::shared_ptr<const ExchangeRecord> &record : m_records) {
        if (!m_moving.contains(record.get()))
            total += inMemory(*record);
    }
    for (qsizetype row = m_records.size() - 1; row > 0 && total > m_memoryBudget; --row) {
        const std::shared_ptr<const ExchangeRecord> &record = m_records.at(row);
        const qint64 bytes = inMemory(*record);
        if (bytes == 0 || m_moving.contains(record.get()) || m_moveErrors.contains(record.get()))
            continue;
        moveOutOfMemory(record);
        total -= bytes;
    }
}

void HistoryPanel::moveOutOfMemory(const std::shared_ptr<const ExchangeRecord> &record)
{
    m_moving.insert(record.get());
    const QString dir = m_spillDirectory.isEmpty() ? QDir::tempPath() : m_spillDirectory;
    QPointer<HistoryPanel> self(this);
    // The task holds the record, so its address stays unique until moved() has run.
    BlockingCallPool::run(BlockingCallPool::Lane::File, [self, record, dir] {
        NetError error;
        std::shared_ptr<const ByteSource> file = moveToTemporaryFile(*record->reply, dir, &error);
        QMetaObject::invokeMethod(QCoreApplication::instance(), [self, record, file = std::move(file), error] {
            if (self)
                self->moved(record.get(), file, error);
        });
    });
}

void HistoryPanel::moved(const ExchangeRecord *old, std::shared_ptr<const ByteSource> file, const NetError &error)
{
    m_moving.remove(old);
    const qsizetype row = std::find_if(m_records.cbegin(), m_records.cend(),
                                       [old](const auto &record) { return record.get() == old; })
                          - m_records.cbegin();
    if (row < m_records.size()) {
        if (file) {
            auto lighter = std::make_shared<ExchangeRecord>(*old);
            lighter->reply = std::move(file);
            m_records[row] = lighter;
            emit replyMoved(old, std::move(lighter));
        } else {
            m_moveErrors.insert(old, ErrorText::inSentence(error));
        }
        m_list->item(int(row))->setToolTip(tooltip(*m_records.at(row)));
        if (file && !m_filter->text().trimmed().isEmpty())
            applyFilter();
    }
    if (m_moving.isEmpty())
        emit movesFinished();
}

bool HistoryPanel::isReplyGone(const std::shared_ptr<const ExchangeRecord> &record) const
{
    return std::any_of(m_replyGone.cbegin(), m_replyGone.cend(), [&record](const auto &gone) { return gone.lock() == record; });
}

void HistoryPanel::checkReplyFile(const std::shared_ptr<const ExchangeRecord> &record, const QString &path)
{
    if (isReplyGone(record))
        return;
    QPointer<HistoryPanel> self(this);
    // The task holds the record, so its address names it until the answer has come.
    BlockingCallPool::run(BlockingCallPool::Lane::File, [self, record, path] {
        if (QFileInfo::exists(path))
            return;
        QMetaObject::invokeMethod(QCoreApplication::instance(), [self, record] {
            if (!self)
                return;
            // By its id: parsed() may have put the entry's parsed copy in its place meanwhile.
            const auto found = std::find_if(self->m_records.cbegin(), self->m_records.cend(),
                                            [&record](const auto &listed) { return listed->historyId == record->historyId; });
            if (found == self->m_records.cend())
                return;
            const std::shared_ptr<const ExchangeRecord> listed = *found;
            // Weak: an entry that leaves the list is forgotten, and its address may serve another.
            std::erase_if(self->m_replyGone, [](const auto &gone) { return gone.expired(); });
            self->m_replyGone.push_back(listed);
            if (self->current() == listed)
                self->showDetails();
        });
    });
}

void HistoryPanel::parseWhenOpened(const std::shared_ptr<const ExchangeRecord> &record)
{
    if (!record->httpPending || m_parsing.contains(record.get()))
        return;
    m_parsing.insert(record.get());
    QPointer<HistoryPanel> self(this);
    // The task holds the record, so its address stays unique until parsed() has run.
    BlockingCallPool::run(BlockingCallPool::Lane::File, [self, record] {
        std::shared_ptr<const ExchangeRecord> opened = ExchangeRecordJson::withHttp(*record);
        QMetaObject::invokeMethod(QCoreApplication::instance(), [self, record, opened = std::move(opened)] {
            if (self)
                self->parsed(record.get(), opened);
        });
    });
}

void HistoryPanel::parsed(const ExchangeRecord *old, std::shared_ptr<const ExchangeRecord> opened)
{
    m_parsing.remove(old);
    const auto found = std::find_if(m_records.cbegin(), m_records.cend(), [old](const auto &record) { return record.get() == old; });
    if (found == m_records.cend())
        return;
    const int row = int(found - m_records.cbegin());
    // A reply file found gone stays gone in the parsed copy.
    if (isReplyGone(*found))
        m_replyGone.push_back(opened);
    m_records[row] = opened;
    m_list->item(row)->setText(describe(*opened));
    emit httpParsed(old, opened);
    // What the window shows of it gains its HTTP tab.
    if (m_list->currentRow() == row)
        emit recordChosen(opened);
}

} // namespace SocketLab
