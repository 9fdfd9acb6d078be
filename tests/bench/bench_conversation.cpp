// bench_conversation: a conversation in the window while the peer pushes as fast as it can, against
// its performance targets. A report, not a test: it prints the figures, PASS/FAIL against each
// target, and exits 0 when all pass, 1 when one fails, 2 when a run itself went wrong.
//
// Build optimised, in a build directory of its own:
//   cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release
//   cmake --build build-bench -j1 --target bench_conversation
// Full run (5 pairs of 10 s pushes, under 2 minutes), quick run:
//   build-bench/tests/bench/bench_conversation
//   build-bench/tests/bench/bench_conversation --seconds 3 --pairs 1
//
// The peer is bench_pusher (plain C, not SocketLab): for each connection it writes 100-byte messages
// (chatmessage.h), one send() each, as fast as the socket takes them, for 10 s; then shutdown(SHUT_WR),
// reads until the receiver closes, and reports the bytes it wrote and when (CLOCK_MONOTONIC): the
// connection accepted, the last send() returned, the receiver's close read. A receiver that reads
// slower makes the peer's send() wait, so fewer bytes leave in the 10 s: the bytes a receiver takes
// per second are the measure, the same peer for both sides.
// - Window: a fresh MainWindow per run on the offscreen platform (QT_QPA_PLATFORM may choose another),
//   shown and exposed, the Conversations tab in view. The host and port are typed into the tab's
//   form and Connect clicked, as a person would. The run ends when the window shows the peer's FIN
//   (its row in the message list, which always comes after every byte); the bench then clicks
//   close(). Checked: the bytes the window counts (the record, and the totals it shows) are the
//   bytes the peer wrote, to the byte; the bytes it kept (every byte, unless past the record's caps:
//   64 MiB and 200 000 events a direction) are the peer's messages, byte for byte, at their
//   offsets, and the list and the ladder hold every kept event. Throughput: bytes / (accepted to
//   the FIN shown).
// - Responsiveness: a 5 ms PreciseTimer on the GUI thread stamps every tick; a stall is a gap
//   between ticks minus 5 ms, from the click on Connect to 250 ms after the FIN is shown. For the
//   worst gap it prints where the GUI thread's time went (/proc/thread-self/schedstat): running,
//   waiting for a CPU (preempted by other programs on a shared machine), or neither; and the most
//   the GUI thread ran within any one gap: the stall it would cause with a CPU to itself. An idle
//   window is probed first, for the machine's own noise.
// - Baseline: `socketlab-cli talk 127.0.0.1 PORT --hexdump > /dev/null` against the same peer, its
//   standard input a pipe left open (as a terminal would be: no half-close), started by a small
//   process forked before Qt so it carries none of the window's memory. It closes once the peer has
//   closed, after its last byte is written out: throughput is bytes / (accepted to its close read by
//   the peer). Its last line on standard error (run in the C locale) gives the bytes it received,
//   which must be the peer's too.
// The two alternate, the one that goes first swapping each pair; the figure is the median of the
// per-pair ratios window / CLI. No warm-up pair: a 10 s run's start-up is a few ms of it. Pinning:
// none by default, for both sides alike; --pin CPUS pins this process before any thread starts, and
// every thread, the CLI runs and the peer inherit the same CPUs.

#include "benchmeasure.h"
#include "stallprobe.h"
#include "chatmessage.h"
#include "conversation/conversation.h"
#include "conversation/conversationrecord.h"
#include "conversation/conversationrequest.h"
#include "conversation/conversationpage.h"
#include "conversation/conversationpanel.h"
#include "conversation/ladderview.h"
#include "conversation/messagemodel.h"
#include "mainwindow.h"
#include "widgets/targetedit.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QEventLoop>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <optional>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/prctl.h>
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
constexpr double ThroughputTarget = 0.7;
// How long past the push a run may take before the bench gives up on it.
constexpr int GraceMs = 30000;

double mbPerSecond(qint64 bytes, qint64 ns)
{
    return ns > 0 ? double(bytes) * 1000.0 / double(ns) : 0.0;
}

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

