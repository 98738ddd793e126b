"""The model of the WebSocket close code registry: entries, and the questions they answer.

This module imports nothing from Sphinx or docutils.  An :class:`Entry` is a
code, a range or an unassigned gap; a :class:`Registry` orders entries (the
bundled ones of :mod:`sphinxext_wsclose.bundled`, plus a project's own codes)
and answers three questions:

* which entry describes a number (:meth:`Registry.lookup`): the exact code,
  or else the most specific range or unassigned gap that contains it;
* which entry a name stands for (:meth:`Registry.find`): the display name,
  IANA's name, the common constant, the blog table's codename, or a
  constant of a library (:mod:`sphinxext_wsclose.libraries`) or of the
  project's own code, bare or qualified (``WSCloseCode.GOING_AWAY``),
  compared regardless of case, spaces, hyphens and underscores; a name that
  stands for several codes is never guessed (:exc:`AmbiguousNameError`);
* what a role target written by a user means (:meth:`Registry.parse`).
"""

from __future__ import annotations

import copy
import dataclasses
import enum
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import cached_property
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from sphinxext_wsclose.values import (
    MAX_CODE,
    InvalidCodeError,
    LazyPattern,
    Record,
    browser_accepts_span,
    is_number,
    parse_int,
)

if TYPE_CHECKING:
    from typing_extensions import Self


class Kind(enum.Enum):
    """What an entry of the registry is."""

    #: A single registered code, such as 1008.
    CODE = 'code'
    #: A range that RFC 6455 section 7.4.2 defines, such as 4000-4999.
    RANGE = 'range'
    #: A stretch that IANA lists as unassigned, such as 1016-2999.
    UNASSIGNED = 'unassigned'
    #: A code that the documented project defines for itself, such as 4001.
    CUSTOM = 'custom'
    #: A code of a protocol's set (:mod:`~sphinxext_wsclose.sets`), such as
    #: Discord's 4004; its key names the set: ``'discord-gateway:4004'``.
    SET_CODE = 'set-code'
    #: A stretch of codes that a protocol gives one meaning (Pusher's 4100-4199).
    SET_RANGE = 'set-range'


class CustomPlacement(enum.Enum):
    """Where a project's own code falls, from fine to refused."""

    #: 4000-4999: private use, where a project's own codes belong.
    PRIVATE = 'private'
    #: An unassigned code in 3000-3999, which IANA registers first come, first served.
    REGISTRABLE = 'registrable'
    #: An unassigned code in 1000-2999, which only the IETF assigns.
    IETF = 'ietf'
    #: A code that is already registered, such as 1008.
    REGISTERED = 'registered'
    #: Outside 1000-4999, where no range defines codes.
    OUTSIDE = 'outside'


class Reference(Record):
    """A source for an entry: its label and the address it links to."""

    __slots__ = ()
    label: str
    url: str


