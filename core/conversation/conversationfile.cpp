#include "conversationfile.h"

#include "bytes/sourcetofile.h"
#include "conversation/conversationrecord.h"
#include "net/trace.h"
#include "text/jsonfields.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <array>
#include <cerrno>

namespace SocketLab::ConversationFile {

namespace {

using Kind = ConversationEvent::Kind;

const QString FormatName = QStringLiteral("socketlab-conversation");

constexpr std::array<std::pair<Kind, const char *>, 10> KindNames{{
    {Kind::Connected, "connected"},
    {Kind::Sent, "sent"},
    {Kind::Received, "received"},
    {Kind::ShutdownWrite, "shutdown_write"},
    {Kind::ShutdownBoth, "shutdown_both"},
    {Kind::Closed, "closed"},
    {Kind::PeerClosed, "peer_closed"},
    {Kind::PeerReset, "peer_reset"},
    {Kind::Failed, "failed"},
    {Kind::OptionSet, "option_set"},
}};

QString kindName(Kind kind)
{
    for (const auto &[known, name] : KindNames) {
        if (known == kind)
            return QString::fromLatin1(name);
    }
    return {};
}

std::optional<Kind> kindFromName(const QString &text)
{
    for (const auto &[known, name] : KindNames) {
        if (text == QLatin1String(name))
            return known;
    }
    return std::nullopt;
}

// The error whole, so that a page read back says the same sentence.
QJsonValue netErrorJson(const NetError &error)
{
    if (!error.isError())
        return QJsonValue::Null;
    return QJsonObject{{QStringLiteral("kind"), int(error.kind)},
                       {QStringLiteral("system_code"), error.systemCode},
                       {QStringLiteral("errno_code"), error.errnoCode},
                       {QStringLiteral("call"), error.call},
                       {QStringLiteral("detail"), error.detail},
                       {QStringLiteral("message"), error.message},
                       {QStringLiteral("symbol"), error.symbol}};
}

QJsonObject outcomeJson(const SocketOptionOutcome &outcome)
{
    return QJsonObject{{QStringLiteral("name"), SocketOptions::cliName(outcome.asked.name)},
                       {QStringLiteral("asked"), outcome.asked.value},
                       {QStringLiteral("system_name"), outcome.systemName},
                       {QStringLiteral("error"), netErrorJson(outcome.error)},
                       {QStringLiteral("read_back"), outcome.readBack},
                       {QStringLiteral("effective"), outcome.effective},
                       {QStringLiteral("adjustment"), int(outcome.adjustment)},
                       {QStringLiteral("system_limit"), outcome.systemLimit}};
}

QJsonObject requestJson(const ConversationRequest &request)
{
    QJsonArray options;
    for (const SocketOptionSetting &setting : request.socketOptions)
        options.append(QJsonObject{{QStringLiteral("name"), SocketOptions::cliName(setting.name)},
                                   {QStringLiteral("value"), setting.value}});
    return QJsonObject{{QStringLiteral("transport"), request.transport == ConversationRequest::Transport::Udp
                                                         ? QStringLiteral("udp") : QStringLiteral("tcp")},
                       {QStringLiteral("host"), request.host},
                       {QStringLiteral("service"), request.service},
                       {QStringLiteral("family"), int(request.family)},
                       {QStringLiteral("tls"), request.tls.enabled},
                       {QStringLiteral("udp_connected"), request.udpConnected},
                       {QStringLiteral("connect_timeout_ms"), request.connectTimeoutMs},
                       {QStringLiteral("recv_size"), request.recvSize},
                       {QStringLiteral("socket_options"), options},
                       {QStringLiteral("local"), JsonFields::addressJson(request.localAddress)}};
}

QJsonObject eventJson(const ConversationEvent &event)
{
    QJsonObject object{{QStringLiteral("kind"), kindName(event.kind)}, {QStringLiteral("t_us"), event.timeUs}};
    if (event.carriesBytes()) {
        object.insert(QStringLiteral("size"), event.size);
        object.insert(QStringLiteral("peer"), JsonFields::addressJson(event.peer));
        object.insert(QStringLiteral("truncated"), event.truncated);
    }
    if (event.step >= 0)
        object.insert(QStringLiteral("step"), event.step);
    if (event.closeNotifyMissing)
        object.insert(QStringLiteral("close_notify_missing"), true);
    if (event.error.isError())
        object.insert(QStringLiteral("error"), netErrorJson(event.error));
    if (event.option)
        object.insert(QStringLiteral("option"), outcomeJson(*event.option));
    return object;
}

QJsonArray traceEntriesJson(const QList<TraceEntry> &entries)
{
    QJsonArray array;
    for (const TraceEntry &entry : entries)
        array.append(QJsonObject{{QStringLiteral("t_us"), entry.timeUs},
                                 {QStringLiteral("call"), entry.call},
                                 {QStringLiteral("args"), entry.args},
                                 {QStringLiteral("ret"), entry.result},
                                 {QStringLiteral("errno"), entry.errnoCode},
                                 {QStringLiteral("count"), entry.count},
                                 {QStringLiteral("total_bytes"), entry.totalBytes},
                                 {QStringLiteral("last_t_us"), entry.lastTimeUs},
                                 {QStringLiteral("status"), entry.status},
                                 {QStringLiteral("status_detail"), entry.statusDetail}});
    return array;
}

// Reading: every value checked for its type, the first one wrong named in the error.
class Reader
{
public:
    explicit Reader(ConversationFileError *error)
        : m_error(error)
    {
    }

