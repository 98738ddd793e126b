"""Protocol code sets: the close codes that well-known protocols define, as pure data.

Like :mod:`sphinxext_wsclose.registry` and :mod:`sphinxext_wsclose.libraries`,
this module imports nothing from Sphinx or docutils.

A protocol such as Discord's Gateway or GraphQL over WebSocket gives codes in
4000-4999 (or 3000-3999) a meaning of its own.  Each protocol is one
:class:`CodeSet` in :data:`SETS`, keyed by its name (``'discord-gateway'``).
A set holds :class:`SetCode` records and, where the protocol gives whole
ranges one meaning (Pusher), :class:`SetRange` records.  Every record names
the :class:`Source` it was read from: repository, path, commit, date and
licence (``docs/sources.rst`` says the same in prose).

What a record copies from its source, and what it does not:

* the number and the source's own name are facts, copied verbatim (Markdown
  markup such as backticks is dropped: Discord's ``Invalid `seq``` is
  ``'Invalid seq'``);
* the description is always this project's own words, one sentence; no
  sentence of a source is copied (Discord's documentation is CC BY-SA);
* the reconnect advice is one token of :data:`RECONNECT`, only where the
  source gives advice, with an optional note in our own words;
* the direction is one token of :data:`DIRECTIONS`, as the source says;
* the constants are those of the libraries the set lists
  (:class:`SetLibrary`), by library key, bare (``'Unauthorized'``); the
  library's namespace makes them qualified (``'CloseCode.Unauthorized'``).

The lookups a consumer needs are methods of :class:`CodeSet`:
:meth:`~CodeSet.code` (by number), :meth:`~CodeSet.by_name` (by the source's
name, folded as :func:`~sphinxext_wsclose.registry.normalize_name` folds it),
:meth:`~CodeSet.by_constant` (bare or qualified), :meth:`~CodeSet.range_for`,
:attr:`~CodeSet.ranges`, and :meth:`~CodeSet.on_iana_numbers`, which says
which codes sit on numbers that IANA registered for something else
(Centrifugo's 3008 is IANA's 3008 Timeout).

:data:`IANA_RECONNECT` holds the reconnect advice that the IANA
registrations' own references give, for 1012 and 1013 only.

How to add a set: add a :class:`CodeSet` to :data:`SETS`, a transcription
of the source lines to ``tests/data/sets/<name>.txt`` with a test in
``tests/test_sets.py`` that checks the record against it, and a subsection
in ``docs/sources.rst``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, cached_property
from types import MappingProxyType
from typing import TYPE_CHECKING, NamedTuple

from sphinxext_wsclose.bundled import REGISTRY
from sphinxext_wsclose.registry import Entry, Kind, Reference, Registry, normalize_name

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping


# -- the closed vocabularies ---------------------------------------------------

#: Reconnect: the source says to reconnect.
RECONNECT_YES = 'yes'
#: Reconnect, and resume the session instead of starting a new one.
RECONNECT_RESUME = 'resume'
#: Reconnect, but only after a delay or a back-off.
RECONNECT_LATER = 'later'
#: Do not reconnect (at least not unchanged, or not automatically).
RECONNECT_NO = 'no'
#: The source gives no advice.
RECONNECT_UNSAID = ''
#: Every reconnect token, in the order a table would list them.
RECONNECT: tuple[str, ...] = (
    RECONNECT_YES, RECONNECT_RESUME, RECONNECT_LATER, RECONNECT_NO, RECONNECT_UNSAID,
)

#: The server sends the code.
DIRECTION_SERVER = 'server'
#: The client sends the code.
DIRECTION_CLIENT = 'client'
#: Either side may send it.
DIRECTION_EITHER = 'either'
#: The source does not say who sends it.
DIRECTION_UNSAID = ''
#: Every direction token.
DIRECTIONS: tuple[str, ...] = (
    DIRECTION_SERVER, DIRECTION_CLIENT, DIRECTION_EITHER, DIRECTION_UNSAID,
)

#: The day the sources were read.
READ_ON = '2026-12-06'

_GITHUB = 'https://github.com/{repository}/blob/{commit}/{path}'


# -- the records -----------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Source:
    """One file that a set's facts were read from."""

    #: ``'owner/name'`` on GitHub.
    repository: str
    #: The file in the repository.
    path: str
    #: The section, table or type that holds the codes.
    section: str
    #: The last commit that changed the file, as read.
    commit: str
    #: That commit's date.
    date: str
    #: The repository's licence, from its LICENSE file (``'not stated'`` if none).
    licence: str
    #: The day the file was read.
    read: str = READ_ON

    @property
    def url(self) -> str:
        """The file on GitHub, at the commit read."""
        return _GITHUB.format(repository=self.repository, commit=self.commit, path=self.path)


@dataclass(frozen=True, kw_only=True)
class SetLibrary:
    """A library whose constants a set records (a small :class:`~.libraries.Library`)."""

    #: The key in :attr:`SetCode.constants`: ``'graphql-ws'``, ``'hikari'``.
    key: str
    #: The library's name, as a reader knows it.
    name: str
    language: str
    #: Where the constants live, with the separator: ``'CloseCode.'``.
    namespace: str
    #: Where the constants were read.
    source: Source
    #: Other prefixes code writes before a constant (``'hikari.ShardCloseCode.'``).
    prefixes: tuple[str, ...] = ()
    #: What else a reader should know (an enum that is not public).
    note: str = ''

    def spellings(self, name: str) -> tuple[str, ...]:
        """Every way code writes the constant *name*, bare first."""
        found = (name, f'{self.namespace}{name}', *(f'{prefix}{name}' for prefix in self.prefixes))
        return tuple(dict.fromkeys(found))