class Entry(Record):
    """One row of the registry: a registered code, a range, or a gap.

    The flags answer the blog table's questions with correct values:

    ``wire``
        Whether an endpoint may put the code in a Close frame.  ``None`` on
        a range whose codes differ (1000-2999).
    ``internal``
        Whether implementations *report the code locally* instead of
        receiving it: only 1005, 1006 and 1015, which RFC 6455 forbids in a
        Close frame.
    ``customizable``
        Whether a project can give codes here a meaning of its own without
        IETF action: by a first-come-first-served IANA registration
        (3000-3999) or by private agreement (4000-4999).

    A :class:`~sphinxext_wsclose.values.Record`, not a frozen dataclass, which
    compiled six methods at every build's start (about 10 M instructions);
    like one, it cannot be changed (:meth:`_replace` makes a changed copy).
    Unlike the other records it has a ``__dict__``, for its cached properties.
    """

    first: int
    last: int
    kind: Kind
    #: Short display name, as the table and the role show it.
    name: str
    #: One sentence in this project's own words.
    description: str
    references: tuple[Reference, ...]
    #: IANA's name for the entry, where IANA gives a short one.
    iana_name: str | None = None
    #: The constant most libraries use, such as ``POLICY_VIOLATION``.
    constant: str | None = None
    #: The codename in the blog table the project started from.
    blog_codename: str | None = None
    wire: bool | None = True
    internal: bool = False
    customizable: bool = False
    #: Other names users know the entry by (older constants).
    aliases: tuple[str, ...] = ()
    #: For ranges: how a code inside the range is described in running
    #: text, as in "4001 (private use)".
    label: str = ''
    #: For ranges: who assigns codes here, and how.
    procedure: str = ''
    #: Corrections to the blog table, or facts a reader should know.
    notes: tuple[str, ...] = ()
    #: For a project's own code: how its code spells the constant, qualified
    #: (``'ChatClose.TOKEN_EXPIRED'``, ``'chatproto.ChatClose.TOKEN_EXPIRED'``).
    qualified: tuple[str, ...] = ()
    #: For a project's own code: the Python object that defines it, as
    #: autodoc names it (``'chatproto.ChatClose.TOKEN_EXPIRED'``).
    python: str | None = None
    #: For a code of a protocol's set: the set's name (``'discord-gateway'``).
    set: str = ''
    #: Whether a client should reconnect after the code: one of
    #: :data:`~sphinxext_wsclose.values.RECONNECT` (``''``: the source does not say).
    reconnect: str = ''
    #: More on reconnecting, in this project's words.
    reconnect_note: str = ''
    #: Who sends the code: ``'server'``, ``'client'``, ``'either'`` or ``''``.
    direction: str = ''
    #: For a project's own code: the version that added it (``'2.1'``).
    since: str = ''
    #: For a project's own code: the version that deprecated it (``'3.0'``).
    deprecated: str = ''
    #: For a deprecated code: the mention target of the code to use instead.
    replacement: str = ''

    def __new__(cls, *args: Any, **kwargs: Any) -> Self:
        entry = super().__new__(cls, *args, **kwargs)
        if not 0 <= entry.first <= entry.last <= MAX_CODE:
            msg = f'bad bounds {entry.first}-{entry.last} for {entry.name!r}'
            raise ValueError(msg)
        if not entry.is_range and entry.first != entry.last:
            msg = f'code entry {entry.name!r} spans {entry.first}-{entry.last}'
            raise ValueError(msg)
        return entry

    def __setattr__(self, name: str, value: object) -> None:
        raise dataclasses.FrozenInstanceError(f'cannot assign to field {name!r}')

    def __delattr__(self, name: str) -> None:
        raise dataclasses.FrozenInstanceError(f'cannot delete field {name!r}')

    @property
    def is_range(self) -> bool:
        """True for ranges, unassigned gaps, and the ranges of a protocol's set."""
        return self.kind in _RANGE_KINDS

    @cached_property
    def key(self) -> str:
        """The stable identifier: ``'1008'``, ``'4000-4999'``, ``'discord-gateway:4004'``."""
        code = f'{self.first}-{self.last}' if self.is_range else str(self.first)
        return f'{self.set}:{code}' if self.set else code

    @cached_property
    def code_text(self) -> str:
        """The code as printed: ``'1008'`` or ``'4000\u20134999'``."""
        if self.is_range:
            return f'{self.first}\u2013{self.last}'
        return str(self.first)

    @cached_property
    def display(self) -> str:
        """The code and its name: ``'1008 Policy Violation'``."""
        return f'{self.code_text} {self.name}'

    @property
    def browser(self) -> bool | None:
        """Whether a browser's ``close(code)`` accepts the code; ``None`` on a mixed range."""
        return browser_accepts_span(self.first, self.last)

    def __contains__(self, code: object) -> bool:
        return isinstance(code, int) and self.first <= code <= self.last

    def format(self, template: str) -> str:
        """Fill a role format such as ``'{code} {name}'`` for this entry.

        A template that does not fit this entry (``'{constant[0]}'`` for a
        code without a constant) gives :attr:`display` instead of an error.
        """
        try:
            return template.format(
                code=self.code_text, name=self.name, constant=self.constant or ''
            )
        except (ValueError, KeyError, IndexError, AttributeError, TypeError):
            return self.display

    def names(self) -> tuple[str, ...]:
        """Every name that :meth:`Registry.find` accepts for this entry.

        Its own names and constants, then the libraries' spellings of the code.
        """
        found = self._own_names()
        if self.kind is Kind.CODE:
            # The records load when a name is first looked up, not at start-up.
            from sphinxext_wsclose.libraries import spellings  # noqa: PLC0415

            found = (*found, *spellings(self.first))
        return tuple(dict.fromkeys(found))

    def spellings(self, *, listed_only: bool = False) -> tuple[str, ...]:
        """The qualified ways code writes this code (``'WSCloseCode.GOING_AWAY'``).

        Its own names with a dot in them, then the libraries' qualified
        spellings, whatever their separator (``'CloseCode::Normal'``); with
        *listed_only*, only those of the libraries listed by default.
        """
        found = tuple(name for name in self._own_names() if '.' in name.rstrip('.'))
        if self.kind is Kind.CODE:
            from sphinxext_wsclose.libraries import qualified_spellings  # noqa: PLC0415

            found = (*found, *qualified_spellings(self.first, listed_only=listed_only))
        return tuple(dict.fromkeys(found))

    def _own_names(self) -> tuple[str, ...]:
        """The entry's own names and constants, without the libraries' spellings."""
        found = (
            self.name, self.iana_name, self.constant, self.blog_codename, *self.aliases,
            *self.qualified,
        )
        return tuple(name for name in found if name)


