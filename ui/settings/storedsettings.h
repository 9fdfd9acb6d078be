#pragma once

#include <QCoreApplication>
#include <QSettings>
#include <QStringList>

namespace SocketLab {

// Reads back what the window saved, trusting none of it: the file may have been edited by hand,
// cut short, or written by a newer SocketLab. A value of the wrong type or out of its range gives
// the default, and its key is noted; a file from a newer format, or one QSettings cannot parse, is
// not read at all. problem() then says what was ignored, for the status bar's notice to tell in the
// language shown.
class StoredSettings
{
    Q_DECLARE_TR_FUNCTIONS(SocketLab::StoredSettings)
public:
    // The format of the keys the window writes. Raise it when a key changes meaning, so that an
    // older SocketLab reading the newer file leaves it alone rather than misreading it.
    static constexpr int FormatVersion = 1;
    static QString versionKey();

    explicit StoredSettings(const QSettings &settings);

    // False when nothing is read (a newer format, a file that does not parse): every reader gives
    // its default.
    bool readable() const { return m_readable; }
    // True when the file is from a newer SocketLab: the window must not write over it.
    bool fromNewerVersion() const { return m_newerVersion > 0; }

    bool contains(const QString &key) const;
    int integer(const QString &key, int defaultValue, int minimum, int maximum);
    bool boolean(const QString &key, bool defaultValue);
    QString string(const QString &key, const QString &defaultValue);
    QByteArray bytes(const QString &key, const QByteArray &defaultValue = {});
    // A text that must be one of allowed (a language code).
    QString choice(const QString &key, const QString &defaultValue, const QStringList &allowed);

    // What was ignored, kept apart from its wording so that a notice can say it again in another
    // language.
    struct Problem
    {
        enum class Kind { None, Unparsable, NewerVersion, RefusedValues };
        Kind kind = Kind::None;
        // The keys whose value was refused, in the order they were read (RefusedValues).
        QStringList keys;
        int version = 0;
        QString file;
    };

    // The keys whose value was refused, in the order they were read.
    QStringList refusedKeys() const { return m_refused; }
    Problem problem() const;
    // One short translated sentence, short enough for the status bar beside the servers' addresses,
    // or an empty string when all was well.
    static QString summary(const Problem &problem);
    // Everything about it: each refused key on a line of its own, the file. Empty when all was well.
    static QString details(const Problem &problem);

    // Marks settings as written in this format.
    static void stamp(QSettings &settings);

private:
    void refuse(const QString &key);

    const QSettings &m_settings;
    bool m_readable = true;
    bool m_unparsable = false;
    int m_newerVersion = 0;
    QStringList m_refused;
};

} // namespace SocketLab
