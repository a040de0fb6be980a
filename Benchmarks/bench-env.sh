# Shared set-up for the benchmark scripts (sourced): builds the load generators and
# the Hummingbird peer outside the read-only ../shared/bench, and exports what
# ../shared/bench/anchors.sh and run.sh read.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH=${BENCH:-$ROOT/../shared/bench}
WORK=${BENCH_WORK:-/tmp/bench}
mkdir -p "$WORK"
[ -x "$WORK/wsload" ] || cc -O2 -Wall -o "$WORK/wsload" "$BENCH/wsload.c"
[ -x "$WORK/wsref" ] || cc -O2 -o "$WORK/wsref" "$BENCH/refserver/wsref.c"
command -v wrk >/dev/null && command -v nginx >/dev/null || {
  apt-get update -qq && apt-get install -y -qq wrk nginx
}
[ -x "$WORK/venv/bin/python" ] || { python3 -m venv "$WORK/venv" && "$WORK/venv/bin/pip" install -q tornado==6.6.1; }
if [ ! -x "$WORK/hbpeer/.build/release/HBPeer" ]; then
  rm -rf "$WORK/hbpeer" && cp -r "$BENCH/peers/hummingbird/hbpeer" "$WORK/hbpeer"
  (cd "$WORK/hbpeer" && swift build -c release)
fi
export WSLOAD=$WORK/wsload
export TORNADO_PY=$WORK/venv/bin/python
export HB_BIN=$WORK/hbpeer/.build/release/HBPeer
export SERVE_CMD_wsref="$WORK/wsref --port {port}"