#: The kinds of entries that span several codes.
_RANGE_KINDS = frozenset({Kind.RANGE, Kind.UNASSIGNED, Kind.SET_RANGE})


class Parsed(Record):
    """What a role target means, once :meth:`Registry.parse` has read it.

    ``entry`` is the row it links to.  ``code`` is the number the user wrote
    when it is not the entry itself: 4001 inside the 4000-4999 range.
    """

    __slots__ = ()
    entry: Entry
    code: int | None = None

    @property
    def key(self) -> str:
        """The cross-reference target: the code written, or the entry's key.

        A code inside a set's range keeps the set's name: ``'pusher:4050'``.
        """
        if self.code is None:
            return self.entry.key
        return f'{self.entry.set}:{self.code}' if self.entry.set else str(self.code)

    @property
    def text(self) -> str:
        """Default link text: ``'1008 Policy Violation'``, ``'4001 (private use)'``."""
        if self.code is None:
            return self.entry.display
        return f'{self.code} ({self.entry.label})'


class Spelling(Record):
    """How a project's code writes a registered code (``ChatClose.NORMAL``)."""

    __slots__ = ()
    qualified: tuple[str, ...]
    aliases: tuple[str, ...]
    #: The Python object, as autodoc names it.
    python: str


class AmbiguousNameError(InvalidCodeError):
    """A name that stands for more than one code: ``candidates``, in code order."""

    def __init__(self, name: str, candidates: tuple[Entry, ...]) -> None:
        self.name = name
        self.candidates = candidates
        codes = ', '.join(entry.display for entry in candidates)
        super().__init__(f'{name!r} names more than one close code: {codes}')


#: How many answers a registry keeps of each kind: far more than a project asks.
_CACHE_SIZE = 10_000
_RANGE = LazyPattern(r'([0-9]+)\s*[-\u2013\u2014]\s*([0-9]+)')
_SEPARATORS = LazyPattern(r'[\s_\-]+')
_DOTS = LazyPattern(r'\s*\.\s*')


def normalize_name(name: str) -> str:
    """Fold a name for comparison: case, spaces, hyphens and underscores.

    ``'Policy Violation'``, ``'policy-violation'``, ``'POLICY_VIOLATION'``
    and ``'PolicyViolation'`` all fold to ``'policyviolation'``.  Dots,
    which qualify a constant (``WSCloseCode.GOING_AWAY``), stay.  A name
    made only of separators folds to ``''``, which matches nothing.
    """
    return _SEPARATORS.sub('', _DOTS.sub('.', name.strip().casefold()))


