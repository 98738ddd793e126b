"""Compare IANA's ``websocket.xml`` with the bundled close code registry.

A maintainer downloads IANA's XML export of the WebSocket registries and runs
``wsclose registry-diff websocket.xml``.  This module does the work, in pure
functions that import nothing from Sphinx:

* :func:`parse_registry` reads the ``close-code-number`` registry out of the
  file into an :class:`IanaRegistry` of :class:`Record` objects;
* :func:`compare` lists each :class:`Difference` between it and a
  :class:`~sphinxext_wsclose.registry.Registry`;
* :func:`format_report` prints them, one line each.

What is compared, entry by entry (an entry is matched by its key, ``'1008'``
or ``'3009-3999'``):

* the registered codes and IANA's unassigned stretches, in both directions
  (an entry only one side has is *added* or *removed*);
* IANA's ``<description>``, its whitespace collapsed, with the entry's
  :attr:`~sphinxext_wsclose.registry.Entry.iana_name`; an entry without one
  (1014) stands for a description that is a sentence, not a short name;
* for codes, the documents cited: RFCs and RFC errata, and drafts, read from
  the ``<xref>`` elements and any ``<reference>`` text of IANA's record, and
  from the labels and links of the entry's references.  Contacts, mailing-list
  posts and registration requests cite no document: a code that cites none,
  on either side, has the source ``'IANA registration'``;
* IANA's ``<updated>`` date with :data:`~sphinxext_wsclose.bundled.IANA_UPDATED`.

Not compared: the ranges of RFC 6455 section 7.4.2 (0-999, 1000-2999,
3000-3999, 4000-4999, 5000-65535), whose registration rules the bundled
registry words its own way; the dates of IANA's records; and everything the
bundled registry adds (descriptions, constants, flags, notes).

The file is parsed by :mod:`defusedxml`, which refuses a document type
declaration, and with it every entity declaration and external reference:
a hostile file can neither expand to gigabytes ("billion laughs") nor make
the parser read other files.  defusedxml is optional (the ``maintainer``
extra) and imported only when a file is parsed.
"""

from __future__ import annotations

import enum
import os
import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from sphinxext_wsclose.bundled import IANA_UPDATED, REGISTRY
from sphinxext_wsclose.registry import Kind
from sphinxext_wsclose.values import MAX_CODE, cut

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from xml.etree.ElementTree import Element

    from sphinxext_wsclose.registry import Entry, Registry

__all__ = [  # noqa: RUF022 -- in the order of the data flow
    'NAMESPACE', 'REGISTRY_ID', 'REGISTRATION', 'INSTALL_HINT', 'RegistryFileError',
    'Record', 'IanaRegistry', 'Change', 'Difference',
    'parse_registry', 'read_registry', 'entry_sources', 'compare', 'format_report', 'diff_file',
]

#: The XML namespace of IANA's registry files.
NAMESPACE = 'http://www.iana.org/assignments'
#: The ``id`` of the close code registry inside ``websocket.xml``.
REGISTRY_ID = 'close-code-number'
#: The source of a code that cites no document: IANA registered it on request.
REGISTRATION = 'IANA registration'
#: How to install what reading IANA's file needs.
INSTALL_HINT = "pip install 'sphinxext-wsclose[maintainer]'"

_NS = f'{{{NAMESPACE}}}'
_REGISTRY_MODULE = 'sphinxext_wsclose/registry.py'
#: IANA's websocket.xml weighs some tens of kilobytes; a file this large is not it.
_MAX_BYTES = 4 * 1024 * 1024
#: A description of more words than this is a sentence, not a name (IANA's 1014).
_NAME_WORDS = 6
#: The kinds of bundled entries that IANA's records stand for.
_COMPARED = (Kind.CODE, Kind.UNASSIGNED)
_VALUE = re.compile(r'([0-9]+)(?:\s*[-\u2013]\s*([0-9]+))?')
_DATE = re.compile(r'[0-9]{4}-[0-9]{2}-[0-9]{2}')
_RFC = re.compile(r'\bRFC[\s-]*([0-9]+)\b', re.IGNORECASE)
#: ``RFC Errata 3227``, ``Errata ID 3227``, ``.../errata/eid3227``, ``...?eid=3227``.
_ERRATA = re.compile(r'\b(?:errata(?:\s*id)?|eid)[\s:=#/_-]*(?:eid)?[\s:=]*([0-9]+)',
                     re.IGNORECASE)
_DRAFT = re.compile(r'\bdraft-[a-z0-9-]+[a-z0-9]', re.IGNORECASE)
#: ``<xref>`` types that name a person or a note, never a document.
_NOT_DOCUMENTS = ('person', 'note')


