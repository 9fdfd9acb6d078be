#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

namespace SocketLab::Translations {

// The languages SocketLab is translated into, as ISO 639-1 codes: "en", "fr".
QStringList available();

// The language to start in for a locale: French for any French locale, English otherwise.
QString languageFor(const QLocale &locale);

// Replaces the translators of the application by SocketLab's and Qt's own for language (Qt's from
// Debian's qt6-translations-l10n, when present), and makes numbers follow that language. Every widget
// then receives a LanguageChange event. False if SocketLab's translation for it is missing.
bool install(const QString &language);

// The language installed last, or an empty string.
QString current();

} // namespace SocketLab::Translations