def readable_name(constant: str) -> str:
    """A display name for a constant, in sentence case.

    ``'TOKEN_EXPIRED'`` and ``'TokenExpired'`` give ``'Token expired'``;
    ``'TLSHandshakeFailed'`` gives ``'TLS handshake failed'``; letters of any
    script count (``'Überfüllt'`` gives ``'Überfüllt'``).
    """
    if '_' in constant or constant.isupper():
        words = [word.lower() for word in re.split(r'[_\s]+', constant) if word]
    else:
        words = [word if word.isupper() and len(word) > 1 else word.lower()
                 for word in _camel_words(constant)]
    text = ' '.join(words) or constant.strip()
    return text[:1].upper() + text[1:]


def _camel_words(text: str) -> list[str]:
    """``'TLSHandshakeFailed'`` as ``['TLS', 'Handshake', 'Failed']``, in any script."""
    words: list[str] = []
    start = 0
    for n in range(1, len(text)):
        before, here = text[n - 1], text[n]
        after = text[n + 1] if n + 1 < len(text) else ''
        if here.isspace() or (here.isupper() and (before.islower() or before.isdigit()
                                                  or (before.isupper() and after.islower()))):
            words.append(text[start:n])
            start = n
    words.append(text[start:])
    return [word.strip() for word in words if word.strip()]


class LazySets(Mapping[str, 'Registry']):
    """The protocols' sets, by name, built on first use.

    Most projects turn on no set and never write ``set:code``: they should
    not pay for building the sets' registries at start-up.
    """

    def __init__(self, build: Callable[[], Mapping[str, Registry]]) -> None:
        self._build: Callable[[], Mapping[str, Registry]] | None = build
        self._built: Mapping[str, Registry] = MappingProxyType({})

    def _sets(self) -> Mapping[str, Registry]:
        if self._build is not None:
            self._built = MappingProxyType(dict(self._build()))
            self._build = None
        return self._built

    def __getitem__(self, name: str) -> Registry:
        return self._sets()[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._sets())

    def __len__(self) -> int:
        return len(self._sets())

    def __contains__(self, name: object) -> bool:
        return name in self._sets()


def _frozen_sets(sets: Mapping[str, Registry] | None) -> Mapping[str, Registry]:
    """*sets* as a registry keeps them: read-only, and still lazy if they were."""
    if isinstance(sets, LazySets):
        return sets
    return MappingProxyType(dict(sets or {}))


