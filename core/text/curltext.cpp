#include "curltext.h"

#include <QCoreApplication>

namespace SocketLab::CurlText {

namespace {

struct Words
{
    Q_DECLARE_TR_FUNCTIONS(SocketLab::CurlText)
};

// "-o out.html", or "-L" alone: the option as the person wrote it.
QString written(const CurlNotice &notice)
{
    return notice.value.isEmpty() ? notice.option : notice.option + QLatin1Char(' ') + notice.value;
}

} // namespace

QString notice(const CurlNotice &notice)
{
    switch (notice.kind) {
    case CurlNotice::Kind::NoUserAgent:
        return Words::tr("No User-Agent header: curl would send its own (curl/ and its version); -A or -H sets one.");
    case CurlNotice::Kind::Redirects:
        return Words::tr("%1: redirects are not followed; the reply shows the redirect itself.").arg(written(notice));
    case CurlNotice::Kind::Output:
        return Words::tr("%1: how curl prints or saves the reply; here the reply shows in full.").arg(written(notice));
    case CurlNotice::Kind::Timeout:
        return Words::tr("%1: the form's own timeouts apply.").arg(written(notice));
    case CurlNotice::Kind::Proxy:
        return Words::tr("%1: no proxy here; the request goes straight to the host.").arg(written(notice));
    case CurlNotice::Kind::HttpVersion:
        return Words::tr("%1: only HTTP/1 is spoken here; the request is HTTP/1.1.").arg(written(notice));
    case CurlNotice::Kind::Insecure:
        return Words::tr("%1: the certificate is still verified; one that fails can be trusted for its host and port "
                         "from the Certificate tab.")
            .arg(written(notice));
    case CurlNotice::Kind::DataFile:
        return Words::tr("%1 @%2: the file is not read and is not in the body; paste its content in the request.")
            .arg(notice.option, notice.value);
    case CurlNotice::Kind::HeaderFile:
        return Words::tr("%1 @%2: the file is not read; its headers are not in the request.").arg(notice.option, notice.value);
    case CurlNotice::Kind::CookieFile:
        return Words::tr("%1: a cookie file is not read; no Cookie header comes from it.").arg(written(notice));
    case CurlNotice::Kind::PasswordPrompt:
        return Words::tr("%1: curl would ask for the password; the Authorization header has an empty one.")
            .arg(written(notice));
    case CurlNotice::Kind::Form:
        return Words::tr("%1: multipart forms are not built here; the field is not in the body.").arg(written(notice));
    case CurlNotice::Kind::ExtraUrl:
        return Words::tr("%1: only the first URL is sent.").arg(written(notice).trimmed());
    case CurlNotice::Kind::ShellRest:
        return Words::tr("\"%1\" is for the shell, not for curl, and is left out.").arg(notice.value);
    case CurlNotice::Kind::ShellVariable:
        return Words::tr("%1 is a shell variable: it is in the request as written, where bash would put its value.")
            .arg(notice.option);
    case CurlNotice::Kind::Ignored:
        return Words::tr("%1: no meaning for a request sent by hand; left out.").arg(written(notice));
    case CurlNotice::Kind::Unknown:
        return Words::tr("%1: an option this import does not know; left out.").arg(written(notice));
    case CurlNotice::Kind::DoubledQuotes:
        return Words::tr("\"\" inside \"...\" was read as bash reads it (\"a\"\"b\" is ab); in a copy for Windows cmd it is "
                         "a quote: check the body, or paste the command with cmd's ^\" quotes.");
    }
    return {};
}

QString error(const CurlError &error)
{
    const QString where = error.line > 1 ? Words::tr("line %1, column %2").arg(error.line).arg(error.column)
                                         : Words::tr("column %1").arg(error.column);
    switch (error.kind) {
    case CurlError::Kind::NotCurl:
        return Words::tr("This is not a curl command: it does not start with curl.");
    case CurlError::Kind::UnclosedQuote:
        return Words::tr("The curl command has an unclosed quote at %1.").arg(where);
    case CurlError::Kind::DanglingEscape:
        return Words::tr("The curl command ends with an escape character at %1 and nothing to escape.").arg(where);
    case CurlError::Kind::MissingValue:
        return Words::tr("The curl option %1 at %2 needs a value and none follows.").arg(error.detail, where);
    case CurlError::Kind::NoUrl:
        return Words::tr("The curl command has no URL.");
    case CurlError::Kind::BadScheme:
        return Words::tr("The curl command's URL at %1 is %2://, not http:// or https://.").arg(where, error.detail);
    case CurlError::Kind::BadPort:
        return Words::tr("The curl command's URL at %1 has the port %2, which does not exist: a port is a number "
                         "from 1 to 65535.")
            .arg(where, error.detail);
    case CurlError::Kind::BadHost:
        return Words::tr("The curl command's URL at %1 has no host, or one with a space or a control character.")
            .arg(where);
    case CurlError::Kind::BadMethod:
        return Words::tr("The method given with -X, \"%1\", holds a space or a control character: a request line "
                         "cannot carry it.")
            .arg(error.detail);
    }
    return {};
}

} // namespace SocketLab::CurlText