@dataclass(frozen=True, kw_only=True)
class SetCode:
    """One close code of a protocol."""

    number: int
    #: The source's own name for the code, verbatim.
    name: str
    #: One sentence in this project's own words.
    description: str
    source: Source
    #: One of :data:`RECONNECT`.
    reconnect: str = RECONNECT_UNSAID
    #: More on reconnecting, in our own words; empty when the token says it all.
    reconnect_note: str = ''
    #: One of :data:`DIRECTIONS`.
    direction: str = DIRECTION_UNSAID
    #: The close reason text the source sends or pairs with the code, verbatim.
    reason: str = ''
    #: The libraries' constants for the code, bare, by :attr:`SetLibrary.key`.
    constants: Mapping[str, str] = field(default_factory=dict, hash=False)
    #: False for a code that only a library defines, not the protocol's own text.
    in_protocol: bool = True

    def __post_init__(self) -> None:
        if self.reconnect not in RECONNECT:
            msg = f'code {self.number}: reconnect {self.reconnect!r} is not one of {RECONNECT}'
            raise ValueError(msg)
        if self.direction not in DIRECTIONS:
            msg = f'code {self.number}: direction {self.direction!r} is not one of {DIRECTIONS}'
            raise ValueError(msg)
        object.__setattr__(self, 'constants', MappingProxyType(dict(self.constants)))


@dataclass(frozen=True, kw_only=True)
class SetRange:
    """A stretch of codes that a protocol gives one meaning (Pusher's 4100-4199)."""

    first: int
    last: int
    #: The source's own name for the range, verbatim.
    name: str
    description: str
    source: Source
    reconnect: str = RECONNECT_UNSAID
    reconnect_note: str = ''

    def __post_init__(self) -> None:
        if not self.first <= self.last:
            msg = f'range {self.name!r}: bad bounds {self.first}-{self.last}'
            raise ValueError(msg)
        if self.reconnect not in RECONNECT:
            msg = f'range {self.name!r}: reconnect {self.reconnect!r} is not one of {RECONNECT}'
            raise ValueError(msg)

    def __contains__(self, number: object) -> bool:
        return isinstance(number, int) and self.first <= number <= self.last

    @property
    def key(self) -> str:
        """``'4100-4199'``."""
        return f'{self.first}-{self.last}'


class IanaCollision(NamedTuple):
    """A code of a set that sits on a number IANA registered for something else."""

    code: SetCode
    entry: Entry


@dataclass(frozen=True, kw_only=True)
class CodeSet:
    """The close codes of one protocol, with their sources and libraries."""

    #: The key in :data:`SETS`: ``'discord-gateway'``.
    key: str
    #: The protocol's name as a reader knows it.
    title: str
    #: One sentence in our own words: what the protocol is.
    description: str
    #: Every file the set was read from, the defining one first.
    sources: tuple[Source, ...]
    codes: tuple[SetCode, ...]
    ranges: tuple[SetRange, ...] = ()
    libraries: tuple[SetLibrary, ...] = ()
    #: What a reader should know about the set as a whole, in our own words.
    notes: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        numbers = [code.number for code in self.codes]
        if numbers != sorted(set(numbers)):
            msg = f'set {self.key!r}: codes not in order, or one given twice'
            raise ValueError(msg)
        keys = {library.key for library in self.libraries}
        for code in self.codes:
            if unknown := set(code.constants) - keys:
                msg = f'set {self.key!r}: code {code.number} names unknown libraries {unknown}'
                raise ValueError(msg)
        # Every name and constant must stand for one code: a lookup never guesses.
        _ = self._names, self._constants

    @cached_property
    def _names(self) -> dict[str, SetCode]:
        return self._index(lambda code: (code.name,), 'name')

    @cached_property
    def _constants(self) -> dict[str, SetCode]:
        return self._index(self._spellings, 'constant')

    def _spellings(self, code: SetCode) -> tuple[str, ...]:
        libraries = {library.key: library for library in self.libraries}
        return tuple(
            spelling
            for key, constant in code.constants.items()
            for spelling in libraries[key].spellings(constant)
        )

    def _index(self, names: Callable[[SetCode], tuple[str, ...]], what: str) -> dict[str, SetCode]:
        index: dict[str, SetCode] = {}
        for code in self.codes:
            for name in names(code):
                folded = normalize_name(name)
                other = index.setdefault(folded, code)
                if other is not code:
                    msg = (f'set {self.key!r}: the {what} {name!r} stands for '
                           f'{other.number} and {code.number}')
                    raise ValueError(msg)
        return index

    def code(self, number: int) -> SetCode | None:
        """The code with this number, or ``None``."""
        return next((code for code in self.codes if code.number == number), None)

    def by_name(self, name: str) -> SetCode | None:
        """The code the source names *name*, regardless of case, spaces, hyphens and underscores."""
        return self._names.get(normalize_name(name))

    def by_constant(self, constant: str) -> SetCode | None:
        """The code a library spells *constant*, bare or qualified (``'CloseCode.Forbidden'``)."""
        return self._constants.get(normalize_name(constant))

    def range_for(self, number: int) -> SetRange | None:
        """The range of the set that holds *number*, or ``None``."""
        return next((stretch for stretch in self.ranges if number in stretch), None)

    def on_iana_numbers(self) -> tuple[IanaCollision, ...]:
        """The codes that sit on a number IANA registered (bundled registry), with its entry."""
        found = []
        for code in self.codes:
            entry = REGISTRY.lookup(code.number)
            if entry.kind is Kind.CODE:
                found.append(IanaCollision(code, entry))
        return tuple(found)

    def constant_names(self, code: SetCode) -> tuple[str, ...]:
        """Every spelling of *code*'s constants: bare, qualified, by import path."""
        return tuple(dict.fromkeys(self._spellings(code)))


