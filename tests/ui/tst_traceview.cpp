#include "trace/tracemodel.h"
#include "trace/traceview.h"

#include <QAction>
#include <QClipboard>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLocale>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>

#include <cerrno>

using namespace SocketLab;

namespace {

TraceEntry entry(qint64 timeUs, const QString &call, const QString &args, qint64 result, int errnoCode = 0,
                 int count = 1, qint64 totalBytes = -1, qint64 lastTimeUs = -1)
{
    TraceEntry e;
    e.timeUs = timeUs;
    e.call = call;
    e.args = args;
    e.result = result;
    e.errnoCode = errnoCode;
    e.count = count;
    e.totalBytes = totalBytes >= 0 ? totalBytes : (result > 0 ? result : 0);
    e.lastTimeUs = lastTimeUs >= 0 ? lastTimeUs : timeUs;
    return e;
}

QStringList rowTexts(const QAbstractItemModel &model, int row)
{
    QStringList texts;
    for (int column = 0; column < model.columnCount(); ++column)
        texts.append(model.index(row, column).data().toString());
    return texts;
}

QList<TraceEntry> exchange()
{
    return {
        entry(120, QStringLiteral("socket"), QStringLiteral("AF_INET, SOCK_STREAM, IPPROTO_TCP"), 3),
        entry(1234, QStringLiteral("connect"), QStringLiteral("3, {AF_INET, 127.0.0.1:8080}, 16"), 0),
        entry(1500, QStringLiteral("send"), QStringLiteral("3, \"GET / HTTP/1.0\\r\\n\\r\\n\", 18, MSG_NOSIGNAL"), 18),
        entry(2001, QStringLiteral("recv"), QStringLiteral("3, buf, 65536, 0"), 65536, 0, 16384, qint64(1) << 30, 912345),
        entry(912400, QStringLiteral("close"), QStringLiteral("3"), 0),
    };
}

} // namespace

class TestTraceView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void columns();
    void rowData_data();
    void rowData();
    void toolTips();
    void argumentsInMonospace();
    void shortExchangeColumnsFitTheirCalls();
    void growthInsertsRowsAndUpdatesTheLast();
    void unchangedEntriesEmitNothing();
    void otherChangesReset_data();
    void otherChangesReset();
    void oldestEntriesLetGo();
    void copyWithCtrlC();
    void copyFromContextMenuAction();
    void selectionSurvivesGrowth();
    void scrollingAsCallsComeIn_data();
    void scrollingAsCallsComeIn();
};

void TestTraceView::initTestCase()
{
    // The C locale writes numbers without group separators and with a dot: stable expectations.
    QLocale::setDefault(QLocale::c());
}

void TestTraceView::columns()
{
    TraceModel model;
    QCOMPARE(model.columnCount(), 8);
    QStringList titles;
    for (int column = 0; column < model.columnCount(); ++column)
        titles.append(model.headerData(column, Qt::Horizontal).toString());
    QCOMPARE(titles, QStringList({QStringLiteral("Time (ms)"), QStringLiteral("Call"), QStringLiteral("Arguments"),
                                  QStringLiteral("Result"), QStringLiteral("Calls"), QStringLiteral("Bytes"),
                                  QStringLiteral("errno"), QStringLiteral("Meaning")}));
    QCOMPARE(model.rowCount(), 0);
}

