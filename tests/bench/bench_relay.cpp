// bench_relay: `socketlab-cli relay` against socat on the same loopback path, in the same run. A
// report, not a test: it prints the figures, their ratios and PASS/FAIL against the targets
// (throughput at least 0.8x socat's; the latency a relay adds at most 2x socat's), and exits 0
// whatever they are (1 only when a run itself went wrong).
//
// Build optimised, in a build directory of its own, and run:
//   cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release
//   cmake --build build-bench -j2 --target bench_relay
//   build-bench/tests/bench/bench_relay [--size 1G] [--pairs 5] [--trips 1000] [--trip-size 32] [--socat-buffer N]
//
// How it measures. The two relays, run exactly as a person would type them (each on a loopback port
// of its own, forwarding to the same server):
//   socat TCP-LISTEN:P,fork,reuseaddr,bind=127.0.0.1 TCP:127.0.0.1:Q
//   socketlab-cli relay P 127.0.0.1 Q --quiet        (core still keeps bytes for display, up to its budget)
// Each run starts a fresh relay (ready once its port listens, read from /proc/net/tcp, the same
// test for both), makes one transfer through it, and stops it (SIGTERM for socat, SIGINT for the
// CLI, which must then exit 0). Nothing is pinned, no option tunes either relay, both write their
// output to /dev/null. socat reads 8 KiB at a time unless told otherwise; --socat-buffer N runs it
// with -b N instead (SocketLab's relay reads up to 64 KiB), a harder baseline than the command.
// - Throughput: bench_sender (plain C) serves N bytes per connection; bench_recvloop (plain C)
//   connects, recv()s 64 KiB at a time until EOF and prints the transfer's time, connect() to
//   close(). Each pair runs direct (no relay), socat and SocketLab, in an order that rotates.
// - Latency: bench_pingpong serve echoes; bench_pingpong PORT TRIPS SIZE makes TRIPS round trips
//   of SIZE bytes over one connection and prints the median round trip. The added latency is the
//   median round trip through a relay minus the direct one, medians over the pairs.
// Pair 0 of each warms up (page cache, the three paths alike) and is not counted. Before timing,
// 64 MiB go through each relay into bench_recvloop's keeping mode, which checks the pattern.

#include "benchmeasure.h"

#include <QFile>
#include <QList>
#include <QStringList>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using namespace BenchMeasure;

namespace {

std::vector<char *> argvOf(const QList<QByteArray> &arguments)
{
    std::vector<char *> argv;
    for (const QByteArray &argument : arguments)
        argv.push_back(const_cast<char *>(argument.constData()));
    argv.push_back(nullptr);
    return argv;
}

pid_t spawn(const QList<QByteArray> &arguments, int out, int err)
{
    std::vector<char *> argv = argvOf(arguments);
    const pid_t pid = ::fork();
    if (pid == 0) {
        if (::dup2(out, STDOUT_FILENO) < 0 || ::dup2(err, STDERR_FILENO) < 0)
            _exit(126);
        ::execvp(argv[0], argv.data());
        _exit(127);
    }
    return pid;
}

// The exit status, or -1 if it did not exit by itself.
int reap(pid_t pid)
{
    int status = 0;
    while (pid > 0 && ::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    return pid > 0 && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Runs a program to its end; its stdout, or a null array if it failed.
QByteArray runForOutput(const QList<QByteArray> &arguments)
{
    const int out = ::memfd_create("bench-relay-stdout", MFD_CLOEXEC);
    if (out < 0)
        return {};
    const int status = reap(spawn(arguments, out, STDERR_FILENO));
    QByteArray output;
    char buffer[4096];
    ssize_t n;
    ::lseek(out, 0, SEEK_SET);
    while ((n = ::read(out, buffer, sizeof buffer)) > 0)
        output.append(buffer, n);
    ::close(out);
    return status == 0 ? output : QByteArray();
}

quint16 freeLoopbackPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof address;
    ::bind(fd, reinterpret_cast<sockaddr *>(&address), len);
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &len);
    ::close(fd);
    return ntohs(address.sin_port);
}

// Whether something listens on 127.0.0.1:port (or the wildcard), as /proc/net/tcp says: asked the
// same way for both relays, without a connection that would reach the server.
bool listensOn(quint16 port)
{
    QFile table(QStringLiteral("/proc/net/tcp"));
    if (!table.open(QIODevice::ReadOnly))
        return false;
    const QByteArray portHex = QByteArray::number(port, 16).toUpper().rightJustified(4, '0');
    for (const QByteArray &line : table.readAll().split('\n')) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() > 3 && fields.at(3) == "0A"
            && (fields.at(1) == "0100007F:" + portHex || fields.at(1) == "00000000:" + portHex))
            return true;
    }
    return false;
}

