// socketlab-bench: SocketLab's receive path against plain C recv() loops measured in the same run.
// A report, not a test: it prints the figures, their ratios and PASS/FAIL against the performance
// targets, and exits 0 whatever they are (1 only when a run itself went wrong).
//
// Build optimised, in a build directory of its own:
//   cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release
//   cmake --build build-bench -j1 --target socketlab-bench
// Full run (1 GiB through socketlab-cli, 7 pairs), as reported in the README:
//   build-bench/tests/bench/socketlab-bench
// Quick run:
//   build-bench/tests/bench/socketlab-bench --stream-size 256M
//
// How it measures. bench_sender (plain C) is started with `taskset -c CPU` and serves N bytes per
// connection; every receiver runs pinned to the same CPU (sched_setaffinity, what taskset does,
// without one more exec in the measured time), because unpinned loopback throughput swings 2x on
// small shared machines. Receivers are forked, exec'ed and reaped with wait4(): wall time from fork
// to reaping, peak RSS from ru_maxrss (Linux carries the high-water mark across exec, so it also
// counts what the forked child shared with this driver before exec: about 1.5 MiB, which shows only
// in the C baselines' small figures). After one warm-up pair, SocketLab and its baseline alternate
// (the one that goes first swaps each pair) and each pair gives a ratio; the median ratio is the
// figure. Two benchmarks:
// - stream: `socketlab-cli tcp 127.0.0.1 PORT --out /dev/null --until eof --format raw` against
//   bench_recvloop (recv() into a 64 KiB stack buffer until EOF), compared on process wall time;
// - keep: bench_store (a TcpExchange into a ByteStore) against `bench_recvloop PORT keep` (a
//   doubling malloc/realloc buffer), compared on the time the transfer takes inside each process
//   (socket to close), since the target is the exchange's speed, not the time Qt takes to load.

#include "benchmeasure.h"
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QRegularExpression>

#include <algorithm>
#include <cerrno>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <optional>
#include <sched.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using namespace BenchMeasure;

namespace {

QByteArray loadAverage()
{
    char text[64] = {};
    const int fd = ::open("/proc/loadavg", O_RDONLY | O_CLOEXEC);
    const ssize_t n = fd >= 0 ? ::read(fd, text, sizeof text - 1) : -1;
    if (fd >= 0)
        ::close(fd);
    return n > 0 ? QByteArray(text, n).split(' ').mid(0, 3).join(' ') : QByteArrayLiteral("?");
}

void pinTo(int cpu)
{
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    if (sched_setaffinity(0, sizeof set, &set) != 0)
        _exit(126);
}

std::vector<char *> argvOf(const QList<QByteArray> &arguments)
{
    std::vector<char *> argv;
    for (const QByteArray &argument : arguments)
        argv.push_back(const_cast<char *>(argument.constData()));
    argv.push_back(nullptr);
    return argv;
}

// The sender stays up for every run at one size; killing it is the only way it ends.
class Sender
{
public:
    Sender() = default;
    Sender(const Sender &) = delete;
    Sender &operator=(const Sender &) = delete;
    ~Sender() { stop(); }

