#include "reply/bytecolors.h"
#include "reply/hexview.h"
#include "reply/textview.h"

#include "arraysource.h"

#include <QClipboard>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace SocketLab;

Q_DECLARE_METATYPE(SocketLab::TextView::Encoding)

namespace {

using TestSupport::ArraySource;

// Lines of `width` bytes ("xxx...x\n") computed from the offset: many lines without the memory.
class LinesSource final : public ByteSource
{
public:
    LinesSource(qint64 size, int width)
        : m_size(size)
        , m_width(width)
    {
    }
    qint64 size() const override { return m_size; }
    QByteArray read(qint64 offset, qint64 len) const override
    {
        if (offset < 0 || len <= 0 || offset >= m_size)
            return {};
        len = qMin(len, m_size - offset);
        largestRead = qMax(largestRead, len);
        QByteArray out(len, 'x');
        for (qint64 at = offset + (m_width - 1 - offset % m_width); at < offset + len; at += m_width)
            out[at - offset] = '\n';
        return out;
    }

    mutable qint64 largestRead = 0;

private:
    qint64 m_size;
    int m_width;
};

const QString Cr = QStringLiteral("\u240d");
const QString Lf = QStringLiteral("\u240a");

// Keys as QKeySequence names ("Shift+PgDown Ctrl+C"); false if one of them is not a key.
bool pressKeys(QWidget *widget, const QString &keys)
{
    for (const QString &token : keys.split(u' ', Qt::SkipEmptyParts)) {
        const QKeyCombination combination = QKeySequence::fromString(token)[0];
        if (combination.key() == Qt::Key_unknown)
            return false;
        QTest::keyClick(widget, combination.key(), combination.keyboardModifiers());
    }
    return true;
}

// The darkest pixel of a cell: the ink of its glyph on a light background.
int darkest(const QImage &image, const QRect &cell)
{
    int value = 255;
    for (int y = cell.top(); y <= cell.bottom(); ++y) {
        for (int x = cell.left(); x <= cell.right(); ++x)
            value = qMin(value, image.pixelColor(x, y).lightness());
    }
    return value;
}

// How much of a cell is painted in exactly this colour: its background, around the glyph.
double share(const QImage &image, const QRect &cell, const QColor &colour)
{
    int hits = 0;
    for (int y = cell.top(); y <= cell.bottom(); ++y) {
        for (int x = cell.left(); x <= cell.right(); ++x)
            hits += image.pixelColor(x, y) == colour ? 1 : 0;
    }
    return cell.isEmpty() ? 0.0 : double(hits) / (cell.width() * cell.height());
}

} // namespace

class TestTextView : public QObject
{
    Q_OBJECT

private slots:
    void splitsLinesAtLf();
    void showsBytesAsText_data();
    void showsBytesAsText();
    void lineEndMarksAreDim();
    void cutsLongLines();
    void neverCutsInsideUtf8();
    void refreshGrowsTheIndex();
    void indexesLargeSourcesInSlices();
    void keyboardSelection_data();
    void keyboardSelection();
    void mouseSelection();
    void selectionSyncContract();
    void ctrlCCopiesDecodedText();
    void marksColourTheText();

private:
    std::unique_ptr<TextView> shownView(std::shared_ptr<const ByteSource> source);
};

std::unique_ptr<TextView> TestTextView::shownView(std::shared_ptr<const ByteSource> source)
{
    auto view = std::make_unique<TextView>();
    view->resize(640, 400);
    view->setSource(std::move(source));
    view->show();
    if (!QTest::qWaitForWindowExposed(view.get()))
        return nullptr;
    return view;
}

