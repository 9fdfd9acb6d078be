#!/usr/bin/env python3
"""A TCP peer for the tests of the generated programs ("Show code"), independent of SocketLab. Loopback only.

Prints its port, then serves every connection the same way, each on a thread of its own, until killed.
The replies are the same bytes each time, so what SocketLab receives and what a generated program
receives can be compared byte for byte. Each mode reads the request head (up to its blank line) first.

Modes:
  close    HTTP/1.0 reply without Content-Length, in two pieces, then close: the body ends at the close
  length   a "100 Continue", then an HTTP/1.1 reply with Content-Length; 2 s later "too late", and close
  chunked  an HTTP/1.1 chunked reply (a chunk extension, a trailer), sent in pieces; then as length
  bytes    --bytes bytes counting 0..255 over and over; then as length
  idle     "first", 100 ms later "second", then 3 s of silence, then "late" and close
  late     reads nothing, says "late" 2 s after the connection, then closes
  connect  "200 Connection established" to a CONNECT, then the tunnel stays open; then as length
  gzip     Transfer-Encoding: gzip with a Content-Length: the body ends at the close, not the length
  list     "Content-Length: 5, 5": a length of 5; then as length
  badchunk a chunked reply whose size line is not hex; then as length
  204      a 204 with a Content-Length it must not follow; then as length
  304      a 304 with a Content-Length it must not follow; then as length
  huge     --bytes bytes of body in 16 KiB chunks; then as length
  slowread reads nothing for 1.5 s, then reads everything and closes once the client has shut down
"""
import argparse
import socket
import threading
import time

# How long a reply complete by its framing is followed by silence, and what comes after it: a client
# that reads past the framing receives it.
HOLD = 2.0
AFTER = b"too late\n"


def read_head(conn):
    data = b""
    conn.settimeout(5)
    try:
        while b"\r\n\r\n" not in data:
            chunk = conn.recv(4096)
            if not chunk:
                break
            data += chunk
    except OSError:
        pass
    conn.settimeout(None)


def pieces(conn, parts):
    for part in parts:
        conn.sendall(part)
        time.sleep(0.05)


def hold(conn, parts):
    pieces(conn, parts)
    time.sleep(HOLD)
    conn.sendall(AFTER)


def serve(mode, conn, size):
    try:
        if mode == "late":
            time.sleep(2)
            conn.sendall(b"late\n")
            return
        if mode == "slowread":
            time.sleep(1.5)
            total = 0
            while True:
                data = conn.recv(65536)
                if not data:
                    break
                total += len(data)
            conn.sendall(b"read %d\n" % total)
            return
        read_head(conn)
        if mode == "huge":
            chunk = b"4000\r\n" + b"y" * 16384 + b"\r\n"
            conn.sendall(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n")
            for _ in range(size // 16384):
                conn.sendall(chunk)
            hold(conn, [b"0\r\n\r\n"])
        elif mode == "connect":
            hold(conn, [b"HTTP/1.1 200 Connection established\r\n\r\n"])
        elif mode == "gzip":
            pieces(conn, [b"HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\nContent-Length: 5\r\n\r\nhello",
                          b" and more, up to the close\n"])
        elif mode == "list":
            hold(conn, [b"HTTP/1.1 200 OK\r\nContent-Length: 5, 5\r\n\r\n", b"hello"])
        elif mode == "badchunk":
            hold(conn, [b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", b"zz\r\nhello\r\n0\r\n\r\n"])
        elif mode in ("204", "304"):
            hold(conn, [b"HTTP/1.1 %s Nothing\r\nContent-Length: 10\r\n\r\n" % mode.encode()])
        elif mode == "close":
            pieces(conn, [b"HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nThe body ends ",
                          b"when the server closes.\n\x00\xff\r\n"])
        elif mode == "length":
            body = bytes(range(256)) * 4
            pieces(conn, [b"HTTP/1.1 100 Continue\r\n\r\n",
                          b"HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\n"
                          b"Content-Length: %d\r\n\r\n" % len(body) + body[:300], body[300:]])
            time.sleep(HOLD)
            conn.sendall(AFTER)
        elif mode == "chunked":
            pieces(conn, [b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n",
                          b"6;name=value\r\nHello \r\n", b"7\r\nchunks!\r\n",
                          b"0\r\nX-Trailer: yes\r\n", b"\r\n"])
            time.sleep(HOLD)
            conn.sendall(AFTER)
        elif mode == "bytes":
            block = bytes(range(256)) * 256
            conn.sendall((block * (size // len(block) + 1))[:size])
            time.sleep(HOLD)
            conn.sendall(AFTER)
        elif mode == "idle":
            pieces(conn, [b"first"])
            conn.sendall(b"second")
            time.sleep(3)
            conn.sendall(b"late")
    except OSError:
        pass
    finally:
        conn.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["close", "length", "chunked", "bytes", "idle", "late", "connect", "gzip",
                                         "list", "badchunk", "204", "304", "slowread", "huge"])
    parser.add_argument("--family", choices=["inet", "inet6"], default="inet")
    parser.add_argument("--bytes", type=int, default=100000)
    args = parser.parse_args()
    family = socket.AF_INET6 if args.family == "inet6" else socket.AF_INET
    server = socket.socket(family, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("::1" if family == socket.AF_INET6 else "127.0.0.1", 0))
    server.listen(16)
    print(server.getsockname()[1], flush=True)
    while True:
        conn, _ = server.accept()
        threading.Thread(target=serve, args=(args.mode, conn, args.bytes), daemon=True).start()


if __name__ == "__main__":
    main()
