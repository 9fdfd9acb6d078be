#include "conversationhttpview.h"

#include "httpexchangemodel.h"
#include "httpexchangetext.h"

#include "conversation/conversationrecord.h"
#include "text/stoptext.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QScopedValueRollback>
#include <QTimer>
#include <QVBoxLayout>

#include <climits>

namespace SocketLab {

namespace {

// Where an item's bytes are: its offset and length in the item's data, offset -1 for none.
constexpr int OffsetRole = Qt::UserRole;
constexpr int LengthRole = Qt::UserRole + 1;

// A quoted line is shown, never read whole.
constexpr qint64 MaxQuotedBytes = 300;

QString number(qint64 n)
{
    return QLocale().toString(n);
}

void setRange(QListWidgetItem *item, const ByteRange &range)
{
    item->setData(OffsetRole, range.offset);
    item->setData(LengthRole, range.length);
}

ByteRange rangeOf(const QVariant &offset, const QVariant &length)
{
    return {offset.isValid() ? offset.toLongLong() : -1, length.toLongLong()};
}

QTableWidget *headerTable(QWidget *parent)
{
    auto *table = new QTableWidget(0, 2, parent);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setWordWrap(false);
    table->setTabKeyNavigation(false);
    table->verticalHeader()->setVisible(false);
    table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->setHighlightSections(false);
    return table;
}

} // namespace

struct ConversationHttpView::Fact
{
    QString text;
    ByteRange range{-1, 0};
};

ConversationHttpView::ConversationHttpView(QWidget *parent)
    : QWidget(parent)
    , m_model(new HttpExchangeModel(this))
    , m_summary(new QLabel(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_table(new QTableView(m_splitter))
    , m_requestTitle(new QLabel(this))
    , m_requestHeaders(headerTable(this))
    , m_requestFacts(new QListWidget(this))
    , m_responseTitle(new QLabel(this))
    , m_responseHeaders(headerTable(this))
    , m_responseFacts(new QListWidget(this))
{
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    for (QLabel *title : {m_requestTitle, m_responseTitle}) {
        title->setTextInteractionFlags(Qt::TextSelectableByMouse);
        QFont bold = title->font();
        bold.setBold(true);
        title->setFont(bold);
    }
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->setTabKeyNavigation(false);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(HttpExchangeModel::NumberColumn, QHeaderView::ResizeToContents);
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    m_table->setColumnWidth(HttpExchangeModel::RequestColumn, em * 14);
    for (const int column : {HttpExchangeModel::StatusColumn, HttpExchangeModel::RequestSizeColumn,
                             HttpExchangeModel::ResponseSizeColumn})
        m_table->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    for (QListWidget *list : {m_requestFacts, m_responseFacts})
        list->setWordWrap(true);
    // Names a test (or a style sheet) finds them by.
    m_summary->setObjectName(QStringLiteral("summary"));
    m_table->setObjectName(QStringLiteral("exchanges"));
    m_requestHeaders->setObjectName(QStringLiteral("requestHeaders"));
    m_requestFacts->setObjectName(QStringLiteral("requestFacts"));
    m_responseHeaders->setObjectName(QStringLiteral("responseHeaders"));
    m_responseFacts->setObjectName(QStringLiteral("responseFacts"));

    const auto pane = [this](QLabel *title, QTableWidget *headers, QListWidget *facts) {
        auto *widget = new QWidget(this);
        auto *layout = new QVBoxLayout(widget);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(title);
        // The facts run longer than the headers: a chunked body lists its chunks.
        layout->addWidget(headers, 2);
        layout->addWidget(facts, 3);
        return widget;
    };
    auto *details = new QSplitter(Qt::Horizontal, m_splitter);
    details->addWidget(pane(m_requestTitle, m_requestHeaders, m_requestFacts));
    details->addWidget(pane(m_responseTitle, m_responseHeaders, m_responseFacts));
    details->setChildrenCollapsible(false);
    m_splitter->addWidget(m_table);
    m_splitter->addWidget(details);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);
    // A few exchanges in view, and most of the height for what the chosen one says.
    const int line = fontMetrics().height();
    m_splitter->setSizes({line * 7, line * 16});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_splitter, 1);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        if (!current.isValid())
            return;
        fillDetails(current.row());
        if (!m_quiet)
            emitRange(true, m_model->exchangeAt(current.row()).request.range);
    });
    // A click on the status or the response's size selects the response, anywhere else the request.
    connect(m_table, &QTableView::clicked, this, [this](const QModelIndex &index) {
        const HttpConversationExchange &exchange = m_model->exchangeAt(index.row());
        const bool response = HttpExchangeModel::isResponseColumn(index.column()) && exchange.hasResponse;
        emitRange(!response, response ? exchange.response.range : exchange.request.range);
    });
    for (QTableWidget *headers : {m_requestHeaders, m_responseHeaders}) {
        const bool client = headers == m_requestHeaders;
        connect(headers, &QTableWidget::currentCellChanged, this, [this, headers, client](int row) {
            const QTableWidgetItem *item = row >= 0 ? headers->item(row, 0) : nullptr;
            if (item && !m_quiet)
                emitRange(client, rangeOf(item->data(OffsetRole), item->data(LengthRole)));
        });
    }
    for (QListWidget *list : {m_requestFacts, m_responseFacts}) {
        const bool client = list == m_requestFacts;
        connect(list, &QListWidget::currentItemChanged, this, [this, client](QListWidgetItem *item) {
            if (item && !m_quiet)
                emitRange(client, rangeOf(item->data(OffsetRole), item->data(LengthRole)));
        });
    }

    retranslate();
}

