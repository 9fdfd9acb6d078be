#include "request/editorcolors.h"
#include "request/markstyle.h"
#include "request/requesteditor.h"
#include "request/visibletext.h"
#include "text/codectext.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>
#include <QToolButton>
#include <QTranslator>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

using namespace SocketLab;

Q_DECLARE_METATYPE(SocketLab::PayloadMode)
Q_DECLARE_METATYPE(SocketLab::RequestTemplate)

namespace {

QByteArray allByteValues()
{
    QByteArray all(256, Qt::Uninitialized);
    for (int i = 0; i < 256; ++i)
        all[i] = char(i);
    return all;
}

QPlainTextEdit *textEdit(const RequestEditor &editor)
{
    auto *edit = editor.findChild<QPlainTextEdit *>(QStringLiteral("requestText"));
    Q_ASSERT(edit);
    return edit;
}

QToolButton *toolButton(const RequestEditor &editor, const char *name)
{
    auto *button = editor.findChild<QToolButton *>(QLatin1String(name));
    Q_ASSERT(button);
    return button;
}

QString labelText(const RequestEditor &editor, const char *name)
{
    auto *label = editor.findChild<QLabel *>(QLatin1String(name));
    Q_ASSERT(label);
    return label->text();
}

// Types as a keyboard would: a line break is the Return key, and every other character is a key
// event carrying it as text (QTest::keyClicks() only knows Latin-1).
void type(QWidget *widget, const QString &text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == u'\n') {
            QTest::keyClick(widget, Qt::Key_Return);
            continue;
        }
        const qsizetype length = text.at(i).isHighSurrogate() && i + 1 < text.size() ? 2 : 1;
        QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, text.mid(i, length), Qt::NoModifier);
        i += length - 1;
    }
}

void clear(QPlainTextEdit *edit)
{
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(edit, Qt::Key_Delete);
}

void moveCursorToEnd(QPlainTextEdit *edit)
{
    QTest::keyClick(edit, Qt::Key_End, Qt::ControlModifier);
}

// Gives the byte-count string English plural forms, as the English translation does.
class PluralTranslator : public QTranslator
{
public:
    QString translate(const char *context, const char *sourceText, const char *disambiguation,
                      int n) const override
    {
        Q_UNUSED(disambiguation);
        if (qstrcmp(context, "SocketLab::RequestEditor") != 0)
            return {};
        if (qstrcmp(sourceText, "%Ln byte(s)") == 0)
            return n == 1 ? QStringLiteral("%Ln byte") : QStringLiteral("%Ln bytes");
        if (qstrcmp(sourceText, "%Ln byte(s) before the error") == 0)
            return n == 1 ? QStringLiteral("%Ln byte before the error") : QStringLiteral("%Ln bytes before the error");
        return {};
    }
    bool isEmpty() const override { return false; }
};

qreal relativeLuminance(const QColor &color)
{
    const auto channel = [](float c) { return c <= 0.03928f ? c / 12.92f : std::pow((c + 0.055f) / 1.055f, 2.4f); };
    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF());
}

qreal contrast(const QColor &a, const QColor &b)
{
    const qreal la = relativeLuminance(a);
    const qreal lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QPalette darkPalette()
{
    QPalette palette;
    palette.setColor(QPalette::Window, QColor(0x2d, 0x2d, 0x2d));
    palette.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    palette.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    palette.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    palette.setColor(QPalette::Button, QColor(0x3a, 0x3a, 0x3a));
    palette.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    return palette;
}

QPalette lightPalette()
{
    QPalette palette;
    palette.setColor(QPalette::Window, QColor(0xef, 0xef, 0xef));
    palette.setColor(QPalette::WindowText, Qt::black);
    palette.setColor(QPalette::Base, Qt::white);
    palette.setColor(QPalette::Text, Qt::black);
    return palette;
}

} // namespace

class TestRequestEditor : public QObject
{
    Q_OBJECT

private slots:
    void visibleTextEncoding_data();
    void visibleTextEncoding();
    void visibleTextRoundTrips_data();
    void visibleTextRoundTrips();
    void visibleTextReadsTypedMarks();

    void everyByteThroughEachMode_data();
    void everyByteThroughEachMode();
    void everyByteTypedInEachMode_data();
    void everyByteTypedInEachMode();
    void switchingModesKeepsBytes();
    void switchingModesByClickingKeepsBytes();
    void switchingModeKeepsCursorOnTheSameByte();

    void enterInHttpModeWritesCrlf_data();
    void enterInHttpModeWritesCrlf();
    void enterOutsideHttpModeWritesLf();
    void escapesShowLines();
    void enterCompletesATypedLineEnding_data();
    void enterCompletesATypedLineEnding();
    void doubledCrIsFlagged();
    void ctrlReturnIsLeftToTheWindow();

    void templates_data();
    void templates();
    void templatesMenu();
    void contentLengthFollowsTheBody_data();
    void contentLengthFollowsTheBody();
    void contentLengthKeepsTheCursorInTheBody();
    void contentLengthEditIsUndoneWithTheTyping();
    void contentLengthKeepsThePersonsSpelling();
    void setBytesKeepsAWrongContentLength();
    void contentLengthIsLeftAloneOutsideHttpMode();

    void replaceRequestIsOneUndoStep();
    void urlKeepsAnEditedRequest_data();
    void urlKeepsAnEditedRequest();
    void urlLeavesARawPayloadAlone_data();
    void urlLeavesARawPayloadAlone();
    void hostFollowsTheTargetItHeld();

    void invalidEscapeIsMarked();
    void invalidEscapeOnASecondLine();
    void oddHexIsMarked();
    void byteCountUsesPlurals();
    void switchingWhileInvalidIsRefused();
    void setBytesReplacesTheText();

    void pasteInTextModeMeansItsCharacters();
    void pasteInEscapesModeEscapesControls();
    void tabMovesTheFocus();
    void longTokensWrapAtTheWidth();
    void typedControlPictureWritesItsByte();
    void marksTakeTheWidthOfTheirBox();
    void coloursReadableOnEachPalette_data();
    void coloursReadableOnEachPalette();
};

