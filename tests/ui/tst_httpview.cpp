#include "reply/httpview.h"

#include "http/htmltext.h"
#include "http/httpresponseparser.h"
#include "servers/httpdemosite.h"

#include "arraysource.h"
#include "compress.h"

#include <QAction>
#include <QBuffer>
#include <QClipboard>
#include <QDir>
#include <QGuiApplication>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QLocale>
#include <QMouseEvent>
#include <QPlainTextEdit>
#include <QScopeGuard>
#include <QScrollBar>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTextDocument>


#include <memory>

using namespace SocketLab;

namespace {

using TestSupport::ArraySource;

using TestSupport::gzip;

QByteArray png(const QColor &colour, int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(colour);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, "PNG"))
        qFatal("PNG encoding failed");
    return bytes;
}

QByteArray withContentLength(const QByteArray &head, const QByteArray &body)
{
    return "HTTP/1.1 200 OK\r\n" + head + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

QByteArray chunked(const QList<QByteArray> &chunks)
{
    QByteArray out;
    for (const QByteArray &chunk : chunks)
        out += QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n";
    return out + "0\r\n\r\n";
}

// What the exchange hands the view: its parser after the last byte (and the close, when closed).
void show(HttpView &view, const QByteArray &response, bool peerClosed = true)
{
    auto parser = std::make_shared<HttpResponseParser>();
    parser->feed(response);
    if (peerClosed)
        parser->finish();
    view.setResponse(parser, std::make_shared<ArraySource>(response));
}

QString labelText(const HttpView &view, const char *name)
{
    const auto *label = view.findChild<QLabel *>(QLatin1StringView(name));
    return label && label->isVisibleTo(&view) ? label->text() : QString();
}

QString bodyText(const HttpView &view)
{
    return view.findChild<QPlainTextEdit *>(QStringLiteral("bodyText"))->toPlainText();
}

QTabWidget *tabs(const HttpView &view)
{
    return view.findChild<QTabWidget *>(QStringLiteral("bodyTabs"));
}

bool previewEnabled(const HttpView &view)
{
    QTabWidget *bodyTabs = tabs(view);
    return bodyTabs->isTabEnabled(1);
}

} // namespace

class TestHttpView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void statusAndHeaders();
    void framingInWords_data();
    void framingInWords();
    void chunkedBodyDecoded();
    void gzipBodyDecoded();
    void gzipAndChunkedTogether();
    void charsets_data();
    void charsets();
    void unsupportedEncodingShownAsReceived();
    void brotliBodyDecoded();
    void corruptGzipSaysWhere();
    void deviationsInWords();
    void newDeviationsInWords();
    void otherProtocolIsNamed();
    void upgradedBytesShownAsTheNewProtocols();
    void malformedResponse_data();
    void malformedResponse();
    void imagePreview();
    void brokenImage();
    void htmlPreviewLoadsNothing();
    void htmlPreviewShowsAStrayLessThan();
    void bigBodyIsCut();
    void copyHeaders();
    void everyHeaderShowsWithoutScrolling();
    void clearForgetsEverything();
    void errorReadableInDarkPalette();
    void previewLinksAndFormsAreClickable();
    void locationIsClickable();
};

void TestHttpView::initTestCase()
{
    QLocale::setDefault(QLocale::c());
}

void TestHttpView::statusAndHeaders()
{
    HttpView view;
    show(view, withContentLength("Content-Type: text/plain\r\nServer: demo\r\n", "hello"));

    QCOMPARE(labelText(view, "statusLine"), QStringLiteral("HTTP/1.1 200 OK"));
    QCOMPARE(labelText(view, "framing"), QStringLiteral("Content-Length: 5 byte(s)"));
    QVERIFY(labelText(view, "deviations").isEmpty());
    QVERIFY(labelText(view, "parseError").isEmpty());

    const auto *headers = view.findChild<QTableWidget *>(QStringLiteral("headers"));
    QCOMPARE(headers->rowCount(), 3);
    QCOMPARE(headers->columnCount(), 4);
    const QStringList expected[] = {
        {QStringLiteral("Content-Type"), QStringLiteral("text/plain"), QStringLiteral("17"), QStringLiteral("26")},
        {QStringLiteral("Server"), QStringLiteral("demo"), QStringLiteral("43"), QStringLiteral("14")},
        {QStringLiteral("Content-Length"), QStringLiteral("5"), QStringLiteral("57"), QStringLiteral("19")},
    };
    for (int row = 0; row < 3; ++row) {
        QStringList cells;
        for (int column = 0; column < 4; ++column)
            cells.append(headers->item(row, column)->text());
        QCOMPARE(cells, expected[row]);
    }
    QCOMPARE(bodyText(view), QStringLiteral("hello"));
    QCOMPARE(labelText(view, "bodyInfo"), QStringLiteral("Body: 5 byte(s)."));
}

