#!/usr/bin/env python3
"""The HTTP client of the notebook "Les Sockets en Python", as the reference socketlab-cli is held to.

Usage: notebook_client.py HOST PORT REQUEST
REQUEST is written with Python's bytes escapes (GET / HTTP/1.0\\r\\n\\r\\n) and decoded by Python
itself, not by SocketLab. The loop below is the notebook's own (sendall, then recv(1024) until b'');
the reply's bytes go to stdout as they are, nothing added.
"""
import codecs
import socket
import sys


def main():
    HOST = sys.argv[1]
    PORT = int(sys.argv[2])
    request = codecs.escape_decode(sys.argv[3].encode())[0]
    out = sys.stdout.buffer

    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.connect((HOST, PORT))
    s.sendall(request)

    while True:
        answer = s.recv(1024)
        if answer == b'': break
        out.write(answer)

    s.close()
    out.flush()


if __name__ == "__main__":
    main()
