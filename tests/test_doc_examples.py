"""The examples in docs/ say what the extension really does.

The docs show each snippet's source and render it, so the two cannot drift;
these tests hold the rest: the rST and MyST versions of every snippet render
the same links, the warning outputs printed on the warnings page are what
a build prints today, and the link that the HTML page shows has the classes
of a built mention, in their order.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import sys
from typing import TYPE_CHECKING

import pytest
from helpers import (
    PAIRS,
    SNIPPETS,
    SYNTAXES,
    html,
    warnings,
    write_data_file_project,
    write_example_project,
)

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp

#: Every warning subtype that warnings.rst shows with a real build.
SUBTYPES = sorted(path.name.removesuffix('.out.txt')
                  for path in (SNIPPETS / 'warnings').glob('*.out.txt'))


def _links(app: SphinxTestApp) -> list[tuple[str, str | None, str | None]]:
    body = html(app, 'example').select_one('div.body')
    assert body is not None
    return [
        (a.get_text(), a.get('href'), a.get('title'))
        for a in body.select('a.reference.internal')
    ]


@pytest.mark.slow  # test_golden.py builds the same projects
@pytest.mark.parametrize('name', PAIRS)
def test_rst_and_myst_snippets_render_the_same(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, name: str
) -> None:
    assert (SNIPPETS / f'{name}.md.txt').exists(), f'{name} has no MyST twin'
    rendered = {}
    for syntax in SYNTAXES:
        srcdir = tmp_path / syntax
        write_example_project(srcdir, name, syntax)
        app = make_app('html', srcdir=srcdir, freshenv=True)
        app.build()
        assert warnings(app) == [], syntax
        rendered[syntax] = _links(app)
        app.cleanup()
    assert rendered['rst'] == rendered['myst']


def _load_example_builder() -> object:
    path = SNIPPETS / 'warnings' / 'build_examples.py'
    spec = importlib.util.spec_from_file_location('build_examples', path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules['build_examples'] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow  # a sphinx-build in a new Python for each
@pytest.mark.parametrize('subtype', SUBTYPES)
def test_warning_examples_are_current(tmp_path: Path, subtype: str) -> None:
    examples = _load_example_builder()
    root = tmp_path / f'chat-service-{subtype}'
    output = examples.build(subtype, root)  # type: ignore[attr-defined]
    shutil.rmtree(root)
    expected = (SNIPPETS / 'warnings' / f'{subtype}.out.txt').read_text(encoding='utf-8')
    assert output.replace(str(root), f'/tmp/chat-service-{subtype}') == expected


@pytest.mark.parametrize('suffix', ['toml', 'json'])
def test_data_file_examples_give_the_same_codes(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, suffix: str
) -> None:
    srcdir = tmp_path / suffix
    write_data_file_project(srcdir, suffix)
    app = make_app('html', srcdir=srcdir, freshenv=True)
    app.build()
    assert warnings(app) == []
    rows = html(app, 'index').select('table.wsclose-table tbody tr')
    for permalink in html(app, 'index').select('a.headerlink'):
        permalink.decompose()
    cells = [[td.get_text(strip=True).removesuffix('\u00b6') for td in row.find_all('td')]
             for row in rows]
    assert cells == [
        ['4100', 'Match over', 'MATCH_OVER',
         'The match is over; the client shows the results screen.'],
        ['4101', 'Server full', 'SERVER_FULL',
         'Every seat on this server is taken; the client picks another server.'],
        ['4102', 'Client outdated', '', 'Client outdated'],
    ]


@pytest.mark.slow  # a Sphinx build
def test_html_page_shows_a_mention_as_built(build: Callable[..., SphinxTestApp]) -> None:
    page = (SNIPPETS.parent / 'html.rst').read_text(encoding='utf-8')
    shown = re.search(r'<a class="([^"]+)" href="codes\.html#wsclose-1008"', page)
    assert shown is not None, 'docs/html.rst no longer shows the link to 1008'
    app = build('mentions', 'rst')
    link = html(app, 'mentions').select_one('a[href="codes.html#wsclose-1008"]')
    assert link is not None
    assert link['class'] == shown[1].split()
