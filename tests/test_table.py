"""The reference table: rows, ids, columns and domain registration, in rST and MyST."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from helpers import html
from versions import load_inventory

from sphinxext_wsclose.bundled import REGISTRY

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.testing.util import SphinxTestApp


def _join(base: str, uri: str) -> str:
    return f'{base}/{uri}'


def test_table_has_one_row_per_registry_entry(
    shared: Callable[..., SphinxTestApp], syntax: str
) -> None:
    app = shared('mentions', syntax)
    page = html(app, 'codes')
    table = page.select_one('table.wsclose-table')
    assert table is not None
    headers = [th.get_text(strip=True) for th in table.select('thead th')]
    assert headers == ['Code', 'Name', 'Description', 'Reference']

    rows = table.select('tbody tr')
    assert [row['id'] for row in rows] == [f'wsclose-{entry.key}' for entry in REGISTRY]
    for row, entry in zip(rows, REGISTRY, strict=True):
        cells = row.find_all('td')
        # The row's permalink (¶) follows the code: its text is no part of the code.
        permalink = cells[0].find('a', class_='headerlink').extract()
        assert permalink['href'] == f'#wsclose-{entry.key}'
        assert [cell.get_text(strip=True) for cell in cells[:3]] == [
            entry.code_text, entry.name, entry.description
        ]
        links = [(a.get_text(), a['href']) for a in cells[3].find_all('a')]
        assert links == [(ref.label, ref.url) for ref in entry.references]
        assert f'wsclose-{entry.kind.value}' in row['class']


def test_table_registers_every_row_in_the_domain_and_inventory(
    shared: Callable[..., SphinxTestApp],
) -> None:
    app = shared('mentions', 'rst')
    objects = {name: (docname, anchor) for name, _d, _t, docname, anchor, _p
               in app.env.get_domain('wsclose').get_objects()}
    assert objects == {entry.key: ('codes', f'wsclose-{entry.key}') for entry in REGISTRY}

    codes = load_inventory(app.outdir / 'objects.inv', 'https://ws.example')['wsclose:code']
    assert set(codes) == {entry.key for entry in REGISTRY}
    assert codes['1008'] == ('https://ws.example/codes.html#wsclose-1008', '1008 Policy Violation')


def test_codes_are_in_the_search_index(shared: Callable[..., SphinxTestApp]) -> None:
    app = shared('mentions', 'rst')
    text = (app.outdir / 'searchindex.js').read_text(encoding='utf-8')
    index = json.loads(text.removeprefix('Search.setIndex(').removesuffix(')'))
    (objtype,) = [key for key, name in index['objtypes'].items() if name == 'wsclose:code']
    assert index['objnames'][objtype] == ['wsclose', 'code', 'WebSocket close code']
    found = {(entry[3], entry[4]) for entries in index['objects'].values() for entry in entries
             if str(entry[1]) == objtype}
    assert ('wsclose-1008', '1008 Policy Violation') in found
    assert len(found) == len(REGISTRY)
