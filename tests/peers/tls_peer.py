#!/usr/bin/env python3
"""A TLS server made with Python's ssl module, for what `openssl s_server` cannot do. Loopback only.

Prints its port on the first line of stdout, then serves connections one at a time until killed.
Every reply carries the SNI the client sent in an X-Sni header ("-" when it sent none), and the
application protocol agreed in an X-Alpn header ("-" when none; --alpn lists those the server
takes), read by the server itself, so a test sees what went over the wire rather than what
SocketLab says it sent.

Modes:
  content-length  HTTP/1.1 reply with Content-Length, then the connection is kept open (keep-alive)
  chunked         HTTP/1.1 chunked reply, then the connection is kept open
  close-notify    HTTP/1.0 reply, then close_notify, then close
  no-close-notify HTTP/1.0 reply, then the TCP connection is shut down without close_notify
  bytes           --bytes bytes of a repeating pattern, then close_notify
  await-close     as content-length, then waits for the client's end and prints on stdout
                  "close_notify" or "no close_notify" (the TCP connection closed without it);
                  with --slow-read, it reads 4 KiB at a time that many seconds apart and
                  --rcvbuf shrinks its receive buffer, so that its client's socket stays full
"""
import argparse
import socket
import ssl
import sys
import time

BODY = b"Hello over TLS, from Python.\n"


def read_head(conn):
    data = b""
    conn.settimeout(5)
    try:
        while b"\r\n\r\n" not in data:
            chunk = conn.recv(4096)
            if not chunk:
                break
            data += chunk
    except (socket.timeout, ssl.SSLError, OSError):
        pass
    return data


def pattern(size):
    block = bytes(range(256)) * 256
    whole, rest = divmod(size, len(block))
    return block * whole + block[:rest]


def serve(mode, conn, sni, args):
    read_head(conn)
    alpn = conn.selected_alpn_protocol()
    sni_header = (b"X-Sni: " + (sni.encode() if sni else b"-") + b"\r\n"
                  + b"X-Alpn: " + (alpn.encode() if alpn else b"-") + b"\r\n")
    if mode == "content-length":
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: keep-alive\r\n" + sni_header
                     + b"Content-Length: %d\r\n\r\n" % len(BODY) + BODY)
        time.sleep(args.hold)
    elif mode == "await-close":
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n" + sni_header
                     + b"Content-Length: %d\r\n\r\n" % len(BODY) + BODY)
        conn.settimeout(10)
        try:
            while conn.recv(4096):
                time.sleep(args.slow_read)
            print("close_notify", flush=True)
        except ssl.SSLError:
            print("no close_notify", flush=True)
    elif mode == "chunked":
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n" + sni_header
                     + b"\r\n6\r\nHello \r\n7\r\nchunks!\r\n0\r\n\r\n")
        time.sleep(args.hold)
    elif mode == "close-notify":
        conn.sendall(b"HTTP/1.0 200 OK\r\n" + sni_header + b"\r\n" + BODY)
        conn.settimeout(5)
        conn.unwrap()
    elif mode == "no-close-notify":
        conn.sendall(b"HTTP/1.0 200 OK\r\n" + sni_header + b"\r\n" + BODY)
        # SSLSocket.shutdown() leaves TLS behind and shuts the TCP connection: no close_notify.
        conn.shutdown(socket.SHUT_RDWR)
    elif mode == "bytes":
        conn.sendall(pattern(args.bytes))
        conn.settimeout(5)
        conn.unwrap()
    else:
        raise SystemExit("unknown mode " + mode)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("mode")
    parser.add_argument("--cert", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--family", choices=["inet", "inet6"], default="inet")
    parser.add_argument("--bytes", type=int, default=1000)
    parser.add_argument("--hold", type=float, default=30.0)
    parser.add_argument("--slow-read", type=float, default=0.0)
    parser.add_argument("--rcvbuf", type=int, default=0)
    parser.add_argument("--alpn", default="", help="protocols the server takes, comma-separated, its preferred first")
    args = parser.parse_args()

    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(args.cert, args.key)
    if args.alpn:
        context.set_alpn_protocols(args.alpn.split(","))
    seen = {}

    def remember_sni(sslobj, server_name, ctx):
        seen["sni"] = server_name

    context.sni_callback = remember_sni

    family = socket.AF_INET6 if args.family == "inet6" else socket.AF_INET
    server = socket.socket(family, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if args.rcvbuf:
        # Set before listen(), so that the window the connection announces is this small from the start.
        server.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, args.rcvbuf)
    server.bind(("::1" if family == socket.AF_INET6 else "127.0.0.1", 0))
    server.listen(8)
    print(server.getsockname()[1], flush=True)
    while True:
        raw, _ = server.accept()
        seen.clear()
        try:
            raw.settimeout(10)
            # A TCP close without close_notify must read as an error where it matters, not as an end.
            conn = context.wrap_socket(raw, server_side=True, suppress_ragged_eofs=args.mode != "await-close")
        except (ssl.SSLError, OSError):
            raw.close()
            continue
        try:
            serve(args.mode, conn, seen.get("sni"), args)
        except (ssl.SSLError, OSError):
            pass
        finally:
            conn.close()


if __name__ == "__main__":
    sys.exit(main())