// A server of ours that runs for the whole benchmark and prints its port first; killed at the end.
class Server
{
public:
    explicit Server(const QList<QByteArray> &arguments)
    {
        int fds[2];
        if (::pipe2(fds, O_CLOEXEC) != 0)
            return;
        m_pid = spawn(arguments, fds[1], STDERR_FILENO);
        ::close(fds[1]);
        QByteArray line;
        char c = 0;
        while (m_pid > 0 && ::read(fds[0], &c, 1) == 1 && c != '\n')
            line.append(c);
        ::close(fds[0]);
        const uint port = line.toUInt();
        m_port = port > 0 && port <= 65535 ? quint16(port) : 0;
    }
    ~Server()
    {
        if (m_pid <= 0)
            return;
        ::kill(m_pid, SIGTERM);
        reap(m_pid);
    }
    Server(const Server &) = delete;
    Server &operator=(const Server &) = delete;

    quint16 port() const { return m_port; }

private:
    pid_t m_pid = -1;
    quint16 m_port = 0;
};

enum class Path { Direct, Socat, SocketLab };
constexpr Path Paths[] = {Path::Direct, Path::Socat, Path::SocketLab};

const char *pathName(Path path)
{
    switch (path) {
    case Path::Direct: return "direct";
    case Path::Socat: return "socat";
    case Path::SocketLab: return "socketlab-cli relay";
    }
    return "";
}

// One relay for one run: started on a fresh port towards the target, stopped after.
// socat's -b, or 0 for its default.
int socatBuffer = 0;

class Relay
{
public:
    Relay(Path path, quint16 target, int devNull)
        : m_path(path)
    {
        if (path == Path::Direct) {
            m_port = target;
            return;
        }
        const quint16 port = freeLoopbackPort();
        const QByteArray p = QByteArray::number(port);
        const QByteArray q = QByteArray::number(target);
        QList<QByteArray> arguments{SOCKETLAB_CLI, "relay", p, "127.0.0.1", q, "--quiet"};
        if (path == Path::Socat) {
            arguments = {"socat"};
            if (socatBuffer > 0)
                arguments += {"-b", QByteArray::number(socatBuffer)};
            arguments += {"TCP-LISTEN:" + p + ",fork,reuseaddr,bind=127.0.0.1", "TCP:127.0.0.1:" + q};
        }
        m_pid = spawn(arguments, devNull, devNull);
        const qint64 deadline = monotonicUs() + 10 * 1000000;
        while (m_pid > 0 && !listensOn(port) && monotonicUs() < deadline && ::waitpid(m_pid, nullptr, WNOHANG) == 0)
            ::usleep(2000);
        m_port = listensOn(port) ? port : 0;
    }

    // Stops it; false if it did not end well (the CLI must exit 0 on SIGINT).
    bool stop()
    {
        if (m_pid <= 0)
            return m_path == Path::Direct;
        ::kill(m_pid, m_path == Path::Socat ? SIGTERM : SIGINT);
        const int status = reap(m_pid);
        m_pid = -1;
        return m_path == Path::Socat || status == 0;
    }

    ~Relay()
    {
        if (m_pid > 0) {
            ::kill(m_pid, SIGKILL);
            reap(m_pid);
        }
    }
    Relay(const Relay &) = delete;
    Relay &operator=(const Relay &) = delete;

    quint16 port() const { return m_port; }

private:
    Path m_path;
    pid_t m_pid = -1;
    quint16 m_port = 0;
};