void TestTextView::splitsLinesAtLf()
{
    TextView view;
    view.setSource(std::make_shared<ArraySource>(QByteArray("GET / HTTP/1.0\r\nHost: x\r\n\r\nbody")));
    QCOMPARE(view.lineCount(), 4);
    QCOMPARE(view.lineText(0), QStringLiteral("GET / HTTP/1.0") + Cr + Lf);
    QCOMPARE(view.lineText(1), QStringLiteral("Host: x") + Cr + Lf);
    QCOMPARE(view.lineText(2), Cr + Lf);
    QCOMPARE(view.lineText(3), QStringLiteral("body"));
    QCOMPARE(view.lineStart(1), 16);
    QCOMPARE(view.lineStart(3), 27);
    QCOMPARE(view.lineAt(15), 0);
    QCOMPARE(view.lineAt(16), 1);
    QCOMPARE(view.lineAt(31), 3);

    // Bytes ending in LF end on an empty line, where the caret goes after the last byte.
    view.setSource(std::make_shared<ArraySource>(QByteArray("a\n")));
    QCOMPARE(view.lineCount(), 2);
    QCOMPARE(view.lineText(1), QString());
    QCOMPARE(view.lineAt(2), 1);

    view.setSource(std::make_shared<ArraySource>());
    QCOMPARE(view.lineCount(), 1);
    QCOMPARE(view.lineText(0), QString());
}

void TestTextView::showsBytesAsText_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<TextView::Encoding>("encoding");
    QTest::addColumn<QString>("expected");

    const auto utf8 = TextView::Encoding::Utf8;
    const auto latin1 = TextView::Encoding::Latin1;
    QTest::newRow("controls") << QByteArray("\x00\x01\t\x1b\x7f", 5) << utf8 << QStringLiteral("\u2400\u2401\u2409\u241b\u2421");
    QTest::newRow("bare CR") << QByteArray("a\rb") << utf8 << QStringLiteral("a\u240db");
    QTest::newRow("UTF-8 as UTF-8") << QByteArray("caf\xc3\xa9") << utf8 << QStringLiteral("caf\u00e9");
    QTest::newRow("UTF-8 as Latin-1") << QByteArray("caf\xc3\xa9") << latin1 << QStringLiteral("caf\u00c3\u00a9");
    QTest::newRow("0xff as UTF-8") << QByteArray("\xff") << utf8 << QStringLiteral("\ufffd");
    QTest::newRow("0xff as Latin-1") << QByteArray("\xff") << latin1 << QStringLiteral("\u00ff");
    QTest::newRow("truncated sequence") << QByteArray("\xc3!") << utf8 << QStringLiteral("\ufffd!");
    QTest::newRow("overlong") << QByteArray("\xe0\x80\xaf") << utf8 << QStringLiteral("\ufffd\ufffd\ufffd");
    QTest::newRow("surrogate") << QByteArray("\xed\xa0\x80") << utf8 << QStringLiteral("\ufffd\ufffd\ufffd");
    QTest::newRow("past U+10FFFF") << QByteArray("\xf4\x90\x80\x80") << utf8
                                   << QStringLiteral("\ufffd\ufffd\ufffd\ufffd");
    QTest::newRow("four bytes") << QByteArray("\xf0\x9f\x98\x80") << utf8 << QStringLiteral("\U0001f600");
    QTest::newRow("zero-width space") << QByteArray("a\xe2\x80\x8b" "b") << utf8 << QStringLiteral("a\u00b7b");
    QTest::newRow("C1 control in Latin-1") << QByteArray("\x85") << latin1 << QStringLiteral("\u00b7");
    // Valid UTF-8 that would draw nothing or on the cell before it.
    QTest::newRow("de ad: a combining mark") << QByteArray("x\xde\xad") << utf8 << QStringLiteral("x\u00b7");
    QTest::newRow("combining acute") << QByteArray("e\xcc\x81") << utf8 << QStringLiteral("e\u00b7");
    QTest::newRow("unassigned") << QByteArray("\xf3\xa0\x80\x80") << utf8 << QStringLiteral("\u00b7");
    QTest::newRow("private use") << QByteArray("\xee\x80\x80") << utf8 << QStringLiteral("\u00b7");
}

void TestTextView::showsBytesAsText()
{
    QFETCH(QByteArray, bytes);
    QFETCH(TextView::Encoding, encoding);
    QFETCH(QString, expected);

    TextView view;
    view.setEncoding(encoding);
    view.setSource(std::make_shared<ArraySource>(bytes));
    QCOMPARE(view.lineCount(), 1);
    QCOMPARE(view.lineText(0), expected);
}

