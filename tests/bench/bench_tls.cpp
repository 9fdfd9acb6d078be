// bench_tls: SocketLab's TLS client against curl, both fetching from one loopback nginx speaking TLS 1.3,
// measured in the same run. A report, not a test: it prints the figures, their ratios and PASS/FAIL
// against the targets, and exits 0 whatever they are (1 only when a run itself went wrong).
//
//   cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release
//   cmake --build build-bench --target bench_tls
//   build-bench/tests/bench/bench_tls                 # 1 GiB, 5 pairs, 50 handshakes each
//   build-bench/tests/bench/bench_tls --size 256M     # quicker
//
// What it runs. A temporary nginx (the Debian package's binary) with a certificate signed by a test
// CA made here (testcertificates.h), TLS 1.3 only, serving a file of --size bytes (sparse: nginx reads
// it from the page cache, so the disk is not measured) and a 6-byte one. Then:
// - throughput: `socketlab-cli tcp 127.0.0.1 PORT --tls --ca-file CA --servername localhost --send
//   "GET /big ..." --until http --out /dev/null` against `curl --cacert CA -o /dev/null
//   https://localhost:PORT/big`, compared on process wall time (fork to reaped). After one warm-up pair
//   the two alternate, the one going first swapping each pair; the median of the pairs' ratios is the
//   figure (curl's time / SocketLab's: above 1, SocketLab is faster).
// - handshake: --handshakes new connections each, alternating, to the small file: SocketLab's JSON
//   `tls.handshake_ms` against curl's `time_appconnect - time_connect`; the ratio of the medians.
// nginx and both clients run pinned to one CPU (--cpu), as socketlab-bench does: unpinned loopback
// figures swing 2x on small shared machines.

#include "benchmeasure.h"
#include "nginxprocess.h"
#include "testcertificates.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <netinet/in.h>
#include <optional>
#include <tuple>
#include <sched.h>
#include <signal.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using namespace BenchMeasure;

namespace {

void pinTo(int cpu)
{
    if (cpu < 0)
        return;
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    sched_setaffinity(0, sizeof set, &set);
}

struct Outcome
{
    bool ok = false;
    qint64 wallUs = 0;   // fork to reaped
    QByteArray output;   // what it wrote on stdout
    QByteArray errors;   // and on stderr
};

// Runs a program pinned to cpu, to the end, keeping its stdout and stderr.
Outcome run(const QStringList &arguments, int cpu)
{
    Outcome outcome;
    int out[2];
    int err[2];
    if (::pipe(out) != 0 || ::pipe(err) != 0)
        return outcome;
    std::vector<QByteArray> storage;
    for (const QString &argument : arguments)
        storage.push_back(argument.toLocal8Bit());
    std::vector<char *> argv;
    for (QByteArray &argument : storage)
        argv.push_back(argument.data());
    argv.push_back(nullptr);

    const qint64 start = monotonicUs();
    const pid_t pid = ::fork();
    if (pid == 0) {
        pinTo(cpu);
        ::dup2(out[1], STDOUT_FILENO);
        ::dup2(err[1], STDERR_FILENO);
        ::close(out[0]);
        ::close(err[0]);
        ::execvp(argv[0], argv.data());
        _exit(127);
    }
    ::close(out[1]);
    ::close(err[1]);
    // Both pipes are drained as they fill, so a chatty child never blocks on a full one.
    for (bool outOpen = true, errOpen = true; outOpen || errOpen;) {
        fd_set readable;
        FD_ZERO(&readable);
        if (outOpen)
            FD_SET(out[0], &readable);
        if (errOpen)
            FD_SET(err[0], &readable);
        if (::select(std::max(out[0], err[0]) + 1, &readable, nullptr, nullptr, nullptr) < 0 && errno != EINTR)
            break;
        char buffer[65536];
        for (auto [fd, open, into] : {std::tuple{out[0], &outOpen, &outcome.output}, std::tuple{err[0], &errOpen, &outcome.errors}}) {
            if (*open && FD_ISSET(fd, &readable)) {
                const ssize_t n = ::read(fd, buffer, sizeof buffer);
                if (n > 0)
                    into->append(buffer, n);
                else if (n == 0 || errno != EINTR)
                    *open = false;
            }
        }
    }
    ::close(out[0]);
    ::close(err[0]);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    outcome.wallUs = monotonicUs() - start;
    outcome.ok = pid > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0;
    return outcome;
}

bool canConnect(quint16 port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const bool ok = ::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0;
    ::close(fd);
    return ok;
}

quint16 freePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    ::bind(fd, reinterpret_cast<sockaddr *>(&address), length);
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length);
    ::close(fd);
    return ntohs(address.sin_port);
}

