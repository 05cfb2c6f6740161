#!/usr/bin/env bash
# On the air-gapped workstation: install from the wheelhouse only, never from the network.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install --no-index --find-links packaging/wheelhouse hoso-thanh-tra
.venv/bin/hoso --version