class Registry:
    """An immutable, ordered collection of :class:`Entry` objects."""

    def __init__(
        self,
        entries: Iterable[Entry],
        sets: Mapping[str, Registry] | None = None,
        turned_on: Iterable[str] = (),
    ) -> None:
        """*entries* are the rows; *sets* the protocols' sets by name, each a
        registry of its own; the *turned_on* sets' codes also answer a bare
        number or name (:meth:`parse`) where no row of *entries* does.
        """
        ordered = sorted(entries, key=lambda entry: (entry.first, -entry.last))
        self._sets: Mapping[str, Registry] = _frozen_sets(sets)
        self._turned_on = tuple(name for name in turned_on if name in self._sets)
        self._entries: tuple[Entry, ...] = tuple(ordered)
        by_key: dict[str, Entry] = {}
        #: The single codes by number, and the ranges: a look-up of a number
        #: tries its own entry and the few ranges, never every code.
        at: dict[int, tuple[Entry, ...]] = {}
        ranges: list[Entry] = []
        for entry in self._entries:
            if entry.key in by_key:
                msg = f'two entries for {entry.key}'
                raise ValueError(msg)
            by_key[entry.key] = entry
            if entry.is_range:
                ranges.append(entry)
                continue
            at[entry.first] = (*at.get(entry.first, ()), entry)
        # A turned-on set's codes by number, behind the rows.
        set_at: dict[int, tuple[Entry, ...]] = {}
        set_ranges: list[Entry] = []
        for name in self._turned_on:
            for entry in self._sets[name]:
                if entry.is_range:
                    set_ranges.append(entry)
                    continue
                set_at[entry.first] = (*set_at.get(entry.first, ()), entry)
        self._set_at: Mapping[int, tuple[Entry, ...]] = MappingProxyType(set_at)
        self._set_ranges: tuple[Entry, ...] = tuple(set_ranges)
        self._at: Mapping[int, tuple[Entry, ...]] = MappingProxyType(at)
        self._ranges: tuple[Entry, ...] = tuple(ranges)
        self._by_key: Mapping[str, Entry] = MappingProxyType(by_key)
        #: Every name, folded (:meth:`_names`): built when a name is first
        #: looked up, as most builds mention codes only by number.
        self._by_name: Mapping[str, tuple[Entry, ...]] | None = None
        # The registry never changes, so answers are kept: a project mentions
        # the same few codes thousands of times.
        self._containing: dict[int, tuple[Entry, ...]] = {}
        self._containing_keys: dict[int, tuple[str, ...]] = {}
        self._parsed: dict[str, Parsed | InvalidCodeError] = {}

    def extended(self, entries: Iterable[Entry]) -> Registry:
        """A new registry with *entries* added (a project's own codes); this one if none."""
        added = tuple(entries)
        if not added:
            return self
        return Registry((*self._entries, *added), self._sets, self._turned_on)

    def with_sets(
        self, sets: Mapping[str, Registry], turned_on: Iterable[str] = ()
    ) -> Registry:
        """A new registry that knows the protocols' *sets*, with *turned_on* ones answering
        bare numbers and names."""
        turned = tuple(name for name in turned_on if name in sets)
        if turned or self._turned_on:
            return Registry(self._entries, sets, turned)
        # No set answers a bare target: the same rows and names, and the
        # sets for qualified targets; only the answers kept are new.
        found = copy.copy(self)
        found._sets = _frozen_sets(sets)
        found._containing, found._containing_keys, found._parsed = {}, {}, {}
        return found

    @property
    def sets(self) -> Mapping[str, Registry]:
        """Every set this registry knows, by name: each a registry of that set's codes."""
        return self._sets

    @property
    def turned_on(self) -> tuple[str, ...]:
        """The sets whose codes answer a bare number or name, in the order given."""
        return self._turned_on

    def spelled(self, spellings: Mapping[str, Spelling]) -> Registry:
        """A new registry in which the project's code spells some entries its own way.

        A member of a project's enum whose value is a registered code, such as
        ``ChatClose.NORMAL = 1000``, is one more name of that code.
        """
        if not spellings:
            return self
        return Registry((
            entry._replace(
                qualified=(*entry.qualified, *spellings[entry.key].qualified),
                aliases=(*entry.aliases, *spellings[entry.key].aliases),
                python=spellings[entry.key].python,
            )
            if entry.key in spellings else entry
            for entry in self._entries
        ), self._sets, self._turned_on)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def __getitem__(self, key: str) -> Entry:
        """The entry with this key: ``registry['1008']``, ``registry['4000-4999']``."""
        return self._by_key[key]

    def get(self, key: str) -> Entry | None:
        """The entry with this key, or ``None``; a set's key (``'pusher:4001'``) asks its set."""
        found = self._by_key.get(key)
        if found is None and ':' in key:
            codes = self._sets.get(key.partition(':')[0])
            return codes.get(key) if codes is not None else None
        return found

    def containing(self, code: object) -> tuple[Entry, ...]:
        """Every entry that contains *code*, the most specific first."""
        number = parse_int(code)
        found = self._containing.get(number)
        if found is None:
            inside = [*self._at.get(number, ()),
                      *(entry for entry in self._ranges if number in entry)]
            found = tuple(sorted(inside, key=lambda entry: entry.last - entry.first))
            if len(self._containing) < _CACHE_SIZE:
                self._containing[number] = found
        return found

    def containing_keys(self, code: object) -> tuple[str, ...]:
        """The keys of :meth:`containing`: ``('1008', '1000-2999')``."""
        number = parse_int(code)
        found = self._containing_keys.get(number)
        if found is None:
            found = tuple(entry.key for entry in self.containing(number))
            if len(self._containing_keys) < _CACHE_SIZE:
                self._containing_keys[number] = found
        return found

    def enclosing_ranges(self, entry: Entry) -> tuple[Entry, ...]:
        """The ranges that hold *entry* wholly, narrowest first, without *entry* itself.

        For 4001 (or 4001-4010): 4000-4999; for 1008: 1000-2999.
        """
        return tuple(
            other for other in self.containing(entry.first)
            if other is not entry and other.is_range
            and other.first <= entry.first and entry.last <= other.last
        )

    def enclosing_range(
        self, entry: Entry, kinds: tuple[Kind, ...] = (Kind.RANGE, Kind.UNASSIGNED)
    ) -> Entry | None:
        """The narrowest of :meth:`enclosing_ranges` of one of *kinds*.

        With ``(Kind.RANGE,)``, the RFC 6455 range: 3000-3999 for 3500, where
        the narrowest range is the unassigned 3009-3999.
        """
        return next((other for other in self.enclosing_ranges(entry) if other.kind in kinds),
                    None)

    def lookup(self, code: object) -> Entry:
        """The entry for *code*: the code itself, or the narrowest range around it.

        Every number in 0-65535 has an entry; anything else raises
        :exc:`InvalidCodeError`.
        """
        return self.containing(code)[0]

    def _in_turned_on(self, number: int) -> tuple[Entry, ...]:
        """The turned-on sets' codes at *number*, or else their ranges around it."""
        exact = self._set_at.get(number, ())
        if exact:
            return exact
        return tuple(entry for entry in self._set_ranges if number in entry)

    def parse_in_set(self, name: str, text: str) -> Parsed:
        """Read the part after ``name:`` of a target, in this registry of one set's codes.

        A number is the set's code, or a code inside one of its ranges; else a
        name or a library constant of the set.  Raises :exc:`InvalidCodeError`.
        """
        stripped = text.strip()
        if is_number(stripped):
            number = parse_int(stripped)
            exact = self._at.get(number, ())
            if exact:
                return Parsed(exact[0])
            around = next((entry for entry in self._ranges if number in entry), None)
            if around is not None:
                return Parsed(around, number)
            codes = ', '.join(entry.code_text for entry in self._entries)
            msg = f'{name}:{stripped}: the set {name} has no code {number}; its codes are {codes}'
            raise InvalidCodeError(msg)
        if (match := _RANGE.fullmatch(stripped)) and (
                span := self.get(f'{name}:{int(match[1])}-{int(match[2])}')) is not None:
            return Parsed(span)
        named = self.find(stripped)
        if named is not None:
            return Parsed(named)
        msg = f'{name}:{stripped}: the set {name} has no code of that name'
        raise InvalidCodeError(msg)

    def _names(self) -> Mapping[str, tuple[Entry, ...]]:
        """The name index: each folded name, and the codes it stands for.

        The rows' names first, then those of the turned-on sets' codes.
        """
        if self._by_name is None:
            by_name: dict[str, tuple[Entry, ...]] = {}
            for entry in self._entries:
                if not entry.is_range:
                    _index_names(by_name, entry)
            for name in self._turned_on:
                for entry in self._sets[name]:
                    if not entry.is_range:
                        _index_names(by_name, entry)
            self._by_name = MappingProxyType(by_name)
        return self._by_name

    def find(self, name: str) -> Entry | None:
        """The code called *name*, or ``None``; see :func:`normalize_name`.

        Raises :exc:`AmbiguousNameError` when *name* stands for several codes.
        """
        found = self._names().get(normalize_name(name), ())
        if len(found) > 1 and any(not entry.set for entry in found):
            # A registered code's name, or the project's own, before a set's:
            # as a bare number is (``Unauthorized`` is 3000).
            found = tuple(entry for entry in found if not entry.set)
        if len(found) > 1:
            raise AmbiguousNameError(name.strip(), found)
        return found[0] if found else None

    def clashes(self) -> Iterator[tuple[str, tuple[Entry, ...]]]:
        """Each folded name that stands for several codes, with those codes."""
        for folded, found in self._names().items():
            if len(found) > 1:
                yield folded, found

    def parse(self, text: str) -> Parsed:
        """Read a role target: a number, a range such as ``4000-4999``, or a name.

        Raises :exc:`InvalidCodeError` for anything else, with a message that
        names the input.
        """
        found = self._parsed.get(text)
        if found is None:
            try:
                found = self._parse(text)
            except InvalidCodeError as exc:
                found = exc
            if len(self._parsed) < _CACHE_SIZE:
                self._parsed[text] = found
        if isinstance(found, InvalidCodeError):
            raise found.with_traceback(None)  # a kept error: no stale frames
        return found

    def _parse(self, text: str) -> Parsed:
        stripped = text.strip()
        prefix, colon, rest = stripped.partition(':')
        if colon and (codes := self._sets.get(prefix.strip().casefold())) is not None:
            return codes.parse_in_set(prefix.strip().casefold(), rest)
        if is_number(stripped):
            number = parse_int(stripped)
            entry = self.lookup(number)
            if entry.is_range and (in_sets := self._in_turned_on(number)):
                # Not a row of the registry or the project's: a turned-on set's
                # code, if exactly one set has it (never a guess between two).
                if len(in_sets) > 1:
                    raise AmbiguousNameError(stripped, in_sets)
                found = in_sets[0]
                return Parsed(found, number if found.is_range else None)
            return Parsed(entry, None if not entry.is_range else number)
        if match := _RANGE.fullmatch(stripped):
            try:
                span = self.get(f'{parse_int(match[1])}-{parse_int(match[2])}')
            except InvalidCodeError:
                span = None
            if span is not None:
                return Parsed(span)
        named = self.find(stripped)
        if named is not None:
            return Parsed(named)
        raise unknown_target(text)


