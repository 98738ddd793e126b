"""How the major WebSocket libraries spell each close code, as pure data.

Like :mod:`sphinxext_wsclose.registry`, this module imports nothing from
Sphinx or docutils.

Each library is one :class:`Library` record in :data:`LIBRARIES`: its key,
names and language, where its constants live (``namespace`` and
``prefixes``), which source was read and at which version, and
``constants``, the code -> constant mapping of the codes it names.  The
constants are transcribed from the table "How libraries name the codes" of
the project's checked reference (1000 to 1015; a code the library has no
constant for is left out).  Codes that the table does not list (3000, 3003,
3008, the ranges, a project's own codes) have no constant in any of these
libraries.

Each constant is also a mention target: qualified as the library's users
write it (``WSCloseCode.GOING_AWAY``, ``CloseCode::Policy``,
``.normalClosure``), by its full import path
(``aiohttp.WSCloseCode.GOING_AWAY``), and, for the first seven libraries
only, bare (``ClosePolicyViolation``); see :func:`spellings`.  The libraries
added later (:attr:`Library.bare` is false) name codes ``Error``, ``Policy``
or ``Size``, which would collide with a project's own names, so only their
qualified forms are targets.  The namespace and the prefixes carry their own
separator (``'CloseCode.'``, ``'CloseCode::'``, ``'.'``), so nothing here
assumes a dot.

The ``libraries`` table column and ``wsclose CODE`` show the libraries whose
:attr:`Library.listed` is true (the first seven) unless
``wsclose_libraries`` or ``--libraries`` choose others (:func:`chosen`);
the JSON and CSV exports always list every library.

Browsers have no constant per code.  What matters there is whether the
WebSocket API's ``close(code)`` accepts a code: it accepts 1000 and
3000-4999, and throws for anything else.  The browser is a record like the
others, with no constants and ``accepts=browser_accepts``; its value for a
code is ``True`` or ``False`` instead of a name.

How to add a library: add one :class:`Library` record to :data:`LIBRARIES`,
at the place where the table cell, the command line and the exports should
list it, and a transcription of the source lines it was read from in
``tests/data/libraries/<key>.txt``, which ``tests/test_libraries.py``
checks the constants against.  Everything else (:func:`library_names`,
:func:`spellings`, the ``libraries`` table column, the mention targets, the
JSON and CSV exports) reads the records.  The prose around them does not:
say what was read in ``docs/sources.rst``, and add the library to the
hand-written tables of ``docs/cli.rst`` and ``docs/mentions.rst``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING

from sphinxext_wsclose import library_keys
from sphinxext_wsclose.values import browser_accepts, parse_int

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence
    from typing import TypeAlias

    #: A library's answer for one code: its constant, ``None`` for none, or,
    #: for a library that accepts or refuses codes (the browser), a bool.
    Value: TypeAlias = str | bool | None

#: Shown where a library has no constant for a code.
NONE = '\u2014'


@dataclass(frozen=True, kw_only=True)
class Library:
    """A library whose spelling of the close codes the reference records."""

    #: The stable key in JSON and CSV output: ``'websockets'``, ``'dotnet'``.
    key: str
    #: The library's full name: ``'Python websockets'``.
    name: str
    #: The short label in a table cell: ``'websockets'``, ``'.NET'``.
    label: str
    #: The language its users write: ``'Python'``, ``'C#'``, ``'JavaScript'``.
    language: str
    #: Where the constants live, with the separator: ``'CloseCode.'``,
    #: ``'status.'``; empty for gorilla's package-level constants and for
    #: the browser, which has none.
    namespace: str
    #: The version that the exports show, where the reference gives one.
    version: str | None
    #: The version, commit or date of the source that was read; ``None``
    #: where the reference does not record it.
    checked: str | None
    #: The file the constants were read from (``docs/sources.rst``); empty
    #: where there is no such file.
    source: str
    #: The library's constant for each code it names, by code.
    constants: Mapping[int, str] = field(default_factory=dict, hash=False)
    #: For a library with no constants but a rule (the browser): whether it
    #: accepts a code.
    accepts: Callable[[int], bool] | None = None
    #: What else the reference says about the library.
    note: str = ''
    #: The other prefixes that code writes before a constant: the full
    #: import path (``'aiohttp.WSCloseCode.'``) and re-exports.
    prefixes: tuple[str, ...] = ()
    #: More constants of a code, which the source keeps as deprecated
    #: aliases (Ktor's ``UNEXPECTED_CONDITION``), by code: mention targets,
    #: but never shown.
    aliases: Mapping[int, tuple[str, ...]] = field(default_factory=dict, hash=False)
    #: Whether the bare constant is a mention target too.  False for the
    #: libraries whose bare names (``Error``, ``Policy``) would collide with
    #: a project's own: only their qualified forms are targets.
    bare: bool = True
    #: Whether the ``libraries`` column and ``wsclose CODE`` show the library
    #: unless ``wsclose_libraries`` or ``--libraries`` choose others.
    listed: bool = True

    def __post_init__(self) -> None:
        if self.accepts is not None and self.constants:
            msg = f'library {self.key!r} has both constants and an accepts rule'
            raise ValueError(msg)
        # A copy in code order that nobody can change, whatever the caller passed.
        frozen = MappingProxyType(dict(sorted(self.constants.items())))
        object.__setattr__(self, 'constants', frozen)
        aliases = MappingProxyType({code: tuple(names)
                                    for code, names in sorted(self.aliases.items())})
        object.__setattr__(self, 'aliases', aliases)
        if stray := set(aliases) - set(frozen):
            msg = f'library {self.key!r} has aliases for codes it names no constant for: {stray}'
            raise ValueError(msg)

    def value(self, code: int) -> Value:
        """The library's answer for *code*: its constant (or ``None``), or whether it accepts it."""
        if self.accepts is not None:
            return self.accepts(code)
        return self.constants.get(code)

    def qualified(self, name: str) -> str:
        """*name* as code spells it: ``'CloseCode.NORMAL_CLOSURE'``."""
        return f'{self.namespace}{name}'

    def spellings(self, name: str) -> tuple[str, ...]:
        """Every way code writes the constant *name*, bare first."""
        found = (name, self.qualified(name), *(f'{prefix}{name}' for prefix in self.prefixes))
        return tuple(dict.fromkeys(found))

    def targets(self, code: int) -> tuple[str, ...]:
        """The spellings of *code* that a mention accepts: constant, then aliases.

        Bare and qualified for a library whose :attr:`bare` is true; only
        qualified (``CloseCode::Policy``, not ``Policy``) for the others.
        """
        if code not in self.constants:
            return ()
        found: list[str] = []
        for name in (self.constants[code], *self.aliases.get(code, ())):
            found.extend(spelling for spelling in self.spellings(name)
                         if self.bare or spelling != name)
        return tuple(dict.fromkeys(found))


