"""The ``wsclose`` command: one code, the exports, and errors, through ``main(argv)``."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from docutils.core import publish_parts
from docutils.writers.html5_polyglot import Writer
from markdown_it import MarkdownIt

from sphinxext_wsclose import __version__, cli
from sphinxext_wsclose.bundled import REGISTRY
from sphinxext_wsclose.cli import main
from sphinxext_wsclose.export import CSV_FIELDS, export, select
from sphinxext_wsclose.libraries import LIBRARIES, library_names
from sphinxext_wsclose.registry import Kind

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sphinxext_wsclose.registry import Entry

ALL_COLUMNS = ('code', 'name', 'description', 'reference', 'iana-name', 'constant', 'codename',
               'wire', 'internal', 'customizable', 'browser', 'libraries', 'reconnect',
               'direction', 'set')
HEADERS = ['Code', 'Name', 'Description', 'Reference', 'IANA name', 'Constant', 'Blog codename',
           'Sent on the wire', 'Internal', 'Customizable', 'Browser close()', 'Library names',
           'Reconnect', 'Sent by', 'Defined by']
#: The words of the reconnect column, by token (the exports keep the tokens).
RECONNECT_WORDS = {'yes': 'reconnect', 'resume': 'resume', 'later': 'later',
                   'no': 'do not reconnect', '': ''}
#: Every library, in the order of the records (test_libraries.py pins the list).
LIBRARY_KEYS = [library.key for library in LIBRARIES]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def ok(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    status, out, err = run(capsys, *argv)
    assert (status, err) == (0, '')
    return out


def _flag(value: bool | None) -> str:
    return {None: 'per code', True: 'yes', False: 'no'}[value]


# -- one code ----------------------------------------------------------------------

_FIELD = re.compile(r'([A-Z][A-Za-z ]+):\s+(.*)')


def _fields(text: str) -> dict[str, list[str]]:
    """``Label:  value`` lines, continuation lines added to the list of the label above."""
    fields: dict[str, list[str]] = {}
    label = None
    body = text.split('\n\n', 2)[2].split('\n\nLibrary names', maxsplit=1)[0]
    for line in body.splitlines():
        if match := _FIELD.fullmatch(line):
            label = match[1]
            fields[label] = [match[2]]
        else:
            assert label is not None
            assert line.startswith(' ' * 15)
            fields[label].append(line.strip())
    return fields


def _libraries(text: str) -> dict[str, str]:
    names = {}
    for line in text.split('\nLibrary names for ', 1)[1].splitlines()[1:]:
        match = re.fullmatch(r'  (.+?)  +(\S.*)', line)
        assert match is not None, line
        names[match[1]] = match[2]
    return names


@pytest.mark.parametrize('entry', [e for e in REGISTRY if e.kind is Kind.CODE], ids=str)
def test_every_code_prints_its_facts(capsys: pytest.CaptureFixture[str], entry: Entry) -> None:
    out = ok(capsys, str(entry.first))
    headline, description, _rest = out.split('\n\n', 2)
    assert headline == entry.display
    assert ' '.join(description.split()) == entry.description
    fields = _fields(out)
    references = [line for ref in entry.references for line in (ref.label, ref.url)]
    assert fields == {
        'Code': [f'{entry.first} (registered code)'],
        'Name': [entry.name],
        'IANA name': [entry.iana_name or '\u2014'],
        'Constant': [entry.constant or '\u2014'],
        'Blog codename': [entry.blog_codename or '\u2014'],
        **({'Also known as': [', '.join(entry.aliases)]} if entry.aliases else {}),
        **({'Reconnect': fields['Reconnect']} if entry.reconnect else {}),
        'Wire': [_flag(entry.wire)],
        'Internal': [_flag(entry.internal)],
        'Customizable': [_flag(entry.customizable)],
        'Within': ['1000\u20132999 Protocol and extensions' if entry.first < 3000
                   else '3000\u20133999 Libraries, frameworks and applications'],
        'References': references,
        'Notes': fields['Notes'],
    }
    notes = ' '.join(fields['Notes'])
    assert notes == (' '.join(entry.notes) if entry.notes else '\u2014')
    if entry.reconnect:  # the token, an en dash and the note: "later – A client may …"
        assert ' '.join(fields['Reconnect']) == f'{entry.reconnect} \u2013 {entry.reconnect_note}'

    names = library_names(entry.first)
    expected = {}
    for library in LIBRARIES:
        value = names[library.key]
        if library.accepts is not None:
            expected[library.name] = (
                f'close({entry.first}) {"is accepted" if value else "throws"}'
            )
        else:
            expected[library.name] = library.namespace + value if value else '\u2014'
    assert _libraries(out) == expected


def test_1008_output(capsys: pytest.CaptureFixture[str]) -> None:
    out = ok(capsys, '1008')
    shown = _libraries(out)
    assert len(shown) == len(LIBRARIES)
    assert shown.items() >= {
        'Python websockets': 'CloseCode.POLICY_VIOLATION',
        'aiohttp': 'WSCloseCode.POLICY_VIOLATION',
        'Starlette / FastAPI': 'status.WS_1008_POLICY_VIOLATION',
        'Browser WebSocket API': 'close(1008) throws',
        'Jakarta WebSocket': 'CloseCodes.VIOLATED_POLICY',
        '.NET': 'WebSocketCloseStatus.PolicyViolation',
        'Go gorilla/websocket': 'ClosePolicyViolation',
    }.items()
    assert '\nReferences:    RFC 6455 \u00a77.4.1\n' in out


@pytest.mark.parametrize(
    ('argv', 'code'),
    [
        (['POLICY_VIOLATION'], '1008'),
        (['policy', 'violation'], '1008'),
        (['Policy Violation'], '1008'),
        (['CLOSE_NO_STATUS'], '1005'),
        (['Internal', 'Server', 'Error'], '1011'),
        (['+1000'], '1000'),
    ],
)
def test_names_are_understood(
    capsys: pytest.CaptureFixture[str], argv: list[str], code: str
) -> None:
    assert ok(capsys, *argv) == ok(capsys, code)


@pytest.mark.parametrize(
    ('code', 'headline', 'within'),
    [
        ('4001', '4001 (private use)', None),
        ('1500', '1500 (unassigned)', '1000\u20132999 Protocol and extensions'),
        ('3005', '3005 (unassigned)', '3000\u20133999 Libraries, frameworks and applications'),
        ('6000', '6000 (undefined)', None),
        ('500', '500 (not used)', None),
    ],
)
def test_a_code_in_a_range_is_explained_by_the_range(
    capsys: pytest.CaptureFixture[str], code: str, headline: str, within: str | None
) -> None:
    out = ok(capsys, code)
    entry = REGISTRY.lookup(code)
    first_line, paragraph, _rest = out.split('\n\n', 2)
    assert first_line == headline
    assert ' '.join(paragraph.split()) == (
        f'{code} is not a registered close code. It is in {entry.display}: {entry.description}'
    )
    fields = _fields(out)
    assert fields['Range'] == [entry.display]
    assert fields['Who assigns'] == [entry.procedure]
    assert fields['Customizable'] == [_flag(entry.customizable)]
    assert fields.get('Within') == ([within] if within else None)
    assert _libraries(out)['Browser WebSocket API'] == (
        f'close({code}) is accepted' if code in {'4001', '3005'} else f'close({code}) throws'
    )


def test_4001_says_private_use(capsys: pytest.CaptureFixture[str]) -> None:
    out = ok(capsys, '4001')
    assert out.startswith(
        '4001 (private use)\n\n'
        '4001 is not a registered close code. It is in 4000\u20134999 Private use: Codes\n'
    )


@pytest.mark.parametrize('text', ['4000-4999', '4000\u20134999', '4000 - 4999'])
def test_a_range(capsys: pytest.CaptureFixture[str], text: str) -> None:
    out = ok(capsys, text)
    assert out.startswith('4000\u20134999 Private use\n\nCodes whose meaning')
    assert _fields(out)['Kind'] == ['range']
    assert 'Library names' not in out


def test_json_for_one_code(capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(ok(capsys, '4001', '--json'))
    assert data == {
        'schema': 1,
        'query': '4001',
        'code': 4001,
        'entry': data['entry'],
        'within': [],
        'libraries': {**dict.fromkeys(LIBRARY_KEYS), 'browser': True},
    }
    assert data['entry']['key'] == '4000-4999'
    assert (data['entry']['first'], data['entry']['last']) == (4000, 4999)

    data = json.loads(ok(capsys, '--json', 'policy_violation'))
    assert (data['query'], data['code']) == ('policy_violation', 1008)
    assert data['within'] == ['1000-2999']
    assert data['entry']['libraries'] == data['libraries']
    assert data['libraries']['aiohttp'] == 'POLICY_VIOLATION'

    data = json.loads(ok(capsys, '1016-2999', '--json'))
    assert (data['code'], data['within'], data['libraries']) == (None, ['1000-2999'], None)
    assert data['entry']['kind'] == 'unassigned'


# -- several codes -------------------------------------------------------------------


@pytest.mark.parametrize(
    'argv',
    [
        ['1008', '1009'],
        ['1009', '1008'],
        ['4001', 'POLICY_VIOLATION', '4000-4999'],
        ['policy violation', '1009'],  # a name of several words among others: quoted
        ['discord-gateway:4004', '1000'],
    ],
)
def test_several_codes_are_each_described_in_order(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    """Each description, as the code alone prints it, a blank line between them."""
    assert ok(capsys, *argv) == '\n'.join(ok(capsys, code) for code in argv)


def test_the_words_of_one_name_come_first(capsys: pytest.CaptureFixture[str]) -> None:
    """Joined, the arguments are a name; one by one, neither word is a code."""
    assert ok(capsys, 'policy', 'violation') == ok(capsys, '1008')
    assert ok(capsys, 'Internal', 'Server', 'Error', '--libraries', 'aiohttp') == ok(
        capsys, '1011', '--libraries', 'aiohttp')


def test_several_codes_as_json_are_a_list(capsys: pytest.CaptureFixture[str]) -> None:
    out = ok(capsys, '1008', '4001', '--json')
    records = json.loads(out)
    assert records == [json.loads(ok(capsys, '1008', '--json')),
                       json.loads(ok(capsys, '4001', '--json'))]
    assert out == json.dumps(records, indent=2, ensure_ascii=False) + '\n'
    # One code keeps its object, not a list of one.
    assert isinstance(json.loads(ok(capsys, 'policy', 'violation', '--json')), dict)


def test_several_codes_share_the_options(capsys: pytest.CaptureFixture[str]) -> None:
    out = ok(capsys, '1000', '1001', '--libraries', 'gorilla')
    assert out == (ok(capsys, '1000', '--libraries', 'gorilla') + '\n'
                   + ok(capsys, '1001', '--libraries', 'gorilla'))
    assert out.count('\nLibrary names for ') == 2
    assert out.count('  Go gorilla/websocket  ') == 2


# -- errors ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ('argv', 'message'),
    [
        (['70000'], "'70000' is outside 0\u201365535, the values a Close frame\u2019s 16-bit "
                    'status code can hold'),
        (['-1'], "'-1' is outside 0\u201365535, the values a Close frame\u2019s 16-bit "
                 'status code can hold'),
        (['ALRIGHT'], "'ALRIGHT' is neither a close code number nor a known code name"),
        (['1000', 'ALRIGHT', 'NOPE'],
         "'1000 ALRIGHT NOPE' is no code or name, read as one or one by one: 'ALRIGHT' is "
         'neither a close code number nor a known code name'),
        (['1008', '70000'],
         "'1008 70000' is no code or name, read as one or one by one: '70000' is outside "
         '0\u201365535, the values a Close frame\u2019s 16-bit status code can hold'),
        (['policy', 'violaton'],
         "'policy violaton' is no code or name, read as one or one by one: 'policy' is "
         'neither a close code number nor a known code name'),
        (['internal', 'server', 'error', '1009'],
         "'internal server error 1009' is no code or name, read as one or one by one: "
         "'internal' is neither a close code number nor a known code name"),
        (['--json'], 'the following arguments are required: CODE'),
        (['--bogus', '1000'], 'unrecognized arguments: --bogus'),
        (['list', '--format', 'xml'],
         "argument --format: invalid choice: 'xml' (choose from table, json, csv, markdown, "
         'rst)'),
        (['list', '1008'], 'unrecognized arguments: 1008'),
        (['list', '--codes', 'abc'],
         "--codes: 'abc' is not a code, a range such as 4000-4999, or a name"),
        (['list', '--codes', '1000-70000'],
         "--codes: '70000' is outside 0\u201365535, the values a Close frame\u2019s 16-bit "
         'status code can hold'),
        (['list', '--codes', '1015-1000'], "--codes: '1015-1000' runs backwards"),
        (['list', '--codes', ' , '], '--codes: no code given'),
        (['list', '--columns', 'code,colour'],
         "--columns: unknown 'colour'; the columns are " + ', '.join(ALL_COLUMNS)),
        (['list', '--format', 'json', '--columns', 'code'],
         '--columns applies to table, markdown and rst; json carries every field'),
    ],
)
def test_bad_input_is_one_line_and_status_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    status, out, err = run(capsys, *argv)
    assert status == 2
    assert out == ''
    # Python 3.12.8+ and 3.13.1+ stopped quoting argparse's choices.
    assert err.replace("'table', 'json', 'csv', 'markdown', 'rst'",
                       'table, json, csv, markdown, rst') == f'wsclose: error: {message}\n'


def test_help_and_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert ok(capsys, '--help').startswith(
        'usage: wsclose [-h] [--version] [--json] CODE [CODE ...]\n')
    assert ok(capsys, 'list', '--help').startswith('usage: wsclose list [-h]')
    assert ok(capsys, '--version') == f'wsclose (sphinxext-wsclose) {__version__}\n'


#: The commands, as ``wsclose --help`` and ``wsclose`` alone list them.
COMMANDS_HELP = """\
commands:
  list           export the registry: a table, JSON, CSV, Markdown or rST
  sets           list the protocols' sets of codes that --set takes
  registry-diff  compare IANA's websocket.xml with the bundled registry