// The notebook's reply has five headers: in a view of ordinary size they all show, the body keeps
// room of its own, and a split the person chose stays theirs when the next reply comes.
void TestHttpView::everyHeaderShowsWithoutScrolling()
{
    HttpView view;
    view.resize(900, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QByteArray fiveHeaders = withContentLength("Date: Sun, 22 Nov 2026 04:13:46 GMT\r\nServer: SocketLab\r\n"
                                                     "Content-Type: text/html\r\nConnection: close\r\n",
                                                     "<html></html>");
    show(view, fiveHeaders);
    auto *headers = view.findChild<QTableWidget *>(QStringLiteral("headers"));
    QCOMPARE(headers->rowCount(), 5);
    QTRY_VERIFY(headers->verticalHeader()->length() <= headers->viewport()->height());
    QVERIFY(headers->viewport()->height() >= 5 * headers->rowHeight(0));
    QCOMPARE(headers->verticalScrollBar()->maximum(), 0);
    const auto *body = view.findChild<QPlainTextEdit *>();
    QVERIFY(body->height() >= body->fontMetrics().height() * 4);

    auto *splitter = view.findChild<QSplitter *>();
    QVERIFY(splitter);
    const int fitted = splitter->sizes().constFirst();
    // Dragged by hand to the left: press, move with the button held, release.
    QSplitterHandle *handle = splitter->handle(1);
    const QPoint grip = handle->rect().center();
    QTest::mousePress(handle, Qt::LeftButton, {}, grip);
    QMouseEvent move(QEvent::MouseMove, QPointF(grip - QPoint(60, 0)), handle->mapToGlobal(QPointF(grip - QPoint(60, 0))),
                     Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(handle, &move);
    QTest::mouseRelease(handle, Qt::LeftButton, {}, grip - QPoint(0, 60));
    const QList<int> chosen = splitter->sizes();
    QVERIFY(chosen.constFirst() < fitted);
    show(view, fiveHeaders);
    // The new headers ask for a new layout, which Qt posts: once it has run (sent here rather than
    // waited for), the split is still the person's.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QCOMPARE(splitter->sizes(), chosen);
}

void TestHttpView::framingInWords_data()
{
    QTest::addColumn<QByteArray>("response");
    QTest::addColumn<bool>("peerClosed");
    QTest::addColumn<QString>("framing");
    QTest::addColumn<QString>("body");

    QTest::newRow("Content-Length")
        << withContentLength({}, QByteArray(926, 'x')) << true << QStringLiteral("Content-Length: 926 byte(s)")
        << QString(926, u'x');
    QTest::newRow("chunked")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + chunked({"ab", "cd", "ef"})) << true
        << QStringLiteral("chunked, 3 chunk(s)") << QStringLiteral("abcdef");
    QTest::newRow("until close") << QByteArray("HTTP/1.0 200 OK\r\n\r\nall of it") << true
                                 << QStringLiteral("until the server closes the connection")
                                 << QStringLiteral("all of it");
    QTest::newRow("no body") << QByteArray("HTTP/1.1 204 No Content\r\n\r\n") << true << QStringLiteral("no body")
                             << QString();
    QTest::newRow("transfer-encoding not ending in chunked")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: x-custom\r\n\r\nraw bytes") << true
        << QStringLiteral("until the server closes the connection: its Transfer-Encoding does not end with chunked")
        << QStringLiteral("raw bytes");
    QTest::newRow("switched protocols: the new protocol's bytes, not a body")
        << QByteArray("HTTP/1.1 101 Switching Protocols\r\nUpgrade: chat\r\nContent-Length: 3\r\n\r\nHELLO chat") << false
        << QStringLiteral("no body: the message ends with its head, the connection switched protocols")
        << QStringLiteral("HELLO chat");
    QTest::newRow("not complete yet")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhalf") << false
        << QStringLiteral("Content-Length: 10 byte(s); the message is not complete yet") << QStringLiteral("half");
}

void TestHttpView::framingInWords()
{
    QFETCH(QByteArray, response);
    QFETCH(bool, peerClosed);
    QFETCH(QString, framing);
    QFETCH(QString, body);

    HttpView view;
    show(view, response, peerClosed);
    QCOMPARE(labelText(view, "framing"), framing);
    QCOMPARE(bodyText(view), body);
}

void TestHttpView::chunkedBodyDecoded()
{
    HttpView view;
    show(view, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
                   + chunked({"hello", ", world", "!"}));
    QCOMPARE(labelText(view, "framing"), QStringLiteral("chunked, 3 chunk(s)"));
    QCOMPARE(bodyText(view), QStringLiteral("hello, world!"));
    QCOMPARE(labelText(view, "bodyInfo"), QStringLiteral("Body: 13 byte(s)."));
}

void TestHttpView::gzipBodyDecoded()
{
    QByteArray page;
    for (int i = 0; i < 100; ++i)
        page += "line " + QByteArray::number(i) + " of a compressed page\n";
    const QByteArray body = gzip(page);
    HttpView view;
    show(view, withContentLength("Content-Type: text/plain\r\nContent-Encoding: gzip\r\n", body));

    QCOMPARE(bodyText(view), QString::fromLatin1(page));
    QCOMPARE(labelText(view, "bodyInfo"), QStringLiteral("Body: %1 byte(s), gzip-encoded; %2 byte(s) once decoded.")
                                              .arg(body.size())
                                              .arg(page.size()));
}

void TestHttpView::gzipAndChunkedTogether()
{
    const QByteArray page = "<p>chunked, then gzip</p>";
    const QByteArray body = gzip(page);
    HttpView view;
    show(view, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n"
               "Content-Type: text/plain\r\n\r\n"
                   + chunked({body.left(7), body.mid(7, 10), body.mid(17)}));
    QCOMPARE(bodyText(view), QString::fromLatin1(page));
}

void TestHttpView::charsets_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("text");

    const QString cafe = QStringLiteral("caf\u00e9");
    QTest::newRow("UTF-8 by default") << QByteArray("text/plain") << QByteArray("caf\xc3\xa9") << cafe;
    QTest::newRow("UTF-8 named") << QByteArray("text/plain; charset=UTF-8") << QByteArray("caf\xc3\xa9") << cafe;
    QTest::newRow("ISO-8859-1") << QByteArray("text/plain; charset=ISO-8859-1") << QByteArray("caf\xe9") << cafe;
    QTest::newRow("latin1, quoted") << QByteArray("text/html; charset=\"latin1\"") << QByteArray("caf\xe9") << cafe;
    QTest::newRow("HTML meta charset")
        << QByteArray("text/html") << QByteArray("<meta charset=\"iso-8859-1\">caf\xe9")
        << QStringLiteral("<meta charset=\"iso-8859-1\">caf\u00e9");
}

