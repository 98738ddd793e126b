"""Warnings that need more than their line checked: the links, the HTML, a resolver's turn.

Each message by itself, with its exact text and place, is a fixture file in
tests/warning_cases/ (tests/test_warning_cases.py builds them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from docutils import nodes
from helpers import SUFFIX, copy_root, html, warnings

from sphinxext_wsclose.bundled import REGISTRY

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp


@pytest.mark.parametrize(
    ('fallback', 'href'),
    [
        (None, 'https://www.rfc-editor.org/rfc/rfc6455#section-7.4.1'),  # the default: 'rfc'
        ('rfc', 'https://www.rfc-editor.org/rfc/rfc6455#section-7.4.1'),
        ('iana', 'https://www.iana.org/assignments/websocket/websocket.xml#close-code-number'),
    ],
)
def test_no_table_falls_back_to_the_source(
    build: Callable[..., SphinxTestApp], syntax: str, fallback: str | None, href: str
) -> None:
    overrides = {} if fallback is None else {'wsclose_fallback': fallback}
    app = build('notable', syntax, confoverrides=overrides)
    assert warnings(app) == []
    link = html(app, 'index').select_one('div.body p a')
    assert link is not None
    assert (link.get_text(), link['href']) == ('1008 Policy Violation', href)
    assert link['title'] == REGISTRY['1008'].description
    # The shape of every mention: the classes on the link, the text directly inside.
    assert sorted(link['class']) == ['external', 'reference', 'wsclose', 'wsclose-fallback',
                                     'wsclose-mention']
    assert link.find() is None


def test_no_table_and_no_fallback_warns(build: Callable[..., SphinxTestApp], syntax: str) -> None:
    app = build('notable', syntax, confoverrides={'wsclose_fallback': 'none'})
    source = app.srcdir / f'index.{SUFFIX[syntax]}'
    assert warnings(app) == [
        f'{source}:4: WARNING: no wsclose-table documents close code 1008 (Policy Violation), '
        "and wsclose_fallback is 'none': add a wsclose-table or link to one through intersphinx "
        '[wsclose.missing]'
    ]
    paragraph = html(app, 'index').select_one('div.body p')
    assert paragraph is not None
    assert paragraph.get_text() == 'The server closes with 1008 Policy Violation.'
    # No link: the text stays, in a span with the mention's classes.
    assert paragraph.select_one('a') is None
    span = paragraph.select_one('span')
    assert span is not None
    assert (span['class'], span.get_text()) == (['wsclose', 'wsclose-mention'],
                                                '1008 Policy Violation')
    assert paragraph.find('a') is None


def test_missing_reference_handlers_get_their_turn(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, syntax: str
) -> None:
    """A ``missing-reference`` handler (as intersphinx is) resolves silently."""
    srcdir = tmp_path / 'src'
    copy_root('notable', srcdir, syntax)
    app = make_app('html', srcdir=srcdir, freshenv=True,
                   confoverrides={'wsclose_fallback': 'none'})

    def resolve(
        _app: object, _env: object, node: nodes.Element, contnode: nodes.Element
    ) -> nodes.reference | None:
        if node.get('refdomain') != 'wsclose':
            return None
        uri = f'https://ws.example/#{node["reftarget"]}'
        ref = nodes.reference('', '', internal=False, refuri=uri)
        ref += contnode
        return ref

    app.connect('missing-reference', resolve)
    app.build()
    assert warnings(app) == []
    link = html(app, 'index').select_one('div.body p a')
    assert link is not None
    assert (link.get_text(), link['href']) == ('1008 Policy Violation', 'https://ws.example/#1008')


def test_two_tables_warn_once_naming_both_places(
    build: Callable[..., SphinxTestApp], syntax: str
) -> None:
    app = build('duplicate', syntax)
    suffix = SUFFIX[syntax]
    first, second = app.srcdir / f'first.{suffix}', app.srcdir / f'second.{suffix}'
    assert warnings(app) == [
        f'{second}:4: WARNING: this table documents 28 close codes (0-999, 1000-2999, 1000, '
        f'1001, 1002, \u2026), already documented by the table at {first}:4; links go to that '
        'one [wsclose.duplicate]'
    ]
    link = html(app, 'index').select_one('div.body p a')
    assert link is not None
    assert link['href'] == 'first.html#wsclose-1008'


def test_two_tables_on_one_page(build: Callable[..., SphinxTestApp], syntax: str) -> None:
    app = build('twotables', syntax)
    source = app.srcdir / f'index.{SUFFIX[syntax]}'
    assert warnings(app) == [
        f'{source}:7: WARNING: this table documents 28 close codes (0-999, 1000-2999, 1000, '
        f'1001, 1002, \u2026), already documented by the table at {source}:4; links go to that '
        'one [wsclose.duplicate]'
    ]
    page = html(app, 'index')
    link = page.select_one('div.body section > p a')
    assert link is not None
    assert (link.get_text(), link['href']) == ('1008 Policy Violation', '#wsclose-1008')
    first, second = page.select('table.wsclose-table')
    assert first.select_one('tbody tr')['id'] == 'wsclose-0-999'
    # The second table's rows cannot take the same ids; they get unique ones.
    second_ids = [row['id'] for row in second.select('tbody tr')]
    assert len(set(second_ids)) == 28
    assert not {row['id'] for row in first.select('tbody tr')} & set(second_ids)
