#include "framingview.h"

#include "hexview.h"
#include "replaybar.h"
#include "udp/bytesourceslice.h"

#include "framing/framingreplay.h"
#include "text/framingtext.h"
#include "threads/blockingcallpool.h"

#include <QCoreApplication>
#include <QEvent>
#include <QListWidget>
#include <QPointer>
#include <QResizeEvent>
#include <QSplitter>
#include <QVBoxLayout>

namespace SocketLab {

namespace {

constexpr int OffsetRole = Qt::UserRole;
constexpr int LengthRole = Qt::UserRole + 1;

} // namespace

FramingView::FramingView(QWidget *parent)
    : QWidget(parent)
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_list(new QListWidget(this))
    , m_replay(new ReplayBar(this))
    , m_hex(new HexView(this))
{
    m_list->setObjectName(QStringLiteral("framingFacts"));
    m_list->setWordWrap(true);
    m_list->setAlternatingRowColors(true);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    // In a small window the list gives way to the replay's sentences, which must stay whole.
    m_list->setMinimumHeight(m_list->fontMetrics().lineSpacing() * 3);
    m_hex->setObjectName(QStringLiteral("framingHex"));

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_list, 1);
    leftLayout->addWidget(m_replay);
    m_splitter->addWidget(left);
    m_splitter->addWidget(m_hex);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);

    connect(m_list, &QListWidget::currentRowChanged, this, &FramingView::showFact);
    // Clicking the fact already current selects its bytes again, after a replay step moved them.
    connect(m_list, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) { showFact(m_list->row(item)); });
    connect(m_replay, &ReplayBar::stepChanged, this, &FramingView::showStep);
}

FramingView::~FramingView()
{
    cancelReplay();
}

void FramingView::setRecord(std::shared_ptr<const ExchangeRecord> record)
{
    cancelReplay();
    ++m_factsGeneration;
    m_record = std::move(record);
    m_facts.clear();
    m_messageEnd = -1;
    m_replayAsked = false;
    const bool tcp = m_record && m_record->reply && !m_record->udp;
    m_explaining = tcp;
    if (tcp) {
        const TcpResult &result = m_record->result;
        if (result.http && result.http->state() == HttpResponseParser::State::Complete
            && !endsWithItsHead(result.http->framing()))
            m_messageEnd = result.http->messageEnd();
        explain();
    }
    fillList();
    m_replay->setSteps({}, false);
    showStep(0);
    if (tcp && isVisible())
        prepareReplay();
}

void FramingView::explain()
{
    const quint64 generation = m_factsGeneration;
    QPointer<FramingView> self(this);
    std::shared_ptr<const ExchangeRecord> record = m_record;
    // The facts quote lines of the reply, which a history entry keeps in a file: read on the pool.
    BlockingCallPool::run(BlockingCallPool::Lane::File, [self, record, generation] {
        const TcpResult &result = record->result;
        FramingInput input;
        input.bytes = record->reply.get();
        input.segments = record->segments;
        input.http = result.http.get();
        input.stop = result.stop;
        input.timings = result.timings;
        input.tls = result.tls.has_value();
        QList<FramingFact> facts = explainFraming(input);
        QMetaObject::invokeMethod(qApp, [self, generation, facts = std::move(facts)] {
            if (!self || generation != self->m_factsGeneration)
                return;
            self->m_explaining = false;
            self->m_facts = facts;
            self->fillList();
        });
    });
}

void FramingView::fillList()
{
    m_list->clear();
    if (m_explaining) {
        new QListWidgetItem(QStringLiteral("…"), m_list);
        return;
    }
    for (const FramingFact &fact : m_facts) {
        auto *item = new QListWidgetItem(FramingText::describe(fact), m_list);
        item->setData(OffsetRole, fact.range.offset);
        item->setData(LengthRole, fact.range.length);
        if (fact.hasRange())
            item->setToolTip(tr("Click to select these bytes in the hex view"));
    }
}