// What bench_pusher said of one connection.
struct PushReport
{
    qint64 bytes = -1;
    qint64 messages = 0;
    qint64 acceptedNs = 0;
    qint64 pushedNs = 0;
    qint64 receiverClosedNs = -1;
};

// bench_pusher, started before Qt (so it inherits none of its threads or memory) and kept for the
// whole run; its reports are read from a pipe, one line a connection.
class Pusher
{
public:
    Pusher() = default;
    Pusher(const Pusher &) = delete;
    Pusher &operator=(const Pusher &) = delete;
    ~Pusher()
    {
        if (m_pid > 0) {
            ::kill(m_pid, SIGTERM);
            while (::waitpid(m_pid, nullptr, 0) < 0 && errno == EINTR) {
            }
        }
        if (m_fd >= 0)
            ::close(m_fd);
    }

    bool start(double seconds, int messageSize, QString *error)
    {
        int fds[2];
        if (::pipe2(fds, O_CLOEXEC) != 0) {
            *error = QStringLiteral("pipe: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
            return false;
        }
        const QByteArray secondsText = QByteArray::number(seconds, 'g', 10);
        const QByteArray sizeText = QByteArray::number(messageSize);
        const pid_t parent = ::getpid();
        m_pid = ::fork();
        if (m_pid == 0) {
            // A bench that dies without its destructors must not leave the peer listening.
            if (::prctl(PR_SET_PDEATHSIG, SIGTERM) != 0 || ::getppid() != parent || ::dup2(fds[1], STDOUT_FILENO) < 0)
                _exit(126);
            char *argv[] = {const_cast<char *>(BENCH_PUSHER), const_cast<char *>(secondsText.constData()),
                            const_cast<char *>(sizeText.constData()), nullptr};
            ::execv(argv[0], argv);
            _exit(127);
        }
        ::close(fds[1]);
        m_fd = fds[0];
        if (m_pid < 0) {
            *error = QStringLiteral("fork: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
            return false;
        }
        QByteArray line;
        if (!readLine(5000, &line)) {
            *error = QStringLiteral("bench_pusher (%1) did not say its port").arg(QString::fromUtf8(BENCH_PUSHER));
            return false;
        }
        bool ok = false;
        m_port = quint16(line.trimmed().toUInt(&ok));
        if (!ok || m_port == 0) {
            *error = QStringLiteral("bench_pusher said \"%1\", not a port").arg(QString::fromUtf8(line));
            return false;
        }
        return true;
    }

    quint16 port() const { return m_port; }

    // The report of the connection that ended last; waits up to timeoutMs for it.
    std::optional<PushReport> report(int timeoutMs)
    {
        QByteArray line;
        if (!readLine(timeoutMs, &line))
            return std::nullopt;
        static const QRegularExpression pattern(QStringLiteral(
            "^bytes=(\\d+) messages=(\\d+) accepted_ns=(\\d+) pushed_ns=(\\d+) receiver_closed_ns=(-?\\d+)$"));
        const QRegularExpressionMatch match = pattern.match(QString::fromUtf8(line.trimmed()));
        if (!match.hasMatch())
            return std::nullopt;
        PushReport report;
        report.bytes = match.captured(1).toLongLong();
        report.messages = match.captured(2).toLongLong();
        report.acceptedNs = match.captured(3).toLongLong();
        report.pushedNs = match.captured(4).toLongLong();
        report.receiverClosedNs = match.captured(5).toLongLong();
        return report;
    }

private:
    bool readLine(int timeoutMs, QByteArray *line)
    {
        const qint64 deadline = monotonicNs() + qint64(timeoutMs) * 1000000;
        for (;;) {
            const qsizetype newline = m_buffer.indexOf('\n');
            if (newline >= 0) {
                *line = m_buffer.left(newline);
                m_buffer.remove(0, newline + 1);
                return true;
            }
            const qint64 left = (deadline - monotonicNs()) / 1000000;
            if (left <= 0)
                return false;
            pollfd fd{m_fd, POLLIN, 0};
            const int rc = ::poll(&fd, 1, int(left));
            if (rc < 0 && errno == EINTR)
                continue;
            if (rc <= 0)
                return false;
            char chunk[512];
            const ssize_t n = ::read(m_fd, chunk, sizeof chunk);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                return false;
            m_buffer.append(chunk, n);
        }
    }

    pid_t m_pid = -1;
    int m_fd = -1;
    quint16 m_port = 0;
    QByteArray m_buffer;
};

struct CliRun
{
    qint64 wallNs = 0;       // fork to reaped
    qint64 cpuNs = 0;        // user and system
    qint64 maxRssKiB = 0;
    qint64 receivedBytes = -1; // what its last line says
    QByteArray lastLine;
};

// Runs the CLI for this process from a small one forked before Qt started: a child's peak RSS
// (ru_maxrss) starts from its parent's at fork, and forking a process that holds a window's 64 MiB
// would charge the CLI's start with copying its page tables.
class CliSpawner
{
public:
    struct Reply
    {
        qint64 wallNs = 0;
        qint64 cpuNs = 0;
        qint64 maxRssKiB = 0;
        int status = -1;
        qint64 stderrSize = 0; // the bytes of its standard error that follow
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

    bool run(quint16 port, Reply *reply, QByteArray *errors) const
    {
        if (!writeFull(m_fd, &port, sizeof port) || !readFull(m_fd, reply, sizeof *reply))
            return false;
        errors->resize(reply->stderrSize);
        return readFull(m_fd, errors->data(), size_t(errors->size()));
    }

private:
    [[noreturn]] static void serve(int fd)
    {
        quint16 port = 0;
        while (readFull(fd, &port, sizeof port)) {
            QByteArray errors;
            const Reply reply = spawn(port, &errors);
            if (!writeFull(fd, &reply, sizeof reply) || !writeFull(fd, errors.constData(), size_t(errors.size())))
                break;
        }
        _exit(0);
    }

    // Standard output to /dev/null, as `> /dev/null` does; standard input a pipe held open until it
    // ends, as a terminal would be; standard error to a memfd, read once it has ended.
    static Reply spawn(quint16 port, QByteArray *errors)
    {
        const QByteArray portText = QByteArray::number(port);
        char *argv[] = {const_cast<char *>(SOCKETLAB_CLI), const_cast<char *>("talk"), const_cast<char *>("127.0.0.1"),
                        const_cast<char *>(portText.constData()), const_cast<char *>("--hexdump"), nullptr};
        Reply reply;
        int input[2];
        const int errFd = ::memfd_create("bench-conversation-stderr", MFD_CLOEXEC);
        const int nullFd = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
        if (errFd < 0 || nullFd < 0 || ::pipe2(input, O_CLOEXEC) != 0)
            return reply;
        const qint64 start = monotonicNs();
        const pid_t pid = ::fork();
        if (pid == 0) {
            if (::dup2(input[0], STDIN_FILENO) < 0 || ::dup2(nullFd, STDOUT_FILENO) < 0 || ::dup2(errFd, STDERR_FILENO) < 0)
                _exit(126);
            // Its last line gives the bytes it received, in English.
            ::setenv("LC_ALL", "C", 1);
            ::setenv("LANGUAGE", "C", 1);
            ::execv(argv[0], argv);
            _exit(127);
        }
        ::close(input[0]);
        int status = -1;
        rusage usage{};
        while (pid > 0 && ::wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) {
        }
        reply.wallNs = monotonicNs() - start;
        ::close(input[1]);
        ::close(nullFd);
        reply.cpuNs = qint64(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000000000
                    + qint64(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) * 1000;
        reply.maxRssKiB = usage.ru_maxrss;
        reply.status = pid > 0 ? status : -1;
        char buffer[65536];
        ssize_t n = 0;
        ::lseek(errFd, 0, SEEK_SET);
        while ((n = ::read(errFd, buffer, sizeof buffer)) > 0)
            errors->append(buffer, n);
        ::close(errFd);
        reply.stderrSize = errors->size();
        return reply;
    }

    pid_t m_pid = -1;
    int m_fd = -1;
};

bool runCli(const CliSpawner &spawner, quint16 port, CliRun *run, QString *error)
{
    CliSpawner::Reply reply;
    QByteArray errors;
    if (!spawner.run(port, &reply, &errors)) {
        *error = QStringLiteral("the process that starts socketlab-cli is gone");
        return false;
    }
    run->wallNs = reply.wallNs;
    run->cpuNs = reply.cpuNs;
    run->maxRssKiB = reply.maxRssKiB;
    const QList<QByteArray> lines = errors.trimmed().split('\n');
    run->lastLine = lines.constLast();
    if (!WIFEXITED(reply.status) || WEXITSTATUS(reply.status) != 0) {
        *error = QStringLiteral("socketlab-cli talk failed (status %1): %2").arg(reply.status).arg(QString::fromUtf8(errors.right(2000)));
        return false;
    }
    static const QRegularExpression received(QStringLiteral("^\\* The peer closed the connection; ([\\d,]+) bytes? received"));
    const QRegularExpressionMatch match = received.match(QString::fromUtf8(run->lastLine));
    if (!match.hasMatch()) {
        *error = QStringLiteral("socketlab-cli talk did not end at the peer's close: %1").arg(QString::fromUtf8(errors.right(2000)));
        return false;
    }
    run->receivedBytes = match.captured(1).remove(QLatin1Char(',')).toLongLong();
    return true;
}

struct WindowRun
{
    qint64 countedBytes = 0;     // the record's count, every byte received
    qint64 keptBytes = 0;        // in the received store
    qint64 recvEvents = 0;       // Received events, kept or not
    qint64 keptRecvEvents = 0;   // Received events in the list
    qint64 rows = 0;             // rows of the message list (all kinds)
    qint64 finNs = 0;            // when the window showed the peer's FIN
    qint64 clickNs = 0;          // Connect clicked
    qint64 cpuNs = 0;            // this process, Connect to the FIN shown: GUI and worker
    Stalls transfer;             // Connect to the FIN shown
    Stalls withTail;             // and TailMs after it
    QString totals;              // what the window says of the totals
};

// The kept bytes are a prefix of what the peer wrote (the caps only ever stop keeping): they must be
// its messages, byte for byte. -1 when they are, else the first offset that differs.
qint64 firstMismatch(const ByteStore &store, int messageSize)
{
    constexpr qint64 Block = 1 << 20;
    QByteArray expected;
    std::vector<unsigned char> message(size_t(messageSize), 0);
    for (qint64 at = 0; at < store.size(); at += Block) {
        const qint64 len = qMin(Block, store.size() - at);
        const QByteArray kept = store.read(at, len);
        expected.resize(len);
        for (qint64 i = 0; i < len;) {
            const qint64 offset = at + i;
            const qint64 k = offset / messageSize;
            const qint64 within = offset % messageSize;
            benchMessage(quint64(k), message.data(), size_t(messageSize));
            const qint64 n = qMin<qint64>(messageSize - within, len - i);
            std::memcpy(expected.data() + i, message.data() + within, size_t(n));
            i += n;
        }
        if (kept != expected) {
            for (qint64 i = 0; i < len; ++i) {
                if (i >= kept.size() || kept.at(i) != expected.at(i))
                    return at + i;
            }
        }
    }
    return -1;
}

// One window, one conversation: shown, the form typed in, Connect clicked, until the FIN is shown.
bool runWindow(quint16 port, double seconds, int messageSize, Pusher &pusher, WindowRun *run, PushReport *push, QString *error)
{
    auto window = std::make_unique<MainWindow>(nullptr);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get())) {
        *error = QStringLiteral("the window was not exposed");
        return false;
    }
    window->tools()->setCurrentIndex(MainWindow::ConversationTab);
    ConversationPage *page = window->conversationPanel()->currentPage();
    if (!page) {
        *error = QStringLiteral("the Conversations tab has no page");
        return false;
    }
    QLineEdit *host = page->targetEdit()->hostEdit();
    QLineEdit *portEdit = page->targetEdit()->portEdit();
    for (QLineEdit *field : {host, portEdit}) {
        field->selectAll();
        QTest::keyClick(field, Qt::Key_Delete);
    }
    QTest::keyClicks(host, QStringLiteral("127.0.0.1"));
    QTest::keyClicks(portEdit, QString::number(port));
    if (page->targetEdit()->host() != QLatin1StringView("127.0.0.1") || page->targetEdit()->service() != QString::number(port)
        || !page->connectButton()->isEnabled()) {
        *error = QStringLiteral("the form does not hold 127.0.0.1 %1, or Connect is disabled").arg(port);
        return false;
    }
    // The first layout and paint of a new window are not part of the conversation.
    QTest::qWait(SettleMs);

    MessageModel *model = page->messageModel();
    QEventLoop loop;
    const auto finShown = [&] {
        const int rows = model->rowCount();
        return rows > 0 && model->eventAt(rows - 1).kind == ConversationEvent::Kind::PeerClosed;
    };
    // Connected after the page's own slots: this runs once the page has shown what came.
    QObject::connect(page, &ConversationPage::stateChanged, &loop, [&] {
        if (run->finNs == 0 && finShown()) {
            run->finNs = monotonicNs();
            loop.quit();
        }
    });
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    deadline.start(int(seconds * 1000) + GraceMs);

    Probe probe;
    probe.start();
    const qint64 cpuStart = processCpuNs();
    run->clickNs = monotonicNs();
    QTest::mouseClick(page->connectButton(), Qt::LeftButton);
    if (!page->isRunning()) {
        *error = QStringLiteral("Connect did not start a conversation: %1").arg(page->statusLabel()->text());
        return false;
    }
    loop.exec();
    const qint64 cpuEnd = processCpuNs();
    if (run->finNs == 0) {
        *error = QStringLiteral("the window did not show the peer's FIN %1 s after the push: %2")
                     .arg(GraceMs / 1000)
                     .arg(page->statusLabel()->text());
        return false;
    }
    QTimer::singleShot(TailMs, &loop, &QEventLoop::quit);
    loop.exec();
    probe.stop();

    const auto record = page->conversation()->record();
    run->countedBytes = record->receivedBytes();
    run->keptBytes = record->received().size();
    run->rows = model->rowCount();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->eventAt(row).kind == ConversationEvent::Kind::Received)
            ++run->keptRecvEvents;
    }
    run->recvEvents = record->receivedMessages();
    const qsizetype recordedEvents = record->keptEventCount();
    run->totals = page->totalsLabel()->text();
    run->cpuNs = cpuEnd - cpuStart;
    run->transfer = stallsBetween(probe.ticks(), run->clickNs, run->finNs);
    run->withTail = stallsBetween(probe.ticks(), run->clickNs, run->finNs + qint64(TailMs) * 1000000);

