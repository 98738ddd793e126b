"""Sphinx extension for WebSocket close codes: a reference table and linking mentions.

Add ``'sphinxext_wsclose'`` to ``extensions`` in ``conf.py``, then write
``.. wsclose-table::`` for the table and ``:wsclose:`1008``` for a mention
(``{wsclose-table}`` and ``{wsclose}`1008``` in MyST).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinxext_wsclose.domain import CloseCodeDomain, warn_missing_reference
from sphinxext_wsclose.roles import CloseCodeRole
from sphinxext_wsclose.table import CloseCodeTable, RowAnchors

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

__version__ = '0.1.0'


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the domain, the role, the table directive and their handlers."""
    app.add_domain(CloseCodeDomain)
    app.add_role('wsclose', CloseCodeRole())
    app.add_directive('wsclose-table', CloseCodeTable)
    app.add_post_transform(RowAnchors)
    app.connect('warn-missing-reference', warn_missing_reference)
    return {
        'version': __version__,
        'env_version': 1,
        'parallel_read_safe': True,
        'parallel_write_safe': True,
    }