"""
USAGE = """\
usage: wsclose [-h] [--version] [--json] CODE [CODE ...]
               [--libraries KEYS] [--set NAMES]
       wsclose list [-h] [--format {table,json,csv,markdown,rst}] [--codes SPANS]
                    [--columns NAMES] [--libraries KEYS] [--set NAMES]
       wsclose sets [-h] [--format {table,json}]
       wsclose registry-diff [-h] websocket.xml
"""


def test_help_lists_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    """After the options, one line per command, from the one table of them."""
    out = ok(capsys, '--help')
    assert out.startswith(USAGE + '\n')
    assert out.endswith('\n\n' + COMMANDS_HELP
                        + '\nEach command has its own help, such as: wsclose list --help\n')
    assert [command.name for command in cli._COMMANDS] == ['list', 'sets', 'registry-diff']
    for command in cli._COMMANDS:
        assert f'\n  {command.name.ljust(15)}{command.summary}\n' in out
        assert f'\n       wsclose {command.name} [-h]' in out  # and in the usage
        assert command.parser().prog == f'wsclose {command.name}'
        assert ok(capsys, command.name, '--help').startswith(f'usage: wsclose {command.name} ')


def test_no_arguments_print_the_usage_and_the_commands(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """As argparse does: the usage on standard error, and 2; with the commands besides."""
    assert run(capsys) == (2, '', USAGE + '\n' + COMMANDS_HELP + '\n' + (
        'wsclose: error: give a code, such as 1008, or a command; wsclose --help says more\n'))


@pytest.mark.parametrize(
    ('argv', 'message'),
    [
        (['lst'], "'lst' is neither a close code number nor a known code name"),
        (['lists'], "'lists' is neither a close code number nor a known code name"),
        (['lsit'], "'lsit' is neither a close code number nor a known code name"),
        (['LIST'], "'LIST' is neither a close code number nor a known code name"),
        (['set'], "'set' is neither a close code number nor a known code name"),
        (['regsitry-diff'],
         "'regsitry-diff' is neither a close code number nor a known code name"),
        (['lst', '--codes', '1000-1003'], 'unrecognized arguments: --codes 1000-1003'),
        (['lst', '1008'], "'lst 1008' is no code or name, read as one or one by one: 'lst' "
                          'is neither a close code number nor a known code name'),
    ],
)
def test_a_word_close_to_a_command_is_hinted(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    """Never run as the command it resembles (``lists`` is no ``list``): an error, with a hint."""
    close = {'set': 'sets', 'regsitry-diff': 'registry-diff'}.get(argv[0], 'list')
    assert run(capsys, *argv) == (
        2, '', f"wsclose: error: {message}; did you mean 'wsclose {close}'?\n")


@pytest.mark.parametrize('argv', [['ALRIGHT'], ['diff'], ['1008', 'lst'], ['list', 'lst'],
                                  ['sets', '--format', 'xml'], ['--bogus', 'lst']])
def test_no_hint_far_from_a_command_or_not_first(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    status, out, err = run(capsys, *argv)
    assert (status, out) == (2, '')
    assert err.startswith('wsclose: error: ')
    assert 'did you mean' not in err


def test_codes_and_names_win_over_a_hint(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The hint is for what names no code: with every word "close", codes are still described."""
    monkeypatch.setattr(cli, '_CLOSE', 0.0)
    assert ok(capsys, 'going', 'away') == ok(capsys, '1001')
    assert ok(capsys, 'list', '--codes', '1000').startswith('Code ')
    assert run(capsys, 'ALRIGHT')[2].endswith("; did you mean 'wsclose list'?\n")


