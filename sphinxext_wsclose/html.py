"""The HTML side: the extension's stylesheet, on the pages that need it.

``static/wsclose.css`` styles the reference table (a row that is jumped to is
highlighted and clears sticky theme headers; a table too wide for the page
scrolls sideways inside its own box; each row's ``¶`` permalink shows on
hover) and
``wsclose:code`` descriptions.  Every rule is scoped to this extension's
classes.

The stylesheet is linked only from pages that have a ``wsclose-table`` or a
``wsclose:code`` description, as the directives recorded when the pages were
read (no page is walked to find out).  A page that only
mentions codes does not need it: a mention is an ordinary link, and its
tooltip is the browser's own (the ``title`` attribute).

Its folder goes first in ``html_static_path``, so that a project's own
``_static/wsclose.css`` replaces it.

Each row of a table that has an id gets a ``¶`` permalink
(:class:`row_permalink`), as a heading does, when an HTML builder writes
the page.

On a narrow screen (below :data:`NARROW_BREAKPOINT`) each row becomes a
block: its code and name head it, and every other cell follows on a line of
its own, after a label that repeats the column's header
(:class:`CellLabels`).  The labels are added in HTML only, and the
stylesheet hides them on wide screens.  The breakpoint is said once, in the
stylesheet's ``@media screen and (max-width: …)`` rule; the constant is read
from there (:func:`narrow_breakpoint`), so that the two cannot disagree.
"""

from __future__ import annotations

import math
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, cast

from docutils import nodes
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.builders.singlehtml import SingleFileHTMLBuilder
from sphinx.transforms.post_transforms import SphinxPostTransform

from sphinxext_wsclose._compat import current_docname
from sphinxext_wsclose._locale import _
from sphinxext_wsclose.protocol import (
    CELL_HEAD_CLASS,
    CELL_LABEL_CLASS,
    CELL_LABELS,
    ROW_CLASS,
    TABLE_CLASS,
)
from sphinxext_wsclose.values import LazyPattern

if TYPE_CHECKING:
    from typing import Any

    from sphinx.application import Sphinx
    from sphinx.config import Config

    from sphinxext_wsclose.domain import CloseCodeDomain

#: The folder that holds the stylesheet.
STATIC_DIR = Path(__file__).parent / 'static'
#: The stylesheet, as linked from a page (relative to ``_static/``).
CSS_FILE = 'wsclose.css'
#: Sphinx's default for extensions: after the theme's (200), before ``html_css_files`` (800).
CSS_PRIORITY = 500
#: The stylesheet's narrow-screen rule: ``@media screen and (max-width: 699.98px)``.
NARROW_MEDIA = LazyPattern(
    r'@media\s+screen\s+and\s+\(\s*max-width:\s*([0-9]+(?:\.[0-9]+)?)px\s*\)')


def narrow_breakpoint(css: str) -> int:
    """The width (CSS pixels) below which *css* shows a table's rows as blocks.

    It is the one ``@media screen and (max-width: …px)`` rule of the
    stylesheet, rounded up: ``699.98px`` (which leaves no gap for fractional
    widths below 700) gives 700.  A stylesheet with no such rule, or with
    rules of different widths, raises :class:`ValueError`.
    """
    widths = {math.ceil(float(width)) for width in NARROW_MEDIA.findall(css)}
    if len(widths) != 1:
        found = ', '.join(map(str, sorted(widths))) or 'none'
        msg = f'expected one narrow-screen width in @media (max-width: ...px) rules, found {found}'
        raise ValueError(msg)
    return widths.pop()


#: The width (CSS pixels) below which a table's rows become blocks of labelled
#: lines, as ``static/wsclose.css`` says it: its ``@media`` rule is the one
#: place that holds the value.
NARROW_BREAKPOINT = narrow_breakpoint((STATIC_DIR / CSS_FILE).read_text(encoding='utf-8'))
#: The columns that head a row on a narrow screen, without a label.
HEAD_COLUMNS = ('code', 'name')


def add_static_path(app: Sphinx, config: Config) -> None:
    """``config-inited`` handler: copy the stylesheet with the HTML builders' static files.

    It goes first, so that a project's own ``wsclose.css`` in its
    ``html_static_path`` is copied after it and replaces it.  It is added as
    the configuration is read, before Sphinx compares it with the one the
    last build saved, which had it too: a build with nothing changed says
    nothing about the configuration.  The list is replaced, not changed in
    place: it may be the configuration's default.
    """
    folder = str(STATIC_DIR)
    if folder not in config.html_static_path:
        config.html_static_path = [folder, *config.html_static_path]


