#!/usr/bin/env python3
"""A TCP peer for SocketLab's socket option tests, independent of SocketLab. Loopback only.

Prints its port, accepts one connection and prints "from PORT" (the client's source port), reads
everything the client sends, then prints how the client ended the connection: "FIN" for a clean
close (recv() returned b""), "RST" for a reset (ECONNRESET), and exits.
"""
import argparse
import socket


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--family", choices=["inet", "inet6"], default="inet")
    args = parser.parse_args()
    family = socket.AF_INET6 if args.family == "inet6" else socket.AF_INET
    server = socket.socket(family, socket.SOCK_STREAM)
    server.bind(("::1" if family == socket.AF_INET6 else "127.0.0.1", 0))
    server.listen(1)
    print(server.getsockname()[1], flush=True)
    conn, address = server.accept()
    print("from", address[1], flush=True)
    try:
        while conn.recv(65536):
            pass
        print("FIN", flush=True)
    except ConnectionResetError:
        print("RST", flush=True)


if __name__ == "__main__":
    main()
