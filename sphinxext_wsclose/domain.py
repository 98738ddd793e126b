"""The ``wsclose`` domain: where link targets are registered and mentions resolved.

Two things register targets: table rows (:meth:`CloseCodeDomain.note_row`) and
``wsclose:code`` descriptions of a project's own codes
(:meth:`CloseCodeDomain.note_definition`).  Mentions are
linked by :mod:`sphinxext_wsclose.links`, through :meth:`CloseCodeDomain.find`;
:meth:`CloseCodeDomain.resolve_xref` serves Sphinx's generic resolver
(``:wsclose:code:``, ``:any:``, MyST's ``[](#1008)``): it links the exact code
or returns ``None``, so that intersphinx and the other ``missing-reference``
handlers get their turn.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any, cast

from docutils import nodes
from sphinx.domains import Domain, Index, IndexEntry, ObjType
from sphinx.util import logging

from sphinxext_wsclose._compat import builder_of
from sphinxext_wsclose._locale import _, __
from sphinxext_wsclose.bundled import REGISTRY
from sphinxext_wsclose.config import settings
from sphinxext_wsclose.protocol import (
    DUPLICATE,
    DUPLICATE_CODE,
    DUPLICATE_NAME,
    WARNING_TYPE,
    mention_text,
)
from sphinxext_wsclose.records import CLOSERS, NAMES, ClosedCode, Location, OnlyEntry, Rank
from sphinxext_wsclose.registry import Kind, custom_entry, normalize_name
from sphinxext_wsclose.values import InvalidCodeError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Set

    from docutils.nodes import Element, Node
    from sphinx.addnodes import pending_xref
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.domains.std import StandardDomain
    from sphinx.environment import BuildEnvironment

    from sphinxext_wsclose.records import (
        ClosedTable,
        Closer,
        Definition,
        IndexEntryTuple,
        Title,
    )
    from sphinxext_wsclose.registry import Entry, Parsed, Registry

logger = logging.getLogger(__name__)

#: The titles of the domain index, translated when a build starts.
_INDEX_TITLES = (_('WebSocket close codes'), _('close codes'))


class CloseCodeIndex(Index):
    """The domain index: every documented code, grouped by range."""

    name = 'index'
    localname, shortname = _INDEX_TITLES

    def generate(
        self, docnames: Iterable[str] | None = None
    ) -> tuple[list[tuple[str, list[IndexEntry]]], bool]:
        domain = self.domain
        assert isinstance(domain, CloseCodeDomain)
        if not settings(domain.env.config).domain_index:
            return [], False
        groups: dict[str, list[IndexEntry]] = defaultdict(list)
        closed_by = domain.closed_by()
        for key, target in domain.targets():
            if docnames is not None and target.docname not in docnames:
                continue
            entry = domain.entry(key)
            if entry is None:
                continue
            around = REGISTRY.enclosing_range(entry, (Kind.RANGE,))
            group = around.display if around is not None else entry.display
            closed = closed_by.get(key, [])
            groups[group].append(IndexEntry(
                entry.display, 1 if closed else 0, target.docname, target.node_id, entry.set,
                '', entry.description,
            ))
            # The objects that close with it, under it.
            for code, closer in closed:
                text = domain.closer_text(closer)
                groups[group].append(IndexEntry(
                    f'{code}: {text}' if code is not None else text, 2, closer.docname,
                    closer.node_id, '', '', '',
                ))
        order = {entry.display: n for n, entry in enumerate(REGISTRY)}
        content = sorted(groups.items(), key=lambda item: order.get(item[0], len(order)))
        return content, False


class CloseCodeDomain(Domain):
    """The close codes that this project documents, and links to them.

    It stores and resolves; it knows no directive or role.  ``wsclose:code``
    and the role ``:wsclose:code:`` are added to it in :func:`~sphinxext_wsclose.setup`.
    """

    name = 'wsclose'
    label = 'WebSocket'
    object_types = {'code': ObjType(_('close code'), 'code')}  # noqa: RUF012
    indices = [CloseCodeIndex]  # noqa: RUF012
    #: Every key this domain stores.  The first eight hold what pages say,
    #: per document: :meth:`clear_doc` drops a document's part, and
    #: :meth:`merge_domaindata` takes it from a parallel reader.  The last four
    #: describe the whole project as the previous build left it; the main
    #: process writes them once per build (``env-updated``, ``env-get-outdated``),
    #: so no document owns a part of them.
    initial_data = {  # noqa: RUF012
        # Each key ('1008', '4000-4999') and the Locations that document it.
        'objects': {},
        # Each code that wsclose:code descriptions define, and its Definitions.
        'definitions': {},
        # The documents whose tables list the codes that wsclose:code defines.
        'defined_rows': set(),
        # Each document, and the keys its mentions depend on.
        'mentions': {},
        # Each document, and its section Titles with mentions whose text may change.
        'titles': {},
        # Each document, and the index entries (OnlyEntry) of its rows inside `only`.
        'only_entries': {},
        # Each document with a wsclose-table or a wsclose:code, and which: the
        # per-page hooks skip every other page without walking it (see `holds_markup`).
        # Also 'closes' (a :closes: field) and 'closed-by' (a closed-by list).
        'markup': {},
        # Each document, and the Closers of its :closes: fields.
        'closers': {},
        # Each document, and its tables with `:codes: closed` (ClosedTable).
        'closed_tables': {},
        # Whole project: the std labels this domain set last build (label: docname).
        'labels': {},
        # Whole project: what each key resolved to last build (outdated_documents).
        'snapshot': {},
        # Whole project: each document's settled title texts, last build (titles).
        'title_texts': {},
        # Whole project: the digest of the project's own codes, last build (config).
        'codes_digest': None,
        # Whole project: the rows that tables with `:codes: closed` got last build,
        # as (key, Location) pairs also in 'objects' (place_closed_rows).
        'closed_rows': [],
    }
    data_version = 11

    @property
    def objects(self) -> dict[str, list[Location]]:
        """Each key (``'1008'``, ``'4000-4999'``) and every target that documents it."""
        objects: dict[str, list[Location]] = self.data['objects']
        return objects

    @property
    def definitions(self) -> dict[str, list[Definition]]:
        """Each code that ``wsclose:code`` directives define, with every definition."""
        definitions: dict[str, list[Definition]] = self.data['definitions']
        return definitions

    @property
    def defined_rows(self) -> set[str]:
        """The documents whose tables list the codes that directives define."""
        rows: set[str] = self.data['defined_rows']
        return rows

    @property
    def mentions(self) -> dict[str, set[str]]:
        """Each document, and the keys its mentions depend on."""
        mentions: dict[str, set[str]] = self.data['mentions']
        return mentions

    @property
    def titles(self) -> dict[str, list[Title]]:
        """Each document, and its section titles whose mentions a directive may name."""
        titles: dict[str, list[Title]] = self.data['titles']
        return titles

    @property
    def markup(self) -> dict[str, set[str]]:
        """Each document with a table (``'table'``) or a ``wsclose:code`` (``'code'``)."""
        markup: dict[str, set[str]] = self.data['markup']
        return markup

    @property
    def only_entries(self) -> dict[str, list[OnlyEntry]]:
        """Each document, and the general index's entries of its rows inside ``.. only::``."""
        entries: dict[str, list[OnlyEntry]] = self.data['only_entries']
        return entries

    @property
    def labels(self) -> dict[str, str]:
        """The labels of rows that :meth:`update_labels` set last, with their documents."""
        labels: dict[str, str] = self.data['labels']
        return labels

    @property
    def closers(self) -> dict[str, list[Closer]]:
        """Each document, and the objects in it that declare codes with ``:closes:``."""
        closers: dict[str, list[Closer]] = self.data['closers']
        return closers

    @property
    def closed_tables(self) -> dict[str, list[ClosedTable]]:
        """Each document, and its tables with ``:codes: closed``."""
        tables: dict[str, list[ClosedTable]] = self.data['closed_tables']
        return tables

    #: The whole-project keys, which :meth:`swap` replaces once per build.
    _WHOLE_PROJECT = frozenset({'snapshot', 'title_texts', 'codes_digest', 'closed_rows'})

    def swap(self, key: str, current: Any) -> Any:
        """Store *current* under the whole-project *key*; return the previous build's value."""
        assert key in self._WHOLE_PROJECT, key
        previous = self.data[key]
        self.data[key] = current
        return previous

    # -- registration ---------------------------------------------------------

    def note_title(self, docname: str, title: Title) -> None:
        """Record a section title of *docname* that holds open mentions."""
        self.titles.setdefault(docname, []).append(title)

    def note_markup(self, docname: str, kind: str) -> None:
        """Record that *docname* has a table (``'table'``) or a ``wsclose:code`` (``'code'``)."""
        self.markup.setdefault(docname, set()).add(kind)

    def note_mention(self, docname: str, keys: Iterable[str]) -> None:
        """Record that a mention in *docname* depends on *keys*.

        A mention of 4001 depends on 4001 and on the 4000-4999 row; a mention
        by name depends on every definition's name (:data:`NAMES`).
        """
        found = self.mentions.get(docname)
        if found is None:
            found = self.mentions[docname] = set()
        found.update(keys)

    def note_closer(self, docname: str, closer: Closer) -> None:
        """Record that an object in *docname* declares a code with ``:closes:``."""
        self.closers.setdefault(docname, []).append(closer)
        self._closed = self._shared = None

    def note_closed_table(self, docname: str, table: ClosedTable) -> None:
        """Record a table in *docname* with ``:codes: closed``."""
        self.closed_tables.setdefault(docname, []).append(table)

    def note_defined_rows(self, docname: str) -> None:
        """Record that a table in *docname* lists codes defined by directives."""
        self.defined_rows.add(docname)

    def note_row(self, key: str, docname: str, lineno: int, node_id: str) -> None:
        """Record that a table row in *docname* documents *key*."""
        self._note(key, Location(Rank.ROW, docname, lineno, node_id))

    def note_row_kept(
        self, key: str, docname: str, read_id: str, node_id: str, only: tuple[str, ...]
    ) -> None:
        """Record that the row *read_id* is kept only where *only* holds, with *node_id*."""
        targets = self.objects[key]
        for index, target in enumerate(targets):
            if target.docname == docname and target.node_id == read_id:
                targets[index] = target._replace(node_id=node_id, only=only)
        targets.sort()

    def note_only_entries(
        self, docname: str, entries: Iterable[IndexEntryTuple], only: tuple[str, ...]
    ) -> None:
        """Record index entries of *docname* that a build lists only where *only* holds."""
        self.only_entries.setdefault(docname, []).extend(
            OnlyEntry(entry, only) for entry in entries)

    def note_definition(
        self, code: int, docname: str, lineno: int, node_id: str, definition: Definition
    ) -> None:
        """Record a ``wsclose:code`` description of a project's own code."""
        key = str(code)
        self._closed = self._shared = None
        self._note(key, Location(Rank.DEFINITION, docname, lineno, node_id))
        found = self.definitions.setdefault(key, [])
        found.append(definition)
        found.sort()

    def _note(self, key: str, target: Location) -> None:
        found = self.objects.setdefault(key, [])
        found.append(target)
        found.sort()

    #: The per-document keys that map a document to what it holds.
    _BY_DOCUMENT = ('mentions', 'titles', 'only_entries', 'markup', 'closers', 'closed_tables')

    def clear_doc(self, docname: str) -> None:
        self._closed = self._shared = None
        self.defined_rows.discard(docname)
        for name in self._BY_DOCUMENT:
            self.data[name].pop(docname, None)
        _drop_doc(self.objects, docname)
        _drop_doc(self.definitions, docname)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        self._closed = self._shared = None
        self.defined_rows.update(set(otherdata['defined_rows']) & set(docnames))
        for name in self._BY_DOCUMENT:
            for docname, found in otherdata[name].items():
                if docname in docnames:
                    self.data[name][docname] = found
        for key, targets in otherdata['objects'].items():
            for target in targets:
                if target.docname in docnames:
                    self._note(key, target)
        for key, definitions in otherdata['definitions'].items():
            kept = [item for item in definitions if item.docname in docnames]
            if kept:
                found = self.definitions.setdefault(key, [])
                found.extend(kept)
                found.sort()

    def check_consistency(self) -> None:
        self._warn_duplicate_tables()
        self._warn_duplicate_definitions()
        self._warn_duplicate_names()
        if not settings(self.env.config).domain_index:
            self._drop_index_label()

    def update_labels(self) -> None:
        """Make each documented code a label of its own: ``:ref:`wsclose-1008```.

        The label is the id of the code's preferred target, and its default
        text the code and its name.  It is set once every page is read (so
        before the environment is saved), for the preferred target alone:
        two tables of one code give the ``wsclose.duplicate`` warning and no
        second one from Sphinx.  A label that the project sets itself wins.
        The labels set by the previous build are taken back first, as the
        preferred target may have moved.
        """
        std = cast('StandardDomain', self.env.get_domain('std'))
        ours = self.labels
        for label, docname in ours.items():
            if std.anonlabels.get(label) == (docname, label):
                del std.anonlabels[label]
                std.labels.pop(label, None)
        ours.clear()
        for key, target in self.targets():
            entry = self.entry(key)
            if entry is None or target.node_id in std.anonlabels:
                continue
            std.anonlabels[target.node_id] = (target.docname, target.node_id)
            std.labels[target.node_id] = (target.docname, target.node_id, entry.display)
            ours[target.node_id] = target.docname

    def _drop_index_label(self) -> None:
        """Take back the label of the domain index, which is not written.

        Sphinx gives each domain index a label (``wsclose-index``) whether or
        not the page is written; without this, ``:ref:`wsclose-index``` would
        link to a page that does not exist, without a warning.  (The
        configuration is not known yet when Sphinx calls :meth:`setup`.)
        """
        std = cast('StandardDomain', self.env.get_domain('std'))
        for index in self.indices:
            label = f'{self.name}-{index.name}'
            std.labels.pop(label, None)
            std.anonlabels.pop(label, None)

    def _warn_duplicate_tables(self) -> None:
        """One warning per table that documents codes another table already has."""
        repeated: dict[tuple[str, int, str, int], list[str]] = defaultdict(list)
        for key, targets in self.objects.items():
            rows = [target for target in targets if target.rank is Rank.ROW and self.kept(target)]
            for other in rows[1:]:
                repeated[rows[0].docname, rows[0].lineno, other.docname, other.lineno].append(key)
        for (first_doc, first_line, other_doc, other_line), keys in sorted(repeated.items()):
            keys.sort(key=sort_key)
            logger.warning(
                __('this table documents %s, already documented by the table at %s:%s; '
                   'links go to that one'),
                _plural_codes(keys),
                self.env.doc2path(first_doc),
                first_line,
                location=(other_doc, other_line),
                type=WARNING_TYPE,
                subtype=DUPLICATE,
            )

    def _warn_duplicate_names(self) -> None:
        """One warning at each ``wsclose:code`` whose name an earlier code already has."""
        seen: dict[str, str] = {}
        for key in sorted(self.definitions, key=int):
            first = self.definitions[key][0]
            for name in dict.fromkeys(filter(None, (first.name, first.constant))):
                folded = normalize_name(name)
                if not folded:
                    continue
                if seen.setdefault(folded, key) == key:  # new, or its own name again
                    continue
                other = self.definitions[seen[folded]][0]
                logger.warning(
                    __('close codes %s and %s are both called %r (%s:%s); a mention by that '
                       'name is ambiguous, so use the code'),
                    seen[folded], key, name, self.env.doc2path(other.docname), other.lineno,
                    location=(first.docname, first.lineno),
                    type=WARNING_TYPE,
                    subtype=DUPLICATE_NAME,
                )

    def _warn_duplicate_definitions(self) -> None:
        in_conf = settings(self.env.config).code_locations
        for key, definitions in sorted(self.definitions.items()):
            first, *others = definitions
            if key in in_conf:
                others, where = definitions, in_conf[key]
                winner = __('the first wsclose:code description')
            else:
                where = f'{self.env.doc2path(first.docname)}:{first.lineno}'
                winner = __('the first definition')
            for other in others:
                logger.warning(
                    __('close code %s is defined twice: here, and in %s; links go to %s'),
                    key,
                    where,
                    winner,
                    location=(other.docname, other.lineno),
                    type=WARNING_TYPE,
                    subtype=DUPLICATE_CODE,
                )

    # -- look-up --------------------------------------------------------------

    def holds_markup(
        self, docname: str, kinds: Set[str] = frozenset({'table', 'code'}), *,
        included: bool = True,
    ) -> bool:
        """Whether the doctree of *docname* may hold a table or ``wsclose:code`` of *kinds*.

        Known without walking the doctree: from what the directives recorded
        as the pages were read.  A builder that writes several pages as one
        (LaTeX, Texinfo, manual pages, single-page HTML) gives the
        post-transforms the tree of its start page with the pages it includes,
        so with *included* those count too: a page whose toctree lists a page
        with a table is then walked, which costs time, never a result.
        """
        return self._holds(docname, lambda name: not kinds.isdisjoint(self.markup.get(name, ())),
                           included=included)

    def holds_mentions(self, docname: str) -> bool:
        """Whether the doctree of *docname* may hold a mention (see :meth:`holds_markup`)."""
        return self._holds(docname, self.mentions.__contains__, included=True)

    def _holds(self, docname: str, has: Callable[[str], bool], *, included: bool) -> bool:
        if has(docname):
            return True
        if not included:
            return False
        includes = self.env.toctree_includes
        seen, todo = {docname}, list(includes.get(docname, ()))
        while todo:
            name = todo.pop()
            if name in seen:
                continue
            if has(name):
                return True
            seen.add(name)
            todo.extend(includes.get(name, ()))
        return False

    def entry(self, key: str) -> Entry | None:
        """What *key* means here: a ``wsclose:code`` definition, or the project's registry."""
        definitions = self.definitions.get(key)
        if definitions:
            first = definitions[0]
            return custom_entry(int(key), first.name, first.description, first.constant or None)
        return settings(self.env.config).registry.get(key)

    def kept(self, target: Location) -> bool:
        """Whether this build keeps *target*: a row inside ``.. only::`` may be left out."""
        return self.holds(target.only)

    def holds(self, only: tuple[str, ...]) -> bool:
        """Whether this build keeps what is inside the ``.. only::`` blocks of *only*."""
        if not only:
            return True
        tags = builder_of(self.env).tags
        try:
            return all(tags.eval_condition(expr) for expr in only)
        except Exception:  # Sphinx warns about the expression, and keeps the block
            return True

    #: :meth:`closed_by`'s answer, until a page's data changes.
    _closed: dict[str, list[ClosedCode]] | None = None
    #: The names that more than one object has, until a page's data changes.
    _shared: set[str] | None = None

    def closed_by(self) -> dict[str, list[ClosedCode]]:
        """The objects that declare each code, by the key of the row that lists them.

        A code with an entry of its own is listed on its row (``'1008'``); a
        code inside a range without one on the range's row, with its number
        (4050 on ``'4000-4999'``).  The objects come in the order of the
        pages in the table of contents, then from top to bottom (the row's own
        code first, then each code inside it by number); an object inside
        ``.. only::`` only in the builds that keep it.
        """
        if self._closed is not None:
            return self._closed
        registry = settings(self.env.config).registry
        found: dict[str, list[ClosedCode]] = {}
        for docname in page_order(self.env, self.closers):
            for closer in self.closers[docname]:  # top to bottom, as noted
                if not self.holds(closer.only):
                    continue
                key = self.key_for(closer.target)
                if key in self.definitions:
                    found.setdefault(key, []).append(ClosedCode(None, closer))
                    continue
                parsed = _closed_code(registry, key)
                if parsed is None:
                    continue  # a name nothing defines: the mention says so
                row = parsed.entry.key
                if registry.get(row) is None:
                    continue  # a span such as 1000-1015, which no row has
                found.setdefault(row, []).append(ClosedCode(
                    parsed.code if parsed.entry.is_range else None, closer))
        for key, closed in found.items():
            # Once each: an object may declare a code twice.  The row's own
            # code first, then the codes inside it by number; stable, so each
            # code's objects stay in page order.
            unique = list({(item.code, item.closer.docname, item.closer.node_id): item
                           for item in reversed(closed)}.values())[::-1]
            found[key] = sorted(unique, key=lambda item: -1 if item.code is None else item.code)
        self._closed = found
        return found

    def closed_rows(self, docname: str, lineno: int) -> Iterator[tuple[str, str]]:
        """The rows of *docname*'s table at *lineno* with ``:codes: closed``, as (key, id)."""
        for _docname, table, key, node_id in self.all_closed_rows((docname,)):
            if table.lineno == lineno:
                yield key, node_id

    def all_closed_rows(
        self, docnames: Iterable[str] | None = None
    ) -> Iterator[tuple[str, ClosedTable, str, str]]:
        """The rows that tables with ``:codes: closed`` get once every page is read.

        Each as (document, table, key, id); the id is empty for a table with
        ``:no-index:``.  A table gets a row for each key of :meth:`closed_by`
        that it does not show yet and that its ``:custom:`` and ``:ranges:``
        let in.  The ids are the same whether or not the rows are placed yet.
        """
        closed = sorted(self.closed_by(), key=sort_key)
        placed = {target for _key, target in self.data['closed_rows']}
        for docname in sorted(self.closed_tables if docnames is None else docnames):
            if docname not in self.closed_tables:
                continue
            used = {target.node_id for targets in self.objects.values() for target in targets
                    if target.docname == docname and target not in placed}
            for table in self.closed_tables[docname]:
                for key in closed:
                    entry = self.entry(key)
                    if key in table.shown or entry is None or not _lets_in(table, entry):
                        continue
                    node_id = ''
                    if table.indexed:
                        node_id, n = f'wsclose-{key}', 0
                        while node_id in used:
                            n += 1
                            node_id = f'wsclose-{key}-{n}'
                        used.add(node_id)
                    yield docname, table, key, node_id

    def closer_text(self, closer: Closer) -> str:
        """*closer*'s name, or its full name where another object would read the same."""
        if self._shared is None:
            objects: dict[str, set[tuple[str, str]]] = defaultdict(set)
            for closers in self.closers.values():
                for other in closers:
                    objects[other.text].add((other.docname, other.node_id))
            self._shared = {text for text, names in objects.items() if len(names) > 1}
        return closer.full if closer.text in self._shared else closer.text

    def preferred(self, key: str) -> Location | None:
        """The target that links to *key* go to in this build, if any."""
        return next((target for target in self.objects.get(key, ()) if self.kept(target)), None)

    def find(self, key: str) -> tuple[Entry, Location] | None:
        """The entry and preferred target for an exact key, if this project documents it."""
        target = self.preferred(key)
        entry = self.entry(key)
        if target is None or entry is None:
            return None
        return entry, target

    def snapshot(self) -> dict[str, Any]:
        """What every documented key resolves to: its target, text and tooltip."""
        found: dict[str, Any] = {}
        for key, target in self.targets():
            entry = self.entry(key)
            found[key] = (target.docname, target.node_id,
                          entry.display if entry else '', entry.description if entry else '')
        # A mention by name depends on every definition's name, and on where
        # the definition is and what it says (its link and tooltip).
        found[NAMES] = sorted(
            (key, first.name, first.constant, first.docname, first.description)
            for key, (first, *_others) in self.definitions.items()
        )
        # The closed-by lists, as they read and link.
        found[CLOSERS] = [
            (key, [(code, closer.docname, closer.node_id, self.closer_text(closer))
                   for code, closer in closed])
            for key, closed in sorted(self.closed_by().items())
        ]
        return found

    def targets(self) -> Iterator[tuple[str, Location]]:
        """Every documented key with its preferred target, in code order."""
        for key in sorted(self.objects, key=sort_key):
            target = self.preferred(key)
            if target is not None:
                yield key, target

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
        found = self.find(self.key_for(target))
        if found is None:
            return None
        entry, where = found
        if not node.get('refexplicit'):
            # The role could not know this code's name: a directive defines it.
            text = entry.format(settings(env.config).role_format)
            textclass = mention_text if isinstance(contnode, mention_text) else nodes.inline
            contnode = textclass(text, text, classes=contnode.get('classes', []))
        return link_to(builder, fromdocname, where, contnode, entry.description)

    def settled_text(self, key: str) -> str | None:
        """The text of an open mention of *key*, where this project documents it."""
        found = self.find(self.key_for(key))
        if found is None:
            return None
        return found[0].format(settings(self.env.config).role_format)

    def key_for(self, target: str) -> str:
        """The key of *target*: itself, or the code a directive gave that name or constant."""
        if target in self.objects:
            return target
        named = self.named(target)
        # A name of two codes is never guessed: warn_missing_reference says so.
        return named[0] if len(named) == 1 else target

    def named(self, target: str) -> list[str]:
        """The keys of the ``wsclose:code`` definitions called *target*, in code order."""
        wanted = normalize_name(target)
        if not wanted:  # punctuation only: never a name
            return []
        return sorted(
            (key for key, (first, *_others) in self.definitions.items()
             if wanted in {normalize_name(first.name), normalize_name(first.constant)}),
            key=int,
        )

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
        if target not in self.objects:
            return []
        ref = self.resolve_xref(env, fromdocname, builder, 'code', target, node, contnode)
        return [] if ref is None else [('wsclose:code', ref)]

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        for key, target in self.targets():
            entry = self.entry(key)
            if entry is not None:
                yield key, entry.display, 'code', target.docname, target.node_id, 1