void TestHttpView::charsets()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(QString, text);

    HttpView view;
    show(view, withContentLength("Content-Type: " + contentType + "\r\n", body));
    QCOMPARE(bodyText(view), text);
}

void TestHttpView::unsupportedEncodingShownAsReceived()
{
    HttpView view;
    show(view, withContentLength("Content-Type: text/plain\r\nContent-Encoding: zstd\r\n", "not really zstd"));
    QCOMPARE(bodyText(view), QStringLiteral("not really zstd"));
    QVERIFY2(labelText(view, "bodyInfo").contains(
                 QStringLiteral("Content-Encoding \"zstd\" cannot be decoded here: the body is left as received.")),
             qPrintable(labelText(view, "bodyInfo")));
}

void TestHttpView::brotliBodyDecoded()
{
    // "Hello, brotli!" as libbrotlienc writes it: the view decodes it like gzip.
    const QByteArray body = QByteArray::fromHex("8b068048656c6c6f2c2062726f746c692103");
    HttpView view;
    show(view, withContentLength("Content-Type: text/plain\r\nContent-Encoding: br\r\n", body));
    QCOMPARE(bodyText(view), QStringLiteral("Hello, brotli!"));
    QCOMPARE(labelText(view, "bodyInfo"),
             QStringLiteral("Body: %1 byte(s), br-encoded; 14 byte(s) once decoded.").arg(body.size()));
}