# -- the sources -------------------------------------------------------------------

_MIT = 'MIT'
_APACHE = 'Apache-2.0'

GRAPHQL_OVER_WEBSOCKET = Source(
    repository='graphql/graphql-over-http', path='rfcs/GraphQLOverWebSocket.md',
    section='GraphQL over WebSocket Protocol (the close events in its message types)',
    commit='0198033a2194fc73cc4abeebd4e810b8535e924d', date='2026-04-23', licence=_MIT,
)
GRAPHQL_WS = Source(
    repository='enisdenjo/graphql-ws', path='src/common.ts', section='enum CloseCode',
    commit='747c01c73e9ca547edcbd17c8df2df3a98e8dbea', date='2025-01-30', licence=_MIT,
)
GRAPHQL_WS_CLIENT = Source(
    repository='enisdenjo/graphql-ws', path='src/client.ts',
    section='shouldRetryConnectOrThrow; Client.terminate (4499)',
    commit='3fdd82fbe064e94ff87eabd3ef8c56ff4901d2f1', date='2026-07-22', licence=_MIT,
)
STRAWBERRY = Source(
    repository='strawberry-graphql/strawberry',
    path='strawberry/subscriptions/protocols/graphql_transport_ws/__init__.py',
    section='WS_4406_PROTOCOL_NOT_ACCEPTABLE',
    commit='53008d932ecb2b13d0fb8d8e55395b61e3fcd284', date='2026-08-19', licence=_MIT,
)
DISCORD_GATEWAY = Source(
    repository='discord/discord-api-docs', path='developers/topics/opcodes-and-status-codes.mdx',
    section='Gateway Close Event Codes',
    commit='9c46c329f0fb90c454b132a8cd73de7afa0cd476', date='2026-07-21', licence='CC-BY-SA-4.0',
)
DISCORD_RESUMING = Source(
    repository='discord/discord-api-docs', path='developers/events/gateway.mdx',
    section='Resuming', commit='0f9089c687626da4309e7b75fd0f15ba9a311c77', date='2026-06-10',
    licence='CC-BY-SA-4.0',
)
DISCORD_VOICE = Source(
    repository='discord/discord-api-docs', path='developers/topics/opcodes-and-status-codes.mdx',
    section='Voice Close Event Codes',
    commit='9c46c329f0fb90c454b132a8cd73de7afa0cd476', date='2026-07-21', licence='CC-BY-SA-4.0',
)
HIKARI = Source(
    repository='hikari-py/hikari', path='hikari/errors.py', section='class ShardCloseCode',
    commit='eed0f115d71d6be3981a5329a4f81131e6fbca5b', date='2025-05-27', licence=_MIT,
)
PUSHER_SWIFT = Source(
    repository='pusher/pusher-websocket-swift',
    path='Sources/Models/ChannelsProtocolCloseCode.swift',
    section='enum ChannelsProtocolCloseCode, enum ReconnectionStrategy',
    commit='c5baecb8bddd82f93848f42bf69485c61916b3f2', date='2021-02-12', licence=_MIT,
)
PUSHER_JS = Source(
    repository='pusher/pusher-js', path='src/core/connection/protocol/protocol.ts',
    section='getCloseAction',
    commit='62e13e86510293f001acfce0aab653dbc04280a0', date='2025-01-30', licence=_MIT,
)
PUSHER_DOTNET = Source(
    repository='pusher/pusher-websocket-dotnet', path='PusherClient/ErrorCodes.cs',
    section='enum ErrorCodes',
    commit='243b289e8229c716537aa3154ce2fc2fc86c7c0b', date='2023-01-04', licence=_MIT,
)
CENTRIFUGO = Source(
    repository='centrifugal/centrifugal.dev', path='docs/server/codes.md',
    section='Client disconnect codes',
    commit='cf49b54115ab56d69dcf9bcd99ff1e37568be012', date='2026-06-14', licence=_APACHE,
)
CENTRIFUGE = Source(
    repository='centrifugal/centrifuge', path='disconnect.go', section='Disconnect values',
    commit='1ff5442f01e000d1413591d83ee4bd931ca751db', date='2026-05-09', licence=_MIT,
)
TWITCH_CLI = Source(
    repository='twitchdev/twitch-cli',
    path='internal/events/websocket/mock_server/close_messages.go',
    section='CloseMessage values',
    commit='4a59142351578a0f5e268bdb6bf263ec7d2dacbd', date='2023-04-11', licence=_APACHE,
)
TWITCH4J = Source(
    repository='twitch4j/twitch4j',
    path='eventsub-websocket/src/main/java/com/github/twitch4j/eventsub/socket/domain/'
         'SocketCloseReason.java',
    section='enum SocketCloseReason',
    commit='f1ae796d264d253ecd3f89603cbc702ba54bbba0', date='2023-03-15', licence=_MIT,
)


# -- the sets ------------------------------------------------------------------------


