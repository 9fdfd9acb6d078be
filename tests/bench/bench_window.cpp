// bench_window: the window during a large transfer, against its performance targets. A report, not a test:
// it prints the figures, PASS/FAIL against each target, and exits 0 when all pass, 1 when one fails,
// 2 when a run itself went wrong.
//
// Build optimised, in a build directory of its own:
//   cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release
//   cmake --build build-bench -j1 --target bench_window
// Full run (1 GiB, 5 pairs, 3 cancels of a 16 GiB page), quick run:
//   build-bench/tests/bench/bench_window
//   build-bench/tests/bench/bench_window --size 256M --pairs 3 --cancel-runs 1
//
// What it does. It starts the embedded servers (LocalServers) and, for every window run, a fresh
// MainWindow on the offscreen platform (QT_QPA_PLATFORM may choose another), shown and exposed. It fills
// the connection form as a person would (target, "Size cap" set to none through its spin box) and the
// request editor with GET /bytes/N, then calls MainWindow::send() and runs the event loop until the
// record of the exchange arrives in the window (ExchangeController::finished, after the window has
// added it to the history, which is checked). A fresh window per run keeps one reply in memory at a
// time: the history keeps every record, and six 1 GiB replies would not fit on a small machine.
// - Responsiveness: a 5 ms PreciseTimer on the GUI thread stamps every tick; a stall is a gap
//   between ticks minus 5 ms, over the ticks from send() to the record plus 250 ms after it (the
//   record's own repaint). For the worst gap it prints where the GUI thread's time went
//   (/proc/thread-self/schedstat): running, waiting for a CPU (preempted), or neither (sleeping or
//   blocked), and the most the GUI thread ran within any one gap: the stall it would cause with a
//   CPU to itself, which other programs on a shared machine do not inflate. An idle window is
//   probed first, for the machine's own noise.
// - Throughput: send() to the record, against `socketlab-cli tcp 127.0.0.1 PORT --send REQUEST --out
//   /dev/null --format json` on the same embedded server, fork to reaped (the JSON report gives the
//   bytes, the stop reason and the CLI's own transfer time). The CLI is started by a small process
//   forked before Qt, so that neither its peak RSS nor its fork carries the window's memory. The
//   window keeps the bytes in memory (ByteStore) while the CLI writes them nowhere. After one
//   warm-up pair the two alternate, the one that goes first swapping each pair; the figure is the
//   median of the per-pair ratios CLI time / window time. The transfer times the exchanges report
//   themselves are compared too, without the CLI's start-up and the window's hand-over, and so is
//   the CPU time each side costs (all threads, the embedded server's included).
// - Memory. The window must write 1 GiB of pages it did not have; the CLI writes none. On a
//   physical machine that costs the kernel's zeroing (60-75 ms a GiB here, in huge pages). On a
//   virtual machine that hands free memory back to its host (virtio-balloon free page reporting,
//   as on the machine these figures come from) pages unused for a few seconds cost a trip to the
//   host each: 1.1-2.4 s a GiB, whatever program writes them. So by default (--memory warm), just
//   before the window run of each pair the bench writes and frees as much memory as the reply
//   needs: the reply then gets pages the kernel has just had back, as it would on real hardware.
//   The header prints what memory costs the machine (fresh, again at once, again after 5 s
//   unused), and --memory as-is measures without the warm-up.
// - Cancel: a /bytes/16G transfer, MainWindow::cancel() after 500 ms, time until the record arrives.
// - Peak RSS of this process (window, reply and embedded servers) and of the largest CLI run.
// Pinning: none by default, for both sides. The window needs three busy threads (GUI, exchange
// worker, embedded server); pinning them to one CPU would measure the scheduler, not the window.
// --pin CPUS pins this process before any thread starts, so every thread and every CLI run inherits
// the same CPUs: consistent either way.

#include "benchmeasure.h"
#include "historytesting.h"
#include "stallprobe.h"
#include "connection/connectionpanel.h"
#include "exchangecontroller.h"
#include "history/historypanel.h"
#include "mainwindow.h"
#include "reply/replypanel.h"
#include "request/requesteditor.h"
#include "servers/localservers.h"
#include "text/errortext.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <optional>
#include <sched.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using namespace SocketLab;

using namespace BenchMeasure;
using namespace StallProbe;

