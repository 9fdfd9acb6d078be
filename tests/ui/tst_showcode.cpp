#include "historytesting.h"
#include "startandwait.h"

#include "code/codehighlighter.h"
#include "code/showcodedialog.h"
#include "codegen/coderequest.h"
#include "connection/connectionpanel.h"
#include "conversation/conversationpage.h"
#include "conversation/conversationpanel.h"
#include "exchangecontroller.h"
#include "history/historypanel.h"
#include "mainwindow.h"
#include "request/requesteditor.h"
#include "servers/localservers.h"
#include "text/translations.h"
#include "widgets/targetedit.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QStatusBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>

using namespace SocketLab;
using namespace Qt::StringLiterals;

// Exchange > Show code and the dialog it opens: the program is the one of the tab in view (or of the
// history entry, the collection's request), switches language, is copied and saved, and its comments
// follow the window's language.
class TestShowCode : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void theTcpTabsRequestIsTheProgram();
    void theLanguageChosenIsRemembered();
    void copyAndSave();
    void aSaveThatFailsSaysWhereAndKeepsTheProgram();
    void aUdpConversationIsAUdpProgram();
    void aHistoryEntryShowsItsOwnRequest();
    void commentsFollowTheWindowsLanguage();
    void stringsAndCommentsAreColoured();
    void aHugeProgramIsShownInPartAndSavedWhole();

private:
    ShowCodeDialog *openDialog();

    LocalServers m_servers;
    std::unique_ptr<MainWindow> m_window;
};

void TestShowCode::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(!startAndWait(m_servers).isError());
}

void TestShowCode::init()
{
    QSettings().clear();
    clearHistoryFolder();
    QVERIFY(Translations::install(u"en"_s));
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    m_window = std::make_unique<MainWindow>(&m_servers);
    m_window->resize(1200, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestShowCode::cleanup()
{
    m_window.reset();
    QVERIFY(HistoryStore::waitForDone(10000));
}

ShowCodeDialog *TestShowCode::openDialog()
{
    const QList<ShowCodeDialog *> before = m_window->findChildren<ShowCodeDialog *>();
    m_window->showCodeAction()->trigger();
    ShowCodeDialog *dialog = nullptr;
    for (ShowCodeDialog *candidate : m_window->findChildren<ShowCodeDialog *>()) {
        if (!before.contains(candidate))
            dialog = candidate;
    }
    if (dialog && dialog->program().isEmpty())
        QSignalSpy(dialog, &ShowCodeDialog::programShown).wait(10000);
    return dialog;
}

void TestShowCode::theTcpTabsRequestIsTheProgram()
{
    m_window->tools()->setCurrentIndex(MainWindow::ExchangeTab);
    m_window->connectionPanel()->setTarget(u"127.0.0.1"_s, u"8080"_s);
    const QByteArray request = "GET /a\xe9 HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n";
    m_window->requestEditor()->setBytes(request);
    ShowCodeDialog *dialog = openDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->language(), CodeLanguage::Python);
    QVERIFY(dialog->copyButton()->isEnabled());
    // The program of the form's exchange, exactly as generated for it: target, bytes, stop rule.
    const TcpRequest tcp = ExchangeController::request(m_window->connectionPanel()->settings(), request);
    QCOMPARE(dialog->program(), generateCode(CodeLanguage::Python, CodeRequest::forTcp(tcp)));
    QVERIFY(dialog->program().contains(u"8080"_s));
    QVERIFY(dialog->windowTitle().contains(u"127.0.0.1:8080"_s));

    // Editing the form afterwards leaves the dialog's program alone.
    const QString shownProgram = dialog->program();
    m_window->connectionPanel()->setTarget(u"127.0.0.1"_s, u"9"_s);
    m_window->requestEditor()->setBytes("QUIT\r\n");
    QCoreApplication::processEvents();
    QCOMPARE(dialog->program(), shownProgram);
    QVERIFY(dialog->runLabel()->text().contains(u"python3 "_s));

    QSignalSpy shown(dialog, &ShowCodeDialog::programShown);
    dialog->cButton()->click();
    QVERIFY(shown.wait(10000));
    QCOMPARE(dialog->program(), generateCode(CodeLanguage::C, CodeRequest::forTcp(tcp)));
    QVERIFY(dialog->program().contains(u"getaddrinfo"_s));
    QVERIFY(dialog->runLabel()->text().contains(u"gcc -Wall -Wextra"_s));
    QVERIFY(!dialog->runLabel()->text().contains(u"-lssl"_s));
}

void TestShowCode::theLanguageChosenIsRemembered()
{
    ShowCodeDialog *first = openDialog();
    QVERIFY(first);
    QSignalSpy shown(first, &ShowCodeDialog::programShown);
    first->cButton()->click();
    QVERIFY(shown.wait(10000));
    first->close();
    ShowCodeDialog *second = openDialog();
    QVERIFY(second);
    QCOMPARE(second->language(), CodeLanguage::C);
    QVERIFY(second->cButton()->isChecked());
    QVERIFY(second->program().contains(u"#include"_s));
}

void TestShowCode::copyAndSave()
{
    ShowCodeDialog *dialog = openDialog();
    QVERIFY(dialog);
    QApplication::clipboard()->clear();
    dialog->copyButton()->click();
    QCOMPARE(QApplication::clipboard()->text(), dialog->program());
    QVERIFY(dialog->statusLabel()->isVisible());

    QTemporaryDir dir;
    const QString path = dir.filePath(u"exchange.py"_s);
    QSignalSpy saved(dialog, &ShowCodeDialog::savedTo);
    dialog->saveTo(path);
    QVERIFY(saved.wait(10000));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(file.readAll()), dialog->program());
    QVERIFY(dialog->statusLabel()->text().contains(path));
    QVERIFY(!dialog->problemLabel()->isVisible());
}

