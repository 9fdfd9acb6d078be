#include "text/clocktext.h"

#include <QLocale>
#include <QTest>
#include <QTime>

using namespace SocketLab;

// Times of day in tables follow the language's locale, to the millisecond where it matters.
class TestClockText : public QObject
{
    Q_OBJECT

private slots:
    void cleanup();
    void followsTheLocale_data();
    void followsTheLocale();
};

void TestClockText::cleanup()
{
    QLocale::setDefault(QLocale::c());
}

void TestClockText::followsTheLocale_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<bool>("milliseconds");
    QTest::addColumn<QString>("text");

    QTest::newRow("French, ms") << "fr_FR" << true << "17:29:29,140";
    QTest::newRow("French, s") << "fr_FR" << false << "17:29:29";
    QTest::newRow("American, ms") << "en_US" << true << "5:29:29.140 PM";
    QTest::newRow("American, s") << "en_US" << false << "5:29:29 PM";
    QTest::newRow("British, ms") << "en_GB" << true << "17:29:29.140";
    QTest::newRow("C") << "C" << true << "17:29:29.140";
}

void TestClockText::followsTheLocale()
{
    QFETCH(QString, locale);
    QFETCH(bool, milliseconds);
    QFETCH(QString, text);
    QLocale::setDefault(QLocale(locale));
    QCOMPARE(clockTime(QTime(17, 29, 29, 140), milliseconds), text);
}

QTEST_GUILESS_MAIN(TestClockText)
#include "tst_clocktext.moc"