    bool start(qint64 bytes, int cpu, QString *error)
    {
        int fds[2];
        if (::pipe2(fds, O_CLOEXEC) != 0) {
            *error = QStringLiteral("pipe2: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
            return false;
        }
        const QList<QByteArray> arguments{"taskset", "-c", QByteArray::number(cpu), BENCH_SENDER,
                                          QByteArray::number(bytes)};
        std::vector<char *> argv = argvOf(arguments);
        m_pid = ::fork();
        if (m_pid == 0) {
            ::dup2(fds[1], STDOUT_FILENO);
            ::execvp(argv[0], argv.data());
            _exit(127);
        }
        ::close(fds[1]);
        QByteArray line;
        char c = 0;
        while (m_pid > 0 && ::read(fds[0], &c, 1) == 1 && c != '\n')
            line.append(c);
        ::close(fds[0]);
        bool ok = false;
        const uint port = line.toUInt(&ok);
        if (m_pid < 0 || !ok || port == 0 || port > 65535) {
            *error = QStringLiteral("taskset -c %1 %2 %3 did not print its port")
                         .arg(cpu)
                         .arg(QLatin1StringView(BENCH_SENDER))
                         .arg(bytes);
            stop();
            return false;
        }
        m_port = quint16(port);
        return true;
    }

    void stop()
    {
        if (m_pid <= 0)
            return;
        ::kill(m_pid, SIGTERM);
        while (::waitpid(m_pid, nullptr, 0) < 0 && errno == EINTR) {
        }
        m_pid = -1;
    }

    quint16 port() const { return m_port; }

private:
    pid_t m_pid = -1;
    quint16 m_port = 0;
};

struct Run
{
    qint64 wallUs = 0;      // fork to reaped
    qint64 transferUs = 0;  // what the receiver reports: its transfer alone
    qint64 maxRssKiB = 0;
};

enum class Receiver { Cli, RecvLoop, Store, RecvLoopKeep };

const char *receiverName(Receiver receiver)
{
    switch (receiver) {
    case Receiver::Cli: return "socketlab-cli";
    case Receiver::RecvLoop: return "recv() loop";
    case Receiver::Store: return "ByteStore";
    case Receiver::RecvLoopKeep: return "doubling buffer";
    }
    return "";
}

// The CLI's warm-up run writes its JSON report, which the driver checks; the measured runs write
// nothing (--format raw with --out), so the report's cost is not counted as receiving.
QList<QByteArray> receiverArguments(Receiver receiver, quint16 port, qint64 bytes, bool verify)
{
    const QByteArray portText = QByteArray::number(port);
    switch (receiver) {
    case Receiver::Cli:
        return {SOCKETLAB_CLI, "tcp", "127.0.0.1", portText, "--out", "/dev/null", "--until", "eof",
                "--format", verify ? "json" : "raw"};
    case Receiver::RecvLoop:
        return {BENCH_RECVLOOP, portText};
    case Receiver::Store:
        return {BENCH_STORE, portText, QByteArray::number(bytes)};
    case Receiver::RecvLoopKeep:
        return {BENCH_RECVLOOP, portText, "keep"};
    }
    return {};
}

// The CLI's JSON report (or, for a measured run, nothing: its exit status said all went well), or
// the "BYTES MICROSECONDS" line of the C and ByteStore receivers.
bool readOutput(Receiver receiver, const QByteArray &output, qint64 expected, Run *run, QString *error)
{
    qint64 received = -1;
    if (receiver == Receiver::Cli && output.isEmpty()) {
        received = expected;
        run->transferUs = run->wallUs;
    } else if (receiver == Receiver::Cli) {
        const QJsonObject report = QJsonDocument::fromJson(output).object();
        if (!report.value(QStringLiteral("error")).isNull()
            || report.value(QStringLiteral("stop")).toObject().value(QStringLiteral("reason")).toString()
                   != QLatin1StringView("peer_closed")) {
            *error = QStringLiteral("socketlab-cli did not stop at the peer's close: %1")
                         .arg(QString::fromUtf8(output.left(2000)));
            return false;
        }
        received = report.value(QStringLiteral("received_bytes")).toInteger(-1);
        const QJsonObject timings = report.value(QStringLiteral("timings")).toObject();
        const double totalMs = timings.value(QStringLiteral("total_ms")).toDouble();
        run->transferUs = qint64(totalMs * 1000.0);
    } else {
        const QList<QByteArray> fields = output.trimmed().split(' ');
        if (fields.size() == 2) {
            received = fields.at(0).toLongLong();
            run->transferUs = fields.at(1).toLongLong();
        }
    }
    if (received != expected) {
        *error = QStringLiteral("%1 received %2 bytes, not %3")
                     .arg(QLatin1StringView(receiverName(receiver)))
                     .arg(received)
                     .arg(expected);
        return false;
    }
    return true;
}

// Forks, pins, execs and reaps one receiver; its stdout goes to a memfd, read once it has ended.
bool runReceiver(Receiver receiver, quint16 port, qint64 bytes, int cpu, bool verify, Run *run, QString *error)
{
    const QList<QByteArray> arguments = receiverArguments(receiver, port, bytes, verify);
    std::vector<char *> argv = argvOf(arguments);
    const int outFd = ::memfd_create("socketlab-bench-stdout", MFD_CLOEXEC);
    if (outFd < 0) {
        *error = QStringLiteral("memfd_create: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    const qint64 start = monotonicUs();
    const pid_t pid = ::fork();
    if (pid == 0) {
        pinTo(cpu);
        if (::dup2(outFd, STDOUT_FILENO) < 0)
            _exit(126);
        ::execv(argv[0], argv.data());
        _exit(127);
    }
    int status = 0;
    rusage usage{};
    while (pid > 0 && ::wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) {
    }
    run->wallUs = monotonicUs() - start;
    run->maxRssKiB = usage.ru_maxrss;

    QByteArray output;
    char buffer[65536];
    ssize_t n = 0;
    ::lseek(outFd, 0, SEEK_SET);
    while ((n = ::read(outFd, buffer, sizeof buffer)) > 0)
        output.append(buffer, n);
    ::close(outFd);

    const QByteArray command = arguments.join(' ');
    if (pid < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        *error = QStringLiteral("%1 failed (status %2)").arg(QString::fromLocal8Bit(command)).arg(status);
        return false;
    }
    return readOutput(receiver, output, bytes, run, error);
}

struct Comparison
{
    Receiver figure;
    Receiver baseline;
    qint64 bytes = 0;
    bool onWallTime = true; // else on the transfer time each receiver reports
    QList<Run> figureRuns;
    QList<Run> baselineRuns;

    qint64 Run::*comparedTime() const { return onWallTime ? &Run::wallUs : &Run::transferUs; }

    // Baseline time over SocketLab time, pair by pair: SocketLab's throughput as a multiple of the baseline's.
    QList<double> pairRatios() const
    {
        const auto time = comparedTime();
        QList<double> ratios;
        for (qsizetype i = 0; i < figureRuns.size(); ++i)
            ratios.append(double(baselineRuns.at(i).*time) / double(qMax<qint64>(1, figureRuns.at(i).*time)));
        return ratios;
    }
    double ratio() const { return median(pairRatios()); }

    static double medianOf(const QList<Run> &runs, qint64 Run::*field)
    {
        QList<double> values;
        for (const Run &run : runs)
            values.append(double(run.*field));
        return median(values);
    }
    double figureTimeUs() const { return medianOf(figureRuns, comparedTime()); }

    static qint64 peakRssKiB(const QList<Run> &runs)
    {
        qint64 peak = 0;
        for (const Run &run : runs)
            peak = qMax(peak, run.maxRssKiB);
        return peak;
    }
};

bool measure(Comparison *comparison, int pairs, int cpu, QString *error)
{
    Sender sender;
    if (!sender.start(comparison->bytes, cpu, error))
        return false;
    // Pair 0 warms up the page cache, the sender and the loopback path; it is not counted.
    for (int pair = 0; pair <= pairs; ++pair) {
        const bool figureFirst = pair % 2 == 0;
        Run figure, baseline;
        for (int side = 0; side < 2; ++side) {
            const bool runFigure = (side == 0) == figureFirst;
            Run *run = runFigure ? &figure : &baseline;
            const Receiver receiver = runFigure ? comparison->figure : comparison->baseline;
            if (!runReceiver(receiver, sender.port(), comparison->bytes, cpu, pair == 0, run, error))
                return false;
        }
        if (pair > 0) {
            comparison->figureRuns.append(figure);
            comparison->baselineRuns.append(baseline);
        }
        std::fprintf(stderr, ".");
    }
    return true;
}

double gbPerSecond(qint64 bytes, double us)
{
    return us > 0 ? double(bytes) / us / 1000.0 : 0.0;
}

void printRow(const QByteArray &size, const char *label, const QByteArray &figure, const QByteArray &baseline,
              const QByteArray &ratio = {})
{
    std::printf("  %-9s%-24s%16s%18s", size.constData(), label, figure.constData(), baseline.constData());
    if (ratio.isEmpty())
        std::printf("\n");
    else
        std::printf("   %s\n", ratio.constData());
}

QByteArray number(double value, int decimals, const char *unit)
{
    return QByteArray::number(value, 'f', decimals) + ' ' + unit;
}

void printComparison(const Comparison &c)
{
    const QList<double> ratios = c.pairRatios();
    const auto [low, high] = std::minmax_element(ratios.cbegin(), ratios.cend());
    const QByteArray ratio = QByteArray::number(c.ratio(), 'f', 2) + "x  (pairs " + QByteArray::number(*low, 'f', 2)
                           + '-' + QByteArray::number(*high, 'f', 2) + ')';
    const auto field = c.comparedTime();
    printRow(sizeText(c.bytes), c.onWallTime ? "throughput, wall time" : "throughput, transfer",
             number(gbPerSecond(c.bytes, Comparison::medianOf(c.figureRuns, field)), 2, "GB/s"),
             number(gbPerSecond(c.bytes, Comparison::medianOf(c.baselineRuns, field)), 2, "GB/s"), ratio);
    printRow({}, "wall time", number(Comparison::medianOf(c.figureRuns, &Run::wallUs) / 1000.0, 1, "ms"),
             number(Comparison::medianOf(c.baselineRuns, &Run::wallUs) / 1000.0, 1, "ms"));
    printRow({}, "transfer time", number(Comparison::medianOf(c.figureRuns, &Run::transferUs) / 1000.0, 1, "ms"),
             number(Comparison::medianOf(c.baselineRuns, &Run::transferUs) / 1000.0, 1, "ms"));
    printRow({}, "peak RSS", number(double(Comparison::peakRssKiB(c.figureRuns)) / 1024.0, 1, "MiB"),
             number(double(Comparison::peakRssKiB(c.baselineRuns)) / 1024.0, 1, "MiB"));
}

void printHeader(const char *title, Receiver figure, Receiver baseline)
{
    std::printf("\n%-35s%16s%18s   ratio\n", title, receiverName(figure), receiverName(baseline));
}

QCommandLineOption option(const char *name, const char *description, const char *valueName, const char *defaultValue)
{
    return QCommandLineOption(QString::fromLatin1(name), QString::fromLatin1(description),
                              QString::fromLatin1(valueName), QString::fromLatin1(defaultValue));
}

__attribute__((format(printf, 2, 3))) void printTarget(bool pass, const char *format, ...)
{
    std::printf("  %s  ", pass ? "PASS" : "FAIL");
    va_list arguments;
    va_start(arguments, format);
    std::vprintf(format, arguments);
    va_end(arguments);
    std::printf("\n");
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "SocketLab's receive path against plain C recv() loops, sender and receivers pinned to one CPU."));
    parser.addHelpOption();
    const QCommandLineOption pairsOption = option("pairs", "Measured pairs per size (default 7).", "N", "7");
    const QCommandLineOption streamOption = option("stream-size", "Bytes sent to socketlab-cli (default 1G).", "SIZE",
                                                   "1G");
    const QCommandLineOption streamSmallOption = option("stream-small", "The smaller stream size (default 64M).",
                                                        "SIZE", "64M");
    const QCommandLineOption keepOption = option("keep-size", "Bytes kept in the ByteStore (default 64M).", "SIZE",
                                                 "64M");
    const QCommandLineOption keepSmallOption = option("keep-small", "The smaller kept size (default 16M).", "SIZE",
                                                      "16M");
    const QCommandLineOption cpuOption = option("cpu", "The CPU everything is pinned to (default 0).", "CPU", "0");
    parser.addOptions({pairsOption, streamOption, streamSmallOption, keepOption, keepSmallOption, cpuOption});
    parser.process(app);

    bool pairsOk = false, cpuOk = false;
    const int pairs = parser.value(pairsOption).toInt(&pairsOk);
    const int cpu = parser.value(cpuOption).toInt(&cpuOk);
    const std::optional<qint64> streamSize = parseSize(parser.value(streamOption));
    const std::optional<qint64> streamSmall = parseSize(parser.value(streamSmallOption));
    const std::optional<qint64> keepSize = parseSize(parser.value(keepOption));
    const std::optional<qint64> keepSmall = parseSize(parser.value(keepSmallOption));
    if (!pairsOk || pairs < 1 || !cpuOk || cpu < 0 || cpu >= CPU_SETSIZE || !streamSize || !streamSmall || !keepSize
        || !keepSmall || *streamSmall >= *streamSize || *keepSmall >= *keepSize) {
        std::fprintf(stderr, "socketlab-bench: invalid option; sizes are like 64M or 1G, each small size below its "
                             "large one, pairs at least 1 (see --help)\n");
        return 2;
    }

    const QByteArray buildType = QByteArrayLiteral(BENCH_BUILD_TYPE);
    std::printf("socketlab-bench: %s build, sender and receivers on CPU %d, %d pairs after 1 warm-up, medians\n",
                buildType.isEmpty() ? "an unnamed" : buildType.constData(), cpu, pairs);
    std::printf("command: %s\n", QCoreApplication::arguments().join(QLatin1Char(' ')).toLocal8Bit().constData());
    std::printf("load average at start: %s\n", loadAverage().constData());
    if (pairs < 7)
        std::printf("note: fewer than the 7 pairs the issue asks for\n");
    if (!buildType.startsWith("Rel"))
        std::printf("note: not an optimised build; the figures say little\n");
    std::fflush(stdout);

    Comparison streamSmallRun{Receiver::Cli, Receiver::RecvLoop, *streamSmall, true, {}, {}};
    Comparison streamRun{Receiver::Cli, Receiver::RecvLoop, *streamSize, true, {}, {}};
    Comparison keepSmallRun{Receiver::Store, Receiver::RecvLoopKeep, *keepSmall, false, {}, {}};
    Comparison keepRun{Receiver::Store, Receiver::RecvLoopKeep, *keepSize, false, {}, {}};
    for (Comparison *comparison : {&streamSmallRun, &streamRun, &keepSmallRun, &keepRun}) {
        QString error;
        if (!measure(comparison, pairs, cpu, &error)) {
            std::fprintf(stderr, "\nsocketlab-bench: %s\n", error.toLocal8Bit().constData());
            return 1;
        }
    }
    std::fprintf(stderr, "\n");

    printHeader("Stream to /dev/null", Receiver::Cli, Receiver::RecvLoop);
    printComparison(streamSmallRun);
    printComparison(streamRun);
    printHeader("Keep the reply in memory", Receiver::Store, Receiver::RecvLoopKeep);
    printComparison(keepSmallRun);
    printComparison(keepRun);

    std::printf("\nTargets\n");
    const double streamRatio = streamRun.ratio();
    printTarget(streamRatio >= 0.8, "socketlab-cli --out /dev/null, %s: %.2fx the recv() loop's throughput (>= 0.80x)",
                sizeText(streamRun.bytes).constData(), streamRatio);
    const double rssGrowthMiB = double(Comparison::peakRssKiB(streamRun.figureRuns)
                                       - Comparison::peakRssKiB(streamSmallRun.figureRuns)) / 1024.0;
    printTarget(rssGrowthMiB <= 10.0, "socketlab-cli --out /dev/null, peak RSS at %s minus at %s: %+.1f MiB (<= +10)",
                sizeText(streamRun.bytes).constData(), sizeText(streamSmallRun.bytes).constData(), rssGrowthMiB);
    const double keepRatio = keepRun.ratio();
    printTarget(keepRatio >= 0.8, "exchange into a ByteStore, %s: %.2fx the doubling buffer's throughput (>= 0.80x)",
                sizeText(keepRun.bytes).constData(), keepRatio);
    const double rssOverPayload = double(Comparison::peakRssKiB(keepRun.figureRuns)) * 1024.0 / double(keepRun.bytes);
    printTarget(rssOverPayload <= 1.2, "exchange into a ByteStore, %s: peak RSS %.2fx the payload (<= 1.20x)",
                sizeText(keepRun.bytes).constData(), rssOverPayload);
    // Linear growth gives the size ratio (4 for 64/16 MiB); the target allows a quarter more.
    const double sizeRatio = double(keepRun.bytes) / double(keepSmallRun.bytes);
    const double timeRatio = keepRun.figureTimeUs() / qMax(1.0, keepSmallRun.figureTimeUs());
    printTarget(timeRatio <= 1.25 * sizeRatio, "exchange into a ByteStore, time(%s) / time(%s): %.2f (<= %.2f)",
                sizeText(keepRun.bytes).constData(), sizeText(keepSmallRun.bytes).constData(), timeRatio,
                1.25 * sizeRatio);
    std::printf("load average at end: %s\n", loadAverage().constData());
    return 0;
}
