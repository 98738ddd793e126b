"""The HTML side: the extension's stylesheet, on the pages that need it.

``static/wsclose.css`` styles the reference table (a row that is jumped to is
highlighted and clears sticky theme headers; a table too wide for the page
scrolls sideways inside its own box; each row's ``¶`` permalink shows on
hover) and
``wsclose:code`` descriptions.  Every rule is scoped to this extension's
classes.

The stylesheet is linked only from pages whose doctree has a
``wsclose-table`` or a ``wsclose:code`` description.  A page that only
mentions codes does not need it: a mention is an ordinary link, and its
tooltip is the browser's own (the ``title`` attribute).

Its folder goes first in ``html_static_path``, so that a project's own
``_static/wsclose.css`` replaces it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes
from sphinx.builders.html import StandaloneHTMLBuilder

if TYPE_CHECKING:
    from typing import Any

    from sphinx.application import Sphinx

#: The folder that holds the stylesheet.
STATIC_DIR = Path(__file__).parent / 'static'
#: The stylesheet, as linked from a page (relative to ``_static/``).
CSS_FILE = 'wsclose.css'
#: Sphinx's default for extensions: after the theme's (200), before ``html_css_files`` (800).
CSS_PRIORITY = 500


def add_static_path(app: Sphinx) -> None:
    """``builder-inited`` handler: copy the stylesheet with the HTML builders' static files.

    It goes first, so that a project's own ``wsclose.css`` in its
    ``html_static_path`` is copied after it and replaces it.  The list is
    replaced, not changed in place: it may be the configuration's default.
    """
    if isinstance(app.builder, StandaloneHTMLBuilder):
        app.config.html_static_path = [str(STATIC_DIR), *app.config.html_static_path]


def needs_stylesheet(doctree: nodes.document) -> bool:
    """Whether *doctree* has something the stylesheet styles.

    That is a ``wsclose-table`` or a ``wsclose:code`` description.
    """
    return next(doctree.findall(_styled), None) is not None


def _styled(node: nodes.Node) -> bool:
    if isinstance(node, nodes.table):
        return 'wsclose-table' in node['classes']
    return isinstance(node, addnodes.desc) and node.get('domain') == 'wsclose'


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
    if needs_stylesheet(doctree):
        app.builder.add_css_file(CSS_FILE, priority=CSS_PRIORITY)