ConversationHttpView::~ConversationHttpView() = default;

void ConversationHttpView::setRecord(std::shared_ptr<const ConversationRecord> record)
{
    m_record = std::move(record);
    m_parser.reset();
    m_bytesDropped = false;
    m_model->clear();
    m_shown = -1;
    m_shownOver = false;
    fillDetails(-1);
    refresh();
    updateSummary();
}

void ConversationHttpView::refresh()
{
    if (!m_record)
        return;
    bool changed = m_parser.update(*m_record);
    const bool dropped = m_record->sentBytes() > m_record->sent().size()
                         || m_record->receivedBytes() > m_record->received().size();
    changed |= dropped != m_bytesDropped;
    m_bytesDropped = dropped;
    // Past the budget of one pass, the rest is read in the next turns of the event loop, not at once.
    if (m_parser.pending() && !m_morePosted) {
        m_morePosted = true;
        QTimer::singleShot(0, this, [this] {
            m_morePosted = false;
            refresh();
        });
    }
    if (!changed)
        return;
    m_model->update(m_parser.exchanges());
    if (m_shown < 0 && m_model->rowCount() > 0)
        showExchange(0);
    else if (m_shown >= 0 && !m_shownOver)
        fillDetails(m_shown);
    updateSummary();
}

int ConversationHttpView::exchangeCount() const
{
    return m_model->rowCount();
}

void ConversationHttpView::showExchange(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return;
    const QScopedValueRollback quiet(m_quiet, true);
    m_table->setCurrentIndex(m_model->index(row, HttpExchangeModel::RequestColumn));
    if (m_shown != row)
        fillDetails(row);
}

void ConversationHttpView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ConversationHttpView::retranslate()
{
    m_model->retranslate();
    for (QTableWidget *headers : {m_requestHeaders, m_responseHeaders})
        headers->setHorizontalHeaderLabels({tr("Header"), tr("Value")});
    m_table->setToolTip(tr("Each request and the response matched to it, in order. Click the status to select the "
                           "response's bytes, anywhere else the request's."));
    updateSummary();
    fillDetails(m_shown);
}

void ConversationHttpView::updateSummary()
{
    if (!m_record) {
        m_summary->setText(tr("No connection."));
        return;
    }
    QStringList parts;
    switch (m_parser.verdict()) {
    case HttpConversationParser::Verdict::Unknown:
        parts.append(m_record->sent().size() == 0 && m_record->received().size() == 0
                         ? tr("Waiting for the first bytes.")
                         : tr("Not enough bytes yet to tell whether this is HTTP."));
        break;
    case HttpConversationParser::Verdict::NotHttp:
        parts.append(QStringLiteral("<b>%1</b>").arg(tr("Not HTTP.")));
        break;
    case HttpConversationParser::Verdict::Http:
        parts.append(tr("%Ln HTTP exchange(s).", nullptr, exchangeCount()));
        if (m_parser.limitReached())
            parts.append(tr("Only the first %Ln are read.", nullptr, exchangeCount()));
        break;
    }
    for (const bool client : {true, false}) {
        const HttpStreamProblem problem = client ? m_parser.clientProblem() : m_parser.serverProblem();
        if (problem.isProblem())
            parts.append(HttpExchangeText::problem(problem, client).toHtmlEscaped());
    }
    const ByteRange unfinished = m_parser.unfinishedRequestHead();
    if (m_parser.clientEnded() && unfinished.length > 0 && m_parser.verdict() == HttpConversationParser::Verdict::Http) {
        parts.append(tr("The client's last %1, from byte %2, are a request head without its end.")
                         .arg(byteCount(unfinished.length), number(unfinished.offset)));
    }
    if (m_bytesDropped)
        parts.append(tr("Only the bytes kept for display are read: what came past them is not."));
    m_summary->setText(parts.join(QLatin1Char(' ')));
}

