"""The bundled registry: RFC 6455's ranges and IANA's codes, as data.

Every entry of the IANA "WebSocket Close Code Number Registry" (as of
2026-06-10) and every range that RFC 6455 section 7.4.2 defines, in the model
of :mod:`sphinxext_wsclose.registry`.  The names are IANA's and the common
constants'; the descriptions are this project's own words.  ``docs/sources.rst``
says where each fact was read; ``wsclose registry-diff`` compares the entries
with IANA's ``websocket.xml``.  Like the model, this module imports nothing
from Sphinx or docutils.
"""

from __future__ import annotations

from sphinxext_wsclose.registry import CustomPlacement, Entry, Kind, Reference, Registry
from sphinxext_wsclose.values import MAX_CODE

RFC_URL = 'https://www.rfc-editor.org/rfc/rfc6455#section-{section}'
IANA_URL = 'https://www.iana.org/assignments/websocket/websocket.xml#close-code-number'
#: The day IANA last updated the registry that :data:`ENTRIES` copies: the
#: ``<updated>`` date of IANA's ``websocket.xml``, which ``wsclose registry-diff``
#: compares.
IANA_UPDATED = '2026-06-10'


def _rfc(*sections: str) -> tuple[Reference, ...]:
    return tuple(
        Reference(f'RFC 6455 \u00a7{section}', RFC_URL.format(section=section))
        for section in sections
    )


def _iana(label: str = 'IANA registry') -> Reference:
    return Reference(label, IANA_URL)


#: How codes get into each part of the registry (RFC 6455 section 7.4.2).
_IETF_PROCEDURE = 'IETF: Standards Action, Specification Required or IESG Review'
_IANA_PROCEDURE = 'IANA: First Come First Served'
#: Notes that several codes share.
_AFTER_RFC = 'Registered with IANA after RFC 6455; the RFC does not define it.'
_NO_SPECIFICATION = 'Registered with IANA without a specification.'
_NEVER_SENT = (
    'RFC 6455 forbids an endpoint to send this code in a Close frame; '
    'implementations report it locally.'
)

