#include "messagemodel.h"

#include "bytes/payloadcodec.h"
#include "conversation/conversationrecord.h"
#include "text/errortext.h"
#include "text/stoptext.h"
#include "text/socketoptiontext.h"

#include <QLocale>

#include <cerrno>

namespace SocketLab {

namespace {

// Enough for a line of a chat protocol; the whole message is in the byte views.
constexpr qint64 PreviewBytes = 96;

} // namespace

MessageModel::MessageModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void MessageModel::reset(std::shared_ptr<const ConversationRecord> record)
{
    beginResetModel();
    m_record = std::move(record);
    m_events.clear();
    endResetModel();
}

void MessageModel::appendEvents(const QList<ConversationEvent> &events)
{
    if (events.isEmpty())
        return;
    beginInsertRows({}, int(m_events.size()), int(m_events.size() + events.size()) - 1);
    m_events.append(events);
    endInsertRows();
}

void MessageModel::setColors(const ConversationColors &colors)
{
    m_colors = colors;
    if (!m_events.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_events.size()) - 1, ColumnCount - 1), {Qt::ForegroundRole});
}

void MessageModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_events.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_events.size()) - 1, ColumnCount - 1));
}

int MessageModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int MessageModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString MessageModel::describe(const ConversationEvent &event)
{
    using Kind = ConversationEvent::Kind;
    switch (event.kind) {
    case Kind::Connected:
        return tr("Connected");
    case Kind::Sent:
        return event.peer.isValid() ? tr("Sent to %1").arg(event.peer.toString()) : tr("Sent");
    case Kind::Received:
        return event.peer.isValid() ? tr("Received from %1").arg(event.peer.toString()) : tr("Received");
    case Kind::ShutdownWrite:
        return tr("shutdown(SHUT_WR)");
    case Kind::ShutdownBoth:
        return tr("shutdown(SHUT_RDWR)");
    case Kind::Closed:
        return tr("close()");
    case Kind::PeerClosed:
        return tr("Peer closed (FIN)");
    case Kind::PeerReset:
        return tr("Peer reset (RST)");
    case Kind::Failed:
        return event.error.kind == NetError::Kind::Cancelled ? tr("Disconnected") : tr("Failed");
    case Kind::OptionSet:
        // The C names, as the trace writes them: the same in every language.
        return QStringLiteral("setsockopt(%1)").arg(event.option->systemName);
    }
    return {};
}

void MessageModel::setEndNames(const QString &local, const QString &peer)
{
    // Set again on every refresh of a live view: only a change repaints the column.
    if (local == m_localName && peer == m_peerName)
        return;
    m_localName = local;
    m_peerName = peer;
    if (!m_events.isEmpty())
        emit dataChanged(index(0, DirectionColumn), index(int(m_events.size()) - 1, DirectionColumn));
}

QString MessageModel::directionText(const ConversationEvent &event) const
{
    if (m_localName.isEmpty() && m_peerName.isEmpty())
        return describe(event);
    using Kind = ConversationEvent::Kind;
    switch (event.kind) {
    case Kind::Sent:
        return tr("%1 → %2", "who spoke → who it went to").arg(m_localName, m_peerName);
    case Kind::Received:
        return tr("%1 → %2", "who spoke → who it went to").arg(m_peerName, m_localName);
    // This end's half-close is the local end's FIN passed on: the watcher made no call of its own.
    case Kind::ShutdownWrite:
        return tr("FIN from %1").arg(m_localName);
    case Kind::PeerClosed:
        return tr("FIN from %1").arg(m_peerName);
    case Kind::PeerReset:
        return tr("RST from %1").arg(m_peerName);
    // A watched connection's local end that resets fails with ECONNRESET (or EPIPE): its RST, passed on.
    case Kind::Failed:
        if (event.error.kind == NetError::Kind::System
            && (event.error.systemCode == ECONNRESET || event.error.systemCode == EPIPE))
            return tr("RST from %1").arg(m_localName);
        return describe(event);
    default:
        return describe(event);
    }
}

QString MessageModel::preview(const ConversationEvent &event) const
{
    if (event.kind == ConversationEvent::Kind::OptionSet)
        return describeOptionOutcome(*event.option);
    if (!event.carriesBytes()) {
        if (event.error.isError() && event.error.kind != NetError::Kind::Cancelled)
            return ErrorText::describe(event.error);
        if (event.closeNotifyMissing)
            return describeCloseNotifyMissing();
        return {};
    }
    if (!m_record)
        return {};
    const ByteStore &store = event.kind == ConversationEvent::Kind::Sent ? m_record->sent() : m_record->received();
    const QByteArray bytes = store.read(event.offset, std::min(event.size, PreviewBytes));
    // One line a row, written as the editor's Escapes mode writes it: "HELLO\r\n", so a preview can be
    // typed back to send the same bytes.
    QString text = PayloadCodec::encodeEscaped(bytes);
    if (event.size > PreviewBytes)
        text += QStringLiteral("…");
    return text;
}

QColor MessageModel::color(const ConversationEvent &event) const
{
    using Kind = ConversationEvent::Kind;
    switch (event.kind) {
    case Kind::Sent:
    case Kind::ShutdownWrite:
    case Kind::ShutdownBoth:
    case Kind::Closed:
        return m_colors.sent;
    case Kind::OptionSet:
        return event.option->error.isError() ? m_colors.error : m_colors.line;
    case Kind::Received:
    case Kind::PeerClosed:
        return m_colors.received;
    case Kind::PeerReset:
    case Kind::Failed:
        return m_colors.error;
    case Kind::Connected:
        return m_colors.line;
    }
    return {};
}

QVariant MessageModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_events.size())
        return {};
    const ConversationEvent &event = m_events.at(index.row());
    const QLocale locale;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return locale.toString(double(event.timeUs) / 1000.0, 'f', 3);
        case DirectionColumn:
            return directionText(event);
        case SizeColumn:
            return event.carriesBytes() ? locale.toString(event.size) : QString();
        case PreviewColumn:
            return preview(event);
        default:
            return {};
        }
    case Qt::ForegroundRole:
        if (m_colors.sent.isValid())
            return color(event);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == TimeColumn || index.column() == SizeColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        if (index.column() == PreviewColumn)
            return preview(event);
        if (index.column() == SizeColumn && event.truncated)
            return tr("The datagram was larger than the receive buffer: the rest was lost (MSG_TRUNC).");
        return {};
    default:
        return {};
    }
}

QVariant MessageModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case TimeColumn: return tr("Time (ms)");
        case DirectionColumn: return tr("Direction");
        case SizeColumn: return tr("Size");
        case PreviewColumn: return tr("Bytes");
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case TimeColumn: return tr("When the call returned, since the conversation started");
        case SizeColumn: return tr("The bytes of this send() or recv(), in bytes");
        case PreviewColumn: return tr("The start of the message; choose the row to see all of it in hex and as text");
        default: return {};
        }
    }
    return {};
}

} // namespace SocketLab
