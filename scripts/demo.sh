#!/usr/bin/env bash
# make demo: copies the first example (east-west) into a fresh temporary git repository and runs
# mcplan there (the first plan, against an empty base); then mcapply --commit renders and commits
# the folder through libgit2 (git log --stat shows it); then the demo edits the topology and shows
# the plan a reviewer would read. Last, a copy with typos shows the diagnostics.
set -euo pipefail
bin=${1:?usage: demo.sh BIN_DIR}
root=$(cd "$(dirname "$0")/.." && pwd)
repo=$(mktemp -d "${TMPDIR:-/tmp}/mcplan-demo.XXXXXX")
trap 'rm -rf "$repo"' EXIT
cp -R "$root/examples/east-west/." "$repo/"
cd "$repo"
git init -q -b main
git add -A
git -c user.name=demo -c user.email=demo@localhost commit -q -m "east-west topology"

echo "\$ mcplan | tail -n 20            # first plan: nothing rendered yet"
"$bin/mcplan" | tail -n 20
echo
echo "\$ mcapply --commit --author 'Demo <demo@localhost>'"
"$bin/mcapply" --commit --author "Demo <demo@localhost>"
echo
echo "\$ git log --stat -1"
git log --stat -1 | cat
echo
echo "\$ mcplan --detailed-exitcode      # nothing to do"
"$bin/mcplan" --detailed-exitcode && echo "(exit status 0)"
echo
echo "# a pull request exports east's frontend too: no object changes, but west gains a mirror"
sed -i '0,/^    service: podinfo$/s//    services: [podinfo, frontend]/' topology.yaml
echo "\$ mcplan"
"$bin/mcplan"
echo
echo "\$ mcapply --commit --author 'Demo <demo@localhost>' && git log -1 --format=%B"
"$bin/mcapply" --commit --author "Demo <demo@localhost>"
git log -1 --format=%B | sed -n '1,/^$/p;/^mesh:/,/^$/p'
echo
echo "# the next pull request moves 30% of west's podinfo traffic to east"
sed -i -e '0,/        weight: 50/s//        weight: 20/' -e '0,/        weight: 50/s//        weight: 80/' topology.yaml
echo "\$ mcplan --detailed-exitcode"
status=0
"$bin/mcplan" --detailed-exitcode || status=$?
echo "(exit status $status)"
echo
echo "\$ mcplan -o markdown               # what the pull-request comment shows"
"$bin/mcplan" -o markdown
echo
echo "\$ mcplan -f broken.yaml            # the same topology with typos"
sed -e 's/target: east/target: esat/' -e 's/port: 9898/port: "9898"/' topology.yaml > broken.yaml
status=0
"$bin/mcplan" -f broken.yaml || status=$?
echo "(exit status $status)"
