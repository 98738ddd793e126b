"""The ``wsclose-table`` directive: the registry as a docutils table.

The table is built from docutils nodes (no generated markup, no raw HTML), so
it reads the same under reStructuredText and MyST and in every builder.  Each
row carries a stable id (``wsclose-1008``, ``wsclose-4000-4999``) and is
registered in the ``wsclose`` domain as a link target.  What happens to the
rows after their page is read (the rows of codes that ``wsclose:code``
directives define, tables inside ``.. only::``, LaTeX's anchors) is in
:mod:`sphinxext_wsclose.rows` and :mod:`sphinxext_wsclose.only`; the HTML permalink of a row is in
:mod:`sphinxext_wsclose.html`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, cast

from docutils import nodes
from sphinx import addnodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import make_id

from sphinxext_wsclose._compat import current_docname, in_translation
from sphinxext_wsclose._locale import _, __
from sphinxext_wsclose.closes import closed_by_cell, note_closed_by_page
from sphinxext_wsclose.columns import (
    COLUMNS,
    TABLE_COLUMNS,
    Column,
    Span,
    SpanError,
    Style,
    covers,
    spans_in,
)
from sphinxext_wsclose.config import settings
from sphinxext_wsclose.indexing import index_entry
from sphinxext_wsclose.only import note_table_page
from sphinxext_wsclose.protocol import (
    CLOSED_TABLE,
    DEFINED_ROWS,
    OPTION,
    PRINT_LAYOUT,
    PYTHON_NAMES,
    ROW_CLASS,
    ROW_FIRST,
    ROW_KEY,
    TABLE_CLASS,
    TABLE_OPTION_SPEC,
    TABLE_OPTIONS,
    WARNING_TYPE,
)
from sphinxext_wsclose.pyobjects import python_names
from sphinxext_wsclose.records import ClosedTable
from sphinxext_wsclose.registry import Kind
from sphinxext_wsclose.roles import made_mention

if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any, ClassVar

    from docutils.nodes import Node
    from sphinx.util.typing import OptionSpec

    from sphinxext_wsclose.config import Settings
    from sphinxext_wsclose.domain import CloseCodeDomain
    from sphinxext_wsclose.registry import Entry

logger = logging.getLogger(__name__)

def _text(value: str) -> list[Node]:
    return [nodes.Text(value)] if value else []


def _literal(value: str | None) -> list[Node]:
    """Code-like text (a constant): monospace; LaTeX breaks it as :mod:`.latex` says."""
    return [nodes.literal(value, value)] if value else []


def _constant(entry: Entry) -> list[Node]:
    """The constant; for an own code from the project's Python code, ready to link to it."""
    cell = _literal(entry.constant)
    # A registered code keeps its common constant, which no project defines.
    names = python_names(entry) if entry.kind is Kind.CUSTOM else ()
    if cell and names:
        cast('nodes.literal', cell[0])[PYTHON_NAMES] = names
    return cell


def _references(entry: Entry) -> list[Node]:
    cell: list[Node] = []
    for reference in entry.references:
        if cell:
            cell.append(nodes.Text(', '))
        cell.append(nodes.reference(reference.label, reference.label, refuri=reference.url))
    return cell


def _cell(column: Column, entry: Entry, libraries: Sequence[str]) -> list[Node]:
    """The content of *column*'s cell for *entry*, in the project's language.

    *libraries* are the keys of the libraries that a ``libraries`` cell shows.
    """
    if column.style is Style.REFERENCES:
        return _references(entry)
    if column.style is Style.CONSTANT:
        return _constant(entry)
    if column.style is Style.FLAG:
        return _text(_(column.text(entry)))
    if column.style is Style.WORD or column.name == 'description':
        return _noted(column, entry)
    if column.style is Style.CLOSED_BY:
        return [closed_by_cell(entry.key)]
    return _text(column.text(entry, libraries))