void TestRequestEditor::visibleTextEncoding_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("text");

    QTest::newRow("ascii") << QByteArray("GET / HTTP/1.0") << QStringLiteral("GET / HTTP/1.0");
    QTest::newRow("crlf") << QByteArray("a\r\nb") << QStringLiteral("a\u240d\nb");
    QTest::newRow("bare cr") << QByteArray("a\rb") << QStringLiteral("a\u240db");
    QTest::newRow("tab nul del") << QByteArray("\t\0\x7f", 3) << QStringLiteral("\u2409\u2400\u2421");
    QTest::newRow("utf-8") << QByteArray("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80")
                           << QStringLiteral("caf\u00e9 \u20ac \U0001F600");
    QTest::newRow("lone continuation") << QByteArray("\x80") << QStringLiteral("\u2880");
    QTest::newRow("0xff") << QByteArray("\xff") << QStringLiteral("\u28ff");
    QTest::newRow("truncated sequence") << QByteArray("\xe2\x82") << QStringLiteral("\u28e2\u2882");
    QTest::newRow("overlong slash") << QByteArray("\xc0\xaf") << QStringLiteral("\u28c0\u28af");
    QTest::newRow("encoded surrogate") << QByteArray("\xed\xa0\x80") << QStringLiteral("\u28ed\u28a0\u2880");
    QTest::newRow("above U+10FFFF") << QByteArray("\xf4\x90\x80\x80")
                                    << QStringLiteral("\u28f4\u2890\u2880\u2880");
    QTest::newRow("no-break space") << QByteArray("\xc2\xa0") << QStringLiteral("\u28c2\u28a0");
    QTest::newRow("paragraph separator") << QByteArray("\xe2\x80\xa9") << QStringLiteral("\u28e2\u2880\u28a9");
    QTest::newRow("byte order mark") << QByteArray("\xef\xbb\xbf") << QStringLiteral("\u28ef\u28bb\u28bf");
    QTest::newRow("C1 control") << QByteArray("\xc2\x85") << QStringLiteral("\u28c2\u2885");
    QTest::newRow("a mark as content") << QByteArray("\xe2\x90\x8d") << QStringLiteral("\u28e2\u2890\u288d");
    QTest::newRow("a raw-byte mark as content") << QByteArray("\xe2\xa3\xbf")
                                                << QStringLiteral("\u28e2\u28a3\u28bf");
    QTest::newRow("other braille is text") << QByteArray("\xe2\xa0\x81") << QStringLiteral("\u2801");
    QTest::newRow("symbol for space is text") << QByteArray("\xe2\x90\xa0") << QStringLiteral("\u2420");
}

void TestRequestEditor::visibleTextEncoding()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, text);
    QCOMPARE(VisibleText::encode(bytes), text);
    QCOMPARE(VisibleText::decode(text), bytes);
}

void TestRequestEditor::visibleTextRoundTrips_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("every byte") << allByteValues();
    QByteArray pairs;
    for (int high = 0x80; high < 0x100; ++high) {
        for (int low = 0x80; low < 0xc0; ++low) {
            pairs.append(char(high));
            pairs.append(char(low));
            pairs.append('\n');
        }
    }
    QTest::newRow("every lead and continuation pair") << pairs;
    QByteArray reversed = allByteValues();
    std::reverse(reversed.begin(), reversed.end());
    QTest::newRow("reversed") << reversed;
}

void TestRequestEditor::visibleTextRoundTrips()
{
    QFETCH(QByteArray, bytes);
    QCOMPARE(VisibleText::decode(VisibleText::encode(bytes)), bytes);
}

void TestRequestEditor::visibleTextReadsTypedMarks()
{
    QCOMPARE(VisibleText::decode(u"a\u240d\u240ab\u2409\u28ff"), QByteArray("a\r\nb\t\xff"));
    QCOMPARE(VisibleText::decode(u"real\r\ttab"), QByteArray("real\r\ttab"));
}

void TestRequestEditor::everyByteThroughEachMode_data()
{
    QTest::addColumn<PayloadMode>("mode");
    QTest::addColumn<bool>("http");
    for (const bool http : {false, true}) {
        const char *suffix = http ? " http" : "";
        QTest::addRow("escapes%s", suffix) << PayloadMode::Escaped << http;
        QTest::addRow("text%s", suffix) << PayloadMode::Text << http;
        QTest::addRow("hex%s", suffix) << PayloadMode::Hex << http;
    }
}

void TestRequestEditor::everyByteThroughEachMode()
{
    QFETCH(PayloadMode, mode);
    QFETCH(bool, http);
    RequestEditor editor;
    editor.setHttpMode(http);
    QVERIFY(editor.setMode(mode));
    editor.setBytes(allByteValues());
    QVERIFY(editor.isValid());
    QCOMPARE(editor.bytes(), allByteValues());

    // What is on screen, put back as text, reads as the same bytes.
    QPlainTextEdit *edit = textEdit(editor);
    const QString shown = edit->toPlainText();
    edit->setPlainText(shown);
    QCOMPARE(editor.bytes(), allByteValues());
}

void TestRequestEditor::everyByteTypedInEachMode_data()
{
    QTest::addColumn<PayloadMode>("mode");
    QTest::newRow("escapes") << PayloadMode::Escaped;
    QTest::newRow("text") << PayloadMode::Text;
    QTest::newRow("hex") << PayloadMode::Hex;
}

void TestRequestEditor::everyByteTypedInEachMode()
{
    QFETCH(PayloadMode, mode);
    RequestEditor editor;
    QVERIFY(editor.setMode(mode));
    editor.setBytes(allByteValues());
    QPlainTextEdit *edit = textEdit(editor);
    const QString shown = edit->toPlainText();
    clear(edit);
    QCOMPARE(editor.bytes(), QByteArray());
    type(edit, shown);
    QCOMPARE(edit->toPlainText(), shown);
    QCOMPARE(editor.bytes(), allByteValues());
}

void TestRequestEditor::switchingModesKeepsBytes()
{
    for (const bool http : {false, true}) {
        RequestEditor editor;
        editor.setHttpMode(http);
        editor.setBytes(allByteValues());
        QSignalSpy bytesChanged(&editor, &RequestEditor::bytesChanged);
        QSignalSpy modeChanged(&editor, &RequestEditor::modeChanged);
        for (const PayloadMode mode : {PayloadMode::Text, PayloadMode::Hex, PayloadMode::Escaped,
                                       PayloadMode::Hex, PayloadMode::Text, PayloadMode::Escaped}) {
            QVERIFY(editor.setMode(mode));
            QCOMPARE(editor.mode(), mode);
            QCOMPARE(editor.bytes(), allByteValues());
        }
        QCOMPARE(bytesChanged.size(), 0);
        QCOMPARE(modeChanged.size(), 6);
    }
}

