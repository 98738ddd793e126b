"""How a mention gets its link.

A page's mentions are linked when the page is written, all at once, by
:class:`MentionResolver`: the exact code, where a table row or a
``wsclose:code`` description in this project documents it.  Each mention that
it cannot link becomes a ``pending_xref`` (:func:`~sphinxext_wsclose.roles.pending_mention`)
and takes Sphinx's generic way: the domain, then the ``missing-reference``
handlers in priority order: intersphinx (the exact code in other projects),
then :func:`resolve_fallbacks` here (the code's range, in this project and
then in other projects, then the ``wsclose_fallback`` link).  Only a mention
that all of these left alone reaches :func:`warn_missing_reference`, which
words the warning.  :class:`MentionShape` then gives the links they made the
shape of the others.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast
from weakref import WeakKeyDictionary

from docutils import nodes
from sphinx.errors import NoUri
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging

from sphinxext_wsclose._compat import builder_of, current_docname
from sphinxext_wsclose._locale import __
from sphinxext_wsclose.bundled import IANA_URL, REGISTRY
from sphinxext_wsclose.config import settings
from sphinxext_wsclose.domain import link_to, page_uri
from sphinxext_wsclose.protocol import (
    AMBIGUOUS,
    INVALID,
    MENTION_CLASSES,
    MENTION_KEY,
    MENTION_OPEN,
    MENTION_READING,
    MISSING,
    RESOLVE_MENTIONS,
    SHAPE_MENTIONS,
    UNASSIGNED,
    WARNING_TYPE,
    mention_text,
)
from sphinxext_wsclose.records import Reading
from sphinxext_wsclose.registry import AmbiguousNameError, Kind, unknown_target
from sphinxext_wsclose.roles import ambiguous_message, invalid_message, pending_mention
from sphinxext_wsclose.values import InvalidCodeError

if TYPE_CHECKING:
    from docutils.nodes import TextElement
    from sphinx.addnodes import pending_xref
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.domains import Domain
    from sphinx.environment import BuildEnvironment

    from sphinxext_wsclose.domain import CloseCodeDomain
    from sphinxext_wsclose.records import Location
    from sphinxext_wsclose.registry import Entry

logger = logging.getLogger(__name__)

class MentionResolver(SphinxPostTransform):
    """Link the mentions of a page, where this project documents their code.

    A page's mentions mostly point at one table: each key is looked up once,
    and the address of each page they point at is computed once.  This is
    what :func:`~sphinx.util.nodes.make_refnode` would give, done in place:
    the mention's ``reference`` gets its address and tooltip, and no node is
    copied.  Mentions that it cannot link are handed to Sphinx's resolvers,
    which run after it.
    """

    default_priority = RESOLVE_MENTIONS

    def run(self, **kwargs: Any) -> None:
        domain = cast('CloseCodeDomain', self.env.get_domain('wsclose'))
        docname = current_docname(self.env)
        if not domain.holds_mentions(docname):
            return
        mentions = [node for node in self.document.findall(nodes.reference)
                    if MENTION_KEY in node.attributes]
        if not mentions:
            return
        builder = builder_of(self.env)
        found: dict[str, tuple[Entry, Location] | None] = {}
        uris: dict[tuple[str, str], str | None] = {}

        def uri_of(fromdoc: str, todoc: str) -> str | None:
            """The address of *todoc* from *fromdoc*, once per pair; ``None`` if not written."""
            if (fromdoc, todoc) not in uris:
                try:
                    uris[fromdoc, todoc] = page_uri(builder, fromdoc, todoc)
                except NoUri:
                    uris[fromdoc, todoc] = None
            return uris[fromdoc, todoc]

        for node in mentions:
            attributes = node.attributes
            key = attributes.pop(MENTION_KEY)
            open_text = attributes.pop(MENTION_OPEN, False)
            fromdoc = attributes.pop('refdoc', docname)
            if key not in found:
                found[key] = domain.find(domain.key_for(key))
            link = found[key]
            if link is None:
                pending = pending_mention(node.rawsource, fromdoc, reading_of(self.config, key),
                                          node.children, final=not open_text,
                                          classes=[name for name in node['classes']
                                                   if name not in MENTION_CLASSES])
                pending.source, pending.line = node.source, node.line
                node.replace_self(pending)
                continue
            entry, where = link
            if where.docname == fromdoc:
                attributes['refid'] = where.node_id
            elif (uri := uri_of(fromdoc, where.docname)) is not None:
                attributes['refuri'] = f'{uri}#{where.node_id}'
            else:  # this builder does not write that page: text only
                node.replace_self(nodes.inline(node.rawsource, '', *node.children,
                                               classes=node['classes']))
                continue
            attributes['internal'] = True
            attributes['reftitle'] = entry.description
            if open_text:
                # The role could not know this code's name: a directive gives it.
                node[:] = [nodes.Text(entry.format(settings(self.config).role_format))]


class MentionShape(SphinxPostTransform):
    """Give every mention that Sphinx's resolvers linked the shape of the others.

    That is the mention's classes on the link and its text directly inside,
    as :class:`MentionResolver` leaves them, whether the link came from the
    domain, from intersphinx (``:external:`` included) or from the fallback.
    A mention left without a link keeps its text in an ``inline``; one whose
    target is no code at all (a name that nothing defined) also gets the class
    ``wsclose-invalid``, as the role gives it to what it refuses at once.
    """

    default_priority = SHAPE_MENTIONS

    def run(self, **kwargs: Any) -> None:
        domain = cast('CloseCodeDomain', self.env.get_domain('wsclose'))
        if not domain.holds_mentions(current_docname(self.env)):
            return
        for text in list(self.document.findall(mention_text)):
            parent = text.parent
            if isinstance(parent, nodes.reference) and len(parent) == 1:
                parent[:] = list(text.children)
                classes = parent['classes']
                classes.extend(name for name in MENTION_CLASSES if name not in classes)
                if parent.get('refuri') and str(parent.get('reftitle', '')).startswith('('):
                    self._describe(parent, text)
                continue
            classes = list(text['classes'])
            reading = text.get(MENTION_READING)
            if not isinstance(reading, Reading):
                reading = reading_of(self.config, text.get(MENTION_KEY, ''))
            if not reading.entry:  # no code, and nothing defined the name
                classes.append('wsclose-invalid')
            text.replace_self(nodes.inline(text.rawsource, '', *text.children, classes=classes))


    def _describe(self, link: nodes.reference, text: mention_text) -> None:
        """The tooltip of a mention that intersphinx linked: what the other project calls
        the code, what it means where this registry knows it, and the project.

        Intersphinx gives only "(in chat v1.0)".
        """
        named = _intersphinx_names(self.env).get(str(link['refuri']))
        if named is None:
            return
        reading = text.get(MENTION_READING)
        if not isinstance(reading, Reading):
            reading = reading_of(self.config, text.get(MENTION_KEY, ''))
        entry = _entry_of(self.config, reading)
        meaning = ''
        if entry is not None and reading.code is None and entry.kind in _DESCRIBED:
            meaning = f': {entry.description}'
        link['reftitle'] = f"{named}{meaning} {link['reftitle']}"


#: The kinds of entries whose description this project and another one share.
_DESCRIBED = frozenset({Kind.CODE, Kind.SET_CODE})
#: Each build's map from an intersphinx link's address to the other project's
#: name for the code: (the inventories it was read from, the map).
_INVENTORY_NAMES: WeakKeyDictionary[BuildEnvironment, tuple[int, dict[str, str]]] = (
    WeakKeyDictionary())


def _intersphinx_names(env: BuildEnvironment) -> dict[str, str]:
    """Every ``wsclose:code`` of the other projects, by address: the name it shows."""
    inventories = getattr(env, 'intersphinx_named_inventory', None) or {}
    cached = _INVENTORY_NAMES.get(env)
    if cached is not None and cached[0] == id(inventories):
        return cached[1]
    names: dict[str, str] = {}
    for inventory in inventories.values():
        for key, item in inventory.get('wsclose:code', {}).items():
            # Sphinx 8.2's _InventoryItem, or the tuple of the Sphinx versions before.
            uri = getattr(item, 'uri', None) or item[2]
            shown = getattr(item, 'display_name', None) or item[3]
            names.setdefault(str(uri), key if shown in {'', '-'} else str(shown))
    _INVENTORY_NAMES[env] = (id(inventories), names)
    return names


def reading_of(config: Config, key: str) -> Reading:
    """The :class:`~.records.Reading` of a mention's *key*, where no role made one."""
    try:
        parsed = settings(config).registry.parse(key)
    except InvalidCodeError:
        return Reading(key, '')
    return Reading(parsed.key, parsed.entry.key, parsed.code)