void TestTraceView::rowData_data()
{
    QTest::addColumn<qint64>("timeUs");
    QTest::addColumn<QString>("call");
    QTest::addColumn<QString>("args");
    QTest::addColumn<qint64>("result");
    QTest::addColumn<int>("errnoCode");
    QTest::addColumn<int>("count");
    QTest::addColumn<qint64>("totalBytes");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("successful connect")
        << qint64(1234) << QStringLiteral("connect") << QStringLiteral("3, {AF_INET, 127.0.0.1:8080}, 16")
        << qint64(0) << 0 << 1 << qint64(0)
        << QStringList({QStringLiteral("1.234"), QStringLiteral("connect"),
                        QStringLiteral("3, {AF_INET, 127.0.0.1:8080}, 16"), QStringLiteral("0"), QString(),
                        QString(), QString(), QString()});
    QTest::newRow("refused connect")
        << qint64(2500) << QStringLiteral("connect") << QStringLiteral("3, {AF_INET, 127.0.0.1:81}, 16") << qint64(-1)
        << ECONNREFUSED << 1 << qint64(0)
        << QStringList({QStringLiteral("2.500"), QStringLiteral("connect"),
                        QStringLiteral("3, {AF_INET, 127.0.0.1:81}, 16"), QStringLiteral("-1"), QString(), QString(),
                        QStringLiteral("ECONNREFUSED"), QStringLiteral("Connection refused")});
    QTest::newRow("single recv: no folding columns")
        << qint64(3000) << QStringLiteral("recv") << QStringLiteral("3, buf, 65536, 0") << qint64(926) << 0 << 1
        << qint64(926)
        << QStringList({QStringLiteral("3.000"), QStringLiteral("recv"), QStringLiteral("3, buf, 65536, 0"),
                        QStringLiteral("926"), QString(), QString(), QString(), QString()});
    QTest::newRow("folded recv run")
        << qint64(2001) << QStringLiteral("recv") << QStringLiteral("3, buf, 65536, 0") << qint64(65536) << 0
        << 16384 << (qint64(1) << 30)
        << QStringList({QStringLiteral("2.001"), QStringLiteral("recv"), QStringLiteral("3, buf, 65536, 0"),
                        QStringLiteral("65536"), QStringLiteral("×16384"), QStringLiteral("1073741824"), QString(),
                        QString()});
    QTest::newRow("folded identical failures")
        << qint64(1234567) << QStringLiteral("recv") << QStringLiteral("3, buf, 65536, 0") << qint64(-1) << EAGAIN
        << 3 << qint64(0)
        << QStringList({QStringLiteral("1234.567"), QStringLiteral("recv"), QStringLiteral("3, buf, 65536, 0"),
                        QStringLiteral("-1"), QStringLiteral("×3"), QString(), QStringLiteral("EAGAIN"),
                        QStringLiteral("Nothing ready yet; try again")});
}

void TestTraceView::rowData()
{
    QFETCH(qint64, timeUs);
    QFETCH(QString, call);
    QFETCH(QString, args);
    QFETCH(qint64, result);
    QFETCH(int, errnoCode);
    QFETCH(int, count);
    QFETCH(qint64, totalBytes);
    QFETCH(QStringList, expected);

    TraceModel model;
    model.setEntries({entry(timeUs, call, args, result, errnoCode, count, totalBytes)});
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(rowTexts(model, 0), expected);
}

void TestTraceView::toolTips()
{
    TraceModel model;
    const QString longArgs = QStringLiteral("3, \"<html><body>") + QString(200, u'x') + QStringLiteral("\", 230, 0");
    model.setEntries({
        entry(10, QStringLiteral("send"), longArgs, 230),
        entry(2001, QStringLiteral("recv"), QStringLiteral("3, buf, 65536, 0"), 65536, 0, 16384, qint64(1) << 30, 912345),
        entry(3000, QStringLiteral("connect"), QStringLiteral("4, {AF_INET, 127.0.0.1:81}, 16"), -1, ECONNREFUSED),
    });

    // The whole call, made safe from the markup a tooltip would otherwise read in "<html>".
    const QString argsTip = model.index(0, TraceModel::Arguments).data(Qt::ToolTipRole).toString();
    QVERIFY2(argsTip.contains(QStringLiteral("send(3, \"&lt;html&gt;&lt;body&gt;") + QString(200, u'x')
                              + QStringLiteral("\", 230, 0)")),
             qPrintable(argsTip));
    QVERIFY(!argsTip.contains(QStringLiteral("<html>")));

    QCOMPARE(model.index(1, TraceModel::Time).data(Qt::ToolTipRole).toString(),
             QStringLiteral("First call at 2.001 ms, last at 912.345 ms"));
    QCOMPARE(model.index(1, TraceModel::Calls).data(Qt::ToolTipRole).toString(),
             QStringLiteral("16384 calls folded into this row, moving 1073741824 bytes in all"));
    QVERIFY(model.index(0, TraceModel::Calls).data(Qt::ToolTipRole).toString().isEmpty());

    const QString errnoTip = model.index(2, TraceModel::Errno).data(Qt::ToolTipRole).toString();
    QCOMPARE(errnoTip, QStringLiteral("Connection refused (ECONNREFUSED, errno %1)").arg(ECONNREFUSED));
}

void TestTraceView::argumentsInMonospace()
{
    TraceModel model;
    model.setEntries(exchange());
    const QFont font = model.index(0, TraceModel::Arguments).data(Qt::FontRole).value<QFont>();
    QCOMPARE(font.family(), QFontDatabase::systemFont(QFontDatabase::FixedFont).family());
    QVERIFY(!model.index(0, TraceModel::Call).data(Qt::FontRole).isValid());
}

