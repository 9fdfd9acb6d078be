#include "conversationeventsview.h"

#include "conversationcolors.h"
#include "ladderview.h"
#include "messagemodel.h"
#include "messagetable.h"
#include "recordbytes.h"

#include "http/conversationhttpview.h"
#include "reply/hexview.h"
#include "reply/textview.h"
#include "trace/traceview.h"

#include "conversation/conversationrecord.h"
#include "text/stoptext.h"

#include <QEvent>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QScrollBar>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace SocketLab {

ConversationEventsView::ConversationEventsView(QWidget *parent)
    : QWidget(parent)
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_top(new QSplitter(Qt::Horizontal, m_splitter))
    , m_model(new MessageModel(this))
    , m_table(new QTableView(m_top))
    , m_ladder(new LadderView(m_top))
    , m_bottom(new QSplitter(Qt::Horizontal, m_splitter))
    , m_selection(new QLabel(m_bottom))
    , m_tabs(new QTabWidget(m_bottom))
    , m_hex(new HexView(m_tabs))
    , m_text(new TextView(m_tabs))
    , m_trace(new TraceView(m_tabs))
    , m_http(new ConversationHttpView(m_tabs))
{
    m_selection->setWordWrap(true);
    m_selection->setTextInteractionFlags(Qt::TextSelectableByMouse);

    setUpMessageTable(*m_table, *m_model);
    // End names set while an event is chosen (a relay's target, known once connected) rename it in
    // the line under the list as in its row.
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &from, const QModelIndex &to) {
        if (m_shownRow >= from.row() && m_shownRow <= to.row())
            updateSelectionLabel();
    });
    m_tabs->addTab(m_hex, QString());
    m_tabs->addTab(m_text, QString());
    m_tabs->addTab(m_trace, QString());
    m_tabs->addTab(m_http, QString());
    ByteViewBase::keepSelectionsInSync(m_hex, m_text);

    // The list and the ladder side by side: the same events, read as a table or as a picture.
    m_top->addWidget(m_table);
    m_top->addWidget(m_ladder);
    m_top->setStretchFactor(0, 3);
    m_top->setStretchFactor(1, 2);
    m_top->setChildrenCollapsible(false);

    auto *bytesPane = new QWidget(m_bottom);
    auto *bytesLayout = new QVBoxLayout(bytesPane);
    bytesLayout->setContentsMargins(0, 0, 0, 0);
    bytesLayout->addWidget(m_selection);
    bytesLayout->addWidget(m_tabs, 1);
    m_bottom->addWidget(bytesPane);
    m_bottom->setChildrenCollapsible(false);

    m_splitter->addWidget(m_top);
    m_splitter->addWidget(m_bottom);
    m_splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ConversationEventsView::onCurrentRowChanged);
    connect(m_ladder, &LadderView::eventActivated, this, &ConversationEventsView::selectEvent);
    connect(m_http, &ConversationHttpView::rangeSelected, this, &ConversationEventsView::displayHttpRange);

    applyColors();
    retranslate();
}

ConversationEventsView::~ConversationEventsView() = default;

void ConversationEventsView::setWording(const Wording &wording)
{
    m_wording = wording;
    m_table->setAccessibleName(wording.listName);
    for (int tab = 0; tab < m_tabs->count(); ++tab) {
        m_tabs->setTabText(tab, wording.tabTexts.value(tab));
        m_tabs->setTabToolTip(tab, wording.tabToolTips.value(tab));
    }
    fitColumns();
    updateSelectionLabel();
}

void ConversationEventsView::setSidePane(QWidget *pane)
{
    m_bottom->insertWidget(0, pane);
    m_bottom->setStretchFactor(0, 2);
    m_bottom->setStretchFactor(1, 3);
}

void ConversationEventsView::setRecord(std::shared_ptr<const ConversationRecord> record)
{
    m_record = std::move(record);
    m_seenEvents = 0;
    m_shownRow = -1;
    m_httpOffset = -1;
    m_model->reset(m_record);
    m_http->setRecord(m_record);
    m_ladder->clear();
    m_hex->setSource(nullptr);
    m_text->setSource(nullptr);
    updateSelectionLabel();
}

QList<ConversationEvent> ConversationEventsView::showNewEvents()
{
    if (!m_record)
        return {};
    const QList<ConversationEvent> events = m_record->events(m_seenEvents);
    if (events.isEmpty())
        return {};
    m_seenEvents += events.size();
    // The list follows the newest row while it shows the bottom, as the ladder does.
    QScrollBar *bar = m_table->verticalScrollBar();
    const bool atBottom = bar->value() == bar->maximum();
    m_model->appendEvents(events);
    m_ladder->appendEvents(events);
    if (atBottom)
        m_table->scrollToBottom();
    if (m_shownRow < 0)
        updateSelectionLabel();
    return events;
}

