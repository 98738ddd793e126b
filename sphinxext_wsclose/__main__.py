"""Run the ``wsclose`` command as ``python -m sphinxext_wsclose 1008``."""

from __future__ import annotations

import sys

from sphinxext_wsclose.cli import main

if __name__ == '__main__':
    sys.exit(main())
