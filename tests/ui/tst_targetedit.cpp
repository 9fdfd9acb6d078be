#include "widgets/targetedit.h"
#include "settings/storedsettings.h"

#include <QComboBox>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace SocketLab;

// The target fields both forms (TCP exchange, UDP) are built on: one set of checks, one way to keep them.
class TestTargetEdit : public QObject
{
    Q_OBJECT

private slots:
    void problems_data();
    void problems();
    void familyRoundTrip();
    void editedOnlyWhenAPersonTypes();
    void returnInEitherField();
    void savedUnderItsGroup();
};

void TestTargetEdit::problems_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("port");
    QTest::addColumn<QString>("problem");  // empty: complete

    QTest::newRow("complete") << "127.0.0.1" << "80" << "";
    QTest::newRow("service name") << "localhost" << "http" << "";
    QTest::newRow("spaces trimmed") << "  ::1 " << " 7 " << "";
    QTest::newRow("no host") << " " << "80" << "Type a host name or an address.";
    QTest::newRow("no port") << "127.0.0.1" << "" << "Type a port number or a service name.";
    QTest::newRow("port 0") << "127.0.0.1" << "0"
                            << "Port 0 does not exist: a port is a number from 1 to 65535.";
    QTest::newRow("port too large") << "127.0.0.1" << "70000"
                                    << "Port 70000 does not exist: a port is a number from 1 to 65535.";
    QTest::newRow("bad service") << "127.0.0.1" << "no such"
                                 << "\"no such\" is neither a port number nor a service name.";
}

void TestTargetEdit::problems()
{
    QFETCH(QString, host);
    QFETCH(QString, port);
    QFETCH(QString, problem);
    TargetEdit edit;
    edit.setTarget(host, port);
    QString said;
    QCOMPARE(edit.isComplete(&said), problem.isEmpty());
    QCOMPARE(said, problem);
    if (problem.isEmpty()) {
        QCOMPARE(edit.host(), host.trimmed());
        QCOMPARE(edit.service(), port.trimmed());
    }
}

void TestTargetEdit::familyRoundTrip()
{
    TargetEdit edit;
    QCOMPARE(edit.family(), IpFamily::Any);
    for (IpFamily family : {IpFamily::V6, IpFamily::V4, IpFamily::Any}) {
        edit.setFamily(family);
        QCOMPARE(edit.family(), family);
    }
    edit.familyCombo()->setCurrentIndex(2);
    QCOMPARE(edit.family(), IpFamily::V6);
}

void TestTargetEdit::editedOnlyWhenAPersonTypes()
{
    TargetEdit edit;
    QSignalSpy changed(&edit, &TargetEdit::changed);
    QSignalSpy edited(&edit, &TargetEdit::edited);
    edit.setTarget(QStringLiteral("a"), QStringLiteral("1"));
    QCOMPARE(changed.count(), 2);
    QCOMPARE(edited.count(), 0);
    QTest::keyClicks(edit.portEdit(), QStringLiteral("2"));
    QCOMPARE(edit.service(), QStringLiteral("12"));
    QCOMPARE(edited.count(), 1);
    edit.setFamily(IpFamily::V4);
    QCOMPARE(changed.count(), 4);
    QCOMPARE(edited.count(), 1);
}

void TestTargetEdit::returnInEitherField()
{
    TargetEdit edit;
    QSignalSpy returned(&edit, &TargetEdit::returnPressed);
    QTest::keyClick(edit.hostEdit(), Qt::Key_Return);
    QTest::keyClick(edit.portEdit(), Qt::Key_Enter);
    QCOMPARE(returned.count(), 2);
}

void TestTargetEdit::savedUnderItsGroup()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QSettings settings(dir.filePath(QStringLiteral("t.ini")), QSettings::IniFormat);
    TargetEdit first;
    first.setTarget(QStringLiteral("::1"), QStringLiteral("echo"));
    first.setFamily(IpFamily::V6);
    first.saveState(settings, QStringLiteral("udp"));
    QCOMPARE(settings.value(QStringLiteral("udp/host")).toString(), QStringLiteral("::1"));
    QCOMPARE(settings.value(QStringLiteral("udp/port")).toString(), QStringLiteral("echo"));

    TargetEdit second;
    second.setTarget(QStringLiteral("x"), QStringLiteral("9"));
    StoredSettings stored(settings);
    second.restoreState(stored, QStringLiteral("connection"));  // nothing saved there: unchanged
    QCOMPARE(second.host(), QStringLiteral("x"));
    QCOMPARE(second.family(), IpFamily::Any);
    second.restoreState(stored, QStringLiteral("udp"));
    QCOMPARE(second.host(), QStringLiteral("::1"));
    QCOMPARE(second.service(), QStringLiteral("echo"));
    QCOMPARE(second.family(), IpFamily::V6);
}

QTEST_MAIN(TestTargetEdit)
#include "tst_targetedit.moc"
