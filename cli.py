"""`python cli.py ...` runs the same app as the installed `toolkit` command."""

import sys

from toolkit.cli import main

if __name__ == "__main__":
    sys.exit(main())
