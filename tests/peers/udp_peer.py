#!/usr/bin/env python3
"""A UDP peer for SocketLab's tests, independent of SocketLab's own servers. Loopback only.

Prints its port, then answers datagrams until killed:
  echo     sends every datagram back (0-byte ones too)
  double   answers every datagram twice, the second time with b"again:" in front
  big      answers every datagram with --size bytes (to test truncation)
  sender   answers every datagram with the port it came from, in ASCII digits
  flood    answers every datagram with --count datagrams of --size bytes, as fast as it can
"""
import argparse
import socket


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["echo", "double", "big", "sender", "flood"])
    parser.add_argument("--family", choices=["inet", "inet6"], default="inet")
    parser.add_argument("--size", type=int, default=2000)
    parser.add_argument("--count", type=int, default=1000)
    args = parser.parse_args()
    family = socket.AF_INET6 if args.family == "inet6" else socket.AF_INET
    s = socket.socket(family, socket.SOCK_DGRAM)
    s.bind(("::1" if family == socket.AF_INET6 else "127.0.0.1", 0))
    print(s.getsockname()[1], flush=True)
    while True:
        data, sender = s.recvfrom(65535)
        if args.mode == "echo":
            s.sendto(data, sender)
        elif args.mode == "double":
            s.sendto(data, sender)
            s.sendto(b"again:" + data, sender)
        elif args.mode == "sender":
            s.sendto(str(sender[1]).encode(), sender)
        elif args.mode == "flood":
            payload = bytes(i % 251 for i in range(args.size))
            for _ in range(args.count):
                s.sendto(payload, sender)
        else:
            s.sendto(bytes(i % 251 for i in range(args.size)), sender)


if __name__ == "__main__":
    main()
