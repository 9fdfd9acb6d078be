// bench_udpflood: a UDP flood counted exactly, in the window and in the CLI, against its targets. A
// report, not a test: it prints the figures, PASS/FAIL against each target, and exits 0 when all
// pass, 1 when one fails, 2 when a run itself went wrong.
//
// Build optimised, in a build directory of its own:
//   cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release
//   cmake --build build-bench -j1 --target bench_udpflood
// Full run (200,000 datagrams a run, 3 pairs), quick run:
//   build-bench/tests/bench/bench_udpflood
//   build-bench/tests/bench/bench_udpflood --count 20000 --pairs 1
//
// The sender is bench_udpsender (plain C, not SocketLab): COUNT 64-byte datagrams to 127.0.0.1:PORT,
// sendmmsg() in batches of 64, as fast as the kernel takes them. On loopback a full receive buffer
// drops a datagram rather than refusing it, so every datagram the sender counts either reaches the
// receiver's buffer or is counted by the kernel as dropped on that socket.
// - Window: a MainWindow on the offscreen platform (QT_QPA_PLATFORM may choose another), the Servers
//   tab in view; a UDP log-only listener is started from the tab's form as a person would, with the
//   system's default SO_RCVBUF. Checked: the datagrams the listener received plus those it says the
//   kernel dropped are the datagrams sent, exactly, within 20 s of the last one. Responsiveness: a
//   5 ms PreciseTimer on the GUI thread stamps every tick; a stall is a gap between ticks minus 5 ms,
//   from the sender's start until 250 ms after the count is whole.
// - CLI: `socketlab-cli serve udp-log`, stopped with SIGINT once the sender is done and the server has
//   had 500 ms to read what its buffer holds; its stop line gives the datagrams received and dropped,
//   which must add up to the datagrams sent, exactly. Once with the default SO_RCVBUF, then in pairs
//   with RCVBUF (default 4 MiB) against the baseline.
// - Baseline: bench_recvmmsg (plain C), a recvmmsg() loop in batches of 64 on a socket with the same
//   SO_RCVBUF, from the same sender. The figure is the median over the pairs of CLI received /
//   baseline received, the one that goes first swapping each pair.
// SO_RCVBUF for the CLI: `serve udp-log --sockopt rcvbuf=N`, as a person would ask it.

#include "benchmeasure.h"
#include "stallprobe.h"
#include "mainwindow.h"
#include "servers/listener.h"
#include "servers/listenerform.h"
#include "servers/listenermodel.h"
#include "servers/serverspanel.h"
#include "text/translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QComboBox>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <optional>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

using namespace SocketLab;
using namespace BenchMeasure;
using namespace StallProbe;

namespace {

constexpr int TailMs = 250;
constexpr int SettleMs = 500;
constexpr int CountTimeoutMs = 20000;
constexpr double RatioTarget = 0.9;

struct Options
{
    int count = 200000;
    int size = 64;
    int pairs = 3;
    int rcvbuf = 4 * 1024 * 1024;
};

// What a receiver counted, and what the sender sent to it.
struct Count
{
    qint64 sent = -1;
    qint64 received = -1;
    qint64 dropped = -1;
    qint64 senderNs = 0;
    bool exact() const { return sent >= 0 && received >= 0 && dropped >= 0 && received + dropped == sent; }
};

QByteArray loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return QByteArrayLiteral("?");
    return file.readAll().split(' ').mid(0, 3).join(' ');
}

void printTarget(bool pass, const QByteArray &text)
{
    std::printf("  %s  %s\n", pass ? "PASS" : "FAIL", text.constData());
}

// Runs bench_udpsender to port to the end (the GUI thread's event loop runs meanwhile) and reads its line.
bool runSender(quint16 port, const Options &options, Count *count, QString *error)
{
    QProcess sender;
    QEventLoop loop;
    QObject::connect(&sender, &QProcess::finished, &loop, &QEventLoop::quit);
    sender.start(QStringLiteral(BENCH_UDPSENDER),
                 {QString::number(port), QString::number(options.count), QString::number(options.size)});
    if (!sender.waitForStarted(5000)) {
        *error = QStringLiteral("bench_udpsender did not start");
        return false;
    }
    if (sender.state() != QProcess::NotRunning)
        loop.exec();
    static const QRegularExpression pattern(QStringLiteral("^sent=(\\d+) ns=(\\d+)$"));
    const QRegularExpressionMatch match = pattern.match(QString::fromLatin1(sender.readAllStandardOutput().trimmed()));
    if (!match.hasMatch()) {
        *error = QStringLiteral("bench_udpsender said nothing readable: %1").arg(QString::fromLocal8Bit(sender.readAllStandardError()));
        return false;
    }
    count->sent = match.captured(1).toLongLong();
    count->senderNs = match.captured(2).toLongLong();
    return true;
}