#: The libraries, in the order the table cell, the command line and the
#: exports list them.
LIBRARIES: tuple[Library, ...] = (
    Library(
        key='websockets', name='Python websockets', label='websockets', language='Python',
        namespace='CloseCode.', version='17.0.1', checked='17.0.1',
        source='src/websockets/frames.py',
        prefixes=('websockets.frames.CloseCode.', 'websockets.CloseCode.'),
        constants={
            1000: 'NORMAL_CLOSURE', 1001: 'GOING_AWAY', 1002: 'PROTOCOL_ERROR',
            1003: 'UNSUPPORTED_DATA', 1005: 'NO_STATUS_RCVD', 1006: 'ABNORMAL_CLOSURE',
            1007: 'INVALID_DATA', 1008: 'POLICY_VIOLATION', 1009: 'MESSAGE_TOO_BIG',
            1010: 'MANDATORY_EXTENSION', 1011: 'INTERNAL_ERROR', 1012: 'SERVICE_RESTART',
            1013: 'TRY_AGAIN_LATER', 1014: 'BAD_GATEWAY', 1015: 'TLS_HANDSHAKE',
        },
    ),
    Library(
        key='aiohttp', name='aiohttp', label='aiohttp', language='Python',
        namespace='WSCloseCode.', version='master (2026)', checked='master (2026)',
        source='aiohttp/_websocket/models.py', note='Accepts a received 1006.',
        prefixes=('aiohttp.WSCloseCode.', 'aiohttp.http.WSCloseCode.',
                  'aiohttp.http_websocket.WSCloseCode.'),
        constants={
            1000: 'OK', 1001: 'GOING_AWAY', 1002: 'PROTOCOL_ERROR', 1003: 'UNSUPPORTED_DATA',
            1006: 'ABNORMAL_CLOSURE', 1007: 'INVALID_TEXT', 1008: 'POLICY_VIOLATION',
            1009: 'MESSAGE_TOO_BIG', 1010: 'MANDATORY_EXTENSION', 1011: 'INTERNAL_ERROR',
            1012: 'SERVICE_RESTART', 1013: 'TRY_AGAIN_LATER', 1014: 'BAD_GATEWAY',
        },
    ),
    Library(
        key='starlette', name='Starlette / FastAPI', label='Starlette', language='Python',
        namespace='status.', version='0.47.3', checked='0.47.3', source='starlette/status.py',
        note='FastAPI re-exports Starlette\u2019s status.',
        prefixes=('starlette.status.', 'fastapi.status.'),
        constants={
            1000: 'WS_1000_NORMAL_CLOSURE', 1001: 'WS_1001_GOING_AWAY',
            1002: 'WS_1002_PROTOCOL_ERROR', 1003: 'WS_1003_UNSUPPORTED_DATA',
            1005: 'WS_1005_NO_STATUS_RCVD', 1006: 'WS_1006_ABNORMAL_CLOSURE',
            1007: 'WS_1007_INVALID_FRAME_PAYLOAD_DATA', 1008: 'WS_1008_POLICY_VIOLATION',
            1009: 'WS_1009_MESSAGE_TOO_BIG', 1010: 'WS_1010_MANDATORY_EXT',
            1011: 'WS_1011_INTERNAL_ERROR', 1012: 'WS_1012_SERVICE_RESTART',
            1013: 'WS_1013_TRY_AGAIN_LATER', 1014: 'WS_1014_BAD_GATEWAY',
            1015: 'WS_1015_TLS_HANDSHAKE',
        },
    ),
    Library(
        key='browser', name='Browser WebSocket API', label='browser close()',
        language='JavaScript', namespace='', version=None, checked=None, source='',
        note='No constant per code: close(code) accepts only 1000 and 3000\u20134999, '
             'and throws for anything else.',
        accepts=browser_accepts,
    ),
    Library(
        key='jakarta', name='Jakarta WebSocket', label='Jakarta', language='Java',
        namespace='CloseCodes.', version=None, checked=None, source='CloseReason.java',
        prefixes=('CloseReason.CloseCodes.', 'jakarta.websocket.CloseReason.CloseCodes.',
                  'javax.websocket.CloseReason.CloseCodes.'),
        constants={
            1000: 'NORMAL_CLOSURE', 1001: 'GOING_AWAY', 1002: 'PROTOCOL_ERROR',
            1003: 'CANNOT_ACCEPT', 1004: 'RESERVED', 1005: 'NO_STATUS_CODE',
            1006: 'CLOSED_ABNORMALLY', 1007: 'NOT_CONSISTENT', 1008: 'VIOLATED_POLICY',
            1009: 'TOO_BIG', 1010: 'NO_EXTENSION', 1011: 'UNEXPECTED_CONDITION',
            1012: 'SERVICE_RESTART', 1013: 'TRY_AGAIN_LATER', 1015: 'TLS_HANDSHAKE_FAILURE',
        },
    ),
    Library(
        key='dotnet', name='.NET', label='.NET', language='C#',
        namespace='WebSocketCloseStatus.', version=None, checked=None,
        source='WebSocketCloseStatus.cs',
        prefixes=('System.Net.WebSockets.WebSocketCloseStatus.',),
        constants={
            1000: 'NormalClosure', 1001: 'EndpointUnavailable', 1002: 'ProtocolError',
            1003: 'InvalidMessageType', 1005: 'Empty', 1007: 'InvalidPayloadData',
            1008: 'PolicyViolation', 1009: 'MessageTooBig', 1010: 'MandatoryExtension',
            1011: 'InternalServerError',
        },
    ),
    Library(
        key='gorilla', name='Go gorilla/websocket', label='gorilla', language='Go',
        namespace='', version='v1.5.3', checked='v1.5.3', source='conn.go',
        note='Rejects a received 1014.', prefixes=('websocket.',),
        constants={
            1000: 'CloseNormalClosure', 1001: 'CloseGoingAway', 1002: 'CloseProtocolError',
            1003: 'CloseUnsupportedData', 1005: 'CloseNoStatusReceived',
            1006: 'CloseAbnormalClosure', 1007: 'CloseInvalidFramePayloadData',
            1008: 'ClosePolicyViolation', 1009: 'CloseMessageTooBig',
            1010: 'CloseMandatoryExtension', 1011: 'CloseInternalServerErr',
            1012: 'CloseServiceRestart', 1013: 'CloseTryAgainLater', 1015: 'CloseTLSHandshake',
        },
    ),
    # -- added later: only their qualified spellings are mention targets, and
    # -- the table column shows them only when wsclose_libraries names them.
    Library(
        key='wsproto', name='Python wsproto', label='wsproto', language='Python',
        namespace='CloseReason.', version='1.3.2', checked='c9536ed',
        source='src/wsproto/frame_protocol.py',
        prefixes=('wsproto.frame_protocol.CloseReason.',), bare=False, listed=False,
        constants={
            1000: 'NORMAL_CLOSURE', 1001: 'GOING_AWAY', 1002: 'PROTOCOL_ERROR',
            1003: 'UNSUPPORTED_DATA', 1005: 'NO_STATUS_RCVD', 1006: 'ABNORMAL_CLOSURE',
            1007: 'INVALID_FRAME_PAYLOAD_DATA', 1008: 'POLICY_VIOLATION',
            1009: 'MESSAGE_TOO_BIG', 1010: 'MANDATORY_EXT', 1011: 'INTERNAL_ERROR',
            1012: 'SERVICE_RESTART', 1013: 'TRY_AGAIN_LATER', 1015: 'TLS_HANDSHAKE_FAILED',
        },
    ),
    Library(
        key='websocket-client', name='Python websocket-client', label='websocket-client',
        language='Python', namespace='websocket.', version='1.9.0', checked='e46a8fe',
        source='websocket/_abnf.py', prefixes=('websocket._abnf.',), bare=False,
        listed=False,
        note='The package re-exports what websocket._abnf lists in __all__, which leaves '
             'out STATUS_SERVICE_RESTART and STATUS_TRY_AGAIN_LATER: import those two '
             'from websocket._abnf.',
        constants={
            1000: 'STATUS_NORMAL', 1001: 'STATUS_GOING_AWAY', 1002: 'STATUS_PROTOCOL_ERROR',
            1003: 'STATUS_UNSUPPORTED_DATA_TYPE', 1005: 'STATUS_STATUS_NOT_AVAILABLE',
            1006: 'STATUS_ABNORMAL_CLOSED', 1007: 'STATUS_INVALID_PAYLOAD',
            1008: 'STATUS_POLICY_VIOLATION', 1009: 'STATUS_MESSAGE_TOO_BIG',
            1010: 'STATUS_INVALID_EXTENSION', 1011: 'STATUS_UNEXPECTED_CONDITION',
            1012: 'STATUS_SERVICE_RESTART', 1013: 'STATUS_TRY_AGAIN_LATER',
            1014: 'STATUS_BAD_GATEWAY', 1015: 'STATUS_TLS_HANDSHAKE_ERROR',
        },
    ),
    Library(
        key='autobahn', name='Python Autobahn', label='Autobahn', language='Python',
        namespace='WebSocketProtocol.', version='26.7.1.dev1', checked='e9eebbe',
        source='src/autobahn/websocket/protocol.py',
        prefixes=('autobahn.websocket.protocol.WebSocketProtocol.',), bare=False,
        listed=False,
        note='Names 1014 CLOSE_STATUS_CODE_UNASSIGNED1, from before IANA registered it.',
        constants={
            1000: 'CLOSE_STATUS_CODE_NORMAL', 1001: 'CLOSE_STATUS_CODE_GOING_AWAY',
            1002: 'CLOSE_STATUS_CODE_PROTOCOL_ERROR', 1003: 'CLOSE_STATUS_CODE_UNSUPPORTED_DATA',
            1004: 'CLOSE_STATUS_CODE_RESERVED1', 1005: 'CLOSE_STATUS_CODE_NULL',
            1006: 'CLOSE_STATUS_CODE_ABNORMAL_CLOSE', 1007: 'CLOSE_STATUS_CODE_INVALID_PAYLOAD',
            1008: 'CLOSE_STATUS_CODE_POLICY_VIOLATION',
            1009: 'CLOSE_STATUS_CODE_MESSAGE_TOO_BIG',
            1010: 'CLOSE_STATUS_CODE_MANDATORY_EXTENSION',
            1011: 'CLOSE_STATUS_CODE_INTERNAL_ERROR', 1012: 'CLOSE_STATUS_CODE_SERVICE_RESTART',
            1013: 'CLOSE_STATUS_CODE_TRY_AGAIN_LATER', 1014: 'CLOSE_STATUS_CODE_UNASSIGNED1',
            1015: 'CLOSE_STATUS_CODE_TLS_HANDSHAKE_FAILED',
        },
    ),
    Library(
        key='litestar', name='Litestar', label='Litestar', language='Python',
        namespace='status_codes.', version='2.17.0', checked='8bd5724',
        source='litestar/status_codes.py', prefixes=('litestar.status_codes.',),
        bare=False, listed=False,
        constants={
            1000: 'WS_1000_NORMAL_CLOSURE', 1001: 'WS_1001_GOING_AWAY',
            1002: 'WS_1002_PROTOCOL_ERROR', 1003: 'WS_1003_UNSUPPORTED_DATA',
            1005: 'WS_1005_NO_STATUS_RECEIVED', 1006: 'WS_1006_ABNORMAL_CLOSURE',
            1007: 'WS_1007_INVALID_FRAME_PAYLOAD_DATA', 1008: 'WS_1008_POLICY_VIOLATION',
            1009: 'WS_1009_MESSAGE_TOO_BIG', 1010: 'WS_1010_MANDATORY_EXT',
            1011: 'WS_1011_INTERNAL_ERROR', 1012: 'WS_1012_SERVICE_RESTART',
            1013: 'WS_1013_TRY_AGAIN_LATER', 1014: 'WS_1014_BAD_GATEWAY',
            1015: 'WS_1015_TLS_HANDSHAKE',
        },
    ),
    Library(
        key='picows', name='picows', label='picows', language='Python',
        namespace='WSCloseCode.', version='1.19.0', checked='ab273b1',
        source='picows/picows.pyi',
        prefixes=('picows.WSCloseCode.', 'picows.picows.WSCloseCode.'), bare=False,
        listed=False, note='Also has NO_INFO = 0, which is no close code.',
        constants={
            1000: 'OK', 1001: 'GOING_AWAY', 1002: 'PROTOCOL_ERROR', 1003: 'UNSUPPORTED_DATA',
            1006: 'ABNORMAL_CLOSURE', 1007: 'INVALID_TEXT', 1008: 'POLICY_VIOLATION',
            1009: 'MESSAGE_TOO_BIG', 1010: 'MANDATORY_EXTENSION', 1011: 'INTERNAL_ERROR',
            1012: 'SERVICE_RESTART', 1013: 'TRY_AGAIN_LATER', 1014: 'BAD_GATEWAY',
        },
    ),
    Library(
        key='tungstenite', name='Rust tungstenite', label='tungstenite', language='Rust',
        namespace='CloseCode::', version='0.29.0', checked='c292171',
        source='src/protocol/frame/coding.rs',
        prefixes=('tungstenite::protocol::frame::coding::CloseCode::',), bare=False,
        listed=False,
        note='Other codes are Reserved(u16), Iana(u16), Library(u16) or Bad(u16) by range; '
             '1004 and 1014 are Bad. Tls is hidden from the documentation.',
        constants={
            1000: 'Normal', 1001: 'Away', 1002: 'Protocol', 1003: 'Unsupported',
            1005: 'Status', 1006: 'Abnormal', 1007: 'Invalid', 1008: 'Policy', 1009: 'Size',
            1010: 'Extension', 1011: 'Error', 1012: 'Restart', 1013: 'Again', 1015: 'Tls',
        },
    ),
    Library(
        key='coder', name='Go coder/websocket', label='coder/websocket', language='Go',
        namespace='websocket.', version='v1.8.15', checked='9c8faad', source='close.go',
        bare=False, listed=False, note='1004 is the unexported statusReserved.',
        constants={
            1000: 'StatusNormalClosure', 1001: 'StatusGoingAway', 1002: 'StatusProtocolError',
            1003: 'StatusUnsupportedData', 1005: 'StatusNoStatusRcvd',
            1006: 'StatusAbnormalClosure', 1007: 'StatusInvalidFramePayloadData',
            1008: 'StatusPolicyViolation', 1009: 'StatusMessageTooBig',
            1010: 'StatusMandatoryExtension', 1011: 'StatusInternalError',
            1012: 'StatusServiceRestart', 1013: 'StatusTryAgainLater',
            1014: 'StatusBadGateway', 1015: 'StatusTLSHandshake',
        },
    ),
    Library(
        key='java-websocket', name='Java-WebSocket', label='Java-WebSocket', language='Java',
        namespace='CloseFrame.', version='1.6.0', checked='afeacbf',
        source='src/main/java/org/java_websocket/framing/CloseFrame.java',
        prefixes=('org.java_websocket.framing.CloseFrame.',), bare=False, listed=False,
        note='Also has NEVER_CONNECTED (-1), BUGGYCLOSE (-2) and FLASHPOLICY (-3), '
             'which are no close codes.',
        constants={
            1000: 'NORMAL', 1001: 'GOING_AWAY', 1002: 'PROTOCOL_ERROR', 1003: 'REFUSE',
            1005: 'NOCODE', 1006: 'ABNORMAL_CLOSE', 1007: 'NO_UTF8', 1008: 'POLICY_VALIDATION',
            1009: 'TOOBIG', 1010: 'EXTENSION', 1011: 'UNEXPECTED_CONDITION',
            1012: 'SERVICE_RESTART', 1013: 'TRY_AGAIN_LATER', 1014: 'BAD_GATEWAY',
            1015: 'TLS_ERROR',
        },
    ),
    Library(
        key='netty', name='Netty', label='Netty', language='Java',
        namespace='WebSocketCloseStatus.', version='4.2.7.Final', checked='0bb88a3',
        source='codec-http/src/main/java/io/netty/handler/codec/http/websocketx/'
               'WebSocketCloseStatus.java',
        prefixes=('io.netty.handler.codec.http.websocketx.WebSocketCloseStatus.',),
        bare=False, listed=False,
        constants={
            1000: 'NORMAL_CLOSURE', 1001: 'ENDPOINT_UNAVAILABLE', 1002: 'PROTOCOL_ERROR',
            1003: 'INVALID_MESSAGE_TYPE', 1005: 'EMPTY', 1006: 'ABNORMAL_CLOSURE',
            1007: 'INVALID_PAYLOAD_DATA', 1008: 'POLICY_VIOLATION', 1009: 'MESSAGE_TOO_BIG',
            1010: 'MANDATORY_EXTENSION', 1011: 'INTERNAL_SERVER_ERROR',
            1012: 'SERVICE_RESTART', 1013: 'TRY_AGAIN_LATER', 1014: 'BAD_GATEWAY',
            1015: 'TLS_HANDSHAKE_FAILED',
        },
    ),
    Library(
        key='ktor', name='Ktor', label='Ktor', language='Kotlin',
        namespace='CloseReason.Codes.', version='3.5.2', checked='ef92e55',
        source='ktor-shared/ktor-websockets/common/src/io/ktor/websocket/CloseReason.kt',
        prefixes=('io.ktor.websocket.CloseReason.Codes.',), bare=False, listed=False,
        note='CLOSED_ABNORMALLY (1006) is deprecated and internal; UNEXPECTED_CONDITION is '
             'a deprecated alias of INTERNAL_ERROR (1011), an error to use.',
        constants={
            1000: 'NORMAL', 1001: 'GOING_AWAY', 1002: 'PROTOCOL_ERROR', 1003: 'CANNOT_ACCEPT',
            1006: 'CLOSED_ABNORMALLY', 1007: 'NOT_CONSISTENT', 1008: 'VIOLATED_POLICY',
            1009: 'TOO_BIG', 1010: 'NO_EXTENSION', 1011: 'INTERNAL_ERROR',
            1012: 'SERVICE_RESTART', 1013: 'TRY_AGAIN_LATER',
        },
        aliases={1011: ('UNEXPECTED_CONDITION',)},
    ),
    Library(
        key='swift', name='Swift URLSessionWebSocketTask', label='Swift', language='Swift',
        namespace='URLSessionWebSocketTask.CloseCode.', version='6.3.3', checked='761b621',
        source='Sources/FoundationNetworking/URLSession/URLSessionTask.swift',
        prefixes=('.',), bare=False, listed=False,
        note='swift-corelibs-foundation; also has invalid = 0, which is no close code.',
        constants={
            1000: 'normalClosure', 1001: 'goingAway', 1002: 'protocolError',
            1003: 'unsupportedData', 1005: 'noStatusReceived', 1006: 'abnormalClosure',
            1007: 'invalidFramePayloadData', 1008: 'policyViolation', 1009: 'messageTooBig',
            1010: 'mandatoryExtensionMissing', 1011: 'internalServerError',
            1015: 'tlsHandshakeFailure',
        },
    ),
)


