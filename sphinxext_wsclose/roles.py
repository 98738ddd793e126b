"""The ``:wsclose:`` role (``{wsclose}`` in MyST): a mention of a close code.

The role reads its target against the project's registry (the bundled one
plus ``wsclose_codes``) while the page is parsed.  A target that can never be
valid is warned about here, and its text is kept as written, unlinked.

A target that can be linked becomes a :class:`~docutils.nodes.reference`
whose address is not known yet: the row that documents the code may be on a
page that is read later.  Its ``wsclose`` attribute holds the key to link to;
:class:`~sphinxext_wsclose.links.MentionResolver` fills in the address
of every mention of a page at once, when the page is written.  A mention
costs what a hand-written link costs: one node and its text.

``:wsclose:code:``, the long name of the same role, makes a ``pending_xref``
instead, for Sphinx's own resolver.  That is what ``:external:`` (intersphinx)
needs, and the link it gives is the same.

A page mentions the same few codes again and again: what a target means is
worked out once per project (a :class:`_Plan`), and the common mention, a
bare target such as ``1008``, skips :class:`~sphinx.roles.XRefRole`'s
per-call setup, which gives the same result for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from docutils import nodes
from sphinx import addnodes
from sphinx.roles import XRefRole
from sphinx.util import logging

from sphinxext_wsclose._compat import current_docname
from sphinxext_wsclose._locale import _, __
from sphinxext_wsclose.config import Settings, settings
from sphinxext_wsclose.library_keys import last_part
from sphinxext_wsclose.protocol import (
    AMBIGUOUS,
    INVALID,
    MENTION_CLASSES,
    MENTION_KEY,
    MENTION_OPEN,
    MENTION_READING,
    UNUSED,
    WARNING_TYPE,
    mention_text,
)
from sphinxext_wsclose.records import NAMES, Reading
from sphinxext_wsclose.registry import AmbiguousNameError, Kind, Parsed, Registry, normalize_name
from sphinxext_wsclose.values import InvalidCodeError, LazyPattern, Record

if TYPE_CHECKING:
    from collections.abc import Sequence

    from docutils.nodes import Node, system_message
    from docutils.parsers.rst.states import Inliner
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

    from sphinxext_wsclose.domain import CloseCodeDomain
    from sphinxext_wsclose.hints import Hint

logger = logging.getLogger(__name__)

#: Registry ranges outside these bounds have no meaning to link to.
REGISTRY_SPAN = range(1000, 5000)
#: A target written as a number or a range of numbers; ``2FA required`` is a name.
_NUMERIC = LazyPattern(r'\s*[+-]?[0-9]+(?:\s*[-\u2013\u2014]\s*[+-]?[0-9]+)?\s*')
#: How many targets' plans a role keeps, as the registry bounds its caches.
_PLANS_KEPT = 10_000


def invalid_message(error: InvalidCodeError, hint: Hint | None = None) -> str:
    """The ``wsclose.invalid`` warning for a target that is no code at all.

    With a *hint* (:func:`~sphinxext_wsclose.hints.hint_for`), what the target
    probably meant; without one, how targets are written.
    """
    if hint is None:
        return __('%s; use a code such as 1008, a name such as POLICY_VIOLATION, '
                  'or a range such as 4000-4999') % error
    if hint.kind == 'lacks':
        said = __('%s has no constant for %s; mention it by its number') % (hint.library,
                                                                             hint.code)
    elif hint.kind == 'calls':
        said = __('%s spells %s as %s') % (hint.library, hint.code, hint.spellings[0])
    else:
        said = __('did you mean %s?') % __(' or ').join(hint.spellings)
    return f'{error}; {said}'


def _parses(config: Config, target: str) -> bool:
    """Whether *target* is a code, range or name that the project's registry knows."""
    try:
        settings(config).registry.parse(target)
    except InvalidCodeError:
        return False
    return True


