#include "httpsystemvariables.h"

#include "collections/regularfile.h"

#include <QDir>
#include <QLocale>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUuid>

namespace SocketLab {

namespace {

using Kind = CollectionError::Kind;

// The words after the variable's name; "..." and '...' hold a format with spaces.
QStringList arguments(const QString &text)
{
    QStringList words;
    qsizetype i = 0;
    while (i < text.size()) {
        if (text.at(i).isSpace()) {
            ++i;
            continue;
        }
        const QChar quote = text.at(i);
        if (quote == QLatin1Char('"') || quote == QLatin1Char('\'')) {
            const qsizetype close = text.indexOf(quote, i + 1);
            const qsizetype end = close < 0 ? text.size() : close;
            words.append(text.mid(i + 1, end - i - 1));
            i = end + 1;
            continue;
        }
        qsizetype end = i;
        while (end < text.size() && !text.at(end).isSpace())
            ++end;
        words.append(text.mid(i, end - i));
        i = end;
    }
    return words;
}

// REST Client's "[offset option]": a whole number and a unit of moment.js (y M w d h m s ms).
bool applyOffset(const QStringList &words, qsizetype from, QDateTime *when)
{
    if (words.size() == from)
        return true;
    if (words.size() != from + 2)
        return false;
    bool ok = false;
    const qint64 amount = words.at(from).toLongLong(&ok);
    if (!ok)
        return false;
    const QString &unit = words.at(from + 1);
    // Each unit's length in ms: an offset past 10,000 years either way is refused, so no product
    // below overflows and the date stays one QDateTime holds.
    static const QHash<QString, qint64> unitMs{{QStringLiteral("y"), qint64(31'557'600'000)}, {QStringLiteral("M"), qint64(2'629'800'000)},
                                              {QStringLiteral("w"), qint64(604'800'000)}, {QStringLiteral("d"), qint64(86'400'000)},
                                              {QStringLiteral("h"), qint64(3'600'000)}, {QStringLiteral("m"), qint64(60'000)},
                                              {QStringLiteral("s"), qint64(1000)}, {QStringLiteral("ms"), qint64(1)}};
    constexpr qint64 MaxOffsetMs = qint64(10'000) * 31'557'600'000;
    const auto length = unitMs.constFind(unit);
    if (length == unitMs.constEnd() || amount > MaxOffsetMs / *length || amount < -(MaxOffsetMs / *length))
        return false;
    if (unit == QLatin1StringView("y"))
        *when = when->addYears(int(amount));
    else if (unit == QLatin1StringView("M"))
        *when = when->addMonths(int(amount));
    else if (unit == QLatin1StringView("w") || unit == QLatin1StringView("d"))
        *when = when->addDays(amount * (unit == QLatin1StringView("w") ? 7 : 1));
    else
        *when = when->addMSecs(amount * *length);
    return when->isValid();
}

QString zone(const QDateTime &when, bool colon)
{
    const int offset = when.offsetFromUtc();
    const int minutes = std::abs(offset) / 60;
    return QString::asprintf(colon ? "%c%02d:%02d" : "%c%02d%02d", offset < 0 ? '-' : '+', minutes / 60, minutes % 60);
}

// A format of moment.js tokens (YYYY-MM-DD HH:mm:ss.SSS Z, [literal]), as REST Client reads it.
QString formatMoment(const QDateTime &when, const QString &format)
{
    static const QStringList tokens{QStringLiteral("YYYY"), QStringLiteral("YY"), QStringLiteral("MMMM"), QStringLiteral("MMM"),
                                    QStringLiteral("MM"), QStringLiteral("M"), QStringLiteral("DD"), QStringLiteral("D"),
                                    QStringLiteral("dddd"), QStringLiteral("ddd"), QStringLiteral("HH"), QStringLiteral("H"),
                                    QStringLiteral("hh"), QStringLiteral("h"), QStringLiteral("mm"), QStringLiteral("m"),
                                    QStringLiteral("ss"), QStringLiteral("s"), QStringLiteral("SSS"), QStringLiteral("A"),
                                    QStringLiteral("a"), QStringLiteral("ZZ"), QStringLiteral("Z"), QStringLiteral("X"),
                                    QStringLiteral("x")};
    const QLocale c = QLocale::c();
    const QDate date = when.date();
    const QTime time = when.time();
    const auto two = [](int n) { return QString::number(n).rightJustified(2, QLatin1Char('0')); };
    QString out;
    qsizetype i = 0;
    while (i < format.size()) {
        if (format.at(i) == QLatin1Char('[')) {
            const qsizetype close = format.indexOf(QLatin1Char(']'), i + 1);
            if (close > i) {
                out += format.mid(i + 1, close - i - 1);
                i = close + 1;
                continue;
            }
        }
        QString token;
        for (const QString &candidate : tokens) {
            if (QStringView(format).mid(i).startsWith(candidate)) {
                token = candidate;
                break;
            }
        }
        const int hour12 = time.hour() % 12 == 0 ? 12 : time.hour() % 12;
        if (token.isEmpty())
            out += format.at(i);
        else if (token == QLatin1StringView("YYYY"))
            out += QString::number(date.year()).rightJustified(4, QLatin1Char('0'));
        else if (token == QLatin1StringView("YY"))
            out += two(date.year() % 100);
        else if (token == QLatin1StringView("MMMM"))
            out += c.monthName(date.month(), QLocale::LongFormat);
        else if (token == QLatin1StringView("MMM"))
            out += c.monthName(date.month(), QLocale::ShortFormat);
        else if (token == QLatin1StringView("MM"))
            out += two(date.month());
        else if (token == QLatin1StringView("M"))
            out += QString::number(date.month());
        else if (token == QLatin1StringView("DD"))
            out += two(date.day());
        else if (token == QLatin1StringView("D"))
            out += QString::number(date.day());
        else if (token == QLatin1StringView("dddd"))
            out += c.dayName(date.dayOfWeek(), QLocale::LongFormat);
        else if (token == QLatin1StringView("ddd"))
            out += c.dayName(date.dayOfWeek(), QLocale::ShortFormat);
        else if (token == QLatin1StringView("HH"))
            out += two(time.hour());
        else if (token == QLatin1StringView("H"))
            out += QString::number(time.hour());
        else if (token == QLatin1StringView("hh"))
            out += two(hour12);
        else if (token == QLatin1StringView("h"))
            out += QString::number(hour12);
        else if (token == QLatin1StringView("mm"))
            out += two(time.minute());
        else if (token == QLatin1StringView("m"))
            out += QString::number(time.minute());
        else if (token == QLatin1StringView("ss"))
            out += two(time.second());
        else if (token == QLatin1StringView("s"))
            out += QString::number(time.second());
        else if (token == QLatin1StringView("SSS"))
            out += QString::number(time.msec()).rightJustified(3, QLatin1Char('0'));
        else if (token == QLatin1StringView("A"))
            out += time.hour() < 12 ? QStringLiteral("AM") : QStringLiteral("PM");
        else if (token == QLatin1StringView("a"))
            out += time.hour() < 12 ? QStringLiteral("am") : QStringLiteral("pm");
        else if (token == QLatin1StringView("ZZ"))
            out += zone(when, false);
        else if (token == QLatin1StringView("Z"))
            out += zone(when, true);
        else if (token == QLatin1StringView("X"))
            out += QString::number(when.toSecsSinceEpoch());
        else if (token == QLatin1StringView("x"))
            out += QString::number(when.toMSecsSinceEpoch());
        i += token.isEmpty() ? 1 : token.size();
    }
    return out;
}

// $datetime and $localDatetime: UTC as JavaScript's toUTCString()/toISOString() write it; local
// time as moment.js does, with the zone's offset.
std::optional<QString> dateTime(const QStringList &words, QDateTime now, bool local)
{
    if (words.size() < 2 || !applyOffset(words, 2, &now))
        return std::nullopt;
    now = local ? now.toLocalTime() : now.toUTC();
    const QString &format = words.at(1);
    if (format == QLatin1StringView("rfc1123"))
        return formatMoment(now, local ? QStringLiteral("ddd, DD MMM YYYY HH:mm:ss ZZ") : QStringLiteral("ddd, DD MMM YYYY HH:mm:ss [GMT]"));
    if (format == QLatin1StringView("iso8601"))
        return formatMoment(now, local ? QStringLiteral("YYYY-MM-DDTHH:mm:ssZ") : QStringLiteral("YYYY-MM-DDTHH:mm:ss.SSS[Z]"));
    return formatMoment(now, format);
}

// KEY=VALUE lines, "#" comments, values in quotes taken without them, as the dotenv package reads them.
DotenvFile readDotenv(const QString &directory)
{
    DotenvFile dotenv;
    dotenv.read = true;
    if (directory.isEmpty())
        return dotenv;
    const RegularFileRead file = readRegularFile(QDir(directory).filePath(QStringLiteral(".env")), MaxDotenvBytes);
    if (file.outcome == RegularFileRead::Outcome::NotRegular || file.outcome == RegularFileRead::Outcome::TooLarge)
        dotenv.usable = false;
    for (const QByteArray &raw : file.bytes.split('\n')) {
        QString line = QString::fromUtf8(raw).trimmed();
        if (line.startsWith(QLatin1StringView("export ")))
            line = line.mid(7).trimmed();
        const qsizetype equals = line.indexOf(QLatin1Char('='));
        if (line.startsWith(QLatin1Char('#')) || equals <= 0)
            continue;
        QString value = line.mid(equals + 1).trimmed();
        if (value.size() >= 2 && (value.startsWith(QLatin1Char('"')) || value.startsWith(QLatin1Char('\'')))
            && value.endsWith(value.at(0))) {
            const bool expand = value.startsWith(QLatin1Char('"'));
            value = value.mid(1, value.size() - 2);
            if (expand)
                value.replace(QLatin1StringView("\\n"), QLatin1StringView("\n"));
        } else if (const qsizetype comment = value.indexOf(QLatin1StringView(" #")); comment >= 0) {
            value = value.left(comment).trimmed();
        }
        dotenv.values.insert(line.left(equals).trimmed(), value);
    }
    return dotenv;
}

// A uniform value from 0 up to, not including, span (not 0). Qt's bounded(quint64) shifts a 64-bit
// value by 64 (undefined) for a span of 1 or past 2^63, so the mask is made here.
quint64 uniformBelow(quint64 span)
{
    const int bits = 64 - qCountLeadingZeroBits(span - 1);
    const quint64 mask = bits >= 64 ? ~quint64(0) : (quint64(1) << bits) - 1;
    quint64 value = 0;
    do {
        value = QRandomGenerator::global()->generate64() & mask;
    } while (value >= span);
    return value;
}

QString randomOf(const QString &alphabet, qint64 length)
{
    QString out;
    for (qint64 i = 0; i < length; ++i)
        out += alphabet.at(QRandomGenerator::global()->bounded(int(alphabet.size())));
    return out;
}

} // namespace

VariableResolution resolveSystemVariable(const QString &name, const SystemVariableContext &context)
{
    if (!name.startsWith(QLatin1Char('$')))
        return VariableResolution::notMine();
    const QStringList words = arguments(name);
    const QString &head = words.constFirst();
    const QDateTime now = context.now ? *context.now : QDateTime::currentDateTimeUtc();
    const auto bad = [&name] { return VariableResolution::failed(Kind::BadSystemVariable, name); };

    if (head == QLatin1StringView("$guid") || head == QLatin1StringView("$uuid") || head == QLatin1StringView("$random.uuid"))
        return words.size() == 1 ? VariableResolution::of(QUuid::createUuid().toString(QUuid::WithoutBraces)) : bad();
    if (head == QLatin1StringView("$timestamp")) {
        QDateTime when = now;
        return applyOffset(words, 1, &when) ? VariableResolution::of(QString::number(when.toSecsSinceEpoch())) : bad();
    }
    if (head == QLatin1StringView("$isoTimestamp"))
        return words.size() == 1 ? VariableResolution::of(formatMoment(now.toUTC(), QStringLiteral("YYYY-MM-DDTHH:mm:ss.SSS[Z]"))) : bad();
    if (head == QLatin1StringView("$datetime") || head == QLatin1StringView("$localDatetime")) {
        const std::optional<QString> value = dateTime(words, now, head == QLatin1StringView("$localDatetime"));
        return value ? VariableResolution::of(*value) : bad();
    }
    static const QRegularExpression call(QStringLiteral(R"(^(\$random\.[a-z]+)(?:\(\s*([^)]*)\))?$)"));
    const QRegularExpressionMatch jetbrains = call.match(name.trimmed());
    if (head == QLatin1StringView("$randomInt") || (jetbrains.hasMatch() && jetbrains.captured(1) == QLatin1StringView("$random.integer"))) {
        // REST Client: MIN up to, not including, MAX; JetBrains: from 0 to 1000 without bounds.
        QStringList bounds = head == QLatin1StringView("$randomInt") ? words.mid(1) : jetbrains.captured(2).split(QLatin1Char(','), Qt::SkipEmptyParts);
        if (bounds.isEmpty())
            bounds = {QStringLiteral("0"), QStringLiteral("1001")};
        bool okLow = false, okHigh = false;
        const qint64 low = bounds.constFirst().trimmed().toLongLong(&okLow);
        const qint64 high = bounds.constLast().trimmed().toLongLong(&okHigh);
        if (bounds.size() != 2 || !okLow || !okHigh || high <= low)
            return bad();
        // high - low may not fit a qint64 (-2^63 to 2^63-1): the span is counted unsigned.
        const quint64 span = quint64(high) - quint64(low);
        return VariableResolution::of(QString::number(qint64(quint64(low) + uniformBelow(span))));
    }
    if (jetbrains.hasMatch()) {
        const QString kind = jetbrains.captured(1);
        bool ok = false;
        const qint64 length = jetbrains.captured(2).trimmed().toLongLong(&ok);
        const bool lengthOk = ok && length > 0 && length <= 1024 * 1024;
        const QString letters = QStringLiteral("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
        if (kind == QLatin1StringView("$random.alphabetic"))
            return lengthOk ? VariableResolution::of(randomOf(letters, length)) : bad();
        if (kind == QLatin1StringView("$random.alphanumeric"))
            return lengthOk ? VariableResolution::of(randomOf(letters + QStringLiteral("0123456789_"), length)) : bad();
        if (kind == QLatin1StringView("$random.hexadecimal"))
            return lengthOk ? VariableResolution::of(randomOf(QStringLiteral("0123456789abcdef"), length)) : bad();
    }
    if (head == QLatin1StringView("$processEnv") || head == QLatin1StringView("$dotenv") || head.startsWith(QLatin1StringView("$env."))) {
        QString variable = head.startsWith(QLatin1StringView("$env.")) ? head.mid(5) : words.value(1);
        if (variable.isEmpty() || words.size() != (head.startsWith(QLatin1StringView("$env.")) ? 1 : 2))
            return bad();
        // "%NAME": NAME is a variable of the file or environment whose value is the name to look up.
        if (variable.startsWith(QLatin1Char('%')) && !head.startsWith(QLatin1StringView("$env."))) {
            const auto indirect = context.variables.constFind(variable.mid(1));
            if (indirect == context.variables.constEnd())
                return VariableResolution::failed(Kind::UndefinedVariable, variable.mid(1));
            variable = *indirect;
        }
        if (head == QLatin1StringView("$dotenv")) {
            DotenvFile once;
            DotenvFile &dotenv = context.dotenv ? *context.dotenv : once;
            if (!dotenv.read)
                dotenv = readDotenv(context.directory);
            if (!dotenv.usable)
                return VariableResolution::failed(Kind::DotenvUnusable, variable);
            const auto value = dotenv.values.constFind(variable);
            return value != dotenv.values.constEnd() ? VariableResolution::of(*value)
                                                     : VariableResolution::failed(Kind::MissingDotenvVariable, variable);
        }
        if (!qEnvironmentVariableIsSet(variable.toLocal8Bit().constData()))
            return VariableResolution::failed(Kind::MissingProcessVariable, variable);
        return VariableResolution::of(qEnvironmentVariable(variable.toLocal8Bit().constData()));
    }
    return VariableResolution::failed(Kind::UnknownSystemVariable, head);
}

} // namespace SocketLab
