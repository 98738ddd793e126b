"""A mention in a section title reads the same wherever Sphinx shows the title.

``closing`` has ``Closing with :wsclose:`4001``` and a subsection "When the
room is :wsclose:`ROOM_FULL`"; ``own`` (read later) names both codes;
``refs`` shows both titles through ``:ref:`` and ``:doc:``; ``index`` lists
them in its toctree.  Sphinx copies titles while a page is read, before
``own`` gives the names: each copy must still say what the heading says.
"""

from __future__ import annotations

import os
import shutil
import time
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from helpers import SUFFIX, copy_root, html, warnings

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp

CLOSING = 'Closing with 4001 Token expired'
FULL = 'When the room is 4002 Room full'
#: What the copies said before: the text each mention had when its page was read.
STALE = ('4001 (private use)', 'is ROOM_FULL')


def _project(tmp_path: Path, syntax: str) -> Path:
    srcdir = tmp_path / syntax
    return copy_root('titles', srcdir, syntax)


def _heading(soup: BeautifulSoup, level: str) -> str:
    return soup.find(level).get_text().rstrip('¶')


def test_one_text_everywhere(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, syntax: str
) -> None:
    app = make_app('html', srcdir=_project(tmp_path, syntax), freshenv=True)
    app.build()
    assert warnings(app) == []

    closing = html(app, 'closing')
    assert _heading(closing, 'h1') == CLOSING
    assert _heading(closing, 'h2') == FULL
    assert closing.title.get_text() == f'{CLOSING} — Titles  documentation'

    index = html(app, 'index')
    toctree = [link.get_text() for link in index.select('div.toctree-wrapper a')]
    assert toctree[:2] == [CLOSING, FULL]

    refs = html(app, 'refs')
    shown = [link.get_text() for link in refs.select('div.body p a.reference')]
    assert shown == [CLOSING, FULL, CLOSING]
    for page in app.outdir.glob('*.html'):
        text = page.read_text(encoding='utf-8')
        assert not [stale for stale in STALE if stale in text], page.name


@pytest.mark.parametrize(('builder', 'files'), [
    ('text', '*.txt'),
    ('latex', '*.tex'),
    ('man', '*.1'),
    ('texinfo', '*.texi'),
    ('singlehtml', '*.html'),
    ('epub', '*/*.*html'),
])
def test_every_builder_shows_the_heading_text(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, syntax: str, builder: str,
    files: str,
) -> None:
    app = make_app(builder, srcdir=_project(tmp_path, syntax), freshenv=True,
                   confoverrides={'epub_copyright': 'the authors', 'version': '1'})
    app.build()
    assert warnings(app) == []
    output = '\n'.join(path.read_text(encoding='utf-8') for path in app.outdir.glob(files))
    if builder == 'epub':
        output += (app.outdir / 'toc.ncx').read_text(encoding='utf-8')
    assert CLOSING in output
    assert FULL in output
    assert not [stale for stale in STALE if stale in output]


def _edit(path: Path, text: str) -> None:
    """Write a file with an mtime clearly after the last build."""
    path.write_text(text, encoding='utf-8')
    later = time.time() + 10
    os.utime(path, (later, later))


_OWN = {
    'rst': 'Own codes\n=========\n\n{codes}',
    'myst': '# Own codes\n\n{codes}',
}
_CODE = {
    'rst': '.. wsclose:code:: {code} {name}\n{options}\n   {body}\n\n',
    'myst': '```{{wsclose:code}} {code} {name}\n{options}\n{body}\n```\n\n',
}
_OPTION = {'rst': '   :constant: {}\n', 'myst': ':constant: {}\n'}


def _own_page(syntax: str, *codes: tuple[int, str, str | None]) -> str:
    return _OWN[syntax].format(codes=''.join(
        _CODE[syntax].format(code=code, name=name, body='Described.',
                             options=_OPTION[syntax].format(constant) if constant else '')
        for code, name, constant in codes
    ))


EDITS: dict[str, Callable[[Path, str], None]] = {
    'code renamed': lambda src, syntax: _edit(
        src / f'own.{SUFFIX[syntax]}',
        _own_page(syntax, (4001, 'Token revoked', None), (4002, 'Room closed', 'ROOM_FULL'))),
    'code moved to the page that refers': lambda src, syntax: (
        _edit(src / f'own.{SUFFIX[syntax]}', _own_page(syntax, (4002, 'Room full', 'ROOM_FULL'))),
        _edit(src / f'refs.{SUFFIX[syntax]}',
              (src / f'refs.{SUFFIX[syntax]}').read_text(encoding='utf-8') + '\n'
              + _own_page(syntax, (4001, 'Session over', None)).split('\n', 3)[-1])),
    'format changed': lambda src, syntax: _edit(
        src / 'conf.py', (src / 'conf.py').read_text(encoding='utf-8')
        + "wsclose_role_format = '{name} ({code})'\n"),
}


def _shown(outdir: Path) -> dict[str, str]:
    """What readers see of each page: its title and its body."""
    found = {}
    for page in sorted(outdir.glob('*.html')):
        soup = BeautifulSoup(page.read_text(encoding='utf-8'), 'html.parser')
        found[page.stem] = f'{soup.title}\n{soup.select_one("div.body")}'
    return found


@pytest.mark.slow  # three builds for each edit, as in test_incremental.py
@pytest.mark.parametrize('edit', list(EDITS))
def test_incremental_equals_clean(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, syntax: str, edit: str
) -> None:
    src = _project(tmp_path, syntax)
    first = make_app('html', srcdir=src, freshenv=True)
    first.build()
    before = _shown(first.outdir)
    first.cleanup()

    EDITS[edit](src, syntax)
    incremental = make_app('html', srcdir=src)
    incremental.build()
    assert warnings(incremental) == []
    incremental.cleanup()

    clean_src = tmp_path / 'clean'
    shutil.copytree(src, clean_src, ignore=shutil.ignore_patterns('_build'))
    clean = make_app('html', srcdir=clean_src, freshenv=True)
    clean.build()
    after = _shown(clean.outdir)
    assert _shown(incremental.outdir) == after
    # The edit changed the titles on the pages that were not edited.
    assert before['closing'] != after['closing']
    assert before['index'] != after['index']


def test_control_characters_in_a_title_are_not_read_as_slots(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, syntax: str
) -> None:
    """The marks that stand for a mention in a title's template are escaped (issue 17, item 10).

    A title that holds ``\\x01 0 \\x02``, the mark of the first mention, showed
    the mention's text twice in its ``:ref:`` copy.
    """
    srcdir = _project(tmp_path, syntax)
    page = srcdir / f'closing.{SUFFIX[syntax]}'
    text = page.read_text(encoding='utf-8')
    text = text.replace('Closing with', 'Closing \x010\x02 \x01-\x02 \x01 with')
    text = text.replace('=' * 28, '=' * 40)
    page.write_text(text, encoding='utf-8')
    app = make_app('html', srcdir=srcdir, freshenv=True)
    app.build()
    heading = _heading(html(app, 'closing'), 'h1')
    assert heading.count('4001 Token expired') == 1
    toctree = [link.get_text() for link in html(app, 'index').select('div.toctree-wrapper a')]
    shown = [link.get_text() for link in html(app, 'refs').select('div.body p a.reference')]
    assert (toctree[0], shown[0], shown[2]) == (heading, heading, heading)