@dataclass(frozen=True)
class LibraryNames:
    """How each library spells one code.

    ``by_key`` holds each library's answer by key, in library order: its
    constant, or ``None`` where it has none; for the browser, whether its
    ``close(code)`` accepts the code.  ``names['aiohttp']`` reads one.
    """

    code: int
    by_key: Mapping[str, Value] = field(hash=False)
    #: The records the values come from, in order (for :meth:`items`).
    libraries: tuple[Library, ...] = field(repr=False, compare=False)

    def __getitem__(self, key: str) -> Value:
        """The value of the library with this key; :exc:`KeyError` for an unknown key."""
        return self.by_key[key]

    def get(self, key: str, default: Value = None) -> Value:
        """The value of the library with this key, or *default* for an unknown key."""
        return self.by_key.get(key, default)

    def as_dict(self) -> dict[str, Value]:
        """The values by library key, in library order (the JSON object)."""
        return dict(self.by_key)

    def items(self, keys: Sequence[str] | None = None) -> tuple[tuple[Library, Value], ...]:
        """``(library, value)`` pairs, in library order; with *keys*, those, in that order."""
        libraries = self.libraries if keys is None else chosen(keys, self.libraries)
        return tuple((library, self.by_key[library.key]) for library in libraries)

    def summary(self, keys: Sequence[str] | None = None) -> str:
        """One line, as the table cell shows it.

        ``'websockets: NORMAL_CLOSURE; aiohttp: OK; …; browser close(): accepted; …'``,
        with ``'—'`` where a library has no constant.  It lists the libraries
        whose :attr:`Library.listed` is true, or those with *keys*, in that
        order (:func:`chosen`).
        """
        shown = self.items(listed_keys(self.libraries) if keys is None else keys)
        return '; '.join(f'{library.label}: {display(value)}' for library, value in shown)


