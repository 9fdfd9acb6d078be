/* bench_recvmmsg RCVBUF [IDLE_MS]: the baseline UDP receiver. Binds 127.0.0.1, port 0, sets SO_RCVBUF
   to RCVBUF bytes (0: the system's default), prints the port on a line of its own, then reads with
   recvmmsg() in batches of 64 until no datagram came for IDLE_MS (default 500) after the first one,
   and prints one line:
     received=N dropped=D rcvbuf=B
   N the datagrams read, D the kernel's count of the datagrams it dropped on the socket
   (SK_MEMINFO_DROPS of SO_MEMINFO), B the SO_RCVBUF getsockopt() gives. Plain C, nothing kept: the
   most a receiver on this machine takes from the same sender. */

#define _GNU_SOURCE /* recvmmsg */

#include <arpa/inet.h>
#include <errno.h>
#include <linux/sock_diag.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#ifndef SO_MEMINFO
#define SO_MEMINFO 55
#endif

enum { Batch = 64, Room = 65536 };

int main(int argc, char **argv)
{
    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: bench_recvmmsg RCVBUF [IDLE_MS]\n");
        return 2;
    }
    const int rcvbuf = atoi(argv[1]);
    const int idleMs = argc == 3 ? atoi(argv[2]) : 500;
    const int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        perror("bench_recvmmsg: socket");
        return 1;
    }
    if (rcvbuf > 0 && setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof rcvbuf) != 0) {
        perror("bench_recvmmsg: setsockopt SO_RCVBUF");
        return 1;
    }
    struct sockaddr_in address;
    memset(&address, 0, sizeof address);
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (bind(fd, (struct sockaddr *)&address, sizeof address) != 0
        || getsockname(fd, (struct sockaddr *)&address, &length) != 0) {
        perror("bench_recvmmsg: bind");
        return 1;
    }
    printf("%u\n", ntohs(address.sin_port));
    fflush(stdout);

    static char buffers[Batch][Room];
    struct iovec iov[Batch];
    struct mmsghdr messages[Batch];
    long long received = 0;
    for (;;) {
        struct pollfd pfd = {fd, POLLIN, 0};
        /* Waits as long as it takes for the first datagram, then IDLE_MS of silence ends the run. */
        const int rc = poll(&pfd, 1, received == 0 ? 60000 : idleMs);
        if (rc < 0 && errno == EINTR)
            continue;
        if (rc <= 0)
            break;
        for (int i = 0; i < Batch; ++i) {
            iov[i].iov_base = buffers[i];
            iov[i].iov_len = Room;
            memset(&messages[i].msg_hdr, 0, sizeof messages[i].msg_hdr);
            messages[i].msg_hdr.msg_iov = &iov[i];
            messages[i].msg_hdr.msg_iovlen = 1;
        }
        const int n = recvmmsg(fd, messages, Batch, MSG_DONTWAIT, NULL);
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN)
                continue;
            perror("bench_recvmmsg: recvmmsg");
            return 1;
        }
        received += n;
    }
    unsigned int meminfo[SK_MEMINFO_VARS];
    socklen_t size = sizeof meminfo;
    long long dropped = -1;
    if (getsockopt(fd, SOL_SOCKET, SO_MEMINFO, meminfo, &size) == 0 && size > SK_MEMINFO_DROPS * sizeof(unsigned int))
        dropped = meminfo[SK_MEMINFO_DROPS];
    int effective = 0;
    length = sizeof effective;
    getsockopt(fd, SOL_SOCKET, SO_RCVBUF, &effective, &length);
    printf("received=%lld dropped=%lld rcvbuf=%d\n", received, dropped, effective);
    close(fd);
    return 0;
}
