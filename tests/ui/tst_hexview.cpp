#include "reply/bytecolors.h"
#include "reply/hexview.h"
#include "reply/textview.h"

#include "arraysource.h"

#include <QClipboard>
#include <QHelpEvent>
#include <QScrollBar>
#include <QSignalSpy>
#include <QMenu>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>
#include <QContextMenuEvent>
#include <QApplication>
#include <QTest>
#include <QToolTip>
#include <QTranslator>

#include <memory>

using namespace SocketLab;

namespace {

constexpr qint64 GiB = qint64(1) << 30;
constexpr qint64 TiB = qint64(1) << 40;

// Bytes computed from their offset: a reply of any size without the memory. It records what the
// view asked for, so a test can tell a paint that read the visible rows from one that read it all.
class SyntheticSource final : public ByteSource
{
public:
    explicit SyntheticSource(qint64 size)
        : m_size(size)
    {
    }

    static char byteAt(qint64 offset) { return char((quint64(offset) * 0x9E3779B97F4A7C15ull) >> 56); }

    void setSize(qint64 size) { m_size = size; }
    qint64 size() const override { return m_size; }
    QByteArray read(qint64 offset, qint64 len) const override
    {
        if (offset < 0 || len <= 0 || offset >= m_size)
            return {};
        len = qMin(len, m_size - offset);
        largestRead = qMax(largestRead, len);
        bytesRead += len;
        lastReadEnd = offset + len;
        QByteArray out(len, Qt::Uninitialized);
        for (qint64 i = 0; i < len; ++i)
            out[i] = byteAt(offset + i);
        return out;
    }

    mutable qint64 largestRead = 0;
    mutable qint64 bytesRead = 0;
    mutable qint64 lastReadEnd = 0;

private:
    qint64 m_size;
};

using TestSupport::ArraySource;

// The English plural forms of the tooltip, as the English translation gives them.
class PluralTranslator : public QTranslator
{
public:
    QString translate(const char *context, const char *sourceText, const char *, int n) const override
    {
        if (qstrcmp(context, "SocketLab::HexView") != 0
            || qstrcmp(sourceText, "%1 #%2: %Ln byte(s) at %3 ms, offset 0x%4") != 0)
            return {};
        return n == 1 ? QStringLiteral("%1 #%2: %Ln byte at %3 ms, offset 0x%4")
                      : QStringLiteral("%1 #%2: %Ln bytes at %3 ms, offset 0x%4");
    }
    bool isEmpty() const override { return false; }
};

class PaintCounter : public QObject
{
public:
    int paints = 0;

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            ++paints;
        return false;
    }
};

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    p.setColor(QPalette::WindowText, QColor(0xe0, 0xe0, 0xe0));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    p.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
    p.setColor(QPalette::Highlight, QColor(0x2d, 0x5f, 0x9e));
    p.setColor(QPalette::HighlightedText, Qt::white);
    return p;
}

// How much of a cell is painted in exactly this colour: its background, around the glyphs.
double share(const QImage &image, const QRect &cell, const QColor &colour)
{
    int hits = 0;
    for (int y = cell.top(); y <= cell.bottom(); ++y) {
        for (int x = cell.left(); x <= cell.right(); ++x)
            hits += image.pixelColor(x, y) == colour ? 1 : 0;
    }
    return cell.isEmpty() ? 0.0 : double(hits) / (cell.width() * cell.height());
}

double luminance(const QColor &c)
{
    const auto channel = [](float v) { return v <= 0.03928f ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (qMax(la, lb) + 0.05) / (qMin(la, lb) + 0.05);
}

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

} // namespace

