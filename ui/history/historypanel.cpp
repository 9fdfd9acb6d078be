#include "historypanel.h"

#include "bytes/payloadcodec.h"
#include "http/httpresponseparser.h"
#include "text/stoptext.h"

#include <QEvent>
#include <QLocale>
#include <QListWidget>
#include <QVBoxLayout>

namespace SocketLab {

namespace {

// How many exchanges a session keeps: each holds its reply, so the list must not grow without end.
constexpr int MaxRecords = 200;

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
    for (int row = 0; row < m_records.size(); ++row)
        m_list->item(row)->setText(describe(*m_records.at(row)));
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
    if (record.tcp && record.tcp->http && record.tcp->http->statusCode() > 0)
        outcome = QStringLiteral("%1 %2").arg(record.tcp->http->statusCode()).arg(QString::fromLatin1(record.tcp->http->reasonPhrase()));
    else if (record.error().isError())
        outcome = record.error().codeName();
    else
        outcome = byteCount(record.receivedBytes());
    return tr("%1  %2 %3:%4  %5 → %6")
        .arg(QLocale().toString(record.startedAt.time(), QStringLiteral("HH:mm:ss")),
             record.settings.udp ? QStringLiteral("UDP") : QStringLiteral("TCP"), record.settings.host,
             record.settings.service, PayloadCodec::encodeEscaped(firstLine), outcome);
}

void HistoryPanel::add(std::shared_ptr<const ExchangeRecord> record)
{
    const QSignalBlocker blocker(m_list);
    m_list->insertItem(0, describe(*record));
    m_records.prepend(std::move(record));
    while (m_records.size() > MaxRecords) {
        delete m_list->takeItem(m_list->count() - 1);
        m_records.removeLast();
    }
    m_list->setCurrentRow(0);
}

int HistoryPanel::count() const
{
    return int(m_records.size());
}

} // namespace SocketLab