def _code(
    number: int, name: str, description: str, source: Source, *,
    reconnect: str = RECONNECT_UNSAID, note: str = '', direction: str = DIRECTION_SERVER,
    reason: str = '', in_protocol: bool = True, **constants: str,
) -> SetCode:
    """A :class:`SetCode`; library keys with hyphens are written with underscores here."""
    return SetCode(
        number=number, name=name, description=description, source=source,
        reconnect=reconnect, reconnect_note=note, direction=direction, reason=reason,
        in_protocol=in_protocol,
        constants={key.replace('_', '-'): value for key, value in constants.items()},
    )


_FATAL = 'The protocol text gives no advice; the graphql-ws client treats the code as fatal ' \
         'and does not retry.'
_RETRIED = 'The protocol text gives no advice; the graphql-ws client retries, with a ' \
           'randomised exponential back-off.'
_GQL = GRAPHQL_OVER_WEBSOCKET
_LIB = GRAPHQL_WS

GRAPHQL_TRANSPORT_WS = CodeSet(
    key='graphql-transport-ws',
    title='GraphQL over WebSocket (graphql-transport-ws)',
    description='The subprotocol that runs GraphQL queries, mutations and subscriptions '
                'over one WebSocket.',
    sources=(GRAPHQL_OVER_WEBSOCKET, GRAPHQL_WS, GRAPHQL_WS_CLIENT, STRAWBERRY),
    libraries=(
        SetLibrary(key='graphql-ws', name='graphql-ws', language='TypeScript',
                   namespace='CloseCode.', source=GRAPHQL_WS),
        SetLibrary(key='strawberry', name='Strawberry GraphQL', language='Python',
                   namespace='', source=STRAWBERRY,
                   prefixes=('strawberry.subscriptions.protocols.graphql_transport_ws.',),
                   note='Names only 4406; its handlers close with bare numbers.'),
    ),
    codes=(
        _code(4004, 'Bad response',
              'The client could not make sense of a message that the server sent.', _LIB,
              reconnect=RECONNECT_NO, note=_FATAL, direction=DIRECTION_CLIENT,
              in_protocol=False, graphql_ws='BadResponse'),
        _code(4005, 'Internal client error',
              'The client failed while handling the connection.', _LIB,
              reconnect=RECONNECT_NO, note=_FATAL, direction=DIRECTION_CLIENT,
              in_protocol=False, graphql_ws='InternalClientError'),
        _code(4400, 'Invalid message',
              'One side received a message whose type or shape the protocol does not define.',
              _GQL, reconnect=RECONNECT_NO, note=_FATAL, direction=DIRECTION_EITHER,
              reason='<error-message>', graphql_ws='BadRequest'),
        _code(4401, 'Unauthorized',
              'The client asked to run an operation before the server acknowledged the '
              'connection.', _GQL, reconnect=RECONNECT_NO, note=_FATAL,
              graphql_ws='Unauthorized'),
        _code(4403, 'Forbidden',
              'The server turns the connection away, for example when authentication fails.',
              _GQL, reconnect=RECONNECT_LATER,
              note=_RETRIED + ' Its source says access may be granted on a later attempt.',
              graphql_ws='Forbidden'),
        _code(4406, 'Subprotocol not acceptable',
              'The client offered no subprotocol that the server accepts.', _LIB,
              reconnect=RECONNECT_NO, note=_FATAL, in_protocol=False,
              graphql_ws='SubprotocolNotAcceptable',
              strawberry='WS_4406_PROTOCOL_NOT_ACCEPTABLE'),
        _code(4408, 'Connection initialisation timeout',
              'The client did not send its ConnectionInit message within the time the server '
              'allows.', _GQL, reconnect=RECONNECT_LATER, note=_RETRIED,
              graphql_ws='ConnectionInitialisationTimeout'),
        _code(4409, 'Subscriber for <unique-operation-id> already exists',
              'The client started an operation under an ID that a running operation already '
              'uses.', _GQL, reconnect=RECONNECT_NO, note=_FATAL,
              graphql_ws='SubscriberAlreadyExists'),
        _code(4429, 'Too many initialisation requests',
              'The client sent ConnectionInit more than once.', _GQL,
              reconnect=RECONNECT_NO, note=_FATAL, graphql_ws='TooManyInitialisationRequests'),
        _code(4499, 'Terminated',
              'The client application gave up on a connection, for example one that seemed '
              'frozen, without waiting for the server.', GRAPHQL_WS_CLIENT,
              reconnect=RECONNECT_LATER, note=_RETRIED, direction=DIRECTION_CLIENT,
              in_protocol=False),
        _code(4500, 'Internal server error',
              'The server failed while handling the connection.', _LIB,
              reconnect=RECONNECT_NO, note=_FATAL, in_protocol=False,
              graphql_ws='InternalServerError'),
        _code(4504, 'Connection acknowledgement timeout',
              'The server did not acknowledge the connection within the time the client waits.',
              _LIB, reconnect=RECONNECT_LATER, note=_RETRIED, direction=DIRECTION_CLIENT,
              in_protocol=False, graphql_ws='ConnectionAcknowledgementTimeout'),
    ),
    notes=(
        'The protocol text names 4400, 4401, 4403, 4408, 4409 and 4429; the other codes come '
        'from the graphql-ws library.',
        '4499 has no member in graphql-ws\u2019s CloseCode: its client sends it when the '
        'application calls terminate().',
        'For 4400 the protocol sends a description of the error as the close reason, not a '
        'fixed name; "Invalid message" is the title of its section.',
    ),
)

_RESUME = 'The page\u2019s Resuming section says to try resuming after a code that allows ' \
          'reconnecting.'