def _reading(env: BuildEnvironment, node: pending_xref) -> Reading | None:
    """What the mention *node* means, as the role or the resolver read it."""
    if node.get('refdomain') != 'wsclose':
        return None
    text = node.next_node(mention_text)
    reading = text.get(MENTION_READING) if text is not None else None
    if isinstance(reading, Reading):
        return reading
    return reading_of(env.config, node['reftarget'])


def _entry_of(config: Config, reading: Reading | None) -> Entry | None:
    """The registry entry that *reading* reads as, if any."""
    if reading is None or not reading.entry:
        return None
    return settings(config).registry.get(reading.entry)


def fallback_url(entry: Entry, fallback: str) -> str | None:
    """Where ``wsclose_fallback`` sends a mention of *entry* that nothing documents."""
    if fallback == 'none':
        return None
    if entry.set and entry.references:  # a protocol's code: the source that defines it
        return entry.references[0].url
    references = entry.references
    if not references:  # a project's own code: the source of its range
        around = REGISTRY.enclosing_range(entry)
        references = around.references if around is not None else ()
    if fallback == 'rfc':
        for reference in references:
            if reference.url.startswith('https://www.rfc-editor.org/'):
                return reference.url
    return IANA_URL


def resolve_fallbacks(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: TextElement
) -> nodes.reference | None:
    """``missing-reference`` handler: the range row, here or elsewhere, then the fallback."""
    reading = _reading(env, node)
    entry = _entry_of(env.config, reading)
    if reading is None or entry is None:
        return None
    # Sphinx calls every handler, even after one resolved the mention, and
    # takes the first link: the one made here must not take the text away
    # from the link that intersphinx made.
    contnode = contnode.deepcopy()
    if reading.code is not None and entry.kind in {Kind.RANGE, Kind.SET_RANGE}:
        domain = cast('CloseCodeDomain', env.get_domain('wsclose'))
        found = domain.find(entry.key)
        if found is not None:
            _entry, where = found
            return link_to(app.builder, node['refdoc'], where, contnode, entry.description)
        if 'sphinx.ext.intersphinx' in app.extensions:
            # Imported here: intersphinx brings an HTTP client with it, which
            # a project that does not load intersphinx should not pay for.
            from sphinx.ext.intersphinx import missing_reference  # noqa: PLC0415

            retry = node.deepcopy()
            retry['reftarget'] = entry.key
            retry['refexplicit'] = True  # keep "4001 (private use)", not the range's name
            ref = missing_reference(app, env, retry, contnode)
            if ref is not None:
                return ref
    if entry.kind is Kind.UNASSIGNED and reading.code is not None:
        return None  # no meaning to link to: warn_missing_reference says so
    url = fallback_url(entry, settings(env.config).fallback)
    if url is None:
        return None
    ref = nodes.reference(
        '', '', internal=False, refuri=url, reftitle=entry.description, classes=['wsclose-fallback']
    )
    ref += contnode
    return ref