// One measured run through a fresh relay: the program's two numbers, or none.
bool runThrough(Path path, quint16 target, const QList<QByteArray> &client, int devNull, qint64 *first, qint64 *second)
{
    Relay relay(path, target, devNull);
    if (!relay.port()) {
        std::fprintf(stderr, "bench_relay: %s did not listen\n", pathName(path));
        return false;
    }
    const QByteArray output = runForOutput(client + QList<QByteArray>{QByteArray::number(relay.port())});
    const bool stopped = relay.stop();
    const QList<QByteArray> fields = output.trimmed().split(' ');
    if (!stopped || fields.size() != 2) {
        std::fprintf(stderr, "bench_relay: %s through %s failed%s\n", client.constFirst().constData(), pathName(path),
                     stopped ? "" : " (the relay did not exit 0 on its signal)");
        return false;
    }
    *first = fields.at(0).toLongLong();
    *second = fields.at(1).toLongLong();
    return true;
}

double mbPerS(qint64 bytes, double us)
{
    return us > 0 ? double(bytes) / us : 0.0;
}

// A dot on stderr for each pair done, after what stdout holds so far.
void progress()
{
    std::fflush(stdout);
    std::fprintf(stderr, ".");
}

QByteArray loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    return file.open(QIODevice::ReadOnly) ? file.readAll().split(' ').mid(0, 3).join(' ') : QByteArray("?");
}

} // namespace

