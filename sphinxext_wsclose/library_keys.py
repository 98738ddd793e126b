"""The libraries' keys, without their records: what every build needs of them.

:mod:`sphinxext_wsclose.libraries` holds the records, whose classes cost
about 15 M instructions to define; a build reads them only to show or
resolve a library's constant.  The configuration needs the keys at start-up
(the default of ``wsclose_libraries`` and its check), so they are kept here
as well, in library order.  ``tests/test_libraries.py`` checks that they are
those of :data:`~sphinxext_wsclose.libraries.LIBRARIES`: a library added
there is added here too.
"""

from __future__ import annotations

from sphinxext_wsclose.values import LazyPattern

#: Every library's key, in library order: what ``wsclose_libraries`` may name
#: (:func:`sphinxext_wsclose.libraries.keys`).
KEYS = (
    'websockets', 'aiohttp', 'starlette', 'browser', 'jakarta', 'dotnet', 'gorilla',
    'wsproto', 'websocket-client', 'autobahn', 'litestar', 'picows', 'tungstenite', 'coder',
    'java-websocket', 'netty', 'ktor', 'swift',
)

#: The keys of the libraries shown unless chosen otherwise
#: (:func:`sphinxext_wsclose.libraries.listed_keys`).
LISTED_KEYS = ('websockets', 'aiohttp', 'starlette', 'browser', 'jakarta', 'dotnet', 'gorilla')

_LAST_PART = LazyPattern(r'.*(?:\.|::)')


def last_part(spelling: str) -> str:
    """The constant at the end of *spelling*: after its last ``.`` or ``::``.

    ``'aiohttp.WSCloseCode.GOING_AWAY'`` gives ``'GOING_AWAY'``,
    ``'CloseCode::Policy'`` gives ``'Policy'``, ``'.normalClosure'`` gives
    ``'normalClosure'``; a bare constant is its own.
    """
    return _LAST_PART.sub('', spelling, count=1)