void TestShowCode::aSaveThatFailsSaysWhereAndKeepsTheProgram()
{
    ShowCodeDialog *dialog = openDialog();
    QVERIFY(dialog);
    const QString program = dialog->program();
    QTemporaryDir dir;
    const QString path = dir.filePath(u"no-such-folder/exchange.py"_s);
    QSignalSpy failed(dialog, &ShowCodeDialog::saveFailed);
    dialog->saveTo(path);
    QVERIFY(failed.wait(10000));
    QVERIFY(dialog->problemLabel()->isVisible());
    QVERIFY(dialog->problemLabel()->text().contains(path));
    QCOMPARE(dialog->program(), program);
    QVERIFY(dialog->saveButton()->isEnabled());
}

void TestShowCode::aUdpConversationIsAUdpProgram()
{
    m_window->tools()->setCurrentIndex(MainWindow::ConversationTab);
    ConversationPage *page = m_window->conversationPanel()->currentPage();
    QVERIFY(page);
    page->transportCombo()->setCurrentIndex(page->transportCombo()->findData(int(ConversationRequest::Transport::Udp)));
    page->targetEdit()->setTarget(u"127.0.0.1"_s, u"7"_s);
    page->setScript(u"send ping\\n\nexpect ping\n"_s);
    ShowCodeDialog *dialog = openDialog();
    QVERIFY(dialog);
    CodeRequest expected;
    QString problem;
    QVERIFY(page->codeRequest(&expected, &problem));
    QCOMPARE(expected.subject, CodeSubject::Conversation);
    QCOMPARE(expected.conversation.transport, ConversationRequest::Transport::Udp);
    QCOMPARE(expected.steps.size(), 2);
    QCOMPARE(dialog->program(), generateCode(CodeLanguage::Python, expected));
    QVERIFY(dialog->program().contains(u"SOCK_DGRAM"_s));

    // A script that does not parse opens no dialog and says why.
    page->setScript(u"frobnicate\n"_s);
    const qsizetype open = m_window->findChildren<ShowCodeDialog *>().size();
    m_window->showCodeAction()->trigger();
    QCOMPARE(m_window->findChildren<ShowCodeDialog *>().size(), open);
    QVERIFY(!m_window->statusBar()->currentMessage().isEmpty());
}

void TestShowCode::aHistoryEntryShowsItsOwnRequest()
{
    m_window->tools()->setCurrentIndex(MainWindow::ExchangeTab);
    const QByteArray request = m_window->requestEditor()->bytes();
    const TcpRequest sent = ExchangeController::request(m_window->connectionPanel()->settings(), request);
    m_window->send();
    QTRY_COMPARE_WITH_TIMEOUT(m_window->historyPanel()->count(), 1, 30000);
    // The form changes; the history entry keeps what was sent.
    m_window->requestEditor()->setBytes("QUIT\r\n");
    const qsizetype before = m_window->findChildren<ShowCodeDialog *>().size();
    m_window->historyPanel()->showCodeAction()->trigger();
    QTRY_COMPARE(m_window->findChildren<ShowCodeDialog *>().size(), before + 1);
    ShowCodeDialog *dialog = m_window->findChildren<ShowCodeDialog *>().constLast();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->program().isEmpty(), 10000);
    QVERIFY(dialog->windowTitle().contains(sent.host + u':' + sent.service));
    QVERIFY(!dialog->program().contains(u"QUIT"_s));
}

