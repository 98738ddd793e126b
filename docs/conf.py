"""Sphinx configuration for the sphinxext-wsclose documentation."""

from __future__ import annotations

import sys
from pathlib import Path

# Build from a checkout even when the package is not installed.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sphinxext_wsclose import __version__

project = 'sphinxext-wsclose'
author = 'The sphinxext-wsclose developers'
copyright = f'2026, {author}'
version = release = __version__

extensions = ['sphinxext_wsclose', 'myst_parser']
source_suffix = {'.rst': 'restructuredtext', '.md': 'markdown'}
# ``snippets/`` holds the examples that pages both show and render.
exclude_patterns = ['_build', 'snippets']

# Show the [type.subtype] of each warning (the default from Sphinx 8 on).
show_warning_types = True

html_theme = 'furo'
html_title = f'{project} {release}'
