#include "historypanel.h"

#include "bytes/bytestore.h"
#include "bytes/payloadcodec.h"
#include "bytes/sourcetofile.h"
#include "http/httpresponseparser.h"
#include "text/clocktext.h"
#include "text/stoptext.h"
#include "threads/blockingcallpool.h"

#include <QCoreApplication>
#include <QDir>
#include <QEvent>
#include <QListWidget>
#include <QLocale>
#include <QPointer>
#include <QVBoxLayout>

#include <algorithm>

namespace SocketLab {

namespace {

// How many exchanges a session keeps: each holds its reply, so the list must not grow without end.
constexpr int MaxRecords = 200;

qint64 inMemory(const ExchangeRecord &record)
{
    const auto *store = dynamic_cast<const ByteStore *>(record.reply.get());
    return store ? store->size() : 0;
}

} // namespace

HistoryPanel::HistoryPanel(QWidget *parent)
    : QWidget(parent)
    , m_list(new QListWidget(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list);
    m_list->setAlternatingRowColors(true);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row < m_records.size())
            emit recordChosen(m_records.at(row));
    });
    retranslate();
}

void HistoryPanel::retranslate()
{
    m_list->setAccessibleName(tr("Exchange history"));
    m_list->setToolTip(tr("The exchanges of this session, newest first. Pick one to see it again."));
    for (int row = 0; row < m_records.size(); ++row) {
        m_list->item(row)->setText(describe(*m_records.at(row)));
        m_list->item(row)->setToolTip(tooltip(*m_records.at(row)));
    }
}

void HistoryPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

QString HistoryPanel::describe(const ExchangeRecord &record)
{
    const qsizetype lineEnd = record.request.indexOf('\n');
    const QByteArray firstLine = record.request.left(lineEnd < 0 ? record.request.size() : lineEnd).trimmed().left(60);
    QString outcome;
    const TcpResult &result = record.result;
    if (result.http && result.http->statusCode() > 0)
        outcome = QStringLiteral("%1 %2").arg(result.http->statusCode()).arg(QString::fromLatin1(result.http->reasonPhrase()));
    else if (result.error.isError())
        outcome = result.error.codeName();
    else
        outcome = byteCount(result.receivedBytes);
    return tr("%1  %2 %3:%4  %5 → %6")
        .arg(clockTime(record.startedAt.time()),
             QStringLiteral("TCP"), record.settings.host,
             record.settings.service, PayloadCodec::encodeEscaped(firstLine), outcome);
}

QString HistoryPanel::tooltip(const ExchangeRecord &record) const
{
    if (const QString error = m_moveErrors.value(&record); !error.isEmpty())
        return tr("The reply stays in memory: it could not be moved to a temporary file (%1).").arg(error);
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
    while (m_records.size() > MaxRecords) {
        delete m_list->takeItem(m_list->count() - 1);
        m_moveErrors.remove(m_records.constLast().get());
        m_records.removeLast();
    }
    m_list->setCurrentRow(0);
    keepWithinBudget();
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
        QString error;
        std::shared_ptr<const ByteSource> file = moveToTemporaryFile(*record->reply, dir, &error);
        QMetaObject::invokeMethod(QCoreApplication::instance(), [self, record, file = std::move(file), error] {
            if (self)
                self->moved(record.get(), file, error);
        });
    });
}

void HistoryPanel::moved(const ExchangeRecord *old, std::shared_ptr<const ByteSource> file, const QString &error)
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
            m_moveErrors.insert(old, error);
        }
        m_list->item(int(row))->setToolTip(tooltip(*m_records.at(row)));
    }
    if (m_moving.isEmpty())
        emit movesFinished();
}

} // namespace SocketLab
