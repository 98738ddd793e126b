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


def setup(app: Sphinx) -> ExtensionMetadata:  # noqa: PLR0915 -- the whole timeline
    """Register everything, in the order of a build.

    Every handler and priority is here, so that the timeline reads in one
    place; ``protocol`` names the priorities, and the maintainers' page
    "Where to change what" says what each step reads and writes.
    """
    # Imported here, so that the registry and the command line load
    # without Sphinx.
    from pathlib import Path

    # Each name from its module (not ``from sphinxext_wsclose import domain``,
    # which would take a module that sphinx.testing has unloaded since).
    from sphinxext_wsclose._compat import remember_builder
    from sphinxext_wsclose._locale import MESSAGE_CATALOG
    from sphinxext_wsclose.closes import (
        ClosedByLists,
        add_closes_field,
        note_closers,
    )
    from sphinxext_wsclose.codes import CloseCodeDirective
    from sphinxext_wsclose.config import add_config_values, validate_config

    # Stand-ins that import table.py and latex.py when they first run.
    from sphinxext_wsclose.deferred import CloseCodeTable, PrintedTables
    from sphinxext_wsclose.domain import (
        CloseCodeDomain,
        outdated_documents,
        place_closed_rows,
        reread_if_codes_changed,
        translate_index_titles,
    )
    from sphinxext_wsclose.html import (
        CellLabels,
        add_row_permalinks,
        add_static_path,
        add_stylesheet,
        row_permalink,
    )
    from sphinxext_wsclose.indexing import declare_semicolon
    from sphinxext_wsclose.links import (
        MentionResolver,
        MentionShape,
        resolve_fallbacks,
        warn_missing_reference,
    )
    from sphinxext_wsclose.only import HeldIndexEntries, KeptRowIds, OnlyTables, settle_index
    from sphinxext_wsclose.protocol import (
        FALLBACKS,
        OUTDATED,
        PLACE_CLOSED_ROWS,
        REMEMBER_BUILDER,
        SETTLE_INDEX,
        SETTLE_TITLES,
        UNMARK_TITLES,
        mention_text,
        title_mention,
    )
    from sphinxext_wsclose.pyobjects import ConstantLinks, add_code_mention
    from sphinxext_wsclose.roles import CloseCodeRole
    from sphinxext_wsclose.rows import DefinedCodeRows, RowAnchors
    from sphinxext_wsclose.titles import (
        MarkTitleMentions,
        settle_titles,
        skip_title_mention,
        unmark_body,
    )

    # After the imports: labels made while they load stay lazy.
    app.add_message_catalog(MESSAGE_CATALOG, Path(__file__).resolve().parent / 'locale')

    # -- Start-up: values, domain, markup ---------------------------------------
    add_config_values(app)
    app.connect('config-inited', validate_config)
    app.connect('config-inited', add_static_path)
    app.add_domain(CloseCodeDomain)
    app.add_directive_to_domain('wsclose', 'code', CloseCodeDirective)
    role = CloseCodeRole()
    app.add_role_to_domain('wsclose', 'code', role)  # :wsclose:code:, a pending_xref
    app.add_role('wsclose', role)                     # :wsclose:, linked at write time
    app.add_directive('wsclose-table', CloseCodeTable)
    app.add_node(mention_text)
    # No visitor for HTML, LaTeX, text or man: Sphinx would bind it into each
    # translator, a cycle that leaves every page's translator to the garbage
    # collector.  Texinfo skips ``generated`` nodes, so it gets one.
    app.add_node(title_mention, texinfo=(skip_title_mention, skip_title_mention))
    app.add_node(row_permalink)                     # HTML raw

    # -- Builder chosen ---------------------------------------------------------
    app.connect('builder-inited', remember_builder, priority=REMEMBER_BUILDER)
    app.connect('builder-inited', translate_index_titles)
    app.connect('builder-inited', declare_semicolon)
    app.connect('builder-inited', add_closes_field)  # :closes CODE: in py, js, http, napoleon

    # -- Which pages to read: own codes edited in their module or data file ------
    app.connect('env-get-outdated', reread_if_codes_changed)

    # -- Each page read: the directives and roles note targets and mentions -----
    app.add_transform(OnlyTables)                   # ONLY_TABLES (840)
    app.add_transform(MarkTitleMentions)          # MARK_TITLES (845)
    app.connect('doctree-read', unmark_body, priority=UNMARK_TITLES)
    app.connect('object-description-transform', add_code_mention)
    app.connect('doctree-read', note_closers)      # which object declares which code

    # -- Every page read: what moved, in a fixed order ----------------------------
    app.connect('env-updated', place_closed_rows, priority=PLACE_CLOSED_ROWS)
    app.connect('env-updated', outdated_documents, priority=OUTDATED)
    app.connect('env-updated', settle_titles, priority=SETTLE_TITLES)
    app.connect('env-updated', settle_index, priority=SETTLE_INDEX)

    # -- Each page written ------------------------------------------------------
    app.add_post_transform(DefinedCodeRows)         # DEFINED_ROWS_AT (4)
    app.add_post_transform(ConstantLinks)      # CONSTANT_LINKS (5)
    app.add_post_transform(MentionResolver)        # RESOLVE_MENTIONS (6)
    app.add_post_transform(ClosedByLists)          # CLOSED_BY_AT (7)
    app.connect('missing-reference', resolve_fallbacks, priority=FALLBACKS)
    app.connect('warn-missing-reference', warn_missing_reference)
    app.add_post_transform(MentionShape)           # SHAPE_MENTIONS (11)
    app.add_post_transform(KeptRowIds)              # KEPT_ROWS (55)
    app.add_post_transform(HeldIndexEntries)        # KEPT_ROWS (55)
    app.add_post_transform(CellLabels)              # CELL_LABELS (60), HTML only
    app.add_post_transform(PrintedTables)           # PRINTED_TABLES (890), LaTeX only
    app.add_post_transform(RowAnchors)              # ROW_ANCHORS (900)
    app.connect('doctree-resolved', add_row_permalinks)
    app.connect('html-page-context', add_stylesheet)
    return {
        'version': __version__,
        'env_version': 9,
        'parallel_read_safe': True,
        'parallel_write_safe': True,
    }