_NEW_SESSION = 'Reconnect, but start a new session: identify again instead of resuming.'
_DG = DISCORD_GATEWAY

DISCORD_GATEWAY_SET = CodeSet(
    key='discord-gateway',
    title='Discord Gateway',
    description='The WebSocket connection over which Discord apps and bots receive events.',
    sources=(DISCORD_GATEWAY, DISCORD_RESUMING, HIKARI),
    libraries=(
        SetLibrary(key='hikari', name='hikari', language='Python',
                   namespace='ShardCloseCode.', source=HIKARI,
                   prefixes=('hikari.ShardCloseCode.', 'hikari.errors.ShardCloseCode.')),
    ),
    codes=(
        _code(4000, 'Unknown error', 'Discord could not tell what went wrong.', _DG,
              reconnect=RECONNECT_RESUME, note=_RESUME, hikari='UNKNOWN_ERROR'),
        _code(4001, 'Unknown opcode',
              'The app sent an opcode the Gateway does not know, or a payload that does not fit '
              'its opcode.', _DG, reconnect=RECONNECT_RESUME, note=_RESUME,
              hikari='UNKNOWN_OPCODE'),
        _code(4002, 'Decode error', 'The Gateway could not decode a payload the app sent.', _DG,
              reconnect=RECONNECT_RESUME, note=_RESUME, hikari='DECODE_ERROR'),
        _code(4003, 'Not authenticated',
              'The app sent a payload before identifying, or its session is no longer valid.',
              _DG, reconnect=RECONNECT_RESUME, note=_RESUME, hikari='NOT_AUTHENTICATED'),
        _code(4004, 'Authentication failed',
              'The token in the app\u2019s Identify payload is wrong.', _DG,
              reconnect=RECONNECT_NO, hikari='AUTHENTICATION_FAILED'),
        _code(4005, 'Already authenticated',
              'The app identified more than once on the same connection.', _DG,
              reconnect=RECONNECT_RESUME, note=_RESUME, hikari='ALREADY_AUTHENTICATED'),
        _code(4007, 'Invalid seq',
              'The sequence number that the app sent when resuming was not valid.', _DG,
              reconnect=RECONNECT_YES, note=_NEW_SESSION, hikari='INVALID_SEQ'),
        _code(4008, 'Rate limited', 'The app sent payloads faster than the Gateway allows.', _DG,
              reconnect=RECONNECT_RESUME, note=_RESUME, hikari='RATE_LIMITED'),
        _code(4009, 'Session timed out', 'The app\u2019s session expired.', _DG,
              reconnect=RECONNECT_YES, note=_NEW_SESSION, hikari='SESSION_TIMEOUT'),
        _code(4010, 'Invalid shard',
              'The shard that the app gave when identifying is not valid.', _DG,
              reconnect=RECONNECT_NO, hikari='INVALID_SHARD'),
        _code(4011, 'Sharding required',
              'The app has too many guilds for one connection, and must shard.', _DG,
              reconnect=RECONNECT_NO, hikari='SHARDING_REQUIRED'),
        _code(4012, 'Invalid API version',
              'The app asked for a Gateway version that is not valid.', _DG,
              reconnect=RECONNECT_NO, hikari='INVALID_VERSION'),
        _code(4013, 'Invalid intent(s)',
              'The intents value that the app sent is not valid, for example a wrongly '
              'computed bitmask.', _DG, reconnect=RECONNECT_NO, hikari='INVALID_INTENT'),
        _code(4014, 'Disallowed intent(s)',
              'The app asked for a privileged intent that it has not enabled or is not approved '
              'for.', _DG, reconnect=RECONNECT_NO, hikari='DISALLOWED_INTENT'),
    ),
    notes=(
        'There is no 4006.',
        'The page\u2019s Reconnect column is true or false; "resume" and "yes" split its '
        'true as the page\u2019s own explanations and Resuming section do.',
    ),
)

_DV = DISCORD_VOICE

DISCORD_VOICE_SET = CodeSet(
    key='discord-voice',
    title='Discord voice gateway',
    description='The WebSocket connection that a Discord client keeps with a voice server.',
    sources=(DISCORD_VOICE,),
    codes=(
        _code(4001, 'Unknown opcode',
              'The client sent an opcode that the voice gateway does not know.', _DV),
        _code(4002, 'Failed to decode payload',
              'The voice gateway could not decode a payload the client sent.', _DV),
        _code(4003, 'Not authenticated', 'The client sent a payload before identifying.', _DV),
        _code(4004, 'Authentication failed',
              'The token in the client\u2019s identify payload is wrong.', _DV),
        _code(4005, 'Already authenticated', 'The client identified more than once.', _DV),
        _code(4006, 'Session no longer valid',
              'The voice session has ended and cannot be used again.', _DV),
        _code(4009, 'Session timeout', 'The voice session expired.', _DV),
        _code(4011, 'Server not found',
              'The voice server that the client asked for could not be found.', _DV),
        _code(4012, 'Unknown protocol',
              'The voice gateway does not know the protocol that the client selected.', _DV),
        _code(4014, 'Disconnected',
              'The client was removed from the call, for example when it was kicked or its '
              'main Gateway session ended.', _DV, reconnect=RECONNECT_NO),
        _code(4015, 'Voice server crashed',
              'The voice server failed; the client can try to resume.', _DV,
              reconnect=RECONNECT_RESUME),
        _code(4016, 'Unknown encryption mode',
              'The voice gateway does not know the encryption mode that the client chose.', _DV),
        _code(4017, 'E2EE/DAVE protocol required',
              'The channel needs a client that supports end-to-end encryption with the DAVE '
              'protocol.', _DV),
        _code(4020, 'Bad request', 'The client sent a malformed request.', _DV),
        _code(4021, 'Disconnected: Rate Limited',
              'The client was removed for going over a rate limit.', _DV,
              reconnect=RECONNECT_NO),
        _code(4022, 'Disconnected: Call Terminated',
              'Every client was removed because the call ended, for example when its channel '
              'was deleted.', _DV, reconnect=RECONNECT_NO),
    ),
    notes=(
        'The voice table has no Reconnect column: the advice for 4014, 4015, 4021 and 4022 '
        'comes from their explanations, and the other codes have none.',
        'The numbers overlap the Gateway\u2019s, with other meanings: 4006 and 4020 to 4022 '
        'exist only here.',
    ),
)

