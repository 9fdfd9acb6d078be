#!/usr/bin/env python3
"""An HTTP peer for SocketLab's request variable tests, independent of SocketLab. Loopback only.

Prints its port, then answers each connection's one request: POST /login with a chunked JSON body
{"token": "t-42", "items": [{"id": 7}]} and an X-Token header; any other request with a body that is
the request's own bytes. Ends after 30 s without a connection. With --inject, the token holds a
CR LF and a header line after it, as a hostile server would send.
"""
import argparse
import json
import socket


def read_request(conn):
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return data
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(body) < length:
        chunk = conn.recv(65536)
        if not chunk:
            break
        body += chunk
    return head + b"\r\n\r\n" + body


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--inject", action="store_true")
    args = parser.parse_args()
    token = "t\r\nX-Injected: yes" if args.inject else "t-42"
    body = json.dumps({"token": token, "items": [{"id": 7}]}).encode()
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", 0))
    server.listen(4)
    print(server.getsockname()[1], flush=True)
    server.settimeout(30)
    while True:
        try:
            conn, _ = server.accept()
        except socket.timeout:
            return
        with conn:
            request = read_request(conn)
            if request.startswith(b"POST /login "):
                conn.sendall(b"HTTP/1.1 200 OK\r\nX-Token: xt-1\r\nTransfer-Encoding: chunked\r\n"
                             b"Connection: close\r\n\r\n" + b"%x\r\n" % len(body) + body + b"\r\n0\r\n\r\n")
            else:
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\nConnection: close\r\n\r\n" % len(request)
                             + request)


if __name__ == "__main__":
    main()
