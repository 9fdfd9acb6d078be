#include "errortext.h"

#include "multicasttext.h"

#include <QCoreApplication>
#include <QLocale>

#include <openssl/ssl.h>

#include <cerrno>
#include <netdb.h>
#include <utility>

namespace SocketLab::ErrorText {

QString errnoMeaning(int err)
{
    switch (err) {
    case ECONNREFUSED: return QCoreApplication::translate("SocketLab::ErrorText", "Connection refused");
    case ECONNRESET: return QCoreApplication::translate("SocketLab::ErrorText", "Connection reset by the peer");
    case ECONNABORTED: return QCoreApplication::translate("SocketLab::ErrorText", "Connection aborted on this machine");
    case ETIMEDOUT: return QCoreApplication::translate("SocketLab::ErrorText", "Timed out");
    case EHOSTUNREACH: return QCoreApplication::translate("SocketLab::ErrorText", "No route to the host");
    case EHOSTDOWN: return QCoreApplication::translate("SocketLab::ErrorText", "The host is down");
    case ENETUNREACH: return QCoreApplication::translate("SocketLab::ErrorText", "The network is unreachable");
    case ENETDOWN: return QCoreApplication::translate("SocketLab::ErrorText", "The network is down");
    case EADDRINUSE: return QCoreApplication::translate("SocketLab::ErrorText", "Address already in use");
    case EADDRNOTAVAIL: return QCoreApplication::translate("SocketLab::ErrorText", "Address not available on this machine");
    case EACCES: return QCoreApplication::translate("SocketLab::ErrorText", "Permission denied");
    case EPERM: return QCoreApplication::translate("SocketLab::ErrorText", "Operation not permitted");
    case EPIPE: return QCoreApplication::translate("SocketLab::ErrorText", "Writing to a connection the peer has closed");
    case ESHUTDOWN: return QCoreApplication::translate("SocketLab::ErrorText", "Sending after the socket was shut down");
    case ENOTCONN: return QCoreApplication::translate("SocketLab::ErrorText", "The socket is not connected");
    case EISCONN: return QCoreApplication::translate("SocketLab::ErrorText", "The socket is already connected");
    case EDESTADDRREQ: return QCoreApplication::translate("SocketLab::ErrorText", "No destination address given");
    case EAFNOSUPPORT: return QCoreApplication::translate("SocketLab::ErrorText", "Address family not supported");
    case EPROTONOSUPPORT: return QCoreApplication::translate("SocketLab::ErrorText", "Protocol not supported");
    case ENOPROTOOPT: return QCoreApplication::translate("SocketLab::ErrorText", "Socket option not supported by the protocol");
    case EOPNOTSUPP: return QCoreApplication::translate("SocketLab::ErrorText", "Operation not supported on this socket");
    case ENOTSOCK: return QCoreApplication::translate("SocketLab::ErrorText", "Not a socket");
    case EPROTO: return QCoreApplication::translate("SocketLab::ErrorText", "Protocol error");
    case EMSGSIZE: return QCoreApplication::translate("SocketLab::ErrorText", "Message too long for the socket");
    case ENOBUFS: return QCoreApplication::translate("SocketLab::ErrorText", "No buffer space left in the kernel");
    case ENOMEM: return QCoreApplication::translate("SocketLab::ErrorText", "Out of memory");
    case EMFILE: return QCoreApplication::translate("SocketLab::ErrorText", "Too many open files in this program");
    case ENFILE: return QCoreApplication::translate("SocketLab::ErrorText", "Too many open files on this machine");
    case EINPROGRESS: return QCoreApplication::translate("SocketLab::ErrorText", "Operation still in progress");
    case EALREADY: return QCoreApplication::translate("SocketLab::ErrorText", "A previous operation is still in progress");
    case EINVAL: return QCoreApplication::translate("SocketLab::ErrorText", "Invalid argument");
    case EBADF: return QCoreApplication::translate("SocketLab::ErrorText", "Bad file descriptor");
    case EAGAIN: return QCoreApplication::translate("SocketLab::ErrorText", "Nothing ready yet; try again");
    case EINTR: return QCoreApplication::translate("SocketLab::ErrorText", "Interrupted by a signal");
    case ECANCELED: return QCoreApplication::translate("SocketLab::ErrorText", "Cancelled");
    case ENOENT: return QCoreApplication::translate("SocketLab::ErrorText", "No such file or directory");
    case ENOTDIR: return QCoreApplication::translate("SocketLab::ErrorText", "A part of the path is not a directory");
    case EISDIR: return QCoreApplication::translate("SocketLab::ErrorText", "It is a directory");
    case EEXIST: return QCoreApplication::translate("SocketLab::ErrorText", "The file already exists");
    case ENAMETOOLONG: return QCoreApplication::translate("SocketLab::ErrorText", "File name too long");
    case ENOSPC: return QCoreApplication::translate("SocketLab::ErrorText", "No space left on the device");
    case EDQUOT: return QCoreApplication::translate("SocketLab::ErrorText", "Disk quota exceeded");
    case EFBIG: return QCoreApplication::translate("SocketLab::ErrorText", "File too large");
    case EROFS: return QCoreApplication::translate("SocketLab::ErrorText", "Read-only file system");
    case EIO: return QCoreApplication::translate("SocketLab::ErrorText", "Input/output error");
    default: return QCoreApplication::translate("SocketLab::ErrorText", "System error %1").arg(err);
    }
}

QString eaiMeaning(int eai)
{
    switch (eai) {
    case EAI_NONAME: return QCoreApplication::translate("SocketLab::ErrorText", "Name or service not known");
    case EAI_AGAIN: return QCoreApplication::translate("SocketLab::ErrorText", "The name server did not answer in time; try again");
    case EAI_FAIL: return QCoreApplication::translate("SocketLab::ErrorText", "The name server failed for good");
    case EAI_BADFLAGS: return QCoreApplication::translate("SocketLab::ErrorText", "These flags cannot be used together here");
    case EAI_FAMILY: return QCoreApplication::translate("SocketLab::ErrorText", "Address family not supported");
    case EAI_SOCKTYPE: return QCoreApplication::translate("SocketLab::ErrorText", "Socket type not supported");
    case EAI_SERVICE: return QCoreApplication::translate("SocketLab::ErrorText", "Service not available for this socket type");
    case EAI_MEMORY: return QCoreApplication::translate("SocketLab::ErrorText", "Out of memory");
    case EAI_SYSTEM: return QCoreApplication::translate("SocketLab::ErrorText", "System error");
    case EAI_OVERFLOW: return QCoreApplication::translate("SocketLab::ErrorText", "The answer does not fit in the buffer");
#ifdef EAI_NODATA
    case EAI_NODATA: return QCoreApplication::translate("SocketLab::ErrorText", "The name exists but has no address");
#endif
#ifdef EAI_ADDRFAMILY
    case EAI_ADDRFAMILY: return QCoreApplication::translate("SocketLab::ErrorText", "The name has no address in this family");
#endif
#ifdef EAI_INPROGRESS
    case EAI_INPROGRESS: return QCoreApplication::translate("SocketLab::ErrorText", "The lookup is still in progress");
#endif
#ifdef EAI_CANCELED
    case EAI_CANCELED: return QCoreApplication::translate("SocketLab::ErrorText", "The lookup was cancelled");
#endif
#ifdef EAI_NOTCANCELED
    case EAI_NOTCANCELED: return QCoreApplication::translate("SocketLab::ErrorText", "The lookup could not be cancelled");
#endif
#ifdef EAI_ALLDONE
    case EAI_ALLDONE: return QCoreApplication::translate("SocketLab::ErrorText", "No lookup left to cancel");
#endif
#ifdef EAI_INTR
    case EAI_INTR: return QCoreApplication::translate("SocketLab::ErrorText", "The lookup was interrupted by a signal");
#endif
#ifdef EAI_IDN_ENCODE
    case EAI_IDN_ENCODE: return QCoreApplication::translate("SocketLab::ErrorText", "The name cannot be encoded as an international domain name");
#endif
    default: return QCoreApplication::translate("SocketLab::ErrorText", "Name resolution error %1").arg(eai);
    }
}

namespace {

// The context lupdate files these sentences under, with errnoMeaning()'s.
struct Words
{
    Q_DECLARE_TR_FUNCTIONS(SocketLab::ErrorText)
};

// The meaning after a colon or inside a sentence starts in lower case, in French as in English;
// a word in capitals throughout ("IPv6", "TCP") keeps its own.
QString lowerFirst(QString text)
{
    if (text.size() > 1 && text.at(0).isUpper() && !text.at(1).isUpper())
        text[0] = text.at(0).toLower();
    return text;
}

QString upperFirst(QString text)
{
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    return text;
}

// The meaning of a resolver's error and its code: with EAI_SYSTEM the C library's answer is only
// "see errno", and errno says what went wrong.
std::pair<QString, QString> resolveMeaningAndCode(const NetError &e)
{
    const bool system = e.systemCode == EAI_SYSTEM && e.errnoCode != 0;
    const QString meaning = system ? errnoMeaning(e.errnoCode) : eaiMeaning(e.systemCode);
    const QString code = system ? QStringLiteral("%1, %2").arg(e.codeName(), errnoName(e.errnoCode)) : e.codeName();
    return {meaning, code};
}

// The reply's byte where its framing broke, in the locale's digits.
QString malformedOffset(const NetError &e)
{
    bool ok = false;
    const qint64 offset = e.detail.toLongLong(&ok);
    return ok ? QLocale().toString(offset) : e.detail;
}

// Sending to a broadcast address without SO_BROADCAST: Linux's UDP answers EACCES, which says
// nothing of the option a person has to turn on.
QString describeBroadcastRefused(const NetError &e, bool inside)
{
    const QString where = e.detail.isEmpty() ? Words::tr("a broadcast address") : e.detail;
    return inside ? Words::tr("sending to %1 refused (%2) during %3(), as a broadcast address takes SO_BROADCAST, "
                              "which \"broadcast\" turns on in the UDP form's socket options (--broadcast or "
                              "--sockopt broadcast=1 in socketlab-cli)")
                        .arg(where, e.codeName(), e.call)
                  : Words::tr("Sending to %1 was refused (%2) during %3(): a socket sends to a broadcast address "
                              "only with SO_BROADCAST on. Tick \"broadcast\" in the UDP form's socket options "
                              "(--broadcast or --sockopt broadcast=1 in socketlab-cli).")
                        .arg(where, e.codeName(), e.call);
}

// A multicast call's detail is its option's C name and a group or interface (net/multicast.h):
// the group in a person's words, from its parts, so a group whose interface has gone still reads.
QString multicastTargetWords(const QString &target)
{
    if (target.startsWith(QLatin1Char('@')))
        return Words::tr("the interface %1").arg(target.mid(1));
    MulticastGroup group;
    QString addresses = target;
    if (const qsizetype at = target.lastIndexOf(QLatin1Char('@')); at >= 0) {
        addresses = target.left(at);
        group.interfaceName = target.mid(at + 1);
    }
    const qsizetype gt = addresses.indexOf(QLatin1Char('>'));
    const std::optional<SocketAddress> address = SocketAddress::fromNumeric(addresses.mid(gt + 1), 0);
    // A value ("IP_MULTICAST_TTL 300") is said as it is: getaddrinfo() would read 300 as 0.0.1.44.
    if (!address || !Multicast::isMulticast(*address))
        return target;
    group.group = *address;
    if (gt >= 0) {
        if (const std::optional<SocketAddress> source = SocketAddress::fromNumeric(addresses.left(gt), 0))
            group.source = *source;
    }
    return multicastGroupWords(group);
}

// setsockopt() of a multicast option: what it means for the group, in the cases a person meets.
QString describeOptionCall(const NetError &e, bool inside)
{
    const QString option = e.detail.section(QLatin1Char(' '), 0, 0);
    const QString target = e.detail.section(QLatin1Char(' '), 1);
    const QString call = QStringLiteral("%1(%2)").arg(e.call, option);
    const QString code = e.codeName();
    const QString what = multicastTargetWords(target);
    const bool joining = option == QLatin1StringView("IP_ADD_MEMBERSHIP") || option == QLatin1StringView("IPV6_JOIN_GROUP")
        || option == QLatin1StringView("MCAST_JOIN_SOURCE_GROUP");
    const bool leaving = option == QLatin1StringView("IP_DROP_MEMBERSHIP") || option == QLatin1StringView("IPV6_LEAVE_GROUP")
        || option == QLatin1StringView("MCAST_LEAVE_SOURCE_GROUP");
    const bool choosingInterface = option.endsWith(QLatin1StringView("_MULTICAST_IF"));
    QString sentence;
    if (joining && e.systemCode == EADDRINUSE)
        sentence = Words::tr("This socket is already a member of %1 (%2) during %3.").arg(what, code, call);
    else if (joining && e.systemCode == ENODEV)
        sentence = Words::tr("No interface can join %1, as the interface is unknown, down, or has no address of "
                             "the group's family (%2) during %3.").arg(what, code, call);
    else if (joining && e.systemCode == EINVAL)
        sentence = Words::tr("The system refused %1 as a group, which is not a multicast address or not of the "
                             "socket's family (%2) during %3.").arg(what, code, call);
    else if (joining && e.systemCode == ENOBUFS)
        sentence = Words::tr("Could not join %1, as this socket has joined as many groups as the system allows "
                             "(net.ipv4.igmp_max_memberships, %2) during %3.").arg(what, code, call);
    else if (leaving && e.systemCode == EADDRNOTAVAIL)
        sentence = Words::tr("This socket is not a member of %1 (%2) during %3.").arg(what, code, call);
    else if (choosingInterface && (e.systemCode == ENODEV || e.systemCode == EADDRNOTAVAIL || e.systemCode == EINVAL))
        sentence = Words::tr("Multicast cannot be sent through %1, which is unknown or has no address of the "
                             "socket's family (%2) during %3.").arg(what, code, call);
    else if (target.isEmpty())
        sentence = Words::tr("%1 (%2) during %3.").arg(errnoMeaning(e.systemCode), code, call);
    else
        sentence = Words::tr("%1 (%2) during %3 for %4.").arg(errnoMeaning(e.systemCode), code, call, what);
    if (!inside)
        return sentence;
    // The same words inside another sentence: no capital (unless the words start with a name), no period.
    sentence.chop(1);
    return lowerFirst(sentence);
}

bool isOptionCall(const NetError &e)
{
    if (e.call != QLatin1StringView("setsockopt") && e.call != QLatin1StringView("getsockopt"))
        return false;
    const QString option = e.detail.section(QLatin1Char(' '), 0, 0);
    return option.startsWith(QLatin1StringView("IP_")) || option.startsWith(QLatin1StringView("IPV6_"))
        || option.startsWith(QLatin1StringView("MCAST_"));
}

QString describeSystem(const NetError &e, bool inside)
{
    if (e.systemCode == EACCES && e.call == QLatin1StringView("sendto"))
        return describeBroadcastRefused(e, inside);
    if (isOptionCall(e))
        return describeOptionCall(e, inside);
    const QString code = e.codeName();
    if (e.detail.isEmpty()) {
        return inside ? Words::tr("%1 (%2) during %3()").arg(lowerFirst(errnoMeaning(e.systemCode)), code, e.call)
                      : Words::tr("%1 (%2) during %3().").arg(errnoMeaning(e.systemCode), code, e.call);
    }
    // The two answers a peer gives most often read better naming the peer.
    if (e.systemCode == ECONNREFUSED) {
        return inside ? Words::tr("connection refused by %1 (%2) during %3()").arg(e.detail, code, e.call)
                      : Words::tr("Connection refused by %1 (%2) during %3().").arg(e.detail, code, e.call);
    }
    if (e.systemCode == ECONNRESET) {
        return inside ? Words::tr("connection reset by %1 (%2) during %3()").arg(e.detail, code, e.call)
                      : Words::tr("Connection reset by %1 (%2) during %3().").arg(e.detail, code, e.call);
    }
    // core/net/localbind.h: a local address of one family and a target of the other only.
    if (e.systemCode == EAFNOSUPPORT && e.call == QLatin1StringView("bind")) {
        return inside ? Words::tr("the local address %1 is not of the family of any of the target's addresses (%2) for %3()")
                            .arg(e.detail, code, e.call)
                      : Words::tr("The local address %1 is not of the family of any of the target's addresses (%2) for %3().")
                            .arg(e.detail, code, e.call);
    }
    // A listener (for a client that does not read) or a conversation (for a peer that does not) refuses
    // more bytes this way when too many wait to be sent.
    if (e.systemCode == ENOBUFS) {
        return inside ? Words::tr("the bytes waiting to be sent to %1 have reached their limit; no more are queued (%2) during %3()")
                            .arg(e.detail, code, e.call)
                      : Words::tr("The bytes waiting to be sent to %1 have reached their limit; no more are queued (%2) during %3().")
                            .arg(e.detail, code, e.call);
    }
    return inside ? Words::tr("%1 (%2) during %3() on %4").arg(lowerFirst(errnoMeaning(e.systemCode)), code, e.call, e.detail)
                  : Words::tr("%1 (%2) during %3() on %4.").arg(errnoMeaning(e.systemCode), code, e.call, e.detail);
}

QString describeResolve(const NetError &e, bool inside)
{
    const auto [meaning, code] = resolveMeaningAndCode(e);
    if (e.detail.isEmpty()) {
        return inside ? Words::tr("%1 (%2) in %3()").arg(lowerFirst(meaning), code, e.call)
                      : Words::tr("Name resolution failed: %1 (%2) in %3().").arg(lowerFirst(meaning), code, e.call);
    }
    if (e.call == QLatin1StringView("getnameinfo")) {
        return inside ? Words::tr("%1 for %2 (%3) in %4()").arg(lowerFirst(meaning), e.detail, code, e.call)
                      : Words::tr("Could not find a name for %1: %2 (%3) in %4().").arg(e.detail, lowerFirst(meaning), code, e.call);
    }
    return inside ? Words::tr("%1 for \"%2\" (%3) in %4()").arg(lowerFirst(meaning), e.detail, code, e.call)
                  : Words::tr("Could not resolve \"%1\": %2 (%3) in %4().").arg(e.detail, lowerFirst(meaning), code, e.call);
}

QString describeTimeout(const NetError &e, bool inside)
{
    if (e.detail.isEmpty()) {
        return inside ? Words::tr("timed out (%1) during %2()").arg(e.codeName(), e.call)
                      : Words::tr("Timed out (%1) during %2().").arg(e.codeName(), e.call);
    }
    return inside ? Words::tr("timed out (%1) during %2() on %3").arg(e.codeName(), e.call, e.detail)
                  : Words::tr("Timed out (%1) during %2() on %3.").arg(e.codeName(), e.call, e.detail);
}

QString describeCancelled(const NetError &e, bool inside)
{
    const QString code = e.codeName();
    if (e.call.isEmpty() && e.detail.isEmpty())
        return inside ? Words::tr("cancelled (%1)").arg(code) : Words::tr("Cancelled (%1).").arg(code);
    if (e.call.isEmpty())
        return inside ? Words::tr("cancelled (%1) on %2").arg(code, e.detail) : Words::tr("Cancelled (%1) on %2.").arg(code, e.detail);
    if (e.detail.isEmpty())
        return inside ? Words::tr("cancelled (%1) during %2()").arg(code, e.call) : Words::tr("Cancelled (%1) during %2().").arg(code, e.call);
    return inside ? Words::tr("cancelled (%1) during %2() on %3").arg(code, e.call, e.detail)
                  : Words::tr("Cancelled (%1) during %2() on %3.").arg(code, e.call, e.detail);
}

QString describeMalformed(const NetError &e, bool inside)
{
    if (e.detail.isEmpty()) {
        return inside ? Words::tr("a reply that breaks its protocol (%1), seen in %2()").arg(e.codeName(), e.call)
                      : Words::tr("The reply breaks its protocol (%1), seen in %2().").arg(e.codeName(), e.call);
    }
    return inside ? Words::tr("a reply that breaks the HTTP framing at byte %1 (%2), seen in %3()")
                        .arg(malformedOffset(e), e.codeName(), e.call)
                  : Words::tr("The reply breaks the HTTP framing at byte %1 (%2), seen in %3(); the HTTP tab says how.")
                        .arg(malformedOffset(e), e.codeName(), e.call);
}

QString describeFile(const NetError &e, bool inside)
{
    if (e.detail.isEmpty()) {
        return inside ? Words::tr("%1 writing the reply (%2) in %3()").arg(lowerFirst(errnoMeaning(e.systemCode)), e.codeName(), e.call)
                      : Words::tr("Could not write the reply: %1 (%2) in %3().")
                            .arg(lowerFirst(errnoMeaning(e.systemCode)), e.codeName(), e.call);
    }
    return inside ? Words::tr("%1 writing the reply to %2 (%3) in %4()")
                        .arg(lowerFirst(errnoMeaning(e.systemCode)), e.detail, e.codeName(), e.call)
                  : Words::tr("Could not write the reply to %1: %2 (%3) in %4().")
                        .arg(e.detail, lowerFirst(errnoMeaning(e.systemCode)), e.codeName(), e.call);
}

// TLS failures a person meets, in words; OpenSSL's own reason stays in brackets for a search.
QString describeTls(const NetError &e, bool inside)
{
    const QString code = e.message.isEmpty() ? e.codeName() : QStringLiteral("%1: %2").arg(e.codeName(), e.message);
    const QString peer = e.detail.isEmpty() ? Words::tr("the peer") : e.detail;
    QString what;
    switch (e.systemCode) {
    case SSL_R_WRONG_VERSION_NUMBER:
    case SSL_R_PACKET_LENGTH_TOO_LONG:
    case SSL_R_HTTP_REQUEST:
        // A listener's SSL_accept() met a client that spoke first in plain text.
        what = e.call == QLatin1String("SSL_accept")
            ? Words::tr("%1 does not speak TLS: what it sent is not a TLS record (a plain-text client?)").arg(peer)
            : Words::tr("%1 does not answer in TLS: what it sent is not a TLS record (a plain-text server?)").arg(peer);
        break;
    case SSL_R_UNSUPPORTED_PROTOCOL:
    case SSL_R_TLSV1_ALERT_PROTOCOL_VERSION:
    case SSL_R_NO_PROTOCOLS_AVAILABLE:
        what = Words::tr("%1 and SocketLab have no TLS version in common").arg(peer);
        break;
    case SSL_R_SSLV3_ALERT_HANDSHAKE_FAILURE:
    case SSL_R_NO_SHARED_CIPHER:
        what = Words::tr("%1 refused the TLS handshake: no cipher suite or parameter in common").arg(peer);
        break;
    case SSL_R_TLSV1_ALERT_NO_APPLICATION_PROTOCOL:
        what = Words::tr("%1 accepts none of the application protocols offered (ALPN)").arg(peer);
        break;
    case SSL_R_UNEXPECTED_EOF_WHILE_READING:
        what = Words::tr("%1 closed the connection in the middle of the TLS handshake").arg(peer);
        break;
    case SSL_R_TLSV1_ALERT_UNKNOWN_CA:
    case SSL_R_SSLV3_ALERT_BAD_CERTIFICATE:
    case SSL_R_SSLV3_ALERT_CERTIFICATE_UNKNOWN:
        what = Words::tr("%1 refused the TLS handshake with an alert about certificates").arg(peer);
        break;
    default:
        if (e.call.startsWith(QLatin1String("SSL_CTX_"))) {
            what = Words::tr("could not use the certificate file %1").arg(peer);
            break;
        }
        what = Words::tr("the TLS connection with %1 failed").arg(peer);
        break;
    }
    if (inside)
        return Words::tr("%1 (%2) in %3()").arg(what, code, e.call);
    return Words::tr("%1 (%2) in %3().").arg(upperFirst(what), code, e.call);
}

// The window and the CLI say the reason in full from the exchange's TlsInfo (text/tlstext.h);
// this is the short form for a sentence that has only the error.
QString describeCertificate(const NetError &e, bool inside)
{
    const QString code = e.message.isEmpty() ? e.codeName() : QStringLiteral("%1: %2").arg(e.codeName(), e.message);
    if (inside)
        return Words::tr("the certificate of %1 was refused (%2)").arg(e.detail, code);
    return Words::tr("The certificate of %1 was refused (%2): no byte of the request was sent.").arg(e.detail, code);
}

QString describe(const NetError &error, bool inside)
{
    switch (error.kind) {
    case NetError::Kind::None:
        return inside ? Words::tr("no error") : Words::tr("No error.");
    case NetError::Kind::System:
        return describeSystem(error, inside);
    case NetError::Kind::Resolve:
        return describeResolve(error, inside);
    case NetError::Kind::Timeout:
        return describeTimeout(error, inside);
    case NetError::Kind::Cancelled:
        return describeCancelled(error, inside);
    case NetError::Kind::Malformed:
        return describeMalformed(error, inside);
    case NetError::Kind::File:
        return describeFile(error, inside);
    case NetError::Kind::Tls:
        return describeTls(error, inside);
    case NetError::Kind::Certificate:
        return describeCertificate(error, inside);
    }
    return {};
}

} // namespace

QString describe(const NetError &error)
{
    return describe(error, false);
}

QString inSentence(const NetError &error)
{
    return describe(error, true);
}

} // namespace SocketLab::ErrorText
