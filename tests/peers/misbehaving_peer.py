#!/usr/bin/env python3
"""A TCP peer that misbehaves on purpose, for SocketLab's tests. Loopback only.

Prints its port on the first line of stdout, then serves connections one at a time until killed
(or, with --once, after the first). The request bytes of each connection are appended to --record.
Independent of SocketLab's own code, so the core is not only checked against itself.
"""
import argparse
import socket
import sys
import time

NOTEBOOK_BODY = (
    b"<html><head><title>Vous Etes Perdu ?</title></head><body><h1>Perdu sur l'Internet ?</h1>"
    b"<h2>Pas de panique, on va vous aider</h2><strong><pre>    * <----- vous &ecirc;tes ici</pre>"
    b"</strong></body></html>\n"
)


def read_head(conn, limit=65536):
    """Reads up to the blank line ending a request head (or what arrives before the peer stops)."""
    data = b""
    conn.settimeout(5)
    try:
        while b"\r\n\r\n" not in data and b"\n\n" not in data and len(data) < limit:
            chunk = conn.recv(4096)
            if not chunk:
                break
            data += chunk
    except socket.timeout:
        pass
    return data


def response(status_and_headers, body=b""):
    return status_and_headers.replace(b"\n", b"\r\n") + b"\r\n" + body


def serve(mode, conn, args):
    if mode == "full-backlog":
        return
    request = read_head(conn) if mode not in ("greet", "silent") else b""
    if args.record:
        with open(args.record, "ab") as f:
            f.write(request)
    if mode == "notebook":
        conn.sendall(response(
            b"HTTP/1.1 200 OK\nServer: Apache\nUpgrade: h2\nConnection: Upgrade, close\n"
            b"Content-Length: %d\nContent-Type: text/html\n" % len(NOTEBOOK_BODY), NOTEBOOK_BODY))
    elif mode == "reset-after-data":
        conn.sendall(b"x" * args.bytes)
        time.sleep(0.1)
        # SO_LINGER with a zero timeout turns close() into a reset.
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
    elif mode == "never-close":
        conn.sendall(b"y" * args.bytes)
        time.sleep(args.hold)
    elif mode == "silent":
        time.sleep(args.hold)
    elif mode == "greet":
        conn.sendall(b"220 hello\r\n")
        time.sleep(args.hold)
    elif mode == "trickle":
        for i in range(args.bytes):
            conn.sendall(b"%c" % (ord("a") + i % 26))
            time.sleep(args.interval)
    elif mode == "endless":
        block = b"z" * 65536
        try:
            deadline = time.time() + args.hold
            while time.time() < deadline:
                conn.sendall(block)
        except OSError:
            pass
    elif mode == "pattern":
        # Byte i is i % 251: a long reply whose every offset can be checked.
        conn.sendall(bytes(i % 251 for i in range(args.bytes)))
    elif mode == "bad-chunk":
        conn.sendall(response(b"HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n", b"5\r\nhello\r\nzz\r\nbad\r\n0\r\n\r\n"))
        time.sleep(args.hold)
    elif mode == "dup-content-length":
        conn.sendall(response(b"HTTP/1.1 200 OK\nContent-Length: 5\nContent-Length: 7\n", b"hello!!"))
        time.sleep(args.hold)
    elif mode == "bare-lf":
        conn.sendall(b"HTTP/1.1 200 OK\nContent-Length: 5\n\nhello")
        time.sleep(args.hold)
    elif mode == "huge-headers":
        try:
            conn.sendall(b"HTTP/1.1 200 OK\r\nX-Big: " + b"a" * (1024 * 1024) + b"\r\n\r\n")
        except OSError:
            pass
        time.sleep(args.hold)
    elif mode == "chunked":
        conn.sendall(response(b"HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n",
                              b"4\r\nWiki\r\n5\r\npedia\r\n0\r\n\r\n"))
        time.sleep(args.hold)
    elif mode == "head":
        conn.sendall(response(b"HTTP/1.1 200 OK\nContent-Length: 1234\n"))
        time.sleep(args.hold)
    elif mode == "switch-protocols":
        # The new protocol's first frame comes in the same segment as the 101's head.
        conn.sendall(response(b"HTTP/1.1 101 Switching Protocols\nUpgrade: websocket\nConnection: Upgrade\n",
                              b"\x81\x05hello"))
        time.sleep(args.hold)
    elif mode == "connect-tunnel":
        # A proxy that opens the tunnel, then echoes what goes through it: the bytes that followed
        # the CONNECT's head come back in the same segment as the 200's head.
        end = request.find(b"\r\n\r\n")
        tunnelled = request[end + 4:] if end >= 0 else b""
        conn.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n" + tunnelled)
        conn.settimeout(args.hold)
        try:
            while True:
                chunk = conn.recv(4096)
                if not chunk:
                    break
                conn.sendall(chunk)
        except (socket.timeout, OSError):
            pass
    elif mode == "rtsp":
        # An extra CRLF first, as some servers send after a 1xx; then a reply of HTTP's shape.
        conn.sendall(b"\r\n" + response(b"RTSP/1.0 200 OK\nCSeq: 1\nPublic: DESCRIBE, SETUP, PLAY\nContent-Length: 5\n",
                                         b"hello"))
        time.sleep(args.hold)
    elif mode == "te-gzip":
        conn.sendall(response(b"HTTP/1.1 200 OK\nTransfer-Encoding: gzip\n", b"\x1f\x8b not really gzip"))
    elif mode == "truncated":
        conn.sendall(response(b"HTTP/1.1 200 OK\nContent-Length: 100\n", b"only twenty bytes..."))
    else:
        raise SystemExit("unknown mode " + mode)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("mode")
    parser.add_argument("--family", choices=["inet", "inet6"], default="inet")
    parser.add_argument("--bytes", type=int, default=1000)
    parser.add_argument("--interval", type=float, default=0.05)
    parser.add_argument("--hold", type=float, default=30.0)
    parser.add_argument("--record")
    parser.add_argument("--once", action="store_true")
    args = parser.parse_args()

    family = socket.AF_INET6 if args.family == "inet6" else socket.AF_INET
    server = socket.socket(family, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("::1" if family == socket.AF_INET6 else "127.0.0.1", 0))
    if args.mode == "full-backlog":
        # A listener that never accepts, its queue filled: the kernel drops further SYNs, so a
        # connect() to it waits, which is what a connect-timeout test needs without leaving loopback.
        server.listen(0)
        fillers = []
        for _ in range(4):
            s = socket.socket(family, socket.SOCK_STREAM)
            s.setblocking(False)
            try:
                s.connect(server.getsockname())
            except BlockingIOError:
                pass
            fillers.append(s)
        time.sleep(0.2)
    else:
        server.listen(8)
    print(server.getsockname()[1], flush=True)
    if args.mode == "full-backlog":
        time.sleep(args.hold)
        return
    while True:
        conn, _ = server.accept()
        try:
            serve(args.mode, conn, args)
        finally:
            conn.close()
        if args.once:
            break


if __name__ == "__main__":
    sys.exit(main())
