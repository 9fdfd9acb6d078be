// What the start reads of the history: ENTRIES exchanges whose replies (REPLY_MIB each) are in files
// of their own, and CONVERSATIONS conversations of REPLY_MIB each, read as the start lists them, then
// the same files as they were written before the lists' summaries were kept (exchanges without
// "http", conversations without their leading summary), in the same run. It prints the bytes read
// (Linux's rchar: every read(), from the disk or its cache) and the time, median of 3, and the
// ratios.
//
//   bench_historystart [ENTRIES=500] [REPLY_MIB=1] [CONVERSATIONS=100] [DIR]
#include "benchmeasure.h"
#include "historytesting.h"

#include "history/exchangerecordjson.h"
#include "history/historyfolder.h"

#include "bytes/bytestore.h"
#include "conversation/conversationfile.h"
#include "conversation/conversationrecord.h"
#include "net/trace.h"
#include "text/valuejson.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <cstdio>

using namespace SocketLab;

namespace {

qint64 bytesReadSoFar()
{
    QFile io(QStringLiteral("/proc/self/io"));
    if (!io.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : io.readAll().split('\n')) {
        if (line.startsWith("rchar: "))
            return line.mid(7).toLongLong();
    }
    return -1;
}

struct Cost
{
    qint64 bytes = 0;
    qint64 ns = 0;
};

// The median time of three runs of read, and the bytes the last one read.
template<typename Read>
Cost measure(Read read)
{
    QList<qint64> times;
    Cost cost;
    for (int run = 0; run < 3; ++run) {
        const qint64 before = bytesReadSoFar();
        const qint64 start = BenchMeasure::monotonicNs();
        read();
        times.append(BenchMeasure::monotonicNs() - start);
        cost.bytes = bytesReadSoFar() - before;
    }
    std::sort(times.begin(), times.end());
    cost.ns = times.at(1);
    return cost;
}

void report(const char *what, int count, const Cost &now, const Cost &before)
{
    std::printf("%s, %d files:\n", what, count);
    std::printf("  as written now:         %10.1f MiB read, %8.1f ms\n", double(now.bytes) / BenchMeasure::MiB,
                BenchMeasure::toMs(now.ns));
    std::printf("  as written before:      %10.1f MiB read, %8.1f ms\n", double(before.bytes) / BenchMeasure::MiB,
                BenchMeasure::toMs(before.ns));
    std::printf("  before / now:           %10.1fx bytes,    %8.1fx time\n",
                double(before.bytes) / double(qMax<qint64>(1, now.bytes)), double(before.ns) / double(qMax<qint64>(1, now.ns)));
}

Cost exchanges(const QString &dir, int count, qint64 replyBytes, Cost *older)
{
    HistoryFolder folder(dir + QStringLiteral("/exchanges"));
    QDir().mkpath(folder.path());
    const QByteArray head = "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: "
                            + QByteArray::number(replyBytes) + "\r\n\r\n";
    const QByteArray body(replyBytes, 'b');
    for (int i = 0; i < count; ++i) {
        ExchangeRecord record;
        record.startedAt = QDateTime::currentDateTime().addMSecs(i);
        record.historyId = HistoryFolder::newId(record.startedAt);
        record.settings.host = QStringLiteral("127.0.0.1");
        record.settings.service = QStringLiteral("8080");
        record.settings.stopRule = StopRule{StopRule::Kind::Http, 0};
        record.request = "GET /file HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        auto store = std::make_shared<ByteStore>();
        store->append(head.constData(), head.size(), 0);
        store->append(body.constData(), body.size(), 0);
        record.reply = store;
        record.result.stop.reason = StopReason::HttpComplete;
        record.result.http = ValueJson::rebuildHttp(*store, record.request, record.settings.stopRule, StopReason::HttpComplete);
        if (const NetError error = writeHistoryEntry(record, folder, 64 * 1024); error.isError()) {
            std::fprintf(stderr, "cannot write the history: %s\n", qPrintable(error.detail));
            std::exit(1);
        }
    }
    folder.scan();
    // As ExchangeStore::load() reads them: every entry, and what the list shows of it.
    const auto load = [&folder] {
        int shown = 0;
        for (const QString &id : folder.ids()) {
            ExchangeRecordJson::Problem problem;
            const std::optional<ExchangeRecord> record = ExchangeRecordJson::read(folder, id, &problem);
            const std::optional<HttpSummary> http = record ? ExchangeRecordJson::httpSummary(*record) : std::nullopt;
            shown += http && http->statusCode == 200;
        }
        if (shown != folder.ids().size()) {
            std::fprintf(stderr, "%d of %lld entries read back\n", shown, qint64(folder.ids().size()));
            std::exit(1);
        }
    };
    const Cost now = measure(load);
    for (const QString &id : folder.ids()) {
        QFile file(folder.jsonPath(id));
        file.open(QIODevice::ReadOnly);
        QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
        file.close();
        o.remove(QStringLiteral("http"));
        file.open(QIODevice::WriteOnly | QIODevice::Truncate);
        file.write(QJsonDocument(o).toJson(QJsonDocument::Compact));
    }
    *older = measure(load);
    return now;
}

Cost conversations(const QString &dir, int count, qint64 bytes, Cost *older)
{
    const QString folder = dir + QStringLiteral("/conversations");
    const QString olderFolder = dir + QStringLiteral("/conversations-before");
    QDir().mkpath(folder);
    QDir().mkpath(olderFolder);
    ConversationRecord record(bytes + 1024, 1000);
    ConversationEvent connected;
    connected.kind = ConversationEvent::Kind::Connected;
    record.add(connected);
    constexpr qint64 Piece = 64 * 1024;
    for (qint64 done = 0; done < bytes; done += Piece) {
        const QByteArray piece(qMin(Piece, bytes - done), 'r');
        ConversationEvent event;
        event.kind = ConversationEvent::Kind::Received;
        event.timeUs = 10 + done / Piece;
        event.offset = record.receivedStore().size();
        event.size = piece.size();
        record.receivedStore().append(piece.constData(), piece.size(), event.timeUs);
        record.addData(event, true);
    }
    record.markOver();
    Trace trace;
    ConversationRequest request;
    request.host = QStringLiteral("127.0.0.1");
    request.service = QStringLiteral("7");
    const QRegularExpression lead(QStringLiteral("^\\{\"summary_bytes\":(\\d+),\"summary\":"));
    for (int i = 0; i < count; ++i) {
        const QString name = QStringLiteral("20261207-0000%1-00000000.json").arg(i, 5, 10, QLatin1Char('0'));
        qint64 size = 0;
        ConversationFile::write(folder + u'/' + name, record, trace, request, QDateTime::currentDateTimeUtc(), false, &size);
        QFile file(folder + u'/' + name);
        file.open(QIODevice::ReadOnly);
        const QByteArray whole = file.readAll();
        const QRegularExpressionMatch match = lead.match(QString::fromLatin1(whole.left(64)));
        QFile before(olderFolder + u'/' + name);
        before.open(QIODevice::WriteOnly);
        before.write('{' + whole.mid(match.capturedLength(0) + match.captured(1).toLongLong() + 1));
    }
    // As ConversationHistory::load() reads them.
    const auto list = [](const QString &from) {
        return [from] {
            for (const QFileInfo &file : QDir(from).entryInfoList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
                ConversationFileError error;
                if (!ConversationFile::readSummary(file.filePath(), &error)) {
                    std::fprintf(stderr, "%s does not read back\n", qPrintable(file.filePath()));
                    std::exit(1);
                }
            }
        };
    };
    const Cost now = measure(list(folder));
    *older = measure(list(olderFolder));
    return now;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int entries = args.size() > 1 ? args.at(1).toInt() : 500;
    const qint64 replyBytes = (args.size() > 2 ? args.at(2).toLongLong() : 1) * BenchMeasure::MiB;
    const int conversationCount = args.size() > 3 ? args.at(3).toInt() : 100;
    QTemporaryDir dir(args.size() > 4 ? args.at(4) + QStringLiteral("/historystart-XXXXXX") : QString());
    if (!dir.isValid() || bytesReadSoFar() < 0) {
        std::fprintf(stderr, "no temporary folder, or no /proc/self/io\n");
        return 1;
    }
    Cost older;
    const Cost now = exchanges(dir.path(), entries, replyBytes, &older);
    report("Exchanges with their reply in a file of its own", entries, now, older);
    const Cost conversationsNow = conversations(dir.path(), conversationCount, replyBytes, &older);
    report("Conversations", conversationCount, conversationsNow, older);
    return 0;
}