    bool failed() const { return m_error->isError(); }
    void fail(const QString &key)
    {
        if (!failed())
            *m_error = {ConversationFileError::Kind::Corrupt, 0, key, 0};
    }

    QJsonObject object(const QJsonObject &from, const QString &key)
    {
        const QJsonValue value = from.value(key);
        if (!value.isObject())
            fail(key);
        return value.toObject();
    }
    QJsonArray array(const QJsonObject &from, const QString &key)
    {
        const QJsonValue value = from.value(key);
        if (!value.isArray())
            fail(key);
        return value.toArray();
    }
    QString string(const QJsonObject &from, const QString &key)
    {
        const QJsonValue value = from.value(key);
        if (!value.isString())
            fail(key);
        return value.toString();
    }
    qint64 integer(const QJsonObject &from, const QString &key, qint64 min, qint64 max)
    {
        const QJsonValue value = from.value(key);
        const qint64 number = value.toInteger(min - 1);
        if (!value.isDouble() || number < min || number > max) {
            fail(key);
            return min;
        }
        return number;
    }
    bool boolean(const QJsonObject &from, const QString &key)
    {
        const QJsonValue value = from.value(key);
        if (!value.isBool())
            fail(key);
        return value.toBool();
    }
    // null, or {family, address, port} with a numeric address.
    SocketAddress address(const QJsonObject &from, const QString &key)
    {
        const QJsonValue value = from.value(key);
        if (value.isNull())
            return {};
        const QJsonObject object = value.toObject();
        const std::optional<SocketAddress> address = SocketAddress::fromNumeric(
            object.value(QStringLiteral("address")).toString(), quint16(integer(object, QStringLiteral("port"), 0, 65535)));
        if (!value.isObject() || !address) {
            fail(key);
            return {};
        }
        return *address;
    }
    NetError netError(const QJsonObject &from, const QString &key)
    {
        const QJsonValue value = from.value(key);
        if (value.isNull() || value.isUndefined())
            return {};
        const QJsonObject object = value.toObject();
        NetError error;
        error.kind = NetError::Kind(integer(object, QStringLiteral("kind"), int(NetError::Kind::System),
                                            int(NetError::Kind::Certificate)));
        error.systemCode = int(integer(object, QStringLiteral("system_code"), INT_MIN, INT_MAX));
        error.errnoCode = int(integer(object, QStringLiteral("errno_code"), INT_MIN, INT_MAX));
        error.call = string(object, QStringLiteral("call"));
        error.detail = string(object, QStringLiteral("detail"));
        error.message = string(object, QStringLiteral("message"));
        error.symbol = string(object, QStringLiteral("symbol"));
        if (!value.isObject())
            fail(key);
        return error;
    }
    SocketOptionName optionName(const QJsonObject &from)
    {
        const std::optional<SocketOptionName> name = SocketOptions::fromCliName(string(from, QStringLiteral("name")));
        if (!name)
            fail(QStringLiteral("name"));
        return name.value_or(SocketOptionName::NoDelay);
    }
    SocketOptionOutcome outcome(const QJsonObject &object)
    {
        SocketOptionOutcome outcome;
        outcome.asked.name = optionName(object);
        outcome.asked.value = int(integer(object, QStringLiteral("asked"), INT_MIN, INT_MAX));
        outcome.systemName = string(object, QStringLiteral("system_name"));
        outcome.error = netError(object, QStringLiteral("error"));
        outcome.readBack = boolean(object, QStringLiteral("read_back"));
        outcome.effective = int(integer(object, QStringLiteral("effective"), INT_MIN, INT_MAX));
        outcome.adjustment = SocketOptionAdjustment(integer(object, QStringLiteral("adjustment"),
                                                            int(SocketOptionAdjustment::None), int(SocketOptionAdjustment::Other)));
        outcome.systemLimit = integer(object, QStringLiteral("system_limit"), -1, std::numeric_limits<qint64>::max());
        return outcome;
    }
    ConversationRequest request(const QJsonObject &object)
    {
        ConversationRequest request;
        const QString transport = string(object, QStringLiteral("transport"));
        if (transport != QLatin1String("tcp") && transport != QLatin1String("udp"))
            fail(QStringLiteral("transport"));
        request.transport = transport == QLatin1String("udp") ? ConversationRequest::Transport::Udp
                                                               : ConversationRequest::Transport::Tcp;
        request.host = string(object, QStringLiteral("host"));
        request.service = string(object, QStringLiteral("service"));
        const qint64 family = integer(object, QStringLiteral("family"), 0, int(IpFamily::V6));
        if (family != int(IpFamily::Any) && family != int(IpFamily::V4) && family != int(IpFamily::V6))
            fail(QStringLiteral("family"));
        request.family = IpFamily(family);
        request.tls.enabled = boolean(object, QStringLiteral("tls"));
        request.udpConnected = boolean(object, QStringLiteral("udp_connected"));
        request.connectTimeoutMs = int(integer(object, QStringLiteral("connect_timeout_ms"), 0, INT_MAX));
        request.recvSize = integer(object, QStringLiteral("recv_size"), 1, MaxBytesPerDirection);
        for (const QJsonValue &option : array(object, QStringLiteral("socket_options"))) {
            const QJsonObject setting = option.toObject();
            request.socketOptions.append({optionName(setting), int(integer(setting, QStringLiteral("value"), INT_MIN, INT_MAX))});
        }
        request.localAddress = address(object, QStringLiteral("local"));
        return request;
    }

private:
    ConversationFileError *m_error;
};

struct Parsed
{
    QJsonObject root;
    QJsonObject history;
};

std::optional<Parsed> parse(const QString &path, ConversationFileError *error, qint64 *fileSize)
{
    *error = {};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = {ConversationFileError::Kind::Unreadable, 0, file.errorString(), 0};
        return std::nullopt;
    }
    *fileSize = file.size();
    // Checked before a byte is read: a hostile file never makes it into memory.
    if (*fileSize > MaxFileBytes) {
        *error = {ConversationFileError::Kind::TooLarge, 0, {}, 0};
        return std::nullopt;
    }
    const QByteArray data = file.read(MaxFileBytes + 1);
    if (data.size() > MaxFileBytes) {
        *error = {ConversationFileError::Kind::TooLarge, 0, {}, 0};
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (!document.isObject()) {
        *error = {ConversationFileError::Kind::NotJson, 0, parseError.errorString(), 0};
        return std::nullopt;
    }
    Parsed parsed{document.object(), {}};
    if (parsed.root.value(QStringLiteral("format")).toString() != FormatName) {
        *error = {ConversationFileError::Kind::NotAConversation, 0, {}, 0};
        return std::nullopt;
    }
    const int version = parsed.root.value(QStringLiteral("version")).toInt(0);
    if (version > Version) {
        *error = {ConversationFileError::Kind::FutureVersion, 0, {}, version};
        return std::nullopt;
    }
    Reader reader(error);
    if (version < 1)
        reader.fail(QStringLiteral("version"));
    parsed.history = reader.object(parsed.root, QStringLiteral("history"));
    if (reader.failed())
        return std::nullopt;
    return parsed;
}

// The file's first key, before the transcript's: its length in bytes, then the summary object, so
// that a list reads a few KiB of the file, never the events, trace and messages after them. An
// object of this length past MaxSummaryBytes is no summary SocketLab wrote.
const QRegularExpression SummaryLead(QStringLiteral("^\\{\"summary_bytes\":(\\d{1,9}),\"summary\":"));
constexpr qint64 SummaryLeadBytes = 40;
constexpr qint64 MaxSummaryBytes = 16LL * 1024 * 1024;

// The first SearchBytes of the messages' bytes, in their order: what the search looks through.
QByteArray searchSample(const ConversationTranscript &transcript, const ConversationRecord &record)
{
    QByteArray sample;
    for (const ConversationEvent &event : transcript.events()) {
        if (sample.size() >= SearchBytes)
            break;
        if (!event.carriesBytes())
            continue;
        const ByteStore &store = event.kind == Kind::Sent ? record.sent() : record.received();
        sample += store.read(event.offset, qMin<qint64>(event.size, SearchBytes - sample.size()));
    }
    return sample;
}

ConversationSummary summaryOf(const Parsed &parsed, Reader &reader, const QString &path, qint64 fileSize)
{
    ConversationSummary summary;
    summary.path = path;
    summary.fileSize = fileSize;
    summary.request = reader.request(reader.object(parsed.history, QStringLiteral("request")));
    summary.startedAt = QDateTime::fromString(reader.string(parsed.history, QStringLiteral("started_at")), Qt::ISODateWithMs);
    if (!summary.startedAt.isValid())
        reader.fail(QStringLiteral("started_at"));
    summary.startedAt = summary.startedAt.toUTC();
    const QJsonObject stop = reader.object(parsed.root, QStringLiteral("stop"));
    summary.stop.code = reader.string(stop, QStringLiteral("reason"));
    summary.stop.detail = reader.string(stop, QStringLiteral("detail"));
    summary.stop.error = reader.netError(parsed.history, QStringLiteral("error"));
    summary.cutShort = reader.boolean(parsed.history, QStringLiteral("cut_short"));
    if (parsed.history.contains(QStringLiteral("script")))
        summary.script = reader.string(parsed.history, QStringLiteral("script"));
    summary.sentBytes = reader.integer(parsed.root, QStringLiteral("sent_bytes"), 0, std::numeric_limits<qint64>::max());
    summary.receivedBytes = reader.integer(parsed.root, QStringLiteral("received_bytes"), 0, std::numeric_limits<qint64>::max());
    return summary;
}

// The summary the file starts with, if it has one that reads: nullopt sends the reader to the whole
// file (a file written before summaries were, or whose summary is damaged).
std::optional<ConversationSummary> leadingSummary(QFile &file, const QString &path, qint64 fileSize)
{
    const QRegularExpressionMatch lead = SummaryLead.match(QString::fromLatin1(file.read(SummaryLeadBytes)));
    if (!lead.hasMatch())
        return std::nullopt;
    const qint64 length = lead.captured(1).toLongLong();
    if (length > MaxSummaryBytes || !file.seek(lead.capturedLength(0)))
        return std::nullopt;
    const QByteArray text = file.read(length);
    const QJsonDocument document = QJsonDocument::fromJson(text);
    const QJsonObject summaryJson = document.object();
    if (text.size() != length || !document.isObject() || summaryJson.value(QStringLiteral("format")).toString() != FormatName
        || summaryJson.value(QStringLiteral("version")).toInt(0) != Version)
        return std::nullopt;
    ConversationFileError error;
    Reader reader(&error);
    // One object holds what the whole file keeps in two: the history's keys and the transcript's.
    ConversationSummary summary = summaryOf(Parsed{summaryJson, summaryJson}, reader, path, fileSize);
    const auto sample = QByteArray::fromBase64Encoding(reader.string(summaryJson, QStringLiteral("search_base64")).toLatin1(),
                                                       QByteArray::AbortOnBase64DecodingErrors);
    if (reader.failed() || !sample || sample.decoded.size() > SearchBytes)
        return std::nullopt;
    summary.searchText = QString::fromUtf8(sample.decoded);
    return summary;
}

} // namespace

NetError write(const QString &path, const ConversationRecord &record, const Trace &trace,
               const ConversationRequest &request, const QDateTime &startedAt, bool cutShort, qint64 *size,
               const QString &script)
{
    const bool udp = request.transport == ConversationRequest::Transport::Udp;
    const ConversationTranscript transcript(record, trace, udp, request.host, request.service);
    ConversationTranscript::Stop stop = transcript.stopFromRecord();
    // The close cancels the worker as this is written: its Disconnect is the close's, not the person's.
    if (cutShort && (stop.code == QLatin1String("open") || stop.code == QLatin1String("cancelled"))) {
        stop.code = QStringLiteral("window_closed");
        stop.detail = QCoreApplication::translate("SocketLab::ConversationFile",
                                                  "Cut short: its tab or the window was closed while the conversation was open.");
    }
    QJsonArray events;
    for (const ConversationEvent &event : transcript.events())
        events.append(eventJson(event));
    const ConversationSetup setup = record.setup();
    QJsonArray outcomes;
    for (const SocketOptionOutcome &outcome : setup.socketOptions)
        outcomes.append(outcomeJson(outcome));
    qint64 sentMessages = 0;
    qint64 receivedMessages = 0;
    for (const ConversationEvent &event : transcript.events()) {
        sentMessages += event.kind == Kind::Sent;
        receivedMessages += event.kind == Kind::Received;
    }
    const QList<TraceEntry> entries = trace.entries();
    QJsonObject history{
        {QStringLiteral("request"), requestJson(request)},
        {QStringLiteral("started_at"), startedAt.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("cut_short"), cutShort},
        {QStringLiteral("error"), netErrorJson(stop.error)},
        {QStringLiteral("events"), events},
        // Past the caps the record counts more messages than it kept.
        {QStringLiteral("sent_messages"), transcript.droppedEvents() > 0 ? record.sentMessages() : sentMessages},
        {QStringLiteral("received_messages"), transcript.droppedEvents() > 0 ? record.receivedMessages() : receivedMessages},
        {QStringLiteral("connected_to"), JsonFields::addressJson(setup.connectedTo)},
        {QStringLiteral("local"), JsonFields::addressJson(setup.local)},
        {QStringLiteral("socket_options"), outcomes},
        {QStringLiteral("trace"), traceEntriesJson(entries)},
        {QStringLiteral("trace_calls"), trace.callCount()},
        {QStringLiteral("trace_dropped"), trace.droppedEntries()},
    };
    // Only when there was one: the files of conversations talked by hand stay as they were.
    if (!script.isEmpty())
        history.insert(QStringLiteral("script"), script);
    const QJsonObject extra{{QStringLiteral("format"), FormatName},
                            {QStringLiteral("version"), Version},
                            {QStringLiteral("history"), history}};
    // What a list needs, first in the file, so that it is read alone (readSummary()).
    QJsonObject summary{{QStringLiteral("format"), FormatName},
                        {QStringLiteral("version"), Version},
                        {QStringLiteral("request"), history.value(QStringLiteral("request"))},
                        {QStringLiteral("started_at"), history.value(QStringLiteral("started_at"))},
                        {QStringLiteral("cut_short"), cutShort},
                        {QStringLiteral("error"), history.value(QStringLiteral("error"))},
                        {QStringLiteral("stop"), QJsonObject{{QStringLiteral("reason"), stop.code},
                                                             {QStringLiteral("detail"), stop.detail}}},
                        {QStringLiteral("sent_bytes"), transcript.sentBytes()},
                        {QStringLiteral("received_bytes"), transcript.receivedBytes()},
                        {QStringLiteral("search_base64"), QString::fromLatin1(searchSample(transcript, record).toBase64())}};
    if (!script.isEmpty())
        summary.insert(QStringLiteral("script"), script);
    const QByteArray summaryText = QJsonDocument(summary).toJson(QJsonDocument::Compact);
    const QByteArray lead = "{\"summary_bytes\":" + QByteArray::number(summaryText.size()) + ",\"summary\":" + summaryText + ',';
    *size = 0;
    return writeToFile(path, [&](const FileWriter &out) {
        if (const int code = out(lead.constData(), lead.size()); code != 0)
            return code;
        *size += lead.size();
        bool opening = true;
        return transcript.writeJson([&out, size, &opening](const char *data, qint64 n) {
            // The transcript's own opening brace is the lead's.
            if (opening && n > 0) {
                opening = false;
                ++data;
                --n;
            }
            *size += n;
            return out(data, n);
        }, stop, extra);
    });
}

std::optional<ConversationSummary> readSummary(const QString &path, ConversationFileError *error)
{
    *error = {};
    {
        QFile file(path);
        if (file.open(QIODevice::ReadOnly) && file.size() <= MaxFileBytes) {
            if (std::optional<ConversationSummary> summary = leadingSummary(file, path, file.size()))
                return summary;
        }
    }
    qint64 fileSize = 0;
    const std::optional<Parsed> parsed = parse(path, error, &fileSize);
    if (!parsed)
        return std::nullopt;
    Reader reader(error);
    ConversationSummary summary = summaryOf(*parsed, reader, path, fileSize);
    QByteArray sample;
    for (const QJsonValue &message : reader.array(parsed->root, QStringLiteral("messages"))) {
        if (sample.size() >= SearchBytes)
            break;
        sample += QByteArray::fromBase64(message.toObject().value(QStringLiteral("data_base64")).toString().toLatin1());
    }
    sample.truncate(SearchBytes);
    summary.searchText = QString::fromUtf8(sample);
    if (reader.failed())
        return std::nullopt;
    return summary;
}

std::optional<SavedConversation> read(const QString &path, ConversationFileError *error)
{
    qint64 fileSize = 0;
    const std::optional<Parsed> parsed = parse(path, error, &fileSize);
    if (!parsed)
        return std::nullopt;
    Reader reader(error);
    SavedConversation saved;
    saved.summary = summaryOf(*parsed, reader, path, fileSize);
    const QJsonObject &history = parsed->history;
    const QJsonArray events = reader.array(history, QStringLiteral("events"));
    const QJsonArray messages = reader.array(parsed->root, QStringLiteral("messages"));
    if (events.size() > MaxEvents)
        reader.fail(QStringLiteral("events"));
    if (reader.failed())
        return std::nullopt;

    saved.record = std::make_shared<ConversationRecord>(MaxBytesPerDirection, MaxEvents);
    qsizetype nextMessage = 0;
    for (const QJsonValue &value : events) {
        const QJsonObject object = value.toObject();
        ConversationEvent event;
        const std::optional<Kind> kind = kindFromName(reader.string(object, QStringLiteral("kind")));
        if (!kind) {
            reader.fail(QStringLiteral("kind"));
            return std::nullopt;
        }
        event.kind = *kind;
        event.timeUs = reader.integer(object, QStringLiteral("t_us"), 0, std::numeric_limits<qint64>::max());
        event.step = object.contains(QStringLiteral("step")) ? int(reader.integer(object, QStringLiteral("step"), 0, INT_MAX)) : -1;
        event.error = reader.netError(object, QStringLiteral("error"));
        event.closeNotifyMissing = event.kind == Kind::PeerClosed && object.contains(QStringLiteral("close_notify_missing"))
            && reader.boolean(object, QStringLiteral("close_notify_missing"));
        if (object.contains(QStringLiteral("option")))
            event.option = std::make_shared<const SocketOptionOutcome>(reader.outcome(reader.object(object, QStringLiteral("option"))));
        if (event.kind == Kind::OptionSet && !event.option)
            reader.fail(QStringLiteral("option"));
        if (event.carriesBytes()) {
            event.size = reader.integer(object, QStringLiteral("size"), 0, MaxBytesPerDirection);
            event.peer = reader.address(object, QStringLiteral("peer"));
            event.truncated = reader.boolean(object, QStringLiteral("truncated"));
            const bool sent = event.kind == Kind::Sent;
            // The message of the same rank carries the bytes, in the same direction and size.
            const QJsonObject message = messages.at(nextMessage++).toObject();
            const QByteArray bytes = QByteArray::fromBase64(
                reader.string(message, QStringLiteral("data_base64")).toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
            if (message.value(QStringLiteral("direction")).toString() != (sent ? QLatin1String("sent") : QLatin1String("received"))
                || bytes.size() != event.size)
                reader.fail(QStringLiteral("messages"));
            ByteStore &store = sent ? saved.record->sentStore() : saved.record->receivedStore();
            if (store.size() + event.size > MaxBytesPerDirection)
                reader.fail(QStringLiteral("messages"));
            if (reader.failed())
                return std::nullopt;
            event.offset = store.size();
            store.append(bytes.constData(), bytes.size(), event.timeUs);
            saved.record->addData(event, true);
        } else {
            saved.record->add(event);
        }
        if (reader.failed())
            return std::nullopt;
    }
    if (nextMessage != messages.size())
        reader.fail(QStringLiteral("messages"));

    ConversationSetup setup;
    setup.connectedTo = reader.address(history, QStringLiteral("connected_to"));
    setup.local = reader.address(history, QStringLiteral("local"));
    for (const QJsonValue &outcome : reader.array(history, QStringLiteral("socket_options")))
        setup.socketOptions.append(reader.outcome(outcome.toObject()));
    saved.record->setSetup(setup);
    constexpr qint64 Most = std::numeric_limits<qint64>::max();
    saved.record->setCounts(reader.integer(parsed->root, QStringLiteral("messages_not_kept"), 0, Most),
                            saved.summary.sentBytes, saved.summary.receivedBytes,
                            reader.integer(history, QStringLiteral("sent_messages"), 0, Most),
                            reader.integer(history, QStringLiteral("received_messages"), 0, Most));
    saved.record->markOver();

    QList<TraceEntry> entries;
    const QJsonArray trace = reader.array(history, QStringLiteral("trace"));
    if (trace.size() > Trace::DefaultMaxEntries)
        reader.fail(QStringLiteral("trace"));
    for (const QJsonValue &value : trace) {
        const QJsonObject object = value.toObject();
        TraceEntry entry;
        entry.timeUs = reader.integer(object, QStringLiteral("t_us"), 0, Most);
        entry.call = reader.string(object, QStringLiteral("call"));
        entry.args = reader.string(object, QStringLiteral("args"));
        entry.result = reader.integer(object, QStringLiteral("ret"), std::numeric_limits<qint64>::min() + 1, Most);
        entry.errnoCode = int(reader.integer(object, QStringLiteral("errno"), 0, INT_MAX));
        entry.count = int(reader.integer(object, QStringLiteral("count"), 1, INT_MAX));
        entry.totalBytes = reader.integer(object, QStringLiteral("total_bytes"), 0, Most);
        entry.lastTimeUs = reader.integer(object, QStringLiteral("last_t_us"), 0, Most);
        entry.status = reader.string(object, QStringLiteral("status"));
        entry.statusDetail = reader.string(object, QStringLiteral("status_detail"));
        entries.append(entry);
    }
    saved.trace = std::make_shared<Trace>();
    saved.trace->restore(entries, reader.integer(history, QStringLiteral("trace_calls"), 0, Most),
                         reader.integer(history, QStringLiteral("trace_dropped"), 0, Most));
    if (reader.failed())
        return std::nullopt;
    return saved;
}

} // namespace SocketLab::ConversationFile
