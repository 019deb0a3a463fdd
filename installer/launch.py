"""The frozen app's entry point (PyInstaller starts here): the same `hrsupply` as the command."""

import sys

from hrsupply.cli import main

if __name__ == "__main__":
    sys.exit(main())
