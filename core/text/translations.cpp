#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

#include <memory>

namespace SocketLab::Translations {

namespace {

// Owned here for the life of the process: QCoreApplication only keeps pointers to installed translators.
struct Installed
{
    std::unique_ptr<QTranslator> socketLab;
    std::unique_ptr<QTranslator> qt;
    QString language;
};

Installed &installed()
{
    static Installed state;
    return state;
}

} // namespace

QStringList available()
{
    return {QStringLiteral("en"), QStringLiteral("fr")};
}

QString languageFor(const QLocale &locale)
{
    return locale.language() == QLocale::French ? QStringLiteral("fr") : QStringLiteral("en");
}

bool install(const QString &language)
{
    Installed &state = installed();
    for (auto *translator : {state.socketLab.get(), state.qt.get()})
        if (translator)
            QCoreApplication::removeTranslator(translator);

    auto socketLab = std::make_unique<QTranslator>();
    const bool found = socketLab->load(QStringLiteral(":/i18n/socketlab_%1.qm").arg(language));
    auto qt = std::make_unique<QTranslator>();
    const bool qtFound = language != QLatin1StringView("en")
                         && qt->load(QStringLiteral("qtbase_%1").arg(language), QLibraryInfo::path(QLibraryInfo::TranslationsPath));

    // Numbers, dates and units read as in the chosen language; the system's own variant of it
    // (fr_CA, en_GB) is kept when it is one.
    const QLocale system = QLocale::system();
    QLocale::setDefault(languageFor(system) == language ? system : QLocale(language));

    if (qtFound) {
        QCoreApplication::installTranslator(qt.get());
        state.qt = std::move(qt);
    } else {
        state.qt.reset();
    }
    if (found) {
        QCoreApplication::installTranslator(socketLab.get());
        state.socketLab = std::move(socketLab);
    } else {
        state.socketLab.reset();
    }
    state.language = language;
    return found;
}

QString current()
{
    return installed().language;
}

} // namespace SocketLab::Translations
