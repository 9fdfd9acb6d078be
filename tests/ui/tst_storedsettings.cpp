#include "mainwindow.h"
#include "historytesting.h"
#include "settings/settingsnotice.h"
#include "settings/storedsettings.h"

#include "connection/connectionpanel.h"
#include "udp/udppanel.h"

#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>

#include <memory>

using namespace SocketLab;
using namespace Qt::StringLiterals;

// Settings that are corrupt (wrong types, out-of-range values, a garbage file) or from a newer
// SocketLab are ignored with a notice in the status bar: the window opens with its defaults.
class TestStoredSettings : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void readersRefuseWhatTheyCannotUse();
    void windowIgnoresCorruptValues();
    void windowLeavesANewerFileAlone();
    void windowSurvivesAGarbageFile();

private:
    // Writes the window's settings file byte for byte, as a person or a crash may have left it.
    void writeSettingsFile(const QByteArray &bytes);
    std::unique_ptr<MainWindow> openWindow();
    QString m_path;
};

void TestStoredSettings::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_path = QSettings().fileName();
}

void TestStoredSettings::init()
{
    QSettings().clear();
}

void TestStoredSettings::writeSettingsFile(const QByteArray &bytes)
{
    QSettings().sync();
    QFile file(m_path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes), bytes.size());
    file.close();
    // QSettings keeps what it read; it reads again when the file's size or time changed, and a
    // test may write twice within the file system's time granularity.
    QTest::qWait(20);
}

std::unique_ptr<MainWindow> TestStoredSettings::openWindow()
{
    // At the size a first launch gets: the settings that would give it another are the ones refused.
    clearHistoryFolder();
    auto window = std::make_unique<MainWindow>(nullptr);
    window->show();
    return window;
}

void TestStoredSettings::readersRefuseWhatTheyCannotUse()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"t.ini"_s);
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[a]\n"
                   "count=12\n"
                   "big=99999999999\n"
                   "word=twelve\n"
                   "low=-3\n"
                   "flag=true\n"
                   "maybe=perhaps\n"
                   "name=alpha\n"
                   "list=alpha, beta\n"
                   "bytes=@ByteArray(xyz)\n"
                   "lang=klingon\n");
    }
    const QSettings file(path, QSettings::IniFormat);
    StoredSettings settings(file);
    QVERIFY(settings.readable());
    QCOMPARE(settings.integer(u"a/count"_s, 1, 0, 100), 12);
    QCOMPARE(settings.integer(u"a/big"_s, 1, 0, 100), 1);
    QCOMPARE(settings.integer(u"a/word"_s, 2, 0, 100), 2);
    QCOMPARE(settings.integer(u"a/low"_s, 3, 0, 100), 3);
    QCOMPARE(settings.integer(u"a/missing"_s, 4, 0, 100), 4);
    QCOMPARE(settings.boolean(u"a/flag"_s, false), true);
    QCOMPARE(settings.boolean(u"a/maybe"_s, false), false);
    QCOMPARE(settings.string(u"a/name"_s, u"x"_s), u"alpha"_s);
    QCOMPARE(settings.string(u"a/list"_s, u"x"_s), u"x"_s);
    QCOMPARE(settings.bytes(u"a/bytes"_s), QByteArray("xyz"));
    QCOMPARE(settings.bytes(u"a/list"_s, "d"), QByteArray("d"));
    QCOMPARE(settings.choice(u"a/lang"_s, u"en"_s, {u"en"_s, u"fr"_s}), u"en"_s);
    QCOMPARE(settings.refusedKeys(),
             (QStringList{u"a/big"_s, u"a/word"_s, u"a/low"_s, u"a/maybe"_s, u"a/list"_s, u"a/lang"_s}));
    const StoredSettings::Problem problem = settings.problem();
    QCOMPARE(problem.kind, StoredSettings::Problem::Kind::RefusedValues);
    QCOMPARE(problem.keys, settings.refusedKeys());
    QCOMPARE(problem.file, path);
    // Short: the count, no key.
    QVERIFY(StoredSettings::summary(problem).startsWith(u"6 "_s));
    QVERIFY(!StoredSettings::summary(problem).contains(u"a/"_s));
    QVERIFY(StoredSettings::details(problem).contains(u"\na/maybe\n"_s));
    QVERIFY(StoredSettings::details(problem).endsWith(path));
}

