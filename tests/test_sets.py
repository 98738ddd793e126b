"""Protocol code sets: each set against the source lines it was read from, and the lookups.

Each ``tests/data/sets/<set>.txt`` holds the lines of the sources, copied
verbatim (numbers and names only where the licence asks it): ``%%`` lines
are comments, and ``[[part]]`` starts the lines of one source.
"""

from __future__ import annotations

import re
from dataclasses import FrozenInstanceError
from pathlib import Path

import pytest

from sphinxext_wsclose import sets
from sphinxext_wsclose.bundled import REGISTRY
from sphinxext_wsclose.registry import Kind
from sphinxext_wsclose.sets import (
    DIRECTIONS,
    IANA_RECONNECT,
    RECONNECT,
    SETS,
    CodeSet,
    SetCode,
    SetRange,
    Source,
)

DATA = Path(__file__).parent / 'data' / 'sets'


def transcription(name: str) -> dict[str, list[str]]:
    """The parts of ``tests/data/sets/<name>.txt``: its lines, by part."""
    parts: dict[str, list[str]] = {}
    lines: list[str] = []
    for line in (DATA / f'{name}.txt').read_text('utf-8').splitlines():
        if line.startswith('%%'):
            continue
        if match := re.fullmatch(r'\[\[([a-z0-9-]+)\]\]', line):
            lines = parts.setdefault(match[1], [])
        else:
            lines.append(line)
    return parts


def pairs(lines: list[str], pattern: str) -> dict[int, str]:
    """``{number: name}`` from every line that *pattern* matches (groups: name, number)."""
    found: dict[int, str] = {}
    for line in lines:
        for name, number in re.findall(pattern, line):
            found.setdefault(int(number.replace('_', '')), name)
    return found


def constants(code_set: CodeSet, library: str) -> dict[int, str]:
    return {code.number: code.constants[library]
            for code in code_set.codes if library in code.constants}


# -- the vocabulary and the records ------------------------------------------------


def test_the_sets_and_their_keys() -> None:
    assert list(SETS) == ['graphql-transport-ws', 'discord-gateway', 'discord-voice', 'pusher',
                          'centrifugo', 'twitch-eventsub']
    assert all(code_set.key == key for key, code_set in SETS.items())
    assert sorted(path.stem for path in DATA.glob('*.txt')) == sorted(SETS)


def test_the_vocabularies() -> None:
    assert RECONNECT == ('yes', 'resume', 'later', 'no', '')
    assert DIRECTIONS == ('server', 'client', 'either', '')


@pytest.mark.parametrize('code_set', SETS.values(), ids=list(SETS))
def test_every_record_is_complete(code_set: CodeSet) -> None:
    assert code_set.codes
    assert code_set.title
    assert code_set.description.endswith('.')
    for code in code_set.codes:
        assert code.reconnect in RECONNECT
        assert code.direction in DIRECTIONS
        assert code.source in code_set.sources
        # One sentence of our own.
        assert code.description.endswith('.')
        assert code.description.count('. ') == 0
        assert code.description[0].isupper()
    for source in code_set.sources:
        assert re.fullmatch(r'[0-9a-f]{40}', source.commit)
        assert re.fullmatch(r'\d{4}-\d{2}-\d{2}', source.date)
        assert source.licence
        assert source.url == (f'https://github.com/{source.repository}/blob/{source.commit}/'
                              f'{source.path}')


def test_records_are_frozen() -> None:
    code = SETS['pusher'].codes[0]
    with pytest.raises(FrozenInstanceError):
        code.number = 1  # type: ignore[misc]
    with pytest.raises(TypeError):
        code.constants['pusher-swift'] = 'x'  # type: ignore[index]


def test_bad_records_are_refused() -> None:
    source = SETS['pusher'].sources[0]
    with pytest.raises(ValueError, match='reconnect'):
        SetCode(number=4000, name='x', description='X.', source=source, reconnect='maybe')
    with pytest.raises(ValueError, match='direction'):
        SetCode(number=4000, name='x', description='X.', source=source, direction='up')
    with pytest.raises(ValueError, match='bad bounds'):
        SetRange(first=4100, last=4000, name='x', description='X.', source=source)
    one = SetCode(number=4000, name='Same', description='X.', source=source)
    two = SetCode(number=4001, name='same', description='Y.', source=source)
    with pytest.raises(ValueError, match="the name 'same' stands for 4000 and 4001"):
        CodeSet(key='k', title='T', description='D.', sources=(source,), codes=(one, two))
    with pytest.raises(ValueError, match='not in order'):
        CodeSet(key='k', title='T', description='D.', sources=(source,), codes=(two, one))
    lost = SetCode(number=4000, name='x', description='X.', source=source,
                   constants={'nobody': 'X'})
    with pytest.raises(ValueError, match='unknown libraries'):
        CodeSet(key='k', title='T', description='D.', sources=(source,), codes=(lost,))