void TestRequestEditor::switchingModesByClickingKeepsBytes()
{
    RequestEditor editor;
    editor.setBytes(allByteValues());
    QPlainTextEdit *edit = textEdit(editor);
    QTest::mouseClick(toolButton(editor, "modeText"), Qt::LeftButton);
    QCOMPARE(editor.mode(), PayloadMode::Text);
    QCOMPARE(editor.bytes(), allByteValues());
    QVERIFY(edit->toPlainText().contains(QChar(0x240d)));
    QTest::mouseClick(toolButton(editor, "modeHex"), Qt::LeftButton);
    QCOMPARE(editor.mode(), PayloadMode::Hex);
    QVERIFY(edit->toPlainText().startsWith(QLatin1String("00 01 02 03")));
    QCOMPARE(edit->document()->blockCount(), 16);
    QCOMPARE(editor.bytes(), allByteValues());
    QTest::mouseClick(toolButton(editor, "modeEscapes"), Qt::LeftButton);
    QCOMPARE(editor.mode(), PayloadMode::Escaped);
    QVERIFY(edit->toPlainText().startsWith(QLatin1String("\\0\\x01")));
    QCOMPARE(editor.bytes(), allByteValues());
    QVERIFY(toolButton(editor, "modeEscapes")->isChecked());
}

void TestRequestEditor::switchingModeKeepsCursorOnTheSameByte()
{
    RequestEditor editor;
    editor.setBytes("GET / HTTP/1.0\r\n\r\n");
    QPlainTextEdit *edit = textEdit(editor);
    QTextCursor cursor = edit->textCursor();
    cursor.setPosition(4);
    edit->setTextCursor(cursor);
    QVERIFY(editor.setMode(PayloadMode::Hex));
    QCOMPARE(edit->textCursor().position(), 12); // "47 45 54 20 |2f"
    QVERIFY(editor.setMode(PayloadMode::Text));
    QCOMPARE(edit->textCursor().position(), 4);
}

void TestRequestEditor::enterInHttpModeWritesCrlf_data()
{
    QTest::addColumn<PayloadMode>("mode");
    QTest::newRow("escapes") << PayloadMode::Escaped;
    QTest::newRow("text") << PayloadMode::Text;
}

void TestRequestEditor::enterInHttpModeWritesCrlf()
{
    QFETCH(PayloadMode, mode);
    const QByteArray request("GET / HTTP/1.0\r\n\r\n");
    RequestEditor editor;
    editor.setHttpMode(true);
    QVERIFY(editor.setMode(mode));
    QPlainTextEdit *edit = textEdit(editor);
    QTest::keyClicks(edit, QStringLiteral("GET / HTTP/1.0"));
    QTest::keyClick(edit, Qt::Key_Return);
    QTest::keyClick(edit, Qt::Key_Enter, Qt::KeypadModifier);
    QCOMPARE(editor.bytes(), request);

    QVERIFY(editor.setMode(PayloadMode::Escaped));
    QCOMPARE(edit->toPlainText(), QStringLiteral("GET / HTTP/1.0\\r\\n\n\\r\\n\n"));
    QCOMPARE(editor.bytes(), request);
    QVERIFY(editor.setMode(PayloadMode::Text));
    QCOMPARE(edit->toPlainText(), QStringLiteral("GET / HTTP/1.0\u240d\n\u240d\n"));
    QCOMPARE(editor.bytes(), request);
    QVERIFY(editor.setMode(PayloadMode::Hex));
    QCOMPARE(edit->toPlainText(), QStringLiteral("47 45 54 20 2f 20 48 54 54 50 2f 31 2e 30 0d 0a\n0d 0a"));
    QCOMPARE(editor.bytes(), request);

    // In Hex a line break only separates bytes.
    clear(edit);
    QTest::keyClicks(edit, QStringLiteral("47 45"));
    QTest::keyClick(edit, Qt::Key_Return);
    QTest::keyClicks(edit, QStringLiteral("54"));
    QCOMPARE(editor.bytes(), QByteArray("GET"));
}

void TestRequestEditor::enterOutsideHttpModeWritesLf()
{
    for (const PayloadMode mode : {PayloadMode::Escaped, PayloadMode::Text}) {
        RequestEditor editor;
        QVERIFY(editor.setMode(mode));
        QPlainTextEdit *edit = textEdit(editor);
        QTest::keyClicks(edit, QStringLiteral("a"));
        QTest::keyClick(edit, Qt::Key_Return);
        QTest::keyClicks(edit, QStringLiteral("b"));
        QTest::keyClick(edit, Qt::Key_Return, Qt::ShiftModifier);
        QCOMPARE(editor.bytes(), QByteArray("a\nb\n"));
    }
}

void TestRequestEditor::escapesShowLines()
{
    // Every LF is written out and breaks the line, in HTTP mode or not: what Enter writes looks like
    // what a person types.
    RequestEditor editor;
    editor.setBytes("a\r\nb\n");
    QPlainTextEdit *edit = textEdit(editor);
    QCOMPARE(edit->toPlainText(), QStringLiteral("a\\r\\n\nb\\n\n"));
    editor.setHttpMode(true);
    QCOMPARE(edit->toPlainText(), QStringLiteral("a\\r\\n\nb\\n\n"));
    QCOMPARE(editor.bytes(), QByteArray("a\r\nb\n"));
}

// Enter completes the line ending the person typed instead of adding a second one: typing what the
// screen shows, "\r\n" and Enter, gives one CR LF.
void TestRequestEditor::enterCompletesATypedLineEnding_data()
{
    QTest::addColumn<bool>("http");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QByteArray>("bytes");

    QTest::newRow("http, nothing typed") << true << "GET /" << QByteArray("GET /\r\n");
    QTest::newRow("http, \\r\\n typed") << true << "GET /\\r\\n" << QByteArray("GET /\r\n");
    QTest::newRow("http, \\r typed") << true << "GET /\\r" << QByteArray("GET /\r\n");
    QTest::newRow("http, \\n typed") << true << "GET /\\n" << QByteArray("GET /\n");
    QTest::newRow("http, escaped backslash") << true << "a\\\\" << QByteArray("a\\\r\n");
    QTest::newRow("http, backslash then n") << true << "a\\\\n" << QByteArray("a\\n\r\n");
    QTest::newRow("raw, nothing typed") << false << "a" << QByteArray("a\n");
    QTest::newRow("raw, \\n typed") << false << "a\\n" << QByteArray("a\n");
    QTest::newRow("raw, \\r typed") << false << "a\\r" << QByteArray("a\r\n");
}