def _index_names(by_name: dict[str, tuple[Entry, ...]], entry: Entry) -> None:
    """Add *entry*'s names (:meth:`Entry.names`), folded, to the index *by_name*.

    A qualified name counts with every shorter qualified suffix too, as code
    relative to a module writes it: ``websockets.frames.CloseCode.X`` is also
    ``frames.CloseCode.X``.  A suffix that two codes share is ambiguous, as
    any shared name is.
    """
    for name in entry.names():
        for each in (name, *qualified_suffixes(name)):
            folded = normalize_name(each)
            found = by_name.get(folded, ())
            if folded and entry not in found:
                by_name[folded] = (*found, entry)


#: Where a qualified name may be cut: after a ``.`` or a ``::``.
_QUALIFIERS = LazyPattern(r'\.|::')


def qualified_suffixes(name: str) -> tuple[str, ...]:
    """The shorter names that still carry a qualifier: ``a.b.C.X`` gives ``b.C.X``.

    ``C.X`` itself is the name's shortest qualified form, and is kept; a
    leading ``.`` (Swift's ``.normalClosure``) is no qualifier to cut at.
    """
    cuts = [match.end() for match in _QUALIFIERS.finditer(name) if match.start() > 0]
    return tuple(name[cut:] for cut in cuts[:-1])


def unknown_target(text: str) -> InvalidCodeError:
    """The error for *text*, which is neither a number nor a name that the registry knows."""
    return InvalidCodeError(f'{text!r} is neither a close code number nor a known code name')


def custom_entry(
    code: int,
    name: str,
    description: str = '',
    constant: str | None = None,
    *,
    qualified: tuple[str, ...] = (),
    aliases: tuple[str, ...] = (),
    python: str | None = None,
    facts: Mapping[str, str] | None = None,
) -> Entry:
    """An entry for a code that a project defines for itself.

    *facts* are the optional ``reconnect``, ``direction``, ``since``,
    ``deprecated`` and ``replacement``.
    """
    facts = facts or {}
    return Entry(
        code, code, Kind.CUSTOM, name, description or name, (),
        constant=constant, customizable=False, qualified=qualified, aliases=aliases,
        python=python, reconnect=facts.get('reconnect', ''),
        direction=facts.get('direction', ''), since=facts.get('since', ''),
        deprecated=facts.get('deprecated', ''), replacement=facts.get('replacement', ''),
    )
