#include "collectiontext.h"

#include <QCoreApplication>

namespace SocketLab {

namespace {

struct CollectionText
{
    Q_DECLARE_TR_FUNCTIONS(SocketLab::CollectionText)
};

QString reason(const CollectionError &error)
{
    using Kind = CollectionError::Kind;
    switch (error.kind) {
    case Kind::None:
        break;
    case Kind::NoRequestLine:
        return CollectionText::tr("this request has no request line (METHOD URL)");
    case Kind::BadRequestLine:
        return CollectionText::tr("\"%1\" is not a request line: write METHOD URL [HTTP/1.1], or the URL alone for a GET").arg(error.detail);
    case Kind::BadUrl:
        return CollectionText::tr("\"%1\" is not an http:// or https:// URL").arg(error.detail);
    case Kind::NoHost:
        return CollectionText::tr("the URL is a path and no Host header names the server");
    case Kind::BadHeader:
        return CollectionText::tr("\"%1\" is not a header: write Name: value").arg(error.detail);
    case Kind::UndefinedVariable:
        return CollectionText::tr("the variable \"%1\" has no value (define it with @%1 = ... or choose an environment with --env)")
            .arg(error.detail);
    case Kind::UnterminatedVariable:
        return CollectionText::tr("\"{{\" without its \"}}\"");
    case Kind::VariableLoop:
        return CollectionText::tr("the variable \"%1\" uses itself through the values of others").arg(error.detail);
    case Kind::VariablesTooLarge:
        return error.detail.isEmpty()
                   ? CollectionText::tr("the request is larger than 32 MiB once the values of its variables and its body files are put in")
                   : CollectionText::tr("the variable \"%1\" makes the request larger than 32 MiB once the values of the "
                                        "variables and the body files are put in").arg(error.detail);
    case Kind::FileRequestsTooLarge:
        return CollectionText::tr("the requests before this one already take 256 MiB once their variables and body files are "
                                  "put in: send it with socketlab-cli run --name, which reads only the request it sends, or "
                                  "split the file");
    case Kind::VariableBreaksLine:
        return CollectionText::tr("the value of the variable \"%1\" holds a line break or a NUL byte, which would add lines to "
                                  "the request line or the headers: only a body may hold one").arg(error.detail);
    case Kind::BadSocketLabLine:
        return CollectionText::tr("SocketLab cannot read \"%1\"").arg(error.detail);
    case Kind::BadExactBytes:
        return CollectionText::tr("the exact bytes of @socketlab-bytes are not valid base64");
    case Kind::EditedAfterExact:
        return CollectionText::tr("the request's text was edited after its exact bytes were saved: remove the "
                                  "@socketlab-bytes line to send the text, or undo the edit");
    case Kind::BodyFileUnreadable:
        return CollectionText::tr("the body file \"%1\" cannot be read (%2)").arg(error.detail, error.systemText);
    case Kind::BodyFileTooLarge:
        return CollectionText::tr("the body file \"%1\" is larger than 32 MiB").arg(error.detail);
    case Kind::BodyFileNotRegular:
        return CollectionText::tr("the body file \"%1\" is not a regular file (a pipe, a device or a folder): SocketLab reads "
                                  "only regular files").arg(error.detail);
    case Kind::BodyFileEncoding:
        return CollectionText::tr("the body file \"%1\" is not UTF-8 text, or is given an encoding (<@latin1 ...) SocketLab "
                                  "does not convert: send it as it is with \"< path\", or convert it to UTF-8").arg(error.detail);
    case Kind::BodyFileNoFolder:
        return CollectionText::tr("the body file \"%1\" is relative to a .http file, and this text is not in one").arg(error.detail);
    case Kind::UnknownSystemVariable:
        return CollectionText::tr("\"%1\" is not a system variable SocketLab knows ($guid, $uuid, $randomInt, $timestamp, "
                                  "$isoTimestamp, $datetime, $localDatetime, $processEnv, $dotenv, $random.*, $env.*)").arg(error.detail);
    case Kind::BadSystemVariable:
        return CollectionText::tr("\"{{%1}}\" has wrong arguments: see docs/formats.md for its forms").arg(error.detail);
    case Kind::MissingProcessVariable:
        return CollectionText::tr("the environment variable \"%1\" of {{$processEnv}} is not set").arg(error.detail);
    case Kind::MissingDotenvVariable:
        return CollectionText::tr("\"%1\" of {{$dotenv}} is not in the .env file beside the .http file (or there is none)").arg(error.detail);
    case Kind::DotenvUnusable:
        return CollectionText::tr("\"%1\" of {{$dotenv}} cannot be read: the .env file beside the .http file is not a regular "
                                  "file or is larger than 1 MiB").arg(error.detail);
    case Kind::RequestBodyIncomplete:
        return CollectionText::tr("\"{{%1}}\" reads a reply body that did not come whole (cut at 32 MiB, or the connection "
                                  "ended before its end)").arg(error.detail);
    case Kind::RequestReplyFailed:
        return CollectionText::tr("the last send of «%1» failed: there is no reply to read; send it again").arg(error.detail);
    case Kind::RequestNotSent:
        return CollectionText::tr("send «%1» first: this request uses its reply").arg(error.detail);
    case Kind::RequestValueMissing:
        return CollectionText::tr("\"{{%1}}\" names nothing in that request or its reply").arg(error.detail);
    case Kind::RequestBodyNotJson:
        return CollectionText::tr("\"{{%1}}\" reads a JSON body, and that body is not JSON").arg(error.detail);
    case Kind::RequestCycle:
        return CollectionText::tr("these requests need each other's replies, none can go first: %1")
            .arg(error.choices.join(QStringLiteral(" → ")));
    case Kind::NotHttp:
        return CollectionText::tr("the request \"%1\" cannot be written as an .http request exactly; save it in a "
                                  "collection file (.json)").arg(error.detail);
    case Kind::BadJson:
        return CollectionText::tr("not valid JSON (%1)").arg(error.detail);
    case Kind::NotACollection:
        return CollectionText::tr("not a SocketLab collection (its \"format\" is not \"socketlab-collection\")");
    case Kind::UnsupportedVersion:
        return CollectionText::tr("collection version %1 is not one this SocketLab reads (version 1)").arg(error.detail);
    case Kind::BadField:
        return CollectionText::tr("the field %1 is missing or has a wrong value").arg(error.detail);
    case Kind::BadEnvironmentFile:
        return error.detail.isEmpty() ? CollectionText::tr("the environment file is not a JSON object of environments")
                                      : CollectionText::tr("the environment file cannot be used (%1)").arg(error.detail);
    case Kind::UnknownEnvironment:
        return CollectionText::tr("no environment is named \"%1\" in http-client.env.json or http-client.private.env.json")
            .arg(error.detail);
    case Kind::EnvironmentNotHttp:
        return CollectionText::tr("environments are for .http files: a collection file has no {{variables}}");
    case Kind::ReadFailed:
        return CollectionText::tr("cannot be read (%1)").arg(error.detail);
    case Kind::WriteFailed:
        return CollectionText::tr("cannot be written (%1)").arg(error.detail);
    case Kind::NoSuchRequest:
        return error.detail.isEmpty() ? CollectionText::tr("it holds no request")
                                      : CollectionText::tr("no request is named \"%1\"; the requests are:\n%2")
                                            .arg(error.detail, QStringLiteral("  ") + error.choices.join(QStringLiteral("\n  ")));
    case Kind::AmbiguousRequest:
        return CollectionText::tr("it holds several requests: choose one with --name:\n%1")
            .arg(QStringLiteral("  ") + error.choices.join(QStringLiteral("\n  ")));
    case Kind::DuplicateName:
        return CollectionText::tr("several requests are named \"%1\"").arg(error.detail);
    }
    return {};
}

} // namespace

QString describeHttpFileNotice(const QString &requestName, const HttpFileNotice &notice)
{
    QString what;
    switch (notice.kind) {
    case HttpFileNotice::Kind::HandlerNotRun:
        what = CollectionText::tr("its response handler was not run (SocketLab does not run JavaScript)");
        break;
    case HttpFileNotice::Kind::PreRequestNotRun:
        what = CollectionText::tr("its pre-request script was not run (SocketLab does not run JavaScript)");
        break;
    case HttpFileNotice::Kind::AssertionsNotRun:
        what = CollectionText::tr("its ?? assertions were not checked");
        break;
    case HttpFileNotice::Kind::ResponseNotSaved:
        what = CollectionText::tr("its reply was not written to the >> file");
        break;
    }
    return CollectionText::tr("«%1», line %2: %3.").arg(requestName).arg(notice.line).arg(what);
}

QString describeCollectionError(const CollectionError &error)
{
    QString where = error.file;
    if (error.line > 0) {
        const QString position = error.column > 0 ? CollectionText::tr("line %1, column %2").arg(error.line).arg(error.column)
                                                  : CollectionText::tr("line %1").arg(error.line);
        where = where.isEmpty() ? position : where + QStringLiteral(", ") + position;
    }
    const QString text = reason(error);
    return where.isEmpty() ? text : CollectionText::tr("%1: %2").arg(where, text);
}

} // namespace SocketLab
