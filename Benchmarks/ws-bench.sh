#!/usr/bin/env bash
# ws-bench.sh - WebSocket benchmarks: Squall's EchoServer side by side with the
# reference C server (wsref), Tornado and Hummingbird, using the shared harness
# (/work/shared/bench/run.sh + wsload). Servers alternate within each round, all
# pinned to CPU 0 (load generator on CPU 1), so ratios come from runs made next
# to each other on a shared machine. Prints a table of medians and
# Squall/peer ratios (throughput: higher is better; latency: lower is better).
#
#   usage: Benchmarks/ws-bench.sh [ROUNDS]        (default 1 round)
#
# Env:
#   SCENARIOS   run.sh scenarios (default "ws-echo ws-broadcast ws-connect")
#   PEERS       peers to compare with (default "wsref tornado hummingbird"; missing ones are skipped)
#   ECHO_BIN    a prebuilt EchoServer (default: swift build -c release --product EchoServer)
#   SCRATCH     swift build --scratch-path (default /tmp/.build-ws-bench)
#   BENCH_DIR   where wsload/wsref are built (default /tmp/bench)
#   TORNADO_PY  (default /tmp/bench/venv/bin/python), HB_BIN (default /tmp/bench/hbpeer/.build/release/HBPeer)
#   RESULTS     output file of every raw line (default /tmp/ws-bench-<date>.txt)
#   DURATION/WARMUP/NICE are passed to run.sh.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
HARNESS=/work/shared/bench
BENCH_DIR=${BENCH_DIR:-/tmp/bench}
ROUNDS=${1:-1}
SCENARIOS=${SCENARIOS:-"ws-echo ws-broadcast ws-connect"}
PEERS=${PEERS:-"wsref tornado hummingbird"}
SCRATCH=${SCRATCH:-/tmp/.build-ws-bench}
TORNADO_PY=${TORNADO_PY:-/tmp/bench/venv/bin/python}
HB_BIN=${HB_BIN:-/tmp/bench/hbpeer/.build/release/HBPeer}
RESULTS=${RESULTS:-/tmp/ws-bench-$(date -u +%Y%m%dT%H%M%S).txt}
PORT=${PORT:-19101}
export WSLOAD=$BENCH_DIR/wsload
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true   # ws-connect holds 10,000 sockets

# ---- build: EchoServer (release), wsload and wsref (the shared dir is read-only)
mkdir -p "$BENCH_DIR"
[ -x "$BENCH_DIR/wsload" ] || cc -O2 -o "$BENCH_DIR/wsload" "$HARNESS/wsload.c" || exit 1
[ -x "$BENCH_DIR/wsref" ] || cc -O2 -o "$BENCH_DIR/wsref" "$HARNESS/refserver/wsref.c" || exit 1
if [ -z "${ECHO_BIN:-}" ]; then
  (cd "$ROOT" && swift build -c release --product EchoServer --scratch-path "$SCRATCH") || exit 1
  ECHO_BIN=$SCRATCH/release/EchoServer
fi

command_for() { # name port -> the server command line, empty if unavailable
  case $1 in
    squall) echo "$ECHO_BIN --port $2 --logging=warning" ;;
    wsref) echo "$BENCH_DIR/wsref --port $2" ;;
    tornado) [ -x "$TORNADO_PY" ] && echo "$TORNADO_PY $HARNESS/peers/tornado_app.py --port $2" ;;
    hummingbird) [ -x "$HB_BIN" ] && echo "$HB_BIN --port $2" ;;
  esac
}

SERVER_PID=""
start_server() { # name port: starts it pinned to CPU 0, waits until it listens
  local cmd; cmd=$(command_for "$1" "$2")
  [ -n "$cmd" ] || return 1
  # shellcheck disable=SC2086
  taskset -c "${SERVER_CPU:-0}" $cmd > "/tmp/ws-bench-$1.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 150); do
    (exec 3<>"/dev/tcp/127.0.0.1/$2") 2>/dev/null && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "# $1 exited: $(tail -3 "/tmp/ws-bench-$1.log")"; return 1; }
    sleep 0.1
  done
  echo "# $1 not listening after 15 s"; stop_server; return 1
}