// A short exchange fits without a scroll bar: the call and errno columns still take their
// contents' width, not the width they had while the table was empty.
void TestTraceView::shortExchangeColumnsFitTheirCalls()
{
    TraceView view;
    view.resize(900, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setEntries(exchange());
    QCoreApplication::processEvents();
    QVERIFY(!view.verticalScrollBar()->isVisible());
    const QFontMetrics metrics = view.fontMetrics();
    QVERIFY2(view.columnWidth(TraceModel::Call) > metrics.horizontalAdvance(QStringLiteral("connect")),
             qPrintable(QString::number(view.columnWidth(TraceModel::Call))));
}

void TestTraceView::growthInsertsRowsAndUpdatesTheLast()
{
    TraceModel model;
    QList<TraceEntry> entries = exchange().first(4);
    entries[3].count = 2;
    entries[3].totalBytes = 2 * 65536;
    model.setEntries(entries.first(3));

    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    model.setEntries(entries);
    QCOMPARE(resets.count(), 0);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 3);
    QCOMPARE(inserted.at(0).at(2).toInt(), 3);
    QCOMPARE(model.index(3, TraceModel::Calls).data().toString(), QStringLiteral("×2"));

    // The recv run folds more calls, and close comes after it.
    inserted.clear();
    entries[3].count = 16384;
    entries[3].totalBytes = qint64(1) << 30;
    entries[3].lastTimeUs = 912345;
    entries.append(exchange().at(4));
    model.setEntries(entries);
    QCOMPARE(resets.count(), 0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>(), model.index(3, 0));
    QCOMPARE(changed.at(0).at(1).value<QModelIndex>(), model.index(3, TraceModel::ColumnCount - 1));
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 4);
    QCOMPARE(inserted.at(0).at(2).toInt(), 4);
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.index(3, TraceModel::Calls).data().toString(), QStringLiteral("×16384"));
    QCOMPARE(model.index(3, TraceModel::Bytes).data().toString(), QStringLiteral("1073741824"));
    QCOMPARE(model.index(4, TraceModel::Call).data().toString(), QStringLiteral("close"));
}

void TestTraceView::unchangedEntriesEmitNothing()
{
    TraceModel model;
    model.setEntries(exchange());
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setEntries(exchange());
    QCOMPARE(resets.count() + inserted.count() + changed.count(), 0);
}

void TestTraceView::otherChangesReset_data()
{
    QTest::addColumn<QList<TraceEntry>>("next");

    const QList<TraceEntry> all = exchange();
    QTest::newRow("fewer entries: a new exchange") << all.first(2);
    QTest::newRow("cleared") << QList<TraceEntry>();
    QList<TraceEntry> otherStart = all;
    otherStart[0].timeUs = 99;
    QTest::newRow("another first call") << otherStart;
    QList<TraceEntry> middleChanged = all;
    middleChanged[1].result = -1;
    middleChanged[1].errnoCode = ECONNREFUSED;
    QTest::newRow("an older entry changed") << middleChanged;
    QList<TraceEntry> lastReplaced = all.first(4);
    lastReplaced[3].call = QStringLiteral("read");
    QTest::newRow("the last entry is another call") << lastReplaced;
}

void TestTraceView::otherChangesReset()
{
    QFETCH(QList<TraceEntry>, next);
    TraceModel model;
    model.setEntries(exchange().first(4));
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.setEntries(next);
    QCOMPARE(resets.count(), 1);
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(model.rowCount(), next.size());
    for (int row = 0; row < next.size(); ++row) {
        QCOMPARE(model.index(row, TraceModel::Call).data().toString(), next.at(row).call);
        QCOMPARE(model.index(row, TraceModel::Result).data().toString(), QString::number(next.at(row).result));
    }
}

void TestTraceView::oldestEntriesLetGo()
{
    // A listener's trace keeps its newest entries only: the first ones go as new ones come.
    TraceModel model;
    QList<TraceEntry> entries = exchange();
    model.setEntries(entries.first(4));
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    entries[3].count = 20000;
    entries[3].lastTimeUs = 999999;
    model.setEntries(entries.sliced(2));
    QCOMPARE(resets.count(), 0);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.at(0).at(1).toInt(), 0);
    QCOMPARE(removed.at(0).at(2).toInt(), 1);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 1);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 2);
    QCOMPARE(model.rowCount(), 3);
    QStringList calls;
    for (int row = 0; row < model.rowCount(); ++row)
        calls.append(model.index(row, TraceModel::Call).data().toString());
    QCOMPARE(calls, QStringList({QStringLiteral("send"), QStringLiteral("recv"), QStringLiteral("close")}));
    QCOMPARE(model.index(1, TraceModel::Calls).data().toString(), QStringLiteral("×20000"));
}

