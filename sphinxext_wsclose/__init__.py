"""Sphinx extension for WebSocket close codes: a reference table and linking mentions.

Add ``'sphinxext_wsclose'`` to ``extensions`` in ``conf.py``, then write
``.. wsclose-table::`` for the table and ``:wsclose:`1008``` for a mention
(``{wsclose-table}`` and ``{wsclose}`1008``` in MyST).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

__version__ = '0.2.0.dev0'


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the configuration, domain, role, directives and handlers.

    Each module registers its own objects through its ``setup_*`` function.
    """
    # Imported here, so that the registry and the command line load
    # without Sphinx.
    from pathlib import Path

    from sphinxext_wsclose._compat import setup_compat
    from sphinxext_wsclose._locale import MESSAGE_CATALOG
    from sphinxext_wsclose.config import setup_config
    from sphinxext_wsclose.domain import setup_domain
    from sphinxext_wsclose.html import setup_html
    from sphinxext_wsclose.indexing import setup_indexing
    from sphinxext_wsclose.links import setup_links
    from sphinxext_wsclose.pyobjects import setup_pyobjects
    from sphinxext_wsclose.roles import setup_roles
    from sphinxext_wsclose.rows import setup_rows
    from sphinxext_wsclose.table import setup_table
    from sphinxext_wsclose.titles import setup_titles

    # After the imports: labels made while they load stay lazy.
    app.add_message_catalog(MESSAGE_CATALOG, Path(__file__).resolve().parent / 'locale')
    setup_compat(app)
    setup_config(app)
    setup_domain(app)
    setup_roles(app)
    setup_table(app)
    setup_rows(app)
    setup_links(app)
    setup_titles(app)
    setup_indexing(app)
    setup_pyobjects(app)
    setup_html(app)
    return {
        'version': __version__,
        'env_version': 7,
        'parallel_read_safe': True,
        'parallel_write_safe': True,
    }