struct WindowRun
{
    Count count;
    double worstStallMs = 0.0;
    double p99StallMs = 0.0;
    qint64 receiveBuffer = 0;
    QString state;     // the listener's State cell once the count is whole
    QString stateTip;  // and its tool tip: the sentence
};

bool runWindow(const Options &options, WindowRun *run, QString *error)
{
    MainWindow window(nullptr);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window)) {
        *error = QStringLiteral("the window was not exposed");
        return false;
    }
    window.tools()->setCurrentIndex(MainWindow::ServersTab);
    ServersPanel *panel = window.serversPanel();
    ListenerForm *form = panel->form();
    form->transportCombo()->setCurrentIndex(1);  // UDP
    form->modeCombo()->setCurrentIndex(3);       // Log only
    form->portSpin()->setValue(0);
    QTest::mouseClick(form->startButton(), Qt::LeftButton);
    Listener *listener = nullptr;
    if (!QTest::qWaitFor([&] {
            listener = panel->selectedListener();
            return listener && listener->isRunning();
        }, 10000)) {
        *error = QStringLiteral("the window's UDP listener did not start");
        return false;
    }
    Probe probe;
    const qint64 startNs = monotonicNs();
    probe.start();
    if (!runSender(listener->boundAddress().port(), options, &run->count, error))
        return false;
    const auto whole = [&] {
        const Listener::Totals totals = listener->totals();
        return totals.datagrams + totals.kernelDrops.value_or(0) >= run->count.sent;
    };
    QTest::qWaitFor(whole, CountTimeoutMs);
    QTest::qWait(TailMs);
    probe.stop();
    const Listener::Totals totals = listener->totals();
    run->count.received = totals.datagrams;
    run->count.dropped = totals.kernelDrops.value_or(-1);
    run->receiveBuffer = totals.receiveBufferBytes;
    const Stalls stalls = stallsBetween(probe.ticks(), startNs, monotonicNs());
    run->worstStallMs = stalls.maxMs;
    run->p99StallMs = stalls.p99Ms;
    const ListenerModel *model = panel->listenerModel();
    const QModelIndex state = model->index(model->rowOf(listener), ListenerModel::State);
    run->state = state.data().toString();
    run->stateTip = state.data(Qt::ToolTipRole).toString();
    return true;
}

// serve udp-log, the sender, SIGINT after SettleMs, and the stop line read. rcvbuf 0: the default.
bool runCli(const Options &options, int rcvbuf, Count *count, QString *error)
{
    QProcess server;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    environment.insert(QStringLiteral("LANGUAGE"), QStringLiteral("C"));
    server.setProcessEnvironment(environment);
    QStringList arguments{QStringLiteral("serve"), QStringLiteral("udp-log")};
    if (rcvbuf > 0)
        arguments << QStringLiteral("--sockopt") << QStringLiteral("rcvbuf=%1").arg(rcvbuf);
    server.start(QStringLiteral(SOCKETLAB_CLI), arguments);
    if (!server.waitForStarted(5000) || !server.waitForReadyRead(10000)) {
        *error = QStringLiteral("serve udp-log did not start");
        return false;
    }
    static const QRegularExpression listening(QStringLiteral("^Listening on 127\\.0\\.0\\.1:(\\d+) "));
    const QRegularExpressionMatch match = listening.match(QString::fromLocal8Bit(server.readLine()));
    if (!match.hasMatch()) {
        *error = QStringLiteral("serve udp-log did not say where it listens");
        return false;
    }
    const quint16 port = quint16(match.captured(1).toUInt());
    if (!runSender(port, options, count, error))
        return false;
    QThread::msleep(SettleMs);
    ::kill(pid_t(server.processId()), SIGINT);
    if (!server.waitForFinished(20000)) {
        *error = QStringLiteral("serve udp-log did not stop on SIGINT");
        return false;
    }
    static const QRegularExpression counts(QStringLiteral("^([\\d,]+) datagrams? received, ([\\d,]+) dropped by the kernel\\.$"),
                                           QRegularExpression::MultilineOption);
    const QString output = QString::fromLocal8Bit(server.readAllStandardOutput());
    const QRegularExpressionMatch said = counts.match(output);
    if (!said.hasMatch()) {
        *error = QStringLiteral("serve udp-log's stop line is missing: %1").arg(output.right(300));
        return false;
    }
    count->received = said.captured(1).remove(QLatin1Char(',')).toLongLong();
    count->dropped = said.captured(2).remove(QLatin1Char(',')).toLongLong();
    return true;
}

