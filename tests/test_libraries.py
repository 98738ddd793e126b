"""Library names: the data against the reference table, and the table column in rST and MyST."""

from __future__ import annotations

import re
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

import pytest
from helpers import copy_root, html, warnings

from sphinxext_wsclose import libraries
from sphinxext_wsclose.bundled import REGISTRY
from sphinxext_wsclose.columns import COLUMNS
from sphinxext_wsclose.export import query_record
from sphinxext_wsclose.libraries import (
    LIBRARIES,
    Library,
    browser_accepts,
    library_names,
    spellings,
)
from sphinxext_wsclose.registry import Kind, Registry, normalize_name
from sphinxext_wsclose.values import InvalidCodeError

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.testing.util import SphinxTestApp

# Copied from ../shared/reference/close-codes.md, "How libraries name the codes".
REFERENCE_TABLE = """\
| code | Python websockets `CloseCode` | aiohttp `WSCloseCode` | Starlette `status.` | Jakarta `CloseCodes` | .NET `WebSocketCloseStatus` | Go gorilla |
|---|---|---|---|---|---|---|
| 1000 | NORMAL_CLOSURE | OK | WS_1000_NORMAL_CLOSURE | NORMAL_CLOSURE | NormalClosure | CloseNormalClosure |
| 1001 | GOING_AWAY | GOING_AWAY | WS_1001_GOING_AWAY | GOING_AWAY | EndpointUnavailable | CloseGoingAway |
| 1002 | PROTOCOL_ERROR | PROTOCOL_ERROR | WS_1002_PROTOCOL_ERROR | PROTOCOL_ERROR | ProtocolError | CloseProtocolError |
| 1003 | UNSUPPORTED_DATA | UNSUPPORTED_DATA | WS_1003_UNSUPPORTED_DATA | CANNOT_ACCEPT | InvalidMessageType | CloseUnsupportedData |
| 1004 | — | — | — | RESERVED | — | — |
| 1005 | NO_STATUS_RCVD | — | WS_1005_NO_STATUS_RCVD | NO_STATUS_CODE | Empty | CloseNoStatusReceived |
| 1006 | ABNORMAL_CLOSURE | ABNORMAL_CLOSURE | WS_1006_ABNORMAL_CLOSURE | CLOSED_ABNORMALLY | — | CloseAbnormalClosure |
| 1007 | INVALID_DATA | INVALID_TEXT | WS_1007_INVALID_FRAME_PAYLOAD_DATA | NOT_CONSISTENT | InvalidPayloadData | CloseInvalidFramePayloadData |
| 1008 | POLICY_VIOLATION | POLICY_VIOLATION | WS_1008_POLICY_VIOLATION | VIOLATED_POLICY | PolicyViolation | ClosePolicyViolation |
| 1009 | MESSAGE_TOO_BIG | MESSAGE_TOO_BIG | WS_1009_MESSAGE_TOO_BIG | TOO_BIG | MessageTooBig | CloseMessageTooBig |
| 1010 | MANDATORY_EXTENSION | MANDATORY_EXTENSION | WS_1010_MANDATORY_EXT | NO_EXTENSION | MandatoryExtension | CloseMandatoryExtension |
| 1011 | INTERNAL_ERROR | INTERNAL_ERROR | WS_1011_INTERNAL_ERROR | UNEXPECTED_CONDITION | InternalServerError | CloseInternalServerErr |
| 1012 | SERVICE_RESTART | SERVICE_RESTART | WS_1012_SERVICE_RESTART | SERVICE_RESTART | — | CloseServiceRestart |
| 1013 | TRY_AGAIN_LATER | TRY_AGAIN_LATER | WS_1013_TRY_AGAIN_LATER | TRY_AGAIN_LATER | — | CloseTryAgainLater |
| 1014 | BAD_GATEWAY | BAD_GATEWAY | WS_1014_BAD_GATEWAY | — | — | — |
| 1015 | TLS_HANDSHAKE | — | WS_1015_TLS_HANDSHAKE | TLS_HANDSHAKE_FAILURE | — | CloseTLSHandshake |
"""  # noqa: E501
REFERENCE_COLUMNS = ('websockets', 'aiohttp', 'starlette', 'jakarta', 'dotnet', 'gorilla')


