#include "exporter.h"

#include "bytes/sourcetofile.h"
#include "capture/conversationcapture.h"
#include "capture/pcapngfile.h"
#include "capture/tcpcapture.h"
#include "capture/udpcapture.h"
#include "conversation/conversationfile.h"
#include "conversation/conversationrecord.h"
#include "net/trace.h"
#include "text/conversationfiletext.h"
#include "text/errortext.h"
#include "text/exchangereport.h"
#include "text/stoptext.h"
#include "threads/blockingcallpool.h"
#include "widgets/savefiledialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QPointer>

namespace SocketLab {

namespace {

qint64 epochUs(const QDateTime &time)
{
    return time.isValid() ? time.toMSecsSinceEpoch() * 1000 : 0;
}

// A past conversation's file read back, or the subject as it is; false with *error when unreadable.
bool resolve(const ExportSubject &subject, ExportSubject *resolved, QString *error)
{
    *resolved = subject;
    if (subject.savedConversationPath.isEmpty())
        return true;
    ConversationFileError failure;
    const std::optional<SavedConversation> saved = ConversationFile::read(subject.savedConversationPath, &failure);
    if (!saved) {
        *error = describeConversationFileError(subject.savedConversationPath, failure);
        return false;
    }
    resolved->conversation = saved->record;
    resolved->trace = saved->trace;
    resolved->request = saved->summary.request;
    resolved->startedAt = saved->summary.startedAt;
    return true;
}

} // namespace

Exporter::Exporter(QWidget *dialogParent)
    : QObject(dialogParent)
    , m_dialogParent(dialogParent)
{
}

int Exporter::capture(const ExportSubject &subject, const CaptureOutput &output)
{
    if (subject.exchange) {
        const ExchangeRecord &record = *subject.exchange;
        if (record.udp)
            return udpCapture({&record.udp->result, record.udp->request.payload, record.reply.get(), record.segments,
                               record.trace, epochUs(record.startedAt)},
                              output);
        return tcpCapture({&record.result, record.request, record.reply.get(), record.segments, record.trace,
                           epochUs(record.startedAt)},
                          output);
    }
    if (subject.conversation)
        return conversationCapture({subject.conversation.get(),
                                    subject.request.transport == ConversationRequest::Transport::Udp,
                                    epochUs(subject.startedAt)},
                                   output);
    return PcapngFile(output).error();
}

QString Exporter::report(const ExportSubject &subject, QString *error)
{
    ExportSubject s;
    if (!resolve(subject, &s, error))
        return QString();
    if (s.exchange) {
        const ExchangeRecord &record = *s.exchange;
        ExchangeReportInput input;
        input.host = record.settings.host;
        input.service = record.settings.service;
        input.family = record.settings.family;
        input.request = record.udp ? record.udp->request.payload : record.request;
        input.tcp = record.udp ? nullptr : &record.result;
        input.udp = record.udp ? &record.udp->result : nullptr;
        input.reply = record.reply.get();
        input.segments = record.segments;
        input.trace = record.trace;
        input.startedAt = record.startedAt;
        return ExchangeReport::exchange(input);
    }
    if (s.conversation)
        return ExchangeReport::conversation({&s.request, s.conversation.get(), s.trace ? s.trace->entries() : QList<TraceEntry>(),
                                             s.startedAt});
    return QString();
}

void Exporter::askAndExportPcapng(const ExportSubject &subject)
{
    if (subject.isEmpty())
        return;
    const QString path = SaveFileDialog::ask(m_dialogParent, tr("Export as pcapng"),
                                             QDir::home().filePath(subject.suggestedName() + QStringLiteral(".pcapng")));
    if (!path.isEmpty())
        exportPcapng(subject, path);
}

void Exporter::askAndSaveReport(const ExportSubject &subject)
{
    if (subject.isEmpty())
        return;
    const QString path = SaveFileDialog::ask(m_dialogParent, tr("Save the report"),
                                             QDir::home().filePath(subject.suggestedName() + QStringLiteral(".txt")));
    if (!path.isEmpty())
        saveReport(subject, path);
}

void Exporter::exportPcapng(const ExportSubject &subject, const QString &path)
{
    run(Kind::Pcapng, subject, path);
}

void Exporter::saveReport(const ExportSubject &subject, const QString &path)
{
    run(Kind::ReportFile, subject, path);
}

void Exporter::copyReport(const ExportSubject &subject)
{
    run(Kind::ReportClipboard, subject, QString());
}

void Exporter::run(Kind kind, const ExportSubject &subject, const QString &path)
{
    if (subject.isEmpty())
        return;
    ++m_pending;
    QPointer<Exporter> self(this);
    BlockingCallPool::run(BlockingCallPool::Lane::File, [self, kind, subject, path] {
        // Off the GUI thread: a reply in a file of its own and a past conversation are read here.
        QString failure;
        QString text;
        qint64 size = 0;
        ExportSubject resolved;
        if (kind == Kind::Pcapng && resolve(subject, &resolved, &failure)) {
            // Streamed to the file as it is made: a reply of any size is read a packet's worth at a time.
            const NetError error = writeToFile(path, [&resolved, &size](const FileWriter &write) {
                return capture(resolved, [&write, &size](const char *data, qint64 n) {
                    size += n;
                    return write(data, n);
                });
            });
            if (error.isError())
                failure = tr("The capture was not written to %1: %2.").arg(path, ErrorText::inSentence(error));
        } else if (kind != Kind::Pcapng) {
            text = report(subject, &failure);
            if (failure.isEmpty() && kind == Kind::ReportFile) {
                const QByteArray bytes = text.toUtf8();
                const NetError error =
                    writeToFile(path, [&bytes](const FileWriter &write) { return write(bytes.constData(), bytes.size()); });
                if (error.isError())
                    failure = tr("The report was not written to %1: %2.").arg(path, ErrorText::inSentence(error));
                size = bytes.size();
            }
        }
        QMetaObject::invokeMethod(qApp, [self, kind, path, failure, text, size] {
            if (!self)
                return;
            --self->m_pending;
            QString sentence = failure;
            if (failure.isEmpty()) {
                switch (kind) {
                case Kind::Pcapng:
                    sentence = tr("Capture written to %1 (%2).").arg(path, byteCount(size));
                    break;
                case Kind::ReportFile:
                    sentence = tr("Report written to %1 (%2).").arg(path, byteCount(size));
                    break;
                case Kind::ReportClipboard:
                    QApplication::clipboard()->setText(text);
                    sentence = tr("Report copied (%n line(s)).", nullptr, int(text.count(QLatin1Char('\n'))));
                    break;
                }
            }
            emit self->message(sentence);
            emit self->finished(failure.isEmpty());
        });
    });
}

} // namespace SocketLab
