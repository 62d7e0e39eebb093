#!/usr/bin/env bash
# make bench: times the release tools on generated fleets, whole processes, on this machine.
# Fleets (BENCH_SIZES, default "S M L XL"): regions of 10 clusters, each region a full mesh, the
# region hubs meshed in groups of 50 and the groups' first hubs with each other, 25 exported
# services and 3 splits per cluster, a gateway and credentials everywhere. S = 20, M = 100,
# L = 500, XL = 2,000 clusters (four L fleets joined: about 200,000 objects, as the issue's XL).
# Commands: mcplan with no changes; mcplan from an empty base with -o json into a file; the first
# mcapply --commit; mcapply --commit after adding one link (removed again before the next run).
# Each runs BENCH_RUNS times (default 3): min and median wall time, user+sys CPU of the median run,
# peak RSS (GNU time). Prints one table, then the L -> XL ratios.
# Each first apply gets a fresh copy of the repository; the copies of earlier runs are moved aside
# and removed only at the end: right after tens of thousands of files are deleted, ext4 creates
# the next ones 10 times slower, which would measure the bench's own clean-up, not mcapply (a CI
# runner's fresh checkout sees no such deletions).
set -euo pipefail
bin=${1:?usage: bench.sh BIN_DIR}
sizes=${BENCH_SIZES:-S M L XL}
runs=${BENCH_RUNS:-3}
work=$(mktemp -d "${TMPDIR:-/tmp}/mcplan-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
root=$(cd "$(dirname "$0")/.." && pwd)
export GIT_CONFIG_NOSYSTEM=1 HOME="$work" GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@localhost GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@localhost

generate() { # CLUSTERS FILE
  python3 - "$1" "$2" <<'PY'
import sys
clusters, path = int(sys.argv[1]), sys.argv[2]
regions = clusters // 10
out = ["apiVersion: mcplan/v1", "kind: Topology", "trustAnchors:", "  - name: root", "    file: root.crt", "clusters:"]
name = lambda r, i: f"r{r:03d}-c{i}"
for r in range(regions):
    for i in range(10):
        n = r * 10 + i
        out += [f"  - name: {name(r, i)}", "    trustAnchors: [root]", "    gateway:", f"      address: 10.{n // 250}.{n % 250}.1",
                "    credentials:", "      externalSecret: {store: vault, key: \"mesh/{source}-to-{target}\"}"]
out.append("links:")
for r in range(regions):
    out.append("  - mesh: [" + ", ".join(name(r, i) for i in range(10)) + "]")
# The region hubs meshed in groups of at most 50 (L's 50 hubs are one group), the groups' first
# hubs meshed with each other: XL is then four L fleets joined, about 4x L's objects.
groups = [list(range(g, min(g + 50, regions))) for g in range(0, regions, 50)]
for group in groups:
    out.append("  - mesh: [" + ", ".join(name(r, 0) for r in group) + "]")
if len(groups) > 1:
    out.append("  - mesh: [" + ", ".join(name(group[0], 0) for group in groups) + "]")
out.append("exports:")
services = ", ".join(f"svc-{k:02d}" for k in range(25))
for r in range(regions):
    for i in range(10):
        out.append(f"  - {{cluster: {name(r, i)}, namespace: apps, services: [{services}]}}")
out.append("splits:")
for r in range(regions):
    for i in range(10):
        for k in range(3):
            peers = [name(r, (i + 1) % 10), name(r, (i + 2) % 10)]
            out += [f"  - cluster: {name(r, i)}", "    namespace: apps", f"    service: svc-{k:02d}", "    port: 8080", "    backends:",
                    f"      - {{service: svc-{k:02d}, weight: 80}}"]
            out += [f"      - {{service: svc-{k:02d}, cluster: {p}, weight: 10}}" for p in peers]
open(path, "w").write("\n".join(out) + "\n")
PY
}

# measure NAME COMMAND...: runs COMMAND $runs times (BEFORE, when set, runs first each time,
# untimed); records "min median cpu rss" for NAME.
declare -A results
measure() {
  local name=$1; shift
  local times=() line
  for ((run = 0; run < runs; run++)); do
    [ -n "${BEFORE:-}" ] && eval "$BEFORE"
    /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" "$@" > "$work/out.txt" 2> "$work/err.txt" || { [ $? -eq 2 ] || { cat "$work/err.txt"; exit 1; }; }
    times+=("$(cat "$work/time.txt")")
  done
  line=$(printf '%s\n' "${times[@]}" | sort -n | awk -v n="$runs" '
    { wall[NR] = $1; cpu[NR] = $2 + $3; rss[NR] = $4 }
    END { m = int((n + 1) / 2); printf "%.2f %.2f %.2f %d", wall[1], wall[m], cpu[m], rss[m] / 1024 }')
  results[$name]=$line
}

cp "$root/examples/fleet/certs/fleet-root.crt" "$work/root.crt"
printf '%-5s %8s %8s %9s | %-24s | %-24s | %-24s | %-24s\n' fleet clusters links files "mcplan, no changes" "mcplan from empty, json" "first mcapply --commit" "mcapply --commit, 1 link"
printf '%-5s %8s %8s %9s | %-24s | %-24s | %-24s | %-24s\n' "" "" "" "" "min/median s, cpu s, MB" "min/median s, cpu s, MB" "min/median s, cpu s, MB" "min/median s, cpu s, MB"
for size in $sizes; do
  case $size in S) clusters=20 ;; M) clusters=100 ;; L) clusters=500 ;; XL) clusters=2000 ;; *) echo "unknown size $size"; exit 64 ;; esac
  fleet="$work/$size"
  mkdir -p "$fleet/pristine"
  cp "$work/root.crt" "$fleet/pristine/"
  generate "$clusters" "$fleet/pristine/topology.yaml"
  git -C "$fleet/pristine" init -q -b main
  git -C "$fleet/pristine" add -A
  git -C "$fleet/pristine" commit -q -m topology
  repo="$fleet/repo"
  BEFORE="" measure "$size plan-empty" "$bin/mcplan" -C "$fleet/pristine" -o json --out "$work/plan.json"
  mkdir -p "$work/spent"
  BEFORE="if [ -e '$repo' ]; then mv '$repo' \"\$(mktemp -d '$work/spent/XXXXXX')\"; fi; cp -a '$fleet/pristine' '$repo'" \
    measure "$size apply-first" "$bin/mcapply" -C "$repo" --commit
  BEFORE="" measure "$size plan-noop" "$bin/mcplan" -C "$repo"
  # One link more on each odd run, one less on each even one: every run commits a one-link change.
  cat > "$work/toggle.sh" <<SH
