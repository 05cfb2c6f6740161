#!/usr/bin/env bash
# Proves an air-gapped install: inside a network namespace with no interface up
# (unshare -rn: not even loopback), install the program from the wheelhouse with
# install-offline.sh, then run the installed program's command-line workflow — and the
# bundle's, when a bundle folder is given. A Python audit hook in the installed program (and
# pip) records every attempt to resolve a host name or open a network socket; any such
# attempt fails the test, even though in here it could not succeed.
#
#   packaging/test-offline.sh WHEELHOUSE [BUNDLE_DIR]
#
# Exit 0: passed; 1: failed; 77: skipped (this machine cannot make the namespace) — the
# reason is printed on a line starting "SKIPPED".
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
wheelhouse=$(cd "$1" && pwd)
bundle=${2:-}
[ -z "$bundle" ] || bundle=$(cd "$bundle" && pwd)

if ! unshare -rn true 2>/dev/null; then
  echo "SKIPPED test-offline: unshare -rn (a user and network namespace) is not allowed here"
  exit 77
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/hook" "$work/home"
# the audit hook the bundle carries, loaded by every Python started with this PYTHONPATH
# (pip, the installed hoso)
cp "$here/netlog_hook.py" "$work/hook/sitecustomize.py"

cat > "$work/inside.sh" <<'SH'
set -euo pipefail
work=$1 here=$2 wheelhouse=$3 bundle=$4
export HOME="$work/home" PYTHONPATH="$work/hook" HOSO_NET_LOG="$work/net.log"
export LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen
touch "$HOSO_NET_LOG"
# the detector must be able to fail: a look-up it has to record
python3 -c 'import socket
try: socket.getaddrinfo("pypi.org", 443)
except OSError: pass' 
grep -q getaddrinfo "$HOSO_NET_LOG" || { echo "FAILED: the audit hook records nothing"; exit 1; }
: > "$HOSO_NET_LOG"
echo "-- interfaces in here: $(ip -brief link 2>/dev/null | awk '{print $1 "(" $2 ")"}' | tr '\n' ' ')"
echo "-- install from the wheelhouse"
signed=--allow-unsigned
[ ! -f "$wheelhouse/SHA256SUMS.sig" ] || signed=
bash "$here/install-offline.sh" $signed "$wheelhouse" "$work/venv"

workflow() {   # $1: the hoso program to run
  local hoso=$1 v="$work/vault-$2" pw=offline-password-1
  echo "-- $hoso"
  "$hoso" --version
  "$hoso" doctor --no-desktop --lang en | tail -1
  printf '%s\n' "$pw" | "$hoso" init "$v" --admin admin --password-stdin
  run() { printf '%s\n' "$pw" | "$hoso" --vault "$v" --user admin "$@" --password-stdin; }
  run case add --code HS-01 --title "Thanh tra đất đai tại xã Yên Hòa" --decision-date 02/01/2025
  run case event HS-01 announced --date 06/01/2025
  run case list --search "dat dai" | grep -q HS-01
  run case deadlines HS-01 >/dev/null
  run export cases "$work/cases-$2.xlsx"
  run import "$work/cases-$2.xlsx" --kind cases --dry-run >/dev/null
  run audit verify
  run verify >/dev/null
  run backup "$work/backup-$2"
  printf '%s\n' demo-password | "$hoso" demo "$work/demo-$2" --password-stdin >/dev/null
  printf '%s\n' demo-password | "$hoso" --vault "$work/demo-$2" case list --password-stdin \
    > "$work/demo-$2.txt"
  echo "demo: $(($(wc -l < "$work/demo-$2.txt") - 2)) cases listed"
}
workflow "$work/venv/bin/hoso" installed
if [ -n "$bundle" ]; then
  workflow "$bundle/hoso" bundle
fi
if [ -s "$HOSO_NET_LOG" ]; then
  echo "FAILED: something tried the network:"
  cat "$HOSO_NET_LOG"
  exit 1
fi
echo "PASSED: installed and used with no network, and nothing tried to reach one"
SH
unshare -rn bash "$work/inside.sh" "$work" "$here" "$wheelhouse" "$bundle"
