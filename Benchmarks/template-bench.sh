#!/usr/bin/env bash
# Template benchmark: Squall's TemplateBench against Tornado 6.6.1 rendering
# the chat demo's message.html (and a richer variant), in the same run.
#
# Builds TemplateBench in release, checks that both engines produce identical
# output, then runs the two alternately, pinned to CPU 0, for several rounds
# and prints ns/render for each and the Tornado/Squall ratio (median of rounds).
#
# Environment: ROUNDS (default 5), SECONDS_PER_RUN (default 1),
# VENV (default /tmp/bench/venv; created with tornado==6.6.1 if missing),
# PACKAGE_DIR (default: the repository root).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
package_dir="${PACKAGE_DIR:-$(dirname "$here")}"
rounds="${ROUNDS:-5}"
seconds="${SECONDS_PER_RUN:-1}"
venv="${VENV:-/tmp/bench/venv}"

if ! "$venv/bin/python" -c 'import tornado, sys; sys.exit(tornado.version != "6.6.1")' 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q tornado==6.6.1
fi

swift build --package-path "$package_dir" -c release --product TemplateBench >&2
bench="$(swift build --package-path "$package_dir" -c release --show-bin-path)/TemplateBench"
tornado=("$venv/bin/python" "$here/template_tornado.py")

if ! diff <("$bench" --templates "$here/TemplateBench" --print) <("${tornado[@]}" --print) >&2; then
    echo "outputs differ between Squall and Tornado" >&2
    exit 1
fi
echo "outputs identical"

pin=()
if command -v taskset >/dev/null; then pin=(taskset -c 0); fi

results="$(mktemp)"
trap 'rm -f "$results"' EXIT
for round in $(seq 1 "$rounds"); do
    "${pin[@]}" "$bench" --templates "$here/TemplateBench" --seconds "$seconds" | tee -a "$results"
    "${pin[@]}" "${tornado[@]}" --seconds "$seconds" | tee -a "$results"
done

# Lines look like: "<engine> <template> renders/s=N ns/render=N ..."
awk '
    {
        split($4, field, "=")
        ns[$1, $2, ++count[$1, $2]] = field[2]
        templates[$2] = 1
    }
    function median(engine, template,    n, i, j, t, values) {
        n = count[engine, template]
        for (i = 1; i <= n; i++) values[i] = ns[engine, template, i]
        for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (values[j] < values[i]) { t = values[i]; values[i] = values[j]; values[j] = t }
        return n % 2 ? values[(n + 1) / 2] : (values[n / 2] + values[n / 2 + 1]) / 2
    }
    END {
        for (template in templates) {
            s = median("squall", template); t = median("tornado", template)
            printf "%-18s squall %7.0f ns/render  tornado %7.0f ns/render  ratio %.1fx\n", template, s, t, t / s
        }
    }
' "$results"