class TestHexView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void opensHugeSourceReadingOnlyVisibleRows();
    void scrollsToTheEndOfHugeSource();
    void scalesTheScrollBarPastIntRows();
    void offsetColumnWidens();
    void keyboardSelection_data();
    void keyboardSelection();
    void setSelectionDoesNotEmit();
    void mouseSelection();
    void copyFormats_data();
    void copyFormats();
    void ctrlCCopiesHex();
    void copyPastLimitIsRefused();
    void segmentTooltip();
    void segmentBoundaryIsDrawn();
    void partColoursDifferAndRead();
    void marksColourBothColumns();
    void refreshExtendsScrollRange();
    void refreshRepaintsOnlyWhenVisibleRowsChange();
    void bytesPerRowFollowTheWidth();
    void clickInALaterGroupHitsItsByte();
    void bytesPerRowFixedFromTheMenu();

private:
    // Rows of 16 bytes unless fixedBytesPerRow says otherwise (0: as many as the width shows), so
    // that no test depends on how wide the test machine's font is.
    std::unique_ptr<HexView> shownView(std::shared_ptr<const ByteSource> source, QSize size = {640, 400},
                                       int fixedBytesPerRow = HexView::DefaultBytesPerRow);
    PluralTranslator m_translator;
};

void TestHexView::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().remove(QStringLiteral("hexView/bytesPerRow"));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QCoreApplication::installTranslator(&m_translator);
}

std::unique_ptr<HexView> TestHexView::shownView(std::shared_ptr<const ByteSource> source, QSize size,
                                                int fixedBytesPerRow)
{
    auto view = std::make_unique<HexView>();
    view->setFixedBytesPerRow(fixedBytesPerRow);
    view->resize(size);
    view->setSource(std::move(source));
    view->show();
    if (!QTest::qWaitForWindowExposed(view.get()))
        return nullptr;
    return view;
}

void TestHexView::opensHugeSourceReadingOnlyVisibleRows()
{
    auto source = std::make_shared<SyntheticSource>(GiB);
    const auto view = shownView(source);
    QVERIFY(view);
    view->viewport()->grab();

    const qint64 visibleBytes = qint64(view->visibleRowCount() + 1) * view->bytesPerRow();
    QVERIFY(source->bytesRead > 0);
    QVERIFY2(source->largestRead <= visibleBytes, qPrintable(QString::number(source->largestRead)));
    QVERIFY(source->bytesRead < 16 * visibleBytes);
    QCOMPARE(view->firstVisibleOffset(), 0);
    QCOMPARE(view->verticalScrollBar()->maximum(), GiB / view->bytesPerRow() - view->visibleRowCount());
}

void TestHexView::scrollsToTheEndOfHugeSource()
{
    auto source = std::make_shared<SyntheticSource>(GiB);
    const auto view = shownView(source);
    QVERIFY(view);

    QTest::keyClick(view.get(), Qt::Key_End, Qt::ControlModifier);
    QCOMPARE(view->cursorPosition(), GiB);
    const qint64 lastRow = GiB - view->bytesPerRow();
    QCOMPARE(view->firstVisibleOffset() + (view->visibleRowCount() - 1) * view->bytesPerRow(), lastRow);
    QCOMPARE(view->verticalScrollBar()->value(), view->verticalScrollBar()->maximum());

    source->largestRead = 0;
    view->viewport()->grab();
    QCOMPARE(source->lastReadEnd, GiB);
    QVERIFY(source->largestRead <= (view->visibleRowCount() + 1) * view->bytesPerRow());
    QCOMPARE(view->offsetAt(view->byteRect(GiB - 1, HexView::Column::Text).center()), GiB - 1);
}