    // The person ends it: the peer reads the close and reports.
    QTest::mouseClick(page->closeButton(), Qt::LeftButton);
    const std::optional<PushReport> report = pusher.report(GraceMs);
    if (!report) {
        *error = QStringLiteral("bench_pusher did not report the window's connection");
        return false;
    }
    *push = *report;

    // Every byte counted, and shown; every kept byte the peer's; every kept event in the list and the ladder.
    if (run->countedBytes != push->bytes) {
        *error = QStringLiteral("the window counted %1 bytes, the peer wrote %2").arg(run->countedBytes).arg(push->bytes);
        return false;
    }
    if (!run->totals.contains(QLocale().toString(push->bytes))) {
        *error = QStringLiteral("the window's totals do not say %1 bytes: %2").arg(push->bytes).arg(run->totals);
        return false;
    }
    if (!run->totals.contains(QLocale().toString(run->recvEvents))) {
        *error = QStringLiteral("the window's totals do not say the %1 recv() calls: %2").arg(run->recvEvents).arg(run->totals);
        return false;
    }
    if (const qint64 at = firstMismatch(record->received(), messageSize); at >= 0) {
        *error = QStringLiteral("the kept byte at offset %1 is not the peer's").arg(at);
        return false;
    }
    qint64 keptSum = 0;
    for (int row = 0; row < model->rowCount(); ++row) {
        const ConversationEvent &event = model->eventAt(row);
        if (event.kind == ConversationEvent::Kind::Received && event.offset == keptSum)
            keptSum += event.size;
        else if (event.kind == ConversationEvent::Kind::Received)
            return (*error = QStringLiteral("row %1 starts at offset %2, after %3 kept bytes").arg(row).arg(event.offset).arg(keptSum)), false;
    }
    if (keptSum != run->keptBytes || page->ladderView()->eventCount() != model->rowCount()
        || model->rowCount() != recordedEvents) {
        *error = QStringLiteral("kept: %1 bytes in the list's rows, %2 in the store; %3 rows, %4 ladder events, %5 in the record")
                     .arg(keptSum)
                     .arg(run->keptBytes)
                     .arg(model->rowCount())
                     .arg(page->ladderView()->eventCount())
                     .arg(recordedEvents);
        return false;
    }
    return true;
}

