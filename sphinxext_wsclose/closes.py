"""Who closes with what: the ``:closes CODE: reason`` doc field, and closed-by lists.

An object's description says which codes it closes with, as ``:raises:``
says which exceptions it raises::

    .. py:function:: join(ws, room)

       :closes 1008: The token does not grant access to this room.
       :closes ChatClose.ROOM_FULL: The room already has 100 members.

The field is added to the Python and JavaScript domains' object descriptions
(and to sphinxcontrib-httpdomain's, where that extension is loaded) the way
napoleon adds its own: once for the whole process.  A build in the same
process that does not load this extension shows the field as Sphinx shows a
field it does not know.  With napoleon, a ``Closes:`` section gives the same
field.

Each code of a field is a mention, made as ``:wsclose:`` makes it.  Once a
page is read, :func:`note_closers` records which object declares which code;
when a page is written, :class:`ClosedByLists` fills in each list of the
objects that close with a code: a table's ``closed-by`` column, and the
"Closed by" line of a ``wsclose:code`` or of an own code's autodoc entry.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, cast

from docutils import nodes
from sphinx import addnodes
from sphinx.domains.javascript import JSCallable
from sphinx.domains.python._object import PyObject
from sphinx.errors import NoUri
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docfields import GroupedField

from sphinxext_wsclose._compat import builder_of, current_docname
from sphinxext_wsclose._locale import _, __
from sphinxext_wsclose.config import settings
from sphinxext_wsclose.domain import page_uri
from sphinxext_wsclose.protocol import (
    CLOSED_BY,
    CLOSED_BY_AT,
    CLOSES,
    INVALID,
    MENTION_CLASSES,
    MENTION_KEY,
    WARNING_TYPE,
)
from sphinxext_wsclose.records import CLOSERS, Closer
from sphinxext_wsclose.roles import made_mention
from sphinxext_wsclose.values import LazyPattern

if TYPE_CHECKING:
    from collections.abc import Iterator

    from docutils.nodes import Element, Node
    from docutils.parsers.rst.states import Inliner
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from sphinx.ext.napoleon.docstring import GoogleDocstring
    from sphinx.util.docfields import Field

    from sphinxext_wsclose.domain import CloseCodeDomain
    from sphinxext_wsclose.records import ClosedCode

logger = logging.getLogger(__name__)

#: The field's name, as doc field types are told apart.
FIELD_NAME = 'wsclose-closes'
#: What the field is written as: ``:closes 1008: reason``.
FIELD_NAMES = ('closes',)
#: The object types whose names read as calls: ``join()``.
_CALLABLES = frozenset({'function', 'method', 'classmethod', 'staticmethod'})
#: A role's target with an explicit title: ``text <1008>``.
_TITLED = LazyPattern(r'.*\S\s*<[^<>]+>')


def _loaded(env: BuildEnvironment | None) -> bool:
    """Whether the project being built loads this extension."""
    return env is not None and 'wsclose_codes' in env.config


class ClosesField(GroupedField):
    """``:closes CODE: reason``: the codes an object closes with, and why.

    Several fields make one list, labelled "Close codes"; a single one is one
    line, as ``:raises:`` is.
    """

    def __init__(self) -> None:
        super().__init__(FIELD_NAME, names=FIELD_NAMES, label=_('Close codes'),
                         can_collapse=True)

    def make_field(  # type: ignore[override]
        self,
        types: dict[str, list[Node]],
        domain: str,
        items: list[tuple[str, list[Node]]],
        env: BuildEnvironment | None = None,
        inliner: Inliner | None = None,
        location: Element | None = None,
    ) -> nodes.field | list[nodes.field]:
        if not _loaded(env):
            return [_unknown_field(fieldarg, content) for fieldarg, content in items]
        assert env is not None
        docname = current_docname(env)
        cast('CloseCodeDomain', env.get_domain('wsclose')).note_markup(docname, 'closes')
        listnode = nodes.bullet_list()
        for given, content in items:
            fieldarg = _rejoined(env, given, content)
            where = content[0] if content else location
            source = where.source if where is not None else None
            line = where.line if where is not None else None
            mention = _mention(env, fieldarg, source, line)
            if isinstance(mention, nodes.Element) and (
                    MENTION_KEY in mention or isinstance(mention, addnodes.pending_xref)):
                mention[CLOSES] = True
            paragraph = nodes.paragraph('', '', mention)
            if any(node.astext().strip() for node in content):
                paragraph += nodes.Text(' \N{EN DASH} ')
                paragraph += content
            listnode += nodes.list_item('', paragraph)
        fieldname = nodes.field_name('', self.label)
        if len(items) == 1 and self.can_collapse:
            only_item = cast('nodes.list_item', listnode[0])
            return nodes.field('', fieldname, nodes.field_body('', only_item[0]))
        return nodes.field('', fieldname, nodes.field_body('', listnode))


#: The start of a field's body that a MyST field list cut off the code: ``4004: ``.
_CUT_CODE = LazyPattern(r'([^\s:`]+):(?:\s+|$)')


def _rejoined(env: BuildEnvironment, fieldarg: str, content: list[Node]) -> str:
    """*fieldarg*, with the part of a qualified code that a MyST field list cut off.

    MyST-Parser ends a field's name at its first colon, so
    ``:closes discord-gateway:4004: reason`` reaches the field as the code
    ``discord-gateway`` and the body ``4004: reason``.  A set's name, or the
    name of a project of ``intersphinx_mapping``, is no code by itself: its
    code is taken back from the body.
    """
    prefix = fieldarg.strip()
    mapping = getattr(env.config, 'intersphinx_mapping', None) or {}
    if prefix not in settings(env.config).registry.sets and prefix not in mapping:
        return fieldarg
    text = next((node for node in content[0].findall(nodes.Text)), None) if content else None
    match = _CUT_CODE.match(str(text)) if text is not None else None
    if text is None or match is None or text.parent is None:
        return fieldarg
    text.parent.replace(text, nodes.Text(str(text)[match.end():]))
    return f'{prefix}:{match[1]}'


def _mention(env: BuildEnvironment, target: str, source: str | None, line: int | None) -> Node:
    """The mention of a field's code; a role's ``~``, ``!`` or explicit title is refused."""
    code = target.strip()
    if code[:1] in {'~', '!'} or _TITLED.fullmatch(code):
        node = nodes.inline(target, target, classes=[*MENTION_CLASSES, 'wsclose-invalid'])
        node.source, node.line = source, line
        logger.warning(
            __('%r: a :closes: field takes the code alone, as in ":closes 1008: reason", '
               "without the role's ~, ! or explicit title"),
            target, location=node, type=WARNING_TYPE, subtype=INVALID)
        return node
    return made_mention(env, code, source, line)


def _unknown_field(fieldarg: str, content: list[Node]) -> nodes.field:
    """The field as Sphinx shows a field it does not know: "Closes 1008"."""
    children: list[Node] = []
    for node in content:
        # The transformer wraps the body in one inline; a body of blocks stays blocks.
        children.extend(node.children if isinstance(node, nodes.inline) else [node])
    if all(isinstance(child, (nodes.Inline, nodes.Text)) for child in children):
        body = nodes.field_body('', nodes.paragraph('', '', *children))
    else:
        body = nodes.field_body('', *children)
    return nodes.field('', nodes.field_name('', f'Closes {fieldarg}'), body)


# -- Adding the field, once per process ---------------------------------------

def _add_to(directive: type[Any]) -> None:
    """Give *directive* (a class of object descriptions) the field, once.

    A field from an earlier import of this module (a test that reloads it)
    is replaced, never doubled.  A class that shares its base's list gets a
    list of its own, so that no other domain's descriptions change.
    """
    fields: list[Field] = [field for field in directive.doc_field_types
                           if field.name != FIELD_NAME]
    directive.doc_field_types = [*fields, ClosesField()]


def add_closes_field(app: Sphinx) -> None:
    """``builder-inited`` handler: ``:closes:`` in every description that takes it.

    The Python and JavaScript domains' descriptions get the field, and so do
    sphinxcontrib-httpdomain's resources (and its ``websocket:connection``
    where the installed version has one) and napoleon's docstrings, where
    the project loads those extensions: their modules are imported by then,
    and not imported otherwise.  As napoleon adds its own fields, it is for
    the whole process (the classes are shared), and harmless to a project
    that does not load this extension (:func:`_unknown_field`).
    """
    _add_to(PyObject)
    _add_to(JSCallable)
    if 'sphinx.ext.napoleon' in app.extensions:
        _add_napoleon_section()
    if 'sphinxcontrib.httpdomain' in app.extensions:
        http = importlib.import_module('sphinxcontrib.httpdomain')
        _add_to(http.HTTPResource)
        try:
            websocket = importlib.import_module('sphinxcontrib.httpdomain.websocket')
        except ImportError:  # a version without it
            return
        connection = getattr(websocket, 'WebSocketConnection', None)
        if connection is not None:
            _add_to(connection)


# -- napoleon: a ``Closes`` section -------------------------------------------

def _add_napoleon_section() -> None:
    """Teach napoleon a ``Closes:`` (Google) and ``Closes`` (NumPy) section.

    Its docstring classes list their sections in ``_load_custom_sections``;
    this wraps it, once per process, to add ``closes`` where the project
    loads this extension.
    """
    napoleon = importlib.import_module('sphinx.ext.napoleon.docstring')
    docstring_class = napoleon.GoogleDocstring
    current = docstring_class._load_custom_sections
    original = getattr(current, '__wrapped__', current)

    def _load_custom_sections(self: GoogleDocstring) -> None:
        original(self)
        if 'wsclose_codes' in self._config and 'closes' not in self._sections:
            self._sections['closes'] = lambda _section: _closes_section(self)

    _load_custom_sections.__wrapped__ = original  # type: ignore[attr-defined]
    docstring_class._load_custom_sections = _load_custom_sections


def _closes_section(docstring: GoogleDocstring) -> list[str]:
    """The ``:closes CODE: reason`` fields of a ``Closes`` section."""
    lines: list[str] = []
    for name, _type, given in docstring._consume_fields(parse_type=False):
        code, body = name.strip(), list(given)
        if code.startswith('`') and not code.endswith('`') and body and '`:' in body[0]:
            # ```pusher:4009`: reason`` (single backticks): a Google section cut
            # it at the colon inside; take the code back from the body.
            rest, _mark, after = body[0].partition('`:')
            code, body = f'{code}:{rest}`', [after.strip(), *body[1:]]
        # ``discord-gateway:4004`` in backticks: a code with a colon, as napoleon wants it.
        code = code.strip('`') if code.startswith('`') and code.endswith('`') else code
        description = docstring._strip_empty(body)
        reason = ' ' + '\n    '.join(description) if any(description) else ''
        lines.append(f':closes {code}:{reason}')
    if lines:
        lines.append('')
    return lines


# -- Read time: which object declares which code ------------------------------

def note_closers(app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read`` handler: record each object that declares a code.

    Only on pages with a ``:closes:`` field, which the field noted.  An
    object is known by the first signature with an id; one without (with
    ``:no-index:``) has nothing to link to, and is not listed.
    """
    env = app.env
    domain = cast('CloseCodeDomain', env.get_domain('wsclose'))
    docname = current_docname(env)
    if 'closes' not in domain.markup.get(docname, ()):
        return
    marked = cast('Iterator[nodes.Element]', doctree.findall(_is_closes))
    for position, mention in enumerate(marked):
        desc, only = _owner(mention)
        if desc is None:
            continue
        signature = next((node for node in desc.children
                          if isinstance(node, addnodes.desc_signature) and node['ids']), None)
        if signature is None:
            continue
        text, full = _names(app, desc, signature)
        del mention[CLOSES]  # read here only: it stays out of the output
        target = str(mention.get(MENTION_KEY) or mention.get('reftarget', ''))
        domain.note_closer(docname, Closer(
            docname, position, signature['ids'][0], text, full, target, only))