class RegistryFileError(ValueError):
    """IANA's file cannot be read, is not well-formed or safe XML, or is not the registry."""


@dataclass(frozen=True)
class Record:
    """One ``<record>`` of IANA's close code registry."""

    first: int
    last: int
    #: IANA's ``<description>``, its whitespace collapsed: the code's name.
    description: str
    #: The documents the record cites, such as ``('RFC 6455', 'RFC Errata 3227')``;
    #: empty when it cites none.
    sources: tuple[str, ...] = ()
    #: The record's ``date`` attribute, when it has one.
    date: str | None = None

    @property
    def unassigned(self) -> bool:
        """True for a stretch that IANA lists as Unassigned."""
        return self.description.casefold() == 'unassigned'

    @property
    def key(self) -> str:
        """The key of the bundled entry it stands for: ``'1008'``, ``'3009-3999'``."""
        if self.first == self.last and not self.unassigned:
            return str(self.first)
        return f'{self.first}-{self.last}'


@dataclass(frozen=True)
class IanaRegistry:
    """IANA's close code registry, as its file gives it."""

    #: The ``<updated>`` date, such as ``'2026-06-10'``.
    updated: str
    records: tuple[Record, ...]


class Change(enum.Enum):
    """How IANA's file and the bundled registry differ."""

    #: IANA's ``<updated>`` date is not the one the bundled registry records.
    UPDATED = 'updated'
    #: IANA lists an entry that the bundled registry lacks.
    ADDED = 'added'
    #: The bundled registry has an entry that IANA no longer lists.
    REMOVED = 'removed'
    #: IANA names the entry differently.
    NAME = 'name'
    #: IANA cites other documents for the code.
    REFERENCES = 'references'


@dataclass(frozen=True)
class Difference:
    """One difference, with each side as the report prints it.

    ``bundled`` and ``iana`` are a date, a name or a list of sources; a side
    is ``None`` where it has nothing (an added entry has no bundled side).
    ``detail`` says more: which date is newer, or an added code's sources.
    """

    change: Change
    #: The entry's key (``'1008'``, ``'3009-3999'``); ``''`` for :attr:`Change.UPDATED`.
    key: str
    bundled: str | None
    iana: str | None
    detail: str = ''

    def __str__(self) -> str:
        """The report's line: ``name        1002 bundled 'Protocol error'; IANA ...``."""
        label = f'{self.change.value:<11} '
        if self.change is Change.UPDATED:
            return f'{label}bundled {self.bundled}; IANA {self.iana} ({self.detail})'
        code = _code_text(self.key)
        if self.change is Change.ADDED:
            return f'{label}{code} {self.iana}' + (f' ({self.detail})' if self.detail else '')
        if self.change is Change.REMOVED:
            return f'{label}{code} {self.bundled}'
        if self.change is Change.NAME:
            bundled = (f"'{self.bundled}'" if self.bundled is not None
                       else "no IANA name (IANA's entry was a sentence)")
            return f"{label}{code} bundled {bundled}; IANA '{self.iana}'"
        return f'{label}{code} bundled {self.bundled}; IANA {self.iana}'


def _span(key: str) -> tuple[int, int]:
    first, _, last = key.partition('-')
    return int(first), int(last or first)


def _code_text(key: str) -> str:
    """A key as the report prints it: ``'1008'``, ``'3009\u20133999'``; ``'3009'`` for 3009-3009."""
    first, last = _span(key)
    return str(first) if first == last else f'{first}\u2013{last}'


# -- reading the file -----------------------------------------------------------------


def _parse_xml(data: bytes, source: str) -> Element:
    """The root element of *data*, parsed with DTDs, entities and external references refused."""
    try:
        from defusedxml import DefusedXmlException, DTDForbidden  # noqa: PLC0415 -- optional
        from defusedxml.ElementTree import ParseError, fromstring  # noqa: PLC0415
    except ImportError:
        msg = f'reading IANA\'s XML safely needs defusedxml: {INSTALL_HINT}'
        raise RegistryFileError(msg) from None
    try:
        return fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DTDForbidden:
        msg = (f'{source}: refused: it declares a document type (<!DOCTYPE>), whose entities '
               "could expand without bound; IANA's registry files have none")
    except DefusedXmlException as error:
        msg = f'{source}: refused: unsafe XML ({type(error).__name__})'
    except ParseError as error:
        msg = f'{source}: not well-formed XML: {error}'
    raise RegistryFileError(msg)


def _text(element: Element | None) -> str:
    """All the text inside *element*, its whitespace collapsed."""
    return '' if element is None else ' '.join(''.join(element.itertext()).split())


