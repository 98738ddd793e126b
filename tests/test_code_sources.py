"""A project's own codes from its code (an IntEnum, with autodoc) and from data files.

In rST and MyST: the rows carry the members' documentation, mentions take the
members' spellings, autodoc's entries and the rows link to each other, an
edit of the enum shows after an incremental build, and bad sources warn once,
at their place.
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from typing import TYPE_CHECKING

import pytest
from helpers import ROOTS, SUFFIX, copy_root, html, warnings
from sphinx.pycode import ModuleAnalyzer
from versions import load_inventory

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

from sphinxext_wsclose.bundled import REGISTRY

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from bs4 import BeautifulSoup
    from sphinx.testing.util import SphinxTestApp

TOKEN = 'The access token expired; the client should refresh it and reconnect.'
ROOM = 'The room has no free seat.'
KICKED = 'A moderator removed the client from the room.'
TIMEOUT = 'No message arrived in time.'
RANGE = REGISTRY['4000-4999'].description
RFC_1000 = 'https://www.rfc-editor.org/rfc/rfc6455#section-7.4.1'

# Each build imports its project's modules anew, as a new sphinx-build would.
pytestmark = pytest.mark.usefixtures('fresh_imports')




def _rows(page: BeautifulSoup) -> list[list[str]]:
    rows = []
    for row in page.select('table.wsclose-table tbody tr'):
        for permalink in row.select('a.headerlink'):
            permalink.decompose()
        rows.append([td.get_text(' ', strip=True) for td in row.find_all('td')])
    return rows


def _mentions(page: BeautifulSoup) -> list[tuple[str, str | None, str | None]]:
    return [(node.get_text(), node.get('href'), node.get('title'))
            for node in page.select('div.body li .wsclose-mention')]


# -- an IntEnum, documented by autodoc -----------------------------------------------

ENUM_ROWS = [
    ['4000\u20134999', 'Private use', '', RANGE],
    ['4001', 'Token expired', 'TOKEN_EXPIRED', TOKEN],  # a #: comment
    ['4002', 'Room full', 'ROOM_FULL', ROOM],  # the docstring after it, first paragraph
    ['4003', 'Kicked', 'KICKED', KICKED],  # the member's own __doc__
    ['4008', 'Timeout', 'TIMEOUT', TIMEOUT],
]

ENUM_MENTIONS = [
    ('4001 Token expired', 'codes.html#wsclose-4001', TOKEN),  # ChatClose.TOKEN_EXPIRED
    ('4001 Token expired', 'codes.html#wsclose-4001', TOKEN),  # chatproto.ChatClose.…
    ('4001 Token expired', 'codes.html#wsclose-4001', TOKEN),  # TOKEN_EXPIRED
    ('4001 Token expired', 'codes.html#wsclose-4001', TOKEN),  # token expired
    ('4002 Room full', 'codes.html#wsclose-4002', ROOM),  # ChatClose.ROOM_FULL
    ('4002 Room full', 'codes.html#wsclose-4002', ROOM),  # ChatClose.NO_SEAT, an alias
    ('4003 Kicked', 'codes.html#wsclose-4003', KICKED),  # KICKED
    ('4008 Timeout', 'codes.html#wsclose-4008', TIMEOUT),  # ChatClose.TIMEOUT
    ('4008 Timeout', 'codes.html#wsclose-4008', TIMEOUT),  # 4008
    # ChatClose.NORMAL = 1000: a registered code, with no row here (the table
    # lists 4000-4999), so its RFC section.
    ('1000 Normal Closure', RFC_1000, REGISTRY['1000'].description),
]


def _enum_warnings(app: SphinxTestApp, syntax: str) -> list[str]:
    module = app.srcdir / 'chatproto.py'
    line = 15 if syntax == 'rst' else 14
    return [
        f'{module}:24: WARNING: wsclose_codes: ChatClose.NO_SEAT has the value 4002 of '
        'ChatClose.ROOM_FULL; it is one more name of that code [wsclose.config]',
        f"{app.srcdir / f'mentions.{SUFFIX[syntax]}'}:{line}: WARNING: 'TIMEOUT' names more "
        'than one close code: 3008 Timeout, 4008 Timeout; write the one you mean: 3008 or '
        '4008 (ChatClose.TIMEOUT, chatproto.ChatClose.TIMEOUT) [wsclose.ambiguous]',
    ]


def test_enum_members_become_rows_with_their_documentation(
    build: Callable[..., SphinxTestApp], syntax: str
) -> None:
    app = build('enum', syntax)
    assert warnings(app) == _enum_warnings(app, syntax)
    assert _rows(html(app, 'codes')) == ENUM_ROWS


def test_mentions_by_member_name_qualified_and_bare(
    build: Callable[..., SphinxTestApp], syntax: str
) -> None:
    app = build('enum', syntax)
    page = html(app, 'mentions')
    assert _mentions(page) == ENUM_MENTIONS
    # The ambiguous one keeps its text, unlinked.
    ambiguous = page.select('div.body p .wsclose-invalid')
    assert [(node.name, node.get_text()) for node in ambiguous] == [('span', 'TIMEOUT')]


def test_autodoc_entries_and_rows_link_to_each_other(
    build: Callable[..., SphinxTestApp], syntax: str
) -> None:
    app = build('enum', syntax)
    # The row's constant links to the member's entry ...
    constants = [
        [(a.get_text(), a['href']) for a in row.select('td:nth-of-type(3) a')]
        for row in html(app, 'codes').select('table.wsclose-table tbody tr')
    ]
    assert constants == [
        [],
        [('TOKEN_EXPIRED', 'api.html#chatproto.ChatClose.TOKEN_EXPIRED')],
        [('ROOM_FULL', 'api.html#chatproto.ChatClose.ROOM_FULL')],
        [('KICKED', 'api.html#chatproto.ChatClose.KICKED')],
        [('TIMEOUT', 'api.html#chatproto.ChatClose.TIMEOUT')],
    ]
    # ... and each member's entry names its code, linked to the row.
    api = html(app, 'api')
    found = {}
    for entry in api.select('dl.py.attribute'):
        signature = entry.find('dt')
        paragraph = entry.select_one('dd p.wsclose-python')
        link = paragraph.find('a')
        found[signature['id']] = (paragraph.get_text(), link['href'], link['title'])
    assert found == {
        'chatproto.ChatClose.KICKED': (
            'WebSocket close code: 4003 Kicked', 'codes.html#wsclose-4003', KICKED),
        'chatproto.ChatClose.NORMAL': (
            'WebSocket close code: 1000 Normal Closure', RFC_1000, REGISTRY['1000'].description),
        'chatproto.ChatClose.NO_SEAT': (
            'WebSocket close code: 4002 Room full', 'codes.html#wsclose-4002', ROOM),
        'chatproto.ChatClose.ROOM_FULL': (
            'WebSocket close code: 4002 Room full', 'codes.html#wsclose-4002', ROOM),
        'chatproto.ChatClose.TIMEOUT': (
            'WebSocket close code: 4008 Timeout', 'codes.html#wsclose-4008', TIMEOUT),
        'chatproto.ChatClose.TOKEN_EXPIRED': (
            'WebSocket close code: 4001 Token expired', 'codes.html#wsclose-4001', TOKEN),
    }


def test_without_autodoc_nothing_links_and_nothing_warns(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, syntax: str
) -> None:
    src = tmp_path / 'src'
    copy_root('enum', src, syntax)
    (src / f'api.{SUFFIX[syntax]}').unlink()
    conf = src / 'conf.py'
    conf.write_text(conf.read_text().replace(", 'sphinx.ext.autodoc'", '') + 'nitpicky = True\n')
    index = src / f'index.{SUFFIX[syntax]}'
    index.write_text(index.read_text().replace('   api\n', '').replace('api\n', ''))
    app = make_app('html', srcdir=src, freshenv=True)
    app.build()
    assert warnings(app) == _enum_warnings(app, syntax)
    page = html(app, 'codes')
    assert _rows(page) == ENUM_ROWS
    assert page.select('table.wsclose-table tbody td:nth-of-type(3) a') == []
    assert [cell.get_text() for cell in page.select('td:nth-of-type(3) code')] == [
        'TOKEN_EXPIRED', 'ROOM_FULL', 'KICKED', 'TIMEOUT']


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding='utf-8')
    assert old in text
    path.write_text(text.replace(old, new), encoding='utf-8')
    later = time.time() + 10
    os.utime(path, (later, later))


def _bodies(app: SphinxTestApp) -> dict[str, str]:
    return {page.stem: str(html(app, page.stem).select_one('div.body'))
            for page in sorted(app.outdir.glob('*.html'))}


def test_an_edit_of_the_enum_shows_after_an_incremental_build(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, syntax: str
) -> None:
    src = tmp_path / 'src'
    copy_root('enum', src, syntax)
    mentions = src / f'mentions.{SUFFIX[syntax]}'
    role = ':wsclose:' if syntax == 'rst' else '{wsclose}'
    _edit(mentions, 'Ambiguous:', f'New: {role}`ChatClose.BANNED`.\n\nAmbiguous:')
    first = make_app('html', srcdir=src, freshenv=True)
    first.build()
    assert "'ChatClose.BANNED' is neither" in first.warning.getvalue()
    first.cleanup()

    # conf.py and the pages stay as they are: only the module changes.
    _edit(src / 'chatproto.py', '#: The access token expired;', '#: The token was revoked;')
    _edit(src / 'chatproto.py', '    #: No message arrived',
          '    #: The client was banned.\n    BANNED = 4004\n\n    #: No message arrived')
    sys.modules.pop('chatproto', None)
    ModuleAnalyzer.cache.clear()
    incremental = make_app('html', srcdir=src)
    incremental.build()
    assert 'ChatClose.BANNED' not in incremental.warning.getvalue()
    incremental.cleanup()

    clean_src = tmp_path / 'clean'
    shutil.copytree(src, clean_src, ignore=shutil.ignore_patterns('_build', '__pycache__'))
    sys.modules.pop('chatproto', None)
    ModuleAnalyzer.cache.clear()
    clean = make_app('html', srcdir=clean_src, freshenv=True)
    clean.build()
    assert _bodies(incremental) == _bodies(clean)
    rows = _rows(html(clean, 'codes'))
    assert rows[1][3] == 'The token was revoked; the client should refresh it and reconnect.'
    assert rows[4] == ['4004', 'Banned', 'BANNED', 'The client was banned.']
    paragraph = next(p for p in html(clean, 'mentions').select('div.body p')
                     if p.get_text().startswith('New:'))
    assert [(a.get_text(), a['href']) for a in paragraph.find_all('a')] == [
        ('4004 Banned', 'codes.html#wsclose-4004')]


# -- data files ------------------------------------------------------------------------

DATA_ROWS = [
    ['4000\u20134999', 'Private use', '', RANGE],
    ['4001', 'Token expired', 'TOKEN_EXPIRED', TOKEN],
    ['4002', 'Room full', 'ROOM_FULL', ROOM],  # the name derived from the constant
    ['4003', 'Kicked', '', 'Kicked'],
]
DATA_MENTIONS = [
    ('4001 Token expired', '#wsclose-4001', TOKEN),
    ('4001 Token expired', '#wsclose-4001', TOKEN),
    ('4002 Room full', '#wsclose-4002', ROOM),
    ('4003 Kicked', '#wsclose-4003', 'Kicked'),
]


@pytest.mark.parametrize('data', ['close-codes.toml', 'close-codes.json'])
def test_codes_from_a_data_file(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, syntax: str, data: str
) -> None:
    src = tmp_path / 'src'
    copy_root('datafile', src, syntax)
    _edit(src / 'conf.py', "'close-codes.toml'", repr(data))
    app = make_app('html', srcdir=src, freshenv=True)
    app.build()
    assert warnings(app) == []
    page = html(app, 'index')
    assert _rows(page) == DATA_ROWS
    assert _mentions(page) == DATA_MENTIONS


def test_an_edit_of_the_data_file_shows_after_an_incremental_build(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, syntax: str
) -> None:
    src = tmp_path / 'src'
    copy_root('datafile', src, syntax)
    first = make_app('html', srcdir=src, freshenv=True)
    first.build()
    assert warnings(first) == []
    first.cleanup()
    _edit(src / 'close-codes.toml', 'name = "Kicked"', 'name = "Removed"')
    incremental = make_app('html', srcdir=src)
    incremental.build()
    page = html(incremental, 'index')
    assert _rows(page)[3] == ['4003', 'Removed', '', 'Removed']
    # The page mentions 'Kicked' by name: after the edit, that name is unknown.
    assert _mentions(page)[3] == ('Kicked', None, None)
    assert warnings(incremental) == [
        f"{src / f'index.{SUFFIX[syntax]}'}:11: WARNING: 'Kicked' "
        'is neither a close code number nor a known code name; use a code such as 1008, a '
        'name such as POLICY_VIOLATION, or a range such as 4000-4999 [wsclose.invalid]',
    ]


# -- bad sources -------------------------------------------------------------------------

def _toml_error(path: Path) -> str:
    try:
        tomllib.loads(path.read_text(encoding='utf-8'))
    except tomllib.TOMLDecodeError as exc:
        return str(exc).replace('{', '{{').replace('}', '}}')
    raise AssertionError(path)


BAD_SOURCES = {
    "'badcodes_enum:Placed'": [
        '{src}/badcodes_enum.py:14: WARNING: wsclose_codes: Placed.ALSO_GOOD has the value 4001 '
        'of Placed.GOOD; it is one more name of that code [wsclose.config]',
        '{src}/badcodes_enum.py:10: ERROR: close code 999 is outside 1000\u20134999, where no '
        'WebSocket range defines codes; it is not registered [wsclose.custom-range]',
        # POLICY = 1008 is one more name of 1008, which keeps its meaning: no warning.
    ],
    "'badcodes_enum:Named'": [
        "{src}/badcodes_enum.py:21: WARNING: wsclose_codes: Named.WORD = 'four thousand' is "
        'not a close code number; left out [wsclose.config]',
    ],
    "'badcodes_enum:CODES'": [
        "{src}/badcodes_enum.py:25: WARNING: wsclose_codes: 'x' is not a close code number; "
        'the key must be a code number [wsclose.config]',
    ],
    "'badcodes_enum:NOT_CODES'": [
        '{src}/conf.py:9: WARNING: wsclose_codes: badcodes_enum:NOT_CODES is neither an Enum '
        'nor a mapping, but list [wsclose.config]',
    ],
    "'badcodes_enum:Missing'": [
        '{src}/conf.py:9: WARNING: wsclose_codes: module badcodes_enum has no Missing '
        '[wsclose.config]',
    ],
    "'badcodes_broken:X'": [
        '{src}/conf.py:9: WARNING: wsclose_codes: cannot import badcodes_broken: RuntimeError: '
        'the database is not configured [wsclose.config]',
    ],
    "'nosuchmodule:X'": [
        '{src}/conf.py:9: WARNING: wsclose_codes: cannot import nosuchmodule: '
        "ModuleNotFoundError: No module named 'nosuchmodule' [wsclose.config]",
    ],
    "'badcodes_enum:'": [
        "{src}/conf.py:9: WARNING: wsclose_codes: 'badcodes_enum:' does not name an object as "
        "'module:Object' [wsclose.config]",
    ],
    "'just-a-word'": [
        "{src}/conf.py:9: WARNING: wsclose_codes: 'just-a-word' is neither a Python object "
        "written 'module:Object' nor a .json or .toml file [wsclose.config]",
    ],
    "'broken.json'": [
        '{src}/broken.json:4: WARNING: wsclose_codes: broken.json is not valid JSON: '
        "Expecting ',' delimiter (line 4, column 3) [wsclose.config]",
    ],
    "'broken.toml'": [
        # The parser's own words, which differ between tomli and tomllib versions.
        '{src}/broken.toml:4: WARNING: wsclose_codes: broken.toml is not valid TOML: '
        f'{_toml_error(ROOTS / "test-badsources" / "broken.toml")} [wsclose.config]',
    ],
    "'list.json'": [
        '{src}/list.json:1: WARNING: wsclose_codes: list.json must map each code to a name '
        'or to {{name, description, constant}}, not be a list [wsclose.config]',
    ],
    "'items.json'": [
        "{src}/items.json:3: WARNING: wsclose_codes[4002]: unknown key 'colour'; the keys are "
        'name, description, constant, reconnect, direction, since, deprecated '
        '[wsclose.config]',
        '{src}/items.json:4: ERROR: close code 999 is outside 1000\u20134999, where no '
        'WebSocket range defines codes; it is not registered [wsclose.custom-range]',
    ],
    "'nofile.toml'": [
        '{src}/conf.py:9: WARNING: wsclose_codes: there is no file {src}/nofile.toml '
        '[wsclose.config]',
    ],
}
BAD_SOURCES.update({
    # Places that Sphinx could not print without a line: the file's first line.
    "'compact.json'": [
        '{src}/compact.json:1: WARNING: wsclose_codes[4002]: expected a name or a dict, not 5 '
        '[wsclose.config]',
    ],
    "'accent.json'": [
        "{src}/accent.json:1: WARNING: wsclose_codes: '\u00e9' is not a close code number; the "
        'key must be a code number [wsclose.config]',
    ],
    "'dotted.toml'": [
        "{src}/dotted.toml:2: WARNING: wsclose_codes[4002]: 'name' must be a string, not 5 "
        '[wsclose.config]',
    ],
    "'twice.json'": [
        "{src}/twice.json:3: WARNING: wsclose_codes: twice.json gives the key '4001' twice; the "
        'last one is kept [wsclose.config]',
    ],
    "'empty.json'": [
        '{src}/empty.json:1: WARNING: wsclose_codes: empty.json defines no code '
        '[wsclose.config]',
    ],
    "'badcodes_enum:Empty'": [
        '{src}/conf.py:9: WARNING: wsclose_codes: badcodes_enum:Empty defines no code '
        '[wsclose.config]',
    ],
    "'badcodes_enum:Functional'": [
        # The functional API assigns no member on a line of its own: the enum's line.
        '{src}/badcodes_enum.py:28: ERROR: close code 999 is outside 1000\u20134999, where no '
        'WebSocket range defines codes; it is not registered [wsclose.custom-range]',
    ],
    "'badcodes_reexport:CODES'": [
        # Not assigned in that module: the line of conf.py that names it.
        "{src}/conf.py:9: WARNING: wsclose_codes: 'x' is not a close code number; the key "
        'must be a code number [wsclose.config]',
    ],
    "'bom.json'": [],
    "'badcodes_enum:Outer.Inner'": [],
})
#: The sources whose good code, 4001, is still registered.
KEEPS_4001 = {"'badcodes_enum:Placed'", "'badcodes_enum:Named'", "'badcodes_enum:CODES'",
              "'items.json'", "'compact.json'", "'accent.json'", "'dotted.toml'",
              "'twice.json'", "'badcodes_enum:Functional'", "'badcodes_reexport:CODES'",
              "'bom.json'", "'badcodes_enum:Outer.Inner'"}


def _sources_project(tmp_path: Path, syntax: str, spec: str) -> Path:
    """test-badsources in *syntax*, with ``wsclose_codes = spec``."""
    src = copy_root('badsources', tmp_path / 'src', syntax)
    _edit(src / 'conf.py', "'badcodes_enum:Placed'", spec)
    return src


@pytest.mark.slow  # 13 bad sources, each built in both syntaxes
@pytest.mark.parametrize('spec', list(BAD_SOURCES))
def test_a_bad_source_warns_once_at_its_place_and_the_build_goes_on(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, syntax: str, spec: str
) -> None:
    src = _sources_project(tmp_path, syntax, spec)
    app = make_app('html', srcdir=src, freshenv=True)
    app.build()
    assert warnings(app) == [line.format(src=src) for line in BAD_SOURCES[spec]]
    page = html(app, 'index')
    assert any(row[0] == '4001' for row in _rows(page)) == (spec in KEEPS_4001)
    # The mention still links: to the code, or else to its range.
    link = page.select_one('div.body p a.wsclose-mention')
    assert link is not None
    assert link['href'] == ('#wsclose-4001' if spec in KEEPS_4001 else '#wsclose-4000-4999')


def test_a_line_break_in_a_name_cannot_forge_an_inventory_line(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, syntax: str
) -> None:
    src = tmp_path / 'src'
    copy_root('datafile', src, syntax)
    forged = 'Token\nfake std:label -1 https://evil.example/ Fake label'
    _edit(src / 'conf.py', "'close-codes.toml'", repr({4001: forged}))
    index = src / f'index.{SUFFIX[syntax]}'
    index.write_text(index.read_text(encoding='utf-8').partition('* ')[0], encoding='utf-8')
    app = make_app('html', srcdir=src, freshenv=True)
    app.build()
    shown = 'Token fake std:label -1 https://evil.example/ Fake label'
    assert warnings(app) == [
        f'{src / "conf.py"}:4: WARNING: wsclose_codes[4001]: the name {forged!r} has a line '
        f'break, a control character or a lone surrogate; it is shown as {shown!r} '
        '[wsclose.config]',
    ]
    inventory = load_inventory(app.outdir / 'objects.inv')
    assert 'fake' not in inventory.get('std:label', {})
    assert inventory['wsclose:code']['4001'][1] == f'4001 {shown}'
    assert _rows(html(app, 'index'))[1][:2] == ['4001', shown]


def test_a_nested_enum_is_spelled_by_its_own_name_too(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, syntax: str
) -> None:
    src = _sources_project(tmp_path, syntax, "'badcodes_enum:Outer.Inner'")
    index = src / f'index.{SUFFIX[syntax]}'
    role = ':wsclose:' if syntax == 'rst' else '{wsclose}'
    spellings = ['Inner.GOOD', 'Outer.Inner.GOOD', 'badcodes_enum.Outer.Inner.GOOD', 'GOOD']
    index.write_text(index.read_text(encoding='utf-8') + '\n'
                     + ''.join(f'* {role}`{spelling}`\n' for spelling in spellings))
    app = make_app('html', srcdir=src, freshenv=True)
    app.build()
    assert warnings(app) == []
    assert _mentions(html(app, 'index')) == [
        ('4001 Good', '#wsclose-4001', 'A good code.')] * len(spellings)
