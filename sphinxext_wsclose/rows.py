"""A table's rows as each page is written.

:class:`DefinedCodeRows` adds the rows of the codes that ``wsclose:code``
directives define (known only once every page is read), each linking to the
code's description; :class:`RowAnchors` gives LaTeX and Texinfo a target per
row.  Rows inside ``.. only::`` are :mod:`sphinxext_wsclose.only`'s.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging

from sphinxext_wsclose._compat import current_docname
from sphinxext_wsclose.domain import sort_key
from sphinxext_wsclose.protocol import (
    CLOSED_TABLE,
    DEFINED_ROWS,
    DEFINED_ROWS_AT,
    ROW_ANCHORS,
    ROW_CLASS,
    ROW_FIRST,
    ROW_KEY,
)

if TYPE_CHECKING:
    from sphinxext_wsclose.columns import Column
    from sphinxext_wsclose.domain import CloseCodeDomain
    from sphinxext_wsclose.registry import Entry

logger = logging.getLogger(__name__)


class DefinedCodeRows(SphinxPostTransform):
    """Add rows for the codes that ``wsclose:code`` directives define.

    They are known only after every page is read, so their rows are added
    when the page is written.  Each row's code links to the description,
    which is the code's link target; the row itself is not one.
    """

    default_priority = DEFINED_ROWS_AT

    def run(self, **kwargs: Any) -> None:
        domain = cast('CloseCodeDomain', self.env.get_domain('wsclose'))
        docname = current_docname(self.env)
        if not domain.holds_markup(docname, {'table'}):
            return  # no table here
        # The table's modules load on a page with a table only.
        from sphinxext_wsclose.columns import COLUMNS, covers  # noqa: PLC0415
        from sphinxext_wsclose.table import entry_row, warn_empty_table  # noqa: PLC0415

        for table in list(self.document.findall(nodes.table)):
            request = table.get(DEFINED_ROWS)
            if not request:
                continue
            columns = [COLUMNS[name] for name in request['columns']]
            spans = [tuple(span) for span in request['spans']]
            tbody = next(iter(table.findall(nodes.tbody)))
            closed = table.get(CLOSED_TABLE)
            # ``:codes: closed``: the rows the domain placed for this table.
            # The table's own page: a builder that writes one document
            # (LaTeX, single-page HTML) hands over the pages it includes.
            added = {} if closed is None else dict(domain.closed_rows(*closed))
            defined = [] if request.get('custom') == 'exclude' else [
                key for key in domain.definitions
                if key not in request['shown'] and key not in added
                and (spans or closed is None) and covers(spans, int(key))]
            for key in sorted([*defined, *added], key=sort_key):
                entry = domain.entry(key)
                assert entry is not None
                row = entry_row(entry, columns, request.get('libraries', ()))
                if added.get(key):
                    row['ids'].append(added[key])
                    row[ROW_KEY] = key
                if key in domain.definitions:
                    self._link_code(row, entry, columns)
                self._insert(tbody, row, entry.first)
            if not tbody.children:
                warn_empty_table(table)
                table.parent.remove(table)

    @staticmethod
    def _link_code(row: nodes.row, entry: Entry, columns: list[Column]) -> None:
        from sphinxext_wsclose.columns import COLUMNS  # noqa: PLC0415

        if COLUMNS['code'] not in columns:
            return
        cell = cast('nodes.entry', row[columns.index(COLUMNS['code'])])
        ref = addnodes.pending_xref(
            '', refdomain='wsclose', reftype='code', reftarget=entry.key,
            refexplicit=True, refwarn=False,
        )
        ref += nodes.inline(entry.code_text, entry.code_text)
        cell.clear()
        cell += nodes.paragraph('', '', ref)

    @staticmethod
    def _insert(tbody: nodes.Element, row: nodes.row, code: int) -> None:
        for index, other in enumerate(tbody.children):
            first = cast('nodes.Element', other).get(ROW_FIRST)
            if first is not None and first > code:
                tbody.insert(index, row)
                return
        tbody += row


class RowAnchors(SphinxPostTransform):
    """Give LaTeX and Texinfo a link target for each row.

    Their writers ignore the ids of table rows; a target at the start of the
    first cell carries them instead.  HTML keeps them on the ``<tr>``.
    """

    default_priority = ROW_ANCHORS
    formats = ('latex', 'texinfo')

    def run(self, **kwargs: Any) -> None:
        domain = cast('CloseCodeDomain', self.env.get_domain('wsclose'))
        if not domain.holds_markup(current_docname(self.env), {'table'}):
            return
        from sphinxext_wsclose.table import first_cell_paragraph  # noqa: PLC0415

        for row in self.document.findall(nodes.row):
            if ROW_CLASS not in row['classes'] or not row['ids']:
                continue
            anchor = nodes.target('', '', ids=row['ids'])
            row['ids'] = []
            first_cell_paragraph(row).insert(0, anchor)
