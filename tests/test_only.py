"""Tables inside ``.. only::``: one table per format, and links to the one it keeps.

The root's ``index`` has the full table inside ``.. only:: html`` and a
narrow one inside ``.. only:: not html``; ``other`` mentions codes in both.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from helpers import SUFFIX, copy_root, html, warnings
from versions import load_inventory

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp

#: The general index's entry for 1008.
ENTRY_1008 = '1008 Policy Violation (WebSocket close code)'


def _project(tmp_path: Path, syntax: str) -> Path:
    srcdir = tmp_path / syntax
    return copy_root('only', srcdir, syntax)


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


def test_latex_labels_the_table_it_keeps_on_any_page(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, syntax: str
) -> None:
    """Both tables on ``other``, which LaTeX writes inside the document that ``index`` starts."""
    srcdir = _project(tmp_path, syntax)
    index, other = (srcdir / f'{name}.{SUFFIX[syntax]}' for name in ('index', 'other'))
    text = index.read_text(encoding='utf-8')
    start = text.index('.. only::' if syntax == 'rst' else '````{only}')
    end = text.index('Closing with')
    index.write_text(text[:start] + text[end:], encoding='utf-8')
    other.write_text(other.read_text(encoding='utf-8') + '\n' + text[start:end],
                     encoding='utf-8')
    app = make_app('latex', srcdir=srcdir, freshenv=True)
    app.build()
    assert warnings(app) == []
    tex = (app.outdir / 'only.tex').read_text(encoding='utf-8')
    labels = set(re.findall(r'\\label\{\\detokenize\{other:(wsclose-[^}]*)\}\}', tex))
    links = set(re.findall(r'\\hyperref\[\\detokenize\{other:(wsclose-[^}]*)\}\]', tex))
    assert {'wsclose-1008', 'wsclose-4000-4999'} <= links
    assert links <= labels
    assert {'wsclose-0', 'wsclose-1'}.isdisjoint(labels)
    assert tex.count(r'\begin{longtable}') == 1
    assert tex.count(f'\\index{{{ENTRY_1008}@') == 1


@pytest.mark.slow  # five more builders
@pytest.mark.parametrize('builder', ['text', 'man', 'texinfo', 'singlehtml', 'epub'])
def test_other_builders_are_silent(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, syntax: str, builder: str
) -> None:
    app = make_app(builder, srcdir=_project(tmp_path, syntax), freshenv=True,
                   confoverrides={'epub_copyright': 'the authors', 'version': '1'})
    app.build()
    assert warnings(app) == []


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


# -- the general index -------------------------------------------------------------

def _genindex_links(app: SphinxTestApp, text: str) -> list[str]:
    """The addresses the general index gives for the entry *text*."""
    page = html(app, 'genindex')
    (item,) = [li for li in page.select('table.indextable li')
               if li.a is not None and li.a.get_text() == text]
    return [link['href'] for link in item.find_all('a', recursive=False)]



@pytest.mark.parametrize(('builder', 'suffix'), [('html', 'html'), ('epub', 'xhtml')])
def test_the_index_lists_the_kept_table_once(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, syntax: str, builder: str,
    suffix: str,
) -> None:
    app = make_app(builder, srcdir=_project(tmp_path, syntax), freshenv=True,
                   confoverrides={'epub_copyright': 'the authors', 'version': '1'})
    app.build()
    assert warnings(app) == []
    page = BeautifulSoup((app.outdir / f'genindex.{suffix}').read_text(encoding='utf-8'),
                         'html.parser')
    entries = [li for li in page.select('table.indextable li')
               if li.a is not None and li.a.get_text() == ENTRY_1008]
    assert len(entries) == 1
    links = [link['href'] for link in entries[0].find_all('a', recursive=False)]
    assert links == [f'index.{suffix}#wsclose-1008']


def _tables_on_two_pages(srcdir: Path, syntax: str) -> None:
    """``index`` keeps its table for HTML only; ``print`` has one for the other formats."""
    index = srcdir / f'index.{SUFFIX[syntax]}'
    text = index.read_text(encoding='utf-8')
    if syntax == 'rst':
        table = '.. only:: not html\n\n   .. wsclose-table::\n      :columns: code, name\n\n'
        page = 'Print\n=====\n\n' + table
        text = text.replace(table, '').replace('   other\n', '   other\n   print\n')
    else:
        table = '````{only} not html\n```{wsclose-table}\n:columns: code, name\n```\n````\n\n'
        page = '# Print\n\n' + table
        text = text.replace(table, '').replace('other\n```', 'other\nprint\n```')
    assert table in index.read_text(encoding='utf-8')
    index.write_text(text, encoding='utf-8')
    (srcdir / f'print.{SUFFIX[syntax]}').write_text(page, encoding='utf-8')


def test_the_index_leaves_out_a_table_on_another_page(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, syntax: str
) -> None:
    srcdir = _project(tmp_path, syntax)
    _tables_on_two_pages(srcdir, syntax)
    app = make_app('html', srcdir=srcdir, freshenv=True)
    app.build()
    assert warnings(app) == []
    assert _genindex_links(app, ENTRY_1008) == ['index.html#wsclose-1008']


def test_the_index_follows_the_tags_of_each_build(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, syntax: str
) -> None:
    """One environment, two builds: each index lists the table its build keeps."""
    srcdir = _project(tmp_path, syntax)
    _tables_on_two_pages(srcdir, syntax)
    for name in ('index', 'print'):
        page = srcdir / f'{name}.{SUFFIX[syntax]}'
        page.write_text(page.read_text(encoding='utf-8').replace('not html', 'draft')
                        .replace('} html', '} not draft').replace(':: html', ':: not draft'),
                        encoding='utf-8')
    expected = {(): 'index.html#wsclose-1008', ('draft',): 'print.html#wsclose-1008'}
    for tags in [(), ('draft',), ()]:
        app = make_app('html', srcdir=srcdir, builddir=tmp_path / '_build', tags=list(tags))
        app.build()
        assert warnings(app) == []
        assert _genindex_links(app, ENTRY_1008) == [expected[tags]], tags
        app.cleanup()


@pytest.mark.parametrize('builder', ['latex', 'texinfo'])
def test_printed_indexes_list_the_kept_table_once(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, syntax: str, builder: str
) -> None:
    srcdir = _project(tmp_path, syntax)
    _tables_on_two_pages(srcdir, syntax)
    app = make_app(builder, srcdir=srcdir, freshenv=True)
    app.build()
    assert warnings(app) == []
    (output,) = app.outdir.glob('*.tex' if builder == 'latex' else '*.texi')
    text = output.read_text(encoding='utf-8')
    marks = {'latex': f'\\index{{{ENTRY_1008}@', 'texinfo': f'@geindex {ENTRY_1008}\n'}
    assert text.count(marks[builder]) == 1