if grep -q '^  - {source: r000-c1, target: r001-c1}$' '$repo/topology.yaml'; then
  sed -i '/^  - {source: r000-c1, target: r001-c1}$/d' '$repo/topology.yaml'
else
  sed -i 's/^links:$/links:\n  - {source: r000-c1, target: r001-c1}/' '$repo/topology.yaml'
fi
SH
  BEFORE="bash '$work/toggle.sh'" measure "$size apply-link" "$bin/mcapply" -C "$repo" --commit
  # Each region's 90, each hub group's n(n - 1), and the groups' first hubs' k(k - 1).
  regions=$(( clusters / 10 )) groups=$(( (clusters / 10 + 49) / 50 ))
  links=$(( regions * 90 + (groups > 1 ? groups * (groups - 1) : 0) ))
  for ((start = 0; start < regions; start += 50)); do
    n=$(( regions - start < 50 ? regions - start : 50 ))
    links=$(( links + n * (n - 1) ))
  done
  files=$(git -C "$repo" ls-files rendered | wc -l)
  cell() { set -- ${results[$1]}; printf '%s/%s, %s, %s' "$1" "$2" "$3" "$4"; }
  printf '%-5s %8d %8d %9d | %-24s | %-24s | %-24s | %-24s\n' "$size" "$clusters" "$links" "$files" \
    "$(cell "$size plan-noop")" "$(cell "$size plan-empty")" "$(cell "$size apply-first")" "$(cell "$size apply-link")"
  mv "$fleet" "$(mktemp -d "$work/spent/XXXXXX")"
done
if [[ " $sizes " == *" L "* && " $sizes " == *" XL "* ]]; then
  printf 'L -> XL (median wall, peak RSS):'
  for command in plan-noop plan-empty apply-first apply-link; do
    set -- ${results[L $command]}; l=$2; lm=$4
    set -- ${results[XL $command]}; awk -v c="$command" -v a="$2" -v b="$l" -v m="$4" -v n="$lm" 'BEGIN { printf "  %s %.1fx %.1fx", c, a / b, m / n }' 
  done
  echo
fi