void TestRequestEditor::enterCompletesATypedLineEnding()
{
    QFETCH(bool, http);
    QFETCH(QString, typed);
    QFETCH(QByteArray, bytes);
    RequestEditor editor;
    editor.setHttpMode(http);
    QPlainTextEdit *edit = textEdit(editor);
    QTest::keyClicks(edit, typed);
    QTest::keyClick(edit, Qt::Key_Return);
    QCOMPARE(editor.bytes(), bytes);
    // The line ends as shown: written out, then broken.
    QVERIFY2(edit->toPlainText().endsWith(QLatin1String("\\n\n")), qPrintable(edit->toPlainText()));
}

// "\r" typed before Enter in a request head is one CR too many: the byte count says so.
void TestRequestEditor::doubledCrIsFlagged()
{
    RequestEditor editor;
    editor.setHttpMode(true);
    auto *count = editor.findChild<QLabel *>(QStringLiteral("byteCount"));
    QVERIFY(count);
    editor.setBytes("GET / HTTP/1.0\r\r\nHost: a\r\n\r\n");
    QVERIFY2(count->text().contains(QLatin1String("\\r\\r")), qPrintable(count->text()));
    QVERIFY(count->text().contains(QLatin1String("1 doubled CR")));
    QVERIFY(!count->toolTip().isEmpty());
    // A body may hold any bytes: only the head is checked.
    const QByteArray post("POST / HTTP/1.0\r\nContent-Length: 2\r\n\r\n\r\r");
    editor.setBytes(post);
    QCOMPARE(count->text(), RequestEditor::tr("%Ln byte(s)", nullptr, int(post.size())));
    // The last header line's doubled CR stands just before the blank line.
    editor.setBytes("GET / HTTP/1.0\r\nHost: a\r\r\n\r\n");
    QVERIFY(count->text().contains(QLatin1String("1 doubled CR")));
    // Outside HTTP mode the bytes are the person's business.
    editor.setHttpMode(false);
    QVERIFY(!count->text().contains(QLatin1String("CR")));
}

