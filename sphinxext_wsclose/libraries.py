"""How the major WebSocket libraries spell each close code, as pure data.

Like :mod:`sphinxext_wsclose.registry`, this module imports nothing from
Sphinx or docutils.  The names are transcribed from the table "How libraries
name the codes" of the project's checked reference: one row per code from
1000 to 1015, one column per library, and ``None`` where the reference has
"—" (the library has no constant for the code).  Codes that the table does
not list (3000, 3003, 3008, the ranges, a project's own codes) have no
constant in any of these libraries.

Each constant is also a mention target: bare (``ClosePolicyViolation``),
qualified as the library's users write it (``WSCloseCode.GOING_AWAY``), and
by its full import path (``aiohttp.WSCloseCode.GOING_AWAY``); see
:func:`spellings`.

Browsers have no constant per code.  What matters there is whether the
WebSocket API's ``close(code)`` accepts a code: it accepts 1000 and
3000-4999, and throws for anything else (:func:`browser_accepts`).
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING

from sphinxext_wsclose.values import browser_accepts, parse_int

if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import TypeAlias

    _Name: TypeAlias = str | None
    #: websockets, aiohttp, Starlette, Jakarta, .NET, gorilla.
    _Row: TypeAlias = tuple[_Name, _Name, _Name, _Name, _Name, _Name]

#: Shown where a library has no constant for a code.
NONE = '\u2014'


@dataclass(frozen=True)
class Library:
    """A library whose spelling of the close codes the reference records."""

    #: The stable key in JSON and CSV output: ``'websockets'``, ``'dotnet'``.
    key: str
    #: The library's full name: ``'Python websockets'``.
    name: str
    #: The short label in a table cell: ``'websockets'``, ``'.NET'``.
    label: str
    #: Where the constants live, with the separator: ``'CloseCode.'``,
    #: ``'status.'``; empty for gorilla's package-level constants and for
    #: the browser, which has none.
    namespace: str
    #: The version or branch whose source was read, where the reference gives one.
    version: str | None
    #: What else the reference says about the library.
    note: str = ''
    #: The other prefixes that code writes before a constant: the full
    #: import path (``'aiohttp.WSCloseCode.'``) and re-exports.
    prefixes: tuple[str, ...] = ()

    def qualified(self, name: str) -> str:
        """*name* as code spells it: ``'CloseCode.NORMAL_CLOSURE'``."""
        return f'{self.namespace}{name}'

    def spellings(self, name: str) -> tuple[str, ...]:
        """Every way code writes the constant *name*, bare first."""
        found = (name, self.qualified(name), *(f'{prefix}{name}' for prefix in self.prefixes))
        return tuple(dict.fromkeys(found))


#: The libraries, in the order the table cell and the CLI list them.
LIBRARIES: tuple[Library, ...] = (
    Library('websockets', 'Python websockets', 'websockets', 'CloseCode.', '17.0.1',
            prefixes=('websockets.frames.CloseCode.', 'websockets.CloseCode.')),
    Library('aiohttp', 'aiohttp', 'aiohttp', 'WSCloseCode.', 'master (2026)',
            'Accepts a received 1006.',
            prefixes=('aiohttp.WSCloseCode.', 'aiohttp.http.WSCloseCode.',
                      'aiohttp.http_websocket.WSCloseCode.')),
    Library('starlette', 'Starlette / FastAPI', 'Starlette', 'status.', '0.47.3',
            'FastAPI re-exports Starlette\u2019s status.',
            prefixes=('starlette.status.', 'fastapi.status.')),
    Library('browser', 'Browser WebSocket API', 'browser close()', '', None,
            'No constant per code: close(code) accepts only 1000 and 3000\u20134999, '
            'and throws for anything else.'),
    Library('jakarta', 'Jakarta WebSocket', 'Jakarta', 'CloseCodes.', None,
            prefixes=('CloseReason.CloseCodes.', 'jakarta.websocket.CloseReason.CloseCodes.',
                      'javax.websocket.CloseReason.CloseCodes.')),
    Library('dotnet', '.NET', '.NET', 'WebSocketCloseStatus.', None,
            prefixes=('System.Net.WebSockets.WebSocketCloseStatus.',)),
    Library('gorilla', 'Go gorilla/websocket', 'gorilla', '', 'v1.5.3',
            'Rejects a received 1014.', prefixes=('websocket.',)),
)

#: The libraries by key.

# The reference's table, row by row.  Columns: websockets, aiohttp, Starlette,
# Jakarta, .NET, gorilla (the browser is a rule, not a column).
_TABLE: Mapping[int, _Row] = MappingProxyType({
    1000: ('NORMAL_CLOSURE', 'OK', 'WS_1000_NORMAL_CLOSURE', 'NORMAL_CLOSURE',
           'NormalClosure', 'CloseNormalClosure'),
    1001: ('GOING_AWAY', 'GOING_AWAY', 'WS_1001_GOING_AWAY', 'GOING_AWAY',
           'EndpointUnavailable', 'CloseGoingAway'),
    1002: ('PROTOCOL_ERROR', 'PROTOCOL_ERROR', 'WS_1002_PROTOCOL_ERROR', 'PROTOCOL_ERROR',
           'ProtocolError', 'CloseProtocolError'),
    1003: ('UNSUPPORTED_DATA', 'UNSUPPORTED_DATA', 'WS_1003_UNSUPPORTED_DATA', 'CANNOT_ACCEPT',
           'InvalidMessageType', 'CloseUnsupportedData'),
    1004: (None, None, None, 'RESERVED', None, None),
    1005: ('NO_STATUS_RCVD', None, 'WS_1005_NO_STATUS_RCVD', 'NO_STATUS_CODE',
           'Empty', 'CloseNoStatusReceived'),
    1006: ('ABNORMAL_CLOSURE', 'ABNORMAL_CLOSURE', 'WS_1006_ABNORMAL_CLOSURE',
           'CLOSED_ABNORMALLY', None, 'CloseAbnormalClosure'),
    1007: ('INVALID_DATA', 'INVALID_TEXT', 'WS_1007_INVALID_FRAME_PAYLOAD_DATA',
           'NOT_CONSISTENT', 'InvalidPayloadData', 'CloseInvalidFramePayloadData'),
    1008: ('POLICY_VIOLATION', 'POLICY_VIOLATION', 'WS_1008_POLICY_VIOLATION',
           'VIOLATED_POLICY', 'PolicyViolation', 'ClosePolicyViolation'),
    1009: ('MESSAGE_TOO_BIG', 'MESSAGE_TOO_BIG', 'WS_1009_MESSAGE_TOO_BIG', 'TOO_BIG',
           'MessageTooBig', 'CloseMessageTooBig'),
    1010: ('MANDATORY_EXTENSION', 'MANDATORY_EXTENSION', 'WS_1010_MANDATORY_EXT',
           'NO_EXTENSION', 'MandatoryExtension', 'CloseMandatoryExtension'),
    1011: ('INTERNAL_ERROR', 'INTERNAL_ERROR', 'WS_1011_INTERNAL_ERROR',
           'UNEXPECTED_CONDITION', 'InternalServerError', 'CloseInternalServerErr'),
    1012: ('SERVICE_RESTART', 'SERVICE_RESTART', 'WS_1012_SERVICE_RESTART',
           'SERVICE_RESTART', None, 'CloseServiceRestart'),
    1013: ('TRY_AGAIN_LATER', 'TRY_AGAIN_LATER', 'WS_1013_TRY_AGAIN_LATER',
           'TRY_AGAIN_LATER', None, 'CloseTryAgainLater'),
    1014: ('BAD_GATEWAY', 'BAD_GATEWAY', 'WS_1014_BAD_GATEWAY', None, None, None),
    1015: ('TLS_HANDSHAKE', None, 'WS_1015_TLS_HANDSHAKE', 'TLS_HANDSHAKE_FAILURE',
           None, 'CloseTLSHandshake'),
})

_NO_NAMES: _Row = (None, None, None, None, None, None)


@dataclass(frozen=True)
class LibraryNames:
    """How each library spells one code.

    A name is ``None`` where the library has no constant for the code.
    ``browser`` says whether the browser's ``close(code)`` accepts it.
    """

    code: int
    websockets: str | None
    aiohttp: str | None
    starlette: str | None
    browser: bool
    jakarta: str | None
    dotnet: str | None
    gorilla: str | None

    def as_dict(self) -> dict[str, str | bool | None]:
        """The names by library key, in :data:`LIBRARIES` order (the JSON object)."""
        values: dict[str, str | bool | None] = {
            library.key: getattr(self, library.key) for library in LIBRARIES
        }
        return values

    def items(self) -> tuple[tuple[Library, str | bool | None], ...]:
        """``(library, value)`` pairs, in :data:`LIBRARIES` order."""
        return tuple((library, getattr(self, library.key)) for library in LIBRARIES)

    def summary(self) -> str:
        """One line, as the table cell shows it.

        ``'websockets: NORMAL_CLOSURE; aiohttp: OK; …; browser close(): accepted; …'``,
        with ``'—'`` where a library has no constant.
        """
        return '; '.join(f'{library.label}: {display(value)}' for library, value in self.items())


def display(value: str | bool | None) -> str:  # noqa: FBT001
    """A library's value as text: the name, ``'—'`` for none, ``'accepted'`` or ``'throws'``."""
    if value is True:
        return 'accepted'
    if value is False:
        return 'throws'
    return value or NONE


def library_names(code: object) -> LibraryNames:
    """How each library spells *code* (an int, or a string of digits).

    Every number in 0-65535 has an answer; codes that no library names get
    ``None`` throughout.  Raises
    :exc:`~sphinxext_wsclose.registry.InvalidCodeError` for anything else.
    """
    number = parse_int(code)
    websockets, aiohttp, starlette, jakarta, dotnet, gorilla = _TABLE.get(number, _NO_NAMES)
    return LibraryNames(
        number, websockets, aiohttp, starlette, browser_accepts(number),
        jakarta, dotnet, gorilla,
    )


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
