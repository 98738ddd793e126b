"""Thin stand-ins that ``setup()`` registers for work most builds never do.

Sphinx needs a class to register a transform, and importing the module that
holds the real one costs every build that load, even one that never runs
it.  Each class here has the real one's priority and formats, and imports
its module only when it runs: :class:`CloseCodeTable` loads ``table.py``
(and ``columns.py``) on the first ``wsclose-table``, :class:`PrintedTables`
loads ``latex.py`` (its page measures) in a LaTeX build only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxDirective

from sphinxext_wsclose.protocol import PRINTED_TABLES, TABLE_OPTION_SPEC

if TYPE_CHECKING:
    from typing import Any, ClassVar

    from docutils.nodes import Node
    from sphinx.util.typing import OptionSpec


class CloseCodeTable(SphinxDirective):
    """:class:`sphinxext_wsclose.table.CloseCodeTable`, imported at the first table."""

    has_content = False
    required_arguments = 0
    optional_arguments = 0
    option_spec: ClassVar[OptionSpec] = TABLE_OPTION_SPEC

    def run(self) -> list[Node]:
        from sphinxext_wsclose import table  # noqa: PLC0415 -- a project with a table only

        return table.CloseCodeTable(
            self.name, self.arguments, self.options, self.content, self.lineno,
            self.content_offset, self.block_text, self.state, self.state_machine,
        ).run()


class PrintedTables(SphinxPostTransform):
    """:class:`sphinxext_wsclose.latex.PrintedTables`, imported when a LaTeX page is written."""

    default_priority = PRINTED_TABLES
    formats = ('latex',)

    def run(self, **kwargs: Any) -> None:
        from sphinxext_wsclose import latex  # noqa: PLC0415 -- LaTeX builds only

        latex.PrintedTables(self.document, self.startnode).run(**kwargs)