def ambiguous_message(error: AmbiguousNameError) -> str:
    """The ``wsclose.ambiguous`` warning: the candidates, and how to write each."""
    written = normalize_name(error.name)
    wanted = normalize_name(last_part(error.name))
    choices = []
    for entry in error.candidates:
        # The qualified forms of the name written first (but not the ambiguous
        # spelling itself), the libraries listed by default before the others,
        # then the shortest.
        listed = set(entry.spellings(listed_only=True))
        spellings = sorted(
            (name for name in entry.spellings() if normalize_name(name) != written),
            key=lambda name: (normalize_name(last_part(name)) != wanted, name not in listed,
                              len(name)),
        )[:2]
        if entry.set:  # a protocol's code: its qualified form says which
            choices.append(entry.key)
        elif spellings:
            choices.append(f'{entry.code_text} ({", ".join(spellings)})')
        else:
            choices.append(entry.code_text)
    return __('%r names more than one close code: %s; write the one you mean: %s') % (
        error.name,
        ', '.join(entry.display for entry in error.candidates),
        __(' or ').join(choices),
    )


class _Plan(Record):
    """What a mention of a target becomes in one project: the same every time."""

    __slots__ = ()
    #: The key it links to (its ``wsclose`` attribute, or a name to resolve).
    key: str
    #: Its text.
    text: str
    #: Whether the text is in code style (a spelling, with wsclose_show_spelling).
    literal: bool
    #: The keys whose rows it may link to (:func:`depends_on`).
    keys: tuple[str, ...]
    #: Whether whoever links it must keep the text.
    final: bool
    #: What the target means, for whoever links it (:class:`~.records.Reading`).
    reading: Reading
    #: Classes besides the mention's own: ``wsclose-deprecated`` for a deprecated code.
    classes: tuple[str, ...] = ()


class _Reject(Record):
    """A target that can never be linked: the warning, and its subtype."""

    __slots__ = ()
    message: str
    subtype: str


def _parse_here(project: Settings, target: str, module: str | None) -> Parsed:
    """*target* as the registry reads it; else relative to the page's ``py:currentmodule``.

    ``CloseCode.X`` on a page of the module ``websockets.frames`` is also
    ``websockets.frames.CloseCode.X``, which may name one code where the
    short form names two, or none.
    """
    try:
        return project.registry.parse(target)
    except InvalidCodeError:
        if not module or ':' in target:
            raise
        try:
            return project.registry.parse(f'{module}.{target.strip()}')
        except InvalidCodeError:
            pass
        raise


def _plan(project: Settings, target: str, title: str, *, explicit: bool,
          short: bool, module: str | None = None) -> _Plan | _Reject:
    """What a mention of *target* shows and links to, or why it cannot be linked."""
    try:
        parsed = _parse_here(project, target, module)
    except AmbiguousNameError as exc:
        return _Reject(ambiguous_message(exc), AMBIGUOUS)
    except InvalidCodeError as exc:
        if _NUMERIC.fullmatch(target):
            return _Reject(invalid_message(exc), INVALID)
        prefix, colon, _code = target.partition(':')
        if colon and prefix.strip().casefold() in project.registry.sets:
            # A set's code that the set does not have: the message lists its codes.
            return _Reject(str(exc), INVALID)
        # A name that only a ``wsclose:code`` directive on some page may
        # define: resolved, or warned about, once every page is read.
        name = target.strip()
        return _Plan(name, title, literal=False, keys=(name, NAMES), final=explicit,
                     reading=Reading(name, ''))
    entry = parsed.entry
    outside = entry.first not in REGISTRY_SPAN or entry.last not in REGISTRY_SPAN
    if outside and parsed.code is not None:
        return _Reject(
            __('close code %s is in %s, which no WebSocket range defines; '
               'close codes run from 1000 to 4999') % (parsed.key, entry.code_text),
            UNUSED,
        )
    if parsed.code is None:
        text = entry.display if entry.is_range else entry.format(project.role_format)
        # A project's own code may also have a wsclose:code description,
        # which then gives the name: leave the text open for it.
        final = entry.kind is not Kind.CUSTOM
    elif entry.kind is Kind.UNASSIGNED:
        # Unassigned, unless a page here or in a project that intersphinx
        # reaches documents it; ``links`` warns if nothing does.
        text, final = title, False
    else:
        # ``target.text``, with the range's label translated: "4001 (private use)".
        text, final = f'{parsed.code} ({_(entry.label)})', False
    literal = False
    if explicit:
        text, final = title, True
    elif project.show_spelling and not _NUMERIC.fullmatch(target):
        # ``WSCloseCode.GOING_AWAY`` as written, in code style.
        text = target.strip()
        if short:
            text = last_part(text)
        literal, final = True, True
    classes = ('wsclose-deprecated',) if entry.deprecated and parsed.code is None else ()
    return _Plan(parsed.key, text, literal, depends_on(project.registry, parsed), final,
                 Reading(parsed.key, entry.key, parsed.code), classes)


