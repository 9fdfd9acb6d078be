/* bench_pusher SECONDS [SIZE]: a chat peer that talks without being asked. Listens on 127.0.0.1,
   port 0, prints the port on a line of its own; then, for each connection, one after the other,
   writes SIZE-byte messages (default 100, see chatmessage.h), one send() call each, as fast as the
   socket takes them, for SECONDS; then shutdown(SHUT_WR), reads until the receiver closes, closes,
   and prints one line:
     bytes=B messages=M accepted_ns=A pushed_ns=P receiver_closed_ns=C
   B every byte it wrote, M its messages, and CLOCK_MONOTONIC times: the connection accepted, the
   last send() returned, the receiver's close read. Plain C, blocking calls, nothing else on its
   thread: the peer costs the same whoever receives. */

#define _GNU_SOURCE /* accept4 */

#include "chatmessage.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

enum { MaxMessage = 65536 };

static long long nowNs(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* One message, its partial writes (a signal) finished by further calls. */
static int sendMessage(int fd, const unsigned char *message, size_t size, long long *bytes)
{
    size_t done = 0;
    while (done < size) {
        const ssize_t n = send(fd, message + done, size - done, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        done += (size_t)n;
        *bytes += n;
    }
    return 0;
}

static void serve(int fd, long long durationNs, size_t size)
{
    static unsigned char message[MaxMessage];
    const long long accepted = nowNs();
    const long long until = accepted + durationNs;
    long long bytes = 0;
    long long messages = 0;
    long long pushed = accepted;
    int failed = 0;
    while (pushed < until) {
        benchMessage((uint64_t)messages, message, size);
        if (sendMessage(fd, message, size, &bytes) != 0) {
            perror("bench_pusher: send");
            failed = 1;
            break;
        }
        ++messages;
        pushed = nowNs();
    }
    long long closed = -1;
    /* Reading until the receiver closes, rather than closing at once, says when it had everything, and
       keeps anything it sent from turning our close() into a reset. */
    if (!failed && shutdown(fd, SHUT_WR) == 0) {
        char scrap[4096];
        for (;;) {
            const ssize_t n = recv(fd, scrap, sizeof scrap, 0);
            if (n > 0 || (n < 0 && errno == EINTR))
                continue;
            if (n == 0)
                closed = nowNs();
            break;
        }
    }
    close(fd);
    printf("bytes=%lld messages=%lld accepted_ns=%lld pushed_ns=%lld receiver_closed_ns=%lld\n", bytes, messages,
           accepted, pushed, closed);
    fflush(stdout);
}

int main(int argc, char **argv)
{
    char *end = NULL;
    const double seconds = argc >= 2 ? strtod(argv[1], &end) : -1.0;
    const int secondsOk = argc >= 2 && *end == '\0' && seconds > 0.0 && seconds <= 3600.0;
    const long size = argc == 3 ? strtol(argv[2], &end, 10) : 100;
    if (!secondsOk || argc > 3 || (argc == 3 && *end != '\0') || size < 12 || size > MaxMessage) {
        fprintf(stderr, "usage: bench_pusher SECONDS [SIZE]   (0 < SECONDS <= 3600, 12 <= SIZE <= %d)\n", MaxMessage);
        return 2;
    }

    const int listener = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    struct sockaddr_in address;
    memset(&address, 0, sizeof address);
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof address;
    if (listener < 0 || bind(listener, (struct sockaddr *)&address, sizeof address) != 0 || listen(listener, 16) != 0
        || getsockname(listener, (struct sockaddr *)&address, &len) != 0) {
        perror("bench_pusher: listen");
        return 1;
    }
    printf("%u\n", (unsigned)ntohs(address.sin_port));
    fflush(stdout);

    for (;;) {
        const int fd = accept4(listener, NULL, NULL, SOCK_CLOEXEC);
        if (fd < 0) {
            if (errno == EINTR || errno == ECONNABORTED)
                continue;
            perror("bench_pusher: accept");
            return 1;
        }
        serve(fd, (long long)(seconds * 1e9), (size_t)size);
    }
}
