#!/bin/sh
# Every source with translatable strings must be listed in po/POTFILES.in,
# and every listed file must exist.
set -eu
top=${1:-$(dirname "$0")/..}
cd "$top"
status=0
listed=$(grep -v '^#' po/POTFILES.in | sed '/^$/d' | sort)
for f in $listed; do
  [ -f "$f" ] || { echo "po/POTFILES.in lists $f, which does not exist"; status=1; }
done
found=$( { grep -rlE '(^|[^A-Za-z0-9_])(_|N_|C_|NC_)\(' app --include='*.c' 2>/dev/null || true;
           grep -rl 'translatable="yes"' ui 2>/dev/null || true;
           ls resources/data/*.in.in resources/data/*.gschema.xml 2>/dev/null || true; } | sort -u)
for f in $found; do
  echo "$listed" | grep -qx "$f" || { echo "$f has translatable strings but is missing from po/POTFILES.in"; status=1; }
done
[ $status -eq 0 ] && echo "po/POTFILES.in is complete"
exit $status
