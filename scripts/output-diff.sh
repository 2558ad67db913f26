#!/usr/bin/env bash
# Cell-by-cell comparison of the generated output at two commits (default: where this branch left main, and the working tree):
#   scripts/output-diff.sh [base-commit]
# Builds the disclosures of both examples in every language, with live formulas and values only, plus
# `esg kpis --json`, at the base commit (exported to a temporary folder, sharing node_modules) and here,
# dumps every cell with scripts/output-dump.py and diffs the dumps. Exit 0 when everything is identical.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
base=${1:-$(git -C "$here" merge-base HEAD main)}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/tree"
git -C "$here" archive "$base" | tar -x -C "$tmp/tree"
ln -s "$here/node_modules" "$tmp/tree/node_modules"
run() { # tree label
  local tree=$1 label=$2 ex lang extra
  mkdir -p "$tmp/$label"
  for ex in sample-esg-2024 synthetic-sites; do
    for lang in en zh-HK both; do
      for extra in "" "--values-only"; do
        local out="$tmp/$label/$ex-$lang${extra:+-vo}.xlsx"
        (cd "$tree" && npx tsx src/cli/main.ts generate "$here/examples/$ex.xlsx" --out "$out" --lang "$lang" $extra >/dev/null) || true
        /usr/bin/python3 "$here/scripts/output-dump.py" "$out" >"${out%.xlsx}.dump"
      done
    done
    (cd "$tree" && npx tsx src/cli/main.ts kpis "$here/examples/$ex.xlsx" --json >"$tmp/$label/$ex-kpis.json") || true
  done
}
run "$tmp/tree" base
run "$here" head
n=0
for f in "$tmp"/base/*.dump "$tmp"/base/*.json; do
  g="$tmp/head/$(basename "$f")"
  if cmp -s "$f" "$g"; then echo "identical  $(basename "$f") ($(wc -l <"$f") lines)"; else echo "DIFFERENT  $(basename "$f")"; { diff "$f" "$g" | head -20 || true; }; n=$((n + 1)); fi
done
echo "$n of $(ls "$tmp"/base/*.dump "$tmp"/base/*.json | wc -l) outputs differ from $base"
[ "$n" -eq 0 ]
