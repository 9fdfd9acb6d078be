#pragma once

#include "conversation/conversationevent.h"
#include "conversation/conversationeventlist.h"
#include "conversationcolors.h"

#include <QAbstractTableModel>
#include <QList>

#include <memory>

namespace SocketLab {

class ConversationRecord;

// A conversation's events as table rows in time order, one row per event as the ladder has them:
// each send and each recv() (or datagram) with its time, direction, size and the start of its bytes,
// and the calls and events that end a direction or the connection (shutdown(), close(), FIN, RST,
// an error) in rows of their own. Sent and received rows are coloured apart.
class MessageModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, DirectionColumn, SizeColumn, PreviewColumn, ColumnCount };

    explicit MessageModel(QObject *parent = nullptr);

    // A new conversation: no rows; the previews are read from this record's stores.
    void reset(std::shared_ptr<const ConversationRecord> record);
    // The events recorded since the last append, in time order.
    void appendEvents(const QList<ConversationEvent> &events);
    const ConversationEvent &eventAt(int row) const { return m_events.at(row); }

    void setColors(const ConversationColors &colors);
    // The language changed: headers and the words in the cells are asked for again.
    void retranslate();

    // What the Direction column says of an event: "Sent", "Received from 127.0.0.1:7", "Peer closed (FIN)".
    static QString describe(const ConversationEvent &event);
    // For a conversation SocketLab relays rather than holds: the two ends' names (a relay's "client"
    // and its target), and the rows say who spoke ("client → 127.0.0.1:8080") and whose FIN or RST
    // passed. Empty: describe()'s words, this end's point of view.
    void setEndNames(const QString &local, const QString &peer);
    // What this model's Direction column says of an event.
    QString directionText(const ConversationEvent &event) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString preview(const ConversationEvent &event) const;
    QColor color(const ConversationEvent &event) const;

    std::shared_ptr<const ConversationRecord> m_record;
    ConversationEventList m_events;
    ConversationColors m_colors;
    QString m_localName;
    QString m_peerName;
};

} // namespace SocketLab
