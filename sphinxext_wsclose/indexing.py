"""The general index's entries for close codes, whole whatever their names hold.

Sphinx reads a ``;`` in a ``single`` index entry as the start of a sub-entry
and offers no escape: "4001 Token; expired" would be listed as "4001 Token",
with "expired (WebSocket close code)" under it.  So each ``;`` of an entry's
text is written as U+037E GREEK QUESTION MARK, which looks the same (Unicode
makes it canonically equivalent to ``;``), and LaTeX is told to print it as
``;``, which pdflatex could not do otherwise.

A table inside ``.. only::`` holds its entries back until the build knows
whether it keeps the table: :mod:`sphinxext_wsclose.only`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinxext_wsclose._locale import _

if TYPE_CHECKING:
    from sphinx.application import Sphinx


#: Stands in for ``;`` in the text of an index entry.
SEMICOLON = '\u037e'

_PREAMBLE = r"""
% sphinxext-wsclose: the ";" of a close code's name in the index (U+037E)
\ifdefined\DeclareUnicodeCharacter\DeclareUnicodeCharacter{037E}{;}\fi
"""


def index_entry(display: str, node_id: str) -> tuple[str, str, str, str, None]:
    """The general index's entry for the code or range shown as *display*."""
    text = _('%s (WebSocket close code)') % display
    return ('single', text.replace(';', SEMICOLON), node_id, '', None)


def declare_semicolon(app: Sphinx) -> None:
    """``builder-inited`` handler: LaTeX prints the stand-in as ``;``."""
    if app.builder.format == 'latex':
        context = app.builder.context  # type: ignore[attr-defined]
        context['preamble'] = context.get('preamble', '') + _PREAMBLE