#: The registry as bundled: RFC 6455 and IANA, as of 2026-06-10.
ENTRIES: tuple[Entry, ...] = (
    # -- ranges ---------------------------------------------------------------
    Entry(
        0, 999, Kind.RANGE, 'Not used',
        'No meaning is defined for these values, and the registry does not cover them.',
        _rfc('7.4.2'), wire=False, label='not used', procedure='none',
    ),
    Entry(
        1000, 2999, Kind.RANGE, 'Protocol and extensions',
        'Codes for the WebSocket protocol itself, its revisions, and extensions '
        'with a permanent public specification.',
        (*_rfc('7.4.2'), _iana()), wire=None, label='protocol range',
        procedure=_IETF_PROCEDURE,
    ),
    Entry(
        3000, 3999, Kind.RANGE, 'Libraries, frameworks and applications',
        'Codes that libraries, frameworks and applications register directly with '
        'IANA; RFC 6455 gives them no meaning of its own.',
        (*_rfc('7.4.2'), _iana()), customizable=True, label='registered range',
        procedure=_IANA_PROCEDURE,
    ),
    Entry(
        4000, 4999, Kind.RANGE, 'Private use',
        'Codes whose meaning two applications agree on between themselves; '
        'they cannot be registered.',
        _rfc('7.4.2'), customizable=True, label='private use', procedure='Private Use',
    ),
    Entry(
        5000, MAX_CODE, Kind.RANGE, 'Undefined',
        'Values that fit the 16-bit status field, but that no range defines; '
        'libraries reject them.',
        _rfc('5.5.1', '7.4.2'), wire=False, label='undefined', procedure='none',
    ),
    # -- IANA's unassigned gaps -----------------------------------------------
    Entry(
        1016, 2999, Kind.UNASSIGNED, 'Unassigned',
        'Not yet assigned; a new code here needs IETF review.',
        (_iana(),), iana_name='Unassigned', wire=False, label='unassigned',
        procedure=_IETF_PROCEDURE,
    ),
    *(
        Entry(
            first, last, Kind.UNASSIGNED, 'Unassigned',
            'Not yet assigned; a library, framework or application can register '
            'a code here with IANA.',
            (_iana(),), iana_name='Unassigned', customizable=True, label='unassigned',
            procedure=_IANA_PROCEDURE,
        )
        for first, last in ((3001, 3002), (3004, 3007), (3009, 3999))
    ),
    # -- registered codes -----------------------------------------------------
    Entry(
        1000, 1000, Kind.CODE, 'Normal Closure',
        'The connection did what it was opened for and is being shut down normally.',
        _rfc('7.4.1'), iana_name='Normal Closure', constant='NORMAL_CLOSURE',
        blog_codename='CLOSE_NORMAL',
    ),
    Entry(
        1001, 1001, Kind.CODE, 'Going Away',
        'An endpoint is leaving, such as a server shutting down or a browser '
        'navigating away from the page.',
        _rfc('7.4.1'), iana_name='Going Away', constant='GOING_AWAY',
        blog_codename='CLOSE_GOING_AWAY',
        notes=('Either endpoint may send it, not only the client.',),
    ),
    Entry(
        1002, 1002, Kind.CODE, 'Protocol error',
        'The endpoint is closing because the peer broke the WebSocket protocol '
        'in some way.',
        _rfc('7.4.1'), iana_name='Protocol error', constant='PROTOCOL_ERROR',
        blog_codename='CLOSE_PROTOCOL_ERROR',
        notes=('It covers any protocol error, not only malformed frames.',),
    ),
    Entry(
        1003, 1003, Kind.CODE, 'Unsupported Data',
        'The endpoint got a kind of data it cannot accept, such as binary data '
        'at an endpoint that only understands text.',
        _rfc('7.4.1'), iana_name='Unsupported Data', constant='UNSUPPORTED_DATA',
        blog_codename='CLOSE_UNSUPPORTED',
    ),
    Entry(
        1004, 1004, Kind.CODE, 'Reserved',
        'Held back for a meaning that may be defined later; it has none today, '
        'and libraries refuse it in a Close frame.',
        _rfc('7.4.1'), iana_name='Reserved', constant='RESERVED', wire=False,
        notes=('RFC 6455 section 11.7 printed the name as "---Reserved----".',),
    ),
    Entry(
        1005, 1005, Kind.CODE, 'No Status Rcvd',
        'Reported locally when a Close frame arrived that carried no status code.',
        _rfc('7.4.1', '7.1.5'), iana_name='No Status Rcvd', constant='NO_STATUS_RCVD',
        blog_codename='CLOSED_NO_STATUS', aliases=('CLOSE_NO_STATUS',),
        wire=False, internal=True,
        notes=(
            _NEVER_SENT,
            'The blog\u2019s CLOSED_NO_STATUS is a typo of old MDN\u2019s CLOSE_NO_STATUS.',
        ),
    ),
    Entry(
        1006, 1006, Kind.CODE, 'Abnormal Closure',
        'Reported locally when the connection ended without any Close frame '
        'being sent or received.',
        _rfc('7.4.1', '7.1.5'), iana_name='Abnormal Closure', constant='ABNORMAL_CLOSURE',
        blog_codename='CLOSE_ABNORMAL', wire=False, internal=True, notes=(_NEVER_SENT,),
    ),
    Entry(
        1007, 1007, Kind.CODE, 'Invalid frame payload data',
        'A message held data that does not match its type, such as a text '
        'message that is not valid UTF-8.',
        _rfc('7.4.1'), iana_name='Invalid frame payload data',
        constant='INVALID_FRAME_PAYLOAD_DATA', blog_codename='Unsupported payload',
    ),
    Entry(
        1008, 1008, Kind.CODE, 'Policy Violation',
        'A message broke the endpoint\u2019s policy; the generic choice when no more '
        'specific code fits or the details should stay private.',
        _rfc('7.4.1'), iana_name='Policy Violation', constant='POLICY_VIOLATION',
        blog_codename='Policy violation',
    ),
    Entry(
        1009, 1009, Kind.CODE, 'Message Too Big',
        'A message is larger than the endpoint is willing to process.',
        _rfc('7.4.1'), iana_name='Message Too Big', constant='MESSAGE_TOO_BIG',
        blog_codename='CLOSE_TOO_LARGE',
        notes=('It is about a whole message, not a single frame.',),
    ),
    Entry(
        1010, 1010, Kind.CODE, 'Mandatory Ext.',
        'The client needed extensions that the server did not agree to in the '
        'handshake; the reason lists them.',
        _rfc('7.4.1'), iana_name='Mandatory Ext.', constant='MANDATORY_EXTENSION',
        blog_codename='Mandatory extension',
        notes=('Clients send it; a server fails the handshake instead.',),
    ),
    Entry(
        1011, 1011, Kind.CODE, 'Internal Error',
        'The endpoint hit an unexpected condition that kept it from handling '
        'the request.',
        (*_rfc('7.4.1'), _iana('IANA, citing RFC Errata 3227')),
        iana_name='Internal Error', constant='INTERNAL_ERROR', blog_codename='Server error',
        aliases=('Internal Server Error',),
        notes=('RFC 6455 section 11.7 first named it Internal Server Error.',),
    ),
    Entry(
        1012, 1012, Kind.CODE, 'Service Restart',
        'The server is restarting; a client may reconnect after a short, '
        'randomized delay.',
        (_iana('IANA registration'),), iana_name='Service Restart',
        constant='SERVICE_RESTART', blog_codename='Service restart',
        notes=(_AFTER_RFC,),
    ),
    Entry(
        1013, 1013, Kind.CODE, 'Try Again Later',
        'The server cannot serve the client for now, for example when it is '
        'overloaded; the client may retry later.',
        (_iana('IANA registration'),), iana_name='Try Again Later',
        constant='TRY_AGAIN_LATER', blog_codename='Try again later',
        notes=(_AFTER_RFC,),
    ),
    Entry(
        1014, 1014, Kind.CODE, 'Bad Gateway',
        'A gateway or proxy got an invalid response from the server behind it, '
        'as with HTTP status 502.',
        (_iana('IANA registration (2016-10-10)'),), constant='BAD_GATEWAY',
        blog_codename='Bad gateway',
        notes=(
            'IANA\u2019s entry is a sentence, not a short name; "Bad Gateway" is '
            'the name MDN and libraries use.',
            _AFTER_RFC,
        ),
    ),
    Entry(
        1015, 1015, Kind.CODE, 'TLS handshake',
        'Reported locally when the TLS handshake failed, for example because '
        'the server certificate could not be verified.',
        _rfc('7.4.1'), iana_name='TLS handshake', constant='TLS_HANDSHAKE',
        blog_codename='TLS handshake fail', wire=False, internal=True, notes=(_NEVER_SENT,),
    ),
    Entry(
        3000, 3000, Kind.CODE, 'Unauthorized',
        'The endpoint needs the peer to authenticate before it goes on.',
        (_iana('IANA registration (2021-09-06)'),), iana_name='Unauthorized',
        constant='UNAUTHORIZED', notes=(_NO_SPECIFICATION,),
    ),
    Entry(
        3003, 3003, Kind.CODE, 'Forbidden',
        'The peer is known, but is not allowed to do what it asked.',
        (_iana('IANA registration (2023-02-22)'),), iana_name='Forbidden',
        constant='FORBIDDEN', notes=(_NO_SPECIFICATION,),
    ),
    Entry(
        3008, 3008, Kind.CODE, 'Timeout',
        'The endpoint stopped waiting, for example for a reply or for any activity.',
        (_iana('IANA registration (2024-02-01)'),), iana_name='Timeout',
        constant='TIMEOUT', notes=(_NO_SPECIFICATION,),
    ),
)