void TestHexView::scalesTheScrollBarPastIntRows()
{
    auto source = std::make_shared<SyntheticSource>(TiB);
    const auto view = shownView(source);
    QVERIFY(view);
    QScrollBar *bar = view->verticalScrollBar();
    QVERIFY(bar->maximum() <= ByteViewBase::MaxUnscaledRows);
    QVERIFY(bar->maximum() > 0);

    bar->setValue(bar->maximum());
    const qint64 lastRow = TiB - view->bytesPerRow();
    QCOMPARE(view->firstVisibleOffset() + (view->visibleRowCount() - 1) * view->bytesPerRow(), lastRow);

    bar->setValue(bar->maximum() / 2);
    const qint64 middle = TiB / 2;
    QVERIFY(qAbs(view->firstVisibleOffset() - middle) < TiB / 1000);

    // The wheel and the keys move by rows, not by the scaled bar's steps.
    const qint64 before = view->firstVisibleOffset();
    QWheelEvent wheel(QPointF(10, 10), view->viewport()->mapToGlobal(QPointF(10, 10)), QPoint(), QPoint(0, -120),
                      Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(view->viewport(), &wheel);
    QCOMPARE(view->firstVisibleOffset() - before, qint64(QApplication::wheelScrollLines()) * view->bytesPerRow());

    view->setSelection(middle, 0);
    QTest::keyClick(view.get(), Qt::Key_Down);
    QCOMPARE(view->cursorPosition(), middle + view->bytesPerRow());
}

void TestHexView::offsetColumnWidens()
{
    auto source = std::make_shared<SyntheticSource>(GiB);
    const auto view = shownView(source, {1200, 400});
    QVERIFY(view);
    QCOMPARE(view->offsetDigits(), 8);
    const int hexLeft = view->byteRect(0, HexView::Column::Hex).left();

    source->setSize(5 * GiB);
    view->refresh();
    QCOMPARE(view->offsetDigits(), 10);
    QVERIFY(view->byteRect(0, HexView::Column::Hex).left() > hexLeft);

    view->setSource(std::make_shared<SyntheticSource>(TiB));
    QCOMPARE(view->offsetDigits(), 10);
}

void TestHexView::keyboardSelection_data()
{
    QTest::addColumn<QString>("keys");
    QTest::addColumn<qint64>("start");
    QTest::addColumn<qint64>("length");
    QTest::addColumn<qint64>("cursor");

    QTest::newRow("right moves") << "Right Right Right" << 3ll << 0ll << 3ll;
    QTest::newRow("shift right selects") << "Shift+Right Shift+Right Shift+Right" << 0ll << 3ll << 3ll;
    QTest::newRow("left stops at 0") << "Left Left" << 0ll << 0ll << 0ll;
    QTest::newRow("down then shift up") << "Down Down Shift+Up" << 16ll << 16ll << 16ll;
    QTest::newRow("shift down twice, shift left") << "Shift+Down Shift+Down Shift+Left" << 0ll << 31ll << 31ll;
    QTest::newRow("end is the row's last byte") << "Down End" << 31ll << 0ll << 31ll;
    QTest::newRow("shift end takes the row") << "Shift+End" << 0ll << 16ll << 16ll;
    QTest::newRow("ctrl end") << "Ctrl+End" << 100ll << 0ll << 100ll;
    QTest::newRow("ctrl end, shift home") << "Ctrl+End Shift+Home" << 96ll << 4ll << 96ll;
    QTest::newRow("ctrl shift end") << "Ctrl+Shift+End" << 0ll << 100ll << 100ll;
    QTest::newRow("ctrl end, ctrl shift home") << "Ctrl+End Ctrl+Shift+Home" << 0ll << 100ll << 0ll;
    QTest::newRow("ctrl end, up") << "Ctrl+End Up" << 84ll << 0ll << 84ll;
    QTest::newRow("down past the end") << "Down Down Down Down Down Down Down Down" << 100ll << 0ll << 100ll;
    QTest::newRow("page down") << "PgDown" << 100ll << 0ll << 100ll;
    QTest::newRow("page down, page up") << "Right PgDown PgUp" << 4ll << 0ll << 4ll;
    QTest::newRow("shift, then a bare move collapses") << "Shift+Right Shift+Right Right" << 3ll << 0ll << 3ll;
}

void TestHexView::keyboardSelection()
{
    QFETCH(QString, keys);
    QFETCH(qint64, start);
    QFETCH(qint64, length);
    QFETCH(qint64, cursor);

    QByteArray bytes(100, 'x');
    const auto view = shownView(std::make_shared<ArraySource>(bytes));
    QVERIFY(view);
    QSignalSpy spy(view.get(), &HexView::selectionChanged);
    QVERIFY(pressKeys(view.get(), keys));

    QCOMPARE(view->selectionStart(), start);
    QCOMPARE(view->selectionLength(), length);
    QCOMPARE(view->cursorPosition(), cursor);
    if (start != 0 || length != 0) {
        QVERIFY(!spy.isEmpty());
        QCOMPARE(spy.last().at(0).toLongLong(), start);
        QCOMPARE(spy.last().at(1).toLongLong(), length);
    }
}

void TestHexView::setSelectionDoesNotEmit()
{
    const auto hex = shownView(std::make_shared<ArraySource>(QByteArray(300, 'a')));
    QVERIFY(hex);
    TextView text;
    text.setSource(hex->source());
    // Wired both ways, as the reply panel does.
    connect(hex.get(), &HexView::selectionChanged, &text, &TextView::setSelection);
    connect(&text, &TextView::selectionChanged, hex.get(), &HexView::setSelection);
    QSignalSpy hexSpy(hex.get(), &HexView::selectionChanged);
    QSignalSpy textSpy(&text, &TextView::selectionChanged);

    hex->setSelection(10, 5);
    QCOMPARE(hex->selectionStart(), 10);
    QCOMPARE(hex->selectionLength(), 5);
    QCOMPARE(hex->cursorPosition(), 15);
    QCOMPARE(hexSpy.count(), 0);

    QTest::keyClick(hex.get(), Qt::Key_Right, Qt::ShiftModifier);
    QCOMPARE(hexSpy.count(), 1);
    QCOMPARE(textSpy.count(), 0);
    QCOMPARE(text.selectionStart(), 10);
    QCOMPARE(text.selectionLength(), 6);

    QTest::keyClick(&text, Qt::Key_Right, Qt::ShiftModifier);
    QCOMPARE(textSpy.count(), 1);
    QCOMPARE(hexSpy.count(), 1);
    QCOMPARE(hex->selectionLength(), 7);

    hex->setSelection(1000, 5);
    QCOMPARE(hex->selectionStart(), 300);
    QCOMPARE(hex->selectionLength(), 0);
    QCOMPARE(hexSpy.count(), 1);
}

void TestHexView::mouseSelection()
{
    const auto view = shownView(std::make_shared<ArraySource>(QByteArray(256, 'm')));
    QVERIFY(view);
    QWidget *port = view->viewport();
    const auto hexAt = [&](qint64 offset) { return view->byteRect(offset, HexView::Column::Hex).center(); };
    const auto textAt = [&](qint64 offset) { return view->byteRect(offset, HexView::Column::Text).center(); };
    QSignalSpy spy(view.get(), &HexView::selectionChanged);

    QTest::mouseClick(port, Qt::LeftButton, {}, hexAt(5));
    QCOMPARE(view->cursorPosition(), 5);
    QCOMPARE(view->selectionLength(), 0);
    QCOMPARE(spy.count(), 1);

    QTest::mousePress(port, Qt::LeftButton, {}, textAt(20));
    QTest::mouseMove(port, textAt(30));
    QTest::mouseMove(port, textAt(40));
    QTest::mouseRelease(port, Qt::LeftButton, {}, textAt(40));
    QCOMPARE(view->selectionStart(), 20);
    QCOMPARE(view->selectionLength(), 21);

    // Backwards: the pressed byte stays in the selection.
    QTest::mousePress(port, Qt::LeftButton, {}, hexAt(40));
    QTest::mouseMove(port, hexAt(20));
    QTest::mouseRelease(port, Qt::LeftButton, {}, hexAt(20));
    QCOMPARE(view->selectionStart(), 20);
    QCOMPARE(view->selectionLength(), 21);

    QTest::mouseClick(port, Qt::LeftButton, {}, hexAt(5));
    QTest::mouseClick(port, Qt::LeftButton, Qt::ShiftModifier, textAt(40));
    QCOMPARE(view->selectionStart(), 5);
    QCOMPARE(view->selectionLength(), 36);

    // The gap between the two groups of 8 splits between bytes 7 and 8.
    const QRect seven = view->byteRect(7, HexView::Column::Hex);
    const QRect eight = view->byteRect(8, HexView::Column::Hex);
    QCOMPARE(view->offsetAt(QPoint(seven.right() - 1, seven.center().y())), 7);
    QCOMPARE(view->offsetAt(QPoint(eight.left() + 1, eight.center().y())), 8);
    QCOMPARE(view->offsetAt(QPoint(2, seven.center().y())), -1);

    // Clicking left of the bytes, in the offset column, takes the row's first byte.
    QTest::mouseClick(port, Qt::LeftButton, {}, QPoint(2, hexAt(32).y()));
    QCOMPARE(view->cursorPosition(), 32);
}

void TestHexView::copyFormats_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QByteArray>("slot");
    QTest::addColumn<QString>("expected");

    QTest::newRow("hex") << QByteArray("GE\r\n") << QByteArray("copyAsHex") << QStringLiteral("47 45 0d 0a");
    QTest::newRow("text, UTF-8") << QByteArray("caf\xc3\xa9") << QByteArray("copyAsText") << QStringLiteral("caf\u00e9");
    QTest::newRow("C array") << QByteArray("\x00\x01\xff", 3) << QByteArray("copyAsCArray")
                             << QStringLiteral("unsigned char data[] = {\n    0x00, 0x01, 0xff\n};");
    QTest::newRow("Python bytes") << QByteArray("a'b\r\n") << QByteArray("copyAsPythonBytes")
                                  << QStringLiteral("b\"a'b\\r\\n\"");
}

