"""Tables inside ``.. only::``: link targets and index entries only in the builds that keep them.

Sphinx reads a page once for every builder, and drops the ``.. only::``
blocks that a build leaves out only when it writes the page.  So a row
inside such a block is a link target, and an entry of the general index,
for every build, unless this module steps in.  All of it is here:

* when the page is read, :class:`OnlyTables` notes the blocks around each
  table's rows in the domain (a ``Location``'s ``only``), gives a row its
  code's own id where another table on the page took it, and holds the
  rows' index entries back (:func:`hold_entries`);
* once every page is read, :func:`settle_index` gives each build's general
  index the entries of the rows that build keeps;
* when a page is written, :class:`KeptRowIds` gives a kept row its code's id,
  and :class:`HeldIndexEntries` gives kept rows their entries back, for the
  printed indexes that LaTeX and Texinfo make from the pages as written.

The domain decides which targets a build keeps (``CloseCodeDomain.holds``).
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any, cast
from weakref import WeakSet

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform

from sphinxext_wsclose._compat import current_docname
from sphinxext_wsclose.protocol import (
    HELD_ENTRIES,
    KEPT_ROWS,
    ONLY_TABLES,
    ROW_CLASS,
    ROW_KEY,
    ROW_OWN_ID,
    TABLE_CLASS,
)

if TYPE_CHECKING:
    from docutils.nodes import Node
    from sphinx.application import Sphinx
    from sphinx.domains.index import IndexDomain
    from sphinx.environment import BuildEnvironment

    from sphinxext_wsclose.domain import CloseCodeDomain
    from sphinxext_wsclose.records import IndexEntryTuple

#: The pages being read that have a table, so that :class:`OnlyTables` costs
#: nothing on the others.  Weak: a page's doctree goes once it is pickled.
_TABLE_PAGES: WeakSet[nodes.document] = WeakSet()


def note_table_page(document: nodes.document) -> None:
    """Note that *document*, being read, has a table with link targets."""
    _TABLE_PAGES.add(document)


def only_conditions(node: Node | None) -> tuple[str, ...]:
    """The expressions of the ``.. only::`` blocks around *node*, outermost first."""
    found = []
    while node is not None:
        if isinstance(node, addnodes.only):
            found.append(str(node['expr']))
        node = node.parent
    return tuple(reversed(found))


def hold_entries(row: nodes.Element) -> list[IndexEntryTuple]:
    """Take the index entries off *row*, a row inside ``.. only::``, until it is written."""
    held: list[IndexEntryTuple] = []
    for index in row.findall(addnodes.index):
        held.extend(index['entries'])
        index[HELD_ENTRIES] = index['entries']
        index['entries'] = []
    return held


class OnlyTables(SphinxTransform):
    """Note the ``.. only::`` blocks around each table, once its page is parsed.

    A row inside them is a link target only in the builds that keep it; and
    where the page has another table of the code, one that this build may
    leave out, the row takes the code's own id when the page is written
    (:class:`KeptRowIds`).  (A directive cannot see its parent node in MyST.)
    """

    default_priority = ONLY_TABLES

    def apply(self, **kwargs: Any) -> None:
        if self.document not in _TABLE_PAGES:
            return
        domain = cast('CloseCodeDomain', self.env.get_domain('wsclose'))
        docname = current_docname(self.env)
        for table in self.document.findall(nodes.table):
            only = only_conditions(table.parent) if TABLE_CLASS in table['classes'] else ()
            if not only:
                continue
            for row in table.findall(nodes.row):
                key = row.get(ROW_KEY)
                if key is None or not row['ids']:
                    continue
                read_id, own_id = row['ids'][0], nodes.make_id(f'wsclose-{key}')
                if read_id != own_id:
                    row[ROW_OWN_ID] = own_id
                    for index in row.findall(addnodes.index):
                        index['entries'] = [
                            (kind, text, own_id if target == read_id else target, *rest)
                            for kind, text, target, *rest in index['entries']
                        ]
                domain.note_row_kept(key, docname, read_id, own_id, only)
                domain.note_only_entries(docname, hold_entries(row), only)


def settle_index(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-updated`` handler: the general index lists the rows this build keeps.

    The entries of rows inside ``.. only::`` are worked out again for each
    build, whatever the builds before it, which may share the environment
    (``sphinx-build -M``), left there.
    """
    domain = cast('CloseCodeDomain', env.get_domain('wsclose'))
    index = cast('IndexDomain', env.get_domain('index'))
    for docname, held in domain.only_entries.items():
        left = Counter(item.entry for item in held)  # as a build before this one listed them
        entries = []
        for entry in index.entries.get(docname, ()):
            if left[tuple(entry)] > 0:  # type: ignore[index]
                left[tuple(entry)] -= 1  # type: ignore[index]
            else:
                entries.append(entry)
        entries.extend(item.entry for item in held if domain.holds(item.only))
        index.entries[docname] = entries


class KeptRowIds(SphinxPostTransform):
    """Give a row its code's id, where this build left out the table that had it.

    Two tables on one page, in ``.. only:: html`` and ``.. only:: latex``,
    cannot both have the id ``wsclose-1008`` while the page is read; the
    second one gets it here, once the block that this build leaves out is gone.
    """

    default_priority = KEPT_ROWS

    def run(self, **kwargs: Any) -> None:
        # Not the page's own mark: LaTeX writes its pages as one, which carries
        # only the attributes of the first.
        domain = cast('CloseCodeDomain', self.env.get_domain('wsclose'))
        if not domain.only_entries:
            return
        rows = [row for row in self.document.findall(nodes.row) if ROW_CLASS in row['classes']]
        taken = {node_id for row in rows for node_id in row['ids']}
        for row in rows:
            wanted = row.attributes.pop(ROW_OWN_ID, None)
            if wanted is not None and wanted not in taken:
                row['ids'] = [wanted]
                taken.add(wanted)


class HeldIndexEntries(SphinxPostTransform):
    """Give the rows this build keeps their index entries back, for LaTeX and Texinfo.

    It runs once Sphinx has dropped the ``.. only::`` blocks that the build
    leaves out, on every page of a project that has such rows (LaTeX writes
    its pages as one, which carries only the first page's attributes).
    """

    default_priority = KEPT_ROWS

    def run(self, **kwargs: Any) -> None:
        domain = cast('CloseCodeDomain', self.env.get_domain('wsclose'))
        if not domain.only_entries:
            return
        for index in self.document.findall(addnodes.index):
            if HELD_ENTRIES in index:
                index['entries'] = index.attributes.pop(HELD_ENTRIES)