# -- each set against its source -----------------------------------------------------


def test_graphql_transport_ws() -> None:
    parts = transcription('graphql-transport-ws')
    code_set = SETS['graphql-transport-ws']
    protocol: dict[int, str] = {}
    for number, name in re.findall(r'`(4\d{3}): ([^`]+)`', '\n'.join(parts['protocol'])):
        protocol.setdefault(int(number), name)  # the first time the text names the code
    # The protocol text names these codes; 4400 by its section title.
    assert sorted(protocol) == [4400, 4401, 4403, 4408, 4409, 4429]
    assert '### Invalid message' in parts['protocol']
    for code in code_set.codes:
        assert code.in_protocol is (code.number in protocol)
        if code.number == 4400:
            assert (code.name, code.reason) == ('Invalid message', protocol[4400])
        elif code.in_protocol:
            assert code.name == protocol[code.number]
    library = pairs(parts['graphql-ws'], r'^\s*(\w+) = (4\d{3}),')
    assert constants(code_set, 'graphql-ws') == library
    # 4499 is in the client, not in CloseCode.
    assert "socket.close(4499, 'Terminated');" in parts['graphql-ws-client'][-1]
    terminated = code_set.code(4499)
    assert terminated is not None
    assert terminated.name == 'Terminated'
    assert {code.number for code in code_set.codes} == {*library, 4499}
    # The client's fatal list is the codes marked "no"; the commented-out ones are retried.
    fatal = {library_number for name in re.findall(r'^\s*CloseCode\.(\w+),', '\n'.join(
        parts['graphql-ws-client']), re.MULTILINE)
        for library_number, constant in library.items() if constant == name}
    retried = {library_number for name in re.findall(r'// CloseCode\.(\w+),', '\n'.join(
        parts['graphql-ws-client']))
        for library_number, constant in library.items() if constant == name}
    assert {code.number for code in code_set.codes if code.reconnect == 'no'} == fatal
    assert {code.number for code in code_set.codes if code.reconnect == 'later'} == {
        *retried, 4499}
    assert pairs(parts['strawberry'], r'^(\w+) = (4\d{3})$') == constants(code_set, 'strawberry')
    assert {code.number: code.direction for code in code_set.codes} == {
        4004: 'client', 4005: 'client', 4400: 'either', 4401: 'server', 4403: 'server',
        4406: 'server', 4408: 'server', 4409: 'server', 4429: 'server', 4499: 'client',
        4500: 'server', 4504: 'client',
    }


def test_discord_gateway() -> None:
    parts = transcription('discord-gateway')
    code_set = SETS['discord-gateway']
    rows = [line.strip('|').split('|') for line in parts['gateway']]
    table = {int(number): (name.strip().replace('`', ''), reconnect.strip())
             for number, name, reconnect in rows}
    assert 4006 not in table
    assert {code.number: code.name for code in code_set.codes} == {
        number: name for number, (name, _) in table.items()}
    for code in code_set.codes:
        # The Reconnect column's true is "resume", or "yes" where a new session is needed.
        expected = {'true': {'resume', 'yes'}, 'false': {'no'}}[table[code.number][1]]
        assert code.reconnect in expected, code.number
    assert [code.number for code in code_set.codes if code.reconnect == 'yes'] == [4007, 4009]
    assert {code.direction for code in code_set.codes} == {'server'}
    assert constants(code_set, 'hikari') == pairs(parts['hikari'], r'^\s*(\w+) = (4_\d{3})$')


#: From the voice table's Explanation column, whose words are not copied.
VOICE_RECONNECT = {4014: 'no', 4015: 'resume', 4021: 'no', 4022: 'no'}


def test_discord_voice() -> None:
    code_set = SETS['discord-voice']
    rows = [line.strip('|').split('|') for line in transcription('discord-voice')['voice']]
    assert {code.number: code.name for code in code_set.codes} == {
        int(number): name.strip() for number, name in rows}
    assert {code.number: code.reconnect for code in code_set.codes if code.reconnect} == (
        VOICE_RECONNECT)


