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

Each constant is also a mention target: bare (``ClosePolicyViolation``),
qualified as the library's users write it (``WSCloseCode.GOING_AWAY``), and
by its full import path (``aiohttp.WSCloseCode.GOING_AWAY``); see
:func:`spellings`.  The namespace and the prefixes carry their own separator
(``'CloseCode.'``, ``'CloseCode::'``, ``'.'``), so nothing here assumes a dot.

Browsers have no constant per code.  What matters there is whether the
WebSocket API's ``close(code)`` accepts a code: it accepts 1000 and
3000-4999, and throws for anything else.  The browser is a record like the
others, with no constants and ``accepts=browser_accepts``; its value for a
code is ``True`` or ``False`` instead of a name.

How to add a library: add one :class:`Library` record to :data:`LIBRARIES`,
at the place where the table cell, the command line and the exports should
list it, and a test in ``tests/test_libraries.py`` that checks its constants
against the source it was read from.  Everything else (:func:`library_names`,
:func:`spellings`, the ``libraries`` table column, the mention targets, the
JSON and CSV exports) reads the records.  The prose around them does not:
say what was read in ``docs/sources.rst``, and add the library to the
hand-written tables of ``docs/cli.rst`` and ``docs/rst.rst``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING

from sphinxext_wsclose.values import browser_accepts, parse_int

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping
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

    def __post_init__(self) -> None:
        if self.accepts is not None and self.constants:
            msg = f'library {self.key!r} has both constants and an accepts rule'
            raise ValueError(msg)
        # A copy in code order that nobody can change, whatever the caller passed.
        frozen = MappingProxyType(dict(sorted(self.constants.items())))
        object.__setattr__(self, 'constants', frozen)

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

    def items(self) -> tuple[tuple[Library, Value], ...]:
        """``(library, value)`` pairs, in library order."""
        return tuple((library, self.by_key[library.key]) for library in self.libraries)

    def summary(self) -> str:
        """One line, as the table cell shows it.

        ``'websockets: NORMAL_CLOSURE; aiohttp: OK; …; browser close(): accepted; …'``,
        with ``'—'`` where a library has no constant.
        """
        return '; '.join(f'{library.label}: {display(value)}' for library, value in self.items())


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
    """Every way the libraries' code writes *code*: bare, qualified, by import path.

    ``spellings(1001)`` starts ``('GOING_AWAY', 'CloseCode.GOING_AWAY',
    'websockets.frames.CloseCode.GOING_AWAY', …)``; a code that no library
    names has none.  Each spelling appears once.
    """
    found: list[str] = []
    for library, value in library_names(code).items():
        if isinstance(value, str):
            found.extend(library.spellings(value))
    return tuple(dict.fromkeys(found))


def qualified_spellings(code: int) -> tuple[str, ...]:
    """The spellings of *code* that carry a namespace or prefix, without the bare constants.

    ``qualified_spellings(1001)`` starts ``('CloseCode.GOING_AWAY',
    'websockets.frames.CloseCode.GOING_AWAY', …)``, and has
    ``'websocket.CloseGoingAway'`` but not gorilla's bare ``'CloseGoingAway'``.
    """
    found: list[str] = []
    for library, value in library_names(code).items():
        if isinstance(value, str):
            found.extend(spelling for spelling in library.spellings(value) if spelling != value)
    return tuple(dict.fromkeys(found))
