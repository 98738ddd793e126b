"""A ``;`` in a code's name stays in its general-index entry.

Sphinx reads ``;`` in an index entry as the start of a sub-entry; the entry
of "4001 Token; expired" must still be one entry, in HTML and in LaTeX.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from helpers import html, warnings

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.testing.util import SphinxTestApp

ENTRIES = ['4001 Token; expired (WebSocket close code)',
           '4002 Seat; taken (WebSocket close code)']


def test_html_index_keeps_the_name_whole(
    build: Callable[..., SphinxTestApp], syntax: str
) -> None:
    app = build('semicolon', syntax)
    assert warnings(app) == []
    index = html(app, 'genindex')
    items = {unicodedata.normalize('NFC', item.a.get_text()): item
             for item in index.select('table.indextable li') if item.a is not None}
    for text in ENTRIES:
        assert text in items  # one entry, whose ';' reads as one
        assert items[text].find('ul') is None  # and no sub-entries under it
    assert not [text for text in items if text.startswith(('expired', 'taken'))]


def test_latex_index_keeps_the_name_whole(
    build: Callable[..., SphinxTestApp], syntax: str
) -> None:
    app = build('semicolon', syntax, 'latex')
    assert warnings(app) == []
    tex = (app.outdir / 'semicolons.tex').read_text(encoding='utf-8')
    entries = [unicodedata.normalize('NFC', entry)
               for entry in re.findall(r'\\index\{([^@}]*)@', tex)]
    assert sorted(entries) == sorted(ENTRIES)
    assert r'\DeclareUnicodeCharacter{037E}{;}' in tex  # pdflatex prints it