def test_pusher() -> None:
    parts = transcription('pusher')
    code_set = SETS['pusher']
    swift = pairs(parts['swift'], r'case (\w+)\s+= (4\d{3})')
    dotnet = pairs(parts['dotnet'], r'(\w+) = (4\d{3}),')
    assert constants(code_set, 'pusher-swift') == swift
    assert constants(code_set, 'pusher-dotnet') == dotnet
    assert {code.number for code in code_set.codes} == {*swift, *dotnet}
    for code in code_set.codes:
        assert code.name == swift.get(code.number, dotnet.get(code.number))
        assert code.in_protocol is (code.number in swift)
    # The three ranges, and the name Swift's ReconnectionStrategy gives each.
    text = '\n'.join(parts['swift-ranges'])
    ranges = re.findall(r'case (4\d{3})\.\.\.(4\d{3}):\s+self = \.(\w+)', text)
    assert [(stretch.first, stretch.last, stretch.name) for stretch in code_set.ranges] == [
        (int(first), int(last), name) for first, last, name in ranges]
    # pusher-js agrees on the bounds: refused below 4100, backoff below 4200, retry below 4300.
    actions = re.findall(r"code < (4\d00)\) \{\n\s+return '(\w+)'", '\n'.join(parts['pusher-js']))
    assert actions == [('4100', 'refused'), ('4200', 'backoff'), ('4300', 'retry')]
    assert [stretch.reconnect for stretch in code_set.ranges] == ['no', 'later', 'yes']
    for stretch, (_, action) in zip(code_set.ranges, actions, strict=True):
        assert f'"{action}"' in stretch.reconnect_note
    # Each code follows its range; 4301 is in none.
    for code in code_set.codes:
        stretch = code_set.range_for(code.number)
        assert code.reconnect == (stretch.reconnect if stretch else '')
    assert code_set.range_for(4301) is None


def test_centrifugo() -> None:
    parts = transcription('centrifugo')
    code_set = SETS['centrifugo']
    docs: dict[int, tuple[str, str, str]] = {}
    heading = group = ''
    for line in parts['docs']:
        if line in ('### Non-terminal disconnect codes', '### Terminal disconnect codes'):
            group = line.split()[1]
        elif line.startswith('#'):
            heading = line.lstrip('# ')
        elif line.startswith('Code:'):
            number = int(line.split()[1])
        elif line.startswith('Reason:'):
            docs[number] = (heading, line.split(None, 1)[1].strip('"'), group)
    assert {code.number: (code.name, code.reason) for code in code_set.codes} == {
        number: (name, reason) for number, (name, reason, _) in docs.items()}
    advice = {'': '', 'Non-terminal': 'yes', 'Terminal': 'no'}
    for code in code_set.codes:
        assert code.reconnect == advice[docs[code.number][2]], code.number
    go = '\n'.join(parts['centrifuge'])
    library = {int(number): name for name, number in
               re.findall(r'(Disconnect\w+) = Disconnect\{\n\s+Code:\s+(\d+),', go)}
    assert constants(code_set, 'centrifuge') == library
    assert all(3000 <= code.number <= 3999 for code in code_set.codes)


def test_twitch_eventsub() -> None:
    parts = transcription('twitch-eventsub')
    code_set = SETS['twitch-eventsub']
    cli = {int(number): name for number, name in re.findall(
        r'code:\s+(\d+),\n\s+message: "([^"]+)"', '\n'.join(parts['twitch-cli']))}
    # The mock server also has 1000 for a client's own close; the set is Twitch's 4000s.
    del cli[1000]
    assert {code.number: code.name for code in code_set.codes} == cli
    assert constants(code_set, 'twitch4j') == pairs(parts['twitch4j'], r'(\w+)\((4\d{3})\)')
    assert {code.reconnect for code in code_set.codes} == {''}


def test_iana_reconnect_only_1012_and_1013() -> None:
    assert set(IANA_RECONNECT) == {1012, 1013}
    assert IANA_RECONNECT[1012].reconnect == 'later'
    assert IANA_RECONNECT[1013].reconnect == 'no'
    for number in IANA_RECONNECT:
        assert REGISTRY.lookup(number).kind is Kind.CODE


# -- the lookups ------------------------------------------------------------------


def test_lookup_by_number() -> None:
    gateway, voice = SETS['discord-gateway'], SETS['discord-voice']
    assert [code.name for code in (gateway.code(4004), voice.code(4006)) if code] == [
        'Authentication failed', 'Session no longer valid']
    assert gateway.code(4006) is None