def _is_closes(node: Node) -> bool:
    return isinstance(node, nodes.Element) and CLOSES in node.attributes


def _owner(node: Element) -> tuple[addnodes.desc | None, tuple[str, ...]]:
    """The description that holds *node*, and the ``.. only::`` blocks around it."""
    desc: addnodes.desc | None = None
    only: list[str] = []
    parent = node.parent
    while parent is not None:
        if desc is None and isinstance(parent, addnodes.desc):
            desc = parent
        elif isinstance(parent, addnodes.only):
            only.append(parent['expr'])
        parent = parent.parent
    return desc, tuple(reversed(only))


def _names(app: Sphinx, desc: addnodes.desc, signature: addnodes.desc_signature) -> tuple[str, str]:
    """The object's name as its domain shows it, and its full name.

    ``Room.join()`` and ``chat.Room.join()`` for a Python method, as the
    table of contents shows it; ``GET /ws/chat`` for an httpdomain resource.
    """
    fullname = signature.get('fullname')
    if signature.get('method') and signature.get('path'):
        # sphinxcontrib-httpdomain: its fullname keeps only the path after the
        # last parameter; the resource is the method and the whole path.
        text = f"{str(signature['method']).upper()} {signature['path']}"
        return text, text
    if not fullname:
        text = signature.astext().strip()
        return text, text
    text = str(fullname)
    if desc.get('objtype') in _CALLABLES and app.config.add_function_parentheses:
        text += '()'
    module = signature.get('module')
    return text, f'{module}.{text}' if module else text