void TestTextView::lineEndMarksAreDim()
{
    const auto view = shownView(std::make_shared<ArraySource>(QByteArray("HH\r\n")));
    QVERIFY(view);
    view->setSelection(4, 0);
    const QImage image = view->viewport()->grab().toImage();
    const int letter = darkest(image, view->byteRect(1));
    const int cr = darkest(image, view->byteRect(2));
    const int lf = darkest(image, view->byteRect(3));
    QVERIFY2(letter < 60, qPrintable(QString::number(letter)));
    QVERIFY2(cr > letter + 40 && cr < 230, qPrintable(QString::number(cr)));
    QVERIFY2(lf > letter + 40 && lf < 230, qPrintable(QString::number(lf)));
}

void TestTextView::cutsLongLines()
{
    TextView view;
    view.setSource(std::make_shared<ArraySource>(QByteArray(10000, 'a')));
    QCOMPARE(view.lineCount(), 3);
    QCOMPARE(view.lineStart(1), TextView::MaxLineBytes);
    QCOMPARE(view.lineStart(2), 2 * TextView::MaxLineBytes);
    QCOMPARE(view.lineText(0).size(), TextView::MaxLineBytes);
    QCOMPARE(view.lineText(2).size(), 10000 - 2 * TextView::MaxLineBytes);

    // An LF right after a full line stays with the next one.
    view.setSource(std::make_shared<ArraySource>(QByteArray(TextView::MaxLineBytes, 'b') + "\nc"));
    QCOMPARE(view.lineCount(), 3);
    QCOMPARE(view.lineText(1), Lf);
    QCOMPARE(view.lineText(2), QStringLiteral("c"));
}

void TestTextView::neverCutsInsideUtf8()
{
    TextView view;
    const QByteArray text = QByteArray(TextView::MaxLineBytes - 1, 'a') + "\xc3\xa9" + QByteArray(10, 'b');
    view.setSource(std::make_shared<ArraySource>(text));
    QCOMPARE(view.lineCount(), 2);
    QCOMPARE(view.lineStart(1), TextView::MaxLineBytes - 1);
    QVERIFY(view.lineText(1).startsWith(QStringLiteral("\u00e9b")));

    // Garbage of continuation bytes is still cut, at most 3 bytes early.
    view.setSource(std::make_shared<ArraySource>(QByteArray(TextView::MaxLineBytes + 4, '\x80')));
    QCOMPARE(view.lineStart(1), TextView::MaxLineBytes - 3);
}

void TestTextView::refreshGrowsTheIndex()
{
    auto source = std::make_shared<ArraySource>(QByteArray("a\nb"));
    const auto view = shownView(source);
    QVERIFY(view);
    QCOMPARE(view->lineCount(), 2);
    QCOMPARE(view->lineText(1), QStringLiteral("b"));

    source->append("c\nd\n");
    QCOMPARE(view->lineCount(), 2);
    view->refresh();
    QCOMPARE(view->lineCount(), 4);
    QCOMPARE(view->lineText(1), QStringLiteral("bc") + Lf);
    QCOMPARE(view->lineText(2), QStringLiteral("d") + Lf);
    QCOMPARE(view->lineText(3), QString());

    // An open line longer than the cut is cut once the byte after the cut arrives.
    source->append(QByteArray(TextView::MaxLineBytes, 'e'));
    view->refresh();
    QCOMPARE(view->lineCount(), 4);
    source->append("f");
    view->refresh();
    QCOMPARE(view->lineCount(), 5);
    QCOMPARE(view->lineText(4), QStringLiteral("f"));

    const int before = view->verticalScrollBar()->maximum();
    for (int i = 0; i < 100; ++i)
        source->append("line\n");
    view->refresh();
    QCOMPARE(view->lineCount(), 105);
    QVERIFY(view->verticalScrollBar()->maximum() > before);
}