_PS = PUSHER_SWIFT
_UNCHANGED = 'Not with the same settings: fix the cause first.'
_BACK_OFF = 'The Swift client\u2019s comment says after one second or more.'

PUSHER = CodeSet(
    key='pusher',
    title='Pusher Channels protocol',
    description='The publish/subscribe protocol that Pusher Channels clients speak over '
                'a WebSocket.',
    sources=(PUSHER_SWIFT, PUSHER_JS, PUSHER_DOTNET),
    libraries=(
        SetLibrary(key='pusher-swift', name='pusher-websocket-swift', language='Swift',
                   namespace='ChannelsProtocolCloseCode.', source=PUSHER_SWIFT,
                   note='The enum is internal to the SDK, not public API.'),
        SetLibrary(key='pusher-dotnet', name='pusher-websocket-dotnet', language='C#',
                   namespace='ErrorCodes.', source=PUSHER_DOTNET,
                   prefixes=('PusherClient.ErrorCodes.',)),
    ),
    ranges=(
        SetRange(first=4000, last=4099, name='doNotReconnectUnchanged',
                 description='Errors that reconnecting with the same settings will not fix.',
                 source=_PS, reconnect=RECONNECT_NO,
                 reconnect_note=_UNCHANGED + ' pusher-js calls this action "refused".'),
        SetRange(first=4100, last=4199, name='reconnectAfterBackingOff',
                 description='Errors that may clear if the client waits before reconnecting.',
                 source=_PS, reconnect=RECONNECT_LATER,
                 reconnect_note=_BACK_OFF + ' pusher-js calls this action "backoff".'),
        SetRange(first=4200, last=4299, name='reconnectImmediately',
                 description='Errors after which the client may reconnect at once.',
                 source=_PS, reconnect=RECONNECT_YES,
                 reconnect_note='pusher-js calls this action "retry".'),
    ),
    codes=(
        _code(4000, 'applicationOnlyAcceptsSSLConnections',
              'The app accepts only encrypted (TLS) connections.', _PS, reconnect=RECONNECT_NO,
              note=_UNCHANGED + ' pusher-js answers it by reconnecting over TLS.',
              pusher_swift='applicationOnlyAcceptsSSLConnections',
              pusher_dotnet='MustConnectOverSSL'),
        _code(4001, 'applicationDoesNotExist', 'No app with the given key exists.', _PS,
              reconnect=RECONNECT_NO, note=_UNCHANGED, pusher_swift='applicationDoesNotExist',
              pusher_dotnet='ApplicationDoesNotExist'),
        _code(4003, 'applicationDisabled', 'The app has been disabled.', _PS,
              reconnect=RECONNECT_NO, note=_UNCHANGED, pusher_swift='applicationDisabled',
              pusher_dotnet='ApplicationDisabled'),
        _code(4004, 'applicationIsOverConnectionQuota',
              'The app has reached its limit of connections.', _PS, reconnect=RECONNECT_NO,
              note=_UNCHANGED, pusher_swift='applicationIsOverConnectionQuota',
              pusher_dotnet='ApplicationOverConnectionQuota'),
        _code(4005, 'pathNotFound',
              'The path of the connection URL is not one that the service knows.', _PS,
              reconnect=RECONNECT_NO, note=_UNCHANGED, pusher_swift='pathNotFound',
              pusher_dotnet='PathNotFound'),
        _code(4006, 'invalidVersionStringFormat',
              'The protocol version in the connection URL is malformed.', _PS,
              reconnect=RECONNECT_NO, note=_UNCHANGED, pusher_swift='invalidVersionStringFormat'),
        _code(4007, 'unsupportedProtocolVersion',
              'The client asked for a protocol version that the service does not support.', _PS,
              reconnect=RECONNECT_NO, note=_UNCHANGED, pusher_swift='unsupportedProtocolVersion'),
        _code(4008, 'noProtocolVersionSupplied', 'The client gave no protocol version.', _PS,
              reconnect=RECONNECT_NO, note=_UNCHANGED, pusher_swift='noProtocolVersionSupplied'),
        _code(4009, 'connectionIsUnauthorized',
              'The connection was not authorised; the .NET client\u2019s name adds that it was '
              'not authorised in time.', _PS, reconnect=RECONNECT_NO, note=_UNCHANGED,
              pusher_swift='connectionIsUnauthorized',
              pusher_dotnet='ConnectionNotAuthorizedWithinTimeout'),
        _code(4100, 'overCapacity', 'The service has no room for the connection.', _PS,
              reconnect=RECONNECT_LATER, note=_BACK_OFF, pusher_swift='overCapacity'),
        _code(4200, 'genericReconnectImmediately',
              'The service closed the connection and asks the client to reconnect at once.',
              _PS, reconnect=RECONNECT_YES, pusher_swift='genericReconnectImmediately'),
        _code(4201, 'pongReplyNotReceived',
              'The service sent a ping and got no pong back.', _PS, reconnect=RECONNECT_YES,
              pusher_swift='pongReplyNotReceived'),
        _code(4202, 'closedAfterInactivity',
              'The connection stayed idle for a long time, and the client does not support '
              'ping.', _PS, reconnect=RECONNECT_YES, pusher_swift='closedAfterInactivity'),
        _code(4301, 'ClientOverRateLimit', 'The client went over its rate limit.', PUSHER_DOTNET,
              note='Outside the three ranges: pusher-js answers any code from 4300 up with '
                   '"refused", and the Swift client calls its strategy unknown.',
              in_protocol=False, pusher_dotnet='ClientOverRateLimit'),
    ),
    notes=(
        'Pusher\u2019s protocol page was not read; the codes and ranges come from Pusher\u2019s '
        'own client libraries, and the names are the Swift client\u2019s.',
        '4301 is only in the .NET client\u2019s ErrorCodes, which also lists codes from 5000 up '
        'that the client raises itself.',
    ),
)