// The idle window's probe: what the machine and the event loop do with nothing to do.
bool probeIdle(Stalls *stalls)
{
    MainWindow window(nullptr);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return false;
    window.tools()->setCurrentIndex(MainWindow::ConversationTab);
    QTest::qWait(SettleMs);
    Probe probe;
    const qint64 start = monotonicNs();
    probe.start();
    QTest::qWait(IdleProbeMs);
    probe.stop();
    *stalls = stallsBetween(probe.ticks(), start, monotonicNs());
    return true;
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
    double seconds = 10.0;
    int pairs = 5;
    int messageSize = 100;
    QString pin;
};

std::optional<Options> parseOptions(const QStringList &arguments, QString *error)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("A conversation in the window while the peer pushes 100-byte messages as "
                                                    "fast as it can: every byte counted and kept, event-loop stalls, "
                                                    "throughput against socketlab-cli talk --hexdump > /dev/null."));
    parser.addHelpOption();
    const QCommandLineOption seconds = option("seconds", "How long the peer pushes, each run.", "S", "10");
    const QCommandLineOption pairs = option("pairs", "Window/CLI pairs (at least 1).", "N", "5");
    const QCommandLineOption size = option("message-size", "The size of each of the peer's send() calls (12 to 65536).", "BYTES", "100");
    const QCommandLineOption pin = option("pin", "Pin this process, its threads, the CLI runs and the peer to CPUS (\"0\", \"0,1\").",
                                          "CPUS", "");
    parser.addOptions({seconds, pairs, size, pin});
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
    bool secondsOk = false, pairsOk = false, sizeOk = false;
    options.seconds = parser.value(seconds).toDouble(&secondsOk);
    options.pairs = parser.value(pairs).toInt(&pairsOk);
    options.messageSize = parser.value(size).toInt(&sizeOk);
    options.pin = parser.value(pin);
    if (!secondsOk || options.seconds <= 0.0 || options.seconds > 3600.0 || !pairsOk || options.pairs < 1 || !sizeOk
        || options.messageSize < 12 || options.messageSize > 65536) {
        *error = QStringLiteral("bad --seconds, --pairs or --message-size");
        return std::nullopt;
    }
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
        std::fprintf(stderr, "bench_conversation: %s\n", qPrintable(error));
        return 2;
    }
    if (!options->pin.isEmpty() && !pinTo(options->pin)) {
        std::fprintf(stderr, "bench_conversation: cannot pin to CPUs %s\n", qPrintable(options->pin));
        return 2;
    }
    Pusher pusher;
    if (!pusher.start(options->seconds, options->messageSize, &error)) {
        std::fprintf(stderr, "bench_conversation: %s\n", qPrintable(error));
        return 2;
    }
    CliSpawner spawner;
    if (!spawner.start()) {
        std::fprintf(stderr, "bench_conversation: cannot fork: %s\n", std::strerror(errno));
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
    QApplication::setApplicationName(QStringLiteral("bench_conversation"));
    const quint16 port = pusher.port();

    std::printf("bench_conversation (%s build), platform %s, %ld CPUs online, affinity %s (%s), load %s\n", BENCH_BUILD_TYPE,
                qPrintable(QGuiApplication::platformName()), sysconf(_SC_NPROCESSORS_ONLN), affinityText().constData(),
                options->pin.isEmpty() ? "not pinned: window, CLI and peer alike" : "pinned: window, CLI and peer alike",
                loadAverage().constData());
    std::printf("peer: bench_pusher on 127.0.0.1:%u, %d-byte messages, one send() each, for %.1f s a run; %d pairs\n",
                port, options->messageSize, options->seconds, options->pairs);
    const ConversationRequest defaults;
    std::printf("record caps, per direction: %s and %lld events kept, every byte and event counted\n\n",
                sizeText(defaults.maxKeptBytes).constData(), qint64(defaults.maxKeptEvents));

    Stalls idle;
    if (!probeIdle(&idle)) {
        std::fprintf(stderr, "bench_conversation: the idle window was not exposed\n");
        return 2;
    }
    std::printf("idle window, %d ms: stalls %s\n\n", IdleProbeMs, stallsText(idle).constData());

    std::printf("pair  first   window MB/s  CLI MB/s  ratio   window stalls (Connect to FIN shown + %d ms)\n", TailMs);
    std::vector<WindowRun> windowRuns;
    std::vector<CliRun> cliRuns;
    std::vector<double> ratios, windowRates, cliRates, windowPushRates, cliPushRates, maxStalls, windowCpuMs, guiCpuMs, cliCpuMs;
    double worstStall = 0.0, worstP99 = 0.0, busiest = 0.0;
    qint64 cliPeakRssKiB = 0;
    for (int pair = 1; pair <= options->pairs; ++pair) {
        const bool windowFirst = pair % 2 == 1;
        WindowRun w;
        CliRun c;
        PushReport wp, cp;
        for (int side = 0; side < 2; ++side) {
            bool ok = false;
            if ((side == 0) == windowFirst) {
                ok = runWindow(port, options->seconds, options->messageSize, pusher, &w, &wp, &error);
            } else {
                ok = runCli(spawner, port, &c, &error);
                if (ok) {
                    const std::optional<PushReport> report = pusher.report(GraceMs);
                    if (!report || report->receiverClosedNs < 0) {
                        error = QStringLiteral("bench_pusher did not report the CLI's close");
                        ok = false;
                    } else if (report->bytes != c.receivedBytes) {
                        error = QStringLiteral("the CLI received %1 bytes, the peer wrote %2").arg(c.receivedBytes).arg(report->bytes);
                        ok = false;
                    } else {
                        cp = *report;
                    }
                }
            }
            if (!ok) {
                std::fprintf(stderr, "bench_conversation: %s\n", qPrintable(error));
                return 2;
            }
        }
        const double windowRate = mbPerSecond(wp.bytes, w.finNs - wp.acceptedNs);
        const double cliRate = mbPerSecond(cp.bytes, cp.receiverClosedNs - cp.acceptedNs);
        const double ratio = windowRate / cliRate;
        ratios.push_back(ratio);
        windowRates.push_back(windowRate);
        cliRates.push_back(cliRate);
        windowPushRates.push_back(mbPerSecond(wp.bytes, wp.pushedNs - wp.acceptedNs));
        cliPushRates.push_back(mbPerSecond(cp.bytes, cp.pushedNs - cp.acceptedNs));
        maxStalls.push_back(w.withTail.maxMs);
        windowCpuMs.push_back(toMs(w.cpuNs));
        guiCpuMs.push_back(w.transfer.runMs);
        cliCpuMs.push_back(toMs(c.cpuNs));
        worstStall = qMax(worstStall, w.withTail.maxMs);
        worstP99 = qMax(worstP99, w.withTail.p99Ms);
        busiest = qMax(busiest, w.withTail.busiestRunMs);
        cliPeakRssKiB = qMax(cliPeakRssKiB, c.maxRssKiB);
        std::printf("%-6d%-8s%11.1f %9.1f %7.3f   %s\n", pair, windowFirst ? "window" : "CLI", windowRate, cliRate, ratio,
                    stallsText(w.withTail).constData());
        std::printf("%-14s%s\n", "", worstText(w.withTail).constData());
        std::printf("%-14swindow: %lld bytes counted = the peer's %lld bytes (%lld messages); kept %lld bytes in %lld of %lld recv() "
                    "(%lld rows); the FIN shown %.1f ms after the last send()\n",
                    "", w.countedBytes, wp.bytes, wp.messages, w.keptBytes, w.keptRecvEvents, w.recvEvents, w.rows,
                    toMs(w.finNs - wp.pushedNs));
        std::printf("%-14sCLI:    %lld bytes received = the peer's %lld bytes (%lld messages); its close read %.1f ms after the "
                    "last send(), fork to reaped %.0f ms\n",
                    "", c.receivedBytes, cp.bytes, cp.messages, toMs(cp.receiverClosedNs - cp.pushedNs), toMs(c.wallNs));
        std::printf("%-14sCPU: window run %.0f ms (GUI thread %.0f ms, waited for a CPU %.0f ms), CLI run %.0f ms; load %s\n", "",
                    toMs(w.cpuNs), w.transfer.runMs, w.transfer.waitMs, toMs(c.cpuNs), loadAverage().constData());
        std::printf("%-14swindow totals: %s\n", "", qPrintable(w.totals));
        std::fflush(stdout);
        windowRuns.push_back(w);
        cliRuns.push_back(c);
    }

    const double ratio = median(ratios);
    rusage self{};
    getrusage(RUSAGE_SELF, &self);
    std::printf("\nsummary over %d pairs (%.1f s pushes of %d-byte messages):\n", options->pairs, options->seconds, options->messageSize);
    std::printf("  window: %.1f MB/s taken (accepted to the FIN shown); the peer pushed %.1f MB/s while it did\n",
                median(windowRates), median(windowPushRates));
    std::printf("  CLI:    %.1f MB/s taken (accepted to its close); the peer pushed %.1f MB/s while it did\n", median(cliRates),
                median(cliPushRates));
    std::printf("  throughput ratio window / CLI: %.3f (pairs %.3f-%.3f)\n", ratio, *std::min_element(ratios.begin(), ratios.end()),
                *std::max_element(ratios.begin(), ratios.end()));
    std::printf("  CPU time: window run %.0f ms, of which the GUI thread %.0f ms; CLI run %.0f ms\n", median(windowCpuMs),
                median(guiCpuMs), median(cliCpuMs));
    std::printf("  stalls: worst %.1f ms (median of the runs' worst %.1f ms), worst p99 %.1f ms; idle window %.1f ms\n"
                "          the GUI thread's own CPU within one gap: at most %.1f ms\n",
                worstStall, median(maxStalls), worstP99, idle.maxMs, busiest);
    std::printf("  peak RSS: this process (a window at a time) %.0f MiB; largest CLI run %.1f MiB\n", double(self.ru_maxrss) / 1024.0,
                double(cliPeakRssKiB) / 1024.0);
    std::printf("  load at the end: %s\n\n", loadAverage().constData());

    const bool stallPass = worstStall <= StallTargetMs;
    const bool throughputPass = ratio >= ThroughputTarget;
    printTarget(true, "every byte counted (the peer's count, to the byte, in every run) and every kept byte the peer's, at its offset");
    printTarget(stallPass, "event loop never stalls more than 30 ms: worst " + QByteArray::number(worstStall, 'f', 1) + " ms");
    printTarget(throughputPass, "window throughput >= 0.7x the CLI's: " + QByteArray::number(ratio, 'f', 3) + "x");
    return stallPass && throughputPass ? 0 : 1;
}
