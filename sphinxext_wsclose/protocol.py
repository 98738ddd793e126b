"""What the stages of a build tell each other: node attributes, node classes, warning subtypes.

The directive, the role and the transforms hand each other information on the
nodes they make.  Every private attribute that one stage sets and another
reads is declared here, once, with its meaning, writer and readers; so is
every node class that more than one module knows, and every warning subtype
(``[wsclose.<subtype>]``), which ``docs/warnings.rst`` documents one by one
(``tests/test_house.py`` checks both ways).

Nothing here has behaviour; it imports docutils for the node classes only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from docutils.parsers.rst import directives

if TYPE_CHECKING:
    from collections.abc import Callable

# -- Node attributes ----------------------------------------------------------
# The name of each, and who writes and reads it.  Attribute names stay what
# they were, as the golden doctrees (tests/golden/) print them.

#: On a mention's ``reference`` (the role writes it; :class:`~.links.MentionResolver`
#: pops it): the key to link to, ``'1008'``, ``'4001'``, or a name that only
#: a ``wsclose:code`` may define.  Also on :class:`mention_text` and
#: :class:`title_mention`, where it names the mention's key.
MENTION_KEY = 'wsclose'
#: On a mention's ``reference`` (role → resolver, titles): its text is not
#: final; whoever links it may give the code's name.
MENTION_OPEN = 'wsclose_open'
#: On the :class:`mention_text` of a mention's ``pending_xref`` (role or resolver
#: → fallbacks, warnings, :class:`~.links.MentionShape`): the
#: :class:`~.records.Reading` of its target.
MENTION_READING = 'wsclose_reading'
#: On a :class:`title_mention` (titles): the text the mention was read with.
TITLE_SHOWN = 'shown'
#: On a table row (table → rows, only): the key of the entry it documents.
ROW_KEY = 'wsclose_key'
#: On a table row (table → rows): the first code of its entry, which keeps
#: rows added later (``wsclose:code`` codes) in code order.
ROW_FIRST = 'wsclose_first'
#: On a table row inside ``.. only::`` (only → only): the id it takes where
#: this build left out the other table that had it.
ROW_OWN_ID = 'wsclose_id'
#: On a table (table → rows): the columns, spans and shown keys (and, with a
#: ``libraries`` column, the library keys) with which
#: :class:`~.rows.DefinedCodeRows` adds the rows of ``wsclose:code`` codes.
DEFINED_ROWS = 'wsclose_defined_rows'
#: On an ``index`` node of a row inside ``.. only::`` (only → only): the
#: entries held back until the build knows whether it keeps the row.
HELD_ENTRIES = 'wsclose_held'
#: On the ``literal`` of a constant cell (table → pyobjects): the Python
#: names of the object that defines the code, to link to autodoc's entry.
PYTHON_NAMES = 'wsclose_python'
#: On a ``wsclose:code`` signature (directive → directive): the code's name
#: as the signature shows it.
SIGNATURE_NAME = 'wsclose_name'
#: On a mention that a ``:closes CODE:`` field made (closes → closes): its
#: object declares that it closes with the code, for the closed-by lists.
CLOSES = 'wsclose_closes'
#: On a placeholder (table, codes, pyobjects → closes): the key whose
#: closed-by list goes there, in a table's ``closed-by`` cell or at the end
#: of a code's description.
CLOSED_BY = 'wsclose_closed_by'
#: On a table with ``:codes: closed`` (table → rows): its document and line,
#: by which the domain names its closed rows.
CLOSED_TABLE = 'wsclose_closed_table'
#: On a table (table → latex): its columns' names, and whether ``:widths:``
#: gave numbers, by which :class:`~.latex.PrintedTables` sizes it for print.
PRINT_LAYOUT = 'wsclose_print'

# -- Classes ------------------------------------------------------------------

#: The classes of a mention: of its link, or of its text where it has none.
MENTION_CLASSES = ('wsclose', 'wsclose-mention')
#: The class of every row of a ``wsclose-table``.
ROW_CLASS = 'wsclose-row'
#: The class of a ``wsclose-table``.
TABLE_CLASS = 'wsclose-table'
#: In HTML, the class of the label (the column's header) at the start of a
#: table cell, which the stylesheet shows only on narrow screens
#: (:class:`~.html.CellLabels` adds it).
CELL_LABEL_CLASS = 'wsclose-cell-label'
#: In HTML, the class of the code and name cells, which head each row on
#: narrow screens, unlabelled (:class:`~.html.CellLabels`).
CELL_HEAD_CLASS = 'wsclose-cell-head'


class mention_text(nodes.inline):
    """The text of a mention inside a ``pending_xref``.

    Resolvers copy it into the link they make, or make one of its class with
    the text they choose (intersphinx does), so it is still found in the
    link afterwards, whichever resolver made it.
    """


class title_mention(nodes.generated):
    """The text of a mention inside the copies of a section title.

    It renders as its text alone; :func:`~.titles.settle_titles` keeps that
    text up to date.  A ``generated`` node, which every writer but Texinfo's
    writes as its text alone with no visitor of ours: Sphinx binds each visitor
    an extension registers into every translator it makes, a reference cycle
    that leaves each page's translator to the garbage collector.
    """


# -- Warning subtypes ---------------------------------------------------------
# Each is written ``[wsclose.<subtype>]`` after a warning, and can be silenced
# with ``suppress_warnings = ['wsclose.<subtype>']``.

INVALID = 'invalid'
AMBIGUOUS = 'ambiguous'
UNUSED = 'unused'
UNASSIGNED = 'unassigned'
MISSING = 'missing'
DUPLICATE = 'duplicate'
CONFIG = 'config'
CUSTOM_RANGE = 'custom-range'
DUPLICATE_CODE = 'duplicate-code'
DUPLICATE_NAME = 'duplicate-name'
OPTION = 'option'

#: Every warning subtype, with what it means.  ``docs/warnings.rst`` has a
#: section for each (label ``warning-<subtype>``).
SUBTYPES: dict[str, str] = {
    INVALID: 'a mention or a wsclose:code whose code is no code at all',
    AMBIGUOUS: 'a name that stands for more than one code',
    UNUSED: 'a number outside 1000-4999, where no WebSocket range defines codes',
    UNASSIGNED: 'a code that IANA lists as unassigned, which nothing documents',
    MISSING: "a valid code that nothing documents, with wsclose_fallback = 'none'",
    DUPLICATE: 'two tables that document one code',
    CONFIG: 'a bad wsclose_* configuration value, or a bad item inside one',
    CUSTOM_RANGE: 'a project code in a range where it does not belong',
    DUPLICATE_CODE: 'one code defined twice',
    DUPLICATE_NAME: 'two wsclose:code descriptions with one name',
    OPTION: 'a bad option of wsclose-table',
}
#: The ``type`` of every warning of this extension.
WARNING_TYPE = 'wsclose'

# -- Priorities -----------------------------------------------------------------
# When each transform and handler runs, relative to Sphinx's own.  The whole
# timeline, with what each step reads and writes, is in setup()
# (sphinxext_wsclose/__init__.py) and in docs/where-to-change.rst.

#: Read time, transforms: after the directives have run, before Sphinx's
#: domains (850) copy the titles.  ``.. only::`` blocks are noted first, then
#: the mentions in titles are marked.
ONLY_TABLES = 840
MARK_TITLES = 845
#: ``doctree-read``: after Sphinx's collectors (500) have copied the titles.
UNMARK_TITLES = 900

#: ``env-updated``, once every page is read, in this order: the rows of the
#: tables with ``:codes: closed`` (which the next step compares), the pages that a
#: moved target made stale (and the rows' labels), then the copies of titles
#: (which read the labels), then the general index of rows inside ``only``.
PLACE_CLOSED_ROWS = 490
OUTDATED = 500
SETTLE_TITLES = 510
SETTLE_INDEX = 520

#: ``builder-inited``: the builder is noted before any other handler needs it.
REMEMBER_BUILDER = 100

#: Write time, post-transforms.  The rows of ``wsclose:code`` codes are added
#: first, then their constants linked to autodoc; then mentions are linked,
#: before intersphinx's (9) and Sphinx's (10) resolvers; then the links those
#: made get the mention's shape.
DEFINED_ROWS_AT = 4
CONSTANT_LINKS = 5
RESOLVE_MENTIONS = 6
#: The closed-by lists, once the rows are all there.
CLOSED_BY_AT = 7
SHAPE_MENTIONS = 11
#: After Sphinx's OnlyNodeTransform (50) has dropped what this build leaves out.
KEPT_ROWS = 55
#: HTML's cell labels, once the rows and their cells are final.
CELL_LABELS = 60
#: LaTeX's column widths and break points, once the rows and the closed-by
#: links are final.
PRINTED_TABLES = 890
#: Last: LaTeX's and Texinfo's row anchors, once the rows are final.
ROW_ANCHORS = 900
#: ``missing-reference``: after intersphinx (500), whose exact match comes
#: before this extension's range fallback.
FALLBACKS = 600


# -- The options of wsclose-table ---------------------------------------------
# Declared here because two classes read them: the directive
# (:class:`~.table.CloseCodeTable`), which checks each, and its stand-in
# (:class:`~.deferred.CloseCodeTable`), which docutils and MyST parse them with.

#: The options of ``wsclose-table``.
TABLE_OPTIONS = ('codes', 'columns', 'set', 'ranges', 'custom', 'caption', 'name', 'class',
                 'widths',
                 'no-index')


class _AnyOption(dict[str, 'Callable[[str], Any]']):
    """An option spec that lets every option through, to be checked by the directive."""

    def __missing__(self, key: str) -> Callable[[str], Any]:
        return directives.unchanged


#: Every option and value is checked by the directive, not by docutils or
#: MyST: a bad one gets a located ``wsclose.option`` warning and its default,
#: and the table still renders (docutils would drop it for an unknown option).
TABLE_OPTION_SPEC = _AnyOption(dict.fromkeys(TABLE_OPTIONS, directives.unchanged))
