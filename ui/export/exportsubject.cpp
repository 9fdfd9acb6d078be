#include "exportsubject.h"

namespace SocketLab {

ExportSubject ExportSubject::ofExchange(std::shared_ptr<const ExchangeRecord> record)
{
    ExportSubject subject;
    subject.exchange = std::move(record);
    return subject;
}

ExportSubject ExportSubject::ofSavedConversation(const QString &path)
{
    ExportSubject subject;
    subject.savedConversationPath = path;
    return subject;
}

QString ExportSubject::suggestedName() const
{
    QString host;
    QString service;
    QString kind = QStringLiteral("conversation");
    if (exchange) {
        host = exchange->settings.host;
        service = exchange->settings.service;
        kind = QStringLiteral("exchange");
    } else if (conversation) {
        host = request.host;
        service = request.service;
    }
    QStringList parts{kind};
    for (const QString &part : {host, service}) {
        QString clean = part;
        // A file name keeps letters, digits, dots and dashes of the target; the rest becomes a dash.
        for (QChar &c : clean) {
            if (!c.isLetterOrNumber() && c != QLatin1Char('.') && c != QLatin1Char('-'))
                c = QLatin1Char('-');
        }
        if (!clean.isEmpty())
            parts << clean;
    }
    return parts.join(QLatin1Char('-'));
}

} // namespace SocketLab