namespace {

constexpr int TailMs = 250;
constexpr int IdleProbeMs = 1000;
constexpr int SettleMs = 200;
constexpr int MemoryRestMs = 5000;
constexpr double ThroughputTarget = 0.7;
constexpr double CancelTargetMs = 100.0;

QByteArray readSmallFile(const char *path)
{
    char text[256] = {};
    const int fd = ::open(path, O_RDONLY | O_CLOEXEC);
    const ssize_t n = fd >= 0 ? ::read(fd, text, sizeof text - 1) : -1;
    if (fd >= 0)
        ::close(fd);
    return n > 0 ? QByteArray(text, n) : QByteArray();
}

QByteArray loadAverage()
{
    const QByteArray text = readSmallFile("/proc/loadavg");
    return text.isEmpty() ? QByteArrayLiteral("?") : text.split(' ').mid(0, 3).join(' ');
}

double residentMiB()
{
    const QList<QByteArray> fields = readSmallFile("/proc/self/statm").split(' ');
    return fields.size() > 1 ? double(fields.at(1).toLongLong()) * double(sysconf(_SC_PAGESIZE)) / double(MiB) : 0.0;
}

QByteArray affinityText()
{
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity(0, sizeof set, &set) != 0)
        return QByteArrayLiteral("?");
    QList<QByteArray> cpus;
    for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu) {
        if (CPU_ISSET(cpu, &set))
            cpus.append(QByteArray::number(cpu));
    }
    return cpus.join(',');
}

// "0" or "0,1": every thread started afterwards, and every child, inherits the set.
bool pinTo(const QString &list)
{
    cpu_set_t set;
    CPU_ZERO(&set);
    for (const QString &item : list.split(QLatin1Char(','))) {
        bool ok = false;
        const int cpu = item.trimmed().toInt(&ok);
        if (!ok || cpu < 0 || cpu >= CPU_SETSIZE)
            return false;
        CPU_SET(cpu, &set);
    }
    return sched_setaffinity(0, sizeof set, &set) == 0;
}

QByteArray requestFor(qint64 size)
{
    return "GET /bytes/" + QByteArray::number(size) + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
}

QSpinBox *sizeCapSpin(ConnectionPanel *panel)
{
    const QString label = QCoreApplication::translate("SocketLab::ConnectionPanel", "Si&ze cap:");
    for (QLabel *candidate : panel->findChildren<QLabel *>()) {
        if (candidate->text() == label)
            return qobject_cast<QSpinBox *>(candidate->buddy());
    }
    return nullptr;
}

struct WindowRun
{
    qint64 bytes = 0;            // received, the HTTP head included
    qint64 sendToRecordNs = 0;
    qint64 transferUs = 0;       // the exchange's own total, from its record
    qint64 cancelToRecordNs = -1;
    qint64 cpuNs = 0;            // this process, send() to the record: window, worker and server
    StopReason reason = StopReason::PeerClosed;
    Stalls transfer;             // send() to the record
    Stalls withTail;             // and TailMs after it
    double warmMs = 0.0;         // memory touched before Send (touchMemory)
    double residentMiB = 0.0;    // with the reply shown
};