void TestHexView::copyFormats()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QByteArray, slot);
    QFETCH(QString, expected);

    HexView view;
    // Surrounding bytes prove that only the selection is copied.
    view.setSource(std::make_shared<ArraySource>(QByteArray("<<") + bytes + QByteArray(">>")));
    view.setSelection(2, bytes.size());
    bool copied = false;
    QVERIFY(QMetaObject::invokeMethod(&view, slot.constData(), Q_RETURN_ARG(bool, copied)));
    QVERIFY(copied);
    QCOMPARE(QGuiApplication::clipboard()->text(), expected);
}

void TestHexView::ctrlCCopiesHex()
{
    const auto view = shownView(std::make_shared<ArraySource>(QByteArray("HTTP/1.0 200 OK\r\n")));
    QVERIFY(view);
    QGuiApplication::clipboard()->setText(QStringLiteral("before"));
    QVERIFY(pressKeys(view.get(), QStringLiteral("Shift+Right Shift+Right Shift+Right Shift+Right Ctrl+C")));
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("48 54 54 50"));

    // Nothing selected: nothing copied, the clipboard keeps what it had.
    QGuiApplication::clipboard()->setText(QStringLiteral("before"));
    QVERIFY(pressKeys(view.get(), QStringLiteral("Right Ctrl+C")));
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("before"));
}

