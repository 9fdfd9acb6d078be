// bench_clistream: socketlab-cli's default hexdump against `socat -u TCP:127.0.0.1:PORT STDOUT | xxd`
// on the same bytes from the same sender, and the CLI's peak memory as the reply grows. A report,
// not a test: it prints the figures, their ratios and PASS/FAIL against the targets (at least as fast
// as socat | xxd; peak RSS flat from 100 MiB to 1 GiB), and exits 0 whatever they are (1 only when a
// run itself went wrong).
//
// Build optimised, in a build directory of its own, and run:
//   cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release
//   cmake --build build-bench -j2 --target bench_clistream
//   build-bench/tests/bench/bench_clistream [--size 100M] [--rss-sizes 100M,1G] [--pairs 5]
//
// How it measures. bench_sender (plain C) serves N bytes of the benchmark pattern per connection.
// Each run forks and execs its processes (the CLI alone; socat and xxd joined by a pipe), their
// output to /dev/null, and reaps them with wait4(): wall time from the first fork to the last reaping,
// peak RSS from ru_maxrss. Nothing is pinned: the pipeline may use both CPUs, as it would in a shell.
// socat reads 64 KiB at a time (-b 65536), as the CLI's recv() does, so neither side pays for a smaller
// buffer. After one warm-up pair, the CLI and the pipeline alternate (the one that goes first swaps
// each pair) and each pair gives a ratio; the median ratio is the figure. First, one run's dump is
// read back, row by row, against the pattern: a fast dump of the wrong bytes would measure nothing.

#include "benchmeasure.h"
#include "pattern.h"

#include <QList>
#include <QStringList>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/resource.h>
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

// bench_sender for one size; killing it is the only way it ends.
class Sender
{
public:
    explicit Sender(qint64 bytes)
    {
        int fds[2];
        if (::pipe2(fds, O_CLOEXEC) != 0)
            return;
        const QList<QByteArray> arguments{BENCH_SENDER, QByteArray::number(bytes)};
        std::vector<char *> argv = argvOf(arguments);
        m_pid = ::fork();
        if (m_pid == 0) {
            ::dup2(fds[1], STDOUT_FILENO);
            ::execv(argv[0], argv.data());
            _exit(127);
        }
        ::close(fds[1]);
        QByteArray line;
        char c = 0;
        while (m_pid > 0 && ::read(fds[0], &c, 1) == 1 && c != '\n')
            line.append(c);
        ::close(fds[0]);
        const uint port = line.toUInt();
        m_port = port > 0 && port <= 65535 ? QByteArray::number(port) : QByteArray();
    }
    ~Sender()
    {
        if (m_pid <= 0)
            return;
        ::kill(m_pid, SIGTERM);
        while (::waitpid(m_pid, nullptr, 0) < 0 && errno == EINTR) {
        }
    }
    Sender(const Sender &) = delete;
    Sender &operator=(const Sender &) = delete;

    QByteArray port() const { return m_port; }

private:
    pid_t m_pid = -1;
    QByteArray m_port;
};

struct Run
{
    bool ok = false;
    qint64 wallUs = 0;     // first fork to last reaping
    qint64 maxRssKiB = 0;  // the largest of the processes' peaks
};

pid_t spawn(const QList<QByteArray> &arguments, int in, int out, int err)
{
    std::vector<char *> argv = argvOf(arguments);
    const pid_t pid = ::fork();
    if (pid == 0) {
        if ((in >= 0 && ::dup2(in, STDIN_FILENO) < 0) || ::dup2(out, STDOUT_FILENO) < 0 || ::dup2(err, STDERR_FILENO) < 0)
            _exit(126);
        ::execvp(argv[0], argv.data());
        _exit(127);
    }
    return pid;
}

