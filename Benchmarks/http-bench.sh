#!/usr/bin/env bash
# HTTP "Hello, world": Squall (release HelloWorld) side by side with nginx (1 worker),
# Hummingbird and Tornado, in interleaved rounds (../shared/bench/anchors.sh: wrk -t1
# -c64 -d10s, server pinned to CPU 0, wrk to CPU 1). Prints medians and per-round
# ratios; raw lines go to OUT/results.txt.
#
#   usage: Benchmarks/http-bench.sh [OUT]      env: REPS (3), SERVERS
set -euo pipefail
source "$(dirname "$0")/bench-env.sh"
OUT=${1:-/tmp/bench/http-$(date -u +%Y%m%dT%H%M%SZ)}
(cd "$ROOT" && swift build -c release --product HelloWorld)
export SERVE_CMD_squall="$ROOT/.build/release/HelloWorld --port {port} --logging=warning"
SCENARIOS=http SERVERS=${SERVERS:-"squall nginx hummingbird tornado"} HTTP_ONLY="squall nginx" \
  REPS=${REPS:-3} "$BENCH/anchors.sh" "$OUT"
python3 "$BENCH/summarize.py" "$OUT/results.txt" --ratio squall/nginx squall/hummingbird squall/tornado
