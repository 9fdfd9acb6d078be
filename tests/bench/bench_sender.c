/* bench_sender N: listens on 127.0.0.1, port 0, prints the port on a line of its own, then for each
   connection sends exactly N bytes of the benchmark pattern and closes. Serves connections one after
   the other until killed. Plain C so the sending side costs the same whoever receives. */

#define _GNU_SOURCE /* accept4 */

#include "pattern.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static int sendAll(int fd, const unsigned char *pattern, long long total)
{
    long long sent = 0;
    while (sent < total) {
        const size_t at = (size_t)(sent % BENCH_PATTERN_SIZE);
        size_t len = BENCH_PATTERN_SIZE - at;
        if ((long long)len > total - sent)
            len = (size_t)(total - sent);
        const ssize_t n = send(fd, pattern + at, len, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            perror("bench_sender: send");
            return -1;
        }
        sent += n;
    }
    return 0;
}

/* Reading until the receiver closes, rather than closing at once, keeps unread request bytes from
   turning our close() into a reset that could discard the end of the transfer. */
static void drainUntilClosed(int fd)
{
    char scrap[4096];
    for (;;) {
        const ssize_t n = recv(fd, scrap, sizeof scrap, 0);
        if (n > 0 || (n < 0 && errno == EINTR))
            continue;
        return;
    }
}

static void serve(int fd, const unsigned char *pattern, long long total)
{
    char request[4096];
    while (recv(fd, request, sizeof request, MSG_DONTWAIT) > 0) {
    }
    if (sendAll(fd, pattern, total) == 0 && shutdown(fd, SHUT_WR) == 0)
        drainUntilClosed(fd);
    close(fd);
}

int main(int argc, char **argv)
{
    char *end = NULL;
    const long long total = argc == 2 ? strtoll(argv[1], &end, 10) : -1;
    if (argc != 2 || *end != '\0' || total < 0) {
        fprintf(stderr, "usage: bench_sender BYTES\n");
        return 2;
    }

    static unsigned char pattern[BENCH_PATTERN_SIZE];
    for (size_t i = 0; i < sizeof pattern; ++i)
        pattern[i] = benchPatternByte(i);

    const int listener = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    struct sockaddr_in address;
    memset(&address, 0, sizeof address);
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof address;
    if (listener < 0 || bind(listener, (struct sockaddr *)&address, sizeof address) != 0 || listen(listener, 16) != 0
        || getsockname(listener, (struct sockaddr *)&address, &len) != 0) {
        perror("bench_sender: listen");
        return 1;
    }
    printf("%u\n", (unsigned)ntohs(address.sin_port));
    fflush(stdout);

    for (;;) {
        const int fd = accept4(listener, NULL, NULL, SOCK_CLOEXEC);
        if (fd < 0) {
            if (errno == EINTR || errno == ECONNABORTED)
                continue;
            perror("bench_sender: accept");
            return 1;
        }
        serve(fd, pattern, total);
    }
}