void TestStoredSettings::windowIgnoresCorruptValues()
{
    // Each value below once crashed the window or put it in a state no control can show: a payload
    // mode with no button, a tab that does not exist, a stop rule past the list's end.
    writeSettingsFile("[connection]\n"
                      "host=a, b\n"
                      "port=80\n"
                      "rule=99\n"
                      "ruleValue=-7\n"
                      "family=banana\n"
                      "tls=maybe\n"
                      "[request]\n"
                      "bytes=@ByteArray(GET / HTTP/1.0\\r\\n\\r\\n)\n"
                      "mode=7\n"
                      "[udp]\n"
                      "waitMs=-5\n"
                      "payloadMode=42\n"
                      "defaultTarget=false\n"
                      "[window]\n"
                      "tool=12\n"
                      "callsOrHistory=-1\n"
                      "geometry=not bytes, at all\n"
                      "[General]\n"
                      "language=xx\n");
    const std::unique_ptr<MainWindow> window = openWindow();
    SettingsNotice *notice = window->settingsNotice();
    QVERIFY(notice->isVisible());
    QCOMPARE(notice->problem().keys.size(), 12);
    // The sentence and its link show whole beside the servers' addresses: none of it is cut off.
    QTRY_VERIFY(notice->label()->width() > 0);
    QVERIFY2(notice->label()->width() >= notice->label()->sizeHint().width(),
             qPrintable(u"%1 < %2"_s.arg(notice->label()->width()).arg(notice->label()->sizeHint().width())));
    QStatusBar *bar = window->statusBar();
    QVERIFY(notice->closeButton()->mapTo(bar, QPoint(notice->closeButton()->width(), 0)).x()
            <= window->serversLabel()->mapTo(bar, QPoint(0, 0)).x());
    QVERIFY(notice->label()->text().contains(u"12"_s));
    // Every key in the tooltip and in the dialog the link opens.
    QString dialogText;
    QTimer::singleShot(0, this, [&dialogText] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        dialogText = box->text();
        box->close();
    });
    emit notice->label()->linkActivated(u"#details"_s);
    for (const char *key : {"connection/host", "connection/rule", "connection/ruleValue", "connection/family",
                            "connection/tls", "request/mode", "udp/waitMs", "udp/payloadMode", "window/tool",
                            "window/callsOrHistory", "window/geometry", "language"}) {
        QVERIFY2(notice->label()->toolTip().contains(QLatin1StringView(key)), qPrintable(notice->label()->toolTip()));
        QVERIFY2(dialogText.contains(QLatin1StringView(key)), qPrintable(dialogText));
    }
    QTest::mouseClick(notice->closeButton(), Qt::LeftButton);
    QVERIFY(!notice->isVisible());
    QCOMPARE(window->tools()->currentIndex(), 0);
    QCOMPARE(window->callsAndHistory()->currentIndex(), 0);
    QCOMPARE(window->udpPanel()->waitSpin()->value(), 2000);
}

void TestStoredSettings::windowLeavesANewerFileAlone()
{
    const QByteArray newer = "[General]\n"
                             "settingsVersion=99\n"
                             "[connection]\n"
                             "host=newer.example\n"
                             "port=8080\n"
                             "[window]\n"
                             "tool=1\n";
    writeSettingsFile(newer);
    std::unique_ptr<MainWindow> window = openWindow();
    const SettingsNotice *notice = window->settingsNotice();
    QVERIFY(notice->isVisible());
    QVERIFY2(notice->label()->text().contains(u"newer"_s), qPrintable(notice->label()->text()));
    QVERIFY(notice->label()->width() >= notice->label()->sizeHint().width());
    QVERIFY(notice->label()->toolTip().contains(m_path));
    QCOMPARE(window->tools()->currentIndex(), 0);
    QVERIFY(window->connectionPanel()->settings().host != u"newer.example"_s);
    window->close();
    window.reset();
    QSettings().sync();
    QFile file(m_path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), newer);
}

void TestStoredSettings::windowSurvivesAGarbageFile()
{
    QByteArray garbage;
    for (int i = 0; i < 4096; ++i)
        garbage.append(char((i * 7919 + i / 13) & 0xff));
    garbage.append("\n[connection]\nrule=\xff\xfe\nhost=@Variant(\\0\\0\\0\\x7f\\0\\0\\0)\n");
    writeSettingsFile(garbage);
    const QSettings file;
    const bool unparsable = file.status() == QSettings::FormatError;
    const std::unique_ptr<MainWindow> window = openWindow();
    QVERIFY(window->isVisible());
    const SettingsNotice *notice = window->settingsNotice();
    if (unparsable)
        QVERIFY2(notice->label()->text().contains(u"could not be read"_s), qPrintable(notice->label()->text()));
    QCOMPARE(window->tools()->currentIndex(), 0);
}

QTEST_MAIN(TestStoredSettings)
#include "tst_storedsettings.moc"