void TestShowCode::commentsFollowTheWindowsLanguage()
{
    ShowCodeDialog *dialog = openDialog();
    QVERIFY(dialog);
    const QString english = dialog->program();
    const QString title = dialog->windowTitle();
    QSignalSpy shown(dialog, &ShowCodeDialog::programShown);
    QVERIFY(Translations::install(u"fr"_s));
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    QVERIFY(shown.wait(10000));
    QVERIFY(dialog->windowTitle() != title);
    QVERIFY(dialog->program() != english);
    // The code itself is the same: only comments and messages changed.
    QCOMPARE(dialog->program().count(u"sendall"_s), english.count(u"sendall"_s));
}

void TestShowCode::stringsAndCommentsAreColoured()
{
    QPlainTextEdit edit;
    CodeHighlighter highlighter(edit.document(), CodeLanguage::Python);
    edit.setPlainText(u"request = b'GET / HTTP/1.0\\r\\n'  # the bytes, exact\nfor x in y:\n"_s);
    const QTextBlock first = edit.document()->firstBlock();
    const QList<QTextLayout::FormatRange> formats = first.layout()->formats();
    auto formatAt = [&formats](int position) {
        for (const QTextLayout::FormatRange &range : formats) {
            if (position >= range.start && position < range.start + range.length)
                return range.format;
        }
        return QTextCharFormat();
    };
    const int literal = int(first.text().indexOf(u"b'"_s));
    const int comment = int(first.text().indexOf(u'#'));
    QVERIFY(formatAt(literal).foreground() == formatAt(literal + 5).foreground());
    QVERIFY(formatAt(literal).foreground() != QTextCharFormat().foreground());
    QVERIFY(formatAt(comment).fontItalic());
    QVERIFY(!formatAt(literal).fontItalic());
    const QTextBlock second = first.next();
    const QList<QTextLayout::FormatRange> loop = second.layout()->formats();
    QVERIFY(!loop.isEmpty());
    QCOMPARE(loop.constFirst().start, 0);
    QCOMPARE(loop.constFirst().format.fontWeight(), int(QFont::Bold));

    highlighter.setLanguage(CodeLanguage::C);
    edit.setPlainText(u"#include <stdio.h>\n/* a\nb */ int x = 0x1f;\n"_s);
    const QTextBlock middle = edit.document()->firstBlock().next().next();
    QVERIFY(!middle.layout()->formats().isEmpty());
    QVERIFY(middle.layout()->formats().constFirst().format.fontItalic());
}

void TestShowCode::aHugeProgramIsShownInPartAndSavedWhole()
{
    TcpRequest request;
    request.host = u"127.0.0.1"_s;
    request.service = u"8080"_s;
    // Lines of 80 bytes: the Python program writes one literal a line.
    QByteArray payload;
    for (int i = 0; i < 40000; ++i)
        payload += QByteArray(79, char('a' + i % 26)) + '\n';
    request.payload = payload;
    ShowCodeDialog dialog(CodeRequest::forTcp(request));
    QSignalSpy shown(&dialog, &ShowCodeDialog::programShown);
    QVERIFY(shown.wait(20000));
    const QString program = dialog.program();
    QVERIFY(program.size() > ShowCodeDialog::MaxShownCharacters);
    const QString view = dialog.codeView()->toPlainText();
    QVERIFY(view.size() <= ShowCodeDialog::MaxShownCharacters);
    QVERIFY(program.startsWith(view));
    QVERIFY(!dialog.cutLabel()->isHidden());
    QVERIFY(dialog.cutLabel()->text().contains(QLocale().toString(program.size())));

    QTemporaryDir dir;
    const QString path = dir.filePath(u"big.py"_s);
    QSignalSpy saved(&dialog, &ShowCodeDialog::savedTo);
    dialog.saveTo(path);
    QVERIFY(saved.wait(20000));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.size(), program.toUtf8().size());

    // A program of ordinary size is shown whole, without the note.
    request.payload = "GET / HTTP/1.0\r\n\r\n";
    ShowCodeDialog small(CodeRequest::forTcp(request));
    QSignalSpy smallShown(&small, &ShowCodeDialog::programShown);
    QVERIFY(smallShown.wait(10000));
    QCOMPARE(small.codeView()->toPlainText(), small.program());
    QVERIFY(small.cutLabel()->isHidden());
}

QTEST_MAIN(TestShowCode)
#include "tst_showcode.moc"
