"""A project's own codes, from conf.py and from wsclose:code, in rST and MyST."""

from __future__ import annotations

from typing import TYPE_CHECKING

from helpers import SUFFIX, html, warnings
from versions import load_inventory

from sphinxext_wsclose.bundled import REGISTRY

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.testing.util import SphinxTestApp

TOKEN = 'The access token expired; the client should refresh it and reconnect.'
ROOM = 'The room has no free seat.'

# One row per list item of mentions.rst / mentions.md: (text, href, tooltip).
EXPECTED = [
    ('4001 Token expired', 'protocol.html#wsclose-4001', TOKEN),
    ('4001 Token expired', 'protocol.html#wsclose-4001', TOKEN),
    ('4001 Token expired', 'protocol.html#wsclose-4001', TOKEN),
    ('4002 Room full', 'codes.html#wsclose-4002', ROOM),
    ('4002 Room full', 'codes.html#wsclose-4002', ROOM),
    ('4003 Kicked', 'codes.html#wsclose-4003', 'Kicked'),
    ('4009 (private use)', 'codes.html#wsclose-4000-4999', REGISTRY['4000-4999'].description),
    ('our code', 'protocol.html#wsclose-4001', TOKEN),
    ('1008 Policy Violation', 'codes.html#wsclose-1008', REGISTRY['1008'].description),
]


def _links(app: SphinxTestApp, page: str) -> list[tuple[str, str, str | None]]:
    return [
        (a.get_text(), a['href'], a.get('title'))
        for a in html(app, page).select('div.body li a.reference')
    ]


def test_mentions_of_own_codes(build: Callable[..., SphinxTestApp], syntax: str) -> None:
    app = build('owncodes', syntax)
    assert warnings(app) == []
    assert _links(app, 'mentions') == EXPECTED


def test_directive_renders_a_description_with_its_anchor(
    build: Callable[..., SphinxTestApp], syntax: str
) -> None:
    app = build('owncodes', syntax)
    page = html(app, 'protocol')
    signature = page.select_one('dl.wsclose.code > dt')
    assert signature is not None
    assert signature['id'] == 'wsclose-4001'
    assert signature.get_text(' ', strip=True).replace('\u00b6', '').strip() == (
        '4001 Token expired (TOKEN_EXPIRED)'
    )
    body = page.select_one('dl.wsclose.code > dd')
    assert body is not None
    assert [p.get_text() for p in body.find_all('p')] == [
        'The access token expired; the client should refresh it and reconnect.',
        'A second paragraph that is not part of the tooltip.',
    ]
    assert body.find('strong').get_text() == 'refresh'


def test_table_lists_own_codes(build: Callable[..., SphinxTestApp], syntax: str) -> None:
    app = build('owncodes', syntax)
    rows = html(app, 'codes').select('table.wsclose-table tbody tr')
    for row in rows:
        for permalink in row.select('a.headerlink'):  # the row's ¶
            permalink.decompose()
    cells = [[td.get_text(strip=True) for td in row.find_all('td')][:3] for row in rows]
    keys = [row.get('id') for row in rows]
    at = [c[0] for c in cells].index('4000\u20134999')
    assert cells[at + 1 : at + 4] == [
        ['4001', 'Token expired', TOKEN],
        ['4002', 'Room full', ROOM],
        ['4003', 'Kicked', 'Kicked'],
    ]
    # conf.py codes are rows with their own anchors; a directive's code is
    # anchored at its description, and its row links there.
    assert keys[at + 1 : at + 4] == [None, 'wsclose-4002', 'wsclose-4003']
    link = rows[at + 1].find('a')
    assert (link.get_text(), link['href']) == ('4001', 'protocol.html#wsclose-4001')
    assert 'wsclose-custom' in rows[at + 1]['class']


def test_own_codes_in_inventory_and_indices(
    build: Callable[..., SphinxTestApp], syntax: str
) -> None:
    app = build('owncodes', syntax)
    codes = load_inventory(app.outdir / 'objects.inv')['wsclose:code']
    found = {key: codes[key] for key in ('4001', '4002', '4003')}
    assert found == {
        '4001': ('protocol.html#wsclose-4001', '4001 Token expired'),
        '4002': ('codes.html#wsclose-4002', '4002 Room full'),
        '4003': ('codes.html#wsclose-4003', '4003 Kicked'),
    }

    index = html(app, 'wsclose-index')
    entries = {a.get_text(): a['href'] for a in index.select('table.indextable a')}
    assert entries['4001 Token expired'] == 'protocol.html#wsclose-4001'
    assert entries['4002 Room full'] == 'codes.html#wsclose-4002'
    assert entries['1008 Policy Violation'] == 'codes.html#wsclose-1008'
    groups = [cap.get_text(strip=True) for cap in index.select('table.indextable tr.cap strong')]
    assert groups[:2] == ['0\u2013999 Not used', '1000\u20132999 Protocol and extensions']

    genindex = html(app, 'genindex')
    general = {a.get_text(strip=True): a['href'] for a in genindex.select('table.indextable a')}
    assert general['4001 Token expired (WebSocket close code)'] == 'protocol.html#wsclose-4001'
    assert general['1008 Policy Violation (WebSocket close code)'] == 'codes.html#wsclose-1008'


def test_indices_can_be_switched_off(build: Callable[..., SphinxTestApp]) -> None:
    app = build(
        'owncodes', 'rst',
        confoverrides={'wsclose_domain_index': False, 'wsclose_index_entries': False},
    )
    assert warnings(app) == []
    assert not (app.outdir / 'wsclose-index.html').exists()
    genindex = html(app, 'genindex')
    texts = [a.get_text() for a in genindex.select('table.indextable a')]
    assert not [text for text in texts if 'WebSocket close code' in text]
    # Both switches leave the link targets alone.
    assert _links(app, 'mentions') == EXPECTED
    # No label for a page that is not written.
    assert 'wsclose-index' not in app.env.get_domain('std').labels


def test_link_to_a_switched_off_index_warns(
    build: Callable[..., SphinxTestApp], syntax: str
) -> None:
    app = build('owncodes', syntax)
    assert 'wsclose-index' in app.env.get_domain('std').labels
    source = app.srcdir / f'index.{SUFFIX[syntax]}'
    lines = source.read_text(encoding='utf-8').splitlines()
    link = ':ref:`wsclose-index`' if syntax == 'rst' else '{ref}`wsclose-index`'
    source.write_text('\n'.join([*lines, '', f'See {link}.', '']), encoding='utf-8')
    app.cleanup()
    app = build('owncodes', syntax, confoverrides={'wsclose_domain_index': False})
    # Sphinx's own warning (its type is shown from Sphinx 8 on).
    assert [line.removesuffix(' [ref.ref]') for line in warnings(app)] == [
        f"{source}:{len(lines) + 2}: WARNING: undefined label: 'wsclose-index'"
    ]


def test_role_format(build: Callable[..., SphinxTestApp], syntax: str) -> None:
    app = build('owncodes', syntax, confoverrides={'wsclose_role_format': '{name} ({code})'})
    assert warnings(app) == []
    texts = [text for text, _href, _title in _links(app, 'mentions')]
    assert texts == [
        'Token expired (4001)', 'Token expired (4001)', 'Token expired (4001)',
        'Room full (4002)', 'Room full (4002)', 'Kicked (4003)', '4009 (private use)',
        'our code', 'Policy Violation (1008)',
    ]