def _cited(text: str) -> set[str]:
    """The documents that *text* names: ``'RFC 6455'``, ``'RFC Errata 3227'``, drafts."""
    found = {f'RFC Errata {_digits(number)}' for number in _ERRATA.findall(text)}
    found |= {f'RFC {_digits(number)}' for number in _RFC.findall(text)}
    return found | {draft.lower() for draft in _DRAFT.findall(text)}


def _digits(number: str) -> str:
    """A number as written, without its leading zeros (not through :func:`int`, which
    refuses more than 4,300 digits)."""
    return number.lstrip('0') or '0'


#: More digits than any code, RFC or erratum has: such a number is not one.
_MAX_DIGITS = 6


def _number(digits: str) -> int:
    """*digits* as an int; one of more than :data:`_MAX_DIGITS` digits as ``MAX_CODE + 1``."""
    return int(digits) if len(_digits(digits)) <= _MAX_DIGITS else MAX_CODE + 1


def _rank(source: str) -> tuple[int, int, str]:
    if source.startswith('RFC Errata '):
        number = source.removeprefix('RFC Errata ')
        return (1, len(number), number)
    if source.startswith('RFC '):
        number = source.removeprefix('RFC ')
        return (0, len(number), number)
    return (2, 0, source)


def _ordered(sources: Iterable[str]) -> tuple[str, ...]:
    """RFCs by number, then errata by number, then drafts by name."""
    return tuple(sorted(set(sources), key=_rank))


def _is_date(text: str) -> bool:
    """Whether *text* is a real day written ``YYYY-MM-DD``."""
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return _DATE.fullmatch(text) is not None


def _record_sources(record: Element) -> tuple[str, ...]:
    found: set[str] = set()
    for xref in record.iter(f'{_NS}xref'):
        if xref.get('type') not in _NOT_DOCUMENTS:
            found |= _cited(f'{xref.get("data", "")} {_text(xref)}')
    for reference in record.iter(f'{_NS}reference'):
        found |= _cited(_text(reference))
    return _ordered(found)


def _record(element: Element, number: int, source: str) -> Record:
    value = _text(element.find(f'{_NS}value'))
    where = f'{source}: record {number} of the close code registry'
    if not value:
        msg = f'{where} has no <value>'
        raise RegistryFileError(msg)
    match = _VALUE.fullmatch(value)
    if match is None:
        msg = (f'{where}: <value> {cut(repr(value))} is neither a code nor a range such as '
               '1016-2999')
        raise RegistryFileError(msg)
    first, last = _number(match[1]), _number(match[2] or match[1])
    if not first <= last <= MAX_CODE:
        msg = f'{where}: <value> {cut(repr(value))} is not a span of 0\u2013{MAX_CODE}'
        raise RegistryFileError(msg)
    description = _text(element.find(f'{_NS}description'))
    if not description:
        msg = f'{where} ({value}) has no <description>'
        raise RegistryFileError(msg)
    sources = _record_sources(element)
    for cited in sources:
        digits = cited.rpartition(' ')[2]
        if cited.startswith('RFC') and len(digits) > _MAX_DIGITS:
            msg = f'{where} ({value}) cites {cut(cited)}, a number of {len(digits)} digits'
            raise RegistryFileError(msg)
    return Record(first, last, description, sources, element.get('date'))


def parse_registry(data: bytes, source: str = 'websocket.xml') -> IanaRegistry:
    """Read IANA's close code registry out of *data*, the bytes of ``websocket.xml``.

    *source* names the file in error messages.  Raises :exc:`RegistryFileError`
    when defusedxml is missing, when *data* is not well-formed or is unsafe
    XML, and when it is not IANA's registry file or lacks the close code
    registry.  The ``<updated>`` date is the close code registry's own, or
    else the whole file's.
    """
    root = _parse_xml(data, source)
    if root.tag != f'{_NS}registry':
        tag = root.tag.rpartition('}')[2]
        msg = (f'{source}: not an IANA registry file: its root element is <{tag}>, '
               f'not <registry xmlns="{NAMESPACE}">')
        raise RegistryFileError(msg)
    registry = next((element for element in root.iter(f'{_NS}registry')
                     if element.get('id') == REGISTRY_ID), None)
    if registry is None:
        msg = f'{source}: no close code registry (<registry id="{REGISTRY_ID}">) in the file'
        raise RegistryFileError(msg)
    updated = _text(registry.find(f'{_NS}updated')) or _text(root.find(f'{_NS}updated'))
    if not updated:
        msg = f'{source}: no <updated> date in the file'
        raise RegistryFileError(msg)
    if not _is_date(updated):
        msg = f'{source}: <updated> is {updated!r}, not a date such as 2026-06-10'
        raise RegistryFileError(msg)
    records = tuple(_record(element, number, source) for number, element
                    in enumerate(registry.findall(f'{_NS}record'), start=1))
    keys: set[str] = set()
    for record in records:
        if record.key in keys:
            msg = f'{source}: two records for {record.key}'
            raise RegistryFileError(msg)
        keys.add(record.key)
    return IanaRegistry(updated, records)


