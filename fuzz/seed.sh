#!/usr/bin/env bash
# Seeds the fuzz corpus with every workbook we have: the shipped example, the test
# fixtures and the odd-files corpus. The first byte of a seed names the format, in the
# order of redovisa::read::EXTENSIONS (xlsx, xlsm, xlsb, xls, ods).
set -euo pipefail
cd "$(dirname "$0")/.."
out=fuzz/corpus/read_workbook
mkdir -p "$out"
for f in input/* tests/fixtures/*.xls* ../shared/corpus/odd-files/*; do
  [ -f "$f" ] || continue
  case "${f##*.}" in
    xlsx) b='\x00' ;; xlsm) b='\x01' ;; xlsb) b='\x02' ;; xls) b='\x03' ;; ods) b='\x04' ;;
    *) continue ;;
  esac
  name=$(basename "$f")
  { printf "$b"; cat "$f"; } > "$out/seed-$name"
done
echo "seeded $(ls "$out" | wc -l) inputs in $out"
