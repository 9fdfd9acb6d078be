#!/usr/bin/env python3
"""A line-based chat peer for SocketLab's conversation tests, independent of SocketLab. Loopback only.

Prints its port, then serves every client on a thread of its own until killed. Each client is
greeted with b"HELLO chat\\n" at once, before it sends anything. Then, by mode:
  echo   answers each line L (a CR before its LF kept) with b"ECHO L\\n"; a line "TWICE" is answered
         in two send() calls 500 ms apart (a reader slowed by a sanitizer on a loaded machine must
         still see two recv()); when the client half-closes, says b"BYE <lines>\\n" and closes
  push   also sends b"TICK i\\n" for i in 1..--ticks, every --interval ms, while the client is silent,
         then behaves as echo
  reset  answers the first line as echo does, then resets the connection (SO_LINGER 0, then close)
  flood  sends b"TICK i\n" every --interval ms for ever and never reads: a client that writes more
         than the buffers hold must go on reading all the same; ends when a send fails
  bytes  sends back each recv()'s bytes as they are, in the same thread: while a client does not
         read, this peer does not either; at the client's FIN says b"GOT <bytes>\n" and closes.
         With --wait, reads nothing for that many ms after the greeting
  udp    a UDP socket: each datagram D is answered with b"ECHO " + D, to its sender
With --cert and --key, the TCP modes speak TLS (Python's ssl module) with that certificate.
"""
import argparse
import socket
import ssl
import struct
import threading
import time


def lines_of(conn):
    """Yields each line (without its LF) the client sends; returns at the client's FIN."""
    buffer = b""
    while True:
        data = conn.recv(4096)
        if not data:
            return
        buffer += data
        while b"\n" in buffer:
            line, buffer = buffer.split(b"\n", 1)
            yield line


def flood(conn, args):
    i = 0
    while True:
        i += 1
        time.sleep(args.interval / 1000.0)
        conn.sendall(b"TICK %d\n" % i)


def echo_bytes(conn, args):
    time.sleep(args.wait / 1000.0)
    count = 0
    while True:
        data = conn.recv(65536)
        if not data:
            break
        count += len(data)
        conn.sendall(data)
    conn.sendall(b"GOT %d\n" % count)
    conn.close()


def serve(conn, args):
    try:
        conn.sendall(b"HELLO chat\n")
        if args.mode == "flood":
            flood(conn, args)
            return
        if args.mode == "bytes":
            echo_bytes(conn, args)
            return
        if args.mode == "push":
            for i in range(1, args.ticks + 1):
                time.sleep(args.interval / 1000.0)
                conn.sendall(b"TICK %d\n" % i)
        count = 0
        for line in lines_of(conn):
            count += 1
            if line == b"TWICE":
                conn.sendall(b"ONE\n")
                time.sleep(0.5)
                conn.sendall(b"TWO\n")
            else:
                conn.sendall(b"ECHO " + line + b"\n")
            if args.mode == "reset":
                # The reply must be read before the RST comes: a reset discards what the client's
                # kernel has not handed over yet.
                time.sleep(0.2)
                conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                conn.close()
                return
        conn.sendall(b"BYE %d\n" % count)
        conn.close()
    except OSError:
        conn.close()


def serve_client(conn, context, args):
    if context is not None:
        try:
            conn.settimeout(10)
            conn = context.wrap_socket(conn, server_side=True)
            conn.settimeout(None)
        except (ssl.SSLError, OSError):
            conn.close()
            return
    serve(conn, args)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["echo", "push", "reset", "flood", "bytes", "udp"])
    parser.add_argument("--ticks", type=int, default=3)
    parser.add_argument("--interval", type=float, default=100)  # ms; 0.2 is a stream of small sends
    parser.add_argument("--wait", type=int, default=0)
    parser.add_argument("--cert")
    parser.add_argument("--key")
    args = parser.parse_args()
    context = None
    if args.cert:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(args.cert, args.key)
    if args.mode == "udp":
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        s.bind(("127.0.0.1", 0))
        print(s.getsockname()[1], flush=True)
        while True:
            data, sender = s.recvfrom(65535)
            s.sendto(b"ECHO " + data, sender)
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    print(listener.getsockname()[1], flush=True)
    while True:
        conn, _ = listener.accept()
        threading.Thread(target=serve_client, args=(conn, context, args), daemon=True).start()


if __name__ == "__main__":
    main()