// Maps `bytes` as ByteStore's large chunks are mapped (aligned, huge pages advised), writes every
// page and unmaps it: the time it took, in ms. Touched again at once, the same pages come back from
// the kernel's free lists; on a virtual machine that hands free memory back to its host (virtio-balloon
// free page reporting), pages left free for a few seconds cost a trip to the host each.
double touchMemory(qint64 bytes)
{
    constexpr size_t Huge = 2 * MiB;
    const qint64 start = monotonicNs();
    void *base = mmap(nullptr, size_t(bytes) + Huge, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (base == MAP_FAILED)
        return -1.0;
    char *aligned = reinterpret_cast<char *>((reinterpret_cast<std::uintptr_t>(base) + Huge - 1) & ~std::uintptr_t(Huge - 1));
    madvise(aligned, size_t(bytes), MADV_HUGEPAGE);
    for (qint64 at = 0; at < bytes; at += 4096)
        *static_cast<volatile char *>(aligned + at) = 1;
    munmap(base, size_t(bytes) + Huge);
    return toMs(monotonicNs() - start);
}

// One window, one exchange: shown, form filled, sent, until its record is in the window.
// warmBytes: memory touched and freed just before Send (0: none), so that the reply gets pages
// the kernel has just had back rather than pages its host must provide again.
bool runWindow(LocalServers &servers, qint64 size, int cancelAfterMs, qint64 warmBytes, WindowRun *run, QString *error)
{
    clearHistoryFolder();
    auto window = std::make_unique<MainWindow>(&servers);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get())) {
        *error = QStringLiteral("the window was not exposed");
        return false;
    }
    ConnectionPanel *panel = window->connectionPanel();
    panel->setTarget(QStringLiteral("127.0.0.1"), QString::number(servers.httpAddress().port()));
    QSpinBox *cap = sizeCapSpin(panel);
    if (!cap) {
        *error = QStringLiteral("no spin box labelled \"Size cap\" in the connection panel");
        return false;
    }
    cap->setValue(0);
    // After the target: a new target rewrites the Host header of the editor's template.
    const QByteArray request = requestFor(size);
    window->requestEditor()->setBytes(request);
    if (window->requestEditor()->bytes() != request || panel->settings().maxBytes != 0) {
        *error = QStringLiteral("the form does not hold the request or the size cap is not none");
        return false;
    }
    auto *controller = window->findChild<ExchangeController *>();
    if (!controller) {
        *error = QStringLiteral("the window has no ExchangeController");
        return false;
    }
    // The first layout and paint of a new window are not part of the transfer.
    QTest::qWait(SettleMs);
    if (warmBytes > 0) {
        run->warmMs = touchMemory(warmBytes);
        if (run->warmMs < 0) {
            *error = QStringLiteral("cannot map %1 bytes to warm the memory").arg(warmBytes);
            return false;
        }
    }

    const int historyBefore = window->historyPanel()->count();
    std::shared_ptr<const ExchangeRecord> record;
    qint64 recordNs = 0;
    qint64 cancelNs = -1;
    QEventLoop loop;
    // Connected after the window's own slot, so this runs once the window has taken the record.
    QObject::connect(controller, &ExchangeController::finished, &loop,
                     [&](std::shared_ptr<const ExchangeRecord> finished) {
                         recordNs = monotonicNs();
                         record = std::move(finished);
                         loop.quit();
                     });
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    deadline.start(10 * 60 * 1000);
    QTimer canceller;
    canceller.setSingleShot(true);
    QObject::connect(&canceller, &QTimer::timeout, window.get(), [&] {
        cancelNs = monotonicNs();
        window->cancel();
    });

    Probe probe;
    probe.start();
    const qint64 cpuStart = processCpuNs();
    const qint64 sendNs = monotonicNs();
    window->send();
    if (!controller->isRunning()) {
        *error = QStringLiteral("Send did not start an exchange: %1").arg(window->statusBar()->currentMessage());
        return false;
    }
    if (cancelAfterMs >= 0)
        canceller.start(cancelAfterMs);
    loop.exec();
    const qint64 cpuEnd = processCpuNs();
    if (!record) {
        *error = QStringLiteral("no record after 10 minutes");
        return false;
    }
    QTimer::singleShot(TailMs, &loop, &QEventLoop::quit);
    loop.exec();
    probe.stop();

    if (window->historyPanel()->count() != historyBefore + 1 || window->replyPanel()->record() != record) {
        *error = QStringLiteral("the record is not in the history and the reply panel");
        return false;
    }
    if (record->result.error.isError() && record->result.error.kind != NetError::Kind::Cancelled) {
        *error = ErrorText::describe(record->result.error);
        return false;
    }
    run->bytes = record->result.receivedBytes;
    run->sendToRecordNs = recordNs - sendNs;
    run->transferUs = record->result.timings.totalUs;
    run->cancelToRecordNs = cancelNs >= 0 ? recordNs - cancelNs : -1;
    run->cpuNs = cpuEnd - cpuStart;
    run->reason = record->result.stop.reason;
    run->transfer = stallsBetween(probe.ticks(), sendNs, recordNs);
    run->withTail = stallsBetween(probe.ticks(), sendNs, recordNs + qint64(TailMs) * 1000000);
    run->residentMiB = residentMiB();
    return true;
}

// The idle window's probe: what the machine and the event loop do with nothing to do.
bool probeIdle(LocalServers &servers, Stalls *stalls)
{
    clearHistoryFolder();
    MainWindow window(&servers);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return false;
    QTest::qWait(SettleMs);
    Probe probe;
    const qint64 start = monotonicNs();
    probe.start();
    QTest::qWait(IdleProbeMs);
    probe.stop();
    *stalls = stallsBetween(probe.ticks(), start, monotonicNs());
    return true;
}

