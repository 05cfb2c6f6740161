#!/usr/bin/env bash
# On a machine WITH access to the package index: the program and every dependency as
# wheels, one folder per target the workstations run — Linux x86_64 (glibc ≥ 2.34: Debian
# 12, Ubuntu 22.04 and later) and Windows amd64, Python 3.11 and 3.12. Binary wheels only
# (--only-binary=:all:): nothing is compiled on a workstation. Fails, naming the target and
# the package, when a dependency has no wheel for a target.
#
#   packaging/build-wheelhouse.sh [OUT] [TARGET …]
#     OUT      default packaging/wheelhouse
#     TARGET   linux-cp311 linux-cp312 win-cp311 win-cp312 (default: all four)
#              or "here": this machine's own OS and Python only
#
# Writes OUT/<target>/*.whl, OUT/SHA256SUMS (every file), and signs SHA256SUMS when
# HOSO_RELEASE_KEY names the release signing key (packaging/sign_release.py).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-packaging/wheelhouse}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(linux-cp311 linux-cp312 win-cp311 win-cp312)
python=${PYTHON:-python3}
mkdir -p "$out"
out=$(cd "$out" && pwd)

# the program itself: one pure-Python wheel, shared by every target
rm -f "$out"/hoso_thanh_tra-*.whl
"$python" -m pip wheel -q --no-deps --wheel-dir "$out" .
program=$(ls "$out"/hoso_thanh_tra-*.whl)

for target in "${targets[@]}"; do
  if [ "$target" = here ]; then
    target=$("$python" -c 'import sys; print(("win" if sys.platform == "win32" else "linux")
      + "-cp%d%d" % sys.version_info[:2])')
    platform_args=()     # this machine's own tags
    version_args=()
  else
    os=${target%%-cp*}
    py=${target#*-cp}
    case "$os" in
      linux) platform_args=()
             for glibc in 34 31 28 27 24 17 12 5; do   # glibc 2.34 and every older tag
               platform_args+=(--platform "manylinux_2_${glibc}_x86_64")
             done
             platform_args+=(--platform manylinux2014_x86_64 --platform manylinux2010_x86_64
                             --platform manylinux1_x86_64 --platform linux_x86_64) ;;
      win) platform_args=(--platform win_amd64) ;;
      *) echo "unknown target $target (linux-cp311, linux-cp312, win-cp311, win-cp312, here)" >&2
         exit 2 ;;
    esac
    version_args=(--python-version "${py:0:1}.${py:1}" --implementation cp
                  --abi "cp$py" --abi abi3 --abi none)
  fi
  echo "== $target"
  rm -rf "${out:?}/$target"
  mkdir -p "$out/$target"
  if ! "$python" -m pip download -q --only-binary=:all: "${platform_args[@]}" \
        "${version_args[@]}" --dest "$out/$target" "$program"; then
    echo "FAILED: a dependency has no binary wheel for $target (pip's message above)" >&2
    exit 1
  fi
  cp "$program" "$out/$target/"
  # pip evaluates markers for this machine: add what the target's own markers want
  for _round in 1 2 3 4 5; do
    lacking=$("$python" packaging/check_wheelhouse.py "$out/$target" "$target") && break
    echo "   for $target also: $(echo $lacking)"
    # shellcheck disable=SC2086
    if ! "$python" -m pip download -q --only-binary=:all: "${platform_args[@]}" \
          "${version_args[@]}" --dest "$out/$target" $lacking; then
      echo "FAILED: no binary wheel for $target of: $(echo $lacking)" >&2
      exit 1
    fi
  done
  if ! lacking=$("$python" packaging/check_wheelhouse.py "$out/$target" "$target"); then
    echo "FAILED: $target still lacks: $(echo $lacking)" >&2
    exit 1
  fi
  echo "   $(ls "$out/$target" | wc -l) wheels, complete for $target"
done

(cd "$out" && find . -type f -name '*.whl' | sort | xargs sha256sum > SHA256SUMS)
if [ -n "${HOSO_RELEASE_KEY:-}" ]; then
  "$python" packaging/sign_release.py sign --key "$HOSO_RELEASE_KEY" "$out/SHA256SUMS"
fi
echo "Wheelhouse: $out  (carry it to the workstation; install with packaging/install-offline.sh)"
