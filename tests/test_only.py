"""Tables inside ``.. only::``: one table per format, and links to the one it keeps.

The root's ``index`` has the full table inside ``.. only:: html`` and a
narrow one inside ``.. only:: not html``; ``other`` mentions codes in both.
"""

from __future__ import annotations

import re
import shutil
from typing import TYPE_CHECKING

import pytest
from conftest import ROOTS, SUFFIX, SYNTAXES, html, warnings
from versions import load_inventory

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp


def _project(tmp_path: Path, syntax: str) -> Path:
    srcdir = tmp_path / syntax
    shutil.copytree(ROOTS / f'test-only-{syntax}', srcdir)
    return srcdir


@pytest.mark.parametrize('syntax', SYNTAXES)
def test_html_keeps_its_table_and_links_to_it(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, syntax: str
) -> None:
    app = make_app('html', srcdir=_project(tmp_path, syntax), freshenv=True)
    app.build()
    assert warnings(app) == []

    index = html(app, 'index')
    tables = index.select('table.wsclose-table')
    assert len(tables) == 1
    assert len(tables[0].select('thead th')) == 4  # the html table: the default columns
    assert [row['id'] for row in index.select('tr#wsclose-1008')] == ['wsclose-1008']
    assert index.select_one('p a.wsclose')['href'] == '#wsclose-1008'
    other = html(app, 'other')
    assert [link['href'] for link in other.select('div.body a.reference')] == [
        'index.html#wsclose-1008', 'index.html#wsclose-4000-4999', 'index.html#wsclose-1008',
    ]
    uri, _text = load_inventory(app.outdir / 'objects.inv')['wsclose:code']['1008']
    assert uri == 'index.html#wsclose-1008'


@pytest.mark.parametrize('syntax', SYNTAXES)
def test_latex_labels_the_table_it_keeps(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, syntax: str
) -> None:
    app = make_app('latex', srcdir=_project(tmp_path, syntax), freshenv=True)
    app.build()
    assert warnings(app) == []
    tex = (app.outdir / 'only.tex').read_text(encoding='utf-8')
    labels = set(re.findall(r'\\label\{\\detokenize\{index:(wsclose-[^}]*)\}\}', tex))
    links = set(re.findall(r'\\hyperref\[\\detokenize\{index:(wsclose-[^}]*)\}\]', tex))
    assert {'wsclose-1008', 'wsclose-4000-4999'} <= links
    assert links <= labels
    assert {'wsclose-0', 'wsclose-1'}.isdisjoint(labels)
    assert tex.count(r'\begin{longtable}') == 1


@pytest.mark.parametrize('syntax', SYNTAXES)
@pytest.mark.parametrize('builder', ['text', 'man', 'texinfo', 'singlehtml', 'epub'])
def test_other_builders_are_silent(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, syntax: str, builder: str
) -> None:
    app = make_app(builder, srcdir=_project(tmp_path, syntax), freshenv=True,
                   confoverrides={'epub_copyright': 'the authors', 'version': '1'})
    app.build()
    assert warnings(app) == []


@pytest.mark.parametrize('syntax', SYNTAXES)
def test_two_tables_in_one_build_are_duplicates(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, syntax: str
) -> None:
    srcdir = _project(tmp_path, syntax)
    index = srcdir / f'index.{SUFFIX[syntax]}'
    index.write_text(index.read_text(encoding='utf-8').replace('not html', 'html or latex'),
                     encoding='utf-8')
    app = make_app('html', srcdir=srcdir, freshenv=True)
    app.build()
    first, second = (8, 12) if syntax == 'rst' else (6, 11)
    assert warnings(app) == [
        f'{index}:{second}: WARNING: this table documents 28 close codes (0-999, 1000-2999, '
        f'1000, 1001, 1002, …), already documented by the table at {index}:{first}; links go '
        'to that one [wsclose.duplicate]',
    ]
