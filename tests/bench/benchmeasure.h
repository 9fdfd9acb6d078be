#pragma once

#include <QByteArray>
#include <QRegularExpression>
#include <QString>

#include <algorithm>
#include <ctime>
#include <optional>

// What the benchmark programs share: a clock, medians, sizes as people type them.
namespace BenchMeasure {

constexpr qint64 MiB = 1024 * 1024;

inline qint64 monotonicUs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1000000 + ts.tv_nsec / 1000;
}

inline qint64 monotonicNs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

// This process's CPU time, every thread of it.
inline qint64 processCpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

inline double toMs(qint64 ns)
{
    return double(ns) / 1e6;
}

// The median of a QList or std::vector of numbers; 0 for none.
template<typename List>
double median(List values)
{
    if (values.empty())
        return 0.0;
    std::sort(values.begin(), values.end());
    const auto mid = values.size() / 2;
    return values.size() % 2 ? double(values[mid]) : (double(values[mid - 1]) + double(values[mid])) / 2.0;
}

// "1G", "64M", "256MiB", "4096K", "1048576": binary units, 1G being 2^30 bytes; nothing above max.
inline std::optional<qint64> parseSize(const QString &text, qint64 max = qint64(1) << 40)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d+)\\s*([KMG]?)(iB)?$"),
                                            QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = pattern.match(text.trimmed());
    if (!match.hasMatch())
        return std::nullopt;
    bool ok = false;
    const qint64 count = match.captured(1).toLongLong(&ok);
    const QString unit = match.captured(2).toUpper();
    const qint64 scale = unit == QLatin1StringView("K") ? 1024 : unit == QLatin1StringView("M") ? MiB
                       : unit == QLatin1StringView("G") ? 1024 * MiB : 1;
    if (!ok || count <= 0 || count > max / scale)
        return std::nullopt;
    return count * scale;
}

inline QByteArray sizeText(qint64 bytes)
{
    if (bytes % (1024 * MiB) == 0)
        return QByteArray::number(bytes / (1024 * MiB)) + " GiB";
    if (bytes % MiB == 0)
        return QByteArray::number(bytes / MiB) + " MiB";
    return QByteArray::number(bytes) + " B";
}

} // namespace BenchMeasure