_CF = CENTRIFUGO
_NON_TERMINAL = 'A non-terminal code: the client reconnects.'
_TERMINAL = 'A terminal code: the client does not reconnect.'


def _centrifugo(number: int, name: str, reason: str, description: str, *,
                constant: str | None = None) -> SetCode:
    terminal = number >= 3500
    return _code(
        number, name, description, _CF,
        reconnect=RECONNECT_NO if terminal else RECONNECT_YES,
        note=_TERMINAL if terminal else _NON_TERMINAL, reason=reason,
        centrifuge=constant or name,
    )


CENTRIFUGO_SET = CodeSet(
    key='centrifugo',
    title='Centrifugo',
    description='The client protocol of the Centrifugo real-time messaging server.',
    sources=(CENTRIFUGO, CENTRIFUGE),
    libraries=(
        SetLibrary(key='centrifuge', name='centrifuge (Go)', language='Go',
                   namespace='centrifuge.', source=CENTRIFUGE),
    ),
    codes=(
        _code(3000, 'DisconnectConnectionClosed', 'How the server records a connection that '
              'ended without a reason from the server, cleanly or by a lost network.', _CF,
              direction=DIRECTION_UNSAID, reason='connection closed',
              note='Listed apart from the terminal and non-terminal codes.',
              centrifuge='DisconnectConnectionClosed'),
        _centrifugo(3001, 'Shutdown', 'shutdown', 'The server node is shutting down.',
                    constant='DisconnectShutdown'),
        _centrifugo(3004, 'DisconnectServerError', 'internal server error',
                    'The server hit an internal error.'),
        _centrifugo(3005, 'DisconnectExpired', 'connection expired',
                    'The connection has expired.'),
        _centrifugo(3006, 'DisconnectSubExpired', 'subscription expired',
                    'A subscription of the client has expired.'),
        _centrifugo(3008, 'DisconnectSlow', 'slow',
                    'The client did not read its messages fast enough.'),
        _centrifugo(3009, 'DisconnectWriteError', 'write error',
                    'Writing to the client\u2019s connection failed.'),
        _centrifugo(3010, 'DisconnectInsufficientState', 'insufficient state',
                    'The server found the client\u2019s position in a channel stream wrong; '
                    'reconnecting lets it recover what it missed.'),
        _centrifugo(3011, 'DisconnectForceReconnect', 'force reconnect',
                    'The server wants the client to connect again.'),
        _centrifugo(3012, 'DisconnectNoPong', 'no pong',
                    'The client did not answer the server\u2019s application-level pings in '
                    'time.'),
        _centrifugo(3013, 'DisconnectTooManyRequests', 'too many requests',
                    'The client sent too many commands.'),
        _centrifugo(3014, 'DisconnectStateInvalidated', 'state invalidated',
                    'The server found the connection\u2019s cached state or token out of date; '
                    'the client reconnects with a fresh token.'),
        _centrifugo(3500, 'DisconnectInvalidToken', 'invalid token',
                    'The client\u2019s token is not valid.'),
        _centrifugo(3501, 'DisconnectBadRequest', 'bad request',
                    'The client sent malformed protocol frames.'),
        _centrifugo(3502, 'DisconnectStale', 'stale',
                    'The connection did not authenticate within the configured time.'),
        _centrifugo(3503, 'DisconnectForceNoReconnect', 'force disconnect',
                    'The server closed the connection and asks the client to stay away.'),
        _centrifugo(3504, 'DisconnectConnectionLimit', 'connection limit',
                    'The client went over a configured limit of connections, such as one per '
                    'user.'),
        _centrifugo(3505, 'DisconnectChannelLimit', 'channel limit',
                    'The client went over a configured limit of channels.'),
        _centrifugo(3506, 'DisconnectInappropriateProtocol', 'inappropriate protocol',
                    'The client\u2019s format cannot carry the data, such as binary data for a '
                    'JSON client.'),
        _centrifugo(3507, 'DisconnectPermissionDenied', 'permission denied',
                    'The client lacks a permission it needs.'),
        _centrifugo(3508, 'DisconnectNotAvailable', 'not available',
                    'The client used a feature that the server has not enabled.'),
        _centrifugo(3509, 'DisconnectTooManyErrors', 'too many errors',
                    'The client caused too many errors.'),
    ),
    notes=(
        'These codes sit in 3000-3999, the range that IANA registers, but Centrifugo has not '
        'registered them: 3000 and 3008 are IANA\u2019s Unauthorized and Timeout.',
        'The page groups the codes as non-terminal and terminal by heading, not by number.',
    ),
)