// nginx in the foreground on a temporary configuration, every file it writes in dir; stopped with
// SIGTERM (its master then stops the worker) when this goes out of scope.
class Nginx
{
public:
    Nginx(const QString &binary, const QString &dir, quint16 port, const TestCertificates::Issued &cert, int cpu)
    {
        const QString configPath = writeNginxConfig(binary, dir,
                                                    "    default_type application/octet-stream;\n"
                                                    "    server {\n"
                                                    "        listen 127.0.0.1:" + QByteArray::number(port) + " ssl;\n"
                                                    "        ssl_protocols TLSv1.3;\n"
                                                    "        ssl_certificate " + cert.certPath.toUtf8() + ";\n"
                                                    "        ssl_certificate_key " + cert.keyPath.toUtf8() + ";\n"
                                                    "        root " + dir.toUtf8() + "/www;\n"
                                                    "    }\n");
        if (configPath.isEmpty())
            return;
        m_pid = ::fork();
        if (m_pid == 0) {
            pinTo(cpu);
            const QByteArray b = binary.toLocal8Bit();
            const QByteArray c = configPath.toLocal8Bit();
            const QByteArray e = (dir + QStringLiteral("/error.log")).toLocal8Bit();
            ::execl(b.constData(), b.constData(), "-c", c.constData(), "-e", e.constData(), "-g", "daemon off;", nullptr);
            _exit(127);
        }
        for (int i = 0; i < 500 && m_pid > 0; ++i) {
            if (canConnect(port)) {
                m_listening = true;
                return;
            }
            ::usleep(20000);
        }
    }
    ~Nginx()
    {
        if (m_pid <= 0)
            return;
        ::kill(m_pid, SIGTERM);
        int status = 0;
        ::waitpid(m_pid, &status, 0);
    }
    Nginx(const Nginx &) = delete;
    Nginx &operator=(const Nginx &) = delete;

    bool listening() const { return m_listening; }

private:
    pid_t m_pid = -1;
    bool m_listening = false;
};