struct CliRun
{
    qint64 bytes = 0;
    qint64 wallNs = 0;       // fork to reaped
    qint64 transferUs = 0;   // what its report says
    qint64 cpuNs = 0;        // the CLI's, and this process's meanwhile: the embedded server's
    qint64 maxRssKiB = 0;
};

QByteArray escapedRequest(const QByteArray &request)
{
    QByteArray escaped = request;
    return escaped.replace("\r", "\\r").replace("\n", "\\n");
}

bool readFull(int fd, void *data, size_t size)
{
    auto *at = static_cast<char *>(data);
    while (size > 0) {
        const ssize_t n = ::read(fd, at, size);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        at += n;
        size -= size_t(n);
    }
    return true;
}

bool writeFull(int fd, const void *data, size_t size)
{
    const auto *at = static_cast<const char *>(data);
    while (size > 0) {
        const ssize_t n = ::write(fd, at, size);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        at += n;
        size -= size_t(n);
    }
    return true;
}

// Runs the CLI for this process from a small one forked before Qt started and before any reply
// grew: a child's peak RSS (ru_maxrss) starts from its parent's at fork, and forking a process that
// holds a 1 GiB reply would also charge the CLI's wall time with copying its page tables.
class CliSpawner
{
public:
    struct Request
    {
        quint16 port = 0;
        qint64 size = 0;
    };
    struct Reply
    {
        qint64 wallNs = 0;     // fork to reaped
        qint64 cpuNs = 0;      // user and system
        qint64 maxRssKiB = 0;
        int status = -1;
        qint64 outputSize = 0; // the bytes of its stdout that follow
    };

    CliSpawner() = default;
    CliSpawner(const CliSpawner &) = delete;
    CliSpawner &operator=(const CliSpawner &) = delete;
    ~CliSpawner()
    {
        if (m_fd >= 0)
            ::close(m_fd);
        while (m_pid > 0 && ::waitpid(m_pid, nullptr, 0) < 0 && errno == EINTR) {
        }
    }

    bool start()
    {
        int fds[2];
        if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0)
            return false;
        m_pid = ::fork();
        if (m_pid == 0) {
            ::close(fds[0]);
            serve(fds[1]);
        }
        ::close(fds[1]);
        m_fd = fds[0];
        return m_pid > 0;
    }

    bool run(const Request &request, Reply *reply, QByteArray *output) const
    {
        if (!writeFull(m_fd, &request, sizeof request) || !readFull(m_fd, reply, sizeof *reply))
            return false;
        output->resize(reply->outputSize);
        return readFull(m_fd, output->data(), size_t(output->size()));
    }

private:
    [[noreturn]] static void serve(int fd)
    {
        Request request;
        while (readFull(fd, &request, sizeof request)) {
            QByteArray output;
            const Reply reply = spawn(request, &output);
            if (!writeFull(fd, &reply, sizeof reply) || !writeFull(fd, output.constData(), size_t(output.size())))
                break;
        }
        _exit(0);
    }

    // Its stdout goes to a memfd, read once it has ended.
    static Reply spawn(const Request &request, QByteArray *output)
    {
        const QList<QByteArray> arguments{SOCKETLAB_CLI, "tcp", "127.0.0.1", QByteArray::number(request.port),
                                          "--send", escapedRequest(requestFor(request.size)), "--out", "/dev/null",
                                          "--format", "json"};
        std::vector<char *> argv;
        for (const QByteArray &argument : arguments)
            argv.push_back(const_cast<char *>(argument.constData()));
        argv.push_back(nullptr);
        Reply reply;
        const int outFd = ::memfd_create("bench-window-stdout", MFD_CLOEXEC);
        if (outFd < 0)
            return reply;
        const qint64 start = monotonicNs();
        const pid_t pid = ::fork();
        if (pid == 0) {
            if (::dup2(outFd, STDOUT_FILENO) < 0)
                _exit(126);
            ::execv(argv[0], argv.data());
            _exit(127);
        }
        int status = -1;
        rusage usage{};
        while (pid > 0 && ::wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) {
        }
        reply.wallNs = monotonicNs() - start;
        reply.cpuNs = qint64(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000000000
                    + qint64(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) * 1000;
        reply.maxRssKiB = usage.ru_maxrss;
        reply.status = pid > 0 ? status : -1;
        char buffer[65536];
        ssize_t n = 0;
        ::lseek(outFd, 0, SEEK_SET);
        while ((n = ::read(outFd, buffer, sizeof buffer)) > 0)
            output->append(buffer, n);
        ::close(outFd);
        reply.outputSize = output->size();
        return reply;
    }

    pid_t m_pid = -1;
    int m_fd = -1;
};