void ConversationHttpView::fillDetails(int row)
{
    const bool valid = row >= 0 && row < m_model->rowCount();
    // The same exchange filled again as more of it arrives: what the person chose in its tables
    // and lists stays chosen (the rows before it do not change, only new chunks come).
    const bool again = valid && row == m_shown;
    const int requestHeader = again ? m_requestHeaders->currentRow() : -1;
    const int responseHeader = again ? m_responseHeaders->currentRow() : -1;
    const int requestFact = again ? m_requestFacts->currentRow() : -1;
    const int responseFact = again ? m_responseFacts->currentRow() : -1;
    m_shown = valid ? row : -1;
    const QScopedValueRollback quiet(m_quiet, true);
    for (QTableWidget *headers : {m_requestHeaders, m_responseHeaders})
        headers->setRowCount(0);
    m_requestFacts->clear();
    m_responseFacts->clear();
    if (!valid) {
        m_requestTitle->setText(tr("Request"));
        m_responseTitle->setText(tr("Response"));
        m_shownOver = false;
        return;
    }
    const HttpConversationExchange &exchange = m_model->exchangeAt(row);
    m_shownOver = exchange.request.complete && exchange.hasResponse && exchange.response.complete;
    m_requestTitle->setText(tr("Request %1: %2 %3 %4")
                                .arg(number(row + 1), QString::fromLatin1(exchange.method),
                                     QString::fromLatin1(exchange.target), QString::fromLatin1(exchange.requestVersion)));
    m_responseTitle->setText(exchange.status > 0 ? tr("Response: %1 %2").arg(QString::fromLatin1(exchange.responseVersion),
                                                                              HttpExchangeText::status(exchange))
                                                 : tr("Response"));
    for (const bool client : {true, false}) {
        const HttpMessage &message = client ? exchange.request : exchange.response;
        QTableWidget *headers = client ? m_requestHeaders : m_responseHeaders;
        headers->setRowCount(int(message.headers.size()));
        for (int i = 0; i < message.headers.size(); ++i) {
            const HttpHeader &header = message.headers.at(i);
            auto *name = new QTableWidgetItem(QString::fromLatin1(header.name));
            name->setData(OffsetRole, header.range.offset);
            name->setData(LengthRole, header.range.length);
            headers->setItem(i, 0, name);
            headers->setItem(i, 1, new QTableWidgetItem(QString::fromLatin1(header.value)));
        }
        headers->resizeColumnToContents(0);
        QListWidget *list = client ? m_requestFacts : m_responseFacts;
        for (const Fact &fact : facts(exchange, client)) {
            auto *item = new QListWidgetItem(fact.text, list);
            setRange(item, fact.range);
        }
    }
    if (requestHeader >= 0 && requestHeader < m_requestHeaders->rowCount())
        m_requestHeaders->setCurrentCell(requestHeader, 0);
    if (responseHeader >= 0 && responseHeader < m_responseHeaders->rowCount())
        m_responseHeaders->setCurrentCell(responseHeader, 0);
    if (requestFact >= 0 && requestFact < m_requestFacts->count())
        m_requestFacts->setCurrentRow(requestFact);
    if (responseFact >= 0 && responseFact < m_responseFacts->count())
        m_responseFacts->setCurrentRow(responseFact);
}

