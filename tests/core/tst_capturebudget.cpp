#include "servers/capturebudget.h"

#include <QTest>

using namespace SocketLab;

class TestCaptureBudget : public QObject
{
    Q_OBJECT

private slots:
    void keepsEverythingUnderTheLimit();
    void dropsTheOldestClientsFirst();
    void theOldestClientStopsKeepingInsteadOfDroppingNewerOnes();
    void aDroppedClientKeepsNothingMore();
    void forgottenClientsGiveTheirBytesBack();
    void aSmallerLimitAppliesToLaterBytes();
};

void TestCaptureBudget::keepsEverythingUnderTheLimit()
{
    CaptureBudget budget(100);
    QCOMPARE(budget.request(1, 40).keep, qint64(40));
    QCOMPARE(budget.request(2, 60).keep, qint64(60));
    QCOMPARE(budget.used(), qint64(100));
    QVERIFY(!budget.hasDropped(1));
    QVERIFY(!budget.hasDropped(2));
}

void TestCaptureBudget::dropsTheOldestClientsFirst()
{
    CaptureBudget budget(100);
    budget.request(1, 30);
    budget.request(2, 30);
    budget.request(3, 30);
    // 40 more for client 4: client 1's 30 go, which is enough; client 2 keeps its bytes.
    const CaptureBudget::Grant grant = budget.request(4, 40);
    QCOMPARE(grant.keep, qint64(40));
    QCOMPARE(grant.dropped, std::vector<quint64>({1}));
    QVERIFY(budget.hasDropped(1));
    QVERIFY(!budget.hasDropped(2));
    QCOMPARE(budget.used(), qint64(100));
    // 65 more for client 3: only client 2 is older with bytes kept, so it goes, and client 3 keeps
    // what then fits.
    const CaptureBudget::Grant second = budget.request(3, 65);
    QCOMPARE(second.dropped, std::vector<quint64>({2}));
    // 30 (its own) + 40 (client 4) + 30 of the 65 fit in 100.
    QCOMPARE(second.keep, qint64(30));
    QVERIFY(budget.hasDropped(3));
    QCOMPARE(budget.used(), qint64(100));
}

void TestCaptureBudget::theOldestClientStopsKeepingInsteadOfDroppingNewerOnes()
{
    CaptureBudget budget(100);
    budget.request(1, 50);
    budget.request(2, 50);
    const CaptureBudget::Grant grant = budget.request(1, 10);
    QCOMPARE(grant.keep, qint64(0));
    QVERIFY(grant.dropped.empty());
    QVERIFY(budget.hasDropped(1));
    QVERIFY(!budget.hasDropped(2));
}

void TestCaptureBudget::aDroppedClientKeepsNothingMore()
{
    CaptureBudget budget(100);
    budget.request(1, 80);
    budget.request(2, 80);
    QVERIFY(budget.hasDropped(1));
    QCOMPARE(budget.used(), qint64(80));
    // Room there is, but what client 1 kept would start in the middle of its bytes.
    QCOMPARE(budget.request(1, 10).keep, qint64(0));
    QCOMPARE(budget.used(), qint64(80));
}

void TestCaptureBudget::forgottenClientsGiveTheirBytesBack()
{
    CaptureBudget budget(100);
    budget.request(1, 60);
    budget.request(2, 30);
    budget.forget(1);
    QCOMPARE(budget.used(), qint64(30));
    const CaptureBudget::Grant grant = budget.request(3, 70);
    QCOMPARE(grant.keep, qint64(70));
    QVERIFY(grant.dropped.empty());
}

void TestCaptureBudget::aSmallerLimitAppliesToLaterBytes()
{
    CaptureBudget budget(100);
    budget.request(1, 50);
    budget.setLimit(40);
    const CaptureBudget::Grant grant = budget.request(2, 10);
    QCOMPARE(grant.dropped, std::vector<quint64>({1}));
    QCOMPARE(grant.keep, qint64(10));
    QCOMPARE(budget.used(), qint64(10));
}

QTEST_GUILESS_MAIN(TestCaptureBudget)
#include "tst_capturebudget.moc"
