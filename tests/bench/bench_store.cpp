// bench_store PORT BYTES: one TcpExchange from 127.0.0.1:PORT into a ByteStore until the peer closes,
// as the window runs it. Checks that exactly BYTES came and that a few of them are the sender's
// pattern, then prints "BYTES MICROSECONDS" (the exchange's run(), resolution to close()).

#include "pattern.h"

#include "bytes/bytestore.h"
#include "exchange/tcpexchange.h"
#include "net/canceltoken.h"
#include "net/trace.h"

#include <QElapsedTimer>

#include <cstdio>
#include <cstdlib>

using namespace SocketLab;

int main(int argc, char *argv[])
{
    char *portEnd = nullptr;
    char *bytesEnd = nullptr;
    const unsigned long port = argc == 3 ? std::strtoul(argv[1], &portEnd, 10) : 0;
    const long long expected = argc == 3 ? std::strtoll(argv[2], &bytesEnd, 10) : -1;
    if (argc != 3 || *portEnd != '\0' || *bytesEnd != '\0' || port == 0 || port > 65535 || expected < 0) {
        std::fprintf(stderr, "usage: bench_store PORT BYTES\n");
        return 2;
    }

    TcpRequest request;
    request.host = QStringLiteral("127.0.0.1");
    request.service = QString::number(port);
    ByteStore store;
    Trace trace;
    CancelToken cancel;
    TcpExchange exchange(request, store, trace, cancel);

    QElapsedTimer timer;
    timer.start();
    const TcpResult result = exchange.run();
    const qint64 elapsedUs = timer.nsecsElapsed() / 1000;

    if (result.error.isError() || result.stop.reason != StopReason::PeerClosed) {
        std::fprintf(stderr, "bench_store: the exchange failed (%s in %s)\n", qPrintable(result.error.codeName()),
                     qPrintable(result.error.call));
        return 1;
    }
    if (result.receivedBytes != expected || store.size() != expected) {
        std::fprintf(stderr, "bench_store: received %lld bytes, expected %lld\n",
                     static_cast<long long>(result.receivedBytes), expected);
        return 1;
    }
    for (int k = 0; expected > 0 && k < BENCH_SPOT_COUNT; ++k) {
        const auto at = benchSpotOffset(k, uint64_t(expected));
        const QByteArray byte = store.read(qint64(at), 1);
        if (byte.size() != 1 || static_cast<unsigned char>(byte.at(0)) != benchPatternByte(at)) {
            std::fprintf(stderr, "bench_store: byte %llu differs from the pattern\n",
                         static_cast<unsigned long long>(at));
            return 1;
        }
    }
    std::printf("%lld %lld\n", static_cast<long long>(result.receivedBytes), static_cast<long long>(elapsedUs));
    return 0;
}