class CloseCodeRole(XRefRole):
    """Link a close code, a code name or a range to its entry.

    Accepts ``1008``, ``POLICY_VIOLATION``, ``policy violation``,
    ``CLOSE_NORMAL``, ``4001`` (inside the private-use range) and
    ``4000-4999``, with an optional explicit title: ``text <1008>``.

    The link text is *final* when the user gave a title, or when it comes
    from a code this project knows.  Otherwise (a code inside a range, or a
    name only a ``wsclose:code`` directive may define) whoever resolves the
    mention may supply the code's name.
    """

    def __init__(self) -> None:
        super().__init__(warn_dangling=True, innernodeclass=nodes.inline)
        #: The project whose targets :attr:`_plans` holds (one role serves
        #: every Sphinx application of a process).
        self._plans_for: Settings | None = None
        self._plans: dict[str, _Plan | _Reject] = {}

    def __call__(
        self,
        name: str,
        rawtext: str,
        text: str,
        lineno: int,
        inliner: Inliner,
        options: dict[str, Any] | None = None,
        content: Sequence[str] = (),
    ) -> tuple[list[Node], list[system_message]]:
        # A bare target (no ``!``, ``~``, explicit title or escape), under a
        # name of its own: XRefRole would take it as it is (title = target =
        # text), so go straight to the mention.
        if (not name or not text or text[0] in '!~' or '<' in text or '\x00' in text):
            return super().__call__(name, rawtext, text, lineno, inliner, options, content)
        source, line = inliner.reporter.get_source_and_line(lineno)
        node = self.mention(inliner.document.settings.env, rawtext, text,
                            None if source is None else str(source), line,
                            pending=name.lower() == 'wsclose:code')
        return [node], []

    def mention(self, env: BuildEnvironment, rawtext: str, target: str, source: str | None,
                line: int | None, *, pending: bool = False) -> Node:
        """A mention of a bare *target* at *source*:*line*, as ``:wsclose:`` makes it.

        A target that can never be linked is warned about there, and its
        text kept unlinked.  A doc field (``:closes 1008:``) makes its
        mentions here too.
        """
        project = settings(env.config)
        if project is not self._plans_for:
            self._plans_for, self._plans = project, {}
        # A target may be relative to the page's module (py:currentmodule).
        module = env.ref_context.get('py:module')
        key = target if module is None else f'{module}\x00{target}'
        plan = self._plans.get(key)
        if plan is None:
            plan = _plan(project, target, target, explicit=False, short=False, module=module)
            if len(self._plans) < _PLANS_KEPT:
                self._plans[key] = plan
        node: Node
        if isinstance(plan, _Reject):
            node = nodes.inline(rawtext, target, classes=[*MENTION_CLASSES, 'wsclose-invalid'])
            node.source, node.line = source, line
            logger.warning(plan.message, location=node, type=WARNING_TYPE, subtype=plan.subtype)
            return node
        node = make_mention(env, rawtext, plan.reading, [_content(plan)], plan.keys,
                            final=plan.final, pending=pending, classes=plan.classes)
        node.source, node.line = source, line
        return node

    def run(self) -> tuple[list[Node], list[system_message]]:
        # Registered as ``wsclose`` and as ``wsclose:code``: both are one type.
        self.refdomain, self.reftype = 'wsclose', 'code'
        self.classes = list(MENTION_CLASSES)
        if self.disabled:
            return self.create_non_xref_node()
        # ``~aiohttp.WSCloseCode.GOING_AWAY``, as Sphinx's Python roles take it:
        # the same target; with wsclose_show_spelling, only its last part shows
        # (after the last ``.`` or ``::``).
        self.short = self.target.startswith('~') and _parses(self.config, self.target[1:])
        if self.short:
            self.target = self.target[1:]
            if not self.has_explicit_title:
                self.title = self.target
        return self.create_xref_node()

    def create_xref_node(self) -> tuple[list[Node], list[system_message]]:
        plan = _plan(settings(self.config), self.target, self.title,
                     module=self.env.ref_context.get('py:module'),
                     explicit=self.has_explicit_title, short=self.short)
        if isinstance(plan, _Reject):
            return self._reject(plan.message, plan.subtype)
        node = make_mention(self.env, self.rawtext, plan.reading, [_content(plan)], plan.keys,
                            final=plan.final, pending=self.name == 'wsclose:code',
                            classes=plan.classes)
        self.set_source_info(node)
        return [node], []

    def _reject(self, message: str, subtype: str) -> tuple[list[Node], list[system_message]]:
        """Warn, and keep the text as the user wrote it, without a link."""
        node = nodes.inline(self.rawtext, self.title, classes=[*self.classes, 'wsclose-invalid'])
        self.set_source_info(node)
        logger.warning(message, location=node, type=WARNING_TYPE, subtype=subtype)
        return [node], []


