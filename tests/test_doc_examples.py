"""The examples in docs/ say what the extension really does.

The docs show each snippet's source and render it, so the two cannot drift;
these tests hold the rest: the rST and MyST versions of every snippet render
the same links, and the warning outputs printed on the warnings page are what
a build prints today.
"""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from conftest import SUFFIX, SYNTAXES, html, warnings

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.testing.util import SphinxTestApp

SNIPPETS = Path(__file__).parent.parent / 'docs' / 'snippets'
#: Every warning subtype that warnings.rst shows with a real build.
SUBTYPES = sorted(path.name.removesuffix('.out.txt')
                  for path in (SNIPPETS / 'warnings').glob('*.out.txt'))
PAIRS = sorted(path.name.removesuffix('.rst.txt') for path in SNIPPETS.glob('*.rst.txt'))
EXAMPLES = SNIPPETS.parent / 'examples'
#: The snippets about the game server's enum read it, as docs/conf.py does.
_GAME = (f'import sys\nsys.path.insert(0, {str(EXAMPLES)!r})\n'
         "wsclose_codes = 'gameproto:GameClose'\n")
SNIPPET_CONF = {'code-sources-table': _GAME, 'mention-members': _GAME}
OWN_TABLES = {'code-sources-table'}


def _links(app: SphinxTestApp) -> list[tuple[str, str | None, str | None]]:
    body = html(app, 'example').select_one('div.body')
    assert body is not None
    return [
        (a.get_text(), a.get('href'), a.get('title'))
        for a in body.select('a.reference.internal')
    ]


def write_example_project(srcdir: Path, name: str, syntax: str) -> str:
    """Write a project that shows snippet *name* in *syntax*; return the page's docname.

    The page is the snippet under a heading; the index holds the reference
    table that the snippet's mentions link to (tests/test_golden.py builds the
    same projects).
    """
    # A snippet with a table of the project's own codes sits beside a reference
    # table that leaves them out, as on docs/reference.rst.
    option = ':custom: exclude\n' if name in OWN_TABLES else ''
    if syntax == 'rst':
        index = (f'Codes\n=====\n\n.. wsclose-table::\n{"   " + option if option else ""}'
                 '\n.. toctree::\n\n   example\n')
        heading = 'Example\n=======\n\n'
    else:
        index = f'# Codes\n\n```{{wsclose-table}}\n{option}```\n\n```{{toctree}}\nexample\n```\n'
        heading = '# Example\n\n'
    suffix = SUFFIX[syntax]
    srcdir.mkdir(parents=True)
    (srcdir / 'conf.py').write_text(
        "extensions = ['myst_parser', 'sphinxext_wsclose']\nshow_warning_types = True\n"
        + SNIPPET_CONF.get(name, ''),
        encoding='utf-8',
    )
    (srcdir / f'index.{suffix}').write_text(index, encoding='utf-8')
    snippet = (SNIPPETS / f'{name}.{suffix}.txt').read_text(encoding='utf-8')
    (srcdir / f'example.{suffix}').write_text(heading + snippet, encoding='utf-8')
    return 'example'


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


@pytest.mark.parametrize('subtype', SUBTYPES)
def test_warning_examples_are_current(tmp_path: Path, subtype: str) -> None:
    examples = _load_example_builder()
    root = tmp_path / f'chat-service-{subtype}'
    output = examples.build(subtype, root)  # type: ignore[attr-defined]
    shutil.rmtree(root)
    expected = (SNIPPETS / 'warnings' / f'{subtype}.out.txt').read_text(encoding='utf-8')
    assert output.replace(str(root), f'/tmp/chat-service-{subtype}') == expected


def write_data_file_project(srcdir: Path, suffix: str) -> str:
    """Write a project whose codes come from the data file snippet of *suffix*.

    Return the docname of its page, a table of those codes.
    """
    srcdir.mkdir(parents=True)
    shutil.copy(SNIPPETS / f'close-codes.{suffix}.txt', srcdir / f'close-codes.{suffix}')
    (srcdir / 'conf.py').write_text(
        "extensions = ['sphinxext_wsclose']\nshow_warning_types = True\n"
        f"wsclose_codes = 'close-codes.{suffix}'\n",
        encoding='utf-8',
    )
    (srcdir / 'index.rst').write_text(
        'Codes\n=====\n\n.. wsclose-table::\n   :codes: 4100-4199\n'
        '   :columns: code, name, constant, description\n',
        encoding='utf-8',
    )
    return 'index'


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
