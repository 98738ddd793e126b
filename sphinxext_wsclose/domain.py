"""The ``wsclose`` domain: where table rows are registered and mentions resolved.

Tables register one object per row (:meth:`CloseCodeDomain.note_code`).  The
role emits ``pending_xref`` nodes, and :meth:`CloseCodeDomain.resolve_xref`
turns them into links, or returns ``None`` so that intersphinx and the
``missing-reference`` event get their turn.  The warning for a reference that
nothing resolved comes last, from :func:`warn_missing_reference`.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from sphinx.domains import Domain, ObjType
from sphinx.util import logging
from sphinx.util.nodes import make_refnode

from sphinxext_wsclose._locale import _, __
from sphinxext_wsclose.registry import REGISTRY, InvalidCodeError, Kind
from sphinxext_wsclose.roles import CloseCodeRole

if TYPE_CHECKING:
    from collections.abc import Iterator, Set

    from docutils import nodes
    from docutils.nodes import Element
    from sphinx.addnodes import pending_xref
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

    from sphinxext_wsclose.registry import Entry

logger = logging.getLogger(__name__)

#: Where one table row lives: (docname, line of its table, node id).  Sorted,
#: these put tables in document order, whatever their node ids.
Registration = tuple[str, int, str]


class CloseCodeDomain(Domain):
    """The registry rows that this project documents, and links to them."""

    name = 'wsclose'
    label = 'WebSocket'
    object_types = {'code': ObjType(_('close code'), 'code')}  # noqa: RUF012
    roles = {'code': CloseCodeRole()}  # noqa: RUF012
    initial_data = {'objects': {}}  # noqa: RUF012
    data_version = 1

    @property
    def objects(self) -> dict[str, list[Registration]]:
        """Each key (``'1008'``, ``'4000-4999'``) and every row that documents it.

        The list is sorted, so the first registration is the link target
        whatever order the documents were read in.
        """
        objects: dict[str, list[Registration]] = self.data.setdefault('objects', {})
        return objects

    def note_code(self, key: str, docname: str, node_id: str, lineno: int) -> None:
        """Record that a table row in *docname* documents *key*."""
        registrations = self.objects.setdefault(key, [])
        registrations.append((docname, lineno, node_id))
        registrations.sort()

    def clear_doc(self, docname: str) -> None:
        for key, registrations in list(self.objects.items()):
            kept = [reg for reg in registrations if reg[0] != docname]
            if kept:
                self.objects[key] = kept
            else:
                del self.objects[key]

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for key, registrations in otherdata['objects'].items():
            for docname, lineno, node_id in registrations:
                if docname in docnames:
                    self.note_code(key, docname, node_id, lineno)

    def check_consistency(self) -> None:
        """Warn once per table that documents codes another table already has."""
        repeated: dict[tuple[str, int, str, int], list[str]] = defaultdict(list)
        for key, registrations in self.objects.items():
            first_doc, first_line, _id = registrations[0]
            for other_doc, other_line, _other_id in registrations[1:]:
                repeated[first_doc, first_line, other_doc, other_line].append(key)
        for (first_doc, first_line, other_doc, other_line), keys in sorted(repeated.items()):
            keys.sort(key=_sort_key)
            logger.warning(
                __('this table documents %s, already documented by the table at %s:%s; '
                   'links go to that one'),
                _plural_codes(keys),
                self.env.doc2path(first_doc),
                first_line,
                location=(other_doc, other_line),
                type='wsclose',
                subtype='duplicate',
            )

    def find(self, target: str) -> tuple[Entry, Registration] | None:
        """The documented row for a role target, trying the exact code first."""
        registrations = self.objects.get(target)
        entry = REGISTRY.get(target)
        if registrations and entry is not None:
            return entry, registrations[0]
        try:
            parsed = REGISTRY.parse(target)
        except InvalidCodeError:
            return None
        if parsed.entry.kind is not Kind.RANGE:
            return None
        registrations = self.objects.get(parsed.entry.key)
        if not registrations:
            return None
        return parsed.entry, registrations[0]

    def resolve_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: pending_xref,
        contnode: Element,
    ) -> nodes.reference | None:
        found = self.find(target)
        if found is None:
            return None
        entry, (docname, _lineno, node_id) = found
        return make_refnode(builder, fromdocname, docname, node_id, contnode, entry.description)

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: Element,
    ) -> list[tuple[str, nodes.reference]]:
        # ``:any:`` is ambiguous by nature: answer only for an exact key, so
        # that a bare number does not turn into a close code by accident.
        registrations = self.objects.get(target)
        entry = REGISTRY.get(target)
        if not registrations or entry is None:
            return []
        docname, _lineno, node_id = registrations[0]
        ref = make_refnode(builder, fromdocname, docname, node_id, contnode, entry.description)
        return [('wsclose:code', ref)]

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        for key, registrations in sorted(self.objects.items(), key=lambda item: _sort_key(item[0])):
            entry = REGISTRY.get(key)
            if entry is None:
                continue
            docname, _lineno, node_id = registrations[0]
            yield key, entry.display, 'code', docname, node_id, 1


def _sort_key(key: str) -> tuple[int, int]:
    first, _sep, last = key.partition('-')
    return int(first), -int(last or first)


def _plural_codes(keys: list[str]) -> str:
    shown = ', '.join(keys[:5]) + (', \u2026' if len(keys) > 5 else '')
    if len(keys) == 1:
        return __('close code %s') % shown
    return __('%d close codes (%s)') % (len(keys), shown)


def warn_missing_reference(app: Sphinx, domain: Domain | None, node: pending_xref) -> bool | None:
    """Word the warning for a mention that nothing resolved.

    Sphinx calls this last, after the domain, intersphinx and every
    ``missing-reference`` handler had their turn.
    """
    if domain is None or domain.name != CloseCodeDomain.name:
        return None
    target = node['reftarget']
    try:
        parsed = REGISTRY.parse(target)
    except InvalidCodeError:
        return None  # not from our role: Sphinx's own wording will do
    entry = parsed.entry
    if entry.kind is Kind.UNASSIGNED and parsed.code is not None:
        logger.warning(
            __('close code %s is unassigned: IANA lists %s as unassigned, '
               'and this project does not document it'),
            target,
            entry.code_text,
            location=node,
            type='wsclose',
            subtype='unassigned',
        )
    else:
        logger.warning(
            __('no wsclose-table documents close code %s (%s): add a wsclose-table '
               'to the project or link to one through intersphinx'),
            target,
            entry.name,
            location=node,
            type='wsclose',
            subtype='missing',
        )
    return True
