#!/usr/bin/env python3
"""A TLS peer that answers and then closes its socket without close_notify, for SocketLab's tests.

Loopback only. Prints its port on the first line of stdout, then serves connections one at a time
until killed: reads the request head, writes an HTTP/1.0 reply with no Content-Length, and closes the
TCP connection under the TLS session (no unwrap(), so no close_notify): a reply read until close
that may have been cut off.
"""
import argparse
import socket
import ssl
import sys


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cert", required=True)
    parser.add_argument("--key", required=True)
    args = parser.parse_args()

    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(args.cert, args.key)
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    print(server.getsockname()[1], flush=True)
    while True:
        raw, _ = server.accept()
        try:
            tls = context.wrap_socket(raw, server_side=True)
            tls.settimeout(5)
            data = b""
            while b"\r\n\r\n" not in data:
                chunk = tls.recv(4096)
                if not chunk:
                    break
                data += chunk
            tls.sendall(b"HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nthe end may be missing\n")
            # Python's close() drops the TLS session without close_notify; only unwrap() would send it.
            tls.close()
        except (OSError, ssl.SSLError):
            pass
        finally:
            raw.close()


if __name__ == "__main__":
    sys.exit(main())