def page_uri(builder: Builder, fromdocname: str, todocname: str) -> str:
    """The address of *todocname* from *fromdocname*, without a fragment.

    The single-page builder addresses a page as ``#document-codes``; with
    the row's own fragment added, the link would have two, and lead nowhere.
    The row's id is unique on the single page, so the page's fragment goes.
    """
    return builder.get_relative_uri(fromdocname, todocname).partition('#')[0]


def link_to(
    builder: Builder, fromdocname: str, where: Location, contnode: Node, title: str
) -> nodes.reference:
    """A link to *where*, like :func:`~sphinx.util.nodes.make_refnode` makes it."""
    ref = nodes.reference('', '', internal=True, reftitle=title)
    if fromdocname == where.docname:
        ref['refid'] = where.node_id
    else:
        ref['refuri'] = f'{page_uri(builder, fromdocname, where.docname)}#{where.node_id}'
    ref += contnode
    return ref


def _closed_code(registry: Registry, key: str) -> Parsed | None:
    """What a ``:closes:`` of *key* declares, if it is a code, a range or a known name.

    Another project's code (``chat:4001``, through intersphinx) counts as
    that code: this project lists it where it lists 4001.
    """
    for candidate in (key, key.rpartition(':')[2] if ':' in key else None):
        if candidate is None:
            continue
        try:
            return registry.parse(candidate)
        except InvalidCodeError:
            continue
    return None