bool reap(pid_t pid, Run *run)
{
    int status = 0;
    rusage usage{};
    while (pid > 0 && ::wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) {
    }
    run->maxRssKiB = qMax<qint64>(run->maxRssKiB, usage.ru_maxrss);
    return pid > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

QList<QByteArray> cliCommand(const QByteArray &port)
{
    return {SOCKETLAB_CLI, "tcp", "127.0.0.1", port};
}

QList<QByteArray> socatCommand(const QByteArray &port)
{
    return {"socat", "-u", "-b", "65536", "TCP:127.0.0.1:" + port, "STDOUT"};
}

// The CLI's dump of one transfer into out.
Run runCli(const QByteArray &port, int out, int devNull)
{
    Run run;
    const qint64 start = monotonicUs();
    const pid_t pid = spawn(cliCommand(port), -1, out, devNull);
    run.ok = reap(pid, &run);
    run.wallUs = monotonicUs() - start;
    return run;
}

// socat | xxd on one transfer into out.
Run runPipeline(const QByteArray &port, int out, int devNull)
{
    Run run;
    int pipeFds[2];
    if (::pipe2(pipeFds, O_CLOEXEC) != 0)
        return run;
    const qint64 start = monotonicUs();
    const pid_t socat = spawn(socatCommand(port), -1, pipeFds[1], devNull);
    const pid_t xxd = spawn({"xxd"}, pipeFds[0], out, devNull);
    ::close(pipeFds[0]);
    ::close(pipeFds[1]);
    const bool socatOk = reap(socat, &run);
    const bool xxdOk = reap(xxd, &run);
    run.wallUs = monotonicUs() - start;
    run.ok = socatOk && xxdOk;
    return run;
}

// Reads a dump back: every row's hex columns, in order, must be the pattern from offset 0, and each
// row's offset the count of bytes before it.
bool dumpMatchesPattern(int fd, qint64 bytes, QString *error)
{
    const off_t size = ::lseek(fd, 0, SEEK_END);
    if (size <= 0) {
        *error = QStringLiteral("the dump is empty");
        return false;
    }
    void *map = ::mmap(nullptr, size_t(size), PROT_READ, MAP_PRIVATE, fd, 0);
    if (map == MAP_FAILED) {
        *error = QStringLiteral("mmap: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    const char *text = static_cast<const char *>(map);
    const char *end = text + size;
    qint64 offset = 0;
    bool ok = true;
    for (const char *line = text; ok && line < end;) {
        const char *eol = static_cast<const char *>(std::memchr(line, '\n', size_t(end - line)));
        if (!eol)
            eol = end;
        if (*line != '#') {
            ok = eol - line > 60 && std::strtoll(line, nullptr, 16) == offset;
            for (int i = 0; ok && i < 16; ++i) {
                const char *cell = line + 10 + i * 3 + (i >= 8 ? 1 : 0);
                if (*cell == ' ')
                    break;
                const auto byte = static_cast<unsigned char>(std::strtoul(QByteArray(cell, 2).constData(), nullptr, 16));
                ok = byte == benchPatternByte(quint64(offset));
                ++offset;
            }
        }
        line = eol + 1;
    }
    ::munmap(map, size_t(size));
    if (!ok || offset != bytes) {
        *error = QStringLiteral("the dump does not hold the pattern (wrong at or after byte %1 of %2)").arg(offset).arg(bytes);
        return false;
    }
    return true;
}

double ms(qint64 us)
{
    return double(us) / 1000.0;
}

double mibPerS(qint64 bytes, double us)
{
    return us > 0 ? double(bytes) / double(MiB) / (us / 1e6) : 0.0;
}

} // namespace

int main(int argc, char **argv)
{
    qint64 speedSize = 100 * MiB;
    QList<qint64> rssSizes{100 * MiB, 1024 * MiB};
    int pairs = 5;
    for (int i = 1; i < argc; ++i) {
        const QByteArray option(argv[i]);
        const QString value = i + 1 < argc ? QString::fromLocal8Bit(argv[i + 1]) : QString();
        bool ok = true;
        if (option == "--size") {
            const std::optional<qint64> size = parseSize(value);
            ok = size.has_value();
            speedSize = size.value_or(0);
        } else if (option == "--rss-sizes") {
            rssSizes.clear();
            for (const QString &text : value.split(u',')) {
                const std::optional<qint64> size = parseSize(text);
                ok = ok && size.has_value();
                rssSizes.append(size.value_or(0));
            }
            ok = ok && rssSizes.size() == 2;
        } else if (option == "--pairs") {
            pairs = value.toInt(&ok);
            ok = ok && pairs > 0;
        } else {
            ok = false;
        }
        if (!ok) {
            std::fprintf(stderr, "usage: bench_clistream [--size 100M] [--rss-sizes 100M,1G] [--pairs 5]\n");
            return 2;
        }
        ++i;
    }

    const int devNull = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
    std::printf("bench_clistream (%s build): socketlab-cli hexdump vs socat | xxd\n", BENCH_BUILD_TYPE);

    // The dump is right before it is timed.
    {
        constexpr qint64 CheckSize = 4 * MiB;
        Sender sender(CheckSize);
        const int dump = ::memfd_create("bench-clistream-dump", MFD_CLOEXEC);
        QString error;
        if (sender.port().isEmpty() || dump < 0 || !runCli(sender.port(), dump, devNull).ok
            || !dumpMatchesPattern(dump, CheckSize, &error)) {
            std::fprintf(stderr, "bench_clistream: the CLI's dump of %s is wrong: %s\n", sizeText(CheckSize).constData(),
                         qPrintable(error));
            return 1;
        }
        ::close(dump);
        std::printf("  dump of %s read back: every row holds the pattern at its offset\n", sizeText(CheckSize).constData());
    }

    // Speed: pairs on the same sender.
    QList<double> ratios;
    QList<qint64> cliUs, pipelineUs;
    qint64 pipelineRssKiB = 0;
    {
        Sender sender(speedSize);
        if (sender.port().isEmpty()) {
            std::fprintf(stderr, "bench_clistream: %s did not start\n", BENCH_SENDER);
            return 1;
        }
        for (int pair = 0; pair <= pairs; ++pair) {
            const bool cliFirst = pair % 2 == 0;
            Run cli, pipeline;
            if (cliFirst)
                cli = runCli(sender.port(), devNull, devNull);
            pipeline = runPipeline(sender.port(), devNull, devNull);
            if (!cliFirst)
                cli = runCli(sender.port(), devNull, devNull);
            if (!cli.ok || !pipeline.ok) {
                std::fprintf(stderr, "bench_clistream: %s failed\n", cli.ok ? "socat | xxd" : "socketlab-cli");
                return 1;
            }
            if (pair == 0)
                continue; // warm-up: page cache, CPU frequency
            cliUs.append(cli.wallUs);
            pipelineUs.append(pipeline.wallUs);
            pipelineRssKiB = qMax(pipelineRssKiB, pipeline.maxRssKiB);
            ratios.append(double(pipeline.wallUs) / double(qMax<qint64>(1, cli.wallUs)));
        }
    }
    const double cliMedian = median(cliUs);
    const double pipelineMedian = median(pipelineUs);
    const double ratio = median(ratios);
    std::printf("  %s hexdump, %d pairs, median wall time (fork to reaped):\n", sizeText(speedSize).constData(), pairs);
    std::printf("    socketlab-cli tcp 127.0.0.1 PORT      %8.1f ms  %7.1f MiB/s\n", ms(qint64(cliMedian)),
                mibPerS(speedSize, cliMedian));
    std::printf("    socat -u -b 65536 TCP:... STDOUT | xxd %8.1f ms  %7.1f MiB/s\n", ms(qint64(pipelineMedian)),
                mibPerS(speedSize, pipelineMedian));
    std::printf("  speed ratio (socat | xxd time / socketlab-cli time, median of pairs): %.2fx  [%s: at least 1.00x]\n",
                ratio, ratio >= 1.0 ? "PASS" : "FAIL");

    // Memory: one CLI run at each size; the largest peak of three, so a lucky run cannot hide growth.
    QList<qint64> peaks;
    for (const qint64 size : std::as_const(rssSizes)) {
        Sender sender(size);
        qint64 peak = 0;
        for (int run = 0; run < 3; ++run) {
            const Run cli = sender.port().isEmpty() ? Run{} : runCli(sender.port(), devNull, devNull);
            if (!cli.ok) {
                std::fprintf(stderr, "bench_clistream: socketlab-cli failed on %s\n", sizeText(size).constData());
                return 1;
            }
            peak = qMax(peak, cli.maxRssKiB);
        }
        peaks.append(peak);
        std::printf("  socketlab-cli peak RSS, %s hexdump: %.1f MiB\n", sizeText(size).constData(), double(peak) / 1024.0);
    }
    const double rssRatio = double(peaks.at(1)) / double(qMax<qint64>(1, peaks.at(0)));
    std::printf("  peak RSS ratio %s / %s: %.2fx  [%s: flat, at most 1.10x]\n", sizeText(rssSizes.at(1)).constData(),
                sizeText(rssSizes.at(0)).constData(), rssRatio, rssRatio <= 1.10 ? "PASS" : "FAIL");
    std::printf("  (socat | xxd peak RSS, the larger of the two: %.1f MiB)\n", double(pipelineRssKiB) / 1024.0);
    return 0;
}
