"""A table's rows after their page is read.

:class:`OnlyTables` notes the ``.. only::`` blocks around a table once its
page is parsed; the post-transforms run as each page is written:
:class:`DefinedCodeRows` adds the rows of the codes that ``wsclose:code``
directives define (known only once every page is read), each linking to the
code's description; :class:`KeptRowIds` gives a row inside ``.. only::`` its
code's id; :class:`RowAnchors` gives LaTeX and Texinfo a target per row.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging

from sphinxext_wsclose._compat import current_docname
from sphinxext_wsclose.columns import COLUMNS, Column, covers
from sphinxext_wsclose.indexing import hold_entries
from sphinxext_wsclose.table import TABLE_PAGES, entry_row, first_paragraph, warn_empty_table

if TYPE_CHECKING:
    from docutils.nodes import Node
    from sphinx.application import Sphinx

    from sphinxext_wsclose.domain import CloseCodeDomain
    from sphinxext_wsclose.registry import Entry

logger = logging.getLogger(__name__)


class DefinedCodeRows(SphinxPostTransform):
    """Add rows for the codes that ``wsclose:code`` directives define.

    They are known only after every page is read, so their rows are added
    when the page is written.  Each row's code links to the description,
    which is the code's link target; the row itself is not one.
    """

    default_priority = 5  # before the references in the new rows are resolved

    def run(self, **kwargs: Any) -> None:
        domain = cast('CloseCodeDomain', self.env.get_domain('wsclose'))
        for table in list(self.document.findall(nodes.table)):
            request = table.get('wsclose_defined_rows')
            if not request:
                continue
            columns = [COLUMNS[name] for name in request['columns']]
            spans = [tuple(span) for span in request['spans']]
            tbody = next(iter(table.findall(nodes.tbody)))
            for key in sorted(domain.definitions, key=int):
                if key in request['shown'] or not covers(spans, int(key)):
                    continue
                entry = domain.entry(key)
                assert entry is not None
                row = entry_row(entry, columns)
                self._link_code(row, entry, columns)
                self._insert(tbody, row, int(key))
            if not tbody.children:
                warn_empty_table(table)
                table.parent.remove(table)

    @staticmethod
    def _link_code(row: nodes.row, entry: Entry, columns: list[Column]) -> None:
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
            first = cast('nodes.Element', other).get('wsclose_first')
            if first is not None and first > code:
                tbody.insert(index, row)
                return
        tbody += row


def only_conditions(node: Node | None) -> tuple[str, ...]:
    """The expressions of the ``.. only::`` blocks around *node*, outermost first."""
    found = []
    while node is not None:
        if isinstance(node, addnodes.only):
            found.append(str(node['expr']))
        node = node.parent
    return tuple(reversed(found))


class OnlyTables(SphinxTransform):
    """Note the ``.. only::`` blocks around each table, once its page is parsed.

    A row inside them is a link target only in the builds that keep it; and
    where the page has another table of the code, one that this build may
    leave out, the row takes the code's own id when the page is written
    (:class:`KeptRowIds`).  (A directive cannot see its parent node in MyST.)
    """

    default_priority = 840

    def apply(self, **kwargs: Any) -> None:
        if self.document not in TABLE_PAGES:
            return
        domain = cast('CloseCodeDomain', self.env.get_domain('wsclose'))
        docname = current_docname(self.env)
        for table in self.document.findall(nodes.table):
            only = only_conditions(table.parent) if 'wsclose-table' in table['classes'] else ()
            if not only:
                continue
            for row in table.findall(nodes.row):
                key = row.get('wsclose_key')
                if key is None or not row['ids']:
                    continue
                read_id, own_id = row['ids'][0], nodes.make_id(f'wsclose-{key}')
                if read_id != own_id:
                    row['wsclose_id'] = own_id
                    for index in row.findall(addnodes.index):
                        index['entries'] = [
                            (kind, text, own_id if target == read_id else target, *rest)
                            for kind, text, target, *rest in index['entries']
                        ]
                domain.note_row_kept(key, docname, read_id, own_id, only)
                domain.note_only_entries(docname, hold_entries(row), only)


class KeptRowIds(SphinxPostTransform):
    """Give a row its code's id, where this build left out the table that had it.

    Two tables on one page, in ``.. only:: html`` and ``.. only:: latex``,
    cannot both have the id ``wsclose-1008`` while the page is read; the
    second one gets it here, once the block that this build leaves out is gone.
    """

    default_priority = 55  # after Sphinx's OnlyNodeTransform (50)

    def run(self, **kwargs: Any) -> None:
        # Not the page's own mark: LaTeX writes its pages as one, which carries
        # only the attributes of the first.
        domain = cast('CloseCodeDomain', self.env.get_domain('wsclose'))
        if not domain.only_entries:
            return
        rows = [row for row in self.document.findall(nodes.row) if 'wsclose-row' in row['classes']]
        taken = {node_id for row in rows for node_id in row['ids']}
        for row in rows:
            wanted = row.attributes.pop('wsclose_id', None)
            if wanted is not None and wanted not in taken:
                row['ids'] = [wanted]
                taken.add(wanted)


class RowAnchors(SphinxPostTransform):
    """Give LaTeX and Texinfo a link target for each row.

    Their writers ignore the ids of table rows; a target at the start of the
    first cell carries them instead.  HTML keeps them on the ``<tr>``.
    """

    default_priority = 900
    formats = ('latex', 'texinfo')

    def run(self, **kwargs: Any) -> None:
        for row in self.document.findall(nodes.row):
            if 'wsclose-row' not in row['classes'] or not row['ids']:
                continue
            anchor = nodes.target('', '', ids=row['ids'])
            row['ids'] = []
            first_paragraph(row).insert(0, anchor)


def setup_rows(app: Sphinx) -> None:
    """Register the transform and the post-transforms of this module."""
    app.add_transform(OnlyTables)
    app.add_post_transform(DefinedCodeRows)
    app.add_post_transform(KeptRowIds)
    app.add_post_transform(RowAnchors)