// bench_recvmmsg with rcvbuf, the sender, its line read.
bool runBaseline(const Options &options, int rcvbuf, Count *count, qint64 *effective, QString *error)
{
    QProcess receiver;
    receiver.start(QStringLiteral(BENCH_RECVMMSG), {QString::number(rcvbuf), QString::number(SettleMs)});
    if (!receiver.waitForStarted(5000) || !receiver.waitForReadyRead(10000)) {
        *error = QStringLiteral("bench_recvmmsg did not start");
        return false;
    }
    const quint16 port = quint16(receiver.readLine().trimmed().toUInt());
    if (port == 0 || !runSender(port, options, count, error))
        return false;
    if (!receiver.waitForFinished(20000)) {
        *error = QStringLiteral("bench_recvmmsg did not end");
        return false;
    }
    static const QRegularExpression pattern(QStringLiteral("^received=(\\d+) dropped=(-?\\d+) rcvbuf=(\\d+)$"));
    const QRegularExpressionMatch match = pattern.match(QString::fromLatin1(receiver.readAllStandardOutput().trimmed()));
    if (!match.hasMatch()) {
        *error = QStringLiteral("bench_recvmmsg said nothing readable");
        return false;
    }
    count->received = match.captured(1).toLongLong();
    count->dropped = match.captured(2).toLongLong();
    *effective = match.captured(3).toLongLong();
    return true;
}

QByteArray countText(const Count &count)
{
    return QByteArray("sent ") + QByteArray::number(count.sent) + " in " + QByteArray::number(double(count.senderNs) / 1e6, 'f', 1)
         + " ms, received " + QByteArray::number(count.received) + ", dropped " + QByteArray::number(count.dropped)
         + (count.exact() ? " (received + dropped = sent)" : " (received + dropped != sent)");
}

} // namespace

