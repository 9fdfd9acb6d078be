#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace SocketLab {

// The certificates a person chose to trust, one per host and port: the SHA-256 of the certificate's
// DER form, kept in QSettings. An exchange to that host and port passes the pin to core, which then
// accepts exactly that certificate and nothing else.
class PinStore
{
public:
    struct Pin
    {
        QString host;
        QString service;
        QByteArray sha256;   // 32 raw bytes
        QDateTime pinnedAt;  // UTC
    };

    static QList<Pin> pins();
    // Empty when host:service has no pin.
    static QByteArray pin(const QString &host, const QString &service);
    // Adds the pin, or replaces the one host:service had.
    static void setPin(const QString &host, const QString &service, const QByteArray &sha256);
    static void removePin(const QString &host, const QString &service);

private:
    static void write(const QList<Pin> &pins);
};

} // namespace SocketLab
