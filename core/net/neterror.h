#pragma once

#include <QString>

namespace SocketLab {

// An error as a value: what failed, in which call, with the system's own code.
// Core never turns it into a sentence for a person; text/errortext.h does, translated.
struct NetError
{
    enum class Kind {
        None,
        System,     // systemCode is an errno value
        Resolve,    // systemCode is an EAI_* value (EAI_SYSTEM keeps errno in errnoCode)
        Timeout,    // a deadline passed; call says which wait
        Cancelled,
        Malformed,  // the peer sent something that breaks its protocol's framing
        File,       // writing the reply to a file failed; systemCode is errno
        Tls,        // the TLS layer failed: systemCode is OpenSSL's reason code, errnoCode its
                    // SSL_get_error() value, message OpenSSL's words ("wrong version number")
        Certificate, // the server's certificate was refused: systemCode is the X509_V_ERR_* code
                     // (0 for a pin mismatch); the exchange's TlsInfo::verify says why in full
    };

    Kind kind = Kind::None;
    int systemCode = 0;
    int errnoCode = 0;
    QString call;     // the C call that failed: "connect", "getaddrinfo", "recv"...
    QString detail;   // machine-readable extra: the address tried, the byte offset...
    QString message;  // a library's own words for what failed, in English (OpenSSL's reason)
    QString symbol;   // a library's symbolic name for the code, when errno's names do not apply

    bool isError() const { return kind != Kind::None; }

    static NetError fromErrno(int err, const QString &call, const QString &detail = {});
    static NetError fromEai(int eai, int savedErrno, const QString &call = QStringLiteral("getaddrinfo"));
    static NetError timeout(const QString &call, const QString &detail = {});
    static NetError cancelled(const QString &call = {});
    // offset: the byte of the reply where its framing broke; detail holds it as a number.
    static NetError malformed(qint64 offset);

    // The symbolic name of the code: "ECONNREFUSED", "EAI_NONAME", "ETIMEDOUT", "ECANCELED".
    QString codeName() const;
};

// "ECONNREFUSED" for ECONNREFUSED; "E<number>" when libc has no name for it.
QString errnoName(int err);
// "EAI_NONAME" for EAI_NONAME.
QString eaiName(int eai);

} // namespace SocketLab
