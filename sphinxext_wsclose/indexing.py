"""The general index's entries for close codes, whole whatever their names hold.

Sphinx reads a ``;`` in a ``single`` index entry as the start of a sub-entry
and offers no escape: "4001 Token; expired" would be listed as "4001 Token",
with "expired (WebSocket close code)" under it.  So each ``;`` of an entry's
text is written as U+037E GREEK QUESTION MARK, which looks the same (Unicode
makes it canonically equivalent to ``;``), and LaTeX is told to print it as
``;``, which pdflatex could not do otherwise.

A table inside ``.. only::`` lists its codes in the index only in the builds
that keep it.  Sphinx collects every page's entries as the page is read, for
all builders at once; so the rows there hold their entries back
(:func:`hold_entries`), each build's general index gets those that it keeps
(:func:`settle_index`), and the printed indexes, which LaTeX and Texinfo
make from the pages as written, get them back on the rows that are left
(:class:`HeldIndexEntries`).
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from sphinxext_wsclose._locale import _

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.domains.index import IndexDomain
    from sphinx.environment import BuildEnvironment

    from sphinxext_wsclose.domain import CloseCodeDomain

#: An entry of the general index, as ``addnodes.index`` holds it.
IndexEntryTuple = tuple[str, str, str, str, 'str | None']


class OnlyEntry(NamedTuple):
    """An index entry that a build lists only if it keeps the ``.. only::`` blocks around it."""

    entry: IndexEntryTuple
    #: The expressions of those blocks, all of which must hold.
    only: tuple[str, ...]

#: Stands in for ``;`` in the text of an index entry.
SEMICOLON = '\u037e'

_PREAMBLE = r"""
% sphinxext-wsclose: the ";" of a close code's name in the index (U+037E)
\ifdefined\DeclareUnicodeCharacter\DeclareUnicodeCharacter{037E}{;}\fi
"""


def index_entry(display: str, node_id: str) -> tuple[str, str, str, str, None]:
    """The general index's entry for the code or range shown as *display*."""
    text = _('%s (WebSocket close code)') % display
    return ('single', text.replace(';', SEMICOLON), node_id, '', None)


def hold_entries(row: nodes.Element) -> list[IndexEntryTuple]:
    """Take the index entries off *row*, a row inside ``.. only::``, until it is written."""
    held: list[IndexEntryTuple] = []
    for index in row.findall(addnodes.index):
        held.extend(index['entries'])
        index['wsclose_held'] = index['entries']
        index['entries'] = []
    return held


class HeldIndexEntries(SphinxPostTransform):
    """Give the rows this build keeps their index entries back, for LaTeX and Texinfo.

    It runs once Sphinx has dropped the ``.. only::`` blocks that the build
    leaves out, on every page of a project that has such rows (LaTeX writes
    its pages as one, which carries only the first page's attributes).
    """

    default_priority = 55  # after Sphinx's OnlyNodeTransform (50)

    def run(self, **kwargs: Any) -> None:
        domain = cast('CloseCodeDomain', self.env.get_domain('wsclose'))
        if not domain.only_entries:
            return
        for index in self.document.findall(addnodes.index):
            if 'wsclose_held' in index:
                index['entries'] = index.attributes.pop('wsclose_held')


def settle_index(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-updated`` handler: the general index lists the rows this build keeps.

    The entries of rows inside ``.. only::`` are worked out again for each
    build, whatever the builds before it, which may share the environment
    (``sphinx-build -M``), left there.
    """
    domain = cast('CloseCodeDomain', env.get_domain('wsclose'))
    index = cast('IndexDomain', env.get_domain('index'))
    for docname, held in domain.only_entries.items():
        left = Counter(item.entry for item in held)  # as a build before this one listed them
        entries = []
        for entry in index.entries.get(docname, ()):
            if left[tuple(entry)] > 0:  # type: ignore[index]
                left[tuple(entry)] -= 1  # type: ignore[index]
            else:
                entries.append(entry)
        entries.extend(item.entry for item in held if domain.holds(item.only))
        index.entries[docname] = entries


def declare_semicolon(app: Sphinx) -> None:
    """``builder-inited`` handler: LaTeX prints the stand-in as ``;``."""
    if app.builder.format == 'latex':
        context = app.builder.context  # type: ignore[attr-defined]
        context['preamble'] = context.get('preamble', '') + _PREAMBLE


def setup_indexing(app: Sphinx) -> None:
    """Register the post-transform and the handlers of this module."""
    app.add_post_transform(HeldIndexEntries)
    app.connect('builder-inited', declare_semicolon)
    app.connect('env-updated', settle_index)
