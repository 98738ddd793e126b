"""An own code's reconnect advice, direction, version and deprecation, from each source.

The enum of ``tests/roots/test-lifecycle`` gives them as field lines at the
end of each member's ``#:`` comment or docstring; conf.py dicts and data
files give them as keys.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest
from helpers import html, warnings

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp

#: The table's rows: classes besides the row's own, and each cell's text.
ROWS = [
    ([], ['4001', 'Token expired', 'The access token expired.', 'reconnect', 'server']),
    (['wsclose-deprecated'], ['4002', 'Room full new in 2.1 deprecated in 3.0; use 4003 Room gone',
                              'The room is full.', '', '']),
    ([], ['4003', 'Room gone new in 3.0', 'The room is gone.', 'do not reconnect', 'server']),
]


def _rows(soup: object) -> list[tuple[list[str], list[str]]]:
    rows = []
    for row in soup.select('table.wsclose-table tbody tr'):  # type: ignore[attr-defined]
        extra = [name for name in row['class']
                 if name not in {'wsclose-row', 'wsclose-custom', 'row-even', 'row-odd'}]
        rows.append((extra, [' '.join(td.get_text(' ', strip=True).rstrip('¶').split())
                             for td in row.find_all('td')]))
    return rows


def test_enum_field_lines(shared: Callable[..., SphinxTestApp], syntax: str) -> None:
    app = shared('lifecycle', syntax)
    assert warnings(app) == []
    soup = html(app, 'index')
    assert _rows(soup) == ROWS
    # The replacement is a mention of 4003; mentions of the deprecated code carry a class.
    marker = soup.select_one('span.wsclose-deprecated-marker a.wsclose-mention')
    assert marker is not None
    assert marker['href'] == '#wsclose-4003'
    mentions = soup.select('div.body > section > p a.wsclose-mention')
    assert [('wsclose-deprecated' in a['class'], a.get_text()) for a in mentions] == [
        (True, '4002 Room full'), (True, '4002 Room full'), (False, '4003 Room gone')]
    # Autodoc shows the same lines as a field list; the description leaves them out.
    fields = [dl.get_text(' ', strip=True) for dl in soup.select('dl.py.attribute dl.field-list')]
    assert 'Since : 2.1 Deprecated : 3.0, use ChatClose.ROOM_GONE' in fields


def _project(srcdir: Path, codes: str, files: dict[str, str] | None = None) -> None:
    srcdir.mkdir()
    (srcdir / 'conf.py').write_text(
        "extensions = ['sphinxext_wsclose']\nshow_warning_types = True\n"
        f'wsclose_codes = {codes}\n', encoding='utf-8')
    (srcdir / 'index.rst').write_text(
        'Codes\n=====\n\n.. wsclose-table::\n   :codes: 4000-4099\n'
        '   :columns: code, name, description, reconnect, direction\n', encoding='utf-8')
    for name, text in (files or {}).items():
        (srcdir / name).write_text(text, encoding='utf-8')


CODES = {
    '4001': {'name': 'Token expired', 'description': 'The access token expired.',
             'reconnect': 'yes', 'direction': 'server'},
    '4002': {'name': 'Room full', 'description': 'The room is full.', 'since': '2.1',
             'deprecated': '3.0, use 4003'},
    '4003': {'name': 'Room gone', 'description': 'The room is gone.', 'since': '3.0',
             'reconnect': 'NO', 'direction': 'server'},
}


@pytest.mark.parametrize('source', ['conf.py', 'json'])
def test_keys_in_conf_and_data_files(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, source: str
) -> None:
    srcdir = tmp_path / source
    if source == 'conf.py':
        _project(srcdir, repr(CODES))
    else:
        _project(srcdir, "'codes.json'", {'codes.json': json.dumps(CODES, indent=2)})
    app = make_app('html', srcdir=srcdir, freshenv=True)
    app.build()
    assert warnings(app) == []
    assert _rows(html(app, 'index')) == ROWS


def test_bad_facts_are_warned_about_and_left_out(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path
) -> None:
    srcdir = tmp_path / 'bad'
    _project(srcdir, "{\n    4001: {'name': 'A', 'reconnect': 'sometimes', 'direction': 'up'},\n"
                     "    4002: {'name': 'B', 'deprecated': '3.0, use nothing at all'},\n"
                     "    4003: {'name': 'C', 'colour': 'red'},\n}")
    app = make_app('html', srcdir=srcdir, freshenv=True)
    app.build()
    assert [line.split(': ', 1)[1] for line in warnings(app)] == [
        "WARNING: wsclose_codes[4001]: reconnect 'sometimes' is not one of yes, resume, "
        'later, no; left out [wsclose.config]',
        # One warning an item (issue 17): its second bad fact shows once the first is fixed.
        "WARNING: wsclose_codes[4003]: unknown key 'colour'; the keys are name, description, "
        'constant, reconnect, direction, since, deprecated [wsclose.config]',
        "WARNING: wsclose_codes[4002]: deprecated, use 'nothing at all': 'nothing at all' is "
        'neither a close code number nor a known code name; the replacement is left out '
        '[wsclose.config]',
    ]
    assert [line.split(': ', 1)[0].rpartition(':')[2] for line in warnings(app)] == [
        '4', '6', '5']
    assert _rows(html(app, 'index')) == [
        ([], ['4001', 'A', 'A', '', '']),
        (['wsclose-deprecated'], ['4002', 'B deprecated in 3.0', 'B', '', '']),
    ]