def _reference_rows() -> dict[int, dict[str, str | None]]:
    rows = {}
    for line in REFERENCE_TABLE.splitlines()[2:]:
        code, *names = (cell.strip() for cell in line.strip('|').split('|'))
        rows[int(code)] = {
            key: None if name == '\u2014' else name
            for key, name in zip(REFERENCE_COLUMNS, names, strict=True)
        }
    return rows


REFERENCE = _reference_rows()


def test_the_transcription_covers_1000_to_1015() -> None:
    assert sorted(REFERENCE) == list(range(1000, 1016))


@pytest.mark.parametrize('code', sorted(REFERENCE))
def test_names_match_the_reference_row(code: int) -> None:
    names = library_names(code)
    assert names.code == code
    assert {key: names[key] for key in REFERENCE_COLUMNS} == REFERENCE[code]
    assert names['browser'] is (code == 1000)


@pytest.mark.parametrize(
    'code', [entry.first for entry in REGISTRY if entry.kind is Kind.CODE and entry.first > 1015]
)
def test_codes_the_reference_does_not_list_have_no_names(code: int) -> None:
    names = library_names(code)
    assert [names[key] for key in REFERENCE_COLUMNS] == [None] * 6
    assert names['browser'] is True  # 3000, 3003, 3008: close() accepts 3000-4999


@pytest.mark.parametrize(
    ('code', 'accepted'),
    [(0, False), (999, False), (1000, True), (1001, False), (1005, False), (2999, False),
     (3000, True), (3500, True), (4000, True), (4999, True), (5000, False), (65535, False),
     ('4001', True)],
)
def test_browser_close_accepts_only_1000_and_3000_to_4999(code: int | str, accepted: bool) -> None:
    assert browser_accepts(code) is accepted
    assert library_names(code)['browser'] is accepted


@pytest.mark.parametrize('value', [-1, 65536, '70000', 'abc', True, 10.0])
def test_values_that_are_not_close_codes_raise(value: object) -> None:
    with pytest.raises(InvalidCodeError):
        library_names(value)
    with pytest.raises(InvalidCodeError):
        browser_accepts(value)


def test_library_list_and_versions() -> None:
    # Today's seven, listed by default; the libraries added later follow them.
    assert [(lib.key, lib.label, lib.namespace, lib.version)
            for lib in LIBRARIES if lib.listed] == [
        ('websockets', 'websockets', 'CloseCode.', '17.0.1'),
        ('aiohttp', 'aiohttp', 'WSCloseCode.', 'master (2026)'),
        ('starlette', 'Starlette', 'status.', '0.47.3'),
        ('browser', 'browser close()', '', None),
        ('jakarta', 'Jakarta', 'CloseCodes.', None),
        ('dotnet', '.NET', 'WebSocketCloseStatus.', None),
        ('gorilla', 'gorilla', '', 'v1.5.3'),
    ]
    by_key = {lib.key: lib for lib in LIBRARIES}
    assert by_key['dotnet'].qualified('PolicyViolation') == 'WebSocketCloseStatus.PolicyViolation'
    assert by_key['gorilla'].qualified('ClosePolicyViolation') == 'ClosePolicyViolation'


def test_as_dict_and_summary() -> None:
    names = library_names(1005)
    assert list(names.as_dict()) == [library.key for library in LIBRARIES]
    assert names.as_dict().items() >= {
        'websockets': 'NO_STATUS_RCVD', 'aiohttp': None, 'starlette': 'WS_1005_NO_STATUS_RCVD',
        'browser': False, 'jakarta': 'NO_STATUS_CODE', 'dotnet': 'Empty',
        'gorilla': 'CloseNoStatusReceived',
    }.items()
    # Today's seven first; a library added later follows them.
    assert names.summary().startswith(
        'websockets: NO_STATUS_RCVD; aiohttp: \u2014; Starlette: WS_1005_NO_STATUS_RCVD; '
        'browser close(): throws; Jakarta: NO_STATUS_CODE; .NET: Empty; '
        'gorilla: CloseNoStatusReceived'
    )



