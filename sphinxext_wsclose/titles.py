"""Mentions in section titles: one text in the heading and everywhere it is copied.

Sphinx copies a section's title while the page is read: into the page
title (``env.titles``, ``env.longtitles``), the table of contents
(``env.tocs``) and the text of ``:ref:`` to the section (the ``std``
domain's labels).  A mention whose text waits for a ``wsclose:code`` on a
page read later (``:wsclose:`4001``` becomes "4001 Token expired") would be
copied with the text it had then, "4001 (private use)", while the heading
itself, linked when the page is written, gets the final one.

So :class:`MarkTitleMentions` marks such a mention before the copies are
made; :func:`unmark_body` takes the marks out of the page again once they
are made; and :func:`settle_titles`, once every page is read, gives each
marked copy the text the heading will show, every build, and, when a
title's text changed, has every page written again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform
from sphinx.util.nodes import clean_astext

from sphinxext_wsclose._compat import current_docname
from sphinxext_wsclose.protocol import (
    MARK_TITLES,
    MENTION_KEY,
    MENTION_OPEN,
    TITLE_SHOWN,
    title_mention,
)
from sphinxext_wsclose.records import Title
from sphinxext_wsclose.values import LazyPattern

if TYPE_CHECKING:
    import re
    from collections.abc import Callable, Iterator

    from sphinx.application import Sphinx
    from sphinx.domains.std import StandardDomain
    from sphinx.environment import BuildEnvironment

    from sphinxext_wsclose.domain import CloseCodeDomain

#: Stands for the *n*-th mention in the text of a title (docutils reserves NUL
#: for its escapes).  A title's own ``\x01`` is written :data:`_OWN_MARK`, so
#: that its text can never read as a slot.
_SLOT = '\x01{}\x02'
_OWN_MARK = '\x01-\x02'
_SLOTS = LazyPattern('\x01([0-9]+|-)\x02')


def skip_title_mention(translator: Any, node: nodes.Node) -> None:
    """Only the text inside is written: Texinfo's writer skips a ``generated`` node."""


def open_mentions(title: nodes.title) -> Iterator[nodes.Element]:
    """The mentions in *title* whose text a ``wsclose:code`` may still give."""
    for node in title.findall(nodes.Element):
        if isinstance(node, nodes.reference) and node.get(MENTION_OPEN):
            yield node
        elif (isinstance(node, addnodes.pending_xref) and node.get('refdomain') == 'wsclose'
                and not node.get('refexplicit')):
            # Its mention_text, which resolving keeps.
            yield from (child for child in node.children if isinstance(child, nodes.Element))


class MarkTitleMentions(SphinxTransform):
    """Mark the open mentions in section titles, before Sphinx copies the titles.

    Runs ahead of the domains (850), which take the ``:ref:`` text.  It
    records, for each such section, its title's text with a slot for each
    mention, from which :func:`settle_titles` remakes the ``:ref:`` text.
    A page without a mention costs nothing: the role has recorded the pages
    it ran on.
    """

    default_priority = MARK_TITLES

    def apply(self, **kwargs: Any) -> None:
        domain = cast('CloseCodeDomain', self.env.get_domain('wsclose'))
        docname = current_docname(self.env)
        if docname not in domain.mentions:
            return
        for node in self.document.findall(nodes.section):
            title = node.next_node(nodes.title) if node.children else None
            if not isinstance(title, nodes.title) or title.parent is not node:
                continue
            mentions = list(open_mentions(title))
            if not mentions:
                continue
            slots = []
            for mention in mentions:
                key, shown = mention.get(MENTION_KEY) or '', mention.astext()
                slots.append((key, shown))
                mention[:] = [title_mention('', '', *mention.children,
                                            **{MENTION_KEY: key, TITLE_SHOWN: shown})]
            domain.note_title(docname, Title(tuple(node['ids']), _template(title), tuple(slots)))




def _template(title: nodes.title) -> str:
    """The text of *title* as ``:ref:`` shows it, with a slot for each mention."""
    copy = title.deepcopy()
    for text in list(copy.findall(nodes.Text)):
        if '\x01' in text:
            text.parent.replace(text, nodes.Text(text.replace('\x01', _OWN_MARK)))
    for number, marked in enumerate(list(copy.findall(title_mention))):
        marked.replace_self(nodes.Text(_SLOT.format(number)))
    return clean_astext(copy)


def unmark_body(app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read`` handler, after Sphinx's collectors: the page keeps no mark."""
    domain = cast('CloseCodeDomain', app.env.get_domain('wsclose'))
    if current_docname(app.env) not in domain.titles:
        return
    for marked in list(doctree.findall(title_mention)):
        marked.replace_self(marked.children)


def settle_titles(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-updated`` handler: every copy of a title gets the heading's text.

    When a title's text changed since the last build, every page is written
    again: any page may show the title, in a toctree or as the text of a
    ``:ref:`` or ``:doc:``, and knowing which would mean walking every page
    as it is read.  The text changes only when a ``wsclose:code`` that a
    title mentions gets a new name, so this is rare.
    """
    domain = cast('CloseCodeDomain', env.get_domain('wsclose'))
    current: dict[str, list[str]] = {}
    settled: dict[str, str | None] = {}

    def text(key: str, shown: str) -> str:
        if key not in settled:
            settled[key] = domain.settled_text(key)
        return settled[key] or shown

    for docname, sections in domain.titles.items():
        current[docname] = [text(key, shown) for _ids, _template, slots in sections
                            for key, shown in slots]
        for tree in (env.titles.get(docname), env.longtitles.get(docname), env.tocs.get(docname)):
            for marked in tree.findall(title_mention) if tree is not None else ():
                marked[:] = [nodes.Text(text(marked[MENTION_KEY], marked[TITLE_SHOWN]))]
        _settle_labels(env, docname, sections, text)
    previous: dict[str, list[str]] = domain.swap('title_texts', current)
    changed = {docname for docname in current.keys() | previous.keys()
               if current.get(docname) != previous.get(docname)}
    if not changed:
        return []
    return sorted(env.found_docs)


def _settle_labels(
    env: BuildEnvironment,
    docname: str,
    sections: list[Title],
    text: Callable[[str, str], str],
) -> None:
    """The text of each ``:ref:`` to a section whose title has a mention."""
    std = cast('StandardDomain', env.get_domain('std'))
    by_id: dict[str, str] = {}
    for title in sections:
        slots = title.slots

        def fill(slot: re.Match[str], slots: tuple[tuple[str, str], ...] = slots) -> str:
            return '\x01' if slot[1] == '-' else text(*slots[int(slot[1])])

        by_id.update(dict.fromkeys(title.ids, _SLOTS.sub(fill, title.template)))
    for name, (labeldoc, labelid, _sectname) in list(std.labels.items()):
        if labeldoc == docname and labelid in by_id:
            std.labels[name] = (labeldoc, labelid, by_id[labelid])
