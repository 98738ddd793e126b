"""What a table of the registry shows: its columns, and the spans of codes it lists.

One model for the ``wsclose-table`` directive, the ``wsclose list`` command
and its exporters.  A column has a name (as ``:columns:`` and ``--columns``
take it), a header, a relative width, and a plain-text value per entry;
its *style* says how a richer format renders it (a link per reference, a
constant in code style, a flag as a word).  A span is a pair of codes, as
``:codes:`` and ``--codes`` take them: ``1000-1015,4000-4999``.

Adding a column is one entry in :data:`COLUMNS`, plus the translation of its
header.  Like :mod:`~sphinxext_wsclose.registry`, this module does not
import Sphinx: the headers and flag words are English here, marked for the
message catalog, and the table translates them as it renders.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sphinxext_wsclose.libraries import library_names
from sphinxext_wsclose.registry import Kind
from sphinxext_wsclose.values import N_, SPAN_WORDS, InvalidCodeError, is_number, parse_int

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from sphinxext_wsclose.registry import Entry, Registry

#: A span of codes, first and last included: ``(4000, 4999)``.
Span = tuple[int, int]


class Style(enum.Enum):
    """How a format richer than plain text renders a column's cells."""

    #: The value as text.
    TEXT = 'text'
    #: ``yes``, ``no`` or ``per code`` (:data:`FLAG_WORDS`), translated in the table.
    FLAG = 'flag'
    #: A name from code, in code style.
    CONSTANT = 'constant'
    #: A link per reference; the plain text is their labels.
    REFERENCES = 'references'
    #: A word of a closed vocabulary (:data:`RECONNECT_WORDS`), or a set's
    #: name, translated in the table where the catalog has it.
    WORD = 'word'
    #: The project's objects that close with the code, linked; only a Sphinx
    #: project knows them, so the command line and its exports have no such column.
    CLOSED_BY = 'closed-by'


class Wrap(enum.Enum):
    """Where a printed table (PDF) may break a column's text into lines.

    A browser widens a column for a word that does not fit; LaTeX does not,
    and the word runs under the next column.  :mod:`~sphinxext_wsclose.latex`
    sizes the columns and adds break points by this.
    """

    #: At spaces, and inside words where the language hyphenates them.
    WORDS = 'words'
    #: Identifiers (constants, library spellings): also after ``_`` and at a
    #: change from lower to upper case, where the next line starts with a
    #: continuation mark.
    IDENTIFIERS = 'identifiers'
    #: Nowhere: a code or a range (``5000–65535``) is one unit.
    NEVER = 'never'


#: The word for each value of a flag; ``None`` is a range's "it depends".
FLAG_WORDS: dict[bool | None, str] = {True: N_('yes'), False: N_('no'), None: N_('per code')}


@dataclass(frozen=True)
class Column:
    """A column of the table: its name, header, relative width and values."""

    name: str
    header: str
    width: int
    #: The entry's value: a string (or ``None``), or for a flag a bool or ``None``.
    #: A column whose :attr:`by_library` is true is also given the keys of
    #: the libraries to show.
    value: Callable[..., Any]
    style: Style = Style.TEXT
    #: Whether the value depends on which libraries are shown
    #: (``wsclose_libraries``, ``--libraries``).
    by_library: bool = False
    #: Where a printed table may break the column's cells into lines.
    wrap: Wrap = Wrap.WORDS

    def text(self, entry: Entry, libraries: Sequence[str] | None = None) -> str:
        """The cell's plain text, in English.

        *libraries* are the keys of the libraries that the ``libraries``
        column shows (:func:`~sphinxext_wsclose.libraries.chosen`); ``None``
        shows those listed by default.
        """
        if self.style is Style.REFERENCES:
            return ', '.join(reference.label for reference in entry.references)
        value = self.value(entry, libraries) if self.by_library else self.value(entry)
        if self.style is Style.FLAG:
            return FLAG_WORDS[value]
        return str(value or '')


#: The label of each reconnect token of :mod:`~sphinxext_wsclose.sets` (the
#: exports keep the tokens): ``later`` is "reconnect after a delay".
RECONNECT_WORDS: dict[str, str] = {
    'yes': N_('reconnect'),
    'resume': N_('resume'),
    'later': N_('later'),
    'no': N_('do not reconnect'),
    '': '',
}
#: The label of each direction token: who sends the code.
DIRECTION_WORDS: dict[str, str] = {
    'server': N_('server'),
    'client': N_('client'),
    'either': N_('either'),
    '': '',
}


def _defined_by(entry: Entry) -> str:
    """Where the entry is defined: a protocol's set, the project, or the registry."""
    if entry.set:
        from sphinxext_wsclose.sets import SETS  # noqa: PLC0415

        return SETS[entry.set].title if entry.set in SETS else entry.set
    if entry.kind is Kind.CUSTOM:
        return N_('this project')
    return N_('IANA registry')


def _libraries(entry: Entry, libraries: Sequence[str] | None) -> str:
    return '' if entry.is_range else library_names(entry.first).summary(libraries)


