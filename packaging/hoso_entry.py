"""The bundle's entry point (PyInstaller): the same `hoso` as an installed program."""

import multiprocessing
import sys

from desktop.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