class UnknownLibraryError(KeyError):
    """Library keys that no record has: ``unknown``, in the order given."""

    def __init__(self, unknown: Sequence[str]) -> None:
        super().__init__(', '.join(map(repr, unknown)))
        self.unknown = tuple(unknown)


def keys() -> tuple[str, ...]:
    """Every library's key, in library order: what ``wsclose_libraries`` may name."""
    return tuple(library.key for library in LIBRARIES)


def listed_keys(libraries: Sequence[Library] | None = None) -> tuple[str, ...]:
    """The keys of the libraries shown unless chosen otherwise (:attr:`Library.listed`)."""
    return tuple(library.key for library in (LIBRARIES if libraries is None else libraries)
                 if library.listed)


def chosen(keys: Sequence[str], libraries: Sequence[Library] | None = None) -> tuple[Library, ...]:
    """The libraries with *keys*, in the order given, each once.

    Raises :exc:`UnknownLibraryError` naming the keys that no library has.
    """
    by_key = {library.key: library for library in (LIBRARIES if libraries is None else libraries)}
    wanted = tuple(dict.fromkeys(keys))
    if unknown := [key for key in wanted if key not in by_key]:
        raise UnknownLibraryError(unknown)
    return tuple(by_key[key] for key in wanted)


def display(value: Value) -> str:
    """A library's value as text: the name, ``'—'`` for none, ``'accepted'`` or ``'throws'``."""
    if value is True:
        return 'accepted'
    if value is False:
        return 'throws'
    return value or NONE