# -- Write time: the closed-by lists ------------------------------------------

def closed_by_cell(key: str) -> nodes.inline:
    """A placeholder for the closed-by list of *key*, filled in when the page is written."""
    return nodes.inline('', '', classes=['wsclose-closed-by'], **{CLOSED_BY: key})


def note_closed_by_page(env: BuildEnvironment) -> None:
    """Note that the page being read shows closed-by lists, which every ``:closes:`` may change."""
    domain = cast('CloseCodeDomain', env.get_domain('wsclose'))
    docname = current_docname(env)
    domain.note_markup(docname, 'closed-by')
    domain.note_mention(docname, (CLOSERS,))


def closed_by_line(env: BuildEnvironment, key: str) -> nodes.paragraph:
    """A placeholder for the "Closed by: ..." line at the end of *key*'s description."""
    note_closed_by_page(env)
    return nodes.paragraph('', '', classes=['wsclose-closed-by'], **{CLOSED_BY: key})


class ClosedByLists(SphinxPostTransform):
    """Fill in each closed-by list of the page: links to the objects that close with a code."""

    default_priority = CLOSED_BY_AT

    def run(self, **kwargs: Any) -> None:
        domain = cast('CloseCodeDomain', self.env.get_domain('wsclose'))
        docname = current_docname(self.env)
        if not domain.holds_markup(docname, {'closed-by'}):
            return
        places = list(cast('Iterator[nodes.Element]', self.document.findall(_is_placeholder)))
        if not places:
            return
        closed_by = domain.closed_by()
        shown = {str(place[CLOSED_BY]) for place in places}
        for place in places:
            key = str(place.attributes.pop(CLOSED_BY))
            closed = [item for item in closed_by.get(key, ())
                      if item.code is None or str(item.code) not in shown]
            if isinstance(place, nodes.paragraph):
                self._line(place, closed)
            else:
                self._cell(place, closed)

    def _links(self, closed: list[ClosedCode]) -> Iterator[Node]:
        """The links of *closed*, separated by commas; a code's number before its own."""
        domain = cast('CloseCodeDomain', self.env.get_domain('wsclose'))
        builder = builder_of(self.env)
        fromdocname = current_docname(self.env)
        code: int | None = None
        for n, item in enumerate(closed):
            if n:
                yield nodes.Text('; ' if item.code != code else ', ')
            if item.code is not None and (n == 0 or item.code != code):
                yield nodes.Text(f'{item.code}: ')
            code = item.code
            closer = item.closer
            text = domain.closer_text(closer)
            content = nodes.literal(text, text, classes=['xref'])
            try:
                uri = page_uri(builder, fromdocname, closer.docname)
            except NoUri:  # a page this builder leaves out
                yield content
                continue
            ref = nodes.reference('', '', content, internal=True, reftitle=closer.full,
                                  classes=['wsclose-closer'])
            if closer.docname == fromdocname:
                ref['refid'] = closer.node_id
            else:
                ref['refuri'] = f'{uri}#{closer.node_id}'
            yield ref

    def _cell(self, place: Element, closed: list[ClosedCode]) -> None:
        place.extend(self._links(closed))
        if not place.children:
            place.parent.remove(place)

    def _line(self, place: Element, closed: list[ClosedCode]) -> None:
        if not closed:
            place.parent.remove(place)
            return
        place += nodes.Text(_('Closed by: '))
        place.extend(self._links(closed))


def _is_placeholder(node: Node) -> bool:
    return isinstance(node, nodes.Element) and CLOSED_BY in node.attributes