void TestHexView::copyPastLimitIsRefused()
{
    HexView view;
    view.setSource(std::make_shared<SyntheticSource>(GiB));
    QSignalSpy spy(&view, &HexView::copyTooLarge);
    QGuiApplication::clipboard()->setText(QStringLiteral("before"));

    view.setSelection(100, ByteViewBase::MaxCopyBytes + 1);
    QVERIFY(!view.copyAsHex());
    QVERIFY(!view.copyAsCArray());
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.first().at(0).toLongLong(), ByteViewBase::MaxCopyBytes + 1);
    QCOMPARE(spy.first().at(1).toLongLong(), ByteViewBase::MaxCopyBytes);
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("before"));

    view.setSelection(100, ByteViewBase::MaxCopyBytes);
    QVERIFY(view.copyAsHex());
    QCOMPARE(spy.count(), 2);
    const QString text = QGuiApplication::clipboard()->text();
    QCOMPARE(text.size(), 3 * ByteViewBase::MaxCopyBytes - 1);
    const auto hexOf = [](qint64 offset) {
        return QString::number(uchar(SyntheticSource::byteAt(offset)), 16).rightJustified(2, u'0');
    };
    QCOMPARE(text.left(2), hexOf(100));
    QCOMPARE(text.right(2), hexOf(100 + ByteViewBase::MaxCopyBytes - 1));
}

