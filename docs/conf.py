"""Sphinx configuration for the sphinxext-wsclose documentation."""

from __future__ import annotations

import sys
from pathlib import Path

# Build from a checkout even when the package is not installed; examples/
# holds the game server's enum that code-sources.rst documents, and the API
# module that closes.rst documents.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent / 'examples'))

from sphinxext_wsclose import __version__

project = 'sphinxext-wsclose'
author = 'The sphinxext-wsclose developers'
copyright = f'2026, {author}'
version = release = __version__

extensions = [
    'sphinxext_wsclose',
    'myst_parser',
    'sphinx.ext.autodoc',
    'sphinx.ext.napoleon',
    'sphinx_design',
    'sphinxcontrib.httpdomain',
]
source_suffix = {'.rst': 'restructuredtext', '.md': 'markdown'}
# closes.rst's MyST examples: a field list (``:closes 1008: ...``) in a directive's body.
myst_enable_extensions = ['fieldlist']
# ``snippets/`` holds the examples that pages both show and render.
exclude_patterns = ['_build', 'snippets', 'examples']

# The codes of the game server in code-sources.rst, read from its IntEnum.
wsclose_codes = 'gameproto:GameClose'

# Show the [type.subtype] of each warning (the default from Sphinx 8 on).
show_warning_types = True

html_theme = 'furo'
html_title = f'{project} {release}'
# _static/docs.css: output blocks wrap their long lines instead of scrolling.
html_static_path = ['_static']
html_css_files = ['docs.css']

# -- PDF (make latexpdf) ------------------------------------------------------
# The pages use two characters that pdflatex has no glyph set up for.
latex_elements = {
    'preamble': r'''
\DeclareUnicodeCharacter{2264}{\ensuremath{\le}}
\DeclareUnicodeCharacter{2212}{\ensuremath{-}}
''',
}
