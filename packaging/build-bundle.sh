#!/usr/bin/env bash
# The one-folder bundle for Linux x86_64 (PyInstaller): the program, its Python, Qt with only
# the modules it uses, the resources and the xcb libraries a plain desktop may lack —
# packed as dist/hoso-VERSION-linux-x86_64.tar.gz with SHA256SUMS (signed when
# HOSO_RELEASE_KEY names the release key). Needs the package index (or a wheelhouse given as
# WHEELHOUSE=folder) for PyInstaller and the program's dependencies.
#
#   packaging/build-bundle.sh [OUT]      (default OUT: dist/)
#
# Then: tar xzf hoso-*.tar.gz && hoso/hoso --version   (no Python needed on the machine)
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mkdir -p "${1:-dist}" && cd "${1:-dist}" && pwd)
python=${PYTHON:-python3}
build=build/bundle
venv=$build/venv

rm -rf build/lib   # setuptools' copy of the sources: a stale one would be bundled
if [ ! -x "$venv/bin/pyinstaller" ]; then
  "$python" -m venv "$venv"
  if [ -n "${WHEELHOUSE:-}" ]; then
    "$venv/bin/python" -m pip install -q --no-index --find-links "$WHEELHOUSE" pyinstaller .
  else
    "$venv/bin/python" -m pip install -q --upgrade pip
    "$venv/bin/python" -m pip install -q "pyinstaller>=6.10" .
  fi
else
  "$venv/bin/python" -m pip install -q --no-deps --force-reinstall .   # this source's program
fi
version=$("$venv/bin/python" -c 'import desktop; print(desktop.__version__)')
"$venv/bin/pyinstaller" --noconfirm --clean --log-level WARN --distpath "$build/dist" \
  --workpath "$build/work" packaging/hoso.spec
# a bundle that cannot start is not a bundle
"$build/dist/hoso/hoso" --version

name="hoso-$version-linux-x86_64"
rm -f "$out/$name.tar.gz"
tar -C "$build/dist" -czf "$out/$name.tar.gz" hoso
(cd "$out" && sha256sum "./$name.tar.gz" > SHA256SUMS)
if [ -n "${HOSO_RELEASE_KEY:-}" ]; then
  "$venv/bin/python" packaging/sign_release.py sign --key "$HOSO_RELEASE_KEY" "$out/SHA256SUMS"
fi
echo "Bundle: $out/$name.tar.gz ($(du -m "$out/$name.tar.gz" | cut -f1) MB compressed," \
     "$(du -sm "$build/dist/hoso" | cut -f1) MB unpacked)"