void TestHttpView::corruptGzipSaysWhere()
{
    QByteArray body = gzip("some text that is long enough to be compressed, compressed, compressed");
    body[1] = 'X';
    const QByteArray reply = withContentLength("Content-Type: text/plain\r\nContent-Encoding: gzip\r\n", body);
    HttpView view;
    show(view, reply);
    QVERIFY2(labelText(view, "bodyInfo").contains(
                 QStringLiteral("The gzip data is corrupt at byte 2 of the body (byte %1 of the reply): only what comes "
                                "before it is decoded.")
                     .arg(reply.size() - body.size() + 2)),
             qPrintable(labelText(view, "bodyInfo")));
    QVERIFY(bodyText(view).isEmpty());
}

void TestHttpView::deviationsInWords()
{
    HttpView view;
    show(view, "HTTP/1.1 200\nContent-Length: 2\nContent-Length: 2\n\nokEXTRA");
    const QString deviations = labelText(view, "deviations");
    QCOMPARE(deviations,
             QStringLiteral("1 status line(s) without a reason phrase, at byte(s) 12\n"
                            "4 line(s) ended by LF alone instead of CRLF, at byte(s) 12, 30, 48, 49\n"
                            "Content-Length repeated with the same value 1 time(s), at byte(s) 47\n"
                            "5 byte(s) after the end of the message, from byte 52"));
    QCOMPARE(labelText(view, "statusLine"), QStringLiteral("HTTP/1.1 200"));
    QCOMPARE(bodyText(view), QStringLiteral("ok"));
}

void TestHttpView::newDeviationsInWords()
{
    HttpView view;
    show(view, QByteArray("\r\nHTTP/0.9 200\rOK\r\nX-Nul: a\0b\r\nTransfer-Encoding: chunked\r\n\r\n"
                          "2 \r\nok\r\n1;\r\n!\r\n0\r\n\r\n", 81));
    QCOMPARE(labelText(view, "deviations"),
             QStringLiteral("1 empty line(s) before a status line, at byte(s) 0\n"
                            "HTTP/0.9 in a status line, read as HTTP/1.1, at byte 7\n"
                            "1 CR(s) not followed by LF in the head, read as spaces, at byte(s) 14\n"
                            "1 header value(s) with a control character (NUL read as a space), at byte(s) 27\n"
                            "1 chunk size line(s) with spaces or tabs before their CRLF, at byte(s) 62\n"
                            "1 \";\" with no chunk extension name after it, at byte(s) 70"));
    QCOMPARE(labelText(view, "statusLine"), QStringLiteral("HTTP/0.9 200 OK"));
    QCOMPARE(bodyText(view), QStringLiteral("ok!"));

    show(view, "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\nzz");
    QCOMPARE(labelText(view, "deviations"),
             QStringLiteral("Transfer-Encoding does not end with chunked: the body runs until the server closes, at byte 17"));
}

void TestHttpView::otherProtocolIsNamed()
{
    HttpView view;
    show(view, "RTSP/1.0 200 OK\r\nCSeq: 2\r\nContent-Length: 3\r\n\r\nv=0");
    QCOMPARE(labelText(view, "statusLine"), QStringLiteral("RTSP/1.0 200 OK"));
    QCOMPARE(labelText(view, "protocol"),
             QStringLiteral("RTSP/1.0, not HTTP: read with HTTP/1.1's message syntax (status line, headers, framing)"));
    QCOMPARE(bodyText(view), QStringLiteral("v=0"));
    // An HTTP reply has no such row.
    show(view, withContentLength({}, "x"));
    QVERIFY(labelText(view, "protocol").isEmpty());
}