def library_names(code: object) -> LibraryNames:
    """How each library in :data:`LIBRARIES` spells *code* (an int, or a string of digits).

    Every number in 0-65535 has an answer; codes that no library names get
    ``None`` throughout.  Raises
    :exc:`~sphinxext_wsclose.registry.InvalidCodeError` for anything else.
    """
    number = parse_int(code)
    libraries = LIBRARIES
    by_key = MappingProxyType({library.key: library.value(number) for library in libraries})
    return LibraryNames(number, by_key, libraries)


def spellings(code: int) -> tuple[str, ...]:
    """Every way the libraries' code writes *code* that a mention accepts.

    ``spellings(1001)`` starts ``('GOING_AWAY', 'CloseCode.GOING_AWAY',
    'websockets.frames.CloseCode.GOING_AWAY', …)``; a code that no library
    names has none.  A library whose :attr:`~Library.bare` is false gives only
    its qualified forms (``'CloseCode::Away'``, not ``'Away'``), and a
    deprecated alias after its constant.  Each spelling appears once.
    """
    found: list[str] = []
    for library in LIBRARIES:
        found.extend(library.targets(code))
    return tuple(dict.fromkeys(found))


def qualified_spellings(code: int, *, listed_only: bool = False) -> tuple[str, ...]:
    """The spellings of *code* that carry a namespace or prefix, without the bare constants.

    ``qualified_spellings(1001)`` starts ``('CloseCode.GOING_AWAY',
    'websockets.frames.CloseCode.GOING_AWAY', …)``, and has
    ``'websocket.CloseGoingAway'`` but not gorilla's bare ``'CloseGoingAway'``.
    With *listed_only*, only the libraries listed by default
    (:attr:`Library.listed`) give theirs.
    """
    found: list[str] = []
    for library in LIBRARIES:
        if code in library.constants and (library.listed or not listed_only):
            bare = {library.constants[code], *library.aliases.get(code, ())}
            found.extend(spelling for spelling in library.targets(code) if spelling not in bare)
    return tuple(dict.fromkeys(found))


#: The constant at the end of a spelling (kept in :mod:`~sphinxext_wsclose.library_keys`,
#: which start-up loads without the records).
last_part = library_keys.last_part
