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
    void noZoneLeftInAnyLocale();
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
    // Newer CLDR puts a narrow no-break space before AM/PM: a space either way to a reader.
    QCOMPARE(clockTime(QTime(17, 29, 29, 140), milliseconds).replace(QChar(0x202f), u' '), text);
}

// Whatever the locale writes around its time zone ("(t)", "[t]", ", t"), none of it is left, and
// the milliseconds follow the seconds however they are written.
void TestClockText::noZoneLeftInAnyLocale()
{
    for (const QLocale &locale : QLocale::matchingLocales(QLocale::AnyLanguage, QLocale::AnyScript, QLocale::AnyTerritory)) {
        QLocale::setDefault(locale);
        const QString text = clockTime(QTime(17, 29, 29, 140), true);
        const QString where = locale.name() + QStringLiteral(": ") + text;
        QVERIFY2(!text.contains(u'(') && !text.contains(u'[') && !text.contains(u')') && !text.contains(u']'),
                 qPrintable(where));
        QVERIFY2(!text.endsWith(u','), qPrintable(where));
        QVERIFY2(text.contains(locale.toString(140).right(3)) || text.contains(QStringLiteral("140")), qPrintable(where));
    }
}

QTEST_GUILESS_MAIN(TestClockText)
#include "tst_clocktext.moc"