void TestHttpView::upgradedBytesShownAsTheNewProtocols()
{
    HttpView view;
    const QByteArray head = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n";
    show(view, head + QByteArray("\x81\x05hello\x00", 8), false);
    QCOMPARE(labelText(view, "upgraded"),
             QStringLiteral("websocket, from byte %1 (8 byte(s) so far): the bytes after the head belong to it, not to a body")
                 .arg(head.size()));
    QCOMPARE(labelText(view, "bodyInfo"),
             QStringLiteral("No body: the bytes from %1 on (8 byte(s)) belong to the new protocol, shown here as they came.")
                 .arg(head.size()));
    // Binary, as a websocket frame is: the hex view shows it, from where it starts.
    QVERIFY(bodyText(view).isEmpty());
    QCOMPARE(view.findChild<QPlainTextEdit *>(QStringLiteral("bodyText"))->placeholderText(),
             QStringLiteral("Binary content: see the hex view from byte %1.").arg(head.size()));
    QVERIFY(!previewEnabled(view));
    QVERIFY(labelText(view, "deviations").isEmpty());

    show(view, "HTTP/1.1 101 Switching Protocols\r\n\r\n", false);
    QCOMPARE(labelText(view, "upgraded"),
             QStringLiteral("a protocol the reply does not name (no Upgrade header), from byte 36 (0 byte(s) so far): "
                            "the bytes after the head belong to it, not to a body"));
    QCOMPARE(labelText(view, "bodyInfo"), QStringLiteral("No body: nothing came after the head in the new protocol."));
}

void TestHttpView::malformedResponse_data()
{
    QTest::addColumn<QByteArray>("response");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("status");

    QTest::newRow("header without colon")
        << QByteArray("HTTP/1.1 200 OK\r\nBad Header\r\n\r\n")
        << QStringLiteral("Malformed response at byte 20: a header line has no colon, or a blank before its colon.")
        << QStringLiteral("HTTP/1.1 200 OK");
    QTest::newRow("not HTTP") << QByteArray("SSH-2.0-OpenSSH_9.2\r\n")
                              << QStringLiteral("Malformed response at byte 3: the status line is not \"HTTP/x.y code "
                                                "reason\" (or RTSP/x.y, SIP/x.y...).")
                              << QStringLiteral("No valid status line.");
    QTest::newRow("bad version") << QByteArray("HTTP/2 200 OK\r\n\r\n")
                                 << QStringLiteral("Malformed response at byte 6: the version is not a digit, a dot and a digit.")
                                 << QStringLiteral("No valid status line.");
    QTest::newRow("bad chunk size")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")
        << QStringLiteral("Malformed response at byte 47: a chunk size is not a hexadecimal number.")
        << QStringLiteral("HTTP/1.1 200 OK");
    QTest::newRow("closed early") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhalf")
                                  << QStringLiteral("The connection closed at byte 43, before the end of the message.")
                                  << QStringLiteral("HTTP/1.1 200 OK");
}

void TestHttpView::malformedResponse()
{
    QFETCH(QByteArray, response);
    QFETCH(QString, error);
    QFETCH(QString, status);

    HttpView view;
    show(view, response);
    QCOMPARE(labelText(view, "parseError"), error);
    QCOMPARE(labelText(view, "statusLine"), status);
}

void TestHttpView::imagePreview()
{
    HttpView view;
    view.resize(800, 700);
    show(view, withContentLength("Content-Type: image/png\r\n", png(Qt::red, 40, 30)));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    QTabWidget *bodyTabs = tabs(view);
    QVERIFY(previewEnabled(view));
    QCOMPARE(bodyTabs->currentIndex(), 1);
    auto *image = view.findChild<QWidget *>(QStringLiteral("imagePreview"));
    QVERIFY(image->isVisible());
    QVERIFY(labelText(view, "bodyInfo").endsWith(QStringLiteral("PNG image, 40 × 30 pixels.")));
    QVERIFY(bodyText(view).isEmpty());

    const QImage painted = image->grab().toImage();
    const QPoint centre(painted.width() / 2, painted.height() / 2);
    QCOMPARE(QColor(painted.pixel(centre)), QColor(Qt::red));
}

