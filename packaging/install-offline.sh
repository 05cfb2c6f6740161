#!/usr/bin/env bash
# On the air-gapped workstation: install the program from the wheelhouse only — pip never
# looks at a network (--no-index). Checks every wheel against SHA256SUMS first.
#
#   packaging/install-offline.sh [--allow-unsigned] [WHEELHOUSE] [PREFIX]
#     --allow-unsigned  install a wheelhouse without the release signature (one the
#                 department built itself); otherwise SHA256SUMS.sig must be there
#     WHEELHOUSE  the folder build-wheelhouse.sh made (default: packaging/wheelhouse)
#     PREFIX      where the program's own Python environment goes
#                 (default: ~/.local/share/hoso-thanh-tra/venv); `hoso` is linked into
#                 ~/.local/bin
#
# Installing again over an existing PREFIX updates the program; vaults and settings live
# elsewhere (the user's data folder) and are not touched. The first start of the new
# version upgrades a vault's schema after backing it up.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
allow_unsigned=
if [ "${1:-}" = --allow-unsigned ]; then
  allow_unsigned=1
  shift
fi
wheelhouse=$(cd "${1:-$here/wheelhouse}" && pwd)
prefix=${2:-$HOME/.local/share/hoso-thanh-tra/venv}
python=${PYTHON:-python3}

target=$("$python" -c 'import sys; print(("win" if sys.platform == "win32" else "linux")
  + "-cp%d%d" % sys.version_info[:2])')
if [ ! -d "$wheelhouse/$target" ]; then
  echo "The wheelhouse has no folder for this machine ($target): it has" \
       "$(cd "$wheelhouse" && ls -d */ 2>/dev/null | tr -d / | tr '\n' ' ')" >&2
  exit 1
fi
if [ -f "$wheelhouse/SHA256SUMS" ]; then
  # only this target's lines and the program: the other targets need not be on the stick
  if ! (cd "$wheelhouse" && grep -E "  \./($target/|hoso_thanh_tra-)" SHA256SUMS \
        | sha256sum --check --quiet --strict); then
    echo "A wheel differs from SHA256SUMS: the copy is damaged or altered — do not install." >&2
    exit 1
  fi
else
  echo "The wheelhouse has no SHA256SUMS: cannot check the copy — do not install." >&2
  exit 1
fi
if [ ! -f "$wheelhouse/SHA256SUMS.sig" ]; then
  if [ -z "$allow_unsigned" ]; then
    echo "The wheelhouse is not signed (no SHA256SUMS.sig): not installed. For a wheelhouse" \
         "your department built itself, run again with --allow-unsigned." >&2
    exit 1
  fi
  echo "Note: installing an unsigned wheelhouse (--allow-unsigned)."
fi

if [ -x "$prefix/bin/hoso" ] && [ -f "$wheelhouse/SHA256SUMS.sig" ]; then
  # an update: the program already installed (trusted since its own install) checks the
  # new copy's signature first
  if ! "$prefix/bin/hoso" verify-release "$wheelhouse"; then
    echo "The installed program does not recognise this copy as a release: not installed." >&2
    exit 1
  fi
fi

"$python" -m venv "$prefix"
# --isolated and no configuration file: the wheelhouse is the only source, whatever this
# machine's pip is set to look at
PIP_CONFIG_FILE=/dev/null "$prefix/bin/python" -m pip --isolated install -q --no-index \
  --find-links "$wheelhouse/$target" --upgrade hoso-thanh-tra
mkdir -p "$HOME/.local/bin"
ln -sf "$prefix/bin/hoso" "$HOME/.local/bin/hoso"
"$prefix/bin/hoso" --version
if [ -f "$wheelhouse/SHA256SUMS.sig" ]; then
  # compare the key's fingerprint with the one on the release's paper
  "$prefix/bin/hoso" verify-release "$wheelhouse" || true
fi
echo "Installed. Start with: hoso   (check this computer: hoso doctor)"
