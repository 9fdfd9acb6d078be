#!/usr/bin/env python3
"""Both ends of a connection through a relay (socketlab-cli relay), for SocketLab's relay tests.
Independent of SocketLab's own code, so the relay is not only checked against itself. Loopback only.

Servers print their port on the first line, serve every connection on a thread of its own until
killed, and print one line per event, N counting connections from 1 in the order they came:
  sink      reads until EOF, prints "conn N received SIZE SHA256", then sends --reply-file's bytes
            (none without it) and closes. The reply leaves only after the client's FIN came: a relay
            that does not pass the FIN on never gets it back, one that closes the client on its FIN
            loses it.
  echo      sends back every byte as it comes; prints "open COUNT" each time the connections open at
            once reach a new high; on EOF prints "conn N received SIZE SHA256", shuts its side and closes.
  answer    answers every recv() at once with --reply-file's bytes (b"pong" without it), prints
            "conn N request SIZE" for each; closes at EOF.
  first     sends --reply-file's bytes (b"bye" without it) and shuts its sending side at once
            (SHUT_WR), then reads until EOF, prints "conn N received SIZE SHA256" and closes: the
            server's FIN comes first, and the client may still talk.
  reset     reads --after bytes, prints "conn N reset after SIZE", and closes with a reset (SO_LINGER 0).
  watch     reads until the connection ends and prints how: "conn N FIN SIZE" (recv() returned b"")
            or "conn N RST SIZE" (ECONNRESET), SIZE the bytes read before.
  udp-echo  UDP: prints "from PORT SIZE SHA256" for each datagram and sends it back unchanged.

Clients print what happened and exit 0 when it went as it should:
  client PORT --send-file F [--received-file F]
            connects to 127.0.0.1:PORT, sends F's bytes (while reading), shuts its sending side
            (SHUT_WR), reads until EOF and prints "sent SIZE SHA256" and "received SIZE SHA256".
  clients PORT --count N --size S
            N connections at once to an echo server, connection i sending S + i bytes of its own
            (random.Random(i)): all connect, each sends its first half and waits for its echo (so
            all N are open through the relay together), then the rest, SHUT_WR, and reads until EOF.
            Prints "ok I" or "bad I: WHY" per connection, then "done OK BAD"; exit 1 if any is bad.
"""
import argparse
import hashlib
import random
import socket
import struct
import sys
import threading

LOCK = threading.Lock()


def say(*words):
    with LOCK:
        print(*words, flush=True)


def digest(data):
    return hashlib.sha256(data).hexdigest()


def read_until_eof(conn, limit=None):
    data = bytearray()
    while limit is None or len(data) < limit:
        chunk = conn.recv(65536 if limit is None else min(65536, limit - len(data)))
        if not chunk:
            break
        data += chunk
    return bytes(data)


def reset(conn):
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    conn.close()