QList<ConversationHttpView::Fact> ConversationHttpView::facts(const HttpConversationExchange &exchange, bool request) const
{
    const HttpMessage &message = request ? exchange.request : exchange.response;
    if (!request && !exchange.hasResponse)
        return {{tr("No response yet."), {-1, 0}}};
    QList<Fact> list;
    if (!request && !exchange.interimStatuses.isEmpty()) {
        QStringList codes;
        for (int code : exchange.interimStatuses)
            codes.append(QString::number(code));
        list.append({tr("Interim response(s) first: %1", nullptr, int(codes.size())).arg(codes.join(QStringLiteral(", "))),
                     {message.range.offset, message.startLine.offset - message.range.offset}});
    }
    if (message.startLine.length > 0) {
        const QString line = quote(request, message.startLine);
        list.append({request ? tr("Request line: %1").arg(line) : tr("Status line: %1").arg(line), message.startLine});
    }
    // The header that decided the framing, when one did.
    ByteRange decidedBy = message.head;
    const QByteArray deciding = message.framing == HttpFraming::ContentLength ? QByteArrayLiteral("Content-Length")
                                : message.framing == HttpFraming::Chunked    ? QByteArrayLiteral("Transfer-Encoding")
                                                                              : QByteArray();
    for (const HttpHeader &header : message.headers) {
        if (!deciding.isEmpty() && header.name.compare(deciding, Qt::CaseInsensitive) == 0)
            decidedBy = header.range;
    }
    list.append({HttpExchangeText::framingReason(exchange, request), decidedBy});
    if (message.head.length > 0)
        list.append({tr("Head: %1, through its blank line.").arg(byteCount(message.head.length)), message.head});
    if (message.body.offset >= 0 && (message.body.length > 0 || message.complete)) {
        QString text = message.framing == HttpFraming::ContentLength && !message.complete
                           ? tr("Body: %1 of %2 so far.").arg(number(message.body.length), byteCount(message.contentLength))
                           : tr("Body: %1, from byte %2.").arg(byteCount(message.body.length), number(message.body.offset));
        list.append({text, message.body});
    }
    for (qsizetype i = 0; i < message.chunks.size(); ++i) {
        const HttpChunk &chunk = message.chunks.at(i);
        const qint64 end = chunk.data.offset >= 0 ? chunk.data.end() : chunk.sizeLine.end();
        const ByteRange range{chunk.sizeLine.offset, end - chunk.sizeLine.offset};
        if (chunk.size == 0)
            list.append({tr("Last chunk (size 0), at byte %1.").arg(number(chunk.sizeLine.offset)), range});
        else
            list.append({tr("Chunk %1: %2.").arg(number(i + 1), byteCount(chunk.size)), range});
    }
    if (message.chunkCount > message.chunks.size()) {
        const qint64 more = message.chunkCount - message.chunks.size();
        list.append({tr("%Ln more chunk(s), not listed.", nullptr, int(std::min<qint64>(more, INT_MAX))), {-1, 0}});
    }
    for (const ByteRange &trailer : message.trailers) {
        const QString line = quote(request, trailer);
        list.append({line.isEmpty() ? tr("Blank line: the end of the trailers.") : tr("Trailer: %1").arg(line), trailer});
    }
    if (request) {
        for (const RequestHead::Deviation &deviation : exchange.requestDeviations)
            list.append({tr("At byte %1: %2.").arg(number(deviation.offset), HttpExchangeText::requestDeviation(deviation.kind)),
                         {deviation.offset, 1}});
    } else {
        for (const HttpDeviationNote &note : exchange.responseDeviations)
            list.append({tr("At byte %1: %2.").arg(number(note.offset), HttpExchangeText::responseDeviation(note.kind)),
                         {note.offset, 1}});
    }
    const bool ended = request ? m_parser.clientEnded() : m_parser.serverEnded();
    if (message.complete) {
        list.append({tr("Complete: %1, bytes %2 to %3.")
                         .arg(byteCount(message.range.length), number(message.range.offset), number(message.range.end() - 1)),
                     message.range});
    } else if (ended) {
        list.append({tr("The connection ended before the end of this message, after %1.").arg(byteCount(message.range.length)),
                     message.range});
    } else {
        list.append({tr("Not complete yet: %1 so far.").arg(byteCount(message.range.length)), message.range});
    }
    return list;
}

QString ConversationHttpView::quote(bool client, const ByteRange &range) const
{
    if (!m_record || range.offset < 0)
        return {};
    const ByteStore &store = client ? m_record->sent() : m_record->received();
    QByteArray line = store.read(range.offset, std::min(range.length, MaxQuotedBytes));
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    return QString::fromLatin1(line);
}

void ConversationHttpView::emitRange(bool client, const ByteRange &range)
{
    // An empty range (a body of no bytes) has nothing to select.
    if (range.offset >= 0 && range.length > 0)
        emit rangeSelected(client, range.offset, range.length);
}

} // namespace SocketLab
