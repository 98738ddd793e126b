"""Links across projects: project B reaches project A's codes through intersphinx.

Project A (``tests/roots/test-owncodes``, in rST) is built first; B reads A's
``objects.inv`` from the local file, with A's site at https://a.example/.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
from helpers import SUFFIX, copy_root, html, warnings

from sphinxext_wsclose.bundled import REGISTRY

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp

A = 'https://a.example/'
MENTIONS = ('1008', '4001', 'the token code <4001>', '4002', '4009')


@pytest.fixture
def project_a(make_app: Callable[..., SphinxTestApp], tmp_path: Path) -> Path:
    srcdir = tmp_path / 'a'
    copy_root('owncodes', srcdir, 'rst')
    app = make_app('html', srcdir=srcdir, freshenv=True)
    app.build()
    assert warnings(app) == []
    app.cleanup()
    return app.outdir / 'objects.inv'


def _project_b(
    srcdir: Path,
    syntax: str,
    inventory: Path,
    *,
    table: bool,
    mentions: tuple[str, ...] = MENTIONS,
    role: str = 'wsclose',
) -> None:
    srcdir.mkdir()
    parser = "'myst_parser', " if syntax == 'myst' else ''
    (srcdir / 'conf.py').write_text(
        f"project = 'B'\n"
        f"extensions = [{parser}'sphinx.ext.intersphinx', 'sphinxext_wsclose']\n"
        f'intersphinx_mapping = {{"chat": ({A!r}, {str(inventory)!r})}}\n'
        'show_warning_types = True\n'
        'nitpicky = True\n',
        encoding='utf-8',
    )
    if syntax == 'rst':
        items = ''.join(f'* :{role}:`{target}`\n' for target in mentions)
        body = f'B\n=\n\n{items}'
        if table:
            body += '\n.. wsclose-table::\n'
    else:
        items = ''.join(f'* {{{role}}}`{target}`\n' for target in mentions)
        body = f'# B\n\n{items}'
        if table:
            body += '\n```{wsclose-table}\n```\n'
    (srcdir / f'index.{SUFFIX[syntax]}').write_text(body, encoding='utf-8')


def _links(app: SphinxTestApp) -> list[tuple[str, str]]:
    links = html(app, 'index').select('div.body li a')
    # Every mention has the same shape, wherever its link goes: a link with
    # the mention's classes, and its text directly inside.
    for link in links:
        assert {'reference', 'wsclose', 'wsclose-mention'} <= set(link['class'])
        assert link.find() is None
    return [(a.get_text(), a['href']) for a in links]


def _build_b(
    make_app: Callable[..., SphinxTestApp],
    srcdir: Path,
    syntax: str,
    inventory: Path,
    **kwargs: Any,
) -> list[tuple[str, str]]:
    """Build project B; it must be silent, under nitpicky.  Its links."""
    _project_b(srcdir, syntax, inventory, **kwargs)
    app = make_app('html', srcdir=srcdir, freshenv=True)
    app.build()
    assert warnings(app) == []
    return _links(app)


#: What B's mentions link to, without and with a table of its own.
ORDER = {
    'only A documents codes': (False, [
        ('1008 Policy Violation', f'{A}codes.html#wsclose-1008'),
        # A documents 4001 with wsclose:code: its name comes from A's inventory.
        ('4001 Token expired', f'{A}protocol.html#wsclose-4001'),
        ('the token code', f'{A}protocol.html#wsclose-4001'),
        ('4002 Room full', f'{A}codes.html#wsclose-4002'),
        # Nobody documents 4009 exactly: A's private-use row.
        ('4009 (private use)', f'{A}codes.html#wsclose-4000-4999'),
    ]),
    'B has a table too': (True, [
        ('1008 Policy Violation', '#wsclose-1008'),  # B's own row first
        ('4001 Token expired', f'{A}protocol.html#wsclose-4001'),  # A's exact code before B's range
        ('the token code', f'{A}protocol.html#wsclose-4001'),
        ('4002 Room full', f'{A}codes.html#wsclose-4002'),
        ('4009 (private use)', '#wsclose-4000-4999'),  # B's range before A's
    ]),
}


@pytest.mark.parametrize('case', ORDER)
def test_exact_code_here_then_there_then_range_here_then_there(
    make_app: Callable[..., SphinxTestApp],
    tmp_path: Path,
    project_a: Path,
    syntax: str,
    case: str,
) -> None:
    table, expected = ORDER[case]
    assert _build_b(make_app, tmp_path / 'b', syntax, project_a, table=table) == expected


@pytest.mark.parametrize('role', ['external:wsclose:code', 'external+chat:wsclose:code'])
def test_external_role_asks_the_other_project_only(
    make_app: Callable[..., SphinxTestApp],
    tmp_path: Path,
    project_a: Path,
    syntax: str,
    role: str,
) -> None:
    # B has its own table, but :external: asks other projects' inventories.
    links = _build_b(make_app, tmp_path / 'b', syntax, project_a, table=True,
                     mentions=('1008', '4001'), role=role)
    assert links == [
        ('1008 Policy Violation', f'{A}codes.html#wsclose-1008'),
        ('4001 Token expired', f'{A}protocol.html#wsclose-4001'),
    ]


def test_inventory_prefix_names_the_project(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, project_a: Path, syntax: str
) -> None:
    links = _build_b(make_app, tmp_path / 'b', syntax, project_a, table=True,
                     mentions=('1008', 'chat:1008'))
    assert links == [
        ('1008 Policy Violation', '#wsclose-1008'),
        ('1008 Policy Violation', f'{A}codes.html#wsclose-1008'),
    ]


def test_a_mention_linked_through_intersphinx_keeps_a_tooltip(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, project_a: Path
) -> None:
    """The other project's name for the code, what it means, and the project."""
    _project_b(tmp_path / 'b', 'rst', project_a, table=False)
    app = make_app('html', srcdir=tmp_path / 'b', freshenv=True)
    app.build()
    assert warnings(app) == []
    titles = [(a.get_text(), a.get('title')) for a in html(app, 'index').select('div.body li a')]
    assert titles == [
        ('1008 Policy Violation', f'1008 Policy Violation: {REGISTRY["1008"].description} '
                                  '(in Chat v1.0)'),
        ('4001 Token expired', '4001 Token expired (in Chat v1.0)'),
        ('the token code', '4001 Token expired (in Chat v1.0)'),
        ('4002 Room full', '4002 Room full (in Chat v1.0)'),
        ('4009 (private use)', '4000–4999 Private use (in Chat v1.0)'),
    ]