_TC = TWITCH_CLI

TWITCH_EVENTSUB = CodeSet(
    key='twitch-eventsub',
    title='Twitch EventSub WebSocket',
    description='The WebSocket transport over which Twitch delivers EventSub notifications.',
    sources=(TWITCH_CLI, TWITCH4J),
    libraries=(
        SetLibrary(key='twitch4j', name='Twitch4J', language='Java',
                   namespace='SocketCloseReason.', source=TWITCH4J,
                   prefixes=('com.github.twitch4j.eventsub.socket.domain.SocketCloseReason.',)),
    ),
    codes=(
        _code(4000, 'internal server error', 'Twitch\u2019s server ran into a problem.', _TC,
              twitch4j='INTERNAL_SERVER_ERROR'),
        _code(4001, 'sent inbound traffic',
              'The client sent the server a message other than a pong.', _TC,
              twitch4j='CLIENT_SENT_INBOUND_TRAFFIC'),
        _code(4002, 'failed ping pong', 'The client did not answer a ping with a pong.', _TC,
              twitch4j='CLIENT_FAILED_PING_PONG'),
        _code(4003, 'connection unused',
              'The client created no subscription in the time allowed after connecting.', _TC,
              twitch4j='CONNECTION_UNUSED'),
        _code(4004, 'client reconnect grace time expired',
              'After a reconnect message, the client did not move to the new connection in '
              'time.', _TC, twitch4j='RECONNECT_GRACE_TIME_EXPIRED'),
        _code(4005, 'network timeout',
              'The connection timed out in the network, which is expected to pass.', _TC,
              twitch4j='NETWORK_TIMEOUT'),
        _code(4006, 'network error',
              'The connection failed in the network, which is expected to pass.', _TC,
              twitch4j='NETWORK_ERROR'),
        _code(4007, 'invalid reconnect attempt',
              'The client reconnected with a reconnect URL that is not valid.', _TC,
              twitch4j='INVALID_RECONNECT'),
    ),
    notes=(
        'The names are the close reasons of Twitch\u2019s own mock server in twitch-cli; '
        'Twitch\u2019s documentation page was not read.',
        'Twitch4J reconnects after every code except 4003 when it has no subscriptions.',
    ),
)

#: Every bundled set, by key, in the order the documentation lists them.
SETS: Mapping[str, CodeSet] = MappingProxyType({
    code_set.key: code_set
    for code_set in (
        GRAPHQL_TRANSPORT_WS, DISCORD_GATEWAY_SET, DISCORD_VOICE_SET, PUSHER, CENTRIFUGO_SET,
        TWITCH_EVENTSUB,
    )
})


class Advice(NamedTuple):
    """Reconnect advice for an IANA code, as its registration's reference gives it."""

    reconnect: str
    note: str


#: Reconnect advice for the IANA codes whose reference gives some, and no others
#: (the bundled registry's entries carry it: see :data:`~.bundled.REGISTRY`).
IANA_RECONNECT: Mapping[int, Advice] = MappingProxyType({
    entry.first: Advice(entry.reconnect, entry.reconnect_note)
    for entry in REGISTRY if entry.kind is Kind.CODE and entry.reconnect
})


# -- the sets as registry entries ---------------------------------------------------

def _reference(source: Source) -> Reference:
    return Reference(f'{source.repository}: {source.path.rpartition("/")[2]}', source.url)


def set_entries(code_set: CodeSet) -> tuple[Entry, ...]:
    """*code_set*'s codes and ranges as registry entries (``Kind.SET_CODE``, ``Kind.SET_RANGE``).

    Each has its source as its reference, the libraries' constants as names
    (the first bare one as its constant), and a note where its number is an
    IANA registration with another meaning.
    """
    registered = {collision.code.number: collision.entry
                  for collision in code_set.on_iana_numbers()}
    entries: list[Entry] = []
    for code in code_set.codes:
        spellings = code_set.constant_names(code)
        bare = tuple(dict.fromkeys(code.constants.values()))
        qualified = tuple(name for name in spellings if name not in bare)
        notes: tuple[str, ...] = ()
        if code.number in registered:
            iana = registered[code.number]
            notes = (f'IANA registers {iana.first} as {iana.name}; in {code_set.title} '
                     'the number means this code instead.',)
        entries.append(Entry(
            code.number, code.number, Kind.SET_CODE, code.name, code.description,
            (_reference(code.source),), constant=bare[0] if bare else None,
            aliases=bare[1:], qualified=qualified, notes=notes, set=code_set.key,
            reconnect=code.reconnect, reconnect_note=code.reconnect_note,
            direction=code.direction, wire=True,
        ))
    for stretch in code_set.ranges:
        entries.append(Entry(
            stretch.first, stretch.last, Kind.SET_RANGE, stretch.name, stretch.description,
            (_reference(stretch.source),), label=stretch.name, set=code_set.key,
            reconnect=stretch.reconnect, reconnect_note=stretch.reconnect_note, wire=True,
        ))
    return tuple(entries)


@cache
def set_registries() -> Mapping[str, Registry]:
    """Each bundled set as a registry of its own entries, by name (built once)."""
    return MappingProxyType({key: Registry(set_entries(code_set))
                             for key, code_set in SETS.items()})
