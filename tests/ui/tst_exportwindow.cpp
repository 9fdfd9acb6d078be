// Exchange > Export as pcapng…, Copy the report, Save the report…: of the TCP tab's exchange, of a
// conversation and of a history entry, the capture read back by Debian's tshark to the exact bytes.
#include "historytesting.h"
#include "startandwait.h"
#include "tshark.h"

#include "conversation/conversationpage.h"
#include "conversation/conversationpanel.h"
#include "conversation/conversationrecord.h"
#include "export/exporter.h"
#include "export/exportsubject.h"
#include "history/historypanel.h"
#include "mainwindow.h"
#include "reply/replypanel.h"
#include "request/requesteditor.h"
#include "servers/localservers.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace SocketLab;

class TestExportWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (!Tshark::available())
            QFAIL("tshark is missing: scripts/install-deps.sh installs it");
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(!startAndWait(m_servers).isError());
    }

    void init()
    {
        QSettings().clear();
        clearHistoryFolder();
        m_window = std::make_unique<MainWindow>(&m_servers);
        m_window->resize(1200, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup() { m_window.reset(); }

    // Nothing to export before the first exchange; after it, the capture holds exactly what went
    // each way, the report its request and reply, and the clipboard the same report.
    void tcpExchangeToPcapngAndReport()
    {
        emit m_window->exchangeMenu()->aboutToShow();
        QVERIFY(!m_window->exportPcapngAction()->isEnabled());
        QVERIFY(!m_window->copyReportAction()->isEnabled());
        QVERIFY(!m_window->saveReportAction()->isEnabled());

        QTest::keyClick(m_window.get(), Qt::Key_Return, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->historyPanel()->count(), 1, 30000);
        const auto record = m_window->replyPanel()->record();
        QVERIFY(record && record->reply);
        emit m_window->exchangeMenu()->aboutToShow();
        QVERIFY(m_window->exportPcapngAction()->isEnabled());
        QVERIFY(m_window->saveReportAction()->isEnabled());

        QTemporaryDir dir;
        const QString pcap = dir.filePath(QStringLiteral("exchange.pcapng"));
        QVERIFY(export_(pcap, false));
        QVERIFY2(m_window->statusBar()->currentMessage().startsWith(QStringLiteral("Capture written to ") + pcap),
                 qPrintable(m_window->statusBar()->currentMessage()));
        QCOMPARE(Tshark::complaints(pcap), QByteArray());
        const Tshark::Stream stream = Tshark::followTcp(pcap);
        QVERIFY(stream.ok);
        QCOMPARE(stream.fromClient, record->request);
        QCOMPARE(stream.fromServer, record->reply->read(0, record->reply->size()));

        const QString report = dir.filePath(QStringLiteral("exchange.txt"));
        QVERIFY(export_(report, true));
        QFile file(report);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY2(text.startsWith("SocketLab report: TCP exchange\n"), text.left(200));
        QVERIFY2(text.contains("00000000  47 45 54 20 2f 20 48 54  54 50 2f 31 2e 31 0d 0a  |GET / HTTP/1.1..|"), text.left(2000));
        QVERIFY2(text.contains("00000000  48 54 54 50 2f 31 2e"), text.left(4000));
        QVERIFY2(text.contains("connect("), text.right(2000));

        QGuiApplication::clipboard()->clear();
        QSignalSpy done(m_window->exporter(), &Exporter::finished);
        m_window->copyReportAction()->trigger();
        QVERIFY(done.wait(30000));
        QCOMPARE(QGuiApplication::clipboard()->text().toUtf8(), text);
    }

    // A history entry's context menu copies its report; a file that cannot be written is said, with where.
    void historyEntryAndWriteError()
    {
        QTest::keyClick(m_window.get(), Qt::Key_Return, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->historyPanel()->count(), 1, 30000);
        HistoryPanel *history = m_window->historyPanel();
        history->list()->setCurrentRow(0);
        QVERIFY(history->copyReportAction()->isEnabled());
        QVERIFY(history->contextMenu()->actions().contains(history->exportPcapngAction()));
        QGuiApplication::clipboard()->clear();
        QSignalSpy done(m_window->exporter(), &Exporter::finished);
        history->copyReportAction()->trigger();
        QVERIFY(done.wait(30000));
        QVERIFY2(QGuiApplication::clipboard()->text().startsWith(QStringLiteral("SocketLab report: TCP exchange")),
                 qPrintable(QGuiApplication::clipboard()->text().left(200)));

        const QString path = QStringLiteral("/nonexistent-socketlab-dir/x.pcapng");
        m_window->exporter()->exportPcapng(ExportSubject::ofExchange(history->record(0)), path);
        QVERIFY(done.wait(30000));
        QCOMPARE(done.constLast().constFirst().toBool(), false);
        const QString message = m_window->statusBar()->currentMessage();
        QVERIFY2(message.startsWith(QStringLiteral("The capture was not written to ") + path), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("ENOENT")), qPrintable(message));
    }

    // A conversation with the embedded TCP echo: its sends and echoes as one stream, both ways exact.
    void conversationToPcapng()
    {
        m_window->tools()->setCurrentIndex(4);
        ConversationPage *page = m_window->conversationPanel()->currentPage();
        QVERIFY(page);
        QVERIFY(page->connectToTarget());
        QTRY_VERIFY_WITH_TIMEOUT(page->sendButton()->isEnabled(), 10000);
        for (const QByteArray &line : {QByteArrayLiteral("one\n"), QByteArrayLiteral("two\0\xff\n")}) {
            const qint64 before = page->record()->receivedBytes();
            page->requestEditor()->setBytes(line);
            QTest::mouseClick(page->sendButton(), Qt::LeftButton);
            QTRY_VERIFY_WITH_TIMEOUT(page->record()->receivedBytes() >= before + line.size(), 10000);
        }
        QTest::mouseClick(page->closeButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!page->isRunning(), 10000);
        emit m_window->exchangeMenu()->aboutToShow();
        QVERIFY(m_window->exportPcapngAction()->isEnabled());

        QTemporaryDir dir;
        const QString pcap = dir.filePath(QStringLiteral("talk.pcapng"));
        QVERIFY(export_(pcap, false));
        QCOMPARE(Tshark::complaints(pcap), QByteArray());
        const Tshark::Stream stream = Tshark::followTcp(pcap);
        QVERIFY(stream.ok);
        const QByteArray sent = QByteArrayLiteral("one\ntwo\0\xff\n");
        QCOMPARE(stream.fromClient, sent);
        QCOMPARE(stream.fromServer, page->record()->received().read(0, page->record()->received().size()));
        QVERIFY(stream.fromServer.contains(QByteArrayLiteral("two\0\xff\n")));
    }

private:
    // The window's export of what its tab shows, to path; true once written.
    bool export_(const QString &path, bool report)
    {
        QSignalSpy done(m_window->exporter(), &Exporter::finished);
        if (report)
            m_window->exporter()->saveReport(m_window->exportSubject(), path);
        else
            m_window->exporter()->exportPcapng(m_window->exportSubject(), path);
        return done.wait(30000) && done.constLast().constFirst().toBool();
    }

    LocalServers m_servers;
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TestExportWindow)
#include "tst_exportwindow.moc"