#: The role that makes the mentions code makes: a ``:closes:`` field's, a
#: deprecated code's replacement.
_MADE = CloseCodeRole()


def made_mention(env: BuildEnvironment, target: str, source: str | None,
                 line: int | None) -> Node:
    """A mention of *target* at *source*:*line*, as ``:wsclose:`target``` makes it."""
    return _MADE.mention(env, target, target.strip(), source, line)


def _content(plan: _Plan) -> Node:
    """A new node of the text of a mention."""
    if plan.literal:
        return nodes.literal(plan.text, plan.text)
    return nodes.Text(plan.text)


def make_mention(
    env: BuildEnvironment,
    rawtext: str,
    reading: Reading,
    content: Sequence[Node],
    keys: tuple[str, ...],
    *,
    final: bool,
    pending: bool = False,
    classes: Sequence[str] = (),
) -> nodes.reference | addnodes.pending_xref:
    """A mention of *reading*'s key on the page being read, whose link depends on *keys*.

    A ``reference`` that :class:`~sphinxext_wsclose.links.MentionResolver`
    links, or with *pending*, a ``pending_xref`` for Sphinx's resolver.  The
    *content* is *final* unless whoever links it may give the code's name.
    """
    docname = current_docname(env)
    domain = cast('CloseCodeDomain', env.get_domain('wsclose'))
    domain.note_mention(docname, keys)
    if pending:
        return pending_mention(rawtext, docname, reading, content, final=final, classes=classes)
    # What ``reference(rawtext, '', *content, classes=..., refdoc=..., wsclose=...)``
    # gives, attribute for attribute, without its keyword arguments' loop.
    node = nodes.reference(rawtext, '', *content)
    attributes = node.attributes
    attributes['classes'].extend(MENTION_CLASSES)
    attributes['classes'].extend(classes)
    attributes['refdoc'] = docname
    attributes[MENTION_KEY] = reading.key
    if not final:
        attributes[MENTION_OPEN] = True
    return node


def pending_mention(
    rawtext: str, docname: str, reading: Reading, content: Sequence[Node], *, final: bool,
    classes: Sequence[str] = (),
) -> addnodes.pending_xref:
    """A mention as Sphinx's generic resolver takes it: a ``pending_xref``.

    Its content is a :class:`~sphinxext_wsclose.protocol.mention_text`, which
    :class:`~sphinxext_wsclose.links.MentionShape` lifts out of the
    link that resolving it gives.  It carries *reading*
    (:data:`~sphinxext_wsclose.protocol.MENTION_READING`) for the fallbacks,
    the warnings and the mention's final shape, as Sphinx's resolver keeps
    it when nothing links the mention.
    """
    refnode = addnodes.pending_xref(
        rawtext,
        refdoc=docname,
        refdomain='wsclose',
        reftype='code',
        refexplicit=final,
        refwarn=True,
        reftarget=reading.key,
    )
    refnode += mention_text(rawtext, '', *content, classes=[*MENTION_CLASSES, *classes],
                            **{MENTION_KEY: reading.key, MENTION_READING: reading})
    return refnode


def depends_on(registry: Registry, target: Parsed) -> tuple[str, ...]:
    """The keys whose rows a mention of *target* may link to.

    4001 depends on 4001 (a ``wsclose:code`` may document it) and on the
    4000-4999 row; 1008 on 1008, and on 1000-2999 like every code in it.
    """
    entry = target.entry
    if target.code is None and entry.is_range:
        return (target.key,)
    if entry.set:  # a protocol's code: its own row, or its set's range around it
        return tuple(dict.fromkeys((target.key, entry.key)))
    return (target.key, *registry.containing_keys(entry.first))