def test_python_dash_m() -> None:
    result = subprocess.run(
        [sys.executable, '-m', 'sphinxext_wsclose', '1008'],
        capture_output=True, text=True, encoding='utf-8', check=False,
    )
    assert (result.returncode, result.stderr) == (0, '')
    assert result.stdout.startswith('1008 Policy Violation\n\n')
    assert 'Constant:      POLICY_VIOLATION\n' in result.stdout


# -- list: every format, parsed back -------------------------------------------------


def _expected_cells(entry: Entry) -> list[str]:
    return [
        entry.code_text,
        entry.name,
        entry.description,
        ', '.join(ref.label for ref in entry.references),
        entry.iana_name or '',
        entry.constant or '',
        entry.blog_codename or '',
        _flag(entry.wire),
        _flag(entry.internal),
        _flag(entry.customizable),
        _flag(entry.browser),
        '' if entry.is_range else library_names(entry.first).summary(),
        RECONNECT_WORDS[entry.reconnect],
        {'server': 'server', 'client': 'client', 'either': 'either', '': ''}[entry.direction],
        'IANA registry',
    ]


def _links(entry: Entry) -> list[tuple[str, str]]:
    return [(ref.label, ref.url) for ref in entry.references]


def _check_html_table(table: BeautifulSoup, entries: Sequence[Entry]) -> None:
    assert [th.get_text(strip=True) for th in table.select('thead th')] == HEADERS
    rows = table.select('tbody tr')
    assert len(rows) == len(entries)
    for row, entry in zip(rows, entries, strict=True):
        cells = row.find_all('td')
        assert [' '.join(cell.get_text().split()) for cell in cells] == _expected_cells(entry)
        assert [(a.get_text(), a['href']) for a in cells[3].find_all('a')] == _links(entry)


