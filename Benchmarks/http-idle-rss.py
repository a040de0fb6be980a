#!/usr/bin/env python3
"""RSS cost of idle HTTP keep-alive connections.

Opens N connections to a running server, sends one request on each and reads the
response (so every connection is an idle keep-alive connection), then reads the
server's VmRSS from /proc and reports KiB per connection.

    usage: http-idle-rss.py PORT SERVER_PID [N=1000]
"""
import resource
import socket
import sys
import time


def rss_kib(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError("no VmRSS")


def main():
    port, pid = int(sys.argv[1]), int(sys.argv[2])
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    warm = socket.create_connection(("127.0.0.1", port))
    warm.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
    warm.recv(65536)
    time.sleep(0.5)
    before = rss_kib(pid)
    held = []
    for _ in range(count):
        s = socket.create_connection(("127.0.0.1", port))
        s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        data = b""
        while b"Hello, world" not in data:
            data += s.recv(65536)
        held.append(s)
    time.sleep(1.0)
    after = rss_kib(pid)
    print(f"connections={count} rss_before_kib={before} rss_held_kib={after} "
          f"kib_per_conn={(after - before) / count:.2f}")
    for s in held:
        s.close()


if __name__ == "__main__":
    main()
