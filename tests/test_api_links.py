"""Rows and API entries link both ways, whatever the columns (issue 18, item 3).

An own code's row links to its enum member's autodoc entry through its name
when the ``constant`` column is not shown (the constant links otherwise); a
registered code that the project's enum spells (a library's ``CloseCode``
documented with autodoc) links to it through its name. Each entry links back
to its row ("WebSocket close code: …"). In HTML and in LaTeX, rST and MyST.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from helpers import SUFFIX, html, warnings

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp

#: A library's enum of registered codes, and one code of the project's own.
MODULE = '''import enum


class CloseCode(enum.IntEnum):
    """The codes this service closes with."""

    #: The server goes away.
    GOING_AWAY = 1001
    #: The room was closed.
    ROOM_CLOSED = 4001
'''


def _project(srcdir: Path, syntax: str) -> None:
    srcdir.mkdir()
    parser = "'myst_parser', " if syntax == 'myst' else ''
    (srcdir / 'conf.py').write_text(
        'import sys, os\nsys.path.insert(0, os.path.dirname(__file__))\n'
        f"extensions = [{parser}'sphinxext_wsclose', 'sphinx.ext.autodoc']\n"
        "show_warning_types = True\nwsclose_codes = 'apiframes:CloseCode'\n", encoding='utf-8')
    (srcdir / 'apiframes.py').write_text(MODULE, encoding='utf-8')
    if syntax == 'rst':
        page = ('Codes\n=====\n\n.. wsclose-table::\n   :codes: 1001, 4001\n'
                '   :columns: code, name, description\n\n'
                '.. autoclass:: apiframes.CloseCode\n   :members:\n')
    else:
        page = ('# Codes\n\n```{wsclose-table}\n:codes: 1001, 4001\n'
                ':columns: code, name, description\n```\n\n'
                '```{eval-rst}\n.. autoclass:: apiframes.CloseCode\n   :members:\n```\n')
    (srcdir / f'index.{SUFFIX[syntax]}').write_text(page, encoding='utf-8')


def test_rows_and_entries_link_both_ways(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, syntax: str, fresh_imports: None,
) -> None:
    _project(tmp_path / syntax, syntax)
    app = make_app('html', srcdir=tmp_path / syntax, freshenv=True)
    app.build()
    assert warnings(app) == []
    soup = html(app, 'index')
    names = {row['id']: [(a.get_text(), a['href']) for a in row.find_all('td')[1].select('a')]
             for row in soup.select('table.wsclose-table tbody tr')}
    assert names == {
        'wsclose-1001': [('Going Away', '#apiframes.CloseCode.GOING_AWAY')],
        'wsclose-4001': [('Room closed', '#apiframes.CloseCode.ROOM_CLOSED')],
    }
    back = {p.find_parent('dd').find_previous_sibling('dt')['id']: p.select_one('a')['href']
            for p in soup.select('p.wsclose-python')}
    assert back == {'apiframes.CloseCode.GOING_AWAY': '#wsclose-1001',
                    'apiframes.CloseCode.ROOM_CLOSED': '#wsclose-4001'}


def test_both_ways_in_latex(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, fresh_imports: None,
) -> None:
    _project(tmp_path / 'latex', 'rst')
    app = make_app('latex', srcdir=tmp_path / 'latex', freshenv=True)
    app.build()
    assert warnings(app) == []
    tex = (app.outdir / 'projectnamenotset.tex').read_text(encoding='utf-8')
    # The row's name links to the entry; the entry's mention to the row.
    assert re.search(r'\\hyperref\[\\detokenize\{index:apiframes\.CloseCode\.ROOM_CLOSED\}\]'
                     r'\{[^}]*Room closed', tex)
    assert re.search(r'\\hyperref\[\\detokenize\{index:wsclose-4001\}\]', tex)
