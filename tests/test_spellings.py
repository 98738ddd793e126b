"""Every spelling the libraries use is a mention target; :ref: reaches rows; the browser column.

Each scenario is written in rST and in MyST, built, and read back from the HTML.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from helpers import SUFFIX, html, warnings

from sphinxext_wsclose import config, libraries
from sphinxext_wsclose.bundled import REGISTRY
from sphinxext_wsclose.libraries import (
    LIBRARIES,
    Library,
    last_part,
    library_names,
    spellings,
)
from sphinxext_wsclose.registry import Kind, Registry

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp

CONF = """\
project = 'Spellings'
extensions = [{extensions}'sphinxext_wsclose']
show_warning_types = True
nitpicky = True
{extra}"""

#: Every code that a library names, and each spelling of it: bare, qualified, by import path.
SPELLINGS = [(code, spelling) for code in range(1000, 1016) for spelling in spellings(code)]
#: The spellings the issue that asked for them names, each with its code.
NAMED = {
    'WSCloseCode.GOING_AWAY': 1001,
    'aiohttp.WSCloseCode.GOING_AWAY': 1001,
    'status.WS_1008_POLICY_VIOLATION': 1008,
    'starlette.status.WS_1008_POLICY_VIOLATION': 1008,
    'fastapi.status.WS_1008_POLICY_VIOLATION': 1008,
    'WS_1008_POLICY_VIOLATION': 1008,
    'CloseCodes.VIOLATED_POLICY': 1008,
    'ClosePolicyViolation': 1008,
    'websocket.ClosePolicyViolation': 1008,
    'PolicyViolation': 1008,
    'WebSocketCloseStatus.PolicyViolation': 1008,
    'CloseCode.POLICY_VIOLATION': 1008,
    'websockets.frames.CloseCode.POLICY_VIOLATION': 1008,
    'ServiceRestart': 1012,
    'SERVICE_RESTART': 1012,
    'service restart': 1012,
}


def _role(syntax: str, target: str) -> str:
    return f':wsclose:`{target}`' if syntax == 'rst' else f'{{wsclose}}`{target}`'


def _project(
    tmp_path: Path, syntax: str, body: list[str], *, table: str = '', extra: str = ''
) -> Path:
    src = tmp_path / syntax
    src.mkdir()
    extensions = "'myst_parser', " if syntax == 'myst' else ''
    (src / 'conf.py').write_text(CONF.format(extensions=extensions, extra=extra))
    if syntax == 'rst':
        text = f'Spellings\n=========\n\n.. wsclose-table::\n{table}\n' + '\n'.join(body) + '\n'
    else:
        options = ''.join(f'{line.strip()}\n' for line in table.splitlines() if line.strip())
        text = f'# Spellings\n\n```{{wsclose-table}}\n{options}```\n\n' + '\n'.join(body) + '\n'
    (src / f'index.{SUFFIX[syntax]}').write_text(text, encoding='utf-8')
    return src


def _build(make_app: Callable[..., SphinxTestApp], src: Path) -> SphinxTestApp:
    app = make_app('html', srcdir=src, freshenv=True)
    app.build()
    return app


def test_the_spellings_come_from_the_library_table() -> None:
    assert len(SPELLINGS) == len(set(SPELLINGS))
    for code, spelling in SPELLINGS:
        # After the last separator, whatever it is: ``.``, or ``::`` in Rust.
        bare = last_part(spelling)
        aliases = {alias for library in LIBRARIES for alias in library.aliases.get(code, ())}
        assert bare in {*library_names(code).as_dict().values(), *aliases}
    # The qualified forms of one library: its namespace, then its import paths.
    aiohttp = next(library for library in LIBRARIES if library.key == 'aiohttp')
    assert aiohttp.spellings('GOING_AWAY') == (
        'GOING_AWAY', 'WSCloseCode.GOING_AWAY', 'aiohttp.WSCloseCode.GOING_AWAY',
        'aiohttp.http.WSCloseCode.GOING_AWAY', 'aiohttp.http_websocket.WSCloseCode.GOING_AWAY',
    )


def test_every_library_spelling_links_to_its_row(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, syntax: str
) -> None:
    targets = [spelling for _code, spelling in SPELLINGS] + list(NAMED)
    app = _build(make_app, _project(tmp_path, syntax, [f'* {_role(syntax, t)}' for t in targets]))
    assert warnings(app) == []
    links = [(a.get_text(), a['href'], a['title'])
             for a in html(app, 'index').select('div.body li a.wsclose-mention')]
    codes = [code for code, _spelling in SPELLINGS] + list(NAMED.values())
    assert links == [
        (REGISTRY[str(code)].display, f'#wsclose-{code}', REGISTRY[str(code)].description)
        for code in codes
    ]


def test_show_spelling_keeps_the_text_as_written(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, syntax: str
) -> None:
    targets = ['WSCloseCode.GOING_AWAY', 'ServiceRestart', '1008', 'gone <1001>']
    src = _project(tmp_path, syntax, [f'* {_role(syntax, t)}' for t in targets],
                   extra='wsclose_show_spelling = True\n')
    app = _build(make_app, src)
    assert warnings(app) == []
    links = html(app, 'index').select('div.body li a.wsclose-mention')
    assert [(a.get_text(), a['href'], [c.name for c in a.find_all(True)]) for a in links] == [
        ('WSCloseCode.GOING_AWAY', '#wsclose-1001', ['code', 'span']),  # as code
        ('ServiceRestart', '#wsclose-1012', ['code', 'span']),
        ('1008 Policy Violation', '#wsclose-1008', []),  # a number: the usual text
        ('gone', '#wsclose-1001', []),  # an explicit title wins
    ]


def test_a_spelling_of_two_codes_is_never_guessed(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, syntax: str
) -> None:
    # The project's own 4000 is spelled like aiohttp's 1000.
    extra = "wsclose_codes = {4000: {'name': 'Fine', 'constant': 'OK'}}\n"
    src = _project(tmp_path, syntax, [f'Closed with {_role(syntax, "ok")}.'], extra=extra)
    app = _build(make_app, src)
    line = 6
    assert warnings(app) == [
        f"{src / f'index.{SUFFIX[syntax]}'}:{line}: WARNING: 'ok' names more than one close code: "
        '1000 Normal Closure, 4000 Fine; write the one you mean: 1000 (WSCloseCode.OK, '
        'aiohttp.WSCloseCode.OK) or 4000 [wsclose.ambiguous]'
    ]
    paragraph = html(app, 'index').select('div.body p')[-1]
    assert paragraph.get_text() == 'Closed with ok.'
    assert paragraph.find('a') is None
    assert paragraph.select_one('span.wsclose-invalid').get_text() == 'ok'


def test_ref_reaches_rows(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, syntax: str
) -> None:
    if syntax == 'rst':
        body = ['* :ref:`wsclose-1008`', '* :ref:`our code <wsclose-4001>`',
                '* :ref:`wsclose-4000-4999`']
    else:
        body = ['* {ref}`wsclose-1008`', '* {ref}`our code <wsclose-4001>`',
                '* {ref}`wsclose-4000-4999`']
    src = _project(tmp_path, syntax, body, extra="wsclose_codes = {4001: 'Token expired'}\n")
    app = _build(make_app, src)
    assert warnings(app) == []
    links = [(a.get_text(), a['href']) for a in html(app, 'index').select('div.body li a')]
    assert links == [
        ('1008 Policy Violation', '#wsclose-1008'),
        ('our code', '#wsclose-4001'),
        ('4000\u20134999 Private use', '#wsclose-4000-4999'),
    ]


def test_two_tables_give_one_warning_and_ref_goes_to_the_first(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, syntax: str
) -> None:
    src = _project(tmp_path, syntax, [])
    extra = src / f'more.{SUFFIX[syntax]}'
    if syntax == 'rst':
        extra.write_text('More\n====\n\n.. wsclose-table::\n   :codes: 1008\n\n'
                         'See :ref:`wsclose-1008`.\n')
    else:
        extra.write_text('# More\n\n```{wsclose-table}\n:codes: 1008\n```\n\n'
                         'See {ref}`wsclose-1008`.\n')
    index = src / f'index.{SUFFIX[syntax]}'
    toctree = ('\n.. toctree::\n\n   more\n' if syntax == 'rst' else '\n```{toctree}\nmore\n```\n')
    index.write_text(index.read_text() + toctree)
    app = _build(make_app, src)
    assert warnings(app) == [
        f'{extra}:4: WARNING: this table documents close code 1008, already documented by the '
        f'table at {index}:4; links go to that one [wsclose.duplicate]'
        if syntax == 'rst' else
        f'{extra}:3: WARNING: this table documents close code 1008, already documented by the '
        f'table at {index}:3; links go to that one [wsclose.duplicate]'
    ]
    see = next(p for p in html(app, 'more').select('div.body p') if p.get_text().startswith('See'))
    link = see.find('a')
    assert (link.get_text(), link['href']) == ('1008 Policy Violation', 'index.html#wsclose-1008')


BROWSER_ROWS = {
    '1000': 'yes', '1008': 'no', '1005': 'no', '3000': 'yes', '4000\u20134999': 'yes',
    '1000\u20132999': 'per code', '0\u2013999': 'no', '5000\u201365535': 'no',
    '3001\u20133002': 'yes', '1016\u20132999': 'no',
}


def test_browser_column(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, syntax: str
) -> None:
    src = _project(tmp_path, syntax, [], table='   :columns: code, browser\n')
    app = _build(make_app, src)
    assert warnings(app) == []
    table = html(app, 'index').select_one('table.wsclose-table')
    for permalink in table.select('a.headerlink'):
        permalink.decompose()
    assert [th.get_text() for th in table.select('thead th')] == ['Code', 'Browser close()']
    cells = dict(tuple(td.get_text(strip=True) for td in row.find_all('td'))
                 for row in table.select('tbody tr'))
    assert {code: cells[code] for code in BROWSER_ROWS} == BROWSER_ROWS
    assert len(cells) == len(REGISTRY)


def test_codes_browser_lists_what_a_browser_may_send(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, syntax: str
) -> None:
    src = _project(tmp_path, syntax, [], table='   :codes: browser\n   :columns: code\n',
                   extra="wsclose_codes = {4001: 'Token expired', 3500: 'Registered'}\n")
    app = _build(make_app, src)
    assert warnings(app) == []
    table = html(app, 'index').select_one('table.wsclose-table')
    for permalink in table.select('a.headerlink'):
        permalink.decompose()
    shown = [row.find('td').get_text(strip=True) for row in table.select('tbody tr')]
    assert shown == [
        '1000', '3000\u20133999', '3000', '3001\u20133002', '3003', '3004\u20133007',
        '3008', '3009\u20133999', '3500', '4000\u20134999', '4001',
    ]
    assert all(entry.browser for entry in REGISTRY if entry.code_text in shown
               and entry.kind is not Kind.CUSTOM)


@pytest.mark.parametrize('show', [False, True])
def test_a_tilde_shortens_the_spelling_as_in_python_roles(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, syntax: str, show: bool
) -> None:
    src = _project(tmp_path, syntax, [f'* {_role(syntax, "~aiohttp.WSCloseCode.GOING_AWAY")}'],
                   extra=f'wsclose_show_spelling = {show}\n')
    app = _build(make_app, src)
    assert warnings(app) == []
    link = html(app, 'index').select_one('div.body li a.wsclose-mention')
    assert link['href'] == '#wsclose-1001'
    assert link.get_text() == ('GOING_AWAY' if show else '1001 Going Away')


#: Bare members of the libraries added later, which no other name of a code spells.
ADDED_BARE = ['Policy', 'Size', 'STATUS_NORMAL', 'REFUSE', 'CLOSE_STATUS_CODE_NULL']


def test_bare_members_of_added_libraries_are_no_targets(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, syntax: str
) -> None:
    body = [f'* {_role(syntax, target)}' for target in ['CloseCode::Size', *ADDED_BARE]]
    src = _project(tmp_path, syntax, body)
    app = _build(make_app, src)
    index = src / f'index.{SUFFIX[syntax]}'
    first = 6  # the line of the first mention
    assert warnings(app) == [
        f"{index}:{first + n}: WARNING: {name!r} is neither a close code number nor a known "
        'code name; use a code such as 1008, a name such as POLICY_VIOLATION, or a range '
        'such as 4000-4999 [wsclose.invalid]'
        for n, name in enumerate(ADDED_BARE, start=1)
    ]
    items = html(app, 'index').select('div.body li')
    link = items[0].select_one('a.wsclose-mention')
    assert (link.get_text(), link['href']) == ('1009 Message Too Big', '#wsclose-1009')
    for item, name in zip(items[1:], ADDED_BARE, strict=True):
        assert item.find('a') is None
        assert item.get_text() == name


#: A library made up for the test: it spells 1001 as tungstenite spells 1000.
CLASHING = Library(
    key='clash', name='Clashing WebSocket', label='Clash', language='Rust',
    namespace='CloseCode::', version='1.0', checked='abc1234', source='src/close.rs',
    bare=False, listed=False, constants={1001: 'Normal'},
)


def test_a_spelling_two_libraries_give_two_codes_is_ambiguous(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, syntax: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # No two bundled libraries spell two codes alike (test_libraries.py checks
    # that), so a made-up one does: CloseCode::Normal is 1000 and 1001.
    monkeypatch.setattr(libraries, 'LIBRARIES', (*LIBRARIES, CLASHING))
    # The bundled registry indexed its names when imported: index them again.
    monkeypatch.setattr(config, 'REGISTRY', Registry(list(config.REGISTRY)))
    body = [f'Closed with {_role(syntax, "CloseCode::Normal")}.',
            '', f'Away with {_role(syntax, "CloseCode::Away")}.']
    src = _project(tmp_path, syntax, body)
    app = _build(make_app, src)
    assert warnings(app) == [
        f"{src / f'index.{SUFFIX[syntax]}'}:6: WARNING: 'CloseCode::Normal' names more than one "
        'close code: 1000 Normal Closure, 1001 Going Away; write the one you mean: '
        '1000 (CloseFrame.NORMAL, CloseReason.Codes.NORMAL) or '
        '1001 (CloseCode.GOING_AWAY, CloseCodes.GOING_AWAY) [wsclose.ambiguous]'
    ]
    first, second = html(app, 'index').select('div.body p')[-2:]
    assert first.find('a') is None
    assert first.select_one('span.wsclose-invalid').get_text() == 'CloseCode::Normal'
    link = second.find('a')
    assert (link.get_text(), link['href']) == ('1001 Going Away', '#wsclose-1001')