stop_server() {
  [ -n "$SERVER_PID" ] || return 0
  kill -TERM "$SERVER_PID" 2>/dev/null
  for _ in $(seq 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$SERVER_PID" 2>/dev/null
  wait "$SERVER_PID" 2>/dev/null
  SERVER_PID=""
}
trap stop_server EXIT

echo "# ws-bench: rounds=$ROUNDS scenarios=$SCENARIOS peers=$PEERS squall=$ECHO_BIN" | tee "$RESULTS"
for round in $(seq "$ROUNDS"); do
  for scenario in $SCENARIOS; do
    for name in squall $PEERS; do
      PORT=$((PORT + 1))
      start_server "$name" "$PORT" || { echo "# skipping $name"; continue; }
      echo "# round=$round scenario=$scenario server=$name pid=$SERVER_PID port=$PORT" | tee -a "$RESULTS"
      LABEL=$name "$HARNESS/run.sh" "$scenario" "127.0.0.1:$PORT" "$SERVER_PID" 2>&1 \
        | sed "s/^bench /bench round=$round /" | tee -a "$RESULTS" | grep -E "^bench .*figure=(msgs_per_s|deliveries_per_s|p99_us|lost|kb_per_conn|bg_cpu|errors) "
      stop_server
      sleep 1
    done
  done
done

# ---- the table: medians per scenario/figure/server, and the median over rounds of
# the per-round Squall/peer ratio (as summarize.py does); CPU figures get no ratio.
python3 - "$RESULTS" "$PEERS" <<'PY'
import re, statistics, sys
path, peers = sys.argv[1], sys.argv[2].split()
values = {}
for line in open(path):
    m = re.match(r"bench round=(\d+) scenario=(\S+) label=(\S+) figure=(\S+) value=(\S+) unit=\S+", line)
    if not m: continue
    try: v = float(m.group(5))
    except ValueError: continue
    values.setdefault((m.group(2), m.group(4), m.group(3)), {})[int(m.group(1))] = v
figures = ["msgs_per_s", "deliveries_per_s", "p50_us", "p99_us", "lost", "errors", "connected", "connect_per_s",
           "hs_p99_ms", "closed_clean", "kb_per_conn", "srv_cpu", "client_cpu", "bg_cpu"]
no_ratio = {"errors", "lost", "connected", "closed_clean", "srv_cpu", "client_cpu", "bg_cpu"}
scenarios = sorted({k[0] for k in values})
peers = [p for p in peers if any(k[2] == p for k in values)]
def med(key):
    v = values.get(key)
    return statistics.median(v.values()) if v else None
def ratio(s, f, peer):
    mine, theirs = values.get((s, f, "squall"), {}), values.get((s, f, peer), {})
    per_round = [mine[r] / theirs[r] for r in mine if theirs.get(r)]
    return f"{statistics.median(per_round):.2f}" if per_round and f not in no_ratio else "-"
def fmt(v):
    return "-" if v is None else (f"{v:,.0f}" if abs(v) >= 100 else f"{v:.2f}")
print()
print("| scenario | figure | squall | " + " | ".join(peers) + " | " + " | ".join(f"squall/{p}" for p in peers) + " |")
print("|---" * (3 + 2 * len(peers)) + "|")
for s in scenarios:
    for f in figures:
        row = [med((s, f, n)) for n in ["squall"] + peers]
        if all(v is None for v in row): continue
        print(f"| {s} | {f} | " + " | ".join(fmt(v) for v in row) + " | "
              + " | ".join(ratio(s, f, p) for p in peers) + " |")
print(f"\n(raw lines: {path})")
PY