bool runCli(const CliSpawner &spawner, quint16 port, qint64 size, CliRun *run, QString *error)
{
    CliSpawner::Reply reply;
    QByteArray output;
    const qint64 cpuStart = processCpuNs();
    if (!spawner.run({port, size}, &reply, &output)) {
        *error = QStringLiteral("the process that starts socketlab-cli is gone");
        return false;
    }
    run->wallNs = reply.wallNs;
    run->cpuNs = processCpuNs() - cpuStart + reply.cpuNs;
    run->maxRssKiB = reply.maxRssKiB;
    if (!WIFEXITED(reply.status) || WEXITSTATUS(reply.status) != 0) {
        *error = QStringLiteral("socketlab-cli failed (status %1)").arg(reply.status);
        return false;
    }
    const QJsonObject report = QJsonDocument::fromJson(output).object();
    if (!report.value(QStringLiteral("error")).isNull()
        || report.value(QStringLiteral("stop")).toObject().value(QStringLiteral("reason")).toString()
               != QLatin1StringView("peer_closed")) {
        *error = QStringLiteral("socketlab-cli did not stop at the peer's close: %1").arg(QString::fromUtf8(output.left(2000)));
        return false;
    }
    run->bytes = report.value(QStringLiteral("received_bytes")).toInteger(-1);
    run->transferUs = qint64(report.value(QStringLiteral("timings")).toObject().value(QStringLiteral("total_ms")).toDouble() * 1000.0);
    return true;
}

double gbPerSecond(qint64 bytes, double ns)
{
    return ns > 0 ? double(bytes) / ns : 0.0;
}

void printTarget(bool pass, const QByteArray &text)
{
    std::printf("  %s  %s\n", pass ? "PASS" : "FAIL", text.constData());
}

QCommandLineOption option(const char *name, const char *description, const char *valueName, const char *defaultValue)
{
    return QCommandLineOption(QString::fromLatin1(name), QString::fromLatin1(description),
                              QString::fromLatin1(valueName), QString::fromLatin1(defaultValue));
}

// Reads the options before QApplication exists: pinning must come before Qt starts any thread.
struct Options
{
    qint64 size = 0;
    int pairs = 0;
    qint64 cancelSize = 0;
    int cancelAfterMs = 0;
    int cancelRuns = 0;
    QString pin;
    bool warmMemory = true;
};