def warn_missing_reference(app: Sphinx, domain: Domain | None, node: pending_xref) -> bool | None:
    """``warn-missing-reference`` handler: word the warning for our mentions."""
    if domain is None or domain.name != 'wsclose':
        return None
    raw = node['reftarget']
    reading = _reading(app.env, node)
    entry = _entry_of(app.config, reading)
    if reading is None or entry is None:
        codes = cast('CloseCodeDomain', domain)
        named = codes.named(raw)
        if len(named) > 1:  # a name that several wsclose:code directives give
            entries = tuple(entry for entry in map(codes.entry, named) if entry is not None)
            logger.warning(ambiguous_message(AmbiguousNameError(raw.strip(), entries)),
                           location=node, type=WARNING_TYPE, subtype=AMBIGUOUS)
            return True
        # A name that no wsclose:code directive defined either.
        # The hint is worked out here only, for a mention that failed; its
        # module is imported then too (a build where every mention resolves
        # never loads it).
        from sphinxext_wsclose.hints import hint_for  # noqa: PLC0415

        hint = hint_for(settings(app.config).registry, raw)
        logger.warning(invalid_message(unknown_target(raw), hint), location=node, type=WARNING_TYPE,
                       subtype=INVALID)
        return True
    if entry.kind is Kind.UNASSIGNED and reading.code is not None:
        logger.warning(
            __(
                'close code %s is unassigned: IANA lists %s as unassigned, '
                'and this project does not document it'
            ),
            raw,
            entry.code_text,
            location=node,
            type=WARNING_TYPE,
            subtype=UNASSIGNED,
        )
    else:
        logger.warning(
            __(
                'no wsclose-table documents close code %s (%s), and wsclose_fallback is '
                "'none': add a wsclose-table or link to one through intersphinx"
            ),
            raw,
            entry.name,
            location=node,
            type=WARNING_TYPE,
            subtype=MISSING,
        )
    return True