void TestHexView::segmentTooltip()
{
    const auto view = shownView(std::make_shared<ArraySource>(QByteArray(4096, 's')));
    QVERIFY(view);
    view->setSegments({{0, 1024, 1000}, {1024, 1024, 2345}, {2048, 0, 3000}, {2048, 1, 4000}, {2049, 100, 5500}});

    QCOMPARE(view->segmentDescription(0), QStringLiteral("recv #1: 1,024 bytes at 1.000 ms, offset 0x0"));
    QCOMPARE(view->segmentDescription(0x400 + 5), QStringLiteral("recv #2: 1,024 bytes at 2.345 ms, offset 0x400"));
    // The empty segment (#3) holds no byte: byte 2048 is the 1-byte segment after it.
    QCOMPARE(view->segmentDescription(2048), QStringLiteral("recv #4: 1 byte at 4.000 ms, offset 0x800"));
    QCOMPARE(view->segmentDescription(2148), QStringLiteral("recv #5: 100 bytes at 5.500 ms, offset 0x801"));
    QCOMPARE(view->segmentDescription(2149), QString());

    view->setSegmentLabel(QStringLiteral("datagram"));
    QCOMPARE(view->segmentDescription(1), QStringLiteral("datagram #1: 1,024 bytes at 1.000 ms, offset 0x0"));

    const QPoint at = view->byteRect(5, HexView::Column::Text).center();
    QHelpEvent help(QEvent::ToolTip, at, view->viewport()->mapToGlobal(at));
    QApplication::sendEvent(view->viewport(), &help);
    QTRY_COMPARE(QToolTip::text(), QStringLiteral("datagram #1: 1,024 bytes at 1.000 ms, offset 0x0"));
    QToolTip::hideText();
}

void TestHexView::segmentBoundaryIsDrawn()
{
    const auto view = shownView(std::make_shared<ArraySource>(QByteArray(512, ' ')));
    QVERIFY(view);
    view->setSegments({{0, 37, 10}, {37, 475, 20}});
    const QImage image = view->viewport()->grab().toImage();
    const QColor rule = ByteColors::boundaryColor(view->palette());
    const auto ruleNear = [&](QPoint p) {
        for (int dx = -1; dx <= 1; ++dx) {
            if (image.pixelColor(p + QPoint(dx, 0)) == rule)
                return true;
        }
        return false;
    };
    const QRect hex = view->byteRect(37, HexView::Column::Hex);
    const QRect text = view->byteRect(37, HexView::Column::Text);
    QVERIFY(ruleNear(QPoint(hex.left(), hex.center().y())));
    QVERIFY(ruleNear(QPoint(text.left(), text.center().y())));
    const QRect other = view->byteRect(36, HexView::Column::Hex);
    QVERIFY(!ruleNear(QPoint(other.left(), other.center().y())));
}

void TestHexView::partColoursDifferAndRead()
{
    const QPalette light = QApplication::palette();
    const QPalette dark = darkPalette();
    QVERIFY(!ByteColors::isDark(light));
    QVERIFY(ByteColors::isDark(dark));
    const QList<HttpPart> parts = ByteColors::allParts();
    QCOMPARE(parts.size(), 8);
    for (const QPalette &palette : {light, dark}) {
        for (qsizetype i = 0; i < parts.size(); ++i) {
            const QColor colour = ByteColors::partColor(parts[i], palette);
            QVERIFY2(contrast(colour, palette.color(QPalette::Text)) >= 4.5,
                     qPrintable(ByteColors::partName(parts[i])));
            QVERIFY(!ByteColors::partName(parts[i]).isEmpty());
            for (qsizetype j = i + 1; j < parts.size(); ++j) {
                QVERIFY(colour != ByteColors::partColor(parts[j], palette));
                QVERIFY(ByteColors::partName(parts[i]) != ByteColors::partName(parts[j]));
            }
        }
        QVERIFY(contrast(ByteColors::boundaryColor(palette), palette.color(QPalette::Base)) >= 3.0);
    }
}

