"""The registry as data and text: the records, exports and descriptions of ``wsclose``.

:func:`entry_record`, :func:`query_record` and :func:`list_record` are the
JSON objects (schema :data:`SCHEMA`); :func:`export` writes entries as a
text table, JSON, CSV, Markdown or reStructuredText, with the columns of
:mod:`sphinxext_wsclose.columns`; :func:`describe` explains one code.

The protocols' sets (:mod:`sphinxext_wsclose.sets`) are chosen by name, as
``--set`` takes them, with :data:`REGISTRY_SET` for the IANA registry:
:func:`check_sets` reads the names, :func:`select` lists the chosen sets'
entries, :func:`targets` finds what a query names in them, and
:func:`export_sets` lists the sets themselves (``wsclose sets``).  It
reads only the registry and the sets, never Sphinx;
:mod:`sphinxext_wsclose.cli` is the command line on top of it.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import re
import textwrap
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from sphinxext_wsclose.bundled import REGISTRY
from sphinxext_wsclose.columns import (
    COLUMNS,
    EXPORT_COLUMNS,
    FLAG_WORDS,
    LIST_COLUMNS,
    SET_LIST_COLUMNS,
    SpanError,
    Style,
    covers,
    spans_in,
)
from sphinxext_wsclose.libraries import (
    LIBRARIES,
    UnknownLibraryError,
    chosen,
    keys,
    library_names,
)
from sphinxext_wsclose.registry import AmbiguousNameError, Kind, Parsed
from sphinxext_wsclose.sets import SETS, set_registries
from sphinxext_wsclose.values import InvalidCodeError, is_number, parse_int

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from sphinxext_wsclose.columns import Span
    from sphinxext_wsclose.registry import Entry, Registry
    from sphinxext_wsclose.sets import CodeSet, Source

#: The version of the JSON format; it changes only when a field changes
#: meaning or goes away (new fields may appear without it).
SCHEMA = 1

FORMATS = ('table', 'json', 'csv', 'markdown', 'rst')

#: The CSV header: every field of :func:`entry_record`, flattened.
CSV_FIELDS = (
    'key', 'kind', 'first', 'last', 'name', 'iana_name', 'constant', 'blog_codename',
    'aliases', 'wire', 'internal', 'customizable', 'description', 'label', 'procedure',
    'references', 'notes', *(library.key for library in LIBRARIES),
    'set', 'reconnect', 'reconnect_note', 'direction',
)

#: What ``--set`` calls the IANA registry (with the project's codes, if any).
REGISTRY_SET = 'registry'
#: The formats of ``wsclose sets``.
SETS_FORMATS = ('table', 'json')

_KINDS = {
    Kind.CODE: 'registered code',
    Kind.RANGE: 'range',
    Kind.UNASSIGNED: 'unassigned range',
    Kind.CUSTOM: 'the project\u2019s own code',
    Kind.SET_CODE: 'a code of the set {set}',
    Kind.SET_RANGE: 'a range of the set {set}',
}
#: The width of :func:`describe`'s text when no *width* is given (not a terminal).
_WIDTH = 79
_LABEL_WIDTH = 15
#: The narrowest and the widest that :func:`describe` wraps its text to, whatever
#: the terminal: a line of prose much wider than 100 characters is hard to follow.
_NARROWEST_TEXT = _LABEL_WIDTH + 10
_WIDEST_TEXT = 100


class UsageError(Exception):
    """Bad input: the message becomes ``wsclose: error: <message>``, exit status 2."""



# -- records: the JSON and CSV data ----------------------------------------------


def libraries_record(code: int) -> dict[str, str | bool | None]:
    """How each library spells *code*, by library key (the JSON ``libraries`` object)."""
    return library_names(code).as_dict()


def entry_record(entry: Entry) -> dict[str, Any]:
    """One entry as a JSON-ready dict: the objects of ``entries`` in ``list --format json``."""
    return {
        'key': entry.key,
        'kind': entry.kind.value,
        'first': entry.first,
        'last': entry.last,
        'name': entry.name,
        'iana_name': entry.iana_name,
        'constant': entry.constant,
        'blog_codename': entry.blog_codename,
        'aliases': list(entry.aliases),
        'wire': entry.wire,
        'internal': entry.internal,
        'customizable': entry.customizable,
        'browser': entry.browser,
        'description': entry.description,
        'label': entry.label or None,
        'procedure': entry.procedure or None,
        'references': [{'label': ref.label, 'url': ref.url} for ref in entry.references],
        'notes': list(entry.notes),
        'libraries': None if entry.is_range else libraries_record(entry.first),
        'set': entry.set or None,
        'reconnect': entry.reconnect or None,
        'reconnect_note': entry.reconnect_note or None,
        'direction': entry.direction or None,
    }


def query_record(
    text: str, registry: Registry = REGISTRY, sets: Sequence[str] = (REGISTRY_SET,)
) -> dict[str, Any]:
    """What ``wsclose TEXT --json`` prints, as a dict.

    *sets* are the names that ``--set`` gives (see :func:`targets`).  Raises
    :exc:`~sphinxext_wsclose.values.InvalidCodeError` when *text* is neither
    a close code number, a registry range, nor a known name, and
    :exc:`UsageError` when it names a code of several of the *sets*.
    """
    found = targets(text, sets, registry)
    if len(found) > 1:
        msg = (f'{text.strip()!r} stands for a code in more than one set: '
               f'{", ".join(target.key for target in found)}; --json describes one: '
               'ask for one of these')
        raise UsageError(msg)
    (target,) = found
    entry = target.entry
    code = _number(target)
    return {
        'schema': SCHEMA,
        'query': text,
        'code': code,
        'entry': entry_record(entry),
        'within': [other.key for other in _within(entry, registry)],
        'libraries': None if code is None else libraries_record(code),
    }


def list_record(entries: Iterable[Entry]) -> dict[str, Any]:
    """What ``wsclose list --format json`` prints, as a dict."""
    return {
        'schema': SCHEMA,
        'library_sources': [
            {
                'key': library.key,
                'name': library.name,
                'namespace': library.namespace or None,
                'version': library.version,
            }
            for library in LIBRARIES
        ],
        'entries': [entry_record(entry) for entry in entries],
    }


def _csv_value(value: object) -> str:
    if value is None:
        return ''
    if isinstance(value, bool):
        return 'true' if value else 'false'
    return str(value)


def _csv_row(entry: Entry) -> list[str]:
    record = entry_record(entry)
    libraries = record.pop('libraries') or {}
    record['aliases'] = '\n'.join(record['aliases'])
    record['notes'] = '\n'.join(record['notes'])
    record['references'] = '\n'.join(
        f'{ref["label"]} <{ref["url"]}>' for ref in record['references']
    )
    record.update(libraries)
    return [_csv_value(record.get(name)) for name in CSV_FIELDS]


# -- the text formats ------------------------------------------------------------


def _cell(entry: Entry, column: str, libraries: Sequence[str] | None = None) -> str:
    """The plain text of one cell (``reference``: the labels; ``libraries``: those chosen)."""
    return COLUMNS[column].text(entry, libraries)


def _text_table(rows: list[list[str]], width: int | None = None, breaks: str = '',
                whole: frozenset[int] = frozenset()) -> str:
    """*rows*, the first the header, as aligned columns; fitted into *width* if given.

    *breaks* adds places where a cell may wrap to :data:`_BREAK` (a regular
    expression, as :data:`_PATH_BREAK`); the words of the columns numbered in
    *whole* are broken last (see :func:`_fit`).
    """
    widths = [max(len(row[n]) for row in rows) for n in range(len(rows[0]))]
    fitted = widths if width is None else _fit(rows, widths, width, breaks, whole)
    header, *body = (_row_lines(row, fitted, breaks) for row in rows)
    rule = '  '.join('-' * width for width in fitted)
    return '\n'.join([*header, rule, *(line for lines in body for line in lines)]) + '\n'


def _aligned(rows: list[list[str]], width: int | None, breaks: str = '',
             indent: str = '  ') -> list[str]:
    """*rows* as aligned columns without a header, each line after *indent*.

    Fitted into *width* as :func:`_text_table` fits a table; without a
    *width*, each cell keeps to one line.
    """
    widths = [max(len(row[n]) for row in rows) for n in range(len(rows[0]))]
    fitted = widths if width is None else _fit(rows, widths, width - len(indent), breaks)
    return [indent + line for row in rows for line in _row_lines(row, fitted, breaks)]


#: Where a cell of a fitted table may wrap: at its spaces, and after the en
#: dash of a range (``5000–`` ``65535``).
_BREAK = r'\s+|(?<=\u2013)(?=\S)'
#: Where else a path may wrap: after a slash (``discord/discord-api-docs/`` ``developers``).
_PATH_BREAK = r'(?<=/)(?=\S)'
#: Where else a library's name for a code may wrap: after a slash, a dot, an
#: underscore or ``::`` (``WebSocketProtocol.`` ``CLOSE_STATUS_CODE_``).
_NAME_BREAK = r'(?<=[/._])(?=\w)|(?<=::)(?=\w)'
#: The narrowest that :func:`_fit` makes a column by breaking its words.
_NARROWEST = 4


def _pattern(breaks: str) -> str:
    """Where a cell may wrap: :data:`_BREAK`, and *breaks* if given."""
    return f'{_BREAK}|{breaks}' if breaks else _BREAK


def _wrap_cell(cell: str, width: int, breaks: str) -> list[str]:
    """*cell* wrapped where :func:`_pattern` allows, and inside a word only when it must."""
    wrapper = textwrap.TextWrapper(width, break_on_hyphens=False)
    wrapper.wordsep_simple_re = re.compile(f'({_pattern(breaks)})')
    return wrapper.wrap(cell) or ['']


def _fit(rows: list[list[str]], widths: list[int], width: int, breaks: str = '',
         whole: frozenset[int] = frozenset()) -> list[int]:
    """The widths of the columns that fit a table of *rows* into *width* characters.

    The widest column loses a character, again and again, until the table
    fits: the columns of text (a description, a name) wrap first, and those
    that end up as wide wrap together.  No column gets narrower than its
    longest word while another can still wrap; then words are broken, down
    to :data:`_NARROWEST` characters a column, but those of the columns in
    *whole* (a set's name, which ``--set`` takes) only when breaking the
    others' is not enough.  A table too wide even then is as narrow as that
    allows.
    """
    fitted = list(widths)
    pattern = _pattern(breaks)
    words = [max(len(word) for row in rows for word in re.split(pattern, row[n]))
             for n in range(len(widths))]
    broken = [min(_NARROWEST, natural) for natural in widths]
    kept = [words[n] if n in whole else broken[n] for n in range(len(widths))]
    for floors in (words, kept, broken):
        while sum(fitted) + 2 * (len(fitted) - 1) > width:
            shrinkable = [n for n, now in enumerate(fitted) if now > floors[n]]
            if not shrinkable:
                break
            fitted[max(shrinkable, key=lambda n: fitted[n])] -= 1
    return fitted


def _row_lines(row: list[str], widths: list[int], breaks: str = '') -> list[str]:
    """The lines of one *row*: each cell wider than its column wrapped in it."""
    cells = [[cell] if len(cell) <= width else _wrap_cell(cell, width, breaks)
             for cell, width in zip(row, widths, strict=True)]
    return ['  '.join((cell[n] if n < len(cell) else '').ljust(width)
                      for cell, width in zip(cells, widths, strict=True)).rstrip()
            for n in range(max(len(cell) for cell in cells))]


_MARKDOWN_SPECIAL = re.compile(r'([\\|*`<>\[\]])')


def _markdown_escape(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r'\\\1', text)


def _markdown_table(header: list[str], body: list[list[str]]) -> str:
    lines = [
        '| ' + ' | '.join(header) + ' |',
        '|' + '|'.join('---' for _ in header) + '|',
        *('| ' + ' | '.join(row) + ' |' for row in body),
    ]
    return '\n'.join(lines) + '\n'


# Inline markup that could start or end in registry text: escape it.
_RST_SPECIAL = re.compile(r'([\\*`|]|_(?=\W|$))')


def _rst_escape(text: str) -> str:
    return _RST_SPECIAL.sub(r'\\\1', text)


def _rst_table(header: list[str], body: list[list[str]]) -> str:
    lines = ['.. list-table::', '   :header-rows: 1', '']
    for row in (header, *body):
        for n, cell in enumerate(row):
            bullet = '* -' if n == 0 else '  -'
            lines.append(f'   {bullet} {cell}'.rstrip())
    return '\n'.join(lines) + '\n'


def _markdown_cell(entry: Entry, column: str, libraries: Sequence[str] | None) -> str:
    if COLUMNS[column].style is Style.REFERENCES:
        return ', '.join(f'[{_markdown_escape(ref.label)}]({ref.url})'
                         for ref in entry.references)
    return _markdown_escape(_cell(entry, column, libraries))


def _rst_cell(entry: Entry, column: str, libraries: Sequence[str] | None) -> str:
    if COLUMNS[column].style is Style.REFERENCES:
        return ', '.join(f'`{_rst_escape(ref.label)} <{ref.url}>`__' for ref in entry.references)
    return _rst_escape(_cell(entry, column, libraries))


def _export_text(entries: Sequence[Entry], fmt: str, columns: Sequence[str],
                 libraries: Sequence[str] | None, width: int | None) -> str:
    header = [COLUMNS[column].header for column in columns]
    if fmt == 'markdown':
        return _markdown_table(header, [[_markdown_cell(entry, column, libraries)
                                         for column in columns] for entry in entries])
    if fmt == 'rst':
        return _rst_table(header, [[_rst_cell(entry, column, libraries) for column in columns]
                                   for entry in entries])
    return _text_table([header, *([_cell(entry, column, libraries) for column in columns]
                                  for entry in entries)], width)


def export(
    entries: Iterable[Entry], fmt: str = 'table', columns: Sequence[str] | None = None,
    libraries: Sequence[str] | None = None, width: int | None = None,
) -> str:
    """The registry *entries* in the format *fmt*, as ``wsclose list`` prints them.

    *columns* chooses the columns of the text formats (``table``, ``markdown``,
    ``rst``; by default :data:`~.columns.LIST_COLUMNS`, or
    :data:`~.columns.SET_LIST_COLUMNS` when a protocol's set gives some of
    the *entries*), and *libraries* the keys of the libraries that their
    ``libraries`` column shows (by default those listed by default);
    ``json`` and ``csv`` always carry every field and every library.
    With a *width*, the ``table`` format wraps its widest columns in their
    cells so that its lines fit in *width* characters, as ``wsclose list``
    does on a terminal; without one, each cell keeps to one line.
    Raises :exc:`UsageError` for an unknown format, column or library.
    """
    rows = list(entries)
    if fmt not in FORMATS:
        msg = f'{fmt!r} is not a format; the formats are {", ".join(FORMATS)}'
        raise UsageError(msg)
    if libraries is not None:
        check_libraries(libraries)
    if fmt in {'json', 'csv'}:
        if columns is not None:
            msg = f'--columns applies to table, markdown and rst; {fmt} carries every field'
            raise UsageError(msg)
        if libraries is not None:
            msg = f'--libraries applies to table, markdown and rst; {fmt} carries every library'
            raise UsageError(msg)
        if fmt == 'json':
            return json.dumps(list_record(rows), indent=2, ensure_ascii=False) + '\n'
        stream = io.StringIO()
        writer = csv.writer(stream, lineterminator='\n')
        writer.writerow(CSV_FIELDS)
        writer.writerows(_csv_row(entry) for entry in rows)
        return stream.getvalue()
    default = SET_LIST_COLUMNS if any(entry.set for entry in rows) else LIST_COLUMNS
    shown = tuple(columns) if columns is not None else default
    unknown = [column for column in shown if column not in EXPORT_COLUMNS]
    if unknown or not shown:
        what = f'unknown {", ".join(repr(c) for c in unknown)}' if unknown else 'none given'
        msg = f'--columns: {what}; the columns are {", ".join(EXPORT_COLUMNS)}'
        raise UsageError(msg)
    return _export_text(rows, fmt, shown, libraries, width)


def check_libraries(libraries: Sequence[str]) -> tuple[str, ...]:
    """The library keys of ``--libraries``, each once; :exc:`UsageError` for an unknown one."""
    try:
        return tuple(library.key for library in chosen(libraries))
    except UnknownLibraryError as error:
        what = ', '.join(map(repr, error.unknown))
        msg = f'--libraries: unknown {what}; the libraries are {", ".join(keys())}'
        raise UsageError(msg) from error


def parse_spans(text: str) -> tuple[Span, ...]:
    """Read ``--codes``: codes and ranges separated by commas, ``1000-1015,4000-4999``.

    A registered name stands for its code.  Raises :exc:`UsageError` naming
    the bad item.
    """
    try:
        return spans_in(text, names=REGISTRY)
    except SpanError as error:
        msg = '--codes: ' + {
            'invalid': f'{error.item!r} is not a code, a range such as 4000-4999, or a name',
            'out-of-range': str(error),
            'backwards': f'{error.item!r} runs backwards',
            'empty': 'no code given',
        }[error.reason]
        raise UsageError(msg) from error


def select(
    spans: Sequence[Span] | None, registry: Registry = REGISTRY,
    sets: Sequence[str] = (REGISTRY_SET,),
) -> list[Entry]:
    """The entries that lie wholly inside one of *spans* (all of them for ``None``).

    *sets* chooses where the entries come from, in the order given: the
    *registry* (:data:`REGISTRY_SET`) and the protocols' sets by name.
    """
    chosen = check_sets(sets)
    entries = [entry for name in chosen
               for entry in (registry if name == REGISTRY_SET else set_registries()[name])]
    return [entry for entry in entries if covers(spans or (), entry.first, entry.last)]


# -- the protocols' sets -----------------------------------------------------------


def set_names() -> tuple[str, ...]:
    """Every name that ``--set`` takes: :data:`REGISTRY_SET`, then the sets."""
    return (REGISTRY_SET, *SETS)


def check_sets(names: Sequence[str]) -> tuple[str, ...]:
    """The names of ``--set``, each once, in the order given, regardless of case.

    Raises :exc:`UsageError` for an unknown name, or for none at all.
    """
    known = set_names()
    chosen = {name.strip().casefold(): name for name in names if name.strip()}
    unknown = [name for folded, name in chosen.items() if folded not in known]
    if unknown or not chosen:
        what = f'unknown {", ".join(map(repr, unknown))}' if unknown else 'no set given'
        msg = f'--set: {what}; the sets are {", ".join(known)}'
        raise UsageError(msg)
    return tuple(chosen)


@lru_cache(maxsize=32)  # a few registries (the bundled one), each with a few choices
def _with_sets(registry: Registry, turned_on: tuple[str, ...]) -> Registry:
    """*registry*, knowing every set, with *turned_on* answering bare numbers and names."""
    return registry.with_sets(registry.sets or set_registries(), turned_on)


def targets(
    text: str, sets: Sequence[str] = (REGISTRY_SET,), registry: Registry = REGISTRY
) -> tuple[Parsed, ...]:
    """What *text* names among *sets*: one target, or one per set that defines it.

    A qualified target (``'discord-gateway:4004'``) is the set's code, whatever
    *sets* are.  With :data:`REGISTRY_SET` among *sets*, *text* is read as a
    mention reads it, with the other sets turned on: the *registry*'s own
    entries first, a set's code where the registry has only a range.
    Without it, *text* is a code or a name of each set in turn.  A number or
    name that several of the sets define gives each of them, in the order
    of *sets*.  Raises :exc:`~sphinxext_wsclose.values.InvalidCodeError`
    when none of the sets knows *text*, and :exc:`UsageError` for an
    unknown set.
    """
    chosen = check_sets(sets)
    turned_on = tuple(name for name in chosen if name != REGISTRY_SET)
    prefix, colon, _rest = text.partition(':')
    if REGISTRY_SET in chosen or (colon and prefix.strip().casefold() in SETS):
        known = _with_sets(registry, turned_on)
        try:
            return (known.parse(text),)
        except AmbiguousNameError as error:
            if not any(entry.set for entry in error.candidates):
                raise  # the registry's own names clash: a project's, never the bundled
            number = parse_int(text.strip()) if is_number(text.strip()) else None
            order = {name: n for n, name in enumerate(chosen)}
            found = sorted(error.candidates,
                           key=lambda entry: order.get(entry.set or REGISTRY_SET, len(order)))
            return tuple(Parsed(entry, number if entry.is_range else None) for entry in found)
    found_in: list[Parsed] = []
    errors: list[InvalidCodeError] = []
    for name in turned_on:
        try:
            found_in.append(set_registries()[name].parse_in_set(name, text))
        except InvalidCodeError as error:
            errors.append(error)
    if found_in:
        return tuple(found_in)
    if len(errors) == 1:
        raise errors[0]
    msg = (f'{text.strip()!r} is neither a code nor a code name of the sets '
           f'{", ".join(turned_on)}')
    raise InvalidCodeError(msg)


def _source_record(source: Source) -> dict[str, str]:
    return {
        'repository': source.repository,
        'path': source.path,
        'section': source.section,
        'commit': source.commit,
        'date': source.date,
        'licence': source.licence,
        'read': source.read,
        'url': source.url,
    }


def set_record(code_set: CodeSet) -> dict[str, Any]:
    """One set as a JSON-ready dict: the objects of ``sets`` in ``wsclose sets --format json``.

    Every field of the set and of its codes, ranges and libraries; a text
    that the source leaves out (no reconnect advice, no direction) is ``None``.
    """
    return {
        'key': code_set.key,
        'title': code_set.title,
        'description': code_set.description,
        'sources': [_source_record(source) for source in code_set.sources],
        'codes': [
            {
                'number': code.number,
                'name': code.name,
                'description': code.description,
                'source': _source_record(code.source),
                'reconnect': code.reconnect or None,
                'reconnect_note': code.reconnect_note or None,
                'direction': code.direction or None,
                'reason': code.reason or None,
                'constants': dict(code.constants),
                'in_protocol': code.in_protocol,
            }
            for code in code_set.codes
        ],
        'ranges': [
            {
                'first': stretch.first,
                'last': stretch.last,
                'name': stretch.name,
                'description': stretch.description,
                'source': _source_record(stretch.source),
                'reconnect': stretch.reconnect or None,
                'reconnect_note': stretch.reconnect_note or None,
            }
            for stretch in code_set.ranges
        ],
        'libraries': [
            {
                'key': library.key,
                'name': library.name,
                'language': library.language,
                'namespace': library.namespace or None,
                'source': _source_record(library.source),
                'prefixes': list(library.prefixes),
                'note': library.note or None,
            }
            for library in code_set.libraries
        ],
        'notes': list(code_set.notes),
    }


#: The headers of ``wsclose sets``.
_SETS_HEADER = ['Set', 'Title', 'Codes', 'Ranges', 'Licence', 'Commit date', 'Source']


def export_sets(fmt: str = 'table', width: int | None = None) -> str:
    """What ``wsclose sets`` prints: every set, as a text table or as JSON (*fmt*).

    The table gives each set's name, title, how many codes and ranges it
    has, and the licence, commit date and file of its defining source (its
    first), last because it is the widest.  With a *width*, the table wraps
    its widest columns in their cells (a path after its slashes) so that
    its lines fit in *width* characters, as ``wsclose sets`` does on a
    terminal; without one, each cell keeps to one line.  Raises
    :exc:`UsageError` for an unknown format.
    """
    if fmt not in SETS_FORMATS:
        msg = f'{fmt!r} is not a format of wsclose sets; the formats are {", ".join(SETS_FORMATS)}'
        raise UsageError(msg)
    if fmt == 'json':
        record = {'schema': SCHEMA, 'sets': [set_record(code_set) for code_set in SETS.values()]}
        return json.dumps(record, indent=2, ensure_ascii=False) + '\n'
    rows = [_SETS_HEADER]
    for code_set in SETS.values():
        source = code_set.sources[0]
        rows.append([code_set.key, code_set.title, str(len(code_set.codes)),
                     str(len(code_set.ranges)), source.licence, source.date,
                     f'{source.repository}/{source.path}'])
    return _text_table(rows, width, _PATH_BREAK, whole=frozenset({0}))


# -- describing one code ---------------------------------------------------------


def _field(label: str, values: Sequence[str] | str, width: int = _WIDTH) -> list[str]:
    """A ``Label:  value`` line, continued and wrapped under the value column.

    A word longer than the value column (a URL) stays whole, on a line of its own.
    """
    items = [values] if isinstance(values, str) else list(values) or ['\u2014']
    indent = ' ' * _LABEL_WIDTH
    lines: list[str] = []
    for n, item in enumerate(items):
        first = f'{label}:'.ljust(_LABEL_WIDTH) if n == 0 else indent
        lines.extend(textwrap.wrap(item, width, initial_indent=first,
                                   subsequent_indent=indent, break_on_hyphens=False,
                                   break_long_words=False))
    return lines


def _paragraph(text: str, width: int = _WIDTH) -> list[str]:
    return textwrap.wrap(text, width, break_on_hyphens=False)


def _library_lines(code: int, libraries: Sequence[str] | None,
                   width: int | None = None) -> list[str]:
    """The libraries' names for *code*, a library and its name a line, aligned.

    Fitted into *width* as ``wsclose list`` fits its table, if given: a
    library wraps at its spaces, a name after its dots; without one, each
    keeps to one line, however long, so that ``grep`` finds it whole.
    """
    items = library_names(code).items(libraries)
    if not items:
        return []
    rows = []
    for library, value in items:
        if isinstance(value, bool):
            text = f'close({code}) {"is accepted" if value else "throws"}'
        else:
            text = library.qualified(value) if value else '\u2014'
        rows.append([library.name, text])
    return [f'Library names for {code}:', *_aligned(rows, width, _NAME_BREAK)]


def _number(target: Parsed) -> int | None:
    """The one code a query names: 4001 for ``'4001'``, 1008 for ``'POLICY_VIOLATION'``.

    ``None`` when it names a range.
    """
    if target.code is not None:
        return target.code
    return None if target.entry.is_range else target.entry.first


def describe(
    text: str, registry: Registry = REGISTRY, libraries: Sequence[str] | None = None,
    sets: Sequence[str] = (REGISTRY_SET,), width: int | None = None,
) -> str:
    """What ``wsclose TEXT`` prints.

    *libraries* are the keys of the libraries whose names it lists (by
    default every library); a code of a protocol's set lists the set's own
    libraries instead.  *sets* are the names that ``--set`` gives (see
    :func:`targets`); a number or name that several of them define is
    described once for each.  With a *width* (a terminal's), the text wraps
    to it, but to no fewer than 25 characters and no more than 100, and the
    list of the libraries' names is fitted into it as ``wsclose list`` fits
    its table; without one, the text wraps at 79 characters and each
    library's name keeps to one line, as ``wsclose CODE`` prints them to a
    pipe or a file.  A word longer than a line (a URL) stays whole.  Raises
    :exc:`~sphinxext_wsclose.values.InvalidCodeError` when *text* is
    neither a close code number, a registry range, nor a known name, and
    :exc:`UsageError` for an unknown library or set.
    """
    if libraries is not None:
        libraries = check_libraries(libraries)
    found = targets(text, sets, registry)
    if len(found) == 1:
        return _description(found[0], registry, libraries, width)
    intro = _paragraph(f'{text.strip()!r} stands for a code in {len(found)} of the sets '
                       f'asked for: {", ".join(target.key for target in found)}.',
                       _text_width(width))
    return '\n'.join(['\n'.join(intro) + '\n',
                      *(_description(target, registry, libraries, width) for target in found)])


def _within(entry: Entry, registry: Registry) -> tuple[Entry, ...]:
    """The ranges around *entry*, narrowest first: its set's, then the *registry*'s."""
    own = set_registries()[entry.set].enclosing_ranges(entry) if entry.set in SETS else ()
    return (*own, *registry.enclosing_ranges(entry))


def _set_source(entry: Entry) -> Source | None:
    """The source that *entry*, a code or range of a set, was read from."""
    code_set = SETS.get(entry.set)
    if code_set is None:
        return None
    if entry.kind is Kind.SET_CODE and (code := code_set.code(entry.first)) is not None:
        return code.source
    return next((stretch.source for stretch in code_set.ranges
                 if (stretch.first, stretch.last) == (entry.first, entry.last)), None)


def _set_library_lines(entry: Entry, width: int | None) -> list[str]:
    """The constants of the set's libraries for *entry*, a code of a set.

    As :func:`_library_lines` lays them out.
    """
    code_set = SETS[entry.set]
    code = code_set.code(entry.first)
    if code is None or not code.constants:
        return []
    named = {library.key: library for library in code_set.libraries}
    rows = [[named[key].name, f'{named[key].namespace}{constant}']
            for key, constant in code.constants.items()]
    return [f'Library names for {entry.key}:', *_aligned(rows, width, _NAME_BREAK)]


def _text_width(width: int | None) -> int:
    """The width that :func:`describe` wraps its text to, for a terminal *width* columns wide."""
    return _WIDTH if width is None else min(max(width, _NARROWEST_TEXT), _WIDEST_TEXT)


def _description(target: Parsed, registry: Registry, libraries: Sequence[str] | None,
                 width: int | None = None) -> str:
    """The text of :func:`describe` for one *target*, fitted into *width* if given."""
    text_width = _text_width(width)
    field = functools.partial(_field, width=text_width)
    entry = target.entry
    code = target.code
    within = _within(entry, registry)
    lines = [f'{entry.set}:{target.text}' if entry.set else target.text, '']
    if code is not None:
        where = (f'The set {entry.set} has no code {code} of its own.' if entry.set
                 else f'{code} is not a registered close code.')
        lines += _paragraph(f'{where} It is in {entry.display}: {entry.description}',
                             text_width)
    else:
        lines += _paragraph(entry.description, text_width)
    lines += ['', *_name_fields(entry, text_width), *_advice_fields(entry, text_width)]
    lines += field('Wire', FLAG_WORDS[entry.wire])
    if not entry.set:  # the registry's questions; Within answers them for a set
        lines += field('Internal', FLAG_WORDS[entry.internal])
        lines += field('Customizable', FLAG_WORDS[entry.customizable])
    if within:
        lines += field('Within', [f'{other.set}:{other.display}' if other.set else other.display
                                   for other in within])
    lines += _source_fields(entry, text_width)
    lines += field('Notes', entry.notes)
    number = _number(target)
    if entry.set:
        names = _set_library_lines(entry, width) if entry.kind is Kind.SET_CODE else []
    else:
        names = _library_lines(number, libraries, width) if number is not None else []
    if names:
        lines += ['', *names]
    return '\n'.join(lines) + '\n'


def _name_fields(entry: Entry, width: int = _WIDTH) -> list[str]:
    """The lines that say what *entry* is and what it is called."""
    field = functools.partial(_field, width=width)
    kind = _KINDS[entry.kind].format(set=entry.set)
    if entry.is_range:
        lines = [*field('Range', entry.display), *field('Kind', kind)]
        if not entry.set:
            lines += field('Who assigns', entry.procedure or '\u2014')
        return lines
    lines = [*field('Code', f'{entry.code_text} ({kind})'), *field('Name', entry.name)]
    if not entry.set:
        lines += field('IANA name', entry.iana_name or '\u2014')
    lines += field('Constant', entry.constant or '\u2014')
    if not entry.set:
        lines += field('Blog codename', entry.blog_codename or '\u2014')
    if entry.aliases:
        lines += field('Also known as', ', '.join(entry.aliases))
    return lines


def _advice_fields(entry: Entry, width: int = _WIDTH) -> list[str]:
    """Whether to reconnect after *entry*, and who sends it, where its source says."""
    field = functools.partial(_field, width=width)
    lines = []
    if entry.reconnect:
        note = f' \u2013 {entry.reconnect_note}' if entry.reconnect_note else ''
        lines += field('Reconnect', f'{entry.reconnect}{note}')
    if entry.direction:
        lines += field('Sent by', entry.direction)
    return lines


def _source_fields(entry: Entry, width: int = _WIDTH) -> list[str]:
    """The set that defines *entry* and the file it was read from, or its references."""
    field = functools.partial(_field, width=width)
    source = _set_source(entry)
    if source is None:
        return field('References', [line for ref in entry.references
                                     for line in (ref.label, ref.url)])
    title = SETS[entry.set].title
    return [
        *field('Defined by', title if entry.set in title else f'{title} ({entry.set})'),
        *field('Source', [
            f'{source.repository}/{source.path}',
            f'{source.section}; commit of {source.date}; licence {source.licence}',
            source.url,
        ]),
    ]
