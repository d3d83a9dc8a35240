#!/usr/bin/env bash
# The package as a user gets it: `npm pack`, the tarball installed globally into an empty prefix
# (no package.json, no node_modules around it), then `evalgate --help`, `init`, `validate` and
# `pr` on a small Python project in a fresh git repository, with only the installed command on
# PATH. Packs dist/ as it is: after changing src/, run `npm run bundle` first.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
started=$SECONDS
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
fail() {
  echo "install-check: $*" >&2
  exit 1
}
command -v python3 >/dev/null || fail "python3 is needed for the Python project"

tgz="$(cd "$root" && npm pack --silent --pack-destination "$tmp" | tail -n 1)"
bytes=$(wc -c <"$tmp/$tgz")
echo "install-check: $tgz, $((bytes / 1024)) KB"

# Only the bundled command line, its licenses and the package's own files.
unexpected="$(tar -tzf "$tmp/$tgz" | grep -Ev '^package/(bin/|dist/cli/|dist/licenses\.txt$|README\.md$|LICENSE$|package\.json$)' || true)"
[ -z "$unexpected" ] || fail "the tarball holds files it should not: $unexpected"

mkdir "$tmp/project"
npm install -g --prefix "$tmp/prefix" --no-audit --no-fund --loglevel=error \
  "$tmp/$tgz" >/dev/null
export PATH="$tmp/prefix/bin:$PATH"
[ "$(command -v evalgate)" = "$tmp/prefix/bin/evalgate" ] || fail "evalgate is not the installed one"

# The README's other way, from the git repository: npm must pack it as it is (no build or prepare
# script that would make npm install every dev dependency and link to a deleted clone).
if sha="$(git -C "$root" rev-parse HEAD 2>/dev/null)"; then
  npm install -g --prefix "$tmp/from-git" --no-audit --no-fund --loglevel=error \
    "git+file://$root#$sha" >/dev/null
  "$tmp/from-git/bin/evalgate" --version >/dev/null || fail "the install from git does not run"
  echo "install-check: the install from the git repository runs"
fi

cd "$tmp/project"
evalgate --help | grep -q '^Usage: evalgate <command>' || fail "evalgate --help printed no usage"

# A Python project: init detects it and writes a command target run by python3.
printf 'def reply(question):\n    return "ok"\n' >app.py
evalgate init | tee "$tmp/init.txt"
grep -q 'a python target' "$tmp/init.txt" || fail "init did not detect the Python project"
evalgate validate

git init -q
git add -A
git -c user.name=install-check -c user.email=install-check@evalgate.invalid commit -qm init
code=0
evalgate pr --base "$(git rev-parse HEAD)" --quiet >"$tmp/pr.txt" || code=$?
cat "$tmp/pr.txt"
[ "$code" -eq 0 ] || fail "evalgate pr exited $code on an unchanged project"
grep -Eiq '^(passed|blocked|error)' "$tmp/pr.txt" || fail "evalgate pr printed no verdict"
verdict="$(node -p 'require("./.evalgate/pr/comparison.json").verdict')"
[ "$verdict" = pass ] || fail "the verdict of an unchanged project is $verdict, not pass"

echo "install-check: ok in $((SECONDS - started)) s"