void TestHexView::marksColourBothColumns()
{
    for (const QPalette &palette : {QApplication::palette(), darkPalette()}) {
        const auto view = shownView(std::make_shared<ArraySource>(QByteArray("HTTP/1.0 200 OK\r\nA: b\r\n\r\nbody")));
        QVERIFY(view);
        view->setPalette(palette);
        view->setMarks({{HttpPart::Header, {17, 6}}, {HttpPart::StatusLine, {0, 17}},
                        {HttpPart::BlankLine, {23, 2}}, {HttpPart::Body, {25, 4}}});
        const QImage image = view->viewport()->grab().toImage();
        for (const auto column : {HexView::Column::Hex, HexView::Column::Text}) {
            const auto painted = [&](qint64 offset, HttpPart part) {
                return share(image, view->byteRect(offset, column), ByteColors::partColor(part, palette)) > 0.4;
            };
            QVERIFY(painted(3, HttpPart::StatusLine));
            QVERIFY(painted(18, HttpPart::Header));
            QVERIFY(painted(24, HttpPart::BlankLine));
            QVERIFY(painted(28, HttpPart::Body));
            QVERIFY(!painted(28, HttpPart::Header));
        }
    }
}

void TestHexView::refreshExtendsScrollRange()
{
    auto source = std::make_shared<ArraySource>(QByteArray(100, 'g'));
    const auto view = shownView(source);
    QVERIFY(view);
    QScrollBar *bar = view->verticalScrollBar();
    QCOMPARE(bar->maximum(), 0);

    source->append(QByteArray(100000, 'h'));
    QCOMPARE(bar->maximum(), 0);
    view->refresh();
    const qint64 rows = (100 + 100000 + 15) / 16;
    QCOMPARE(bar->maximum(), rows - view->visibleRowCount());
    QCOMPARE(view->size(), 100100);

    QTest::keyClick(view.get(), Qt::Key_End, Qt::ControlModifier);
    QCOMPARE(view->cursorPosition(), 100100);
}

void TestHexView::refreshRepaintsOnlyWhenVisibleRowsChange()
{
    auto far = std::make_shared<ArraySource>(QByteArray(1 << 20, 'f'));
    const auto view = shownView(far);
    QVERIFY(view);
    // Activation repaints (the selection colours follow focus): let it happen before counting.
    QVERIFY(QTest::qWaitForWindowActive(view.get()));
    PaintCounter counter;
    view->viewport()->installEventFilter(&counter);
    QCoreApplication::processEvents();
    counter.paints = 0;

    far->append(QByteArray(1 << 20, 'g'));
    view->refresh();
    QCoreApplication::processEvents();
    QCOMPARE(counter.paints, 0);
    QCOMPARE(view->size(), 2 << 20);

    auto near = std::make_shared<ArraySource>(QByteArray(20, 'n'));
    view->setSource(near);
    QCoreApplication::processEvents();
    counter.paints = 0;
    view->refresh();
    QCoreApplication::processEvents();
    QCOMPARE(counter.paints, 0);
    near->append(QByteArray(20, 'o'));
    view->refresh();
    QTRY_VERIFY(counter.paints > 0);
}