int main(int argc, char **argv)
{
    qint64 size = 1024 * MiB;
    int pairs = 5;
    int trips = 1000;
    int tripSize = 32;
    for (int i = 1; i < argc; i += 2) {
        const QByteArray option(argv[i]);
        const QString value = i + 1 < argc ? QString::fromLocal8Bit(argv[i + 1]) : QString();
        bool ok = !value.isEmpty();
        if (option == "--size") {
            size = parseSize(value).value_or(0);
            ok = ok && size > 0;
        } else if (option == "--pairs") {
            pairs = value.toInt(&ok);
            ok = ok && pairs > 0;
        } else if (option == "--trips") {
            trips = value.toInt(&ok);
            ok = ok && trips > 0;
        } else if (option == "--socat-buffer") {
            socatBuffer = value.toInt(&ok);
            ok = ok && socatBuffer > 0;
        } else if (option == "--trip-size") {
            tripSize = value.toInt(&ok);
            ok = ok && tripSize > 0 && tripSize <= 65536;
        } else {
            ok = false;
        }
        if (!ok) {
            std::fprintf(stderr, "usage: bench_relay [--size 1G] [--pairs 5] [--trips 1000] [--trip-size 32] "
                                 "[--socat-buffer N]\n");
            return 2;
        }
    }

    const int devNull = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
    std::printf("bench_relay (%s build): socketlab-cli relay P 127.0.0.1 Q --quiet vs socat%s TCP-LISTEN:P,fork,reuseaddr "
                "TCP:127.0.0.1:Q, %d pairs after 1 warm-up, medians, nothing pinned\n",
                BENCH_BUILD_TYPE, socatBuffer > 0 ? qPrintable(QStringLiteral(" -b %1").arg(socatBuffer)) : "", pairs);
    std::printf("load average at start: %s\n", loadAverage().constData());

    // The bytes are right through both relays before anything is timed.
    {
        constexpr qint64 CheckSize = 64 * MiB;
        Server sender({BENCH_SENDER, QByteArray::number(CheckSize)});
        for (const Path path : {Path::Socat, Path::SocketLab}) {
            qint64 bytes = 0, us = 0;
            if (!sender.port()
                || !runThrough(path, sender.port(), {BENCH_RECVLOOP}, devNull, &bytes, &us) || bytes != CheckSize) {
                std::fprintf(stderr, "bench_relay: %s through %s did not arrive whole\n", sizeText(CheckSize).constData(),
                             pathName(path));
                return 1;
            }
            Relay relay(path, sender.port(), devNull);
            const QByteArray kept = runForOutput({BENCH_RECVLOOP, QByteArray::number(relay.port()), "keep"});
            if (!relay.stop() || kept.isEmpty()) {
                std::fprintf(stderr, "bench_relay: the pattern did not come through %s intact\n", pathName(path));
                return 1;
            }
        }
        std::printf("  %s through each relay: every byte counted, the pattern checked at its offsets\n",
                    sizeText(CheckSize).constData());
    }

    // Throughput.
    QList<qint64> transferUs[3];
    QList<double> throughputRatios;
    {
        Server sender({BENCH_SENDER, QByteArray::number(size)});
        if (!sender.port()) {
            std::fprintf(stderr, "bench_relay: %s did not start\n", BENCH_SENDER);
            return 1;
        }
        for (int pair = 0; pair <= pairs; ++pair) {
            qint64 us[3] = {};
            for (int k = 0; k < 3; ++k) {
                const Path path = Paths[(pair + k) % 3];
                qint64 bytes = 0;
                if (!runThrough(path, sender.port(), {BENCH_RECVLOOP}, devNull, &bytes, &us[int(path)]))
                    return 1;
                if (bytes != size) {
                    std::fprintf(stderr, "bench_relay: %lld bytes came through %s, not %lld\n", bytes, pathName(path),
                                 size);
                    return 1;
                }
            }
            progress();
            if (pair == 0)
                continue;
            for (const Path path : Paths)
                transferUs[int(path)].append(us[int(path)]);
            throughputRatios.append(double(us[int(Path::Socat)]) / double(qMax<qint64>(1, us[int(Path::SocketLab)])));
        }
    }

    // Latency.
    QList<qint64> roundTripNs[3];
    {
        Server echo({BENCH_PINGPONG, "serve"});
        if (!echo.port()) {
            std::fprintf(stderr, "bench_relay: %s serve did not start\n", BENCH_PINGPONG);
            return 1;
        }
        for (int pair = 0; pair <= pairs; ++pair) {
            qint64 medianNs[3] = {};
            for (int k = 0; k < 3; ++k) {
                const Path path = Paths[(pair + k) % 3];
                // bench_pingpong PORT TRIPS SIZE: the port goes first, so it is given here, not appended.
                Relay relay(path, echo.port(), devNull);
                const QByteArray output = relay.port()
                    ? runForOutput({BENCH_PINGPONG, QByteArray::number(relay.port()), QByteArray::number(trips),
                                    QByteArray::number(tripSize)})
                    : QByteArray();
                const bool stopped = relay.stop();
                const QList<QByteArray> fields = output.trimmed().split(' ');
                if (!stopped || fields.size() != 2) {
                    std::fprintf(stderr, "bench_relay: round trips through %s failed\n", pathName(path));
                    return 1;
                }
                medianNs[int(path)] = fields.at(0).toLongLong();
            }
            progress();
            if (pair == 0)
                continue;
            for (const Path path : Paths)
                roundTripNs[int(path)].append(medianNs[int(path)]);
        }
    }
    std::fprintf(stderr, "\n");
    std::printf("\n  %s from bench_sender to bench_recvloop, median transfer time (connect() to close()):\n",
                sizeText(size).constData());
    for (const Path path : Paths) {
        const double us = median(transferUs[int(path)]);
        std::printf("    %-22s %9.1f ms  %8.1f MB/s\n", pathName(path), us / 1000.0, mbPerS(size, us));
    }
    const auto [lowT, highT] = std::minmax_element(throughputRatios.cbegin(), throughputRatios.cend());
    const double throughputRatio = median(throughputRatios);
    std::printf("  throughput, SocketLab / socat (median of pairs): %.2fx (pairs %.2f-%.2f)  [%s: at least 0.80x]\n",
                throughputRatio, *lowT, *highT, throughputRatio >= 0.8 ? "PASS" : "FAIL");

    std::printf("\n  %d round trips of %d bytes over one connection (bench_pingpong), median round trip:\n", trips,
                tripSize);
    const double direct = median(roundTripNs[int(Path::Direct)]);
    for (const Path path : Paths) {
        const double ns = median(roundTripNs[int(path)]);
        if (path == Path::Direct)
            std::printf("    %-22s %8.1f us\n", pathName(path), ns / 1000.0);
        else
            std::printf("    %-22s %8.1f us  (+%.1f us)\n", pathName(path), ns / 1000.0, (ns - direct) / 1000.0);
    }
    const double addedSocat = median(roundTripNs[int(Path::Socat)]) - direct;
    const double addedSocketLab = median(roundTripNs[int(Path::SocketLab)]) - direct;
    const double latencyRatio = addedSocketLab / qMax(1.0, addedSocat);
    std::printf("  added latency, SocketLab / socat: %.2fx  [%s: at most 2.00x]\n", latencyRatio,
                latencyRatio <= 2.0 ? "PASS" : "FAIL");
    std::printf("load average at end: %s\n", loadAverage().constData());
    return 0;
}
