"""Thin stand-ins that ``setup()`` registers for work most builds never do.

Sphinx needs a class to register a transform, and importing the module that
holds the real one costs every build that load, even one that never runs
it.  Each class here has the real one's priority and formats, and imports
its module only when it runs: :class:`PrintedTables` loads ``latex.py``
(its page measures, and ``columns.py``) in a LaTeX build only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx.transforms.post_transforms import SphinxPostTransform

from sphinxext_wsclose.protocol import PRINTED_TABLES

if TYPE_CHECKING:
    from typing import Any


class PrintedTables(SphinxPostTransform):
    """:class:`sphinxext_wsclose.latex.PrintedTables`, imported when a LaTeX page is written."""

    default_priority = PRINTED_TABLES
    formats = ('latex',)

    def run(self, **kwargs: Any) -> None:
        from sphinxext_wsclose import latex  # noqa: PLC0415 -- LaTeX builds only

        latex.PrintedTables(self.document, self.startnode).run(**kwargs)