void FramingView::showFact(int row)
{
    if (row < 0 || row >= m_facts.size())
        return;
    const FramingFact &fact = m_facts.at(row);
    if (!fact.hasRange())
        return;
    // A fact about bytes that had not arrived yet at the replay's step shows the whole reply again.
    if (m_replay->currentStep() > 0 && fact.range.end() > m_hex->size())
        m_replay->setStep(0);
    m_hex->setSelection(fact.range.offset, fact.range.length);
    m_hex->scrollToOffset(std::max<qint64>(0, fact.range.offset - 2 * m_hex->bytesPerRow()));
}

void FramingView::showStep(int step)
{
    const std::shared_ptr<const ByteSource> reply = m_record && !m_record->udp ? m_record->reply : nullptr;
    const std::shared_ptr<const HttpResponseParser> http = reply ? m_record->result.http : nullptr;
    const QList<HttpMark> marks = http ? http->marks() : QList<HttpMark>();
    if (!reply) {
        m_hex->setSource(nullptr);
        m_hex->setSegments({});
        m_hex->setMarks({});
        m_hex->setMessageEnd(-1);
        return;
    }
    if (step == 0) {
        m_hex->setSource(reply);
        m_hex->setSegments(m_record->segments);
        m_hex->setMarks(marks);
        m_hex->setMessageEnd(m_messageEnd);
        return;
    }
    // Only what had arrived by that recv(): a view of the store's first bytes, never a copy.
    const Segment &segment = m_record->segments.at(step - 1);
    const qint64 received = segment.offset + segment.length;
    m_hex->setSource(std::make_shared<ByteSourceSlice>(reply, 0, received));
    m_hex->setSegments(m_record->segments.first(step));
    m_hex->setMarks(marks);
    m_hex->setMessageEnd(m_messageEnd >= 0 && m_messageEnd <= received ? m_messageEnd : -1);
    // The caret where this recv()'s bytes begin; a selection would hide the colours of their parts.
    m_hex->setSelection(segment.offset, 0);
    m_hex->scrollToOffset(std::max<qint64>(0, segment.offset - 2 * m_hex->bytesPerRow()));
}

void FramingView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    prepareReplay();
}

void FramingView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    // Rows of 16 bytes once the width allows, as in the Hex tab, so offsets read the same in both;
    // a minimum width instead would make a small window grow. Only the first time: then the person's.
    const int hex = m_hex->widthForBytesPerRow(HexView::DefaultBytesPerRow);
    const int total = width();
    if (m_sized || total <= 2 * hex)
        return;
    m_sized = true;
    // The handle's width comes out of the total: the list gives it, not the hex view.
    m_splitter->setSizes({total - hex - m_splitter->handleWidth(), hex});
}

void FramingView::prepareReplay()
{
    if (m_replayAsked || !m_record || !m_record->reply || m_record->udp)
        return;
    m_replayAsked = true;
    m_replay->setSteps({}, true);
    auto cancel = std::make_shared<std::atomic_bool>(false);
    m_replayCancel = cancel;
    const quint64 generation = ++m_replayGeneration;
    QPointer<FramingView> self(this);
    std::shared_ptr<const ExchangeRecord> record = m_record;
    // Feeding a parser a GiB reply takes a second or more: never on the GUI thread.
    BlockingCallPool::run(BlockingCallPool::Lane::File, [self, record, cancel, generation] {
        const TcpResult &result = record->result;
        QList<ReplayStep> steps = replayReply(*record->reply, record->segments, bool(result.http),
                                              requestMethodOf(record->request), result.timings,
                                              result.stop.reason == StopReason::PeerClosed, result.tls.has_value(),
                                              cancel.get());
        if (cancel->load())
            return;
        QMetaObject::invokeMethod(qApp, [self, generation, steps = std::move(steps)] {
            if (!self || generation != self->m_replayGeneration)
                return;
            self->m_replayCancel.reset();
            self->m_replay->setSteps(steps);
        });
    });
}

void FramingView::cancelReplay()
{
    if (m_replayCancel)
        m_replayCancel->store(true);
    m_replayCancel.reset();
    ++m_replayGeneration;
}

void FramingView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        fillList();
    QWidget::changeEvent(event);
}

} // namespace SocketLab
