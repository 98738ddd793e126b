"""The registry as data and text: the records, exports and descriptions of ``wsclose``.

:func:`entry_record`, :func:`query_record` and :func:`list_record` are the
JSON objects (schema :data:`SCHEMA`); :func:`export` writes entries as a
text table, JSON, CSV, Markdown or reStructuredText, with the columns of
:mod:`sphinxext_wsclose.columns`; :func:`describe` explains one code.  It
reads only the registry, never Sphinx; :mod:`sphinxext_wsclose.cli` is the
command line on top of it.
"""

from __future__ import annotations

import csv
import io
import json
import re
import textwrap
from typing import TYPE_CHECKING, Any

from sphinxext_wsclose.bundled import REGISTRY
from sphinxext_wsclose.columns import (
    COLUMNS,
    EXPORT_COLUMNS,
    FLAG_WORDS,
    LIST_COLUMNS,
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
from sphinxext_wsclose.registry import Kind

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from sphinxext_wsclose.columns import Span
    from sphinxext_wsclose.registry import Entry, Parsed, Registry

#: The version of the JSON format; it changes only when a field changes
#: meaning or goes away (new fields may appear without it).
SCHEMA = 1

FORMATS = ('table', 'json', 'csv', 'markdown', 'rst')

#: The CSV header: every field of :func:`entry_record`, flattened.
CSV_FIELDS = (
    'key', 'kind', 'first', 'last', 'name', 'iana_name', 'constant', 'blog_codename',
    'aliases', 'wire', 'internal', 'customizable', 'description', 'label', 'procedure',
    'references', 'notes', *(library.key for library in LIBRARIES),
)

_KINDS = {
    Kind.CODE: 'registered code',
    Kind.RANGE: 'range',
    Kind.UNASSIGNED: 'unassigned range',
    Kind.CUSTOM: 'the project\u2019s own code',
}
_WIDTH = 79
_LABEL_WIDTH = 15


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
    }


def query_record(text: str, registry: Registry = REGISTRY) -> dict[str, Any]:
    """What ``wsclose TEXT --json`` prints, as a dict.

    Raises :exc:`~sphinxext_wsclose.values.InvalidCodeError` when *text* is
    neither a close code number, a registry range, nor a known name.
    """
    target = registry.parse(text)
    entry = target.entry
    code = _number(target)
    return {
        'schema': SCHEMA,
        'query': text,
        'code': code,
        'entry': entry_record(entry),
        'within': [other.key for other in registry.enclosing_ranges(entry)],
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


def _text_table(rows: list[list[str]]) -> str:
    widths = [max(len(row[n]) for row in rows) for n in range(len(rows[0]))]
    lines = ['  '.join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
             for row in rows]
    lines.insert(1, '  '.join('-' * width for width in widths))
    return '\n'.join(lines) + '\n'


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
                 libraries: Sequence[str] | None) -> str:
    header = [COLUMNS[column].header for column in columns]
    if fmt == 'markdown':
        return _markdown_table(header, [[_markdown_cell(entry, column, libraries)
                                         for column in columns] for entry in entries])
    if fmt == 'rst':
        return _rst_table(header, [[_rst_cell(entry, column, libraries) for column in columns]
                                   for entry in entries])
    return _text_table([header, *([_cell(entry, column, libraries) for column in columns]
                                  for entry in entries)])


