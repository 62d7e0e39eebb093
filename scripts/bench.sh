#!/usr/bin/env bash
# make bench: times the built (release) tools on a generated topology of 500 clusters and 5,000
# links, whole processes: mcplan's first plan, mcapply into an empty folder and again with nothing
# to change, then (once the folder is committed) mcplan with no changes and with one link changed.
set -euo pipefail
bin=${1:?usage: bench.sh BIN_DIR}
work=$(mktemp -d "${TMPDIR:-/tmp}/mcplan-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
root=$(cd "$(dirname "$0")/.." && pwd)
cp "$root/examples/fleet/certs/fleet-root.crt" "$work/root.crt"
python3 - "$work/topology.yaml" <<'PY'
import sys
clusters, links_per_cluster = 500, 10
out = ["apiVersion: mcplan/v1", "kind: Topology", "trustAnchors:", "  - name: root", "    file: root.crt", "clusters:"]
for i in range(clusters):
    out += [f"  - name: c{i:03d}", "    trustAnchors: [root]", "    gateway:", f"      address: 10.{i // 250}.{i % 250}.1",
            "    credentials:", "      externalSecret: {store: vault, key: \"mesh/{source}-to-{target}\"}"]
out.append("links:")
for i in range(clusters):
    for k in range(1, links_per_cluster + 1):
        out.append(f"  - {{source: c{i:03d}, target: c{(i + k) % clusters:03d}}}")
out.append("exports:")
for i in range(clusters):
    out.append(f"  - {{cluster: c{i:03d}, namespace: apps, services: [api, web]}}")
open(sys.argv[1], "w").write("\n".join(out) + "\n")
PY
echo "topology: $(wc -c < "$work/topology.yaml") bytes, 500 clusters, 5000 links, 1000 exported services"
git -C "$work" init -q
# best_of NAME COMMAND...: runs a command five times and prints the fastest run in milliseconds.
best_of() {
  local name=$1 best="" ms start
  shift
  for run in 1 2 3 4 5; do
    start=$(date +%s%N)
    "$@" > "$work/out.txt"
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
  done
  printf '%-40s best of 5: %6d ms   (%s)\n' "$name" "$best" "$(head -c 100 "$work/out.txt" | head -n 1)"
}
best_of "mcplan, first plan (empty base)" "$bin/mcplan" -C "$work" -o json
start=$(date +%s%N)
"$bin/mcapply" -C "$work" > "$work/out.txt"
printf '%-40s once:       %6d ms   (%s)\n' "mcapply into an empty folder" $(( ($(date +%s%N) - start) / 1000000 )) "$(head -c 100 "$work/out.txt")"
best_of "mcapply with nothing to change" "$bin/mcapply" -C "$work"
git -C "$work" add -A
git -C "$work" -c user.name=bench -c user.email=bench@localhost commit -q -m bench
best_of "mcplan, no changes" "$bin/mcplan" -C "$work"
sed -i 's/^  - {source: c000, target: c001}$/  - {source: c000, target: c001, mode: remote-discovery}/' "$work/topology.yaml"
best_of "mcplan, one link changed" "$bin/mcplan" -C "$work" -o json
echo "rendered: $(find "$work/rendered" -type f | wc -l) files, $(du -sh "$work/rendered" | cut -f1)"