int main(int argc, char *argv[])
{
    QTemporaryDir config;
    if (!config.isValid())
        return 2;
    // Settings of its own: the window must neither read nor overwrite a person's.
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(config.path()));
    // Nor its history: what each run keeps goes to the same throw-away folder.
    qputenv("XDG_DATA_HOME", QFile::encodeName(config.path()));
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("SocketLabBench"));
    QApplication::setApplicationName(QStringLiteral("bench_udpflood"));
    // English, as the window would start in the C locale: the row and its tip are printed as shown.
    if (!Translations::install(QStringLiteral("en"))) {
        std::fprintf(stderr, "bench_udpflood: SocketLab's English translation is missing\n");
        return 2;
    }

    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption count(QStringLiteral("count"), QStringLiteral("Datagrams a run (default 200000)."),
                                   QStringLiteral("N"), QStringLiteral("200000"));
    const QCommandLineOption pairs(QStringLiteral("pairs"), QStringLiteral("CLI/baseline pairs (default 3)."),
                                   QStringLiteral("N"), QStringLiteral("3"));
    const QCommandLineOption rcvbuf(QStringLiteral("rcvbuf"), QStringLiteral("SO_RCVBUF of the pairs (default 4M)."),
                                    QStringLiteral("SIZE"), QStringLiteral("4M"));
    parser.addOptions({count, pairs, rcvbuf});
    parser.process(app);
    Options options;
    options.count = parser.value(count).toInt();
    options.pairs = parser.value(pairs).toInt();
    const std::optional<qint64> buffer = parseSize(parser.value(rcvbuf), 1 << 30);
    if (options.count <= 0 || options.pairs <= 0 || !buffer) {
        std::fprintf(stderr, "bench_udpflood: bad --count, --pairs or --rcvbuf\n");
        return 2;
    }
    options.rcvbuf = int(*buffer);

    std::printf("bench_udpflood (%s build), platform %s, %ld CPUs online, load %s\n", BENCH_BUILD_TYPE,
                qPrintable(QGuiApplication::platformName()), sysconf(_SC_NPROCESSORS_ONLN), loadAverage().constData());
    std::printf("sender: bench_udpsender, %d datagrams of %d bytes a run, sendmmsg() batches of 64, to 127.0.0.1\n",
                options.count, options.size);
    std::printf("CLI SO_RCVBUF for the pairs: serve udp-log --sockopt rcvbuf=%d\n\n", options.rcvbuf);
    std::fflush(stdout);

    QString error;
    WindowRun window;
    if (!runWindow(options, &window, &error)) {
        std::fprintf(stderr, "bench_udpflood: %s\n", qPrintable(error));
        return 2;
    }
    std::printf("window, Servers tab, UDP log-only listener, SO_RCVBUF %lld bytes:\n  %s\n  stalls: worst %.1f ms, p99 %.1f ms\n"
                "  listener row: \"%s\"\n  its tip: \"%s\"\n",
                window.receiveBuffer, countText(window.count).constData(), window.worstStallMs, window.p99StallMs,
                qPrintable(window.state), qPrintable(window.stateTip));
    std::fflush(stdout);

    Count cliDefault;
    if (!runCli(options, 0, &cliDefault, &error)) {
        std::fprintf(stderr, "bench_udpflood: %s\n", qPrintable(error));
        return 2;
    }
    std::printf("CLI serve udp-log, default SO_RCVBUF:\n  %s\n\n", countText(cliDefault).constData());

    std::printf("pair  first     baseline received (dropped)   CLI received (dropped)   ratio   load\n");
    std::vector<double> ratios;
    bool cliExact = cliDefault.exact();
    qint64 effective = 0;
    for (int pair = 1; pair <= options.pairs; ++pair) {
        const bool baselineFirst = pair % 2 == 1;
        Count base, cli;
        for (int side = 0; side < 2; ++side) {
            const bool ok = (side == 0) == baselineFirst ? runBaseline(options, options.rcvbuf, &base, &effective, &error)
                                                         : runCli(options, options.rcvbuf, &cli, &error);
            if (!ok) {
                std::fprintf(stderr, "bench_udpflood: %s\n", qPrintable(error));
                return 2;
            }
        }
        cliExact = cliExact && cli.exact();
        const double ratio = base.received > 0 ? double(cli.received) / double(base.received) : 0.0;
        ratios.push_back(ratio);
        std::printf("%-6d%-10s%9lld (%lld)%*s%9lld (%lld)%*s%.3f   %s\n", pair, baselineFirst ? "baseline" : "CLI",
                    base.received, base.dropped, 14, "", cli.received, cli.dropped, 10, "", ratio, loadAverage().constData());
        if (!cli.exact())
            std::printf("      CLI: %s\n", countText(cli).constData());
        std::fflush(stdout);
    }
    const double ratio = median(ratios);
    std::printf("\nsummary: SO_RCVBUF asked %d, the baseline's socket had %lld; median ratio CLI / recvmmsg() loop %.3f "
                "(pairs %.3f-%.3f); load at the end %s\n\n",
                options.rcvbuf, effective, ratio, *std::min_element(ratios.begin(), ratios.end()),
                *std::max_element(ratios.begin(), ratios.end()), loadAverage().constData());

    const bool windowExact = window.count.exact();
    const bool stallPass = window.worstStallMs <= StallTargetMs;
    const bool ratioPass = ratio >= RatioTarget;
    printTarget(windowExact, "window: received + dropped == sent, exactly (" + QByteArray::number(window.count.received) + " + "
                                 + QByteArray::number(window.count.dropped) + " = " + QByteArray::number(window.count.sent) + ")");
    printTarget(cliExact, "CLI serve udp-log: received + dropped == sent, exactly, in every run");
    printTarget(stallPass, "event loop never stalls more than 30 ms during the window's flood: worst "
                               + QByteArray::number(window.worstStallMs, 'f', 1) + " ms");
    printTarget(ratioPass, "CLI with SO_RCVBUF " + sizeText(options.rcvbuf) + " receives >= 0.9x the recvmmsg() loop: "
                               + QByteArray::number(ratio, 'f', 3) + "x");
    return windowExact && cliExact && stallPass && ratioPass ? 0 : 1;
}
