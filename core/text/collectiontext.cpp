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
        return CollectionText::tr("the variable \"%1\" makes the text larger than 32 MiB once the values of the "
                                  "variables are put in").arg(error.detail);
    case Kind::BadSocketLabLine:
        return CollectionText::tr("SocketLab cannot read \"%1\"").arg(error.detail);
    case Kind::BadExactBytes:
        return CollectionText::tr("the exact bytes of @socketlab-bytes are not valid base64");
    case Kind::EditedAfterExact:
        return CollectionText::tr("the request's text was edited after its exact bytes were saved: remove the "
                                  "@socketlab-bytes line to send the text, or undo the edit");
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
