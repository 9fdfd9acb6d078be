/* bench_recvloop PORT [keep]: the baselines. Connects to 127.0.0.1:PORT and recv()s 64 KiB at a time
   until EOF, into a stack buffer that is overwritten each time, or with "keep" into a malloc'ed buffer
   that doubles when full, keeping every byte. Prints "BYTES MICROSECONDS" (socket() to close()). */

#include "pattern.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

enum { RecvSize = 64 * 1024 };

static long long nowUs(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static int connectLoopback(unsigned port)
{
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in address;
    memset(&address, 0, sizeof address);
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons((unsigned short)port);
    if (fd < 0 || connect(fd, (struct sockaddr *)&address, sizeof address) != 0) {
        perror("bench_recvloop: connect");
        return -1;
    }
    return fd;
}

/* The notebooks' loop: recv() until it returns 0, the bytes dropped. */
static long long receiveAndDrop(int fd)
{
    char buffer[RecvSize];
    long long total = 0;
    for (;;) {
        const ssize_t n = recv(fd, buffer, sizeof buffer, 0);
        if (n == 0)
            return total;
        if (n < 0) {
            if (errno == EINTR)
                continue;
            perror("bench_recvloop: recv");
            return -1;
        }
        total += n;
    }
}

/* The same loop keeping every byte, the way a C program without a chunked store would. */
static long long receiveAndKeep(int fd, unsigned char **kept)
{
    size_t capacity = RecvSize;
    size_t total = 0;
    unsigned char *buffer = malloc(capacity);
    for (;;) {
        if (buffer && capacity - total < RecvSize) {
            unsigned char *grown = realloc(buffer, capacity * 2);
            if (!grown)
                free(buffer);
            buffer = grown;
            capacity *= 2;
        }
        if (!buffer) {
            perror("bench_recvloop: malloc");
            return -1;
        }
        const ssize_t n = recv(fd, buffer + total, RecvSize, 0);
        if (n == 0) {
            *kept = buffer;
            return (long long)total;
        }
        if (n < 0) {
            if (errno == EINTR)
                continue;
            perror("bench_recvloop: recv");
            free(buffer);
            return -1;
        }
        total += (size_t)n;
    }
}

int main(int argc, char **argv)
{
    const int keep = argc == 3 && strcmp(argv[2], "keep") == 0;
    char *end = NULL;
    const unsigned long port = argc >= 2 ? strtoul(argv[1], &end, 10) : 0;
    if (argc < 2 || argc > 3 || (argc == 3 && !keep) || *end != '\0' || port == 0 || port > 65535) {
        fprintf(stderr, "usage: bench_recvloop PORT [keep]\n");
        return 2;
    }

    unsigned char *kept = NULL;
    const long long start = nowUs();
    const int fd = connectLoopback((unsigned)port);
    if (fd < 0)
        return 1;
    const long long total = keep ? receiveAndKeep(fd, &kept) : receiveAndDrop(fd);
    close(fd);
    const long long elapsed = nowUs() - start;
    if (total < 0)
        return 1;

    for (int k = 0; kept && total > 0 && k < BENCH_SPOT_COUNT; ++k) {
        const uint64_t at = benchSpotOffset(k, (uint64_t)total);
        if (kept[at] != benchPatternByte(at)) {
            fprintf(stderr, "bench_recvloop: byte %llu is %u, expected %u\n", (unsigned long long)at, kept[at],
                    benchPatternByte(at));
            return 1;
        }
    }
    free(kept);
    printf("%lld %lld\n", total, elapsed);
    return 0;
}