def add_stylesheet(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    """``html-page-context`` handler: link the stylesheet from a page that needs it.

    The builder's own ``add_css_file`` adds the link to this page only: Sphinx
    resets the list before the next page (7.4 and later).  ``app.add_css_file``
    would do the same, but also records the file in the registry for good,
    and a second build by the same application would link it from every page.
    """
    if doctree is None or not isinstance(app.builder, StandaloneHTMLBuilder):
        return  # a page with no source (the index, search), or not an HTML builder
    domain = cast('CloseCodeDomain', app.env.get_domain('wsclose'))
    # The single-page builder writes every page into its start page.
    if domain.holds_markup(pagename, included=isinstance(app.builder, SingleFileHTMLBuilder)):
        app.builder.add_css_file(CSS_FILE, priority=CSS_PRIORITY)


class row_permalink(nodes.raw):
    """The ``¶`` link to a table row, as Sphinx writes a heading's (``a.headerlink``).

    *refid*, *reftitle* and *icon* say what it shows.  It is HTML ``raw``
    (``format='html'``), which the HTML writer writes as it is, so that it needs
    no visitor of ours: Sphinx binds each visitor an extension registers into
    every translator it makes, a reference cycle that leaves each HTML page's
    translator to the garbage collector (docs/performance.rst).  Other writers
    never get it.
    """

    @classmethod
    def make(cls, refid: str, reftitle: str, icon: str) -> row_permalink:
        """The link to the row whose id is *refid*; *icon* is HTML, as Sphinx takes it."""
        html = (f'<a class="headerlink" href="#{escape(refid)}" '
                f'title="{escape(reftitle)}">{icon}</a>')
        return cls('', html, format='html', refid=refid, reftitle=reftitle, icon=icon)


def add_row_permalinks(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved`` handler: a permalink to each row that has an id, in HTML.

    It is the link Sphinx writes after a heading, showing
    ``html_permalinks_icon`` (HTML, as the setting is), so that themes style
    both alike, and it follows the same settings: none with
    ``html_permalinks = False``, none in EPUB.  It is added as the page is
    written, and only by builders of the ``html`` format.
    """
    builder = app.builder
    if builder.format != 'html' or not getattr(builder, 'add_permalinks', False):
        return
    if not app.config.html_permalinks:
        return
    domain = cast('CloseCodeDomain', app.env.get_domain('wsclose'))
    if not domain.holds_markup(docname, {'table'}):
        return
    # Imported on a page with a table only: a build with none never loads it.
    from sphinxext_wsclose.table import first_cell_paragraph  # noqa: PLC0415

    title = str(_('Link to this code'))
    icon = app.config.html_permalinks_icon
    for row in doctree.findall(nodes.row):
        if ROW_CLASS not in row['classes'] or not row['ids']:
            continue
        permalink = row_permalink.make(row['ids'][0], title, icon)
        first_cell_paragraph(row).append(permalink)


class CellLabels(SphinxPostTransform):
    """In HTML, start each cell of a table's body with its column's header, as a label.

    The label is a ``span`` of class :data:`~.protocol.CELL_LABEL_CLASS`
    holding the header's text, translated as the header is (it is copied
    from the table's own header row).  The stylesheet hides it (``display:
    none``, so that screen readers do not read it twice) except on narrow
    screens, where the header row is hidden and each row is a block of
    labelled lines.  The code and name cells head the row instead: they get
    the class :data:`~.protocol.CELL_HEAD_CLASS` and no label.  Empty cells
    get no label either.  The search index skips the labels (``no-search``).

    EPUB, which is HTML, gets them too, with the stylesheet: a reading
    system that ignores media queries keeps them hidden, and one that
    honours them shows them on a narrow screen (``docs/html.rst`` says why).
    Other formats (LaTeX, text, manual pages, Texinfo) never get them.
    """

    default_priority = CELL_LABELS
    formats = ('html',)

    def run(self, **kwargs: Any) -> None:
        domain = cast('CloseCodeDomain', self.env.get_domain('wsclose'))
        if not domain.holds_markup(current_docname(self.env), {'table'}):
            return  # no table here
        from sphinxext_wsclose.columns import COLUMNS  # noqa: PLC0415 -- a page with a table

        heads = {str(_(COLUMNS[name].header)) for name in HEAD_COLUMNS}
        for table in self.document.findall(nodes.table):
            if TABLE_CLASS not in table['classes']:
                continue
            thead = next(iter(table.findall(nodes.thead)), None)
            if thead is None or not thead.children:
                continue
            headers = [cell.astext().strip() for cell in cast('nodes.row', thead[0]).children]
            for tbody in table.findall(nodes.tbody):
                for row in tbody.children:
                    if not isinstance(row, nodes.row):
                        continue
                    for cell, header in zip(row.children, headers, strict=False):
                        self._label(cast('nodes.entry', cell), header, head=header in heads)

    @staticmethod
    def _label(cell: nodes.entry, header: str, *, head: bool) -> None:
        if head:
            cell['classes'].append(CELL_HEAD_CLASS)
            return
        if not cell.children or not header:
            return
        label = nodes.inline(header, header, classes=[CELL_LABEL_CLASS, 'no-search'])
        first = cell[0]
        if isinstance(first, nodes.paragraph):
            first.insert(0, label)
        else:
            cell.insert(0, label)