void TestTextView::indexesLargeSourcesInSlices()
{
    constexpr qint64 Size = 32 * 1024 * 1024 + 64;
    constexpr int Width = 100;
    auto source = std::make_shared<LinesSource>(Size, Width);
    TextView view;
    view.setSource(source);
    // The window is not held up: the first slice returns with most of the bytes still to index.
    QVERIFY(view.isIndexing());
    QVERIFY(view.lineCount() < Size / Width);
    QTRY_VERIFY_WITH_TIMEOUT(!view.isIndexing(), 60000);

    QCOMPARE(view.lineCount(), Size / Width + 1);
    QCOMPARE(view.lineStart(200000), 200000 * Width);
    QCOMPARE(view.lineAt(200000 * Width + 50), 200000);
    QCOMPARE(view.lineText(200000), QString(Width - 1, u'x') + Lf);
    QCOMPARE(view.lineText(view.lineCount() - 1), QString(Size % Width, u'x'));

    source->largestRead = 0;
    QCOMPARE(view.lineStart(300001), 300001 * Width);
    QVERIFY(source->largestRead <= 64 * 1024);
}

void TestTextView::keyboardSelection_data()
{
    QTest::addColumn<TextView::Encoding>("encoding");
    QTest::addColumn<QString>("keys");
    QTest::addColumn<qint64>("start");
    QTest::addColumn<qint64>("length");

    // "caf\xc3\xa9\r\n" = bytes 0..6; "ab\r\n" = 7..10; "xyz" = 11..13.
    const auto utf8 = TextView::Encoding::Utf8;
    const auto latin1 = TextView::Encoding::Latin1;
    QTest::newRow("right over a two-byte character") << utf8 << "Right Right Right Shift+Right" << 3ll << 2ll;
    QTest::newRow("the same in Latin-1") << latin1 << "Right Right Right Shift+Right" << 3ll << 1ll;
    QTest::newRow("end stops before CR LF's LF") << utf8 << "Shift+End" << 0ll << 6ll;
    QTest::newRow("down keeps the column") << utf8 << "Right Down" << 8ll << 0ll;
    QTest::newRow("down to a shorter line") << utf8 << "End Down" << 10ll << 0ll;
    QTest::newRow("down, down: the goal column stays") << utf8 << "End Down Down" << 14ll << 0ll;
    QTest::newRow("shift down twice") << utf8 << "Shift+Down Shift+Down" << 0ll << 11ll;
    QTest::newRow("ctrl end") << utf8 << "Ctrl+End" << 14ll << 0ll;
    QTest::newRow("ctrl end, shift home") << utf8 << "Ctrl+End Shift+Home" << 11ll << 3ll;
    QTest::newRow("left from the next line's start") << utf8 << "Down Shift+Left Shift+Left" << 5ll << 2ll;
    QTest::newRow("select all") << utf8 << "Ctrl+A" << 0ll << 14ll;
}

void TestTextView::keyboardSelection()
{
    QFETCH(TextView::Encoding, encoding);
    QFETCH(QString, keys);
    QFETCH(qint64, start);
    QFETCH(qint64, length);

    const auto view = shownView(std::make_shared<ArraySource>(QByteArray("caf\xc3\xa9\r\nab\r\nxyz")));
    QVERIFY(view);
    view->setEncoding(encoding);
    QSignalSpy spy(view.get(), &TextView::selectionChanged);
    QVERIFY(pressKeys(view.get(), keys));
    QCOMPARE(view->selectionStart(), start);
    QCOMPARE(view->selectionLength(), length);
    QVERIFY(!spy.isEmpty());
    QCOMPARE(spy.last().at(0).toLongLong(), start);
    QCOMPARE(spy.last().at(1).toLongLong(), length);
}

void TestTextView::mouseSelection()
{
    const auto view = shownView(std::make_shared<ArraySource>(QByteArray("first line\nsecond line\nthird")));
    QVERIFY(view);
    QWidget *port = view->viewport();
    // Just inside a character's left edge: the caret boundary before it.
    const auto before = [&](qint64 offset) { return view->byteRect(offset).topLeft() + QPoint(1, 2); };

    QTest::mouseClick(port, Qt::LeftButton, {}, before(6));
    QCOMPARE(view->cursorPosition(), 6);
    QCOMPARE(view->selectionLength(), 0);

    QTest::mousePress(port, Qt::LeftButton, {}, before(6));
    QTest::mouseMove(port, before(15));
    QTest::mouseRelease(port, Qt::LeftButton, {}, before(15));
    QCOMPARE(view->selectionStart(), 6);
    QCOMPARE(view->selectionLength(), 9);

    QTest::mouseClick(port, Qt::LeftButton, Qt::ShiftModifier, before(24));
    QCOMPARE(view->selectionStart(), 6);
    QCOMPARE(view->selectionLength(), 18);

    // Past the end of a line: before its LF.
    const QRect lf = view->byteRect(10);
    QTest::mouseClick(port, Qt::LeftButton, {}, QPoint(lf.right() + 50, lf.center().y()));
    QCOMPARE(view->cursorPosition(), 10);
    // Below the last line: the end.
    QTest::mouseClick(port, Qt::LeftButton, {}, QPoint(lf.right() + 50, port->height() - 2));
    QCOMPARE(view->cursorPosition(), view->size());
}