def _noted(column: Column, entry: Entry) -> list[Node]:
    """A word (translated) or a description, with its note where the entry has one.

    The reconnect advice gets its details; a protocol's code on a number that
    IANA registers for something else says so after its description.
    """
    text = column.text(entry)
    cell = _text(_(text) if column.style is Style.WORD and text else text)
    note = ''
    if column.name == 'reconnect':
        note = entry.reconnect_note
    elif column.name == 'description' and entry.set:
        note = ' '.join(entry.notes)
    if note:
        cell += [nodes.Text(' \N{EN DASH} ' if column.name == 'reconnect' and cell else ' '),
                 nodes.emphasis(note, note)]
    return cell


CUSTOM_MODES = ('include', 'exclude', 'only')
_YES = {'yes', 'true', 'on', 'show', '1'}
_NO = {'no', 'false', 'off', 'hide', '0'}


@dataclass
class TableOptions:
    """A table's validated options."""

    columns: tuple[str, ...] = TABLE_COLUMNS
    spans: tuple[Span, ...] = ()
    ranges: bool = True
    custom: str = 'include'
    widths: tuple[int, ...] | str | None = None
    classes: list[str] = field(default_factory=list)
    index: bool = True
    #: ``:set:``: where the rows come from, ``'registry'`` (with the project's
    #: own codes) and protocols' sets; ``None``: the registry and every
    #: turned-on set.
    sets: tuple[str, ...] | None = None
    #: Whether ``:columns:`` was given (else a ``set`` column may be added).
    columns_given: bool = False
    #: ``:codes: closed``: the rows of the codes that some object declares,
    #: added once every page is read (:meth:`CloseCodeDomain.closed_rows`).
    closed: bool = False

    def shows(self, entry: Entry) -> bool:
        """Whether a row for *entry* belongs in the table when its page is read."""
        if self.closed and not self.spans:
            return False  # only the closed rows, which come later
        if entry.kind is Kind.CUSTOM:
            if self.custom == 'exclude':
                return False
        elif self.custom == 'only' or (entry.is_range and not self.ranges):
            return False
        return covers(self.spans, entry.first, entry.last)


def _row(cells: Sequence[list[Node]], **attributes: Any) -> nodes.row:
    row = nodes.row(**attributes)
    for content in cells:
        entry = nodes.entry()
        if content:
            entry += nodes.paragraph('', '', *content)
        row += entry
    return row


def _mark_translatable(table: nodes.table, names: Sequence[str]) -> None:
    """Give the plain-text cells the source that Sphinx's gettext builder reads.

    The headers, names and descriptions then reach the project's own message
    catalogs, to be translated like any paragraph; codes and links do not.
    """
    words = [name not in {'code', 'reference', 'closed-by'} for name in names]
    for row in table.findall(nodes.row):
        heading = isinstance(row.parent, nodes.thead)
        cells = cast('list[nodes.entry]', row.children)
        for cell, has_words in zip(cells, words, strict=True):
            if not cell.children or not (heading or has_words):
                continue
            paragraph = cast('nodes.paragraph', cell[0])
            if all(isinstance(child, nodes.Text) for child in paragraph.children):
                paragraph.rawsource = paragraph.astext()
                paragraph.source, paragraph.line = table.source, table.line


def entry_row(entry: Entry, columns: Sequence[Column], libraries: Sequence[str]) -> nodes.row:
    """The row of *entry*; its ``libraries`` cell shows the libraries with the keys *libraries*."""
    row = _row(
        [_cell(column, entry, libraries) for column in columns],
        classes=[ROW_CLASS, f'wsclose-{entry.kind.value}'],
    )
    row[ROW_FIRST] = entry.first  # keeps rows added later in code order
    _link_name(row, entry, columns)
    return row


def _link_name(row: nodes.row, entry: Entry, columns: Sequence[Column]) -> None:
    """Make the name ready to link to the code's API entry, where no constant cell does.

    That is an own code without the ``constant`` column, or a registered code
    that the project's enum spells (``ChatClose.NORMAL``): its constant cell
    shows the common constant, which is not the enum's.
    :class:`~sphinxext_wsclose.pyobjects.ConstantLinks` links it where the
    Python domain has the object, and leaves the plain name where it has not.
    """
    names = python_names(entry)
    if not names or COLUMNS['name'] not in columns:
        return
    if entry.kind is Kind.CUSTOM and COLUMNS['constant'] in columns:
        return  # the constant links to it
    cell = cast('nodes.entry', row[list(columns).index(COLUMNS['name'])])
    if not cell.children:
        return
    paragraph = cast('nodes.paragraph', cell[0])
    first = paragraph[0] if paragraph.children else None
    if isinstance(first, nodes.Text):
        paragraph[0] = nodes.inline(str(first), str(first), **{PYTHON_NAMES: names})