def _lets_in(table: ClosedTable, entry: Entry) -> bool:
    """Whether *table*'s ``:custom:`` and ``:ranges:`` let a row for *entry* in."""
    if entry.kind is Kind.CUSTOM:
        return table.custom != 'exclude'
    return table.custom != 'only' and (table.ranges or not entry.is_range)


def _drop_doc(table: dict[str, list[Any]], docname: str) -> None:
    for key, found in list(table.items()):
        kept = [item for item in found if item.docname != docname]
        if kept:
            table[key] = kept
        else:
            del table[key]


def sort_key(key: str) -> tuple[int, int, str]:
    """Order keys by code, a range ahead of the codes inside it, then by set.

    ``'1008'``, ``'4000-4999'``, and a protocol's ``'discord-gateway:4004'``.
    """
    code_set, _colon, code = key.rpartition(':')
    first, _sep, last = code.partition('-')
    return int(first), -int(last or first), code_set


def _plural_codes(keys: list[str]) -> str:
    shown = ', '.join(keys[:5]) + (', \u2026' if len(keys) > 5 else '')
    if len(keys) == 1:
        return __('close code %s') % shown
    return __('%d close codes (%s)') % (len(keys), shown)



def page_order(env: BuildEnvironment, docnames: Iterable[str]) -> list[str]:
    """*docnames* in the order of the table of contents, then the rest by name."""
    order: dict[str, int] = {}
    todo = [env.config.root_doc]
    includes = env.toctree_includes
    while todo:
        name = todo.pop()
        if name in order:
            continue
        order[name] = len(order)
        todo.extend(reversed(includes.get(name, ())))
    return sorted(docnames, key=lambda name: (order.get(name, len(order)), name))


