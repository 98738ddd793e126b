"""What a mention that names no code probably meant: the hint of its warning.

Pure (no Sphinx), and asked only when a mention fails, so valid input pays
nothing.  :func:`hint_for` answers, in order of certainty:

* a library's namespace with a name that the registry knows: that library's
  own constant for the code (``aiohttp calls 1007 WSCloseCode.INVALID_TEXT``),
  or that it has none (``aiohttp has no constant for 1005``);
* a library's namespace with a name close to one of its constants: that
  constant and its code;
* else the closest known spellings, for "did you mean".

The answers are stable: ties are broken by the order of the libraries and
by the spellings' sort order.
"""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING, NamedTuple

from sphinxext_wsclose.libraries import LIBRARIES
from sphinxext_wsclose.registry import AmbiguousNameError, Kind, normalize_name

if TYPE_CHECKING:
    from sphinxext_wsclose.libraries import Library
    from sphinxext_wsclose.registry import Entry, Registry

#: How alike two spellings must be (difflib's ratio) to be offered.
_CLOSE = 0.75
#: How many "did you mean" spellings are offered at most.
_OFFERED = 3


class Hint(NamedTuple):
    """One hint: its kind, and what the message needs."""

    #: ``'calls'`` (the library's constant for the code), ``'lacks'`` (the
    #: library has no constant for it), or ``'close'`` (spellings to offer).
    kind: str
    #: The library's name, for ``'calls'`` and ``'lacks'``.
    library: str = ''
    #: The code, as ``'1007 Invalid frame payload data'``.
    code: str = ''
    #: The library's spelling (``'calls'``), or the spellings offered (``'close'``).
    spellings: tuple[str, ...] = ()


def hint_for(registry: Registry, target: str) -> Hint | None:
    """The hint for *target*, a mention's target that names no code; ``None`` if none."""
    text = target.strip()
    for library in LIBRARIES:
        name = _after_namespace(library, text)
        if name:
            found = _in_library(registry, library, name)
            if found is not None:
                return found
    offered = _closest(registry, text)
    return Hint('close', spellings=offered) if offered else None


def _after_namespace(library: Library, text: str) -> str:
    """The part of *text* after one of *library*'s namespaces, or ``''``."""
    for prefix in sorted(filter(None, (library.namespace, *library.prefixes)), key=len,
                         reverse=True):
        if text.startswith(prefix) and len(text) > len(prefix):
            return text[len(prefix):]
    return ''


def _in_library(registry: Registry, library: Library, name: str) -> Hint | None:
    """What *library* calls the code that *name* stands for, or the constant *name* is like."""
    try:
        entry: Entry | None = registry.find(name)
    except AmbiguousNameError:
        entry = None
    if entry is not None and entry.kind is Kind.CODE:
        constant = library.constants.get(entry.first)
        if constant is None:
            return Hint('lacks', library.name, entry.display) if library.accepts is None else None
        return Hint('calls', library.name, entry.display, (library.qualified(constant),))
    constants = {constant: code for code, constant in sorted(library.constants.items())}
    close = difflib.get_close_matches(name, list(constants), n=1, cutoff=_CLOSE)
    if not close:
        return None
    code = registry.get(str(constants[close[0]]))
    shown = code.display if code is not None else str(constants[close[0]])
    return Hint('calls', library.name, shown, (library.qualified(close[0]),))


def _closest(registry: Registry, text: str) -> tuple[str, ...]:
    """The known spellings most like *text*, one per code: qualified ones for a qualified target."""
    qualified = '.' in text or '::' in text
    # Compared folded (case, spaces, hyphens, underscores), offered as written.
    by_folded: dict[str, tuple[str, str]] = {}
    for entry in registry:
        if entry.is_range:
            continue
        names = entry.spellings() if qualified else entry.names()
        for name in sorted(filter(None, names)):
            by_folded.setdefault(normalize_name(name), (name, entry.key))
    close = difflib.get_close_matches(normalize_name(text), sorted(by_folded), n=4 * _OFFERED,
                                      cutoff=_CLOSE)
    offered: dict[str, str] = {}  # one spelling per code, the closest first
    for folded in close:
        name, key = by_folded[folded]
        offered.setdefault(key, name)
    return tuple(offered.values())[:_OFFERED]