# -- the records ------------------------------------------------------------------

#: Libraries whose version read the reference does not record.
UNRECORDED_VERSION = {'browser', 'jakarta', 'dotnet'}
#: Libraries with no source file: the browser's rule comes from the WebSocket API.
NO_SOURCE = {'browser'}


@pytest.mark.parametrize('library', LIBRARIES, ids=lambda library: library.key)
def test_every_record_is_complete(library: Library) -> None:
    assert all((library.key, library.name, library.label, library.language))
    assert (library.checked is None) is (library.key in UNRECORDED_VERSION)
    assert (not library.source) is (library.key in NO_SOURCE)
    # A library either names codes or has a rule, never both, never neither.
    assert bool(library.constants) is (library.accepts is None)
    # A namespace or prefix ends with its own separator, whatever it is.
    for prefix in (library.namespace, *library.prefixes):
        assert not prefix or not prefix[-1].isalnum()
    assert len(set(library.prefixes)) == len(library.prefixes)
    assert isinstance(library.constants, MappingProxyType)
    for code, constant in library.constants.items():
        assert 1000 <= code <= 1015
        assert constant.isidentifier()  # no namespace crept in
        assert library.spellings(constant)[0] == constant
        assert library.qualified(constant) in library.spellings(constant)
        assert library.qualified(constant) in spellings(code)


def test_records_are_unique_and_in_order() -> None:
    for field in ('key', 'name', 'label'):
        values = [getattr(library, field) for library in LIBRARIES]
        assert len(set(values)) == len(values), field
    assert isinstance(LIBRARIES, tuple)
    # The browser stays a record among the others, where the table cell shows it.
    assert [library.key for library in LIBRARIES if library.accepts] == ['browser']
    assert LIBRARIES[3].accepts is browser_accepts


def test_records_and_names_cannot_change() -> None:
    given = {1000: 'Normal'}
    library = Library(key='x', name='X', label='X', language='Python', namespace='X.',
                      version=None, checked=None, source='x.py', constants=given)
    given[1001] = 'Away'
    assert dict(library.constants) == {1000: 'Normal'}
    with pytest.raises(TypeError):
        library.constants[1001] = 'Away'  # type: ignore[index]
    with pytest.raises(TypeError):
        library_names(1000).by_key['aiohttp'] = 'NORMAL'  # type: ignore[index]


def test_a_record_has_constants_or_a_rule() -> None:
    with pytest.raises(ValueError, match='both constants and an accepts rule'):
        Library(key='x', name='X', label='X', language='JavaScript', namespace='',
                version=None, checked=None, source='', constants={1000: 'NORMAL'},
                accepts=browser_accepts)


def test_names_by_key() -> None:
    names = library_names(1000)
    assert names['aiohttp'] == names.get('aiohttp') == 'OK'
    assert names['browser'] is True
    assert names.get('nonesuch') is None
    with pytest.raises(KeyError):
        names['nonesuch']
    assert [library for library, _ in names.items()] == list(LIBRARIES)


#: A made-up library, with a separator that is not a dot.
EXAMPLE = Library(
    key='example', name='Example WebSocket', label='Example', language='Rust',
    namespace='ExampleCode::', version='1.0', checked='abc1234', source='src/close.rs',
    prefixes=('example_ws::ExampleCode::',),
    constants={1000: 'ExampleNormal', 1008: 'ExamplePolicy'},
)