void TestHttpView::brokenImage()
{
    HttpView view;
    show(view, withContentLength("Content-Type: image/png\r\n", "\x89PNG but not really"));
    QVERIFY(!previewEnabled(view));
    QCOMPARE(tabs(view)->currentIndex(), 0);
    QCOMPARE(view.findChild<QLabel *>(QStringLiteral("previewMessage"))->text(),
             QStringLiteral("This body could not be read as an image (image/png)."));
}

// The notebooks' page (its bytes exact, as the notebook prints them) has "* <----- vous êtes ici"
// in a <pre>: a browser shows the arrow, and so does the preview.
void TestHttpView::htmlPreviewShowsAStrayLessThan()
{
    QVERIFY(HttpDemoSite::indexPage().contains("<pre>    * <----- vous &ecirc;tes ici</pre>"));
    HttpView view;
    view.resize(800, 600);
    show(view, withContentLength("Content-Type: text/html\r\n", HttpDemoSite::indexPage()));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    tabs(view)->setCurrentIndex(1);
    auto *browser = view.findChild<QTextBrowser *>(QStringLiteral("htmlPreview"));
    QVERIFY(browser->isVisible());
    QVERIFY2(browser->toPlainText().contains(QStringLiteral("    * <----- vous \u00eates ici")), qPrintable(browser->toPlainText()));
    QCOMPARE(bodyText(view), QString::fromLatin1(HttpDemoSite::indexPage()));

    // Only a "<" that cannot open markup is escaped; tags, end tags, comments and declarations stay.
    QCOMPARE(withStrayLessThanEscaped(QStringLiteral("<!DOCTYPE html><p>a < b <-- <3 </p><!-- c --><?x?>a<")),
             QStringLiteral("<!DOCTYPE html><p>a &lt; b &lt;-- &lt;3 </p><!-- c --><?x?>a&lt;"));
}

void TestHttpView::htmlPreviewLoadsNothing()
{
    // Files a careless preview would read: from the working directory, by path and by file: URL.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString imagePath = dir.filePath(QStringLiteral("logo.png"));
    {
        QFile image(imagePath);
        QVERIFY(image.open(QIODevice::WriteOnly));
        image.write(png(QColor(0x12, 0xab, 0x34), 37, 23));
        QFile css(dir.filePath(QStringLiteral("style.css")));
        QVERIFY(css.open(QIODevice::WriteOnly));
        css.write("h1 { color: #12ab34; background-color: #12ab34; }");
    }
    const QString previous = QDir::currentPath();
    QVERIFY(QDir::setCurrent(dir.path()));
    auto restore = qScopeGuard([&] { QDir::setCurrent(previous); });

    const QByteArray html = "<html><head><link rel=\"stylesheet\" href=\"style.css\">"
                            "<link rel=\"stylesheet\" href=\"http://127.0.0.1:9/remote.css\"></head>"
                            "<body><h1>Demo page</h1><p><img src=\"logo.png\"> <img src=\"" + imagePath.toUtf8()
        + "\"> <img src=\"" + QUrl::fromLocalFile(imagePath).toEncoded()
        + "\"> <img src=\"http://127.0.0.1:9/remote.png\"></p>"
          "<p><a href=\"http://127.0.0.1:9/next\">next</a></p></body></html>";
    // The files' colour, which nothing else on screen uses (links are blue).
    const auto markedArea = [](QWidget *widget) {
        const QImage image = widget->grab().toImage();
        int marked = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x)
                marked += image.pixel(x, y) == qRgb(0x12, 0xab, 0x34);
        }
        return marked;
    };

    // Without care, QTextBrowser shows the images and the styled heading: the check below can fail.
    QTextBrowser plain;
    plain.resize(600, 400);
    plain.setHtml(QString::fromUtf8(html));
    plain.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plain));
    QVERIFY(markedArea(&plain) >= 3 * 37 * 23);
    plain.hide();

    HttpView view;
    view.resize(800, 900);
    show(view, withContentLength("Content-Type: text/html; charset=utf-8\r\n", html));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(previewEnabled(view));
    QCOMPARE(tabs(view)->currentIndex(), 0);
    QCOMPARE(bodyText(view), QString::fromUtf8(html));
    tabs(view)->setCurrentIndex(1);
    auto *browser = view.findChild<QTextBrowser *>(QStringLiteral("htmlPreview"));
    QVERIFY(browser->isVisible());
    QVERIFY(browser->toPlainText().contains(QStringLiteral("Demo page")));
    QCOMPARE(markedArea(browser), 0);
    QVERIFY(!browser->openLinks());
    QVERIFY(!browser->openExternalLinks());
    QVERIFY(browser->source().isEmpty());
    QVERIFY(browser->document()
                ->resource(QTextDocument::StyleSheetResource, QUrl(QStringLiteral("style.css")))
                .toByteArray()
                .isEmpty());
}