def test_list_json(capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(ok(capsys, 'list', '--format', 'json'))
    assert list(data) == ['schema', 'library_sources', 'entries']
    assert data['schema'] == 1
    # Today's libraries as pinned; a new one adds a source of the same shape.
    pinned = [
        {'key': 'websockets', 'name': 'Python websockets', 'namespace': 'CloseCode.',
         'version': '17.0.1'},
        {'key': 'aiohttp', 'name': 'aiohttp', 'namespace': 'WSCloseCode.',
         'version': 'master (2026)'},
        {'key': 'starlette', 'name': 'Starlette / FastAPI', 'namespace': 'status.',
         'version': '0.47.3'},
        {'key': 'browser', 'name': 'Browser WebSocket API', 'namespace': None, 'version': None},
        {'key': 'jakarta', 'name': 'Jakarta WebSocket', 'namespace': 'CloseCodes.',
         'version': None},
        {'key': 'dotnet', 'name': '.NET', 'namespace': 'WebSocketCloseStatus.', 'version': None},
        {'key': 'gorilla', 'name': 'Go gorilla/websocket', 'namespace': None,
         'version': 'v1.5.3'},
    ]
    assert data['library_sources'][:len(pinned)] == pinned
    assert [source['key'] for source in data['library_sources']] == LIBRARY_KEYS
    assert all(list(source) == ['key', 'name', 'namespace', 'version']
               for source in data['library_sources'])
    assert len(data['entries']) == len(REGISTRY)
    for record, entry in zip(data['entries'], REGISTRY, strict=True):
        assert record == {
            'key': entry.key,
            'kind': entry.kind.value,
            'first': entry.first,
            'last': entry.last,
            'name': entry.name,
            'iana_name': entry.iana_name,
            'constant': entry.constant,
            'blog_codename': entry.blog_codename,
            'aliases': list(entry.aliases),
            'wire': entry.wire,
            'internal': entry.internal,
            'customizable': entry.customizable,
            'browser': entry.browser,
            'description': entry.description,
            'label': entry.label or None,
            'procedure': entry.procedure or None,
            'references': [{'label': label, 'url': url} for label, url in _links(entry)],
            'notes': list(entry.notes),
            'libraries': None if entry.is_range else library_names(entry.first).as_dict(),
            'set': None,
            'reconnect': entry.reconnect or None,
            'reconnect_note': entry.reconnect_note or None,
            'direction': None,
        }
        if record['libraries'] is not None:
            assert list(record['libraries']) == LIBRARY_KEYS
    codes = {record['key']: record for record in data['entries']}
    assert codes['1000']['libraries']['aiohttp'] == 'OK'
    assert codes['1000']['libraries']['browser'] is True
    assert codes['1016-2999']['kind'] == 'unassigned'
    assert codes['1000-2999']['wire'] is None
    # close() accepts 1000 and 3000-4999: whole ranges are yes or no, mixed ones None.
    assert [codes[key]['browser'] for key in ('1000', '1008', '3000-3999', '4000-4999',
                                              '1000-2999', '0-999', '5000-65535')] == [
        True, False, True, True, None, False, False]
    # The new fields come last; IANA's reconnect advice is on 1012 and 1013 only.
    assert list(codes['1012'])[-4:] == ['set', 'reconnect', 'reconnect_note', 'direction']
    assert {key: record['reconnect'] for key, record in codes.items()
            if record['reconnect'] is not None} == {'1012': 'later', '1013': 'no'}


def test_list_csv(capsys: pytest.CaptureFixture[str]) -> None:
    reader = csv.DictReader(io.StringIO(ok(capsys, 'list', '--format', 'csv')))
    assert tuple(reader.fieldnames or ()) == CSV_FIELDS
    # The libraries' columns, then the fields added since (issue 22), at the end.
    assert list(CSV_FIELDS[-len(LIBRARY_KEYS) - 4:-4]) == LIBRARY_KEYS
    assert CSV_FIELDS[-4:] == ('set', 'reconnect', 'reconnect_note', 'direction')
    rows = list(reader)
    assert len(rows) == len(REGISTRY)

    def text(value: bool | str | None) -> str:
        if isinstance(value, bool):
            return 'true' if value else 'false'
        return value or ''

    for row, entry in zip(rows, REGISTRY, strict=True):
        names = None if entry.is_range else library_names(entry.first).as_dict()
        assert row == {
            'key': entry.key,
            'kind': entry.kind.value,
            'first': str(entry.first),
            'last': str(entry.last),
            'name': entry.name,
            'iana_name': entry.iana_name or '',
            'constant': entry.constant or '',
            'blog_codename': entry.blog_codename or '',
            'aliases': '\n'.join(entry.aliases),
            'wire': text(entry.wire),
            'internal': text(entry.internal),
            'customizable': text(entry.customizable),
            'description': entry.description,
            'label': entry.label,
            'procedure': entry.procedure,
            'references': '\n'.join(f'{label} <{url}>' for label, url in _links(entry)),
            'notes': '\n'.join(entry.notes),
            **{key: '' if names is None else text(names[key]) for key in LIBRARY_KEYS},
            # A range has no library names, but close() accepts it whole, or not at all.
            **({'browser': text(entry.browser)} if names is None else {}),
            'set': '',
            'reconnect': entry.reconnect,
            'reconnect_note': entry.reconnect_note,
            'direction': '',
        }
    assert rows[2]['key'] == '1000'
    assert (rows[2]['aiohttp'], rows[2]['browser']) == ('OK', 'true')
    (restart,) = (row for row in rows if row['key'] == '1012')
    assert (restart['reconnect'], restart['reconnect_note']) == (
        'later', 'A client may reconnect; if it does, after a random delay of 5 to 30 seconds.')


def test_list_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    out = ok(capsys, 'list', '--format', 'markdown', '--columns', ','.join(ALL_COLUMNS))
    page = BeautifulSoup(MarkdownIt('commonmark').enable('table').render(out), 'html.parser')
    (table,) = page.find_all('table')
    _check_html_table(table, list(REGISTRY))


def test_list_rst(capsys: pytest.CaptureFixture[str]) -> None:
    out = ok(capsys, 'list', '--format', 'rst', '--columns', ' '.join(ALL_COLUMNS))
    assert out.startswith('.. list-table::\n   :header-rows: 1\n\n')
    settings = {'halt_level': 2, 'report_level': 2}
    parts = publish_parts(out, writer=Writer(), settings_overrides=settings)
    page = BeautifulSoup(parts['body'], 'html.parser')
    (table,) = page.find_all('table')
    _check_html_table(table, list(REGISTRY))


def _text_table(out: str) -> list[list[str]]:
    """Split an aligned text table at the columns that its rule of dashes marks."""
    header, rule, *body = out.splitlines()
    spans = [match.span() for match in re.finditer(r'-+', rule)]
    starts = [start for start, _end in spans]
    rows = []
    for line in [header, *body]:
        cells = [line[start:end].strip()
                 for start, end in zip(starts, [*starts[1:], None], strict=True)]
        rows.append(cells)
    return rows


def test_list_table(capsys: pytest.CaptureFixture[str]) -> None:
    rows = _text_table(ok(capsys, 'list', '--columns', ','.join(ALL_COLUMNS)))
    assert rows[0] == HEADERS
    assert rows[1:] == [_expected_cells(entry) for entry in REGISTRY]


def test_list_table_default_columns(capsys: pytest.CaptureFixture[str]) -> None:
    rows = _text_table(ok(capsys, 'list'))
    assert rows[0] == ['Code', 'Name', 'Constant', 'Sent on the wire', 'Internal',
                       'Customizable']
    picked = [0, 1, 5, 7, 8, 9]
    assert rows[1:] == [[_expected_cells(entry)[n] for n in picked] for entry in REGISTRY]


@pytest.mark.parametrize(
    ('codes', 'keys'),
    [
        ('1000-1015,4000-4999', [str(code) for code in range(1000, 1016)] + ['4000-4999']),
        ('1000-1015, 4000\u20134999', [str(code) for code in range(1000, 1016)] + ['4000-4999']),
        ('3000-3999', ['3000-3999', '3000', '3001-3002', '3003', '3004-3007', '3008',
                       '3009-3999']),
        ('POLICY_VIOLATION,1008,5000-65535', ['1008', '5000-65535']),
        ('1016-1020', []),
    ],
)
def test_list_codes_filters(
    capsys: pytest.CaptureFixture[str], codes: str, keys: list[str]
) -> None:
    data = json.loads(ok(capsys, 'list', '--format', 'json', '--codes', codes))
    assert [record['key'] for record in data['entries']] == keys
    reader = csv.DictReader(io.StringIO(ok(capsys, 'list', '--format', 'csv', '--codes', codes)))
    assert [row['key'] for row in reader] == keys


# -- list on a terminal: fitted to its width ---------------------------------------


class _Terminal(io.StringIO):
    """A standard output that is a terminal."""

    def isatty(self) -> bool:
        return True


def on_terminal(monkeypatch: pytest.MonkeyPatch, columns: int, *argv: str) -> str:
    """What ``wsclose *argv*`` prints on a terminal whose :envvar:`COLUMNS` is *columns*."""
    terminal = _Terminal()
    monkeypatch.setattr(sys, 'stdout', terminal)
    monkeypatch.setenv('COLUMNS', str(columns))
    assert main(list(argv)) == 0
    return terminal.getvalue()


def test_list_fits_80_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    """The widest column of text wraps first; then those as wide, a header among them."""
    assert on_terminal(monkeypatch, 80, 'list', '--codes', '1000-1003,4000-4999') == '''\
Code       Name          Constant          Sent on the    Internal  Customizable
                                           wire
---------  ------------  ----------------  -------------  --------  ------------
1000       Normal        NORMAL_CLOSURE    yes            no        no
           Closure
1001       Going Away    GOING_AWAY        yes            no        no
1002       Protocol      PROTOCOL_ERROR    yes            no        no
           error
1003       Unsupported   UNSUPPORTED_DATA  yes            no        no
           Data
4000\u20134999  Private use                     yes            no        yes
'''


def test_list_fits_40_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    out = on_terminal(monkeypatch, 40, 'list', '--codes', '1000-1001,4000-4999',
                      '--columns', 'code,name,description')
    assert out == '''\
Code       Name           Description
---------  -------------  --------------
1000       Normal         The connection
           Closure        did what it
                          was opened for
                          and is being
                          shut down
                          normally.
1001       Going Away     An endpoint is
                          leaving, such
                          as a server
                          shutting down
                          or a browser
                          navigating
                          away from the
                          page.
4000\u20134999  Private use    Codes whose
                          meaning two
                          applications
                          agree on
                          between
                          themselves;
                          they cannot be
                          registered.
'''


def _column_text(out: str) -> list[str]:
    """Each column's characters, top to bottom, without spaces: what wrapping must keep."""
    lines = out.splitlines()
    rule = next(n for n, line in enumerate(lines) if set(line) <= {'-', ' '})
    spans = [match.span() for match in re.finditer(r'-+', lines[rule])]
    return [''.join(line[start:end].replace(' ', '') for line in lines[:rule] + lines[rule + 1:])
            for start, end in spans]


@pytest.mark.parametrize('columns', [None, 'code,name,description',
                                     'code,name,description,reference,libraries'])
@pytest.mark.parametrize('width', [40, 60, 80, 100, 160])
def test_the_whole_list_fits_and_keeps_every_character(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
    width: int, columns: str | None,
) -> None:
    argv = ['list', *(['--columns', columns] if columns else [])]
    piped = ok(capsys, *argv)
    out = on_terminal(monkeypatch, width, *argv)
    assert max(len(line) for line in out.splitlines()) <= width
    assert _column_text(out) == _column_text(piped)
    if max(len(line) for line in piped.splitlines()) <= width:
        assert out == piped


def test_a_pipe_keeps_one_line_per_cell(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not a terminal: today's table, however narrow COLUMNS says the terminal is."""
    monkeypatch.setenv('COLUMNS', '40')
    out = ok(capsys, 'list')
    assert out == export(select(None))
    assert max(len(line) for line in out.splitlines()) == 120
    assert len(out.splitlines()) == len(REGISTRY) + 2


@pytest.mark.parametrize('fmt', ['markdown', 'rst', 'csv', 'json'])
def test_only_the_table_is_fitted(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    piped = ok(capsys, 'list', '--format', fmt)
    assert on_terminal(monkeypatch, 40, 'list', '--format', fmt) == piped
