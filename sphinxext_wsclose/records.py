"""The records that the domain stores and the features hand it: plain, picklable tuples.

This module imports nothing from Sphinx or docutils, and of the package only
:class:`~sphinxext_wsclose.values.Record`, the base of its records.  The
domain (:mod:`sphinxext_wsclose.domain`) keeps these records in
``env.domaindata['wsclose']``; the directives, roles and transforms that make
them import them from here, so that data flows one way: features → domain.
Everything here must pickle (the environment is saved between builds, and
``-j`` workers send their domain data back to the main process).
"""

from __future__ import annotations

import enum

from sphinxext_wsclose.values import Record

#: The key that mentions by name depend on: the names of the codes that
#: ``wsclose:code`` descriptions define (see ``CloseCodeDomain.snapshot``).
NAMES = '*names*'
#: The key that closed-by lists depend on: every object's ``:closes:``
#: fields (see ``CloseCodeDomain.snapshot``).
CLOSERS = '*closers*'

#: An entry of the general index, as ``addnodes.index`` holds it:
#: ``(kind, text, target id, main, index key)``.
IndexEntryTuple = tuple[str, str, str, str, str | None]


class Rank(enum.IntEnum):
    """What kind of link target a :class:`Location` is; the lower rank is preferred."""

    #: A ``wsclose:code`` description: the link target of its code, ahead of table rows.
    DEFINITION = 0
    #: A row of a ``wsclose-table``.
    ROW = 1


class Location(Record):
    """Where one link target lives.  Sorted, the preferred target comes first:
    descriptions before table rows, then in document order.
    """

    __slots__ = ()
    rank: Rank
    docname: str
    lineno: int
    node_id: str
    #: The expressions of the ``.. only::`` blocks around it, all of which must hold.
    only: tuple[str, ...] = ()


class Definition(Record):
    """A project's own code, as a ``wsclose:code`` directive defines it."""

    __slots__ = ()
    docname: str
    lineno: int
    name: str
    description: str
    constant: str


class Title(Record):
    """A section title with mentions whose text a ``wsclose:code`` may give."""

    __slots__ = ()
    #: The ids of the section, which its labels point at.
    ids: tuple[str, ...]
    #: Its text as ``:ref:`` shows it, with a slot for each mention.
    template: str
    #: The key of each mention, and the text it was read with.
    slots: tuple[tuple[str, str], ...]


class OnlyEntry(Record):
    """An index entry that a build lists only if it keeps the ``.. only::`` blocks around it."""

    __slots__ = ()
    entry: IndexEntryTuple
    #: The expressions of those blocks, all of which must hold.
    only: tuple[str, ...]


class Reading(Record):
    """What a mention's target means, read once and carried with the mention.

    The role reads what the user wrote (a number, a range, a name, a
    library's spelling) into the key it links to; whoever hands the mention
    on to Sphinx's resolvers puts this record on the ``pending_xref``, and
    the fallbacks, the warnings and the mention's final shape read it there.
    """

    __slots__ = ()
    #: The key it links to: ``'1008'``, ``'4001'``, ``'4000-4999'``, or a
    #: name that only a ``wsclose:code`` description may define.
    key: str
    #: The key of the registry entry the target reads as: ``'4000-4999'``
    #: for 4001; ``''`` for a name that no registry entry has.
    entry: str
    #: The number written, where it lies inside *entry* (a range): 4001.
    code: int | None = None


class Closer(Record):
    """An object whose description declares a code with ``:closes CODE:``."""

    __slots__ = ()
    docname: str
    #: The field's place in the page, which orders a page's closers from top to bottom.
    position: int
    #: The id of the object's signature, which a closed-by list links to.
    node_id: str
    #: The object's name as its domain shows it: ``Room.join()``, ``GET /ws/chat``.
    text: str
    #: Its full name, shown where two objects would read the same: ``chat.Room.join()``.
    full: str
    #: The mention's key: ``'1008'``, ``'4050'``, ``'4000-4999'``, or a name that
    #: only a ``wsclose:code`` may define.
    target: str
    #: The expressions of the ``.. only::`` blocks around the object.
    only: tuple[str, ...] = ()


class ClosedTable(Record):
    """A table with ``:codes: closed``: what it needs to get its closed rows."""

    __slots__ = ()
    lineno: int
    #: Its other spans (``:codes: closed, 1000`` has ``((1000, 1000),)``).
    spans: tuple[tuple[int, int], ...]
    #: Its ``:custom:`` mode (``include``, ``exclude``, ``only``) and ``:ranges:``.
    custom: str
    ranges: bool
    #: Whether its rows are link targets (no ``:no-index:``).
    indexed: bool
    #: The keys of the rows it has when read.
    shown: tuple[str, ...]


class ClosedCode(Record):
    """One object's ``:closes:`` of one code, as a closed-by list shows it."""

    __slots__ = ()
    #: The code, where its row is its range's (4050 on the 4000-4999 row); else ``None``.
    code: int | None
    closer: Closer