def export(
    entries: Iterable[Entry], fmt: str = 'table', columns: Sequence[str] | None = None,
    libraries: Sequence[str] | None = None,
) -> str:
    """The registry *entries* in the format *fmt*, as ``wsclose list`` prints them.

    *columns* chooses the columns of the text formats (``table``, ``markdown``,
    ``rst``), and *libraries* the keys of the libraries that their
    ``libraries`` column shows (by default those listed by default);
    ``json`` and ``csv`` always carry every field and every library.
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
    shown = tuple(columns) if columns is not None else LIST_COLUMNS
    unknown = [column for column in shown if column not in EXPORT_COLUMNS]
    if unknown or not shown:
        what = f'unknown {", ".join(repr(c) for c in unknown)}' if unknown else 'none given'
        msg = f'--columns: {what}; the columns are {", ".join(EXPORT_COLUMNS)}'
        raise UsageError(msg)
    return _export_text(rows, fmt, shown, libraries)


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
    spans: Sequence[Span] | None, registry: Registry = REGISTRY
) -> list[Entry]:
    """The entries that lie wholly inside one of *spans* (all of them for ``None``)."""
    return [entry for entry in registry if covers(spans or (), entry.first, entry.last)]


# -- describing one code ---------------------------------------------------------


def _field(label: str, values: Sequence[str] | str) -> list[str]:
    """A ``Label:  value`` line, continued and wrapped under the value column."""
    items = [values] if isinstance(values, str) else list(values) or ['\u2014']
    indent = ' ' * _LABEL_WIDTH
    lines: list[str] = []
    for n, item in enumerate(items):
        first = f'{label}:'.ljust(_LABEL_WIDTH) if n == 0 else indent
        lines.extend(textwrap.wrap(item, _WIDTH, initial_indent=first,
                                   subsequent_indent=indent, break_on_hyphens=False,
                                   break_long_words=False))
    return lines


def _paragraph(text: str) -> list[str]:
    return textwrap.wrap(text, _WIDTH, break_on_hyphens=False)


def _library_lines(code: int, libraries: Sequence[str] | None) -> list[str]:
    lines = [f'Library names for {code}:']
    items = library_names(code).items(libraries)
    if not items:
        return []
    width = max(len(library.name) for library, _value in items) + 2
    for library, value in items:
        if isinstance(value, bool):
            text = f'close({code}) {"is accepted" if value else "throws"}'
        else:
            text = library.qualified(value) if value else '\u2014'
        lines.append(f'  {library.name.ljust(width)}{text}')
    return lines


def _number(target: Parsed) -> int | None:
    """The one code a query names: 4001 for ``'4001'``, 1008 for ``'POLICY_VIOLATION'``.

    ``None`` when it names a range.
    """
    if target.code is not None:
        return target.code
    return None if target.entry.is_range else target.entry.first


def describe(
    text: str, registry: Registry = REGISTRY, libraries: Sequence[str] | None = None
) -> str:
    """What ``wsclose TEXT`` prints.

    *libraries* are the keys of the libraries whose names it lists (by
    default every library).  Raises
    :exc:`~sphinxext_wsclose.values.InvalidCodeError` when *text* is
    neither a close code number, a registry range, nor a known name, and
    :exc:`UsageError` for an unknown library.
    """
    if libraries is not None:
        libraries = check_libraries(libraries)
    target = registry.parse(text)
    entry = target.entry
    code = target.code
    within = registry.enclosing_ranges(target.entry)
    lines = [target.text, '']
    if code is not None:
        lines += _paragraph(f'{code} is not a registered close code. It is in '
                            f'{entry.display}: {entry.description}')
    else:
        lines += _paragraph(entry.description)
    lines.append('')
    if entry.is_range:
        lines += _field('Range', entry.display)
        lines += _field('Kind', _KINDS[entry.kind])
        lines += _field('Who assigns', entry.procedure or '\u2014')
    else:
        lines += _field('Code', f'{entry.code_text} ({_KINDS[entry.kind]})')
        lines += _field('Name', entry.name)
        lines += _field('IANA name', entry.iana_name or '\u2014')
        lines += _field('Constant', entry.constant or '\u2014')
        lines += _field('Blog codename', entry.blog_codename or '\u2014')
        if entry.aliases:
            lines += _field('Also known as', ', '.join(entry.aliases))
    lines += _field('Wire', FLAG_WORDS[entry.wire])
    lines += _field('Internal', FLAG_WORDS[entry.internal])
    lines += _field('Customizable', FLAG_WORDS[entry.customizable])
    if within:
        lines += _field('Within', [other.display for other in within])
    lines += _field('References', [line for ref in entry.references
                                   for line in (ref.label, ref.url)])
    lines += _field('Notes', entry.notes)
    number = _number(target)
    if number is not None and (names := _library_lines(number, libraries)):
        lines += ['', *names]
    return '\n'.join(lines) + '\n'