void TestTraceView::copyWithCtrlC()
{
    TraceView view;
    view.resize(900, 300);
    view.setEntries(exchange());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QGuiApplication::clipboard()->clear();

    // Click the connect row, Ctrl+click the folded recv row.
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {},
                      view.visualRect(view.model()->index(1, TraceModel::Call)).center());
    QTest::mouseClick(view.viewport(), Qt::LeftButton, Qt::ControlModifier,
                      view.visualRect(view.model()->index(3, TraceModel::Call)).center());
    QCOMPARE(view.selectionModel()->selectedRows().size(), 2);
    QTest::keyClick(&view, Qt::Key_C, Qt::ControlModifier);

    const QString expected = QStringLiteral(
        "Time (ms)\tCall\tArguments\tResult\tCalls\tBytes\terrno\tMeaning\n"
        "1.234\tconnect\t3, {AF_INET, 127.0.0.1:8080}, 16\t0\t\t\t\t\n"
        "2.001\trecv\t3, buf, 65536, 0\t65536\t×16384\t1073741824\t\t\n");
    QCOMPARE(QGuiApplication::clipboard()->text(), expected);
}

void TestTraceView::copyFromContextMenuAction()
{
    TraceView view;
    QList<TraceEntry> entries = exchange();
    entries[1] = entry(1234, QStringLiteral("connect"), QStringLiteral("3, {AF_INET, 127.0.0.1:81}, 16"), -1,
                       ECONNREFUSED);
    view.setEntries(entries);
    QCOMPARE(view.contextMenuPolicy(), Qt::ActionsContextMenu);
    QVERIFY(view.actions().contains(view.copyAction()));
    QCOMPARE(view.copyAction()->text(), QStringLiteral("&Copy"));
    QVERIFY(!view.copyAction()->isEnabled());

    view.selectRow(1);
    QVERIFY(view.copyAction()->isEnabled());
    QGuiApplication::clipboard()->clear();
    view.copyAction()->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(),
             QStringLiteral("Time (ms)\tCall\tArguments\tResult\tCalls\tBytes\terrno\tMeaning\n"
                            "1.234\tconnect\t3, {AF_INET, 127.0.0.1:81}, 16\t-1\t\t\tECONNREFUSED\tConnection refused\n"));
}

void TestTraceView::selectionSurvivesGrowth()
{
    TraceView view;
    view.setEntries(exchange().first(3));
    view.selectRow(1);
    view.setEntries(exchange());
    const QModelIndexList rows = view.selectionModel()->selectedRows();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().row(), 1);
}

Q_DECLARE_METATYPE(TraceView::Scrolling)

void TestTraceView::scrollingAsCallsComeIn_data()
{
    QTest::addColumn<TraceView::Scrolling>("scrolling");
    QTest::newRow("an exchange keeps its start") << TraceView::Scrolling::KeepStart;
    QTest::newRow("a log follows its end") << TraceView::Scrolling::FollowEnd;
}

void TestTraceView::scrollingAsCallsComeIn()
{
    QFETCH(TraceView::Scrolling, scrolling);
    TraceView view;
    view.setScrolling(scrolling);
    view.resize(800, view.heightForRows(5));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QCOMPARE(view.viewport()->height(), 5 * view.verticalHeader()->defaultSectionSize());
    QList<TraceEntry> calls{entry(10, QStringLiteral("socket"), QStringLiteral("AF_INET, SOCK_STREAM, IPPROTO_TCP"), 3),
                            entry(20, QStringLiteral("connect"), QStringLiteral("3, {AF_INET, 127.0.0.1:8080}, 16"), 0)};
    for (int i = 0; i < 12; ++i)
        calls.append(entry(100 + i, QStringLiteral("send"), QStringLiteral("3, \"%1\", 1, MSG_NOSIGNAL").arg(i), 1));

    // The calls come as an exchange reports them, a few at a time, until they no longer fit.
    for (qsizetype n = 1; n <= 8; ++n) {
        view.setEntries(calls.first(n));
        QCoreApplication::processEvents();
    }
    const QScrollBar *bar = view.verticalScrollBar();
    QVERIFY(bar->maximum() > 0);
    if (scrolling == TraceView::Scrolling::KeepStart) {
        QCOMPARE(bar->value(), 0);
        QCOMPARE(view.rowAt(0), 0);
    } else {
        QCOMPARE(bar->value(), bar->maximum());
        QVERIFY(view.rowAt(0) > 1);
    }

    // Scrolled to the end, either one follows the calls that come next.
    view.scrollToBottom();
    QCoreApplication::processEvents();
    view.setEntries(calls);
    QCoreApplication::processEvents();
    QCOMPARE(bar->value(), bar->maximum());
    QCOMPARE(view.rowAt(view.viewport()->height() - 1), int(calls.size()) - 1);
}

QTEST_MAIN(TestTraceView)
#include "tst_traceview.moc"
