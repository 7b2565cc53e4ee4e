#!/usr/bin/env bash
# Activity on the real desktops, measured: for each source (sway 1.7 with
# wtype, KWin 5.27 --virtual with fake input, Mutter headless with
# RemoteDesktop input, Xvfb with xdotool), the wakes
# of limberd's break loop in its first 10 s after start with no input, and
# the active-time error on a scripted trace of typing bursts of 5-120 s and
# gaps of 1-60 s (fixed seed; grace 3 s, noise filter 1 s), and the wakes of
# a minute of steady idle after it. Uses the real-
# desktop test binaries' benchmark cases (DISABLED_Bench*: not in the test
# command). For X11 also the wakes of the first 10 s when limberd starts
# 1 s and 60 s after its X server (the start-up case, about 70 s).
#
#   bash tests/bench/desktop_activity.sh [--seconds N] [--build-dir DIR]
#
#   --seconds N     length of each trace, default 600
#   --build-dir DIR a configured build tree, default build/ci
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
build="$root/build/ci"
seconds=600
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds=$2; shift 2 ;;
    --build-dir) build=$(realpath -m "$2"); shift 2 ;;
    *) echo "usage: bash tests/bench/desktop_activity.sh [--seconds N] [--build-dir DIR]" >&2; exit 2 ;;
  esac
done
cmake --build "$build" --target sway_desktop_test kwin_desktop_test mutter_desktop_test x11_desktop_test >/dev/null

printf '%-8s %16s %7s %12s %12s %10s %20s\n' source "wakes first 10s" bursts "truth (s)" "credited (s)" "error (s)" "wakes idle minute"
for t in sway kwin mutter x11; do
  out=$(LIMBER_BENCH_TRACE_S=$seconds "$build/tests/integration/desktops/${t}_desktop_test" \
          --gtest_also_run_disabled_tests --gtest_filter='*DISABLED_BenchScriptedTrace' 2>&1) || true
  line=$(grep -P '^BENCH\t' <<<"$out" || true)
  if [ -z "$line" ]; then
    echo "$t: no figures (skipped or failed):" >&2
    tail -5 <<<"$out" >&2
    continue
  fi
  IFS=$'\t' read -r _ source wakes bursts truth credited error idle <<<"$line"
  awk -v s="$source" -v w="$wakes" -v b="$bursts" -v t="$truth" -v c="$credited" -v e="$error" -v i="$idle" \
    'BEGIN { printf "%-8s %16d %7d %12.1f %12.1f %+10.1f %20d\n", s, w, b, t / 1000, c / 1000, e / 1000, i }'
done

printf '\n%-8s %28s %28s\n' source "wakes, started 1 s after" "wakes, started 60 s after"
out=$("$build/tests/integration/desktops/x11_desktop_test" \
        --gtest_also_run_disabled_tests --gtest_filter='*DISABLED_BenchStartUp' 2>&1) || true
line=$(grep -P '^BENCHSTART\t' <<<"$out" || true)
if [ -z "$line" ]; then
  echo "x11 start-up: no figures (skipped or failed):" >&2
  tail -5 <<<"$out" >&2
else
  IFS=$'\t' read -r _ source young old <<<"$line"
  printf '%-8s %28d %28d\n' "$source" "$young" "$old"
fi
