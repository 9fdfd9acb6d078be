#include "tracemodel.h"

#include "net/neterror.h"
#include "text/errortext.h"

#include <QFontDatabase>
#include <QLocale>
#include <QStringList>
#include <QTextDocument>

#include <algorithm>

namespace SocketLab {

namespace {

// The same call: only what a fold leaves alone.
bool sameCall(const TraceEntry &a, const TraceEntry &b)
{
    return a.timeUs == b.timeUs && a.call == b.call && a.args == b.args && a.errnoCode == b.errnoCode;
}

bool sameEntry(const TraceEntry &a, const TraceEntry &b)
{
    return sameCall(a, b) && a.result == b.result && a.count == b.count && a.totalBytes == b.totalBytes
        && a.lastTimeUs == b.lastTimeUs;
}

bool isFolded(const TraceEntry &entry)
{
    return entry.count > 1;
}

QString milliseconds(qint64 us)
{
    return QLocale().toString(double(us) / 1000.0, 'f', 3);
}

// A spreadsheet takes a tab or a line break inside a cell as the start of a new cell or row.
QString tsvCell(QString text)
{
    for (QChar &c : text) {
        if (c == u'\t' || c == u'\n' || c == u'\r')
            c = u' ';
    }
    return text;
}

} // namespace

// What OpenSSL's outcome of a TLS call means, for the symbols a handshake and a transfer meet.
QString TraceModel::statusMeaning(const TraceEntry &entry)
{
    const QString &status = entry.status;
    if (status == QLatin1String("SSL_ERROR_WANT_READ"))
        return tr("waits for the peer's next TLS record");
    if (status == QLatin1String("SSL_ERROR_WANT_WRITE"))
        return tr("waits until the socket can take more");
    if (status == QLatin1String("SSL_ERROR_ZERO_RETURN"))
        return tr("the peer ended TLS with close_notify");
    if (status == QLatin1String("SSL_ERROR_SYSCALL"))
        return tr("the connection failed under TLS");
    if (status == QLatin1String("SSL_ERROR_SSL"))
        return tr("TLS protocol error");
    if (status == QLatin1String("pin matches"))
        return tr("the certificate is the one trusted for this host");
    if (status.startsWith(QLatin1String("X509_V_ERR_")))
        return tr("the certificate check failed");
    return {};
}

TraceModel::TraceModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void TraceModel::setEntries(const QList<TraceEntry> &entries)
{
    if (!continuesFrom(0, entries)) {
        // A long-running trace lets its oldest entries go: their rows leave, the others stay.
        const qsizetype dropped = entries.isEmpty() ? -1 : rowOf(entries.first());
        if (dropped <= 0 || !continuesFrom(dropped, entries)) {
            beginResetModel();
            m_entries = entries;
            endResetModel();
            return;
        }
        beginRemoveRows({}, 0, int(dropped - 1));
        m_entries.remove(0, dropped);
        endRemoveRows();
    }

    const qsizetype old = m_entries.size();
    if (old > 0 && !sameEntry(m_entries.at(old - 1), entries.at(old - 1))) {
        m_entries[old - 1] = entries.at(old - 1);
        const int row = int(old - 1);
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
    if (entries.size() > old) {
        beginInsertRows({}, int(old), int(entries.size() - 1));
        m_entries.append(entries.sliced(old));
        endInsertRows();
    }
}

bool TraceModel::continuesFrom(qsizetype from, const QList<TraceEntry> &entries) const
{
    const qsizetype kept = m_entries.size() - from;
    if (entries.size() < kept)
        return false;
    for (qsizetype i = 0; i + 1 < kept; ++i) {
        if (!sameEntry(m_entries.at(from + i), entries.at(i)))
            return false;
    }
    return kept == 0 || sameCall(m_entries.last(), entries.at(kept - 1));
}

qsizetype TraceModel::rowOf(const TraceEntry &entry) const
{
    // Entries are in the order of their first call's time.
    auto it = std::lower_bound(m_entries.cbegin(), m_entries.cend(), entry.timeUs,
                               [](const TraceEntry &e, qint64 timeUs) { return e.timeUs < timeUs; });
    for (; it != m_entries.cend() && it->timeUs == entry.timeUs; ++it) {
        if (sameCall(*it, entry))
            return it - m_entries.cbegin();
    }
    return -1;
}

void TraceModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_entries.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::DisplayRole, Qt::ToolTipRole});
}

void TraceModel::clear()
{
    setEntries({});
}

int TraceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int TraceModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TraceModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TraceEntry &entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayText(entry, index.column());
    case Qt::ToolTipRole:
        return toolTip(entry, index.column());
    case Qt::TextAlignmentRole:
        switch (index.column()) {
        case Time:
        case Result:
        case Calls:
        case Bytes:
            return int(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return int(Qt::AlignLeft | Qt::AlignVCenter);
        }
    case Qt::FontRole:
        if (index.column() == Arguments)
            return QFontDatabase::systemFont(QFontDatabase::FixedFont);
        return {};
    default:
        return {};
    }
}

QString TraceModel::displayText(const TraceEntry &entry, int column) const
{
    switch (column) {
    case Time:
        return milliseconds(entry.timeUs);
    case Call:
        return entry.call;
    case Arguments:
        return entry.args;
    case Result:
        return QString::number(entry.result);
    case Calls:
        return isFolded(entry) ? tr("×%1").arg(QLocale().toString(entry.count)) : QString();
    case Bytes:
        return isFolded(entry) && entry.totalBytes > 0 ? QLocale().toString(entry.totalBytes) : QString();
    case Errno:
        return entry.errnoCode != 0 ? errnoName(entry.errnoCode) : entry.status;
    case Meaning: {
        if (entry.errnoCode != 0)
            return ErrorText::errnoMeaning(entry.errnoCode);
        // OpenSSL's own words say most ("wrong version number"); the symbol's meaning says the rest.
        const QString meaning = statusMeaning(entry);
        if (entry.statusDetail.isEmpty())
            return meaning;
        return meaning.isEmpty() ? entry.statusDetail : tr("%1: %2").arg(meaning, entry.statusDetail);
    }
    default:
        return {};
    }
}

QString TraceModel::toolTip(const TraceEntry &entry, int column) const
{
    switch (column) {
    case Time:
        if (isFolded(entry)) {
            return tr("First call at %1 ms, last at %2 ms")
                .arg(milliseconds(entry.timeUs), milliseconds(entry.lastTimeUs));
        }
        return tr("%1 ms after the start").arg(milliseconds(entry.timeUs));
    case Call:
    case Arguments:
        // Plain text made safe: arguments may hold "<" that a tooltip would take for markup.
        return Qt::convertFromPlainText(QStringLiteral("%1(%2)").arg(entry.call, entry.args), Qt::WhiteSpaceNormal);
    case Calls:
    case Bytes:
        if (!isFolded(entry))
            return {};
        if (entry.totalBytes > 0) {
            return tr("%Ln calls folded into this row, moving %1 bytes in all", nullptr, entry.count)
                .arg(QLocale().toString(entry.totalBytes));
        }
        return tr("%Ln identical calls folded into this row", nullptr, entry.count);
    case Errno:
    case Meaning:
        if (entry.errnoCode == 0 && !entry.status.isEmpty()) {
            const QString meaning = displayText(entry, Meaning);
            return meaning.isEmpty() ? entry.status : tr("%1 (%2)").arg(meaning, entry.status);
        }
        if (entry.errnoCode == 0)
            return {};
        return tr("%1 (%2, errno %3)")
            .arg(ErrorText::errnoMeaning(entry.errnoCode), errnoName(entry.errnoCode))
            .arg(entry.errnoCode);
    default:
        return {};
    }
}

QVariant TraceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case Time: return tr("Time (ms)");
        case Call: return tr("Call");
        case Arguments: return tr("Arguments");
        case Result: return tr("Result");
        case Calls: return tr("Calls");
        case Bytes: return tr("Bytes");
        case Errno: return tr("errno");
        case Meaning: return tr("Meaning");
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Time: return tr("When the call returned, in milliseconds since the exchange started");
        case Result: return tr("What the call returned (of the first call, for folded rows)");
        case Calls: return tr("How many identical calls a folded row stands for");
        case Bytes: return tr("Bytes moved by all the calls of a folded row");
        case Errno: return tr("The error code when the call failed, or the outcome a TLS call reported");
        default: return {};
        }
    }
    if (role == Qt::TextAlignmentRole) {
        switch (section) {
        case Time:
        case Result:
        case Calls:
        case Bytes:
            return int(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return int(Qt::AlignLeft | Qt::AlignVCenter);
        }
    }
    return {};
}

QString TraceModel::toTsv(const QList<int> &rows) const
{
    QStringList lines;
    QStringList cells;
    for (int column = 0; column < ColumnCount; ++column)
        cells.append(tsvCell(headerData(column, Qt::Horizontal).toString()));
    lines.append(cells.join(u'\t'));
    for (int row : rows) {
        if (row < 0 || row >= m_entries.size())
            continue;
        cells.clear();
        for (int column = 0; column < ColumnCount; ++column)
            cells.append(tsvCell(displayText(m_entries.at(row), column)));
        lines.append(cells.join(u'\t'));
    }
    return lines.join(u'\n') + u'\n';
}

} // namespace SocketLab