def read_registry(path: str | os.PathLike[str]) -> IanaRegistry:
    """Read IANA's close code registry from the file at *path*; see :func:`parse_registry`."""
    source = os.fspath(path)
    try:
        with open(path, 'rb') as file:
            data = file.read(_MAX_BYTES + 1)
    except OSError as error:
        msg = f'cannot read {source}: {error.strerror or error}'
        raise RegistryFileError(msg) from None
    if len(data) > _MAX_BYTES:
        msg = (f'{source}: larger than {_MAX_BYTES // 1024 // 1024} MiB, '
               "so not IANA's websocket.xml")
        raise RegistryFileError(msg)
    return parse_registry(data, source)


# -- comparing ------------------------------------------------------------------------


def entry_sources(entry: Entry) -> tuple[str, ...]:
    """The documents a bundled entry cites, read from its references' labels and links."""
    return _ordered(found for reference in entry.references
                    for found in _cited(f'{reference.label} {reference.url}'))


def _changes(entry: Entry, record: Record) -> list[Difference]:
    found: list[Difference] = []
    name = entry.iana_name
    if name is None:
        if len(record.description.split()) <= _NAME_WORDS:
            found.append(Difference(Change.NAME, entry.key, None, record.description))
    elif record.description != name:
        found.append(Difference(Change.NAME, entry.key, name, record.description))
    if entry.kind is Kind.CODE:
        bundled = entry_sources(entry) or (REGISTRATION,)
        iana = record.sources or (REGISTRATION,)
        if bundled != iana:
            found.append(Difference(Change.REFERENCES, entry.key, ', '.join(bundled),
                                    ', '.join(iana)))
    return found


def _added(record: Record) -> Difference:
    detail = ''
    if not record.unassigned:
        sources = record.sources or (REGISTRATION,)
        detail = f'source{"s" if len(sources) > 1 else ""}: {", ".join(sources)}'
        if record.date:
            detail += f'; record dated {record.date}'
    return Difference(Change.ADDED, record.key, None, record.description, detail)


def compare(
    iana: IanaRegistry, registry: Registry = REGISTRY, updated: str = IANA_UPDATED
) -> tuple[Difference, ...]:
    """Every difference between IANA's registry and *registry*, which records *updated*.

    The date comes first, then the entries in code order.
    """
    found: list[Difference] = []
    if iana.updated != updated:
        # Both are YYYY-MM-DD, which sort as the days do.
        age = "IANA's file is newer" if iana.updated > updated else "IANA's file is older"
        found.append(Difference(Change.UPDATED, '', updated, iana.updated, age))
    bundled = {entry.key: entry for entry in registry if entry.kind in _COMPARED}
    ranges = {entry.key for entry in registry if entry.kind is Kind.RANGE}
    records = {record.key: record for record in iana.records if record.key not in ranges}
    for key in sorted(bundled.keys() | records.keys(), key=_span):
        entry, record = bundled.get(key), records.get(key)
        if entry is not None and record is not None:
            found.extend(_changes(entry, record))
        elif entry is not None:
            found.append(Difference(Change.REMOVED, key, entry.iana_name or entry.name, None))
        elif record is not None:
            found.append(_added(record))
    return tuple(found)


def format_report(differences: Sequence[Difference], updated: str) -> str:
    """What ``wsclose registry-diff`` prints for *differences*, IANA's file being of *updated*."""
    if not differences:
        return (f"No differences: the bundled registry matches IANA's file "
                f'(updated {updated}).\n')
    count = len(differences)
    lines = [f"{count} difference{'s' if count != 1 else ''} between IANA's file "
             f'(updated {updated}) and the bundled registry:', '']
    lines += [str(difference) for difference in differences]
    lines += ['', f'To catch up, edit ENTRIES and IANA_UPDATED in {_REGISTRY_MODULE}.']
    return '\n'.join(lines) + '\n'


def diff_file(
    path: str | os.PathLike[str], registry: Registry = REGISTRY
) -> tuple[tuple[Difference, ...], str]:
    """Compare the file at *path* with *registry*: the differences, and the report."""
    iana = read_registry(path)
    differences = compare(iana, registry)
    return differences, format_report(differences, iana.updated)
