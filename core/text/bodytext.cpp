#include "bodytext.h"

#include "http/contenttype.h"
#include "http/httpbodydecoder.h"

#include <QCoreApplication>
#include <QLocale>

namespace SocketLab {

namespace {

struct BodyText
{
    Q_DECLARE_TR_FUNCTIONS(SocketLab::BodyText)
};

QString number(qint64 n)
{
    return QLocale().toString(n);
}

QString decodingProblem(const HttpBody &body)
{
    const QString name = QString::fromLatin1(body.contentEncoding);
    using Kind = ContentDecoder::ErrorKind;
    switch (body.error) {
    case Kind::UnknownEncoding:
    case Kind::StackedEncodings:
    case Kind::DecoderFailed:
        return BodyText::tr("Content-Encoding \"%1\" cannot be decoded here: the body is left as received.").arg(name);
    case Kind::CorruptData:
        return BodyText::tr("The %1 data is corrupt at byte %2 of the body (byte %3 of the reply): only what comes "
                            "before it is decoded.")
            .arg(name, number(body.errorBodyOffset), number(body.errorReplyOffset));
    case Kind::Truncated:
        return BodyText::tr("The %1 data ends early, at byte %2 of the body (byte %3 of the reply): what it holds "
                            "is decoded.")
            .arg(name, number(body.errorBodyOffset), number(body.errorReplyOffset));
    case Kind::DataAfterEnd:
        return BodyText::tr("The %1 data ends at byte %2 of the body (byte %3 of the reply); the bytes after it "
                            "are not decoded.")
            .arg(name, number(body.errorBodyOffset), number(body.errorReplyOffset));
    case Kind::OutputLimitReached:
    case Kind::None:
        break;
    }
    return {};
}

} // namespace

QStringList describeBodyDecoding(const HttpBody &body)
{
    QStringList sentences;
    if (const QString problem = decodingProblem(body); !problem.isEmpty())
        sentences.append(problem);
    if (body.capReached) {
        sentences.append(BodyText::tr("The decoded body is larger than %1: decoding stopped there.")
                             .arg(QLocale().formattedDataSize(body.cap, 0)));
    }
    return sentences;
}

QString describeTextFallback(const DecodedText &text)
{
    if (text.unsupportedCharset.isEmpty())
        return {};
    return BodyText::tr("The charset \"%1\" is not supported here: the text is decoded as %2.")
        .arg(QString::fromLatin1(text.unsupportedCharset), text.fallback);
}

} // namespace SocketLab