void ConversationEventsView::selectEvent(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return;
    m_table->setCurrentIndex(m_model->index(row, 0));
    if (row != m_shownRow)
        displayEvent(row);
}

void ConversationEventsView::onCurrentRowChanged(const QModelIndex &current)
{
    if (current.isValid() && current.row() != m_shownRow)
        displayEvent(current.row());
}

void ConversationEventsView::displayEvent(int row)
{
    m_shownRow = row;
    m_httpOffset = -1;
    m_ladder->setSelectedIndex(row);
    const ConversationEvent &event = m_model->eventAt(row);
    if (std::shared_ptr<const ByteSource> bytes = eventBytes(m_record, event)) {
        m_hex->setSource(bytes);
        m_text->setSource(std::move(bytes));
        if (m_tabs->currentWidget() == m_trace)
            m_tabs->setCurrentWidget(m_hex);
    } else {
        m_hex->setSource(nullptr);
        m_text->setSource(nullptr);
    }
    updateSelectionLabel();
}

void ConversationEventsView::displayHttpRange(bool sent, qint64 offset, qint64 length)
{
    if (!m_record)
        return;
    const std::shared_ptr<const ByteSource> bytes = directionBytes(m_record, sent);
    m_shownRow = -1;
    // No current row either: a click on the row shown before must show it again.
    m_table->selectionModel()->clearCurrentIndex();
    m_table->clearSelection();
    m_hex->setSource(bytes);
    m_text->setSource(bytes);
    m_hex->setSelection(offset, length);
    m_text->setSelection(offset, length);
    m_httpOffset = offset;
    m_httpLength = length;
    m_httpSent = sent;
    updateSelectionLabel();
}

void ConversationEventsView::updateSelectionLabel()
{
    if (m_shownRow < 0 && m_httpOffset >= 0) {
        const QString first = QLocale().toString(m_httpOffset);
        const QString last = QLocale().toString(m_httpOffset + m_httpLength - 1);
        m_selection->setText((m_httpSent ? m_wording.sentRange : m_wording.receivedRange).arg(first, last));
        return;
    }
    if (m_shownRow < 0 || m_shownRow >= m_model->rowCount()) {
        m_selection->setText(m_model->rowCount() > 0 ? m_wording.chooseEvent : QString());
        return;
    }
    const ConversationEvent &event = m_model->eventAt(m_shownRow);
    const QString time = QLocale().toString(double(event.timeUs) / 1000.0, 'f', 3);
    if (!event.carriesBytes()) {
        m_selection->setText(tr("%1 at %2 ms.").arg(m_model->directionText(event), time));
        return;
    }
    m_selection->setText(tr("%1 at %2 ms: %3.").arg(m_model->directionText(event), time, byteCount(event.size)));
}

void ConversationEventsView::fitColumns()
{
    const QFontMetrics metrics = m_table->fontMetrics();
    const int padding = metrics.horizontalAdvance(QLatin1Char('M'));
    const QLocale locale;
    // The widest each column shows: a time, the owner's widest direction, a size; never less than
    // the header asks for its own text.
    const QStringList samples[] = {{locale.toString(99999.999, 'f', 3)},
                                   m_wording.directionSamples,
                                   {locale.toString(999999)}};
    for (int column = MessageModel::TimeColumn; column < MessageModel::PreviewColumn; ++column) {
        const QString header = m_model->headerData(column, Qt::Horizontal).toString();
        int width = std::max(metrics.horizontalAdvance(header), m_table->horizontalHeader()->sectionSizeHint(column) - padding);
        for (const QString &sample : samples[column])
            width = std::max(width, metrics.horizontalAdvance(sample));
        m_table->setColumnWidth(column, width + padding);
    }
    m_table->verticalHeader()->setDefaultSectionSize(metrics.height() + metrics.height() / 2);
}

void ConversationEventsView::applyColors()
{
    m_model->setColors(ConversationColors::forPalette(m_table->palette()));
}

void ConversationEventsView::retranslate()
{
    m_model->retranslate();
    fitColumns();
    updateSelectionLabel();
}

void ConversationEventsView::changeEvent(QEvent *event)
{
    switch (event->type()) {
    case QEvent::LanguageChange: retranslate(); break;
    case QEvent::PaletteChange: applyColors(); break;
    case QEvent::FontChange: fitColumns(); break;
    default: break;
    }
    QWidget::changeEvent(event);
}

} // namespace SocketLab