#: Every column, by the name that selects it.
COLUMNS: dict[str, Column] = {column.name: column for column in (
    Column('code', N_('Code'), 12, lambda entry: entry.code_text, wrap=Wrap.NEVER),
    Column('name', N_('Name'), 20, lambda entry: entry.name),
    Column('description', N_('Description'), 46, lambda entry: entry.description),
    Column('reference', N_('Reference'), 22, lambda entry: entry.references, Style.REFERENCES),
    Column('iana-name', N_('IANA name'), 20, lambda entry: entry.iana_name),
    Column('constant', N_('Constant'), 22, lambda entry: entry.constant, Style.CONSTANT,
           wrap=Wrap.IDENTIFIERS),
    Column('codename', N_('Blog codename'), 20, lambda entry: entry.blog_codename,
           wrap=Wrap.IDENTIFIERS),
    Column('wire', N_('Sent on the wire'), 10, lambda entry: entry.wire, Style.FLAG),
    Column('internal', N_('Internal'), 10, lambda entry: entry.internal, Style.FLAG),
    Column('customizable', N_('Customizable'), 12, lambda entry: entry.customizable, Style.FLAG),
    Column('browser', N_('Browser close()'), 10, lambda entry: entry.browser, Style.FLAG),
    Column('libraries', N_('Library names'), 30, _libraries, by_library=True,
           wrap=Wrap.IDENTIFIERS),
    Column('reconnect', N_('Reconnect'), 14, lambda entry: RECONNECT_WORDS[entry.reconnect],
           Style.WORD),
    Column('direction', N_('Sent by'), 10, lambda entry: DIRECTION_WORDS[entry.direction],
           Style.WORD),
    Column('set', N_('Defined by'), 18, _defined_by, Style.WORD),
    Column('closed-by', N_('Closed by'), 24, lambda entry: '', Style.CLOSED_BY,
           wrap=Wrap.IDENTIFIERS),
)}
#: The columns that the command line and its exports can fill: all but the project's.
EXPORT_COLUMNS = tuple(name for name, column in COLUMNS.items()
                       if column.style is not Style.CLOSED_BY)

#: The columns of a ``wsclose-table`` unless ``:columns:`` says otherwise.
TABLE_COLUMNS = ('code', 'name', 'description', 'reference')
#: The columns of ``wsclose list`` unless ``--columns`` says otherwise: the
#: flags rather than the description, which a terminal's width cannot hold.
LIST_COLUMNS = ('code', 'name', 'constant', 'wire', 'internal', 'customizable')
#: The columns of ``wsclose list --set`` when it lists a protocol's codes:
#: the advice a client needs rather than the registry's flags.
SET_LIST_COLUMNS = ('code', 'name', 'constant', 'reconnect', 'direction', 'set')


class SpanError(ValueError):
    """An item of a list of spans that is no code, range or span word.

    *reason* is ``'invalid'`` (not a number), ``'out-of-range'`` (a number
    that is no close code; the message says why), ``'backwards'``
    (``1015-1000``) or ``'empty'`` (no item at all).
    """

    def __init__(self, item: str, reason: str, message: str = '') -> None:
        super().__init__(message or f'{item!r}: {reason}')
        self.item, self.reason = item, reason


_SPAN = re.compile(r'\s*([^-\u2013\s]+)\s*(?:[-\u2013]\s*(\S+)\s*)?')


def spans_in(text: str, names: Registry | None = None) -> tuple[Span, ...]:
    """Read codes and ranges separated by commas: ``1000-1015, 4000-4999, browser``.

    A span word (``browser``) stands for its spans; with *names*, a name of
    that registry stands for its code or range.  Raises :exc:`SpanError` for
    the first bad item, or when there is none.
    """
    spans: list[Span] = []
    for raw in text.split(','):
        item = raw.strip()
        if not item:
            continue
        if (named_spans := SPAN_WORDS.get(item.lower())) is not None:
            spans.extend(named_spans)
            continue
        match = _SPAN.fullmatch(item)
        try:
            if match is None:
                raise InvalidCodeError(repr(item))
            first = parse_int(match[1])
            last = parse_int(match[2]) if match[2] else first
        except InvalidCodeError as error:
            named = names.find(item) if names is not None else None
            if named is not None:
                spans.append((named.first, named.last))
                continue
            numeric = match is not None and all(
                is_number(part) for part in match.groups() if part is not None)
            if numeric:
                raise SpanError(item, 'out-of-range', str(error)) from error
            raise SpanError(item, 'invalid') from error
        if last < first:
            raise SpanError(item, 'backwards')
        spans.append((first, last))
    if not spans:
        raise SpanError('', 'empty')
    return tuple(spans)


def covers(spans: Sequence[Span], first: int, last: int | None = None) -> bool:
    """Whether *first*-*last* lies wholly inside one of *spans*; no spans cover everything."""
    last = first if last is None else last
    return not spans or any(low <= first and last <= high for low, high in spans)
