#!/usr/bin/env bash
# make demo: copies the first example (east-west) into a fresh temporary git repository and runs
# mcplan there, showing what it finds: first the example as it is, then a copy with typos; then
# mcapply renders the cluster folders and the demo shows them.
set -euo pipefail
bin=${1:?usage: demo.sh BIN_DIR}
root=$(cd "$(dirname "$0")/.." && pwd)
repo=$(mktemp -d "${TMPDIR:-/tmp}/mcplan-demo.XXXXXX")
trap 'rm -rf "$repo"' EXIT
cp -R "$root/examples/east-west/." "$repo/"
git -C "$repo" init -q -b main
git -C "$repo" add -A
git -C "$repo" -c user.name=demo -c user.email=demo@localhost commit -q -m "east-west topology"

echo "\$ mcplan            # in a fresh repository holding examples/east-west"
(cd "$repo" && "$bin/mcplan") || true
echo
echo "\$ mcplan -f broken.yaml   # the same topology with typos"
sed -e 's/target: east/target: esat/' -e 's/port: 9898/port: "9898"/' -e 's/trustAnchors: \[root\]$/trustAnchor: [root]/' \
  "$repo/topology.yaml" > "$repo/broken.yaml"
status=0
(cd "$repo" && "$bin/mcplan" -f broken.yaml) || status=$?
echo "(exit status $status)"
echo
echo "\$ mcapply          # render every cluster's folder into rendered/"
(cd "$repo" && "$bin/mcapply")
echo
echo "\$ find rendered -type f | sort"
(cd "$repo" && find rendered -type f | sort)
echo
echo "\$ cat rendered/west/linkerd-multicluster/link-east.yaml"
cat "$repo/rendered/west/linkerd-multicluster/link-east.yaml"
