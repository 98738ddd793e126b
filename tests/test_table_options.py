"""wsclose-table options, in rST and MyST: what they show, and what bad values say."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from helpers import SUFFIX, html, warnings

from sphinxext_wsclose.columns import COLUMNS

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from bs4 import Tag
    from sphinx.testing.util import SphinxTestApp


def _cells(table: Tag) -> list[list[str]]:
    return [[td.get_text(strip=True) for td in row.find_all('td')]
            for row in table.select('tbody tr')]


def test_options(build: Callable[..., SphinxTestApp], syntax: str) -> None:
    app = build('tableoptions', syntax)
    assert warnings(app) == []
    page = html(app, 'index')
    full, filtered, own, auto = page.select('table.wsclose-table')

    # :caption:, :name:, :class:, :widths:
    assert full['id'] == 'all-codes'
    caption = full.select_one('caption')
    assert caption is not None
    assert caption.select_one('.caption-number').get_text() == 'Table 1 '
    assert caption.select_one('.caption-text').get_text() == 'All close codes'
    assert caption.select_one('em').get_text() == 'close'
    assert {'compact', 'striped', 'wsclose-table'} <= set(full['class'])
    assert [col.get('style') for col in full.select('colgroup col')] == [
        'width: 10.0%', 'width: 20.0%', 'width: 50.0%', 'width: 20.0%'
    ]
    assert len(full.select('tbody tr')) == 29  # the registry plus conf.py's 4002
    assert full.select_one('tbody tr#wsclose-4002') is not None
    refs = {a.get_text(): a['href'] for a in page.select('div.body > section > p a')}
    assert refs == {
        'All close codes': '#all-codes',
        'Table 1': '#all-codes',
        '1005 No Status Rcvd': '#wsclose-1005',
    }

    # :codes:, :columns:, :ranges:, :no-index:
    headers = [th.get_text(strip=True) for th in filtered.select('thead th')]
    assert headers == ['Code', 'Constant', 'Sent on the wire', 'Internal', 'Customizable',
                       'IANA name', 'Blog codename']
    assert _cells(filtered) == [
        ['1000', 'NORMAL_CLOSURE', 'yes', 'no', 'no', 'Normal Closure', 'CLOSE_NORMAL'],
        ['1001', 'GOING_AWAY', 'yes', 'no', 'no', 'Going Away', 'CLOSE_GOING_AWAY'],
        ['1002', 'PROTOCOL_ERROR', 'yes', 'no', 'no', 'Protocol error', 'CLOSE_PROTOCOL_ERROR'],
        ['1003', 'UNSUPPORTED_DATA', 'yes', 'no', 'no', 'Unsupported Data', 'CLOSE_UNSUPPORTED'],
        ['4002', 'ROOM_FULL', 'yes', 'no', 'no', '', ''],
    ]
    assert [row.get('id') for row in filtered.select('tbody tr')] == [None] * 5

    # :custom: only
    assert _cells(own) == [['4002', 'Room full', 'ROOM_FULL']]

    # :widths: auto
    assert auto.select('colgroup col') == []
    assert _cells(auto) == [['1005', 'No Status Rcvd']]


def _table_lines(source: Path) -> list[int]:
    lines = source.read_text(encoding='utf-8').splitlines()
    return [n for n, line in enumerate(lines, start=1)
            if line.startswith(('.. wsclose-table::', '```{wsclose-table}'))]


def test_bad_options(build: Callable[..., SphinxTestApp], syntax: str) -> None:
    app = build('badoptions', syntax)
    source = app.srcdir / f'index.{SUFFIX[syntax]}'
    names = ', '.join(COLUMNS)
    messages = [
        "wsclose-table :codes: '1000-x' is not a code or a range such as 4000-4999; showing "
        'every code',
        "wsclose-table :codes: '2000-1000' runs backwards; showing every code",
        f"wsclose-table :columns: 'colour': the columns are {names}; ignored",
        f'wsclose-table :columns: no column given: the columns are {names}; showing the '
        'default columns',
        "wsclose-table :ranges: 'maybe' is not yes or no; using yes",
        "wsclose-table :custom: 'some' is not one of include, exclude, only; using include",
        "wsclose-table :widths: '1 2' is not auto, grid, or 4 positive whole numbers (one per "
        'column); using the default widths',
        "wsclose-table :class: '!!!' is not a usable class name; ignored",
        'wsclose-table: no row matches its :codes:, :ranges: and :custom: options; the table '
        'is left out',
    ]
    lines = _table_lines(source)
    assert warnings(app) == [
        f'{source}:{line}: WARNING: {message} [wsclose.option]'
        for line, message in zip(lines, messages, strict=True)
    ]
    # Every table but the empty one still renders, with its defaults.
    tables = html(app, 'index').select('table.wsclose-table')
    assert len(tables) == 8
    assert [th.get_text() for th in tables[2].select('thead th')] == ['Code', 'Name']
    assert len(tables[0].select('tbody tr')) == 29


OPTION_CASES = [
    # (options, the warning's text after ":option:", whether the rows are targets)
    ({'no-index': 'yes'}, None, False),
    ({'noindex': ''}, None, False),  # Sphinx's older spelling
    ({'no-index': 'no'}, None, True),
    ({'no-index': 'maybe'}, ":no-index: 'maybe' is not yes or no; using yes", False),
    ({'colour': 'red'}, ':colour: is not an option; the options are :codes:, :columns:, '
                        ':set:, :ranges:, :custom:, :caption:, :name:, :class:, :widths:, '
                        ':no-index:; ignored', True),
]


@pytest.mark.parametrize(('options', 'message', 'indexed'), OPTION_CASES)
def test_options_docutils_would_refuse_keep_the_table(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, syntax: str,
    options: dict[str, str], message: str | None, indexed: bool,
) -> None:
    src = tmp_path / syntax
    src.mkdir()
    extensions = "'myst_parser', " if syntax == 'myst' else ''
    (src / 'conf.py').write_text(
        f"extensions = [{extensions}'sphinxext_wsclose']\nshow_warning_types = True\n")
    lines = ''.join(f':{name}: {value}'.rstrip() + '\n' for name, value in options.items())
    if syntax == 'rst':
        text = 'T\n=\n\n.. wsclose-table::\n   :codes: 1000\n' + ''.join(
            f'   {line}\n' for line in lines.splitlines())
    else:
        text = f'# T\n\n```{{wsclose-table}}\n:codes: 1000\n{lines}```\n'
    index = src / f'index.{SUFFIX[syntax]}'
    index.write_text(text)
    app = make_app('html', srcdir=src, freshenv=True)
    app.build()
    line = 4 if syntax == 'rst' else 3
    expected = [] if message is None else [
        f'{index}:{line}: WARNING: wsclose-table {message} [wsclose.option]']
    assert warnings(app) == expected
    page = html(app, 'index')
    assert len(page.select('table.wsclose-table')) == 1  # kept, whatever the options
    assert (page.select_one('tr#wsclose-1000') is not None) is indexed
