#!/usr/bin/env bash
# The bench's tools from outside PyPI, installed when missing and when that is possible here:
#   wrk, the load generator (Debian's package: `apt-get install wrk`);
#   Prism 5.16.0, the peer mock server (npm, pinned by bench/prism/package-lock.json).
# When one cannot be installed this says how to get it, and the bench rows that need it say
# "skipped" (wrk) or name the reason in the Prism column; the other rows still run.
set -u
cd "$(dirname "$0")/.."

if ! command -v wrk >/dev/null 2>&1; then
    if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
        echo "bench: installing wrk (apt-get install wrk)"
        apt-get install -y -qq wrk >/dev/null 2>&1 \
            || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq wrk >/dev/null 2>&1; } \
            || echo "bench: apt-get could not install wrk"
    fi
    if ! command -v wrk >/dev/null 2>&1; then
        echo "bench: wrk is missing; get it with \`sudo apt-get install wrk\` (Debian/Ubuntu) or \`brew install wrk\`" \
            "(macOS), or build it from its source. The server rows are skipped without it."
    fi
fi

prism=bench/prism
if [ ! -x "$prism/node_modules/.bin/prism" ] || [ "$prism/package-lock.json" -nt "$prism/node_modules/.package-lock.json" ]; then
    if command -v npm >/dev/null 2>&1 && command -v node >/dev/null 2>&1; then
        echo "bench: installing Prism (npm ci in $prism)"
        npm ci --prefix "$prism" --ignore-scripts --no-audit --no-fund --loglevel=error \
            || echo "bench: npm ci failed in $prism; the Prism columns will say Prism is not installed"
    else
        echo "bench: node and npm are missing (Debian: \`apt-get install nodejs npm\`); the Prism columns will say so"
    fi
fi
exit 0
