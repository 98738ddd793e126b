"""The ``wsclose-table`` directive: the registry as a docutils table.

The table is built from docutils nodes (no generated markup, no raw HTML), so
it reads the same under reStructuredText and MyST and in every builder.  Each
row carries a stable id (``wsclose-1008``, ``wsclose-4000-4999``) and is
registered in the ``wsclose`` domain as a link target.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import make_id

from sphinxext_wsclose._compat import current_docname
from sphinxext_wsclose._locale import _
from sphinxext_wsclose.registry import REGISTRY

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from typing import Any, ClassVar

    from docutils.nodes import Node
    from sphinx.util.typing import OptionSpec

    from sphinxext_wsclose.domain import CloseCodeDomain
    from sphinxext_wsclose.registry import Entry

logger = logging.getLogger(__name__)


def _text(value: str) -> list[Node]:
    return [nodes.Text(value)] if value else []


def _flag(value: bool | None) -> list[Node]:  # noqa: FBT001
    if value is None:
        return _text(_('per code'))
    return _text(_('yes') if value else _('no'))


def _references(entry: Entry) -> list[Node]:
    cell: list[Node] = []
    for reference in entry.references:
        if cell:
            cell.append(nodes.Text(', '))
        cell.append(nodes.reference(reference.label, reference.label, refuri=reference.url))
    return cell


@dataclass(frozen=True)
class Column:
    """A column the table can show: its header, relative width, and cell content."""

    header: Callable[[], str]
    width: int
    render: Callable[[Entry], list[Node]]


#: Every column, by the name that selects it.
COLUMNS: dict[str, Column] = {
    'code': Column(lambda: _('Code'), 12, lambda e: _text(e.code_text)),
    'name': Column(lambda: _('Name'), 20, lambda e: _text(e.name)),
    'description': Column(lambda: _('Description'), 46, lambda e: _text(e.description)),
    'reference': Column(lambda: _('Reference'), 22, _references),
    'iana-name': Column(lambda: _('IANA name'), 20, lambda e: _text(e.iana_name or '')),
    'constant': Column(lambda: _('Constant'), 22, lambda e: _text(e.constant or '')),
    'codename': Column(lambda: _('Blog codename'), 20, lambda e: _text(e.seed_codename or '')),
    'wire': Column(lambda: _('Sent on the wire'), 10, lambda e: _flag(e.wire)),
    'internal': Column(lambda: _('Internal'), 10, lambda e: _flag(e.internal)),
    'customizable': Column(lambda: _('Customizable'), 12, lambda e: _flag(e.customizable)),
}

#: The columns a table shows unless told otherwise.
DEFAULT_COLUMNS = ('code', 'name', 'description', 'reference')


def _row(cells: Sequence[list[Node]], **attributes: Any) -> nodes.row:
    row = nodes.row(**attributes)
    for content in cells:
        entry = nodes.entry()
        if content:
            entry += nodes.paragraph('', '', *content)
        row += entry
    return row


class CloseCodeTable(SphinxDirective):
    """Render the close code registry, one row per code, range and gap."""

    has_content = False
    required_arguments = 0
    optional_arguments = 0
    option_spec: ClassVar[OptionSpec] = {}

    def run(self) -> list[Node]:
        columns = [COLUMNS[name] for name in DEFAULT_COLUMNS]
        domain = cast('CloseCodeDomain', self.env.get_domain('wsclose'))
        docname = current_docname(self.env)
        document = self.state.document

        table = nodes.table(classes=['wsclose-table', 'longtable', 'colwidths-given'])
        self.set_source_info(table)
        tgroup = nodes.tgroup(cols=len(columns))
        table += tgroup
        for column in columns:
            tgroup += nodes.colspec(colwidth=column.width)
        thead = nodes.thead()
        thead += _row([_text(column.header()) for column in columns])
        tgroup += thead
        tbody = nodes.tbody()
        tgroup += tbody

        for entry in REGISTRY:
            row = _row(
                [column.render(entry) for column in columns],
                classes=['wsclose-row', f'wsclose-{entry.kind.value}'],
            )
            self.set_source_info(row)
            node_id = make_id(self.env, document, 'wsclose', entry.key)
            row['ids'].append(node_id)
            document.note_explicit_target(row)
            domain.note_code(entry.key, docname, node_id, self.lineno)
            tbody += row
        return [table]


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
            first_cell = cast('nodes.entry', row[0])
            if first_cell.children:
                cast('nodes.Element', first_cell[0]).insert(0, anchor)
            else:
                first_cell += nodes.paragraph('', '', anchor)