void TestHttpView::bigBodyIsCut()
{
    const qint64 size = HttpView::DisplayLimit + 1000;
    QByteArray body(size, '\0');
    HttpView view;
    show(view, withContentLength("Content-Type: application/octet-stream\r\n", body));
    QCOMPARE(labelText(view, "bodyInfo"),
             QStringLiteral("Body: %1 byte(s). Only its first 1 MiB are shown.").arg(size));
    QVERIFY(!previewEnabled(view));
    QVERIFY(bodyText(view).isEmpty());
}

void TestHttpView::copyHeaders()
{
    HttpView view;
    show(view, withContentLength("Content-Type: text/plain\r\nServer: demo\r\n", "hello"));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    auto *headers = view.findChild<QTableWidget *>(QStringLiteral("headers"));
    QCOMPARE(headers->contextMenuPolicy(), Qt::ActionsContextMenu);
    QTest::mouseClick(headers->viewport(), Qt::LeftButton, {}, headers->visualItemRect(headers->item(0, 0)).center());
    QTest::mouseClick(headers->viewport(), Qt::LeftButton, Qt::ControlModifier,
                      headers->visualItemRect(headers->item(2, 0)).center());
    QGuiApplication::clipboard()->clear();
    QTest::keyClick(headers, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("Content-Type: text/plain\nContent-Length: 5\n"));
}

void TestHttpView::clearForgetsEverything()
{
    HttpView view;
    show(view, withContentLength("Content-Type: text/plain\r\n", "hello"));
    view.clear();
    QCOMPARE(labelText(view, "statusLine"), QStringLiteral("No response yet."));
    QVERIFY(labelText(view, "framing").isEmpty());
    QCOMPARE(view.findChild<QTableWidget *>(QStringLiteral("headers"))->rowCount(), 0);
    QVERIFY(bodyText(view).isEmpty());
    QVERIFY(!previewEnabled(view));

    view.setResponse(nullptr, nullptr);
    QCOMPARE(labelText(view, "statusLine"), QStringLiteral("No response yet."));
}

void TestHttpView::errorReadableInDarkPalette()
{
    HttpView view;
    show(view, "garbage\r\n");
    auto *error = view.findChild<QLabel *>(QStringLiteral("parseError"));
    QVERIFY(error->palette().color(QPalette::WindowText).lightness() < 128);

    QPalette dark;
    dark.setColor(QPalette::Window, QColor(30, 30, 30));
    dark.setColor(QPalette::WindowText, QColor(230, 230, 230));
    view.setPalette(dark);
    QVERIFY(error->palette().color(QPalette::WindowText).lightness() >= 128);
}

