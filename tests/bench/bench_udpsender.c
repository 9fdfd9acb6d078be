/* bench_udpsender PORT COUNT [SIZE]: fires COUNT datagrams of SIZE bytes (default 64) at 127.0.0.1:PORT
   as fast as it can, sendmmsg() in batches of 64, then prints one line:
     sent=N ns=T
   N the datagrams the kernel took (a full receive buffer drops them silently on loopback, it does
   not refuse them), T the CLOCK_MONOTONIC nanoseconds from the first call to the last. Plain C,
   unconnected (an ICMP error from a closed port must not stop it), nothing else on its thread:
   the sender costs the same whoever receives. */

#define _GNU_SOURCE /* sendmmsg */

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

enum { Batch = 64, MaxSize = 65507 };

static long long nowNs(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

int main(int argc, char **argv)
{
    if (argc < 3 || argc > 4) {
        fprintf(stderr, "usage: bench_udpsender PORT COUNT [SIZE]\n");
        return 2;
    }
    const long port = strtol(argv[1], NULL, 10);
    const long long count = strtoll(argv[2], NULL, 10);
    const long size = argc == 4 ? strtol(argv[3], NULL, 10) : 64;
    if (port <= 0 || port > 65535 || count <= 0 || size < 0 || size > MaxSize) {
        fprintf(stderr, "bench_udpsender: bad arguments\n");
        return 2;
    }
    const int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        perror("bench_udpsender: socket");
        return 1;
    }
    struct sockaddr_in to;
    memset(&to, 0, sizeof to);
    to.sin_family = AF_INET;
    to.sin_port = htons((unsigned short)port);
    to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    static unsigned char payload[MaxSize];
    for (long i = 0; i < size; ++i)
        payload[i] = (unsigned char)('a' + i % 26);
    struct iovec iov[Batch];
    struct mmsghdr messages[Batch];
    memset(messages, 0, sizeof messages);
    for (int i = 0; i < Batch; ++i) {
        iov[i].iov_base = payload;
        iov[i].iov_len = (size_t)size;
        messages[i].msg_hdr.msg_name = &to;
        messages[i].msg_hdr.msg_namelen = sizeof to;
        messages[i].msg_hdr.msg_iov = &iov[i];
        messages[i].msg_hdr.msg_iovlen = 1;
    }
    long long sent = 0;
    const long long start = nowNs();
    while (sent < count) {
        const unsigned int batch = count - sent < Batch ? (unsigned int)(count - sent) : Batch;
        const int n = sendmmsg(fd, messages, batch, 0);
        if (n < 0) {
            /* A loopback send buffer briefly short of room: try again, as a flood would. */
            if (errno == EINTR || errno == ENOBUFS || errno == EAGAIN)
                continue;
            perror("bench_udpsender: sendmmsg");
            break;
        }
        sent += n;
    }
    const long long end = nowNs();
    close(fd);
    printf("sent=%lld ns=%lld\n", sent, end - start);
    return sent == count ? 0 : 1;
}
