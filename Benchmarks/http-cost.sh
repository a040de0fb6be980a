#!/usr/bin/env bash
# What one keep-alive "Hello, world" request costs the release HelloWorld, in figures
# that do not move with machine load (valgrind counts, not times):
#   allocations per request  = (heap allocations for 3,000 requests − for 1,000) / 2,000,
#                              the requests sent one after another on one connection;
#   instructions per request = callgrind's total for a 10 s `wrk -t1 -c64` run, divided
#                              by the requests wrk completed (start-up included: < 2 %).
# valgrind 3.19 cannot read the DWARF 5 of an unstripped binary, so it runs a stripped copy.
#
#   usage: Benchmarks/http-cost.sh          env: PORT (8897)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PORT=${PORT:-8897}
WORK=$(mktemp -d)
trap 'pkill -f "$WORK/HelloWorld" 2>/dev/null || true; rm -rf "$WORK"' EXIT
command -v valgrind >/dev/null && command -v wrk >/dev/null || apt-get install -y -qq valgrind wrk
(cd "$ROOT" && swift build -c release --product HelloWorld)
strip --strip-debug -o "$WORK/HelloWorld" "$ROOT/.build/release/HelloWorld"

# Starts the server under valgrind with the given tool options; waits for the port.
serve() {
  valgrind "$@" "$WORK/HelloWorld" --port "$PORT" --logging=warning >"$WORK/valgrind.log" 2>&1 &
  for _ in $(seq 100); do
    python3 -c "import socket; socket.create_connection(('127.0.0.1', $PORT))" 2>/dev/null && return
    sleep 0.2
  done
  echo "HelloWorld did not start under valgrind" >&2; exit 1
}

# Stops it (SIGINT: a graceful stop, so valgrind writes its summary) and waits.
stop() {
  pkill -INT -f "$WORK/HelloWorld"
  while pgrep -f "$WORK/HelloWorld" >/dev/null; do sleep 0.2; done
}

# Sends N requests one after another on one keep-alive connection.
send_requests() {
  python3 - "$PORT" "$1" <<'EOF'
import socket, sys
port, count = int(sys.argv[1]), int(sys.argv[2])
connection = socket.create_connection(("127.0.0.1", port))
pending = b""
for _ in range(count):
    connection.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    while True:
        end = pending.find(b"\r\n\r\n")
        if end >= 0:
            head = pending[:end].decode().lower()
            length = int(head.split("content-length:")[1].split("\r\n")[0])
            if len(pending) >= end + 4 + length:
                pending = pending[end + 4 + length:]
                break
        pending += connection.recv(65536)
EOF
}

allocations() {
  serve --tool=memcheck
  send_requests "$1"
  stop
  sed -n 's/.*total heap usage: \([0-9,]*\) allocs.*/\1/p' "$WORK/valgrind.log" | tr -d ,
}

few=$(allocations 1000)
many=$(allocations 3000)
echo "allocations per request: $(python3 -c "print(($many - $few) / 2000)") ($few for 1,000 requests, $many for 3,000)"

serve --tool=callgrind --callgrind-out-file="$WORK/callgrind.out"
requests=$(wrk -t1 -c64 -d10s "http://127.0.0.1:$PORT/" | awk '/requests in/ {print $1}')
stop
total=$(callgrind_annotate "$WORK/callgrind.out" 2>/dev/null | awk '/PROGRAM TOTALS/ {gsub(",", "", $1); print $1}')
echo "instructions per request: $((total / requests)) ($total instructions, $requests requests)"
