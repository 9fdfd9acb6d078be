#include "pinstore.h"

#include <QSettings>

namespace SocketLab {

namespace {

const QString ArrayKey = QStringLiteral("tls/pins");

bool sameTarget(const PinStore::Pin &pin, const QString &host, const QString &service)
{
    // Host names are not case-sensitive; a service is kept as it was typed ("443").
    return pin.host.compare(host, Qt::CaseInsensitive) == 0 && pin.service == service;
}

} // namespace

QList<PinStore::Pin> PinStore::pins()
{
    QSettings settings;
    QList<Pin> pins;
    // A hand-edited size ("size=2000000000") must not make the window read for minutes: there are
    // no more entries than groups in the array.
    const int size = qMin<qsizetype>(settings.beginReadArray(ArrayKey), settings.childGroups().size());
    for (int i = 0; i < size; ++i) {
        settings.setArrayIndex(i);
        Pin pin;
        pin.host = settings.value(QStringLiteral("host")).toString();
        pin.service = settings.value(QStringLiteral("service")).toString();
        pin.sha256 = QByteArray::fromHex(settings.value(QStringLiteral("sha256")).toByteArray());
        pin.pinnedAt = settings.value(QStringLiteral("pinnedAt")).toDateTime();
        // A hand-edited entry that is not a SHA-256 would pin nothing: it is left out.
        if (!pin.host.isEmpty() && pin.sha256.size() == 32)
            pins.append(pin);
    }
    settings.endArray();
    return pins;
}

QByteArray PinStore::pin(const QString &host, const QString &service)
{
    for (const Pin &pin : pins()) {
        if (sameTarget(pin, host, service))
            return pin.sha256;
    }
    return {};
}

void PinStore::setPin(const QString &host, const QString &service, const QByteArray &sha256)
{
    QList<Pin> all = pins();
    all.removeIf([&](const Pin &pin) { return sameTarget(pin, host, service); });
    all.append(Pin{host, service, sha256, QDateTime::currentDateTimeUtc()});
    write(all);
}

void PinStore::removePin(const QString &host, const QString &service)
{
    QList<Pin> all = pins();
    all.removeIf([&](const Pin &pin) { return sameTarget(pin, host, service); });
    write(all);
}

void PinStore::write(const QList<Pin> &pins)
{
    QSettings settings;
    settings.remove(ArrayKey);
    settings.beginWriteArray(ArrayKey, int(pins.size()));
    for (int i = 0; i < pins.size(); ++i) {
        settings.setArrayIndex(i);
        settings.setValue(QStringLiteral("host"), pins.at(i).host);
        settings.setValue(QStringLiteral("service"), pins.at(i).service);
        settings.setValue(QStringLiteral("sha256"), pins.at(i).sha256.toHex());
        settings.setValue(QStringLiteral("pinnedAt"), pins.at(i).pinnedAt);
    }
    settings.endArray();
}

} // namespace SocketLab