def place_closed_rows(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-updated`` handler: the rows of the tables with ``:codes: closed``.

    Which codes some object declares is known once every page is read, so
    these rows are link targets from here on: the ones the previous build
    placed are taken back, and the current ones placed, each with the id
    that :class:`~sphinxext_wsclose.rows.DefinedCodeRows` gives its row.
    """
    domain = cast('CloseCodeDomain', env.get_domain('wsclose'))
    previous: list[tuple[str, Location]] = domain.swap('closed_rows', [])
    for key, target in previous:
        found = domain.objects.get(key, [])
        if target in found:
            found.remove(target)
            if not found:
                del domain.objects[key]
    placed = [(key, Location(Rank.ROW, docname, table.lineno, node_id))
              for docname, table, key, node_id in domain.all_closed_rows() if node_id]
    for key, target in placed:
        domain.objects.setdefault(key, []).append(target)
        domain.objects[key].sort()
    domain.swap('closed_rows', placed)


def outdated_documents(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-updated`` handler: the unchanged documents whose output is now stale.

    It also brings the labels of rows up to date (:meth:`CloseCodeDomain.update_labels`).

    Sphinx rewrites the documents it re-read, but not a page whose mention
    points at a row that moved to another page, or a table that lists codes
    a ``wsclose:code`` on another page defines.  This compares what each key
    resolves to with the previous build, and returns the documents that
    depend on a key that changed.
    """
    domain = cast('CloseCodeDomain', env.get_domain('wsclose'))
    domain.update_labels()
    current = domain.snapshot()
    previous: dict[str, Any] = domain.swap('snapshot', current)
    changed = {key for key in current.keys() | previous.keys()
               if current.get(key) != previous.get(key)}
    if not changed:
        return []
    stale = {docname for docname, keys in domain.mentions.items() if changed.intersection(keys)}
    if changed & set(domain.definitions) or NAMES in changed:
        stale.update(domain.defined_rows)
    return sorted(stale)


def translate_index_titles(app: Sphinx) -> None:
    """``builder-inited`` handler: the index's titles as strings, in the project's language.

    Sphinx puts them in every page's context; the ``json`` builder cannot
    write a lazy translation, and the ``pickle`` builder would store one that
    reads back in the reader's language.
    """
    CloseCodeIndex.localname, CloseCodeIndex.shortname = (str(title) for title in _INDEX_TITLES)


def reread_if_codes_changed(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """``env-get-outdated`` handler: re-read every page when the project's codes changed.

    That is when the enum or the data file that ``wsclose_codes`` names was
    edited: ``conf.py`` is the same, so Sphinx sees no change of its own.
    """
    digest = settings(env.config).digest
    domain = cast('CloseCodeDomain', env.get_domain('wsclose'))
    previous: str | None = domain.swap('codes_digest', digest)
    if previous is None or previous == digest:
        return []
    return sorted(env.found_docs - added - changed)