@pytest.mark.parametrize(('key', 'name', 'number'), [
    ('discord-gateway', 'Authentication failed', 4004),
    ('discord-gateway', 'authentication-failed', 4004),
    ('discord-gateway', 'AUTHENTICATION_FAILED', 4004),
    ('discord-gateway', 'Invalid seq', 4007),
    ('discord-voice', 'Disconnected: Rate Limited', 4021),
    ('graphql-transport-ws', 'too many initialisation requests', 4429),
    ('pusher', 'overCapacity', 4100),
    ('centrifugo', 'disconnect slow', 3008),
    ('twitch-eventsub', 'Connection Unused', 4003),
])
def test_lookup_by_name(key: str, name: str, number: int) -> None:
    found = SETS[key].by_name(name)
    assert found is not None
    assert found.number == number


def test_lookup_by_name_misses() -> None:
    assert SETS['discord-gateway'].by_name('Session timeout') is None  # that is voice's name
    assert SETS['discord-gateway'].by_name('') is None
    assert SETS['pusher'].by_name('MustConnectOverSSL') is None  # a constant, not the name


@pytest.mark.parametrize(('key', 'constant', 'number'), [
    ('graphql-transport-ws', 'Unauthorized', 4401),
    ('graphql-transport-ws', 'CloseCode.Unauthorized', 4401),
    ('graphql-transport-ws', 'closecode.forbidden', 4403),
    ('graphql-transport-ws', 'WS_4406_PROTOCOL_NOT_ACCEPTABLE', 4406),
    ('graphql-transport-ws',
     'strawberry.subscriptions.protocols.graphql_transport_ws.WS_4406_PROTOCOL_NOT_ACCEPTABLE',
     4406),
    ('discord-gateway', 'ShardCloseCode.AUTHENTICATION_FAILED', 4004),
    ('discord-gateway', 'hikari.ShardCloseCode.DISALLOWED_INTENT', 4014),
    ('discord-gateway', 'hikari.errors.ShardCloseCode.INVALID_SEQ', 4007),
    ('pusher', 'ChannelsProtocolCloseCode.applicationDoesNotExist', 4001),
    ('pusher', 'ErrorCodes.MustConnectOverSSL', 4000),
    ('pusher', 'PusherClient.ErrorCodes.ClientOverRateLimit', 4301),
    ('centrifugo', 'centrifuge.DisconnectShutdown', 3001),
    ('twitch-eventsub', 'SocketCloseReason.NETWORK_ERROR', 4006),
])
def test_lookup_by_constant(key: str, constant: str, number: int) -> None:
    found = SETS[key].by_constant(constant)
    assert found is not None
    assert found.number == number


def test_lookup_by_constant_misses() -> None:
    code_set = SETS['graphql-transport-ws']
    assert code_set.by_constant('WSCloseCode.Unauthorized') is None  # not the library's namespace
    assert code_set.by_constant('Terminated') is None  # 4499 has no constant
    assert SETS['discord-voice'].by_constant('AUTHENTICATION_FAILED') is None


def test_constant_names() -> None:
    code_set = SETS['discord-gateway']
    code = code_set.code(4004)
    assert code is not None
    assert code_set.constant_names(code) == (
        'AUTHENTICATION_FAILED', 'ShardCloseCode.AUTHENTICATION_FAILED',
        'hikari.ShardCloseCode.AUTHENTICATION_FAILED',
        'hikari.errors.ShardCloseCode.AUTHENTICATION_FAILED',
    )


def test_ranges() -> None:
    code_set = SETS['pusher']
    assert [stretch.key for stretch in code_set.ranges] == ['4000-4099', '4100-4199', '4200-4299']
    assert code_set.range_for(4150) is code_set.ranges[1]
    assert 4299 in code_set.ranges[2]
    assert '4299' not in code_set.ranges[2]
    assert code_set.range_for(3999) is None
    assert all(not other.ranges for key, other in SETS.items() if key != 'pusher')


def test_codes_on_iana_numbers() -> None:
    found = {key: [(hit.code.number, hit.entry.name) for hit in code_set.on_iana_numbers()]
             for key, code_set in SETS.items()}
    assert found == {
        'graphql-transport-ws': [], 'discord-gateway': [], 'discord-voice': [], 'pusher': [],
        'centrifugo': [(3000, 'Unauthorized'), (3008, 'Timeout')], 'twitch-eventsub': [],
    }


def test_sources_are_documented() -> None:
    text = (Path(__file__).parent.parent / 'docs' / 'sources.rst').read_text('utf-8')
    for code_set in SETS.values():
        for source in code_set.sources:
            assert source.commit in text, (code_set.key, source.path)
            assert source.path in text, (code_set.key, source.path)


def test_the_module_is_pure() -> None:
    text = Path(sets.__file__).read_text('utf-8')
    assert not re.search(r'^\s*(from|import) (sphinx|docutils)\b', text, re.MULTILINE)
    assert isinstance(SETS['pusher'].sources[0], Source)
