"""`python -m toolkit.cli ...` runs the `toolkit` command."""

import sys

from .app import main

sys.exit(main())
