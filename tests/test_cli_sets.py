"""``wsclose`` and the protocols' sets: ``wsclose sets``, ``--set``, ``set:code`` queries,
and the reconnect, direction and set fields of the exports, through ``main(argv)``."""

from __future__ import annotations

import csv
import io
import json
import re
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from docutils.core import publish_parts
from docutils.writers.html5_polyglot import Writer
from markdown_it import MarkdownIt

from sphinxext_wsclose.bundled import REGISTRY
from sphinxext_wsclose.cli import main
from sphinxext_wsclose.export import CSV_FIELDS, set_record
from sphinxext_wsclose.registry import Kind
from sphinxext_wsclose.sets import SETS, set_registries

if TYPE_CHECKING:
    from sphinxext_wsclose.registry import Entry

#: What ``--set`` takes, in the order that the errors list them.
SET_NAMES = 'registry, graphql-transport-ws, discord-gateway, discord-voice, pusher, ' \
            'centrifugo, twitch-eventsub'
#: Every code of every set, for the tests that check each.
SET_CODES = [entry for codes in set_registries().values() for entry in codes
             if entry.kind is Kind.SET_CODE]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def ok(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    status, out, err = run(capsys, *argv)
    assert (status, err) == (0, '')
    return out


def _text_table(out: str) -> list[list[str]]:
    """Split an aligned text table at the columns that its rule of dashes marks."""
    header, rule, *body = out.splitlines()
    starts = [match.start() for match in re.finditer(r'-+', rule)]
    return [[line[start:end].strip()
             for start, end in zip(starts, [*starts[1:], None], strict=True)]
            for line in [header, *body]]


# -- wsclose sets --------------------------------------------------------------------


def test_sets_table(capsys: pytest.CaptureFixture[str]) -> None:
    rows = _text_table(ok(capsys, 'sets'))
    assert rows[0] == ['Set', 'Title', 'Codes', 'Ranges', 'Licence', 'Commit date', 'Source']
    assert rows[1:] == [
        [code_set.key, code_set.title, str(len(code_set.codes)), str(len(code_set.ranges)),
         code_set.sources[0].licence, code_set.sources[0].date,
         f'{code_set.sources[0].repository}/{code_set.sources[0].path}']
        for code_set in SETS.values()
    ]
    assert rows[4] == ['pusher', 'Pusher Channels protocol', '14', '3', 'MIT', '2021-02-12',
                       'pusher/pusher-websocket-swift/Sources/Models/'
                       'ChannelsProtocolCloseCode.swift']


def test_sets_json_has_every_field(capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(ok(capsys, 'sets', '--format', 'json'))
    assert list(data) == ['schema', 'sets']
    assert data['schema'] == 1
    assert [record['key'] for record in data['sets']] == list(SETS)
    assert data['sets'] == [set_record(code_set) for code_set in SETS.values()]
    pusher = data['sets'][3]
    assert list(pusher) == ['key', 'title', 'description', 'sources', 'codes', 'ranges',
                            'libraries', 'notes']
    assert pusher['sources'][0] == {
        'repository': 'pusher/pusher-websocket-swift',
        'path': 'Sources/Models/ChannelsProtocolCloseCode.swift',
        'section': 'enum ChannelsProtocolCloseCode, enum ReconnectionStrategy',
        'commit': 'c5baecb8bddd82f93848f42bf69485c61916b3f2',
        'date': '2021-02-12',
        'licence': 'MIT',
        'read': '2026-12-06',
        'url': 'https://github.com/pusher/pusher-websocket-swift/blob/'
               'c5baecb8bddd82f93848f42bf69485c61916b3f2/Sources/Models/'
               'ChannelsProtocolCloseCode.swift',
    }
    first = pusher['codes'][0]
    assert first | {'source': None} == {
        'number': 4000, 'name': 'applicationOnlyAcceptsSSLConnections',
        'description': 'The app accepts only encrypted (TLS) connections.', 'source': None,
        'reconnect': 'no',
        'reconnect_note': 'Not with the same settings: fix the cause first. pusher-js answers '
                          'it by reconnecting over TLS.',
        'direction': 'server', 'reason': None,
        'constants': {'pusher-swift': 'applicationOnlyAcceptsSSLConnections',
                      'pusher-dotnet': 'MustConnectOverSSL'},
        'in_protocol': True,
    }
    assert [(stretch['first'], stretch['last'], stretch['reconnect'])
            for stretch in pusher['ranges']] == [
        (4000, 4099, 'no'), (4100, 4199, 'later'), (4200, 4299, 'yes')]
    # No advice and no direction are null, as everywhere in the JSON format.
    voice = data['sets'][2]['codes'][0]
    assert (voice['reconnect'], voice['reconnect_note']) == (None, None)


# -- one code of a set ----------------------------------------------------------------

DISCORD_4004 = '''\
discord-gateway:4004 Authentication failed

The token in the app\u2019s Identify payload is wrong.

Code:          4004 (a code of the set discord-gateway)
Name:          Authentication failed
Constant:      AUTHENTICATION_FAILED
Reconnect:     no
Sent by:       server
Wire:          yes
Within:        4000\u20134999 Private use
Defined by:    Discord Gateway (discord-gateway)
Source:        discord/discord-api-docs/developers/topics/opcodes-and-status-codes.mdx
               Gateway Close Event Codes; commit of 2026-07-21; licence
               CC-BY-SA-4.0
               https://github.com/discord/discord-api-docs/blob/9c46c329f0fb90c454b132a8cd73de7afa0cd476/developers/topics/opcodes-and-status-codes.mdx
Notes:         \u2014

Library names for discord-gateway:4004:
  hikari  ShardCloseCode.AUTHENTICATION_FAILED
'''


@pytest.mark.parametrize('argv', [
    ['--set', 'discord-gateway', '4004'],
    ['4004', '--set', 'discord-gateway'],
    ['discord-gateway:4004'],
    ['DISCORD-GATEWAY:4004'],
    ['--set', 'Discord-Gateway', '4004'],
    ['--set', 'discord-gateway,,', '4004'],
    ['--set', ' discord-gateway ', '4004'],
    ['--set', 'discord-gateway', '--set', 'discord-gateway', '4004'],
    ['--set', 'discord-gateway', 'Authentication', 'failed'],
    ['--set', 'discord-gateway', 'ShardCloseCode.AUTHENTICATION_FAILED'],
    ['--set', 'registry,discord-gateway', '4004'],  # the registry has only a range there
    ['--set', 'pusher', 'discord-gateway:4004'],  # a qualified query names its own set
])
def test_a_code_of_a_set(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    assert ok(capsys, *argv) == DISCORD_4004


@pytest.mark.parametrize('entry', SET_CODES, ids=lambda entry: entry.key)
def test_every_set_code_prints_its_advice_and_source(
    capsys: pytest.CaptureFixture[str], entry: Entry
) -> None:
    code_set = SETS[entry.set]
    code = code_set.code(entry.first)
    assert code is not None
    out = ok(capsys, entry.key)
    assert out.startswith(f'{entry.key} {entry.name}\n\n')
    assert f'\nCode:          {entry.first} (a code of the set {entry.set})\n' in out
    advice = re.search(r'\nReconnect: +(.*?)\n(?=\S)', out, re.DOTALL)
    if code.reconnect:
        assert advice is not None
        note = f' \u2013 {code.reconnect_note}' if code.reconnect_note else ''
        assert ' '.join(advice[1].split()) == f'{code.reconnect}{note}'
    else:
        assert advice is None
    assert ('\nSent by:       ' + code.direction + '\n' in out) is bool(code.direction)
    defined_by = code_set.title if entry.set in code_set.title else \
        f'{code_set.title} ({entry.set})'  # not "… (graphql-transport-ws) (graphql-transport-ws)"
    assert f'\nDefined by:    {defined_by}\n' in out
    assert f'\nSource:        {code.source.repository}/{code.source.path}\n' in out
    assert f'\n               {code.source.url}\n' in out
    assert '\nReferences:' not in out
    assert '\nIANA name:' not in out
    for key, constant in code.constants.items():
        (library,) = (library for library in code_set.libraries if library.key == key)
        assert re.search(rf'\n  {re.escape(library.name)} +{re.escape(library.namespace)}'
                         rf'{re.escape(constant)}\n', out)
    assert ('Library names for' in out) is bool(code.constants)


def test_a_number_inside_a_range_of_a_set(capsys: pytest.CaptureFixture[str]) -> None:
    out = ok(capsys, '--set', 'pusher', '4050')
    assert out == ok(capsys, 'pusher:4050')
    assert out.startswith(
        'pusher:4050 (doNotReconnectUnchanged)\n\n'
        'The set pusher has no code 4050 of its own. It is in 4000\u20134099\n'
        'doNotReconnectUnchanged: Errors that reconnecting with the same settings will\n'
        'not fix.\n\n'
        'Range:         4000\u20134099 doNotReconnectUnchanged\n'
        'Kind:          a range of the set pusher\n'
        'Reconnect:     no \u2013 Not with the same settings: fix the cause first. pusher-js\n'
        '               calls this action "refused".\n'
    )
    assert '\nWithin:        4000\u20134999 Private use\n' in out
    assert 'Library names' not in out
    # A code of the set inside one of its ranges is within both ranges.
    assert '\nWithin:        pusher:4000\u20134099 doNotReconnectUnchanged\n' \
           '               4000\u20134999 Private use\n' in ok(capsys, 'pusher:4000')


def test_the_registry_comes_first_and_is_the_default(capsys: pytest.CaptureFixture[str]) -> None:
    plain = ok(capsys, '1008')
    assert ok(capsys, '--set', 'registry', '1008') == plain
    assert ok(capsys, '--set', 'registry,discord-gateway', '1008') == plain
    # 4004 without --set is IANA's private-use range, not a set's code.
    assert ok(capsys, '4004').startswith('4004 (private use)\n')


def test_iana_reconnect_advice(capsys: pytest.CaptureFixture[str]) -> None:
    assert '\nReconnect:     later \u2013 A client may reconnect; if it does, after a random ' \
           'delay\n               of 5 to 30 seconds.\nWire:' in ok(capsys, '1012')
    assert '\nReconnect:     no \u2013 The server is overloaded:' in ok(capsys, '1013')
    assert 'Reconnect:' not in ok(capsys, '1008')
    assert 'Sent by:' not in ok(capsys, '1008')


# -- a number in several sets: each, in the order of --set --------------------------


@pytest.mark.parametrize('sets', ['discord-gateway,twitch-eventsub',
                                  'registry,discord-gateway,twitch-eventsub'])
def test_a_number_in_several_sets_shows_each(
    capsys: pytest.CaptureFixture[str], sets: str
) -> None:
    out = ok(capsys, '4004', '--set', sets)
    intro, rest = out.split('\n\n', 1)
    assert intro == ("'4004' stands for a code in 2 of the sets asked for: discord-gateway:4004,\n"
                     'twitch-eventsub:4004.')
    assert rest == DISCORD_4004 + '\n' + ok(capsys, 'twitch-eventsub:4004')
    reverse = ok(capsys, '4004', '--set', 'twitch-eventsub', '--set', 'discord-gateway')
    assert reverse.index('\ntwitch-eventsub:4004 ') < reverse.index('\ndiscord-gateway:4004 ')


def test_a_name_in_the_registry_and_a_set_is_the_registrys(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """As a mention reads it: IANA's name before a set's (the set's is reached qualified)."""
    out = ok(capsys, '--set', 'registry,graphql-transport-ws', 'internal server error')
    assert out == ok(capsys, '1011')
    assert ok(capsys, 'internal server error') == ok(capsys, '1011')
    assert ok(capsys, 'graphql-transport-ws:internal server error').startswith(
        'graphql-transport-ws:4500 Internal server error\n')


def test_json_of_a_set_code(capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(ok(capsys, 'discord-gateway:4004', '--json'))
    assert (data['query'], data['code'], data['within']) == (
        'discord-gateway:4004', 4004, ['4000-4999'])
    entry = data['entry']
    assert (entry['key'], entry['kind'], entry['set'], entry['reconnect'],
            entry['reconnect_note'], entry['direction']) == (
        'discord-gateway:4004', 'set-code', 'discord-gateway', 'no', None, 'server')
    assert json.loads(ok(capsys, '--json', '--set', 'discord-gateway', '4004')) == data | {
        'query': '4004'}
    data = json.loads(ok(capsys, 'pusher:4050', '--json'))
    assert (data['code'], data['entry']['key'], data['within']) == (
        4050, 'pusher:4000-4099', ['4000-4999'])


# -- errors ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ('argv', 'message'),
    [
        (['--set', '', '1000'], f'--set: no set given; the sets are {SET_NAMES}'),
        (['--set', ' , ,', '1000'], f'--set: no set given; the sets are {SET_NAMES}'),
        (['--set', 'discord', '4004'], f"--set: unknown 'discord'; the sets are {SET_NAMES}"),
        (['--set', 'disc\u00f6rd-gateway,pusher', '4004'],
         f"--set: unknown 'disc\u00f6rd-gateway'; the sets are {SET_NAMES}"),
        (['--set', 'pusher', '--set', 'iana,x', '4004'],
         f"--set: unknown 'iana', 'x'; the sets are {SET_NAMES}"),
        (['list', '--set', 'nope'], f"--set: unknown 'nope'; the sets are {SET_NAMES}"),
        (['list', '--set', ''], f'--set: no set given; the sets are {SET_NAMES}'),
        (['--set', 'discord-gateway', '1000'],
         'discord-gateway:1000: the set discord-gateway has no code 1000; its codes are 4000, '
         '4001, 4002, 4003, 4004, 4005, 4007, 4008, 4009, 4010, 4011, 4012, 4013, 4014'),
        (['--set', 'discord-gateway,pusher', '1000'],
         "'1000' is neither a code nor a code name of the sets discord-gateway, pusher"),
        (['--set', 'discord-gateway', 'Normal', 'Closure'],
         "'Normal Closure' is no code or name, read as one or one by one: "
         'discord-gateway:Normal: the set discord-gateway has no code of that name'),
        (['discord-gateway:4006'],
         'discord-gateway:4006: the set discord-gateway has no code 4006; its codes are 4000, '
         '4001, 4002, 4003, 4004, 4005, 4007, 4008, 4009, 4010, 4011, 4012, 4013, 4014'),
        (['nosuch:4004'], "'nosuch:4004' is neither a close code number nor a known code name"),
        (['--json', '4004', '--set', 'discord-gateway,twitch-eventsub'],
         "'4004' stands for a code in more than one set: discord-gateway:4004, "
         'twitch-eventsub:4004; --json describes one: ask for one of these'),
        (['sets', 'pusher'], 'unrecognized arguments: pusher'),
        (['sets', '--format', 'csv'],
         "argument --format: invalid choice: 'csv' (choose from table, json)"),
    ],
)
def test_bad_input_is_one_line_and_status_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    status, out, err = run(capsys, *argv)
    assert status == 2
    assert out == ''
    # Python 3.12.8+ and 3.13.1+ stopped quoting argparse's choices.
    assert err.replace("'table', 'json'", 'table, json') == f'wsclose: error: {message}\n'


# -- list --set -------------------------------------------------------------------------

PUSHER_RECONNECT = '''\
Code       Name                                  Reconnect
---------  ------------------------------------  ----------------
4000\u20134099  doNotReconnectUnchanged               do not reconnect
4000       applicationOnlyAcceptsSSLConnections  do not reconnect
4001       applicationDoesNotExist               do not reconnect
4003       applicationDisabled                   do not reconnect
4004       applicationIsOverConnectionQuota      do not reconnect
4005       pathNotFound                          do not reconnect
4006       invalidVersionStringFormat            do not reconnect
4007       unsupportedProtocolVersion            do not reconnect
4008       noProtocolVersionSupplied             do not reconnect
4009       connectionIsUnauthorized              do not reconnect
4100\u20134199  reconnectAfterBackingOff              later
4100       overCapacity                          later
4200\u20134299  reconnectImmediately                  reconnect
4200       genericReconnectImmediately           reconnect
4201       pongReplyNotReceived                  reconnect
4202       closedAfterInactivity                 reconnect
4301       ClientOverRateLimit
'''


def test_list_a_set(capsys: pytest.CaptureFixture[str]) -> None:
    assert ok(capsys, 'list', '--set', 'pusher', '--columns', 'code,name,reconnect') == \
        PUSHER_RECONNECT
    rows = _text_table(ok(capsys, 'list', '--set', 'pusher'))
    # A set's codes get the advice a client needs by default, not the registry's flags.
    assert rows[0] == ['Code', 'Name', 'Constant', 'Reconnect', 'Sent by', 'Defined by']
    assert [row[0] for row in rows[1:]] == [entry.code_text for entry in set_registries()['pusher']]
    assert {row[5] for row in rows[1:]} == {'Pusher Channels protocol'}
    assert rows[2] == ['4000', 'applicationOnlyAcceptsSSLConnections',
                       'applicationOnlyAcceptsSSLConnections', 'do not reconnect', 'server',
                       'Pusher Channels protocol']


def test_list_sets_in_the_order_given(capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(ok(capsys, 'list', '--format', 'json', '--set', 'registry,pusher',
                         '--set', 'discord-voice'))
    keys = [record['key'] for record in data['entries']]
    assert keys == [*(entry.key for entry in REGISTRY),
                    *(entry.key for entry in set_registries()['pusher']),
                    *(entry.key for entry in set_registries()['discord-voice'])]
    # The registry alone keeps its default columns.
    assert ok(capsys, 'list', '--set', 'registry') == ok(capsys, 'list')


def test_list_a_set_with_codes(capsys: pytest.CaptureFixture[str]) -> None:
    out = ok(capsys, 'list', '--set', 'pusher,discord-voice', '--codes', '4014-4016,4100-4199')
    rows = _text_table(out)
    assert [row[0] for row in rows[1:]] == ['4100\u20134199', '4100', '4014', '4015', '4016']
    assert [row[3] for row in rows[1:]] == ['later', 'later', 'do not reconnect', 'resume', '']
    assert [row[5] for row in rows[1:]] == [*['Pusher Channels protocol'] * 2,
                                            *['Discord voice gateway'] * 3]


def test_list_json_and_csv_carry_the_tokens(capsys: pytest.CaptureFixture[str]) -> None:
    entries = list(set_registries()['graphql-transport-ws'])
    data = json.loads(ok(capsys, 'list', '--set', 'graphql-transport-ws', '--format', 'json'))
    assert [(record['key'], record['set'], record['reconnect'], record['reconnect_note'],
             record['direction']) for record in data['entries']] == [
        (entry.key, 'graphql-transport-ws', entry.reconnect, entry.reconnect_note or None,
         entry.direction) for entry in entries]
    assert {record['direction'] for record in data['entries']} == {'client', 'either', 'server'}
    assert {record['reconnect'] for record in data['entries']} == {'no', 'later'}

    out = ok(capsys, 'list', '--set', 'graphql-transport-ws', '--format', 'csv')
    reader = csv.DictReader(io.StringIO(out))
    assert tuple(reader.fieldnames or ()) == CSV_FIELDS
    rows = list(reader)
    assert [(row['key'], row['kind'], row['set'], row['reconnect'], row['reconnect_note'],
             row['direction']) for row in rows] == [
        (entry.key, 'set-code', 'graphql-transport-ws', entry.reconnect, entry.reconnect_note,
         entry.direction) for entry in entries]
    # A range of a set: the advice, and no direction.
    (backoff,) = (row for row in csv.DictReader(io.StringIO(ok(
        capsys, 'list', '--set', 'pusher', '--format', 'csv', '--codes', '4100-4199')))
        if row['kind'] == 'set-range')
    assert (backoff['set'], backoff['reconnect'], backoff['direction']) == ('pusher', 'later', '')


def _cells(table: BeautifulSoup) -> list[list[str]]:
    return [[' '.join(cell.get_text().split()) for cell in row.find_all(['th', 'td'])]
            for row in table.find_all('tr')]


#: The rows of ``--columns code,reconnect,direction,set`` for Discord's voice codes 4014-4016.
VOICE_ROWS = [
    ['Code', 'Reconnect', 'Sent by', 'Defined by'],
    ['4014', 'do not reconnect', 'server', 'Discord voice gateway'],
    ['4015', 'resume', 'server', 'Discord voice gateway'],
    ['4016', '', 'server', 'Discord voice gateway'],
]


def test_markdown_and_rst_with_the_new_columns(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ['list', '--set', 'discord-voice', '--codes', '4014-4016',
            '--columns', 'code,reconnect,direction,set']
    out = ok(capsys, *argv, '--format', 'markdown')
    page = BeautifulSoup(MarkdownIt('commonmark').enable('table').render(out), 'html.parser')
    assert _cells(page.find('table')) == VOICE_ROWS
    out = ok(capsys, *argv, '--format', 'rst')
    parts = publish_parts(out, writer=Writer(),
                          settings_overrides={'halt_level': 2, 'report_level': 2})
    assert _cells(BeautifulSoup(parts['body'], 'html.parser').find('table')) == VOICE_ROWS
    assert _text_table(ok(capsys, *argv)) == VOICE_ROWS
    # The registry's rows: IANA's advice as words, and the registry as what defines them.
    rows = _text_table(ok(capsys, 'list', '--codes', '1011-1013',
                          '--columns', 'code,reconnect,direction,set'))
    assert rows[1:] == [['1011', '', '', 'IANA registry'],
                        ['1012', 'later', '', 'IANA registry'],
                        ['1013', 'do not reconnect', '', 'IANA registry']]