std::optional<Options> parseOptions(const QStringList &arguments, QString *error)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The window during a large transfer: event-loop stalls, throughput "
                                                    "against socketlab-cli, Cancel latency, peak RSS."));
    parser.addHelpOption();
    const QCommandLineOption size = option("size", "Size of the /bytes page for the stall and throughput runs.", "SIZE", "1G");
    const QCommandLineOption pairs = option("pairs", "Window/CLI pairs measured after the warm-up pair (at least 1).", "N", "5");
    const QCommandLineOption cancelSize = option("cancel-size", "Size of the page that is cancelled.", "SIZE", "16G");
    const QCommandLineOption cancelAfter = option("cancel-after", "Cancel this long after Send.", "MS", "500");
    const QCommandLineOption cancelRuns = option("cancel-runs", "How many cancelled transfers (0: none).", "N", "3");
    const QCommandLineOption pin = option("pin", "Pin this process, its threads and the CLI runs to CPUS (\"0\", \"0,1\").",
                                          "CPUS", "");
    const QCommandLineOption memory = option("memory", "warm: before each measured window run, touch and free as much memory as the "
                                             "reply needs, so that it gets pages the kernel has just had back; as-is: "
                                             "take memory as the machine gives it.", "MODE", "warm");
    parser.addOptions({size, pairs, cancelSize, cancelAfter, cancelRuns, pin, memory});
    if (!parser.parse(arguments)) {
        *error = parser.errorText();
        return std::nullopt;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        // No QCoreApplication yet: the parser cannot name the program itself.
        std::printf("%s", qPrintable(parser.helpText().replace(QStringLiteral("<executable_name>"), arguments.constFirst())));
        std::exit(0);
    }
    Options options;
    bool pairsOk = false, afterOk = false, runsOk = false;
    const std::optional<qint64> sizeValue = parseSize(parser.value(size), qint64(64) << 30);
    const std::optional<qint64> cancelValue = parseSize(parser.value(cancelSize), qint64(64) << 30);
    options.pairs = parser.value(pairs).toInt(&pairsOk);
    options.cancelAfterMs = parser.value(cancelAfter).toInt(&afterOk);
    options.cancelRuns = parser.value(cancelRuns).toInt(&runsOk);
    options.pin = parser.value(pin);
    if (parser.value(memory) != QLatin1String("warm") && parser.value(memory) != QLatin1String("as-is")) {
        *error = QStringLiteral("--memory is warm or as-is");
        return std::nullopt;
    }
    options.warmMemory = parser.value(memory) == QLatin1String("warm");
    if (!sizeValue || !cancelValue || !pairsOk || options.pairs < 1 || !afterOk || options.cancelAfterMs < 0 || !runsOk
        || options.cancelRuns < 0) {
        *error = QStringLiteral("bad --size, --cancel-size, --pairs, --cancel-after or --cancel-runs");
        return std::nullopt;
    }
    options.size = *sizeValue;
    options.cancelSize = *cancelValue;
    return options;
}

} // namespace

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    QString error;
    const std::optional<Options> options = parseOptions(arguments, &error);
    if (!options) {
        std::fprintf(stderr, "bench_window: %s\n", qPrintable(error));
        return 2;
    }
    if (!options->pin.isEmpty() && !pinTo(options->pin)) {
        std::fprintf(stderr, "bench_window: cannot pin to CPUs %s\n", qPrintable(options->pin));
        return 2;
    }
    CliSpawner spawner;
    if (!spawner.start()) {
        std::fprintf(stderr, "bench_window: cannot fork: %s\n", std::strerror(errno));
        return 2;
    }
    // Settings of their own: the window restores the last form, and a person's must neither change
    // what is measured nor be overwritten by it.
    QTemporaryDir config;
    if (!config.isValid())
        return 2;
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(config.path()));
    // The conversations each run keeps go to the same throw-away folder, not the user's history.
    qputenv("XDG_DATA_HOME", QFile::encodeName(config.path()));
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("SocketLabBench"));
    QApplication::setApplicationName(QStringLiteral("bench_window"));

    // The servers bind on their own threads; the event loop brings their answer.
    LocalServers servers;
    NetError started = servers.start();
    if (!started.isError()) {
        QEventLoop waiting;
        QObject::connect(&servers, &LocalServers::started, &waiting, &QEventLoop::quit);
        QObject::connect(&servers, &LocalServers::startFailed, &waiting, [&](const NetError &error) {
            started = error;
            waiting.quit();
        });
        waiting.exec();
    }
    if (started.isError()) {
        std::fprintf(stderr, "bench_window: %s\n", qPrintable(ErrorText::describe(started)));
        return 2;
    }
    const quint16 port = servers.httpAddress().port();

    std::printf("bench_window (%s build), platform %s, %ld CPUs online, affinity %s (%s), load %s\n",
                BENCH_BUILD_TYPE, qPrintable(QGuiApplication::platformName()), sysconf(_SC_NPROCESSORS_ONLN),
                affinityText().constData(), options->pin.isEmpty() ? "not pinned: window and CLI alike" : "pinned: window and CLI alike",
                loadAverage().constData());
    std::printf("embedded HTTP server 127.0.0.1:%u, page /bytes/%lld (%s), %d pairs after a warm-up pair\n\n", port,
                options->size, sizeText(options->size).constData(), options->pairs);

    Stalls idle;
    if (!probeIdle(servers, &idle)) {
        std::fprintf(stderr, "bench_window: the idle window was not exposed\n");
        return 2;
    }
    std::printf("idle window, %d ms: stalls %s\n", IdleProbeMs, stallsText(idle).constData());
    // What memory costs this machine: the window keeps the reply in memory, the CLI writes it nowhere.
    const double touchFirst = touchMemory(options->size);
    const double touchAgain = touchMemory(options->size);
    QTest::qWait(MemoryRestMs);
    const double touchRested = touchMemory(options->size);
    if (touchFirst < 0 || touchAgain < 0 || touchRested < 0) {
        std::fprintf(stderr, "bench_window: cannot map %lld bytes\n", options->size);
        return 2;
    }
    std::printf("memory: writing %s of fresh pages took %.0f ms, at once again %.0f ms, again after %d s unused %.0f ms\n",
                sizeText(options->size).constData(), touchFirst, touchAgain, MemoryRestMs / 1000, touchRested);
    std::printf("        %s\n", options->warmMemory ? "window runs: the reply's memory touched and freed just before Send (--memory warm)"
                                                    : "window runs: memory as the machine gives it (--memory as-is)");

    std::vector<double> startupMs;
    for (int i = 0; i < 3; ++i) {
        CliRun run;
        if (!runCli(spawner, port, 0, &run, &error)) {
            std::fprintf(stderr, "bench_window: %s\n", qPrintable(error));
            return 2;
        }
        startupMs.push_back(toMs(run.wallNs));
    }
    std::printf("socketlab-cli on /bytes/0 (start-up, exchange, exit): %.1f ms, median of 3\n\n", median(startupMs));

    std::printf("pair  first   window ms  CLI ms   ratio   window stalls (send to record + %d ms)\n", TailMs);
    std::vector<WindowRun> windowRuns;
    std::vector<CliRun> cliRuns;
    qint64 cliPeakRssKiB = 0;
    for (int pair = 0; pair <= options->pairs; ++pair) {
        const bool windowFirst = pair % 2 == 0;
        WindowRun w;
        CliRun c;
        for (int side = 0; side < 2; ++side) {
            const qint64 warmBytes = options->warmMemory ? options->size + options->size / 16 : 0;
            const bool ok = (side == 0) == windowFirst ? runWindow(servers, options->size, -1, warmBytes, &w, &error)
                                                       : runCli(spawner, port, options->size, &c, &error);
            if (!ok) {
                std::fprintf(stderr, "bench_window: %s\n", qPrintable(error));
                return 2;
            }
        }
        if (w.bytes != c.bytes || w.reason != StopReason::PeerClosed) {
            std::fprintf(stderr, "bench_window: the window received %lld bytes, the CLI %lld\n", w.bytes, c.bytes);
            return 2;
        }
        cliPeakRssKiB = qMax(cliPeakRssKiB, c.maxRssKiB);
        std::printf("%-6s%-8s%9.1f %8.1f %7.3f   %s; RSS %.0f MiB\n",
                    pair == 0 ? "warm" : QByteArray::number(pair).constData(), windowFirst ? "window" : "CLI",
                    toMs(w.sendToRecordNs), toMs(c.wallNs), double(c.wallNs) / double(w.sendToRecordNs),
                    stallsText(w.withTail).constData(), w.residentMiB);
        std::printf("%-14s%s\n", "", worstText(w.withTail).constData());
        std::printf("%-14sCPU: window run %.0f ms (GUI thread %.0f ms, waited for a CPU %.0f ms), CLI run %.0f ms", "",
                    toMs(w.cpuNs), w.transfer.runMs, w.transfer.waitMs, toMs(c.cpuNs));
        if (options->warmMemory)
            std::printf("; memory warmed in %.0f ms", w.warmMs);
        std::printf("\n");
        std::fflush(stdout);
        if (pair > 0) {
            windowRuns.push_back(w);
            cliRuns.push_back(c);
        }
    }

    std::vector<WindowRun> cancelRuns;
    if (options->cancelRuns > 0)
        std::printf("\ncancel: /bytes/%lld (%s), MainWindow::cancel() %d ms after Send\n", options->cancelSize,
                    sizeText(options->cancelSize).constData(), options->cancelAfterMs);
    for (int i = 0; i < options->cancelRuns; ++i) {
        WindowRun w;
        if (!runWindow(servers, options->cancelSize, options->cancelAfterMs, 0, &w, &error)) {
            std::fprintf(stderr, "bench_window: %s\n", qPrintable(error));
            return 2;
        }
        if (w.reason != StopReason::Cancelled) {
            std::fprintf(stderr, "bench_window: the transfer ended before the cancel (%lld bytes)\n", w.bytes);
            return 2;
        }
        std::printf("  run %d: cancel to record %.1f ms, %s received; stalls %s\n", i + 1, toMs(w.cancelToRecordNs),
                    sizeText(w.bytes / MiB * MiB).constData(), stallsText(w.withTail).constData());
        cancelRuns.push_back(w);
    }

    std::vector<double> ratios, transferRatios, windowMs, cliMs, windowTransferMs, cliTransferMs, maxStalls;
    std::vector<double> windowCpuMs, guiCpuMs, cliCpuMs;
    double worstStall = 0.0, worstP99 = 0.0, worstInTransfer = 0.0, busiest = 0.0;
    for (size_t i = 0; i < windowRuns.size(); ++i) {
        const WindowRun &w = windowRuns[i];
        const CliRun &c = cliRuns[i];
        ratios.push_back(double(c.wallNs) / double(w.sendToRecordNs));
        transferRatios.push_back(double(c.transferUs) / double(qMax<qint64>(1, w.transferUs)));
        windowMs.push_back(toMs(w.sendToRecordNs));
        cliMs.push_back(toMs(c.wallNs));
        windowTransferMs.push_back(double(w.transferUs) / 1000.0);
        cliTransferMs.push_back(double(c.transferUs) / 1000.0);
        maxStalls.push_back(w.withTail.maxMs);
        windowCpuMs.push_back(toMs(w.cpuNs));
        guiCpuMs.push_back(w.transfer.runMs);
        cliCpuMs.push_back(toMs(c.cpuNs));
        worstStall = qMax(worstStall, w.withTail.maxMs);
        worstP99 = qMax(worstP99, w.withTail.p99Ms);
        worstInTransfer = qMax(worstInTransfer, w.transfer.maxMs);
        busiest = qMax(busiest, w.withTail.busiestRunMs);
    }
    std::vector<double> cancelMs;
    for (const WindowRun &w : cancelRuns)
        cancelMs.push_back(toMs(w.cancelToRecordNs));
    const qint64 bytes = windowRuns.front().bytes;
    const double ratio = median(ratios);
    rusage self{};
    getrusage(RUSAGE_SELF, &self);

    std::printf("\nsummary over %d pairs (%s, %lld bytes received with the HTTP head):\n", options->pairs,
                sizeText(options->size).constData(), bytes);
    std::printf("  window: send to record %.1f ms (%.2f GB/s), exchange's own total %.1f ms\n", median(windowMs),
                gbPerSecond(bytes, median(windowMs) * 1e6), median(windowTransferMs));
    std::printf("  CLI:    fork to reaped %.1f ms (%.2f GB/s), exchange's own total %.1f ms\n", median(cliMs),
                gbPerSecond(bytes, median(cliMs) * 1e6), median(cliTransferMs));
    std::printf("  throughput ratio window / CLI: %.3f (pairs %.3f-%.3f); on the exchanges' own totals %.3f\n", ratio,
                *std::min_element(ratios.begin(), ratios.end()), *std::max_element(ratios.begin(), ratios.end()),
                median(transferRatios));
    std::printf("  CPU time (all threads, embedded server included): window run %.0f ms, of which the GUI thread %.0f ms; "
                "CLI run %.0f ms; ratio CLI / window %.3f\n",
                median(windowCpuMs), median(guiCpuMs), median(cliCpuMs), median(cliCpuMs) / median(windowCpuMs));
    std::printf("  stalls: worst %.1f ms (median of the runs' worst %.1f ms, worst before the record %.1f ms), worst p99 %.1f ms; idle window %.1f ms\n"
                "          the GUI thread's own CPU within one gap: at most %.1f ms\n",
                worstStall, median(maxStalls), worstInTransfer, worstP99, idle.maxMs, busiest);
    if (!cancelMs.empty())
        std::printf("  cancel to record: median %.1f ms, worst %.1f ms\n", median(cancelMs),
                    *std::max_element(cancelMs.begin(), cancelMs.end()));
    std::printf("  peak RSS: this process (window, reply, servers) %.0f MiB; largest CLI run %.1f MiB\n\n",
                double(self.ru_maxrss) / 1024.0, double(cliPeakRssKiB) / 1024.0);

    const bool stallPass = worstStall <= StallTargetMs;
    const bool throughputPass = ratio >= ThroughputTarget;
    const bool cancelPass = cancelMs.empty() || *std::max_element(cancelMs.begin(), cancelMs.end()) < CancelTargetMs;
    printTarget(stallPass, "event loop never stalls more than 30 ms during the transfer: worst " + QByteArray::number(worstStall, 'f', 1) + " ms");
    printTarget(throughputPass, "window throughput >= 0.7x the CLI's: " + QByteArray::number(ratio, 'f', 3) + "x");
    if (!cancelMs.empty())
        printTarget(cancelPass, "Cancel well under 100 ms: worst " + QByteArray::number(*std::max_element(cancelMs.begin(), cancelMs.end()), 'f', 1) + " ms");
    return stallPass && throughputPass && cancelPass ? 0 : 1;
}