class Server:
    def __init__(self, args):
        self.args = args
        self.reply = b""
        if args.reply_file:
            with open(args.reply_file, "rb") as f:
                self.reply = f.read()
        elif args.mode == "answer":
            self.reply = b"pong"
        elif args.mode == "first":
            self.reply = b"bye"
        self.count = 0
        self.open = 0
        self.highest = 0

    def serve(self, conn, number):
        mode = self.args.mode
        if mode == "sink":
            data = read_until_eof(conn)
            say("conn", number, "received", len(data), digest(data))
            conn.sendall(self.reply)
            conn.close()
        elif mode == "echo":
            received = hashlib.sha256()
            size = 0
            while True:
                chunk = conn.recv(65536)
                if not chunk:
                    break
                received.update(chunk)
                size += len(chunk)
                conn.sendall(chunk)
            say("conn", number, "received", size, received.hexdigest())
            conn.shutdown(socket.SHUT_WR)
            conn.close()
        elif mode == "first":
            conn.sendall(self.reply)
            conn.shutdown(socket.SHUT_WR)
            data = read_until_eof(conn)
            say("conn", number, "received", len(data), digest(data))
            conn.close()
        elif mode == "answer":
            while True:
                chunk = conn.recv(65536)
                if not chunk:
                    break
                conn.sendall(self.reply)
                say("conn", number, "request", len(chunk))
            conn.close()
        elif mode == "reset":
            data = read_until_eof(conn, self.args.after)
            say("conn", number, "reset after", len(data))
            reset(conn)
        elif mode == "watch":
            size = 0
            try:
                while True:
                    chunk = conn.recv(65536)
                    if not chunk:
                        say("conn", number, "FIN", size)
                        break
                    size += len(chunk)
            except ConnectionResetError:
                say("conn", number, "RST", size)
            conn.close()

    def run_connection(self, conn, number):
        try:
            self.serve(conn, number)
        except OSError as error:
            say("conn", number, "error", error.errno)
        finally:
            with LOCK:
                self.open -= 1

    def run(self):
        server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind(("127.0.0.1", 0))
        server.listen(128)
        say(server.getsockname()[1])
        while True:
            conn, _ = server.accept()
            with LOCK:
                self.count += 1
                self.open += 1
                number = self.count
                new_high = self.open > self.highest
                self.highest = max(self.highest, self.open)
                if new_high and self.args.mode == "echo":
                    print("open", self.open, flush=True)
            threading.Thread(target=self.run_connection, args=(conn, number), daemon=True).start()


def udp_echo():
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(("127.0.0.1", 0))
    say(s.getsockname()[1])
    while True:
        data, sender = s.recvfrom(65535)
        say("from", sender[1], len(data), digest(data))
        s.sendto(data, sender)


def exchange(conn, data):
    """Sends data on a thread while reading here; SHUT_WR after the last byte; what came back."""
    def send():
        conn.sendall(data)
        conn.shutdown(socket.SHUT_WR)

    sender = threading.Thread(target=send)
    sender.start()
    received = read_until_eof(conn)
    sender.join()
    return received


def client(args):
    with open(args.send_file, "rb") as f:
        data = f.read()
    conn = socket.create_connection(("127.0.0.1", args.port), timeout=60)
    received = exchange(conn, data)
    conn.close()
    if args.received_file:
        with open(args.received_file, "wb") as f:
            f.write(received)
    say("sent", len(data), digest(data))
    say("received", len(received), digest(received))


def clients(args):
    conns = [socket.create_connection(("127.0.0.1", args.port), timeout=60) for _ in range(args.count)]
    payloads = [random.Random(i).randbytes(args.size + i) for i in range(args.count)]
    results = [None] * args.count
    barrier = threading.Barrier(args.count, timeout=60)

    def run(i):
        conn, data = conns[i], payloads[i]
        half = len(data) // 2
        try:
            conn.sendall(data[:half])
            first = bytearray()
            while len(first) < half:
                chunk = conn.recv(half - len(first))
                if not chunk:
                    break
                first += chunk
            barrier.wait()
            conn.sendall(data[half:])
            conn.shutdown(socket.SHUT_WR)
            received = bytes(first) + read_until_eof(conn)
            if received == data:
                results[i] = "ok %d" % i
            else:
                results[i] = "bad %d: %d bytes back of %d" % (i, len(received), len(data))
        except (OSError, threading.BrokenBarrierError) as error:
            results[i] = "bad %d: %r" % (i, error)
        finally:
            conn.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(args.count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for line in results:
        say(line)
    good = sum(1 for line in results if line.startswith("ok"))
    say("done", good, args.count - good)
    return 0 if good == args.count else 1


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["sink", "echo", "first", "answer", "reset", "watch", "udp-echo", "client", "clients"])
    parser.add_argument("port", type=int, nargs="?")
    parser.add_argument("--reply-file")
    parser.add_argument("--after", type=int, default=1)
    parser.add_argument("--send-file")
    parser.add_argument("--received-file")
    parser.add_argument("--count", type=int, default=50)
    parser.add_argument("--size", type=int, default=10000)
    args = parser.parse_args()
    if args.mode == "udp-echo":
        udp_echo()
    elif args.mode == "client":
        client(args)
    elif args.mode == "clients":
        return clients(args)
    else:
        Server(args).run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