void fail(const QString &what, const Outcome &outcome = {})
{
    std::fprintf(stderr, "bench_tls: %s\n%s%s", qPrintable(what), outcome.output.left(2000).constData(),
                 outcome.errors.left(2000).constData());
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    // Each line as it is printed, so a long run shows its progress and stays in order with stderr.
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("SocketLab's TLS client against curl, on one loopback nginx."));
    parser.addHelpOption();
    const QCommandLineOption sizeOption(QStringLiteral("size"), QStringLiteral("Bytes served for the throughput runs (default 1G)."),
                                        QStringLiteral("SIZE"), QStringLiteral("1G"));
    const QCommandLineOption pairsOption(QStringLiteral("pairs"), QStringLiteral("Measured throughput pairs (default 5)."),
                                         QStringLiteral("N"), QStringLiteral("5"));
    const QCommandLineOption handshakesOption(QStringLiteral("handshakes"),
                                              QStringLiteral("New connections each for the handshake time (default 50)."),
                                              QStringLiteral("N"), QStringLiteral("50"));
    const QCommandLineOption cliOption(QStringLiteral("cli"), QStringLiteral("The socketlab-cli to measure."),
                                       QStringLiteral("PATH"), QStringLiteral(SOCKETLAB_CLI));
    const QCommandLineOption cpuOption(QStringLiteral("cpu"), QStringLiteral("The CPU nginx and the clients run on; -1: any (default 1)."),
                                       QStringLiteral("CPU"), QStringLiteral("1"));
    parser.addOptions({sizeOption, pairsOption, handshakesOption, cliOption, cpuOption});
    parser.process(app);

    const std::optional<qint64> size = parseSize(parser.value(sizeOption));
    const int pairs = parser.value(pairsOption).toInt();
    const int handshakes = parser.value(handshakesOption).toInt();
    const int cpu = parser.value(cpuOption).toInt();
    const QString cli = parser.value(cliOption);
    if (!size || pairs < 1 || handshakes < 1) {
        fail(QStringLiteral("--size, --pairs and --handshakes take positive numbers"));
        return 1;
    }
    const Outcome help = run({cli, QStringLiteral("tcp"), QStringLiteral("--help")}, -1);
    if (!help.output.contains("--tls") || !help.output.contains("--ca-file") || !help.output.contains("--servername")) {
        fail(QStringLiteral("%1 has no --tls, --ca-file or --servername: nothing to measure").arg(cli), help);
        return 1;
    }

    QTemporaryDir dir;
    if (!dir.isValid() || !QDir(dir.path()).mkpath(QStringLiteral("www"))) {
        fail(QStringLiteral("cannot make a temporary folder"));
        return 1;
    }
    TestCertificates certificates(dir.path());
    const QString ca = certificates.ca().certPath;
    const TestCertificates::Issued server = certificates.signedByCa(QStringLiteral("server"));
    QFile big(dir.filePath(QStringLiteral("www/big")));
    QFile small(dir.filePath(QStringLiteral("www/small")));
    if (!big.open(QIODevice::WriteOnly) || !big.resize(*size) || !small.open(QIODevice::WriteOnly) || small.write("hello\n") != 6) {
        fail(QStringLiteral("cannot write the files nginx serves"));
        return 1;
    }
    big.close();
    small.close();

    const quint16 port = freePort();
    Nginx nginx(QStringLiteral("/usr/sbin/nginx"), dir.path(), port, server, cpu);
    if (!nginx.listening()) {
        fail(QStringLiteral("nginx did not start (is the nginx package installed?)"));
        return 1;
    }
    const QString portText = QString::number(port);
    const QString url = QStringLiteral("https://localhost:%1/").arg(port);
    auto socketlab = [&](const QString &path, bool json) {
        QStringList arguments{cli, QStringLiteral("tcp"), QStringLiteral("127.0.0.1"), portText, QStringLiteral("--tls"),
                              QStringLiteral("--ca-file"), ca, QStringLiteral("--servername"), QStringLiteral("localhost"),
                              QStringLiteral("--send"),
                              QStringLiteral("GET /%1 HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n").arg(path),
                              QStringLiteral("--until"), QStringLiteral("http"), QStringLiteral("--format"), QStringLiteral("json")};
        if (!json)
            arguments << QStringLiteral("--out") << QStringLiteral("/dev/null");
        return run(arguments, cpu);
    };
    auto curl = [&](const QString &path) {
        return run({QStringLiteral("curl"), QStringLiteral("-sS"), QStringLiteral("--fail"), QStringLiteral("--cacert"), ca,
                    QStringLiteral("-o"), QStringLiteral("/dev/null"), QStringLiteral("-w"),
                    QStringLiteral("%{size_download} %{time_connect} %{time_appconnect}"), url + path},
                   cpu);
    };
    auto received = [](const Outcome &outcome) {
        return QJsonDocument::fromJson(outcome.output).object().value(QStringLiteral("received_bytes")).toInteger(-1);
    };

    std::printf("bench_tls: nginx TLS 1.3 on 127.0.0.1:%u, %lld MiB, %d pairs, %d handshakes each, CPU %d\n",
                unsigned(port), *size / MiB, pairs, handshakes, cpu);
    std::printf("socketlab-cli: %s\n", qPrintable(cli));

    // Throughput. The reply is the headers plus the file: at least size bytes each.
    QList<double> ratios;
    QList<double> socketlabRates;
    QList<double> curlRates;
    for (int pair = 0; pair <= pairs; ++pair) {
        Outcome ours;
        Outcome theirs;
        if (pair % 2 == 0) {
            ours = socketlab(QStringLiteral("big"), false);
            theirs = curl(QStringLiteral("big"));
        } else {
            theirs = curl(QStringLiteral("big"));
            ours = socketlab(QStringLiteral("big"), false);
        }
        if (!ours.ok || received(ours) < *size) {
            fail(QStringLiteral("socketlab-cli failed or came back short"), ours);
            return 1;
        }
        if (!theirs.ok || theirs.output.split(' ').value(0).toLongLong() != *size) {
            fail(QStringLiteral("curl failed or came back short"), theirs);
            return 1;
        }
        const double oursRate = double(*size) / double(ours.wallUs);  // bytes per µs = MB/s
        const double theirsRate = double(*size) / double(theirs.wallUs);
        const bool warmUp = pair == 0;
        std::printf("  %s %d: socketlab %.0f MB/s (%.2f s), curl %.0f MB/s (%.2f s), ratio %.2f\n",
                    warmUp ? "warm-up" : "pair", pair, oursRate, ours.wallUs / 1e6, theirsRate, theirs.wallUs / 1e6,
                    oursRate / theirsRate);
        if (warmUp)
            continue;
        ratios.append(oursRate / theirsRate);
        socketlabRates.append(oursRate);
        curlRates.append(theirsRate);
    }
    const double throughput = median(ratios);
    std::printf("throughput: socketlab %.0f MB/s, curl %.0f MB/s (medians): ratio %.2fx (pairs %.2f-%.2f), target >= 0.8x: %s\n",
                median(socketlabRates), median(curlRates), throughput, *std::min_element(ratios.begin(), ratios.end()),
                *std::max_element(ratios.begin(), ratios.end()), throughput >= 0.8 ? "PASS" : "FAIL");

    // Handshake time, alternating one new connection each.
    QList<double> oursMs;
    QList<double> theirsMs;
    for (int i = 0; i < handshakes; ++i) {
        for (int turn = 0; turn < 2; ++turn) {
            if ((turn == 0) == (i % 2 == 0)) {
                const Outcome ours = socketlab(QStringLiteral("small"), true);
                const QJsonValue tls = QJsonDocument::fromJson(ours.output).object().value(QStringLiteral("tls"));
                const QJsonValue ms = tls.toObject().value(QStringLiteral("handshake_ms"));
                if (!ours.ok || !ms.isDouble()) {
                    fail(QStringLiteral("socketlab-cli gave no tls.handshake_ms"), ours);
                    return 1;
                }
                oursMs.append(ms.toDouble());
            } else {
                const Outcome theirs = curl(QStringLiteral("small"));
                const QList<QByteArray> fields = theirs.output.split(' ');
                if (!theirs.ok || fields.size() != 3) {
                    fail(QStringLiteral("curl failed"), theirs);
                    return 1;
                }
                theirsMs.append((fields[2].toDouble() - fields[1].toDouble()) * 1000.0);
            }
        }
    }
    const double handshake = median(oursMs) / median(theirsMs);
    std::printf("handshake: socketlab %.2f ms, curl %.2f ms (medians of %d): ratio %.2fx, target <= 1.5x: %s\n",
                median(oursMs), median(theirsMs), handshakes, handshake, handshake <= 1.5 ? "PASS" : "FAIL");
    return 0;
}
