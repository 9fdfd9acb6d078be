#include "storedsettings.h"

#include <QLocale>

namespace SocketLab {

QString StoredSettings::versionKey()
{
    return QStringLiteral("settingsVersion");
}

StoredSettings::StoredSettings(const QSettings &settings)
    : m_settings(settings)
{
    if (settings.status() == QSettings::FormatError) {
        m_readable = false;
        m_unparsable = true;
        return;
    }
    // No key: a file of the first format, written before the key existed.
    if (!settings.contains(versionKey()))
        return;
    bool ok = false;
    const int version = settings.value(versionKey()).toString().toInt(&ok);
    if (!ok || version < 1) {
        refuse(versionKey());
        return;
    }
    if (version > FormatVersion) {
        m_readable = false;
        m_newerVersion = version;
    }
}

void StoredSettings::stamp(QSettings &settings)
{
    settings.setValue(versionKey(), FormatVersion);
}

void StoredSettings::refuse(const QString &key)
{
    if (!m_refused.contains(key))
        m_refused.append(key);
}

bool StoredSettings::contains(const QString &key) const
{
    return m_readable && m_settings.contains(key);
}

int StoredSettings::integer(const QString &key, int defaultValue, int minimum, int maximum)
{
    if (!contains(key))
        return defaultValue;
    const QVariant value = m_settings.value(key);
    bool ok = false;
    int number = 0;
    // An INI file gives every number back as text; a native store may keep it as a number.
    if (value.typeId() == QMetaType::QString)
        number = value.toString().trimmed().toInt(&ok);
    else if (value.typeId() == QMetaType::Int || value.typeId() == QMetaType::LongLong || value.typeId() == QMetaType::UInt)
        number = value.toInt(&ok);
    if (!ok || number < minimum || number > maximum) {
        refuse(key);
        return defaultValue;
    }
    return number;
}

bool StoredSettings::boolean(const QString &key, bool defaultValue)
{
    if (!contains(key))
        return defaultValue;
    const QVariant value = m_settings.value(key);
    if (value.typeId() == QMetaType::Bool)
        return value.toBool();
    const QString text = value.typeId() == QMetaType::QString ? value.toString().trimmed() : QString();
    // QVariant would read any other text as true.
    if (text == QLatin1String("true") || text == QLatin1String("1"))
        return true;
    if (text == QLatin1String("false") || text == QLatin1String("0"))
        return false;
    refuse(key);
    return defaultValue;
}

QString StoredSettings::string(const QString &key, const QString &defaultValue)
{
    if (!contains(key))
        return defaultValue;
    const QVariant value = m_settings.value(key);
    // A list (an INI value with a comma) or anything else is no text this window wrote.
    if (value.typeId() != QMetaType::QString) {
        refuse(key);
        return defaultValue;
    }
    return value.toString();
}

QString StoredSettings::choice(const QString &key, const QString &defaultValue, const QStringList &allowed)
{
    const QString value = string(key, defaultValue);
    if (allowed.contains(value))
        return value;
    refuse(key);
    return defaultValue;
}

QByteArray StoredSettings::bytes(const QString &key, const QByteArray &defaultValue)
{
    if (!contains(key))
        return defaultValue;
    const QVariant value = m_settings.value(key);
    if (value.typeId() == QMetaType::QByteArray)
        return value.toByteArray();
    // An empty value reads back as an empty text, whatever was written.
    if (value.typeId() == QMetaType::QString && value.toString().isEmpty())
        return {};
    refuse(key);
    return defaultValue;
}

StoredSettings::Problem StoredSettings::problem() const
{
    Problem problem;
    problem.file = m_settings.fileName();
    if (m_unparsable)
        problem.kind = Problem::Kind::Unparsable;
    else if (m_newerVersion > 0)
        problem.kind = Problem::Kind::NewerVersion;
    else if (!m_refused.isEmpty())
        problem.kind = Problem::Kind::RefusedValues;
    problem.keys = m_refused;
    problem.version = m_newerVersion;
    return problem;
}

QString StoredSettings::summary(const Problem &problem)
{
    switch (problem.kind) {
    case Problem::Kind::None: return {};
    case Problem::Kind::Unparsable: return tr("The saved settings could not be read: defaults used.");
    case Problem::Kind::NewerVersion: return tr("Settings saved by a newer SocketLab: defaults used, file left alone.");
    case Problem::Kind::RefusedValues:
        return tr("%n saved setting(s) reset to the default.", nullptr, int(problem.keys.size()));
    }
    return {};
}

QString StoredSettings::details(const Problem &problem)
{
    switch (problem.kind) {
    case Problem::Kind::None: return {};
    case Problem::Kind::Unparsable:
        return tr("The saved settings could not be read: the window starts with its defaults (%1).").arg(problem.file);
    case Problem::Kind::NewerVersion:
        return tr("The saved settings are from a newer SocketLab (format %1, this one reads %2): the window starts "
                  "with its defaults and leaves them as they are (%3).")
            .arg(QLocale().toString(problem.version), QLocale().toString(FormatVersion), problem.file);
    case Problem::Kind::RefusedValues:
        return tr("%n saved setting(s) had a value this SocketLab cannot use and went back to the default:", nullptr,
                  int(problem.keys.size()))
               + QLatin1Char('\n') + problem.keys.join(QLatin1Char('\n')) + QStringLiteral("\n\n")
               + tr("File: %1").arg(problem.file);
    }
    return {};
}

} // namespace SocketLab
