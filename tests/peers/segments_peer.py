#!/usr/bin/env python3
"""A TCP peer for SocketLab's pcapng tests, independent of SocketLab. Loopback only.

Prints its port, accepts one connection, reads the request up to its blank line, then answers in
pieces far enough apart that each arrives in a recv() of its own: three 1000-byte runs of one letter,
then 200000 bytes counting 0..255 (more than a 64 KiB packet can hold), and closes.
"""
import argparse
import socket
import time


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--family", choices=["inet", "inet6"], default="inet")
    args = parser.parse_args()
    family = socket.AF_INET6 if args.family == "inet6" else socket.AF_INET
    server = socket.socket(family, socket.SOCK_STREAM)
    server.bind(("::1" if family == socket.AF_INET6 else "127.0.0.1", 0))
    server.listen(1)
    print(server.getsockname()[1], flush=True)
    client, _ = server.accept()
    request = b""
    while b"\r\n\r\n" not in request:
        data = client.recv(65536)
        if not data:
            break
        request += data
    for letter in b"ABC":
        client.sendall(bytes([letter]) * 1000)
        time.sleep(0.1)
    client.sendall(bytes(range(256)) * 781 + bytes(range(64)))
    client.close()


if __name__ == "__main__":
    main()
