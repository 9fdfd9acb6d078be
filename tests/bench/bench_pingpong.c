/* bench_pingpong: a small request/response, both ends in plain C, to measure what a relay adds.
     bench_pingpong serve          listens on 127.0.0.1, port 0, prints the port on a line of its own,
                                   then serves connections one after the other until killed: sends
                                   back whatever it reads, as it reads it, until EOF.
     bench_pingpong PORT COUNT SIZE
                                   connects to 127.0.0.1:PORT and makes COUNT round trips of SIZE
                                   bytes (send them, read SIZE back, check them), then closes and
                                   prints "MEDIAN_NS MEAN_NS": one round trip's time, send() to the
                                   last byte back.
   Both ends set TCP_NODELAY, so neither waits on Nagle's algorithm; a relay in between does as it
   does. Blocking calls, nothing else on the thread: the ends cost the same whatever is between them. */

#define _GNU_SOURCE /* accept4 */

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static long long nowNs(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static void noDelay(int fd)
{
    const int on = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
}

static int sendAll(int fd, const unsigned char *data, size_t size)
{
    size_t done = 0;
    while (done < size) {
        const ssize_t n = send(fd, data + done, size - done, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return -1;
        done += (size_t)n;
    }
    return 0;
}

static int serve(void)
{
    const int listener = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    struct sockaddr_in address;
    memset(&address, 0, sizeof address);
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof address;
    if (listener < 0 || bind(listener, (struct sockaddr *)&address, sizeof address) != 0 || listen(listener, 16) != 0
        || getsockname(listener, (struct sockaddr *)&address, &len) != 0) {
        perror("bench_pingpong: listen");
        return 1;
    }
    printf("%u\n", (unsigned)ntohs(address.sin_port));
    fflush(stdout);
    for (;;) {
        const int fd = accept4(listener, NULL, NULL, SOCK_CLOEXEC);
        if (fd < 0) {
            if (errno == EINTR || errno == ECONNABORTED)
                continue;
            perror("bench_pingpong: accept");
            return 1;
        }
        noDelay(fd);
        unsigned char buffer[65536];
        for (;;) {
            const ssize_t n = recv(fd, buffer, sizeof buffer, 0);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0 || sendAll(fd, buffer, (size_t)n) != 0)
                break;
        }
        close(fd);
    }
}

static int compareNs(const void *a, const void *b)
{
    const long long x = *(const long long *)a, y = *(const long long *)b;
    return (x > y) - (x < y);
}

static int client(unsigned port, int count, size_t size)
{
    const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    struct sockaddr_in address;
    memset(&address, 0, sizeof address);
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons((unsigned short)port);
    if (fd < 0 || connect(fd, (struct sockaddr *)&address, sizeof address) != 0) {
        perror("bench_pingpong: connect");
        return 1;
    }
    noDelay(fd);
    unsigned char *request = malloc(size);
    unsigned char *reply = malloc(size);
    long long *times = malloc((size_t)count * sizeof *times);
    if (!request || !reply || !times) {
        perror("bench_pingpong: malloc");
        return 1;
    }
    for (int i = 0; i < count; ++i) {
        for (size_t k = 0; k < size; ++k)
            request[k] = (unsigned char)(i * 31 + (int)k);
        const long long start = nowNs();
        if (sendAll(fd, request, size) != 0) {
            perror("bench_pingpong: send");
            return 1;
        }
        size_t got = 0;
        while (got < size) {
            const ssize_t n = recv(fd, reply + got, size - got, 0);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0) {
                fprintf(stderr, "bench_pingpong: the reply to round trip %d ended after %zu bytes\n", i, got);
                return 1;
            }
            got += (size_t)n;
        }
        times[i] = nowNs() - start;
        if (memcmp(request, reply, size) != 0) {
            fprintf(stderr, "bench_pingpong: round trip %d came back changed\n", i);
            return 1;
        }
    }
    close(fd);
    long long total = 0;
    for (int i = 0; i < count; ++i)
        total += times[i];
    qsort(times, (size_t)count, sizeof *times, compareNs);
    const long long medianNs = count % 2 ? times[count / 2] : (times[count / 2 - 1] + times[count / 2]) / 2;
    printf("%lld %lld\n", medianNs, total / count);
    free(request);
    free(reply);
    free(times);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 2 && strcmp(argv[1], "serve") == 0)
        return serve();
    char *end1 = NULL, *end2 = NULL, *end3 = NULL;
    const unsigned long port = argc == 4 ? strtoul(argv[1], &end1, 10) : 0;
    const long count = argc == 4 ? strtol(argv[2], &end2, 10) : 0;
    const long size = argc == 4 ? strtol(argv[3], &end3, 10) : 0;
    if (argc != 4 || *end1 || *end2 || *end3 || port == 0 || port > 65535 || count < 1 || size < 1 || size > 65536) {
        fprintf(stderr, "usage: bench_pingpong serve | bench_pingpong PORT COUNT SIZE\n");
        return 2;
    }
    return client((unsigned)port, (int)count, (size_t)size);
}