// A wide pane is not left half empty: a row holds as many groups of 8 as fit, and the first byte
// shown stays in view when the rows are cut anew.
void TestHexView::bytesPerRowFollowTheWidth()
{
    auto source = std::make_shared<SyntheticSource>(1024 * 1024);
    const auto view = shownView(source, {640, 400}, 0);
    QVERIFY(view);
    for (const int bytes : {8, 16, 24, 32, 64}) {
        view->resize(view->widthForBytesPerRow(bytes), 400);
        QCOMPARE(view->bytesPerRow(), bytes);
        // One pixel less and the last group no longer fits.
        if (bytes > 8) {
            view->resize(view->widthForBytesPerRow(bytes) - 1, 400);
            QCOMPARE(view->bytesPerRow(), bytes - 8);
        }
    }
    view->resize(view->widthForBytesPerRow(64) * 2, 400);
    QCOMPARE(view->bytesPerRow(), HexView::MaxBytesPerRow);
    view->resize(50, 400);
    QCOMPARE(view->bytesPerRow(), 8);

    view->resize(view->widthForBytesPerRow(16), 400);
    view->setSelection(1000, 1);
    view->verticalScrollBar()->setValue(1000 / 16);
    QCOMPARE(view->firstVisibleOffset(), 992);
    view->resize(view->widthForBytesPerRow(32), 400);
    QCOMPARE(view->bytesPerRow(), 32);
    QCOMPARE(view->firstVisibleOffset(), 992);
    QVERIFY(!view->byteRect(1000, HexView::Column::Hex).isEmpty());
}

void TestHexView::clickInALaterGroupHitsItsByte()
{
    auto source = std::make_shared<SyntheticSource>(4096);
    const auto view = shownView(source, {640, 400}, 0);
    QVERIFY(view);
    view->resize(view->widthForBytesPerRow(32), 400);
    QCOMPARE(view->bytesPerRow(), 32);
    for (const qint64 offset : {qint64(0), qint64(7), qint64(8), qint64(16), qint64(23), qint64(24), qint64(31), qint64(32 + 20)}) {
        for (const HexView::Column column : {HexView::Column::Hex, HexView::Column::Text}) {
            const QRect cell = view->byteRect(offset, column);
            QVERIFY(!cell.isEmpty());
            HexView::Column hit = HexView::Column::Hex;
            QCOMPARE(view->offsetAt(cell.center(), &hit), offset);
            QCOMPARE(hit, column);
        }
    }
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->byteRect(24, HexView::Column::Hex).center());
    QCOMPARE(view->cursorPosition(), 24);
}

// A person who wants 16 bytes a row whatever the width fixes it once: every hex view follows, and
// the next session too.
void TestHexView::bytesPerRowFixedFromTheMenu()
{
    auto source = std::make_shared<SyntheticSource>(4096);
    const auto view = shownView(source, {640, 400}, 0);
    const auto other = shownView(source, {640, 400}, 0);
    QVERIFY(view && other);
    view->resize(view->widthForBytesPerRow(48), 400);
    other->resize(view->widthForBytesPerRow(64), 400);
    QCOMPARE(view->bytesPerRow(), 48);

    QContextMenuEvent event(QContextMenuEvent::Keyboard, QPoint(5, 5));
    bool chosen = false;
    QTimer::singleShot(0, [&] {
        // The menu is closed whatever is found, so that a failure fails instead of hanging.
        if (auto *shown = qobject_cast<QMenu *>(QApplication::activePopupWidget())) {
            for (QAction *action : shown->actions()) {
                if (!action->menu())
                    continue;
                for (QAction *rows : action->menu()->actions()) {
                    if (rows->text() == QStringLiteral("16")) {
                        rows->trigger();
                        chosen = true;
                    }
                }
            }
        }
        while (QWidget *popup = QApplication::activePopupWidget())
            popup->close();
    });
    QCoreApplication::sendEvent(view.get(), &event);
    QVERIFY(chosen);
    QCOMPARE(view->bytesPerRow(), 16);
    QCOMPARE(other->bytesPerRow(), 16);
    QCOMPARE(QSettings().value(QStringLiteral("hexView/bytesPerRow")).toInt(), 16);
    HexView fresh;
    QCOMPARE(fresh.fixedBytesPerRow(), 16);

    other->setFixedBytesPerRow(0);
    QCOMPARE(other->bytesPerRow(), 64);
    QSettings().remove(QStringLiteral("hexView/bytesPerRow"));
}

QTEST_MAIN(TestHexView)
#include "tst_hexview.moc"