#: The bundled registry.
#: Reconnect advice where an IANA registration's own reference gives it: the
#: reference of 1012 and 1013 is a post to the IETF hybi mailing list
#: (docs/sources.rst); the notes are this project's words for what it says.
_ADVICE = {
    1012: ('later', 'A client may reconnect; if it does, after a random delay of 5 to 30 '
                    'seconds.'),
    1013: ('no', 'The server is overloaded: a client may connect to another address of the '
                 'same host, and reconnects to the same address only when its user asks.'),
}
ENTRIES = tuple(
    entry._replace(reconnect=_ADVICE[entry.first][0],
                   reconnect_note=_ADVICE[entry.first][1])
    if entry.kind is Kind.CODE and entry.first in _ADVICE else entry
    for entry in ENTRIES
)

REGISTRY = Registry(ENTRIES)


def place_custom(code: int) -> CustomPlacement:
    """Where a project's own *code* falls in the bundled registry."""
    if not 1000 <= code <= 4999:
        return CustomPlacement.OUTSIDE
    entry = REGISTRY.lookup(code)
    if entry.kind is Kind.CODE:
        return CustomPlacement.REGISTERED
    if code >= 4000:
        return CustomPlacement.PRIVATE
    if code >= 3000:
        return CustomPlacement.REGISTRABLE
    return CustomPlacement.IETF