void TestTextView::selectionSyncContract()
{
    auto source = std::make_shared<ArraySource>(QByteArray("h\xc3\xa9llo\r\nworld\r\n"));
    const auto text = shownView(source);
    QVERIFY(text);
    HexView hex;
    hex.setFixedBytesPerRow(HexView::DefaultBytesPerRow);
    hex.setSource(source);
    connect(&hex, &HexView::selectionChanged, text.get(), &TextView::setSelection);
    connect(text.get(), &TextView::selectionChanged, &hex, &HexView::setSelection);
    QSignalSpy hexSpy(&hex, &HexView::selectionChanged);
    QSignalSpy textSpy(text.get(), &TextView::selectionChanged);

    text->setSelection(1, 2);
    QCOMPARE(textSpy.count(), 0);
    QCOMPARE(hex.selectionLength(), 0);

    QVERIFY(pressKeys(text.get(), QStringLiteral("Home Right Shift+Right")));
    QCOMPARE(text->selectionStart(), 1);
    QCOMPARE(text->selectionLength(), 2);
    QCOMPARE(hex.selectionStart(), 1);
    QCOMPARE(hex.selectionLength(), 2);
    QCOMPARE(hexSpy.count(), 0);
    const int textEmitted = textSpy.count();

    QTest::keyClick(&hex, Qt::Key_Down, Qt::ShiftModifier);
    QCOMPARE(hexSpy.count(), 1);
    QCOMPARE(textSpy.count(), textEmitted);
    QCOMPARE(text->selectionStart(), 1);
    QCOMPARE(text->selectionLength(), 14);
    QCOMPARE(text->cursorPosition(), 15);
}

void TestTextView::ctrlCCopiesDecodedText()
{
    const auto view = shownView(std::make_shared<ArraySource>(QByteArray("caf\xe9\r\n")));
    QVERIFY(view);
    view->setEncoding(TextView::Encoding::Latin1);
    QVERIFY(pressKeys(view.get(), QStringLiteral("Shift+End Ctrl+C")));
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("caf\u00e9\r"));

    view->setEncoding(TextView::Encoding::Utf8);
    QVERIFY(view->copyAsText());
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("caf\ufffd\r"));
    QVERIFY(view->copyAsHex());
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("63 61 66 e9 0d"));
}

void TestTextView::marksColourTheText()
{
    const auto view = shownView(std::make_shared<ArraySource>(QByteArray("HTTP/1.0 200 OK\r\nA: b\r\n\r\nbody")));
    QVERIFY(view);
    view->setMarks({{HttpPart::StatusLine, {0, 17}}, {HttpPart::Header, {17, 6}},
                    {HttpPart::BlankLine, {23, 2}}, {HttpPart::Body, {25, 4}}});
    const QImage image = view->viewport()->grab().toImage();
    const auto painted = [&](qint64 offset, HttpPart part) {
        return share(image, view->byteRect(offset), ByteColors::partColor(part, view->palette())) > 0.4;
    };
    QVERIFY(painted(5, HttpPart::StatusLine));
    QVERIFY(painted(18, HttpPart::Header));
    QVERIFY(painted(24, HttpPart::BlankLine));
    QVERIFY(painted(27, HttpPart::Body));
    QVERIFY(!painted(27, HttpPart::Header));
}

QTEST_MAIN(TestTextView)
#include "tst_textview.moc"
