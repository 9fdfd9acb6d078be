#include "recordedscripttext.h"

#include "bytes/payloadcodec.h"

#include <QCoreApplication>
#include <QLocale>

namespace SocketLab {

namespace {

struct RecordedScriptText
{
    Q_DECLARE_TR_FUNCTIONS(SocketLab::RecordedScriptText)
};

// A send of more than this is written over several lines: one line stays readable in the editor,
// and the bytes reach the peer in the same order either way.
constexpr qsizetype BytesPerLine = 4096;
// PCRE2 repeats a group at most this many times.
constexpr qint64 MaxRepeat = 65535;

// Text the script reads back as the same bytes: "send" when the bytes are printable UTF-8 (line
// breaks and tabs written as escapes), "send-hex" otherwise.
QString sendLine(const QByteArray &bytes)
{
    const QString text = QString::fromUtf8(bytes);
    bool printable = text.toUtf8() == bytes;
    QString line = QStringLiteral("send ");
    for (const char32_t c : text.toUcs4()) {
        if (!printable)
            break;
        switch (c) {
        case U'\\':
            line += QLatin1StringView("\\\\");
            break;
        case U'\r':
            line += QLatin1StringView("\\r");
            break;
        case U'\n':
            line += QLatin1StringView("\\n");
            break;
        case U'\t':
            line += QLatin1StringView("\\t");
            break;
        default:
            printable = QChar::isPrint(c);
            if (c > 0x7f && QChar::isSpace(c)) {
                // A no-break or other wide space reads as a plain one and is easily made one by
                // an editor: its bytes are written out.
                for (const char byte : QString::fromUcs4(&c, 1).toUtf8())
                    line += QStringLiteral("\\x%1").arg(uchar(byte), 2, 16, QLatin1Char('0'));
            } else {
                line += QString::fromUcs4(&c, 1);
            }
        }
    }
    if (!printable)
        return QStringLiteral("send-hex ") + PayloadCodec::encodeHex(bytes);
    // An editor may strip a space at the end of a line; an escape it keeps.
    if (line.endsWith(QLatin1Char(' ')))
        line.replace(line.size() - 1, 1, QStringLiteral("\\x20"));
    return line;
}

// Waits for `size` bytes, whatever they are: "." is one byte, the runner matching in Latin-1. \A
// ties the match to where the wait starts: unanchored, each check of a reply still short would try
// every start again, a time that grows with the square of the bytes.
QString waitLine(qint64 size)
{
    const qint64 groups = size / MaxRepeat;
    const qint64 rest = size % MaxRepeat;
    QString pattern = QStringLiteral("(?s)\\A");
    if (groups > 0)
        pattern += QStringLiteral("(?:.{%1}){%2}").arg(MaxRepeat).arg(groups);
    if (rest > 0)
        pattern += QStringLiteral(".{%1}").arg(rest);
    return QStringLiteral("expect-re ") + pattern;
}

} // namespace

QString writeRecordedScript(const RecordedScript &script, const QString &target)
{
    QStringList lines;
    lines << QStringLiteral("# ") + RecordedScriptText::tr("Recorded from the conversation with %1: each send() it made, in order;").arg(target)
          << QStringLiteral("# ") + RecordedScriptText::tr("where the peer answered, a wait for as many bytes as it sent then.");
    const QLocale locale;
    for (const RecordedStep &step : script.steps) {
        switch (step.kind) {
        case RecordedStep::Kind::Send:
            if (step.bytes.size() > BytesPerLine)
                lines << QStringLiteral("# ") + RecordedScriptText::tr("one send() of %1 bytes, written over several lines")
                                                    .arg(locale.toString(step.bytes.size()));
            for (qsizetype at = 0; at < step.bytes.size(); at += BytesPerLine)
                lines << sendLine(step.bytes.mid(at, BytesPerLine));
            break;
        case RecordedStep::Kind::Received: {
            QString preview = PayloadCodec::encodeEscaped(step.bytes);
            if (step.size > step.bytes.size())
                preview += QStringLiteral("…");
            lines << QStringLiteral("# ") + RecordedScriptText::tr("the peer sent %1 bytes in %n recv(): %2", nullptr, int(step.recvCalls))
                                                .arg(locale.toString(step.size), preview)
                  << waitLine(step.size);
            break;
        }
        case RecordedStep::Kind::Timeout:
            lines << QStringLiteral("timeout %1").arg(step.ms);
            break;
        case RecordedStep::Kind::SetOption:
            lines << QStringLiteral("sockopt ") + SocketOptions::format(step.option);
            break;
        case RecordedStep::Kind::ShutdownWrite:
            lines << QStringLiteral("shutdown wr");
            break;
        case RecordedStep::Kind::ShutdownBoth:
            lines << QStringLiteral("shutdown rdwr");
            break;
        case RecordedStep::Kind::Close:
            lines << QStringLiteral("close");
            break;
        case RecordedStep::Kind::ExpectClose:
            lines << QStringLiteral("expect-close");
            break;
        }
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QString describeRecordedScriptProblem(const RecordedScript &script)
{
    const QLocale locale;
    switch (script.problem) {
    case RecordedScript::Problem::None:
        break;
    case RecordedScript::Problem::NothingSent:
        return RecordedScriptText::tr("The conversation sent nothing: there is no script to save. Type a message or a script first.");
    case RecordedScript::Problem::SentNotKept:
        return RecordedScriptText::tr("Only %1 of the %2 bytes the conversation sent were kept: a script of it would not send "
                                      "the same bytes.")
            .arg(locale.toString(script.sentKept), locale.toString(script.sentTotal));
    case RecordedScript::Problem::TooLarge:
        return RecordedScriptText::tr("The conversation sent %1 bytes, more than a script holds (%2): save its transcript instead.")
            .arg(locale.toString(script.sentTotal), locale.toString(RecordedScript::MaxSentBytes));
    }
    return QString();
}

} // namespace SocketLab