def first_cell_paragraph(row: nodes.row) -> nodes.paragraph:
    """The paragraph of *row*'s first cell, made if the cell is empty."""
    cell = cast('nodes.entry', row[0])
    if not cell.children:
        cell += nodes.paragraph()
    return cast('nodes.paragraph', cell[0])


def _table_body(
    table: nodes.table, columns: Sequence[Column], widths: tuple[int, ...] | str | None
) -> nodes.tbody:
    """Add the column specs and header to *table*; return its empty body."""
    tgroup = nodes.tgroup(cols=len(columns))
    table += tgroup
    if isinstance(widths, str):
        table['classes'].append(f'colwidths-{widths}')
    else:
        table['classes'].append('colwidths-given')
    for n, column in enumerate(columns):
        width = widths[n] if isinstance(widths, tuple) else column.width
        tgroup += nodes.colspec(colwidth=width)
    thead = nodes.thead()
    thead += _row([_text(_(column.header)) for column in columns])
    tgroup += thead
    tbody = nodes.tbody()
    tgroup += tbody
    return tbody


class CloseCodeTable(SphinxDirective):
    """Render the close code registry, one row per code, range and gap."""

    has_content = False
    required_arguments = 0
    optional_arguments = 0
    # Every option and value is checked here, not by docutils or MyST: a bad
    # one gets a located ``wsclose.option`` warning and its default, and the
    # table still renders (docutils would drop it for an unknown option).
    option_spec: ClassVar[OptionSpec] = TABLE_OPTION_SPEC

    def run(self) -> list[Node]:
        if in_translation(self.state.document):
            return []  # a table in a .po entry: Sphinx keeps no directive's output there
        options = self._options()
        project = settings(self.config)
        entries = _rows(project, options)  # may add the set column
        columns = [COLUMNS[name] for name in options.columns]

        table = self._table(options)
        tbody = _table_body(table, columns, options.widths)
        table[PRINT_LAYOUT] = {'columns': list(options.columns),
                               'widths_given': isinstance(options.widths, tuple)}

        domain = cast('CloseCodeDomain', self.env.get_domain('wsclose'))
        docname = current_docname(self.env)
        domain.note_markup(docname, 'table')
        document = self.state.document
        shown = []
        for entry in entries:
            if not options.shows(entry):
                continue
            shown.append(entry.key)
            row = entry_row(entry, columns, project.libraries)
            self.set_source_info(row)
            if entry.since or entry.deprecated:
                self._lifecycle(row, entry, options.columns)
            if options.index:
                node_id = make_id(self.env, document, 'wsclose', entry.key)
                row['ids'].append(node_id)
                document.note_explicit_target(row)
                row[ROW_KEY] = entry.key
                note_table_page(document)
                domain.note_row(entry.key, docname, self.lineno, node_id)
                if project.index_entries:
                    shown_as = f'{entry.set} {entry.display}' if entry.set else entry.display
                    index = addnodes.index(entries=[index_entry(shown_as, node_id)])
                    first_cell_paragraph(row).insert(0, index)
            tbody += row
        _mark_translatable(table, options.columns)
        if 'closed-by' in options.columns:
            note_closed_by_page(self.env)

        if not shown and options.custom == 'exclude' and not options.closed:
            warn_empty_table(self.get_location())
            return []
        own = options.sets is None or 'registry' in options.sets  # own codes come with it
        if (options.custom != 'exclude' and own) or options.closed:
            # Rows for codes that wsclose:code directives define, and with
            # ``:codes: closed`` for the codes objects declare: added when written.
            table[DEFINED_ROWS] = {
                'columns': list(options.columns),
                'spans': [list(span) for span in options.spans],
                'shown': shown,
                'custom': options.custom,
            }
            if 'libraries' in options.columns:
                table[DEFINED_ROWS]['libraries'] = list(project.libraries)
            domain.note_defined_rows(docname)
        if options.closed:
            table[CLOSED_TABLE] = (docname, self.lineno)
            domain.note_closed_table(docname, ClosedTable(
                self.lineno, options.spans, options.custom, options.ranges, options.index,
                tuple(shown)))
            note_closed_by_page(self.env)
        return [table]

    def _lifecycle(self, row: nodes.row, entry: Entry, names: Sequence[str]) -> None:
        """Mark an own code's version: "new in 2.1", "deprecated in 3.0; use 4010 Room gone"."""
        if entry.deprecated:
            row['classes'].append('wsclose-deprecated')
        if 'name' not in names:
            return
        cell = cast('nodes.entry', row[list(names).index('name')])
        if not cell.children:
            cell += nodes.paragraph()
        paragraph = cast('nodes.paragraph', cell[0])
        if entry.since:
            text = _('new in %s') % entry.since
            paragraph += [nodes.Text(' '), nodes.inline(text, text, classes=['wsclose-since'])]
        if entry.deprecated:
            text = _('deprecated in %s') % entry.deprecated
            marker = nodes.inline('', text, classes=['wsclose-deprecated-marker'])
            if entry.replacement:
                source, line = self.get_source_info()
                marker += nodes.Text(_('; use '))
                marker += made_mention(self.env, entry.replacement, source, line)
            paragraph += [nodes.Text(' '), marker]

    def _table(self, options: TableOptions) -> nodes.table:
        """The empty table, with its classes, its caption and its name."""
        table = nodes.table(classes=[TABLE_CLASS, 'longtable', *options.classes])
        self.set_source_info(table)
        caption = self.options.get('caption', '').strip()
        if caption:
            title_nodes, messages = self.state.inline_text(caption, self.lineno)
            table += nodes.title(caption, '', *title_nodes)
            table += messages
        if self.options.get('name', '').strip():
            self.options['name'] = self.options['name'].strip()
            self.add_name(table)
        return table

    # -- options --------------------------------------------------------------

    def _warn(self, option: str, message: str, *args: object) -> None:
        logger.warning(
            __('wsclose-table :%s: %s') % (option, message % args),
            location=self.get_location(),
            type=WARNING_TYPE,
            subtype=OPTION,
        )

    def _options(self) -> TableOptions:
        for name in self.options:
            if name not in TABLE_OPTIONS and name != 'noindex':
                self._warn(name, __('is not an option; the options are %s; ignored'),
                           ', '.join(f':{known}:' for known in TABLE_OPTIONS))
        # ``:noindex:`` is Sphinx's older spelling; ``:no-index: no`` means it.
        no_index = self.options.get('no-index', self.options.get('noindex'))
        index = no_index is None or (
            bool(no_index.strip()) and not self._boolean('no-index', no_index)
        )
        options = TableOptions(index=index)
        if 'codes' in self.options:
            options.closed, options.spans = self._codes(self.options['codes'])
        if 'columns' in self.options:
            options.columns = self._columns(self.options['columns'])
            options.columns_given = True
        if 'set' in self.options:
            options.sets = self._sets(self.options['set'])
        if 'ranges' in self.options:
            options.ranges = self._boolean('ranges', self.options['ranges'])
        if 'custom' in self.options:
            value = self.options['custom'].strip().lower()
            if value in CUSTOM_MODES:
                options.custom = value
            else:
                self._warn('custom', __('%r is not one of include, exclude, only; using include'),
                           self.options['custom'])
        if 'widths' in self.options:
            options.widths = self._widths(self.options['widths'], len(options.columns))
        if 'class' in self.options:
            options.classes = self._classes(self.options['class'])
        return options

    def _classes(self, value: str) -> list[str]:
        names = value.split()
        usable = [nodes.make_id(name) for name in names]
        refused = [name for name, made in zip(names, usable, strict=True) if not made]
        if len(refused) == 1:
            self._warn('class', __('%r is not a usable class name; ignored'), refused[0])
        elif refused:
            self._warn('class', __('%s are not usable class names; ignored'),
                       ', '.join(repr(name) for name in refused))
        return [name for name in usable if name]

    def _codes(self, value: str) -> tuple[bool, tuple[Span, ...]]:
        """``:codes:``: whether it has the word ``closed``, and its spans."""
        items = value.split(',')
        others = [item for item in items if item.strip().lower() != 'closed']
        closed = len(others) < len(items)
        if closed and not any(item.strip() for item in others):
            return True, ()
        spans = self._spans(','.join(others))
        if not spans:  # a bad item, warned about: every code, as the warning says
            return False, ()
        return closed, spans

    def _sets(self, value: str) -> tuple[str, ...] | None:
        """``:set:``: ``registry`` and the names of protocols' sets, known ones only."""
        known = ('registry', *settings(self.config).registry.sets)
        names = [name for name in re.split(r'[\s,]+', value.strip().lower()) if name]
        unknown = [name for name in names if name not in known]
        chosen = tuple(dict.fromkeys(name for name in names if name in known))
        if unknown or not chosen:
            self._warn('set', __('%s: the sets are %s; %s'),
                       ', '.join(repr(name) for name in unknown) or __('no set given'),
                       ', '.join(known),
                       __('ignored') if chosen else __('showing the default sets'))
        return chosen or None

    def _spans(self, value: str) -> tuple[Span, ...]:
        try:
            return spans_in(value)
        except SpanError as error:
            if error.reason == 'backwards':
                self._warn('codes', __('%r runs backwards; showing every code'), error.item)
            elif error.reason == 'empty':
                self._warn('codes', __('no code given; showing every code'))
            else:
                self._warn('codes', __('%r is not a code or a range such as 4000-4999; '
                                       'showing every code'), error.item)
            return ()

    def _columns(self, value: str) -> tuple[str, ...]:
        names = [name for name in re.split(r'[\s,]+', value.strip().lower()) if name]
        unknown = [name for name in names if name not in COLUMNS]
        known = tuple(dict.fromkeys(name for name in names if name in COLUMNS))
        if unknown or not known:
            self._warn(
                'columns',
                __('%s: the columns are %s; %s'),
                ', '.join(repr(name) for name in unknown) or __('no column given'),
                ', '.join(COLUMNS),
                __('ignored') if known else __('showing the default columns'),
            )
        return known or TABLE_COLUMNS

    def _boolean(self, option: str, value: str) -> bool:
        folded = value.strip().lower()
        if folded in _YES:
            return True
        if folded not in _NO:
            self._warn(option, __('%r is not yes or no; using yes'), value)
            return True
        return False

    def _widths(self, value: str, count: int) -> tuple[int, ...] | str | None:
        folded = value.strip().lower()
        if folded in {'auto', 'grid'}:
            return folded
        parts = [part for part in re.split(r'[\s,]+', folded) if part]
        # ASCII digits only ('²' is a digit to str.isdigit, not to int), and few of them.
        if len(parts) == count and all(
            re.fullmatch(r'[0-9]{1,6}', part) and int(part) > 0 for part in parts
        ):
            return tuple(int(part) for part in parts)
        self._warn('widths', __('%r is not auto, grid, or %d positive whole numbers (one per '
                                'column); using the default widths'), value, count)
        return None


def _rows(project: Settings, options: TableOptions) -> list[Entry]:
    """The entries a table may show, in code order: the registry's and the sets'.

    With rows from more than one source and no ``:columns:``, the table
    gets a ``set`` column ("Defined by").
    """
    registry = project.registry
    sources = options.sets if options.sets is not None else ('registry', *project.sets)
    options.sets = sources
    rows: list[Entry] = []
    for name in sources:
        rows.extend(registry if name == 'registry' else registry.sets[name])
    shown = {entry.set for entry in rows if options.shows(entry)}
    if len(shown) > 1 and not options.columns_given and 'set' not in options.columns:
        options.columns = (*options.columns, 'set')
    order = {name: n for n, name in enumerate(sources)}
    return sorted(rows, key=lambda entry: (entry.first, -entry.last,
                                           order.get(entry.set or 'registry', 0)))


def warn_empty_table(location: str | Node) -> None:
    """The ``wsclose.option`` warning for a table that has no row left."""
    logger.warning(
        __('wsclose-table: no row matches its :codes:, :ranges: and :custom: options; '
           'the table is left out'),
        location=location, type=WARNING_TYPE, subtype=OPTION,
    )