def test_a_record_added_to_libraries_is_picked_up(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(libraries, 'LIBRARIES', (*LIBRARIES, EXAMPLE))

    names = library_names(1000)
    assert list(names.as_dict()) == [*(library.key for library in LIBRARIES), 'example']
    assert names['example'] == 'ExampleNormal'
    assert names.items()[-1] == (EXAMPLE, 'ExampleNormal')
    assert '; gorilla: CloseNormalClosure; ' in names.summary()
    assert names.summary().endswith('; Example: ExampleNormal')
    assert library_names(1001)['example'] is None
    assert library_names(1001).summary().endswith('; Example: \u2014')

    assert spellings(1008)[-3:] == (
        'ExamplePolicy', 'ExampleCode::ExamplePolicy', 'example_ws::ExampleCode::ExamplePolicy'
    )
    assert not any('Example' in spelling for spelling in spellings(1001))

    # The table column, and a registry built anew, as the next process builds
    # the bundled one: a mention target.
    assert COLUMNS['libraries'].text(REGISTRY['1000']) == names.summary()
    registry = Registry(list(REGISTRY))
    for spelling in ('ExamplePolicy', 'ExampleCode::ExamplePolicy',
                     'example_ws::ExampleCode::ExamplePolicy'):
        found = registry.find(spelling)
        assert found is not None
        assert found.key == '1008'
    # The qualified forms that the wsclose.ambiguous warning offers, separator and all.
    assert registry['1008'].spellings()[-2:] == (
        'ExampleCode::ExamplePolicy', 'example_ws::ExampleCode::ExamplePolicy'
    )
    # The answer of ``wsclose TEXT --json``.
    record = query_record('ExampleCode::ExamplePolicy', registry)
    assert (record['code'], record['libraries']['example']) == (1008, 'ExamplePolicy')
    assert record['entry']['libraries']['example'] == 'ExamplePolicy'


# -- the ``libraries`` column of wsclose-table ------------------------------------

CELL_1000 = (
    'websockets: NORMAL_CLOSURE; aiohttp: OK; Starlette: WS_1000_NORMAL_CLOSURE; '
    'browser close(): accepted; Jakarta: NORMAL_CLOSURE; .NET: NormalClosure; '
    'gorilla: CloseNormalClosure'
)
CELL_1007 = (
    'websockets: INVALID_DATA; aiohttp: INVALID_TEXT; '
    'Starlette: WS_1007_INVALID_FRAME_PAYLOAD_DATA; browser close(): throws; '
    'Jakarta: NOT_CONSISTENT; .NET: InvalidPayloadData; gorilla: CloseInvalidFramePayloadData'
)
CELL_NONE_ACCEPTED = (
    'websockets: \u2014; aiohttp: \u2014; Starlette: \u2014; browser close(): accepted; '
    'Jakarta: \u2014; .NET: \u2014; gorilla: \u2014'
)


def test_libraries_column_in_html(build: Callable[..., SphinxTestApp], syntax: str) -> None:
    app = build('libraries', syntax)
    assert warnings(app) == []
    table = html(app, 'index').select_one('table.wsclose-table')
    assert table is not None
    assert [th.get_text(strip=True) for th in table.select('thead th')] == [
        'Code', 'Library names'
    ]
    for permalink in table.select('a.headerlink'):  # each row's ¶
        permalink.decompose()
    cells = {
        row.find_all('td')[0].get_text(strip=True): row.find_all('td')[1]
        for row in table.select('tbody tr')
    }
    assert cells['1000'].get_text(strip=True).startswith(CELL_1000)
    assert cells['1007'].get_text(strip=True).startswith(CELL_1007)
    for code in ('3000', '3008', '4002'):  # unlisted, and conf.py's own code
        assert cells[code].get_text(strip=True).startswith(CELL_NONE_ACCEPTED)
    for entry in REGISTRY:
        cell = cells[entry.code_text]
        if entry.is_range:
            assert cell.get_text(strip=True) == ''
        else:
            assert cell.get_text(strip=True) == library_names(entry.first).summary()
            assert len(cell.find_all('p')) == 1


@pytest.mark.parametrize('buildername', ['latex', 'text'])
def test_libraries_column_in_other_builders(
    build: Callable[..., SphinxTestApp], buildername: str
) -> None:
    app = build('libraries', 'rst', buildername)
    assert warnings(app) == []


# -- the libraries added later, against the lines of their sources -----------------

#: tests/data/libraries/<key>.txt: each library's source lines, verbatim, under a
#: header that says where they were read (``# commit: <sha> (<date>)`` and so on).
SOURCES = Path(__file__).parent / 'data' / 'libraries'
#: How each source writes a constant and its value, by library key.
_PYTHON = r'^\s*(?P<name>\w+)(?::\s*Final)?\s*=\s*(?P<value>-?\d+)\b'
SOURCE_PATTERNS = {
    'wsproto': _PYTHON,
    'websocket-client': _PYTHON,
    'autobahn': _PYTHON,
    'litestar': _PYTHON,
    'picows': _PYTHON,
    'tungstenite': r'^\s*(?P<name>\w+) => (?P<value>\d+),$',
    'coder': r'^\s*(?P<name>\w+)\s+StatusCode = (?P<value>\d+)$',
    'java-websocket': r'public static final int (?P<name>\w+) = (?P<value>-?\d+);',
    'netty': r'public static final WebSocketCloseStatus (?P<name>\w+) =\n'
             r'\s*new WebSocketCloseStatus\((?P<value>\d+),',
    'ktor': r'^\s*(?P<name>[A-Z_]+)\((?P<value>\d+)\)[,;]$',
    'swift': r'^\s*case (?P<name>\w+) = (?P<value>-?\d+)$',
}
#: Kotlin's alias of another constant: ``val UNEXPECTED_CONDITION: Codes = INTERNAL_ERROR``.
ALIAS_PATTERN = r'^\s*(?:public )?val (?P<name>\w+): Codes = (?P<target>\w+)$'
#: The codes a constant may stand for: the registered ones.
REGISTERED = {entry.first for entry in REGISTRY if entry.kind is Kind.CODE}
ADDED = [library for library in LIBRARIES if not library.listed]


def _read_source(key: str) -> tuple[dict[str, str], str]:
    """The header fields of a transcription, and its source lines."""
    header: dict[str, str] = {}
    body: list[str] = []
    for line in (SOURCES / f'{key}.txt').read_text(encoding='utf-8').splitlines():
        if line.startswith('# ') and ': ' in line and not body:
            field, _, value = line[2:].partition(': ')
            header[field] = value
        else:
            body.append(line)
    return header, '\n'.join(body) + '\n'


def _parse_source(key: str, body: str) -> tuple[dict[int, str], dict[int, tuple[str, ...]]]:
    """The constants of a transcription that stand for registered codes, and its aliases.

    A value that is no registered code (picows's ``NO_INFO = 0``, Java-WebSocket's
    ``NEVER_CONNECTED = -1``) is left out, and so is an unexported Go name
    (coder's ``statusReserved``).
    """
    found = [(match['name'], int(match['value']))
             for match in re.finditer(SOURCE_PATTERNS[key], body, re.MULTILINE)]
    assert len({name for name, _value in found}) == len(found), 'a name read twice'
    constants: dict[int, str] = {}
    for name, value in found:
        if value not in REGISTERED or (key == 'coder' and not name[0].isupper()):
            continue
        assert value not in constants, f'two constants for {value}'
        constants[value] = name
    by_name = dict(found)
    aliases: dict[int, tuple[str, ...]] = {}
    for match in re.finditer(ALIAS_PATTERN, body, re.MULTILINE):
        code = by_name[match['target']]
        aliases[code] = (*aliases.get(code, ()), match['name'])
    return constants, aliases


def test_every_added_library_has_a_transcription() -> None:
    assert sorted(path.stem for path in SOURCES.glob('*.txt')) == sorted(
        library.key for library in ADDED)
    assert set(SOURCE_PATTERNS) == {library.key for library in ADDED}


@pytest.mark.parametrize('library', ADDED, ids=lambda library: library.key)
def test_added_library_matches_its_source(library: Library) -> None:
    header, body = _read_source(library.key)
    constants, aliases = _parse_source(library.key, body)
    assert dict(library.constants) == constants
    assert dict(library.aliases) == aliases
    # The record says what was read: the file, the version, the commit.
    assert header['path'] == library.source
    assert header['version'] == library.version
    assert library.checked is not None
    assert header['commit'].startswith(library.checked)
    assert header['read'] == '2026-12-06'
    assert header['repository'].startswith('https://github.com/')
    # Only their qualified spellings are mention targets, and the table
    # column leaves them out unless wsclose_libraries names them.
    assert (library.bare, library.listed) == (False, False)


@pytest.mark.parametrize(
    ('key', 'lines'),
    [('picows', 14), ('java-websocket', 18), ('swift', 13), ('coder', 16), ('ktor', 12)],
)
def test_the_parser_reads_every_line_of_a_transcription(key: str, lines: int) -> None:
    # Values that are no close code, and unexported names, are read and then left out.
    _header, body = _read_source(key)
    assert len(re.findall(SOURCE_PATTERNS[key], body, re.MULTILINE)) == lines


def test_added_spellings_in_the_registry() -> None:
    # Qualified forms, whatever their separator, are targets.
    for spelling, code in {
        'CloseCode::Policy': 1008,
        'tungstenite::protocol::frame::coding::CloseCode::Normal': 1000,
        '.normalClosure': 1000,
        'URLSessionWebSocketTask.CloseCode.normalClosure': 1000,
        'CloseReason.Codes.NORMAL': 1000,
        'io.ktor.websocket.CloseReason.Codes.UNEXPECTED_CONDITION': 1011,
        'websocket.StatusNormalClosure': 1000,
        'websocket.STATUS_NORMAL': 1000,
        'websocket._abnf.STATUS_SERVICE_RESTART': 1012,
        'CloseFrame.POLICY_VALIDATION': 1008,
        'WebSocketCloseStatus.ENDPOINT_UNAVAILABLE': 1001,
        'WebSocketProtocol.CLOSE_STATUS_CODE_UNASSIGNED1': 1014,
        'status_codes.WS_1005_NO_STATUS_RECEIVED': 1005,
        'CloseReason.MANDATORY_EXT': 1010,
        'picows.WSCloseCode.OK': 1000,
    }.items():
        found = REGISTRY.find(spelling)
        assert found is not None, spelling
        assert found.first == code, spelling
    # Their bare members are not, where no other name of a code is spelled so.
    bare = {name for library in ADDED
            for name in (*library.constants.values(),
                         *(alias for names in library.aliases.values() for alias in names))}
    unique = sorted(name for name in bare if not _named_elsewhere(name))
    assert {'Policy', 'Error', 'Invalid', 'Size', 'STATUS_NORMAL', 'REFUSE'} <= set(unique)
    for name in unique:
        assert REGISTRY.find(name) is None, name


def _named_elsewhere(name: str) -> bool:
    """Whether a code's own names, or a library listed by default, spell *name* bare."""
    folded = normalize_name(name)
    own = {normalize_name(spelling) for entry in REGISTRY for spelling in entry._own_names()}
    listed = {normalize_name(constant) for library in LIBRARIES if library.bare
              for constant in library.constants.values()}
    return folded in own | listed


def test_no_spelling_of_the_libraries_names_two_codes() -> None:
    # Where two libraries share a spelling (WSCloseCode.OK in aiohttp and picows,
    # websocket.StatusGoingAway in coder and websocket-client), it is one code.
    codes: dict[str, set[int]] = {}
    for library in LIBRARIES:
        for code in library.constants:
            for spelling in library.targets(code):
                codes.setdefault(normalize_name(spelling), set()).add(code)
    assert sorted(folded for folded, found in codes.items() if len(found) > 1) == []
    assert list(REGISTRY.clashes()) == []
    assert codes[normalize_name('WSCloseCode.OK')] == {1000}
    assert codes[normalize_name('websocket.StatusGoingAway')] == {1001}
    assert codes[normalize_name('WebSocketCloseStatus.EMPTY')] == {1005}


# -- the added libraries in a build: mentions, and wsclose_libraries ---------------

#: The mentions of tests/roots/test-morelibraries, in order, and the codes they link to.
MORE_MENTIONS = [
    ('CloseCode::Policy', 1008),
    ('tungstenite::protocol::frame::coding::CloseCode::Normal', 1000),
    ('.normalClosure', 1000),
    ('URLSessionWebSocketTask.CloseCode.goingAway', 1001),
    ('CloseReason.Codes.NORMAL', 1000),
    ('CloseReason.Codes.UNEXPECTED_CONDITION', 1011),
    ('websocket.StatusNormalClosure', 1000),
    ('websocket.STATUS_POLICY_VIOLATION', 1008),
    ('CloseFrame.POLICY_VALIDATION', 1008),
    ('WebSocketCloseStatus.ENDPOINT_UNAVAILABLE', 1001),
    ('WebSocketProtocol.CLOSE_STATUS_CODE_UNASSIGNED1', 1014),
    ('status_codes.WS_1005_NO_STATUS_RECEIVED', 1005),
    ('CloseReason.MANDATORY_EXT', 1010),
    ('picows.WSCloseCode.OK', 1000),
]
#: The conf.py line that sets wsclose_libraries in that root.
LIBRARIES_LINE = 7


def _library_cells(app: SphinxTestApp) -> dict[str, str]:
    table = html(app, 'index').select_one('table.wsclose-table')
    assert table is not None
    for permalink in table.select('a.headerlink'):
        permalink.decompose()
    return {row.find_all('td')[0].get_text(strip=True): row.find_all('td')[1].get_text(strip=True)
            for row in table.select('tbody tr')}


def test_added_spellings_link_and_wsclose_libraries_chooses_the_column(
    build: Callable[..., SphinxTestApp], syntax: str
) -> None:
    app = build('morelibraries', syntax)
    assert warnings(app) == []
    links = [(a.get_text(), a['href'])
             for a in html(app, 'index').select('div.body li a.wsclose-mention')]
    assert links == [(REGISTRY[str(code)].display, f'#wsclose-{code}')
                     for _spelling, code in MORE_MENTIONS]
    cells = _library_cells(app)
    assert cells['1000'] == 'tungstenite: Normal; Swift: normalClosure; Ktor: NORMAL'
    assert cells['1012'] == 'tungstenite: Restart; Swift: \u2014; Ktor: SERVICE_RESTART'
    assert cells['1004'] == 'tungstenite: \u2014; Swift: \u2014; Ktor: \u2014'
    assert len(cells) == 16


@pytest.mark.parametrize(
    ('value', 'message', 'cell'),
    [
        ("['tungstenite', 'nope', 'Swift', 'tungstenite']",
         "wsclose_libraries: unknown library key 'nope', 'Swift'; the keys are "
         f"{', '.join(library.key for library in LIBRARIES)}; ignored",
         'tungstenite: Normal'),
        ("'tungstenite'",
         "wsclose_libraries: expected a list of library keys, not 'tungstenite'; the keys are "
         f"{', '.join(library.key for library in LIBRARIES)}; using the default",
         CELL_1000),
    ],
    ids=['unknown-key', 'not-a-list'],
)
def test_a_bad_wsclose_libraries_warns_at_its_line(
    build: Callable[..., SphinxTestApp], syntax: str, tmp_path: Path,
    value: str, message: str, cell: str,
) -> None:
    srcdir = tmp_path / f'morelibraries-{syntax}'
    copy_root('morelibraries', srcdir, syntax)
    conf = srcdir / 'conf.py'
    lines = conf.read_text().splitlines(keepends=True)
    assert lines[LIBRARIES_LINE - 1].startswith('wsclose_libraries = ')
    lines[LIBRARIES_LINE - 1] = f'wsclose_libraries = {value}\n'
    conf.write_text(''.join(lines))
    app = build('morelibraries', syntax)
    ours = [line for line in warnings(app) if '[wsclose.' in line]
    assert ours == [f'{conf}:{LIBRARIES_LINE}: WARNING: {message} [wsclose.config]']
    # Sphinx checks the type too, with a warning of its own, worded per version.
    theirs = [line for line in warnings(app) if '[wsclose.' not in line]
    if value.startswith('['):
        assert theirs == []
    else:
        assert len(theirs) == 1
        assert theirs[0].startswith("WARNING: The config value `wsclose_libraries' has type")
    assert _library_cells(app)['1000'] == cell


def test_library_keys_match_the_records() -> None:
    """library_keys keeps, for start-up, the keys that LIBRARIES gives, in order."""
    from sphinxext_wsclose import libraries, library_keys  # noqa: PLC0415

    assert libraries.keys() == library_keys.KEYS
    assert libraries.listed_keys() == library_keys.LISTED_KEYS
