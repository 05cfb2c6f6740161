#!/usr/bin/env bash
# On a machine WITH access to the package index: collect every wheel the program needs
# (for this OS and Python) into packaging/wheelhouse/, to carry to the air-gapped workstation.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pip wheel --wheel-dir packaging/wheelhouse .
echo "Copy the repository (with packaging/wheelhouse) to the workstation, then run packaging/install-offline.sh"