void TestRequestEditor::ctrlReturnIsLeftToTheWindow()
{
    RequestEditor editor;
    editor.setHttpMode(true);
    QPlainTextEdit *edit = textEdit(editor);
    QTest::keyClicks(edit, QStringLiteral("x"));
    QTest::keyClick(edit, Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(editor.bytes(), QByteArray("x"));
}

void TestRequestEditor::templates_data()
{
    QTest::addColumn<RequestTemplate>("kind");
    QTest::addColumn<QByteArray>("bytes");

    QTest::newRow("HTTP/1.0 GET") << RequestTemplate::Http10Get << QByteArray("GET /index.html HTTP/1.0\r\n\r\n");
    QTest::newRow("HTTP/1.1 GET") << RequestTemplate::Http11Get
                                  << QByteArray("GET /index.html HTTP/1.1\r\nHost: www.perdu.com\r\n"
                                                "Connection: close\r\n\r\n");
    QTest::newRow("HTTP/1.1 HEAD") << RequestTemplate::Http11Head
                                   << QByteArray("HEAD /index.html HTTP/1.1\r\nHost: www.perdu.com\r\n"
                                                 "Connection: close\r\n\r\n");
    QTest::newRow("HTTP/1.1 POST") << RequestTemplate::Http11Post
                                   << QByteArray("POST /index.html HTTP/1.1\r\nHost: www.perdu.com\r\n"
                                                 "Content-Type: application/x-www-form-urlencoded\r\n"
                                                 "Content-Length: 10\r\nConnection: close\r\n\r\nname=value");
}

void TestRequestEditor::templates()
{
    QFETCH(RequestTemplate, kind);
    QFETCH(QByteArray, bytes);
    for (const PayloadMode mode : {PayloadMode::Escaped, PayloadMode::Text, PayloadMode::Hex}) {
        RequestEditor editor;
        QVERIFY(editor.setMode(mode));
        editor.setTarget("www.perdu.com", "/index.html");
        QSignalSpy http(&editor, &RequestEditor::httpModeChanged);
        editor.applyTemplate(kind);
        QCOMPARE(editor.bytes(), bytes);
        QVERIFY(editor.isHttpMode());
        QCOMPARE(http.size(), 1);
    }
}

void TestRequestEditor::templatesMenu()
{
    RequestEditor editor;
    editor.setTarget("127.0.0.1:8080", "/");
    QMenu *menu = toolButton(editor, "templates")->menu();
    QVERIFY(menu);
    const QList<QAction *> actions = menu->actions();
    QCOMPARE(actions.size(), 4);
    for (const QAction *action : actions) {
        QVERIFY(!action->text().isEmpty());
        QVERIFY(!action->toolTip().isEmpty());
    }
    actions.at(1)->trigger();
    QCOMPARE(editor.bytes(), QByteArray("GET / HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nConnection: close\r\n\r\n"));
    actions.at(0)->trigger();
    QCOMPARE(editor.bytes(), QByteArray("GET / HTTP/1.0\r\n\r\n"));
    QVERIFY(toolButton(editor, "httpMode")->isChecked());
}

void TestRequestEditor::contentLengthFollowsTheBody_data()
{
    QTest::addColumn<PayloadMode>("mode");
    QTest::addColumn<QString>("typed");

    QTest::newRow("escapes") << PayloadMode::Escaped << QStringLiteral("&x=1\\t");
    QTest::newRow("text") << PayloadMode::Text << QStringLiteral("&x=1\u2409");
    QTest::newRow("hex") << PayloadMode::Hex << QStringLiteral(" 26 78 3d 31 09");
}

void TestRequestEditor::contentLengthFollowsTheBody()
{
    QFETCH(PayloadMode, mode);
    QFETCH(QString, typed);
    RequestEditor editor;
    QVERIFY(editor.setMode(mode));
    editor.applyTemplate(RequestTemplate::Http11Post);
    QPlainTextEdit *edit = textEdit(editor);
    moveCursorToEnd(edit);
    type(edit, typed);
    QByteArray bytes = editor.bytes();
    QVERIFY2(bytes.contains("\r\nContent-Length: 15\r\n"), bytes.constData());
    QVERIFY(bytes.endsWith("\r\n\r\nname=value&x=1\t"));
    QCOMPARE(edit->textCursor().position(), edit->document()->characterCount() - 1);

    // Down to one digit and back up to two.
    const int presses = mode == PayloadMode::Hex ? 3 * 7 : mode == PayloadMode::Escaped ? 8 : 7;
    for (int i = 0; i < presses; ++i)
        QTest::keyClick(edit, Qt::Key_Backspace);
    bytes = editor.bytes();
    QVERIFY2(bytes.contains("\r\nContent-Length: 8\r\n"), bytes.constData());
    QVERIFY(bytes.endsWith("\r\n\r\nname=val"));
    type(edit, mode == PayloadMode::Hex ? QStringLiteral(" 75 65 2e") : QStringLiteral("ue."));
    bytes = editor.bytes();
    QVERIFY2(bytes.contains("\r\nContent-Length: 11\r\n"), bytes.constData());
    QVERIFY(bytes.endsWith("\r\n\r\nname=value."));
}

void TestRequestEditor::contentLengthKeepsTheCursorInTheBody()
{
    RequestEditor editor;
    editor.applyTemplate(RequestTemplate::Http11Post);
    QPlainTextEdit *edit = textEdit(editor);
    moveCursorToEnd(edit);
    for (int i = 0; i < 5; ++i)
        QTest::keyClick(edit, Qt::Key_Left); // name=|value
    type(edit, QStringLiteral("my "));
    QVERIFY(editor.bytes().endsWith("Content-Length: 13\r\nConnection: close\r\n\r\nname=my value"));
    type(edit, QStringLiteral("new "));
    QVERIFY(editor.bytes().endsWith("\r\n\r\nname=my new value"));
    QCOMPARE(edit->toPlainText().mid(edit->textCursor().position()), QStringLiteral("value"));
}

void TestRequestEditor::contentLengthEditIsUndoneWithTheTyping()
{
    RequestEditor editor;
    editor.applyTemplate(RequestTemplate::Http11Post);
    QPlainTextEdit *edit = textEdit(editor);
    moveCursorToEnd(edit);
    const QByteArray before = editor.bytes();

    // Enter and a paste are one edit each, with the length they changed.
    QTest::keyClick(edit, Qt::Key_Return);
    QVERIFY(editor.bytes().contains("Content-Length: 12\r\n"));
    QTest::keyClick(edit, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(editor.bytes(), before);
    QGuiApplication::clipboard()->setText(QStringLiteral("&more"));
    QTest::keyClick(edit, Qt::Key_V, Qt::ControlModifier);
    QVERIFY(editor.bytes().contains("Content-Length: 15\r\n"));
    QTest::keyClick(edit, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(editor.bytes(), before);

    // Typed characters: undo walks back through the history and is never stuck on a length it
    // would put right again.
    QTest::keyClicks(edit, QStringLiteral("!?"));
    const QByteArray typed = editor.bytes();
    QVERIFY(typed.endsWith("Content-Length: 12\r\nConnection: close\r\n\r\nname=value!?"));
    for (int i = 0; i < 8 && editor.bytes() != before; ++i)
        QTest::keyClick(edit, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(editor.bytes(), before);
    for (int i = 0; i < 8 && editor.bytes() != typed; ++i)
        QTest::keyClick(edit, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(editor.bytes(), typed);
}

void TestRequestEditor::contentLengthKeepsThePersonsSpelling()
{
    RequestEditor editor;
    editor.setHttpMode(true);
    QPlainTextEdit *edit = textEdit(editor);
    QTest::keyClicks(edit, QStringLiteral("POST / HTTP/1.1"));
    QTest::keyClick(edit, Qt::Key_Return);
    QTest::keyClicks(edit, QStringLiteral("Content-Length:"));
    QTest::keyClick(edit, Qt::Key_Return);
    QTest::keyClick(edit, Qt::Key_Return);
    QTest::keyClicks(edit, QStringLiteral("\\x41\\x42"));
    QCOMPARE(editor.bytes(), QByteArray("POST / HTTP/1.1\r\nContent-Length: 2\r\n\r\nAB"));
    QCOMPARE(edit->toPlainText(), QStringLiteral("POST / HTTP/1.1\\r\\n\nContent-Length: 2\\r\\n\n\\r\\n\n\\x41\\x42"));
}

void TestRequestEditor::setBytesKeepsAWrongContentLength()
{
    RequestEditor editor;
    editor.setHttpMode(true);
    const QByteArray lying("POST / HTTP/1.1\r\nContent-Length: 99\r\n\r\nshort");
    editor.setBytes(lying);
    QCOMPARE(editor.bytes(), lying);
}

void TestRequestEditor::contentLengthIsLeftAloneOutsideHttpMode()
{
    RequestEditor editor;
    editor.applyTemplate(RequestTemplate::Http11Post);
    editor.setHttpMode(false);
    QPlainTextEdit *edit = textEdit(editor);
    moveCursorToEnd(edit);
    QTest::keyClicks(edit, QStringLiteral("!"));
    QVERIFY(editor.bytes().endsWith("Content-Length: 10\r\nConnection: close\r\n\r\nname=value!"));
}

void TestRequestEditor::replaceRequestIsOneUndoStep()
{
    RequestEditor editor;
    QPlainTextEdit *edit = textEdit(editor);
    QTest::keyClicks(edit, QStringLiteral("hello\\n"));
    QCOMPARE(editor.bytes(), QByteArray("hello\n"));
    const QByteArray loaded("GET /big.bin HTTP/1.1\r\nHost: h\r\n\r\n");
    editor.replaceRequest(loaded);
    QCOMPARE(editor.bytes(), loaded);
    QVERIFY(editor.isHttpMode());
    QCOMPARE(edit->textCursor().position(), 0);
    QTest::keyClick(edit, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(editor.bytes(), QByteArray("hello\n"));
    QTest::keyClick(edit, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(editor.bytes(), loaded);
    editor.replaceRequest("raw", false);
    QVERIFY(!editor.isHttpMode());
}

void TestRequestEditor::urlKeepsAnEditedRequest_data()
{
    QTest::addColumn<PayloadMode>("mode");
    QTest::newRow("escapes") << PayloadMode::Escaped;
    QTest::newRow("text") << PayloadMode::Text;
    QTest::newRow("hex") << PayloadMode::Hex;
}

void TestRequestEditor::urlKeepsAnEditedRequest()
{
    QFETCH(PayloadMode, mode);
    RequestEditor editor;
    QVERIFY(editor.setMode(mode));
    editor.setTarget("127.0.0.1:8080", "/");
    editor.applyTemplate(RequestTemplate::Http11Get);
    QPlainTextEdit *edit = textEdit(editor);
    // The person's edit: another method, path and a header of their own, typed in the editor.
    const QByteArray edited("HEAD /big.bin HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAccept: */*\r\nConnection: close\r\n\r\n");
    editor.setBytes(edited);
    QTest::keyClick(edit, Qt::Key_End, Qt::ControlModifier);
    const QString textBefore = edit->toPlainText();

    QVERIFY(editor.retarget("www.perdu.com", "/a?b=1"));
    QCOMPARE(editor.bytes(),
             QByteArray("HEAD /a?b=1 HTTP/1.1\r\nHost: www.perdu.com\r\nAccept: */*\r\nConnection: close\r\n\r\n"));
    // Only what changed was rewritten: the text cursor stays at the end where it was.
    QCOMPARE(edit->textCursor().position(), edit->document()->characterCount() - 1);
    QTest::keyClick(edit, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(editor.bytes(), edited);
    QCOMPARE(edit->toPlainText(), textBefore);
    // The next template goes where the URL says.
    editor.applyTemplate(RequestTemplate::Http10Get);
    QCOMPARE(editor.bytes(), QByteArray("GET /a?b=1 HTTP/1.0\r\n\r\n"));
}

void TestRequestEditor::urlLeavesARawPayloadAlone_data()
{
    QTest::addColumn<QString>("typed");
    QTest::newRow("a line for an echo server") << QStringLiteral("hello\\n");
    QTest::newRow("an escape being typed") << QStringLiteral("GET / HTTP/1.1\\r\\n\\x4");
    QTest::newRow("nothing") << QString();
}

void TestRequestEditor::urlLeavesARawPayloadAlone()
{
    QFETCH(QString, typed);
    RequestEditor editor;
    QPlainTextEdit *edit = textEdit(editor);
    QTest::keyClicks(edit, typed);
    QVERIFY(!editor.retarget("www.perdu.com", "/a"));
    QCOMPARE(edit->toPlainText(), typed);
    editor.applyTemplate(RequestTemplate::Http10Get);
    QCOMPARE(editor.bytes(), QByteArray("GET /a HTTP/1.0\r\n\r\n"));
}

void TestRequestEditor::hostFollowsTheTargetItHeld()
{
    RequestEditor editor;
    editor.setTarget("a", "/");
    editor.applyTemplate(RequestTemplate::Http11Get);
    QPlainTextEdit *edit = textEdit(editor);
    for (int i = 0; i < 5; ++i)
        QTest::keyClick(edit, Qt::Key_Right);
    QTest::keyClicks(edit, QStringLiteral("x")); // GET /x: the person's edit
    const QByteArray edited = editor.bytes();
    QCOMPARE(edited, QByteArray("GET /x HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n"));

    // A host typed letter by letter: the Host header follows, and one Undo takes it all back.
    editor.followTarget("ab");
    editor.followTarget("abc");
    editor.followTarget("abc:8080");
    QCOMPARE(editor.bytes(), QByteArray("GET /x HTTP/1.1\r\nHost: abc:8080\r\nConnection: close\r\n\r\n"));
    QTest::keyClick(edit, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(editor.bytes(), edited);

    // A Host the person wrote for another name stays when the target changes.
    editor.followTarget("abc:8080");
    editor.setBytes("GET / HTTP/1.1\r\nHost: vhost.example\r\n\r\n");
    editor.followTarget("127.0.0.1:81");
    QCOMPARE(editor.bytes(), QByteArray("GET / HTTP/1.1\r\nHost: vhost.example\r\n\r\n"));
    // No Host header: none is added when the target changes.
    editor.setBytes("GET / HTTP/1.0\r\n\r\n");
    editor.followTarget("elsewhere");
    QCOMPARE(editor.bytes(), QByteArray("GET / HTTP/1.0\r\n\r\n"));
}

void TestRequestEditor::invalidEscapeIsMarked()
{
    RequestEditor editor;
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    QSignalSpy validity(&editor, &RequestEditor::validityChanged);
    QSignalSpy bytesChanged(&editor, &RequestEditor::bytesChanged);
    QPlainTextEdit *edit = textEdit(editor);
    QTest::keyClicks(edit, QStringLiteral("ab\\q"));
    QCOMPARE(validity.size(), 1);
    QCOMPARE(validity.at(0).at(0).toBool(), false);
    QVERIFY(!editor.isValid());
    QCOMPARE(editor.bytes(), QByteArray());
    const QString expected = QStringLiteral("Column 3: ") + describeCodecError(PayloadCodec::ErrorKind::UnknownEscape);
    QCOMPARE(editor.errorMessage(), expected);
    QCOMPARE(labelText(editor, "errorMessage"), expected);
    QVERIFY(editor.findChild<QLabel *>(QStringLiteral("errorMessage"))->isVisible());
    QVERIFY(labelText(editor, "byteCount").contains(u'2'));
    QCOMPARE(edit->accessibleDescription(), expected);

    const QList<QTextEdit::ExtraSelection> marks = edit->extraSelections();
    QCOMPARE(marks.size(), 1);
    QCOMPARE(marks.at(0).cursor.selectionStart(), 2);
    QCOMPARE(marks.at(0).cursor.selectionEnd(), 4);
    QCOMPARE(marks.at(0).format.underlineStyle(), QTextCharFormat::WaveUnderline);

    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, QStringLiteral("n"));
    QCOMPARE(validity.size(), 2);
    QCOMPARE(validity.at(1).at(0).toBool(), true);
    QCOMPARE(editor.bytes(), QByteArray("ab\n"));
    QVERIFY(edit->extraSelections().isEmpty());
    QVERIFY(editor.errorMessage().isEmpty());
    QVERIFY(!editor.findChild<QLabel *>(QStringLiteral("errorMessage"))->isVisible());
    QVERIFY(bytesChanged.size() > 0);
}

void TestRequestEditor::invalidEscapeOnASecondLine()
{
    RequestEditor editor;
    QPlainTextEdit *edit = textEdit(editor);
    QTest::keyClicks(edit, QStringLiteral("GET /"));
    QTest::keyClick(edit, Qt::Key_Return);
    QTest::keyClicks(edit, QStringLiteral("ab\\x4"));
    QCOMPARE(editor.errorMessage(), QStringLiteral("Line 2, column 3: ")
                                        + describeCodecError(PayloadCodec::ErrorKind::ShortHexEscape));
    // Enter wrote "\n" and the line break: the second line starts at 8.
    QCOMPARE(edit->extraSelections().at(0).cursor.selectionStart(), 10);
    QCOMPARE(edit->extraSelections().at(0).cursor.selectionEnd(), 13);
}

void TestRequestEditor::oddHexIsMarked()
{
    RequestEditor editor;
    QVERIFY(editor.setMode(PayloadMode::Hex));
    QPlainTextEdit *edit = textEdit(editor);
    QTest::keyClicks(edit, QStringLiteral("47 "));
    QSignalSpy validity(&editor, &RequestEditor::validityChanged);
    QTest::keyClicks(edit, QStringLiteral("4"));
    QCOMPARE(validity.size(), 1);
    QVERIFY(!editor.isValid());
    QCOMPARE(editor.errorMessage(), QStringLiteral("Column 4: ") + describeCodecError(PayloadCodec::ErrorKind::OddHexDigits));
    QCOMPARE(edit->extraSelections().at(0).cursor.selectionStart(), 3);
    QCOMPARE(edit->extraSelections().at(0).cursor.selectionEnd(), 4);
    QTest::keyClicks(edit, QStringLiteral("5"));
    QCOMPARE(validity.size(), 2);
    QTest::keyClicks(edit, QStringLiteral(" zz"));
    QCOMPARE(editor.errorMessage(), QStringLiteral("Column 7: ") + describeCodecError(PayloadCodec::ErrorKind::BadHexCharacter));
    QCOMPARE(validity.size(), 3);
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClick(edit, Qt::Key_Backspace);
    QCOMPARE(validity.size(), 4);
    QVERIFY(editor.isValid());
    QCOMPARE(editor.bytes(), QByteArray("GE"));
}

void TestRequestEditor::byteCountUsesPlurals()
{
    PluralTranslator translator;
    QVERIFY(QCoreApplication::installTranslator(&translator));
    RequestEditor editor;
    QCOMPARE(labelText(editor, "byteCount"), QStringLiteral("0 bytes"));
    editor.setBytes("x");
    QCOMPARE(labelText(editor, "byteCount"), QStringLiteral("1 byte"));
    editor.setBytes("GET / HTTP/1.0\r\n\r\n");
    QCOMPARE(labelText(editor, "byteCount"), QStringLiteral("18 bytes"));
    editor.setBytes(QByteArray(1234, 'a'));
    QCOMPARE(labelText(editor, "byteCount"), QLocale().toString(1234) + QStringLiteral(" bytes"));
    editor.setBytes("a");
    QTest::keyClicks(textEdit(editor), QStringLiteral("\\"));
    QCOMPARE(labelText(editor, "byteCount"), QStringLiteral("1 byte before the error"));
    QVERIFY(QCoreApplication::removeTranslator(&translator));
    // The language changed back: the label follows at once.
    QTRY_COMPARE(labelText(editor, "byteCount"), QStringLiteral("1 byte(s) before the error"));
}

void TestRequestEditor::switchingWhileInvalidIsRefused()
{
    RequestEditor editor;
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    QPlainTextEdit *edit = textEdit(editor);
    QTest::keyClicks(edit, QStringLiteral("ab\\qcd"));
    QVERIFY(!editor.isValid());
    QSignalSpy modeChanged(&editor, &RequestEditor::modeChanged);

    QVERIFY(!editor.setMode(PayloadMode::Hex));
    QCOMPARE(editor.mode(), PayloadMode::Escaped);
    QTest::mouseClick(toolButton(editor, "modeText"), Qt::LeftButton);
    QCOMPARE(editor.mode(), PayloadMode::Escaped);
    QVERIFY(toolButton(editor, "modeEscapes")->isChecked());
    QVERIFY(!toolButton(editor, "modeText")->isChecked());
    QCOMPARE(modeChanged.size(), 0);
    QCOMPARE(edit->toPlainText(), QStringLiteral("ab\\qcd"));
    QCOMPARE(edit->extraSelections().size(), 1);
    QCOMPARE(edit->textCursor().position(), 2);
    QVERIFY(!editor.errorMessage().isEmpty());

    QTest::keyClick(edit, Qt::Key_Delete);
    QVERIFY(editor.isValid());
    QVERIFY(editor.setMode(PayloadMode::Hex));
    QCOMPARE(editor.bytes(), QByteArray("abqcd"));
}

void TestRequestEditor::setBytesReplacesTheText()
{
    RequestEditor editor;
    QSignalSpy bytesChanged(&editor, &RequestEditor::bytesChanged);
    QPlainTextEdit *edit = textEdit(editor);
    QTest::keyClicks(edit, QStringLiteral("typed"));
    bytesChanged.clear();
    editor.setBytes(QByteArray("\x01\x02", 2));
    QCOMPARE(bytesChanged.size(), 1);
    QCOMPARE(editor.bytes(), QByteArray("\x01\x02", 2));
    QCOMPARE(edit->toPlainText(), QStringLiteral("\\x01\\x02"));
    QVERIFY(editor.setMode(PayloadMode::Text));
    editor.setBytes("a\rb");
    QCOMPARE(edit->toPlainText(), QStringLiteral("a\u240db"));
    QCOMPARE(editor.bytes(), QByteArray("a\rb"));
    editor.setBytes({});
    QCOMPARE(editor.bytes(), QByteArray());
    QVERIFY(editor.isValid());

    // A replaced request is one undo away.
    QTest::keyClick(edit, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(editor.bytes(), QByteArray("a\rb"));
}

void TestRequestEditor::pasteInTextModeMeansItsCharacters()
{
    RequestEditor editor;
    QVERIFY(editor.setMode(PayloadMode::Text));
    QPlainTextEdit *edit = textEdit(editor);
    QGuiApplication::clipboard()->setText(QStringLiteral("a\r\nb\tc\u240d\u00a0"));
    QTest::keyClick(edit, Qt::Key_V, Qt::ControlModifier);
    QCOMPARE(editor.bytes(), QByteArray("a\r\nb\tc\r\xc2\xa0"));
    QCOMPARE(edit->toPlainText(), QStringLiteral("a\u240d\nb\u2409c\u240d\u28c2\u28a0"));
}

void TestRequestEditor::pasteInEscapesModeEscapesControls()
{
    RequestEditor editor;
    QPlainTextEdit *edit = textEdit(editor);
    QGuiApplication::clipboard()->setText(QStringLiteral("GET / HTTP/1.0\\r\\n\r\n\t\x01"));
    QTest::keyClick(edit, Qt::Key_V, Qt::ControlModifier);
    QCOMPARE(edit->toPlainText(), QStringLiteral("GET / HTTP/1.0\\r\\n\\r\\n\n\\t\\x01"));
    QCOMPARE(editor.bytes(), QByteArray("GET / HTTP/1.0\r\n\r\n\t\x01"));
}

void TestRequestEditor::longTokensWrapAtTheWidth()
{
    // A short word, then a token longer than a row (base64, hex): the first row is filled to the
    // width, not ended after the word. Waiting for a word boundary that never comes made a pasted
    // 1 MiB line take half a minute to lay out.
    RequestEditor editor;
    editor.resize(400, 300);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    editor.setBytes("ab " + QByteArray(2000, 'x'));
    QPlainTextEdit *edit = textEdit(editor);
    const QTextLayout *layout = edit->document()->firstBlock().layout();
    QVERIFY(layout->lineCount() > 1);
    QVERIFY2(layout->lineAt(0).textLength() > 10, QByteArray::number(layout->lineAt(0).textLength()));
}

void TestRequestEditor::tabMovesTheFocus()
{
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    auto *before = new QLineEdit;
    auto *editor = new RequestEditor;
    auto *after = new QLineEdit;
    layout->addWidget(before);
    layout->addWidget(editor);
    layout->addWidget(after);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QPlainTextEdit *edit = textEdit(*editor);

    // The text first, then the checked mode, HTTP, Templates; Tab never types a TAB.
    before->setFocus();
    QTest::keyClick(before, Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), edit);
    const char *order[] = {"modeEscapes", "httpMode", "templates"};
    for (const char *name : order) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), toolButton(*editor, name));
    }
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), after);
    QCOMPARE(editor->bytes(), QByteArray());

    // Within the mode buttons the arrow keys choose.
    editor->setBytes("a\r\n");
    toolButton(*editor, "modeEscapes")->setFocus();
    QTest::keyClick(toolButton(*editor, "modeEscapes"), Qt::Key_Right);
    QCOMPARE(editor->mode(), PayloadMode::Text);
    QCOMPARE(editor->bytes(), QByteArray("a\r\n"));

    // The editor's own focus goes to the text.
    editor->setFocus();
    QCOMPARE(QApplication::focusWidget(), edit);
}

void TestRequestEditor::typedControlPictureWritesItsByte()
{
    RequestEditor editor;
    QVERIFY(editor.setMode(PayloadMode::Text));
    QPlainTextEdit *edit = textEdit(editor);
    type(edit, QStringLiteral("a\u2400\u240d\u240a\u28ffz"));
    QCOMPARE(editor.bytes(), QByteArray("a\0\r\n\xffz", 6));
}

void TestRequestEditor::marksTakeTheWidthOfTheirBox()
{
    RequestEditor editor;
    editor.resize(600, 300);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    QVERIFY(editor.setMode(PayloadMode::Text));
    editor.setBytes("a\rb\xff");
    QPlainTextEdit *edit = textEdit(editor);
    const auto xAt = [edit](int position) {
        QTextCursor cursor(edit->document());
        cursor.setPosition(position);
        return edit->cursorRect(cursor).x();
    };
    const MarkStyle style(edit->font());
    QVERIFY(xAt(2) - xAt(1) >= int(style.boxWidth(QStringLiteral("CR"))));
    QVERIFY(xAt(4) - xAt(3) >= int(style.boxWidth(QStringLiteral("ff"))));
    QCOMPARE(VisibleText::markLabel(QChar(0x240d)), QStringLiteral("CR"));
    QCOMPARE(VisibleText::markLabel(QChar(0x2400)), QStringLiteral("NUL"));
    QCOMPARE(VisibleText::markLabel(QChar(0x2421)), QStringLiteral("DEL"));
    QCOMPARE(VisibleText::markLabel(QChar(0x28ff)), QStringLiteral("ff"));

    // Zoomed text (Ctrl+wheel), marks sized for the new font.
    edit->zoomIn(6);
    QTRY_VERIFY(xAt(2) - xAt(1) >= int(MarkStyle(edit->font()).boxWidth(QStringLiteral("CR"))));
}

void TestRequestEditor::coloursReadableOnEachPalette_data()
{
    QTest::addColumn<QPalette>("palette");
    QTest::newRow("light") << lightPalette();
    QTest::newRow("dark") << darkPalette();
}

void TestRequestEditor::coloursReadableOnEachPalette()
{
    QFETCH(QPalette, palette);
    const EditorColors colors = EditorColors::forPalette(palette);
    const QColor base = palette.color(QPalette::Base);
    QVERIFY2(contrast(colors.error, base) >= 4.5, qPrintable(colors.error.name()));
    QVERIFY2(contrast(colors.error, colors.errorBackground) >= 3.0, qPrintable(colors.errorBackground.name()));
    QVERIFY2(contrast(colors.escape, base) >= 4.5, qPrintable(colors.escape.name()));
    QVERIFY2(contrast(colors.rawByte, colors.rawByteBackground) >= 4.5, qPrintable(colors.rawByte.name()));
    // Dim, not hidden: the marks are how a person sees a CR.
    QVERIFY2(contrast(colors.mark, base) >= 2.5, qPrintable(colors.mark.name()));
    QVERIFY2(contrast(colors.mark, colors.markBackground) >= 2.5, qPrintable(colors.markBackground.name()));
    QVERIFY(contrast(colors.mark, base) < contrast(palette.color(QPalette::Text), base));

    RequestEditor editor;
    editor.setPalette(palette);
    QTest::keyClicks(textEdit(editor), QStringLiteral("\\q"));
    const QTextEdit::ExtraSelection mark = textEdit(editor)->extraSelections().at(0);
    QCOMPARE(mark.format.underlineColor(), colors.error);
    QCOMPARE(editor.findChild<QLabel *>(QStringLiteral("errorMessage"))->palette().color(QPalette::WindowText),
             colors.error);
}

QTEST_MAIN(TestRequestEditor)
#include "tst_requesteditor.moc"