// Issue #11 item 11: a click in the preview or on Location says what was clicked, and fetches nothing.
void TestHttpView::previewLinksAndFormsAreClickable()
{
    HttpView view;
    view.resize(900, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QList<LinkClick> clicks;
    connect(&view, &HttpView::linkClicked, &view, [&clicks](const LinkClick &click) { clicks.append(click); });
    const QByteArray page = "<html><body><p><a href=\"next.html?a=1#top\">Next</a> <a href=\"#end\">End</a> "
                            "<a href=\"mailto:a@b.c\">Mail</a></p>"
                            "<form method=post action=\"login\"><input name=user value=\"Ada L\">"
                            "<input type=hidden name=t value=1><input type=submit value=Go></form>"
                            + QByteArray(3000, '\n').replace("\n", "<p>line</p>") + "<p><a name=\"end\">The end</a></p></body></html>";
    show(view, withContentLength("Content-Type: text/html\r\n", page));
    tabs(view)->setCurrentIndex(1);
    auto *preview = view.findChild<QTextBrowser *>(QStringLiteral("htmlPreview"));
    QVERIFY(!preview->openLinks());

    emit preview->anchorClicked(QUrl(QStringLiteral("next.html?a=1#top")));
    QCOMPARE(clicks.size(), 1);
    QCOMPARE(clicks.at(0).link, QUrl(QStringLiteral("next.html?a=1#top")));
    QVERIFY(!clicks.at(0).post);
    // A place in the page: the preview goes there, and no request is prepared.
    QCOMPARE(preview->verticalScrollBar()->value(), 0);
    emit preview->anchorClicked(QUrl(QStringLiteral("#end")));
    QCOMPARE(clicks.size(), 1);
    QVERIFY(preview->verticalScrollBar()->value() > 0);
    emit preview->anchorClicked(QUrl(QStringLiteral("mailto:a@b.c")));
    QCOMPARE(clicks.size(), 2);

    // The form is drawn as a link after it, which says what it sends.
    const QString formLink = QStringLiteral("Prepare this form's request: POST login (user=Ada+L&t=1)");
    QVERIFY2(preview->toPlainText().contains(formLink), qPrintable(preview->toPlainText().left(300)));
    preview->verticalScrollBar()->setValue(0);
    const QTextCursor found = preview->document()->find(formLink);
    QVERIFY(found.charFormat().isAnchor());
    QTextCursor middle(preview->document());
    middle.setPosition((found.selectionStart() + found.selectionEnd()) / 2);
    QTest::mouseClick(preview->viewport(), Qt::LeftButton, {}, preview->cursorRect(middle).center());
    QCOMPARE(clicks.size(), 3);
    QVERIFY(clicks.at(2).post);
    QCOMPARE(clicks.at(2).link, QUrl(QStringLiteral("login")));
    QCOMPARE(clicks.at(2).body, QByteArray("user=Ada+L&t=1"));
}

void TestHttpView::locationIsClickable()
{
    HttpView view;
    view.resize(900, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QList<LinkClick> clicks;
    connect(&view, &HttpView::linkClicked, &view, [&clicks](const LinkClick &click) { clicks.append(click); });
    show(view, "HTTP/1.1 301 Moved Permanently\r\nLocation: /new%20place?q=1\r\nContent-Length: 0\r\n\r\n");
    auto *headers = view.findChild<QTableWidget *>(QStringLiteral("headers"));
    QCOMPARE(headers->item(0, 0)->text(), QStringLiteral("Location"));
    QTest::mouseClick(headers->viewport(), Qt::LeftButton, {}, headers->visualItemRect(headers->item(0, 0)).center());
    QVERIFY(clicks.isEmpty());
    QTest::mouseClick(headers->viewport(), Qt::LeftButton, {}, headers->visualItemRect(headers->item(0, 1)).center());
    QCOMPARE(clicks.size(), 1);
    QCOMPARE(clicks.at(0).link.toString(QUrl::FullyEncoded), QStringLiteral("/new%20place?q=1"));
    QVERIFY(labelText(view, "redirect").contains(QStringLiteral("/new%20place?q=1")));

    // Without a 3xx status, Location stays a link in the table and the summary says nothing of it.
    show(view, "HTTP/1.1 201 Created\r\nLocation: http://h/item/7\r\nContent-Length: 0\r\n\r\n");
    QVERIFY(labelText(view, "redirect").isEmpty());
    QTest::mouseClick(headers->viewport(), Qt::LeftButton, {}, headers->visualItemRect(headers->item(0, 1)).center());
    QCOMPARE(clicks.size(), 2);
    QCOMPARE(clicks.at(1).link, QUrl(QStringLiteral("http://h/item/7")));
    // From the keyboard: Enter on the row.
    headers->setFocus();
    headers->setCurrentCell(0, 0);
    QTest::keyClick(headers, Qt::Key_Return);
    QCOMPARE(clicks.size(), 3);
    QCOMPARE(clicks.at(2).link, QUrl(QStringLiteral("http://h/item/7")));
}

QTEST_MAIN(TestHttpView)
#include "tst_httpview.moc"
