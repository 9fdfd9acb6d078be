#include "conversation/conversationeventlist.h"
#include "conversation/conversationrecord.h"

#include <QTest>

#include <cstring>

using namespace SocketLab;

class TestConversationRecord : public QObject
{
    Q_OBJECT

private slots:
    void eventListKeepsOrderAcrossChunks();
    void eventListNeverMovesAnEvent();
    void countsStayExactPastTheCaps();
};

namespace {

ConversationEvent received(qint64 n)
{
    ConversationEvent event;
    event.kind = ConversationEvent::Kind::Received;
    event.timeUs = n * 10;
    event.offset = n * 100;
    event.size = 100;
    return event;
}

} // namespace

void TestConversationRecord::eventListKeepsOrderAcrossChunks()
{
    constexpr qsizetype Count = 2 * ConversationEventList::ChunkSize + 3;
    ConversationEventList list;
    QVERIFY(list.isEmpty());
    QList<ConversationEvent> batch;
    for (qsizetype i = 0; i < Count; ++i)
        batch.append(received(i));
    // One event first, then a batch across two chunk boundaries.
    list.append(batch.constFirst());
    list.append(batch.mid(1));
    QCOMPARE(list.size(), Count);
    for (qsizetype i : {qsizetype(0), ConversationEventList::ChunkSize - 1, ConversationEventList::ChunkSize,
                        2 * ConversationEventList::ChunkSize, Count - 1})
        QCOMPARE(list.at(i).offset, i * 100);
    QCOMPARE(list.constLast().timeUs, (Count - 1) * 10);

    const QList<ConversationEvent> tail = list.mid(ConversationEventList::ChunkSize - 1);
    QCOMPARE(tail.size(), Count - ConversationEventList::ChunkSize + 1);
    QCOMPARE(tail.constFirst().offset, (ConversationEventList::ChunkSize - 1) * 100);
    QCOMPARE(list.mid(0).size(), Count);
    QVERIFY(list.mid(Count).isEmpty());
    QVERIFY(list.mid(Count + 5).isEmpty());

    list.clear();
    QVERIFY(list.isEmpty());
    list.append(received(7));
    QCOMPARE(list.at(0).offset, 700);
}

void TestConversationRecord::eventListNeverMovesAnEvent()
{
    // Growing a QList copies every event to a new block; here what is in stays where it is, so a
    // list of 200 000 events grows without a pause.
    ConversationEventList list;
    list.append(received(0));
    const ConversationEvent *first = &list.at(0);
    const ConversationEvent *lastOfChunk = nullptr;
    for (qsizetype i = 1; i < 5 * ConversationEventList::ChunkSize; ++i) {
        list.append(received(i));
        if (i == ConversationEventList::ChunkSize - 1)
            lastOfChunk = &list.at(i);
    }
    QCOMPARE(&list.at(0), first);
    QCOMPARE(&list.at(ConversationEventList::ChunkSize - 1), lastOfChunk);
    QCOMPARE(list.at(0).offset, 0);
}

void TestConversationRecord::countsStayExactPastTheCaps()
{
    // As the worker records: bytes kept while they fit both caps, every recv() counted.
    ConversationRecord record(250, 3);
    ByteStore &store = record.receivedStore();
    const QByteArray message(100, 'x');
    for (int i = 0; i < 10; ++i) {
        ConversationEvent event = received(i);
        event.offset = store.size();
        const bool keep = record.keeps(store, event.size);
        if (keep) {
            const std::span<char> room = store.writableSpan(event.size);
            std::memcpy(room.data(), message.constData(), size_t(event.size));
            store.commit(event.size);
            store.endSegment(event.timeUs);
        }
        record.addData(event, keep);
    }
    ConversationEvent sent;
    sent.kind = ConversationEvent::Kind::Sent;
    sent.size = 5;
    record.addData(sent, false);
    ConversationEvent fin;
    fin.kind = ConversationEvent::Kind::PeerClosed;
    record.add(fin);

    QCOMPARE(record.receivedBytes(), 1000);
    QCOMPARE(record.receivedMessages(), 10);
    QCOMPARE(record.sentBytes(), 5);
    QCOMPARE(record.sentMessages(), 1);
    QCOMPARE(record.received().size(), 200);
    QCOMPARE(record.droppedEvents(), 9);
    QCOMPARE(record.eventCount(), 12);
    // The FIN is kept past the caps: the list always shows how the conversation ended.
    const QList<ConversationEvent> kept = record.events();
    QCOMPARE(kept.size(), 3);
    QCOMPARE(kept.constLast().kind, ConversationEvent::Kind::PeerClosed);
    QCOMPARE(record.events(2).size(), 1);
}

QTEST_MAIN(TestConversationRecord)
#include "tst_conversationrecord.moc"
