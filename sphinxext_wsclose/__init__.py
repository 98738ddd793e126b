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
    """Register the configuration, domain, role, directives and handlers."""
    # Imported here, so that the registry and the command line load
    # without Sphinx.
    from pathlib import Path

    from sphinxext_wsclose._compat import remember_builder
    from sphinxext_wsclose._locale import MESSAGE_CATALOG
    from sphinxext_wsclose.config import CONFIG_VALUES, reread_if_codes_changed, validate_config
    from sphinxext_wsclose.domain import (
        CloseCodeDomain,
        outdated_documents,
        translate_index_titles,
    )
    from sphinxext_wsclose.html import add_static_path, add_stylesheet
    from sphinxext_wsclose.indexing import setup_indexing
    from sphinxext_wsclose.pyobjects import ConstantLinks, add_code_mention
    from sphinxext_wsclose.references import (
        FALLBACK_PRIORITY,
        MentionResolver,
        MentionShape,
        resolve_fallbacks,
        warn_missing_reference,
    )
    from sphinxext_wsclose.roles import CloseCodeRole, mention_text
    from sphinxext_wsclose.table import (
        CloseCodeTable,
        DefinedCodeRows,
        KeptRowIds,
        OnlyTables,
        RowAnchors,
        add_row_permalinks,
    )
    from sphinxext_wsclose.titles import setup_titles

    # After the imports: labels made while they load stay lazy.
    app.add_message_catalog(MESSAGE_CATALOG, Path(__file__).resolve().parent / 'locale')
    for name, (default, types) in CONFIG_VALUES.items():
        app.add_config_value(name, default, 'env', types=types)
    app.connect('config-inited', validate_config)

    app.add_domain(CloseCodeDomain)
    app.add_role('wsclose', CloseCodeRole())
    app.add_directive('wsclose-table', CloseCodeTable)
    app.add_node(mention_text)
    app.add_post_transform(MentionResolver)
    app.add_post_transform(MentionShape)
    app.add_post_transform(DefinedCodeRows)
    app.add_transform(OnlyTables)
    app.add_post_transform(KeptRowIds)
    app.add_post_transform(RowAnchors)
    app.add_post_transform(ConstantLinks)
    app.connect('object-description-transform', add_code_mention)

    app.connect('builder-inited', remember_builder)
    app.connect('builder-inited', translate_index_titles)
    app.connect('missing-reference', resolve_fallbacks, priority=FALLBACK_PRIORITY)
    app.connect('warn-missing-reference', warn_missing_reference)
    app.connect('env-get-outdated', reread_if_codes_changed)
    app.connect('env-updated', outdated_documents)
    setup_titles(app)
    setup_indexing(app)

    app.connect('doctree-resolved', add_row_permalinks)
    app.connect('builder-inited', add_static_path)
    app.connect('html-page-context', add_stylesheet)
    return {
        'version': __version__,
        'env_version': 6,
        'parallel_read_safe': True,
        'parallel_write_safe': True,
    }
