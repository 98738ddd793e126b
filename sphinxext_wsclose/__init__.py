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
    """Register everything, in the order of a build.

    Every handler and priority is here, so that the timeline reads in one
    place; ``protocol`` names the priorities, and the maintainers' page
    "Where to change what" says what each step reads and writes.
    """
    # Imported here, so that the registry and the command line load
    # without Sphinx.
    from pathlib import Path

    from sphinxext_wsclose import (
        _compat,
        config,
        domain,
        html,
        indexing,
        links,
        only,
        protocol,
        pyobjects,
        rows,
        titles,
    )
    from sphinxext_wsclose._locale import MESSAGE_CATALOG
    from sphinxext_wsclose.codes import CloseCodeDirective
    from sphinxext_wsclose.roles import CloseCodeRole
    from sphinxext_wsclose.table import CloseCodeTable

    # After the imports: labels made while they load stay lazy.
    app.add_message_catalog(MESSAGE_CATALOG, Path(__file__).resolve().parent / 'locale')

    # -- Start-up: values, domain, markup ---------------------------------------
    config.add_config_values(app)
    app.connect('config-inited', config.validate_config)
    app.add_domain(domain.CloseCodeDomain)
    app.add_directive_to_domain('wsclose', 'code', CloseCodeDirective)
    role = CloseCodeRole()
    app.add_role_to_domain('wsclose', 'code', role)  # :wsclose:code:, a pending_xref
    app.add_role('wsclose', role)                     # :wsclose:, linked at write time
    app.add_directive('wsclose-table', CloseCodeTable)
    app.add_node(protocol.mention_text)
    skip = (titles.skip_title_mention, titles.skip_title_mention)
    app.add_node(protocol.title_mention, html=skip, latex=skip, text=skip, man=skip, texinfo=skip)
    skip_link = (html.skip_row_permalink, None)
    app.add_node(html.row_permalink, html=(html.visit_row_permalink, None),
                 latex=skip_link, text=skip_link, man=skip_link, texinfo=skip_link)

    # -- Builder chosen ---------------------------------------------------------
    app.connect('builder-inited', _compat.remember_builder, priority=protocol.REMEMBER_BUILDER)
    app.connect('builder-inited', domain.translate_index_titles)
    app.connect('builder-inited', indexing.declare_semicolon)
    app.connect('builder-inited', html.add_static_path)

    # -- Which pages to read: own codes edited in their module or data file ------
    app.connect('env-get-outdated', domain.reread_if_codes_changed)

    # -- Each page read: the directives and roles note targets and mentions -----
    app.add_transform(only.OnlyTables)                   # ONLY_TABLES (840)
    app.add_transform(titles.MarkTitleMentions)          # MARK_TITLES (845)
    app.connect('doctree-read', titles.unmark_body, priority=protocol.UNMARK_TITLES)
    app.connect('object-description-transform', pyobjects.add_code_mention)

    # -- Every page read: what moved, in a fixed order ----------------------------
    app.connect('env-updated', domain.outdated_documents, priority=protocol.OUTDATED)
    app.connect('env-updated', titles.settle_titles, priority=protocol.SETTLE_TITLES)
    app.connect('env-updated', only.settle_index, priority=protocol.SETTLE_INDEX)

    # -- Each page written ------------------------------------------------------
    app.add_post_transform(rows.DefinedCodeRows)         # DEFINED_ROWS_AT (4)
    app.add_post_transform(pyobjects.ConstantLinks)      # CONSTANT_LINKS (5)
    app.add_post_transform(links.MentionResolver)        # RESOLVE_MENTIONS (6)
    app.connect('missing-reference', links.resolve_fallbacks, priority=protocol.FALLBACKS)
    app.connect('warn-missing-reference', links.warn_missing_reference)
    app.add_post_transform(links.MentionShape)           # SHAPE_MENTIONS (11)
    app.add_post_transform(only.KeptRowIds)              # KEPT_ROWS (55)
    app.add_post_transform(only.HeldIndexEntries)        # KEPT_ROWS (55)
    app.add_post_transform(rows.RowAnchors)              # ROW_ANCHORS (900)
    app.connect('doctree-resolved', html.add_row_permalinks)
    app.connect('html-page-context', html.add_stylesheet)
    return {
        'version': __version__,
        'env_version': 8,
        'parallel_read_safe': True,
        'parallel_write_safe': True,
    }
