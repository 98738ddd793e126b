"""The ``wsclose_*`` configuration values, declared and validated in one place.

Each value is read while pages are parsed, so each is declared
``rebuild='env'``: changing it re-reads every page.  Validation runs once, on
``config-inited``: a bad value, or a bad item inside one, gives one warning
that names the key, and the rest of the configuration still works.

``wsclose_codes`` may also name an enum in the project's code or a data file
(:mod:`sphinxext_wsclose.sources`).  Editing those does not change
``conf.py``, so Sphinx would not notice: :attr:`Settings.digest`
is compared with the previous build's
(:func:`sphinxext_wsclose.domain.reread_if_codes_changed`).
"""

from __future__ import annotations

import hashlib
import string
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from sphinx.util import logging

from sphinxext_wsclose._compat import config_overrides
from sphinxext_wsclose._locale import __
from sphinxext_wsclose.bundled import REGISTRY, place_custom
from sphinxext_wsclose.conflines import ConfLines, with_line
from sphinxext_wsclose.library_keys import KEYS, LISTED_KEYS
from sphinxext_wsclose.protocol import CONFIG, CUSTOM_RANGE, WARNING_TYPE
from sphinxext_wsclose.registry import (
    CustomPlacement,
    Entry,
    Kind,
    LazySets,
    Registry,
    Spelling,
    custom_entry,
    normalize_name,
    readable_name,
)
from sphinxext_wsclose.values import (
    CONTROL,
    InvalidCodeError,
    Record,
    Shown,
    fold_controls,
    message_args,
    parse_int,
)

if TYPE_CHECKING:
    from docutils.nodes import Node
    from sphinx.application import Sphinx
    from sphinx.config import Config

    from sphinxext_wsclose.sources import Item

logger = logging.getLogger(__name__)


def _set_registries() -> Mapping[str, Registry]:
    # Imported when first used: the sets are data that most builds never read.
    from sphinxext_wsclose.sets import set_registries  # noqa: PLC0415

    return set_registries()


#: The protocols' sets, which every project's registry knows (``set:code``),
#: built the first time one is asked for.
SET_REGISTRIES = LazySets(_set_registries)

#: How a mention is written when the user gives no explicit title.
DEFAULT_ROLE_FORMAT = '{code} {name}'
#: The fields that ``wsclose_role_format`` may use.
ROLE_FIELDS = frozenset({'code', 'name', 'constant'})
#: What an unresolved, valid mention links to.
FALLBACKS = ('rfc', 'iana', 'none')
#: The keys of a ``wsclose_codes`` item, in the order messages list them.
CUSTOM_FIELDS = ('name', 'description', 'constant', 'reconnect', 'direction', 'since',
                 'deprecated')
CUSTOM_KEYS = frozenset(CUSTOM_FIELDS)
#: The keys of an own code's facts: a bad one is left out, not the code.
FACT_KEYS = frozenset({'reconnect', 'direction', 'since', 'deprecated'})
#: The values ``reconnect`` and ``direction`` may take (sets.RECONNECT, sets.DIRECTIONS).
TOKENS = {'reconnect': ('yes', 'resume', 'later', 'no'),
          'direction': ('server', 'client', 'either')}


class ConfigValue(Record):
    """A ``wsclose_*`` value: its name, its default and the types it may have.

    A :class:`~sphinxext_wsclose.values.Record`, not a dataclass or a
    ``typing.NamedTuple``, which cost every build more to define.
    """

    __slots__ = ()
    name: str
    default: Any
    types: tuple[type, ...]


#: Every configuration value, with its one default.  Each is read while pages
#: are parsed, so each is declared ``rebuild='env'``.
CONFIG_VALUES = (
    ConfigValue('wsclose_codes', {}, (dict, str)),
    ConfigValue('wsclose_role_format', DEFAULT_ROLE_FORMAT, (str,)),
    ConfigValue('wsclose_fallback', 'rfc', (str,)),
    ConfigValue('wsclose_index_entries', default=True, types=(bool,)),
    ConfigValue('wsclose_domain_index', default=True, types=(bool,)),
    ConfigValue('wsclose_show_spelling', default=False, types=(bool,)),
    ConfigValue('wsclose_libraries', list(LISTED_KEYS), (list, tuple)),
    ConfigValue('wsclose_sets', [], (list, tuple)),
)
#: The defaults, by name.
DEFAULTS: dict[str, Any] = {value.name: value.default for value in CONFIG_VALUES}
#: The values that are True or False.
_FLAGS = tuple(value.name for value in CONFIG_VALUES if value.types == (bool,))


class Settings(Record):
    """The validated ``wsclose_*`` values of one project (defaults: :data:`CONFIG_VALUES`).

    A :class:`~sphinxext_wsclose.values.Record`, like :class:`ConfigValue`:
    every build defines it.
    """

    __slots__ = ()
    registry: Registry
    role_format: str
    fallback: str
    index_entries: bool
    domain_index: bool
    #: Show a mention by name as the user spelled it, not in ``role_format``.
    show_spelling: bool
    #: The keys of the libraries that the ``libraries`` column shows, in order.
    libraries: tuple[str, ...]
    #: The protocols' sets that are turned on (``wsclose_sets``), in order.
    sets: tuple[str, ...]
    #: Where conf.py, the module or the data file defines each of the
    #: project's codes, for messages.
    code_locations: dict[str, str]

    @property
    def digest(self) -> str:
        """A fingerprint of the project's own codes, to notice when they change."""
        own = [entry for entry in self.registry
               if entry.kind is Kind.CUSTOM or entry.python is not None]
        return hashlib.sha256(repr(own).encode('utf-8', 'backslashreplace')).hexdigest()


_SETTINGS: WeakKeyDictionary[Config, Settings] = WeakKeyDictionary()


#: A warning about one item of ``wsclose_codes``, held until the item is checked: its rank,
#: when it came (the first of the lowest rank is the one given), then :meth:`_Validator.warn`'s
#: key, message, arguments, location, subtype and whether it is an error.  A tuple: an item
#: of a file of 100,000 keys is checked in a few microseconds.
_Held = tuple[int, int, str, str, tuple[object, ...], 'str | None', str, bool]


def settings(config: Config) -> Settings:
    """The validated settings of a project (validated once, then cached)."""
    found = _SETTINGS.get(config)
    if found is None:
        found = _SETTINGS[config] = _Validator(None).run(config)
    return found


def validate_config(app: Sphinx, config: Config) -> None:
    """``config-inited`` handler: validate every ``wsclose_*`` value, warning once."""
    _SETTINGS[config] = _Validator(app.confdir).run(config)


class _Validator:
    """Validates the values, warning at the line of ``conf.py`` that sets each."""

    def __init__(self, confdir: str | Path | None) -> None:
        self.confdir = Path(confdir) if confdir else Path.cwd()
        #: Enum members whose value is a registered code: more names of it.
        self.spellings: dict[str, Spelling] = {}
        self.conf = ConfLines(confdir)
        self.lines = self.conf.lines
        #: The values set on the command line (``-D``), which conf.py does not give.
        self.overridden: set[str] = set()
        #: The items of a ``wsclose_codes`` mapping, as plain data.
        self.read: list[tuple[object, object]] = []
        #: While one item of ``wsclose_codes`` is checked, the warnings it
        #: earns, held so that it gets one (:meth:`give_held`); else None.
        self.held: list[_Held] | None = None
        #: The keys of the project's codes that were kept and warned about:
        #: a later check of the same code (a clash of names) says nothing more.
        self.warned_codes: set[str] = set()

    def warn(self, key: str, message: str, *args: object, location: str | None = None,
             rank: int = 0, subtype: str = CONFIG, error: bool = False) -> None:
        """Warn at the line that sets *key*, or at *location*.

        While an item is checked (:meth:`checked_codes`), the warning is held
        instead, with its *rank*: a problem that leaves the item out (0)
        comes before a code kept in the IETF's range (1), and that before a
        value changed or left out (2).
        """
        if self.held is not None:
            self.held.append((rank, len(self.held), key, message, args, location, subtype, error))
            return
        if key in self.overridden:
            # No line of conf.py sets the value that is used.
            logger.warning(__('%s (set with -D)') % (message % message_args(args)),
                           type=WARNING_TYPE,
                           subtype=subtype)
            return
        (logger.error if error else logger.warning)(
            message,
            *message_args(args),
            type=WARNING_TYPE,
            subtype=subtype,
            location=file_place(location or self.lines.get(key)),
        )

    def give_held(self) -> None:
        """End the check of one item of ``wsclose_codes``: give the first warning it earned.

        :meth:`checked_codes` sets :attr:`held` before each item.  An item
        may be bad in several ways (a name with a line break, at a code that
        is given twice); one warning says so, the one that its rank puts
        first, which is the one that matters most.
        """
        held, self.held = self.held, None
        if held:
            _rank, _order, key, message, args, location, subtype, error = (
                held[0] if len(held) == 1 else min(held))
            self.warn(key, message, *args, location=location, subtype=subtype, error=error)

    def warn_code(self, entry: Entry, message: str, *args: object,
                  location: str | None = None) -> None:
        """Warn about a kept code of the project, unless it was warned about already."""
        if entry.key in self.warned_codes:
            return
        self.warned_codes.add(entry.key)
        self.warn('wsclose_codes', message, *args, location=location)

    def run(self, config: Config) -> Settings:
        self.overridden = config_overrides(config)
        for key, location in self.conf.repeated:
            self.warn('wsclose_codes', __('wsclose_codes: the key %s is given twice; the '
                                          'last one is kept'), key, location=location)
        given = config.wsclose_codes
        codes, locations = self.custom_codes(given)
        if isinstance(given, Mapping) and not isinstance(given, dict):
            # A read-only or custom mapping works as a dict, and Sphinx pickles
            # the configuration with the environment, which a mappingproxy
            # refuses: keep the items read, as plain data.
            config.wsclose_codes = dict(self.read)
        role_format = self.role_format(config.wsclose_role_format)
        fallback = self.fallback(config.wsclose_fallback)
        flags = {}
        for key in _FLAGS:
            value, default = getattr(config, key), DEFAULTS[key]
            if not isinstance(value, bool):
                self.warn(key, __('%s: expected True or False, not %r; using %r'),
                          key, value, default)
                value = default
            flags[key.removeprefix('wsclose_')] = value
        libraries = self.libraries(config.wsclose_libraries)
        turned_on = self.sets(config.wsclose_sets)
        codes = self.replacements(codes, locations, turned_on)
        registry = self.registry(codes, locations).with_sets(SET_REGISTRIES, turned_on)
        self.check_sets(config, registry, locations)
        return Settings(registry, role_format, fallback, **flags, libraries=libraries,
                        sets=turned_on, code_locations=locations)

    def replacements(
        self, codes: list[Entry], locations: dict[str, str], turned_on: tuple[str, ...]
    ) -> list[Entry]:
        """*codes*, without a deprecated code's replacement that is no code at all (warned)."""
        if not any(entry.replacement for entry in codes):
            return codes
        known = REGISTRY.spelled(self.spellings).extended(codes).with_sets(
            SET_REGISTRIES, turned_on)
        checked = []
        for entry in codes:
            if entry.replacement:
                try:
                    if known.parse(entry.replacement).entry.key == entry.key:
                        msg = __('%r is this code itself') % entry.replacement
                        raise InvalidCodeError(msg)
                except InvalidCodeError as exc:
                    self.warn_code(entry,
                                   __('wsclose_codes[%d]: deprecated, use %r: %s; the '
                                      'replacement is left out'),
                                   entry.first, entry.replacement, exc,
                                   location=locations.get(entry.key))
                    entry = entry._replace(replacement='')  # noqa: PLW2901
            checked.append(entry)
        return checked

    def sets(self, value: object) -> tuple[str, ...]:
        """The names of ``wsclose_sets``: the known ones, each once, in the order given."""
        if type(value) is list and not value:
            return ()  # the default: the sets need not be loaded
        from sphinxext_wsclose.sets import SETS  # noqa: PLC0415

        known = tuple(SETS)
        if not isinstance(value, (list, tuple)) or not all(isinstance(name, str) for name in value):
            self.warn('wsclose_sets',
                      __('wsclose_sets: expected a list of set names, not %r; the sets are %s; '
                         'no set is turned on'),
                      Shown(value), ', '.join(known))
            return ()
        if unknown := [name for name in dict.fromkeys(value) if name not in known]:
            self.warn('wsclose_sets',
                      __('wsclose_sets: unknown set %s; the sets are %s; ignored'),
                      ', '.join(map(repr, unknown)), ', '.join(known))
        return tuple(name for name in dict.fromkeys(value) if name in known)

    def check_sets(self, config: Config, registry: Registry, locations: dict[str, str]) -> None:
        """One warning for each way a turned-on set meets another meaning of its codes.

        A set whose codes sit on IANA-registered numbers (reached only by
        their qualified form); an own code that a set defines too; an
        intersphinx project named like a set (``name:code`` means the set).
        """
        mapping = getattr(config, 'intersphinx_mapping', None)
        projects = set(mapping) if isinstance(mapping, dict) else set()
        for name in registry.turned_on:
            codes = registry.sets[name]
            registered = [entry for entry in codes
                          if not entry.is_range and REGISTRY.lookup(entry.first).kind is Kind.CODE]
            if registered:
                self.warn('wsclose_sets',
                          __('wsclose_sets: %s gives %s, which IANA registers for other '
                             'meanings; a bare number means the registered code, so write '
                             'the set\u2019s codes as %s'),
                          name, ', '.join(entry.code_text for entry in registered),
                          ', '.join(entry.key for entry in registered))
        for name in sorted(projects & set(registry.sets) if projects else ()):
            # Whether or not the set is turned on, name:CODE means the set's code.
            self.warn('wsclose_sets' if name in registry.turned_on else 'intersphinx_mapping',
                      __('wsclose_sets: %r is also a project of intersphinx_mapping; '
                         '%s:CODE means the set\u2019s code, so reach that project '
                         'with :external+%s:wsclose:code:`CODE`'),
                      name, name, name)
        for entry in registry:
            if entry.kind is not Kind.CUSTOM:
                continue
            for name in registry.turned_on:
                other = registry.sets[name].get(f'{name}:{entry.first}')
                if other is not None:
                    self.warn_code(entry,
                                   __('wsclose_codes[%d]: the set %s defines %s too (%s); a '
                                      'bare %d means this project\u2019s code, so write %s for '
                                      'the set\u2019s'),
                                   entry.first, name, entry.first, other.name, entry.first,
                                   other.key, location=locations.get(entry.key))

    def registry(self, codes: list[Entry], locations: dict[str, str]) -> Registry:
        """The bundled registry plus the project's codes.

        Two of the project's codes with one name are both kept; the name is
        then ambiguous, and the second one is warned about here.
        """
        registry = REGISTRY.spelled(self.spellings).extended(codes)
        if len(codes) < 2:
            # A clash to warn about is between two of the project's codes: the
            # name index need not be built at start-up.
            return registry
        warned = set()
        for folded, found in registry.clashes():
            if any(entry.kind is not Kind.CUSTOM for entry in found):
                continue  # a name the bundled registry has too: warned where it is used
            first, *others = found
            shared = next(name for name in first.names() if normalize_name(name) == folded)
            for other in others:
                if other.key in warned:
                    continue
                warned.add(other.key)
                self.warn_code(
                    other,
                    __('wsclose_codes[%d]: the name %r is also %s\u2019s; a mention by that '
                       'name is ambiguous, so use the code or a qualified name'),
                    other.first, shared, first.key,
                    location=locations.get(other.key),
                )
        return registry

    def libraries(self, value: object) -> tuple[str, ...]:
        """The keys of ``wsclose_libraries``: the known ones, each once, in the order given."""
        known = KEYS
        if not isinstance(value, (list, tuple)) or not all(isinstance(key, str) for key in value):
            self.warn('wsclose_libraries',
                      __('wsclose_libraries: expected a list of library keys, not %r; the keys '
                         'are %s; using the default'),
                      Shown(value), ', '.join(known))
            return LISTED_KEYS
        if unknown := [key for key in dict.fromkeys(value) if key not in known]:
            self.warn('wsclose_libraries',
                      __('wsclose_libraries: unknown library key %s; the keys are %s; ignored'),
                      ', '.join(map(repr, unknown)), ', '.join(known))
        return tuple(key for key in dict.fromkeys(value) if key in known)

    def fallback(self, fallback: object) -> str:
        if isinstance(fallback, str) and fallback in FALLBACKS:
            return fallback
        self.warn(
            'wsclose_fallback',
            __('wsclose_fallback: %r is not one of %s; using %r'),
            fallback,
            ', '.join(repr(name) for name in FALLBACKS),
            DEFAULTS['wsclose_fallback'],
        )
        return str(DEFAULTS['wsclose_fallback'])

    def role_format(self, value: object) -> str:
        problem = None
        if not isinstance(value, str):
            problem = __('expected a string, not %r') % (Shown(value),)
        else:
            try:
                fields = [f for _t, f, _s, _c in string.Formatter().parse(value) if f is not None]
                value.format(code='1000', name='Normal Closure', constant='NORMAL_CLOSURE')
            except (ValueError, KeyError, IndexError, AttributeError, TypeError) as exc:
                problem = __('%r does not format with the fields {code}, {name} and '
                             '{constant} (%s: %s)') % (value, type(exc).__name__, exc)
            else:
                if not fields:
                    problem = __('%r uses no field; the fields are {code}, {name} and '
                                 '{constant}') % (value,)
                elif other := next((f for f in fields if f not in ROLE_FIELDS), None):
                    # '{code.upper}' would print a bound method, '{name.__class__}' a class.
                    problem = __('%r uses {%s}; only the fields {code}, {name} and {constant} '
                                 'may be used, without attributes or indexes') % (value, other)
        if problem is None:
            return str(value)
        self.warn('wsclose_role_format', __('wsclose_role_format: %s; using %r'),
                  problem, DEFAULT_ROLE_FORMAT)
        return DEFAULT_ROLE_FORMAT

    def custom_items(self, value: object) -> list[Item]:
        """The items of ``wsclose_codes``, from conf.py, the project's code or a file."""
        location = self.lines.get('wsclose_codes')
        if type(value) is dict and not value:
            self.read = []
            return []  # the default: no code to read, and no reader to import
        from sphinxext_wsclose.sources import load, read_mapping  # noqa: PLC0415

        if isinstance(value, Mapping):
            loaded = read_mapping(value, location, self.conf.item)
            self.read = [(item.key, item.value) for item in loaded.items]
        elif isinstance(value, str):
            loaded = load(value, self.confdir, location)
        else:
            loaded = None
        if loaded is not None:
            for message, place in loaded.problems:
                self.warn('wsclose_codes', '%s', message, location=place)
            return loaded.items
        self.warn(
            'wsclose_codes',
            __("wsclose_codes: expected a dict of code: name, 'module:Object' or the path of "
               'a .json or .toml file, not %s'),
            type(value).__name__,
        )
        return []

    def custom_codes(self, value: object) -> tuple[list[Entry], dict[str, str]]:
        """The project's valid codes, and where each is written."""
        items = self.custom_items(value)
        if not items:
            return self.checked_codes(items)  # no reader was imported for none
        from sphinxext_wsclose.sources import paused_collection  # noqa: PLC0415

        with paused_collection():
            return self.checked_codes(items)

    def checked_codes(self, items: list[Item]) -> tuple[list[Entry], dict[str, str]]:
        """The valid codes of *items*, and where each is written; the rest is warned about."""
        entries: dict[int, Entry] = {}
        locations: dict[str, str] = {}
        for item in items:
            self.held = []
            try:
                entry = self.custom_code(item)
                if entry is not None and entry.first in entries:
                    self.warn(
                        'wsclose_codes',
                        __('wsclose_codes: close code %d is given twice, here and in %s; '
                           'the first is kept'),
                        entry.first, locations[entry.key], location=item.location,
                    )
                elif entry is not None:
                    entries[entry.first] = entry
                    locations[entry.key] = item.location or 'conf.py'
                    if self.held:
                        self.warned_codes.add(entry.key)
            finally:
                self.give_held()
        return sorted(entries.values(), key=lambda entry: entry.first), locations

    def custom_code(self, item: Item) -> Entry | None:
        try:
            code = parse_int(item.key)
        except InvalidCodeError as exc:
            self.warn(
                'wsclose_codes',
                __('wsclose_codes: %s; the key must be a code number'),
                exc,
                location=item.location,
            )
            return None
        fields = self.custom_fields(code, item.value, item.location)
        if fields is None:
            return None
        if item.python is not None and place_custom(code) is CustomPlacement.REGISTERED:
            # An enum may list the standard codes the service uses too:
            # ``NORMAL = 1000`` is one more name of 1000, which keeps its meaning.
            known = self.spellings.get(str(code), Spelling((), (), item.python))
            bare = (fields.get('constant', ''), *item.aliases)
            self.spellings[str(code)] = Spelling(
                (*known.qualified, *item.qualified), (*known.aliases, *bare), known.python
            )
            return None
        if not self.placement(code, item.location):
            return None
        constant = fields.get('constant') or None
        name = fields.get('name') or readable_name(constant or '')
        return custom_entry(
            code, name, fields.get('description', ''), constant,
            qualified=item.qualified, aliases=item.aliases, python=item.python,
            facts=self.facts(code, fields, item.location),
        )

    def placement(self, code: int, location: str | None) -> bool:
        """:func:`check_placement`, through :meth:`warn`: False if the code must not be kept."""
        problem = placement_problem(code)
        if problem is None:
            return True
        kept, message, args, error = problem
        self.warn('wsclose_codes', message, *args, location=location, rank=int(kept),
                  subtype=CUSTOM_RANGE, error=error)
        return kept

    def facts(self, code: int, fields: dict[str, str], location: str | None) -> dict[str, str]:
        """``reconnect``, ``direction``, ``since`` and ``deprecated`` of an own code.

        A token that is not one of its words is warned about and left out;
        ``deprecated`` is a version, then optionally ``, use TARGET``.
        """
        facts: dict[str, str] = {}
        for key, words in TOKENS.items():
            value = fields.get(key, '').strip()
            if value and value.lower() not in words:
                self.warn('wsclose_codes',
                          __('wsclose_codes[%d]: %s %r is not one of %s; left out'),
                          code, key, value, ', '.join(words), location=location, rank=2)
            elif value:
                facts[key] = value.lower()
        if since := fields.get('since', '').strip():
            facts['since'] = since
        if deprecated := fields.get('deprecated', '').strip():
            version, _comma, use = deprecated.partition(',')
            if not version.strip():
                self.warn('wsclose_codes',
                          __('wsclose_codes[%d]: deprecated %r gives no version, as in '
                             '"3.0, use 4010"; left out'),
                          code, deprecated, location=location, rank=2)
                return facts
            facts['deprecated'] = version.strip()
            use = use.strip()
            if use[:4].lower() == 'use ':
                use = use[4:].strip()
            if use:
                facts['replacement'] = use
        return facts

    def custom_fields(self, code: int, item: object, location: str | None) -> dict[str, str] | None:
        """The fields of one ``wsclose_codes`` item: a name, or a dict."""
        given: object = {'name': item} if isinstance(item, str) else item
        problem = None
        fields: dict[str, str] = {}
        if not isinstance(given, dict):
            problem = __('expected a name or a dict, not %r') % (Shown(item),)
        elif unknown := sorted(map(str, set(given) - CUSTOM_KEYS)):
            problem = __('unknown key %s; the keys are %s') % (
                ', '.join(repr(name) for name in unknown), ', '.join(CUSTOM_FIELDS)
            )
        elif bad := [(k, v) for k, v in given.items()
                     if not isinstance(v, str) and k not in FACT_KEYS]:
            problem = __('%r must be a string, not %r') % message_args(bad[0])
        else:
            # A line break in a name would start a line of its own in
            # objects.inv, which other projects read: fold it to a space.
            for key in sorted(FACT_KEYS & set(given)):
                if not isinstance(given[key], str):
                    self.warn('wsclose_codes',
                              __('wsclose_codes[%d]: %r must be a string, not %r; left out'),
                              code, key, Shown(given[key]), location=location, rank=2)
            fields = {str(key): fold_controls(value) for key, value in given.items()
                      if isinstance(value, str)}
            if not fields.get('name') and not fields.get('constant'):
                problem = __('the name is missing or empty')
        if problem is not None or not isinstance(given, dict):
            self.warn(
                'wsclose_codes', __('wsclose_codes[%d]: %s'), code, problem, location=location
            )
            return None
        for key, value in given.items():
            if isinstance(value, str) and CONTROL.search(value):
                self.warn(
                    'wsclose_codes',
                    __('wsclose_codes[%d]: the %s %r has a line break, a control character or a '
                       'lone surrogate; it is shown as %r'),
                    code, key, value, fields[str(key)], location=location, rank=2,
                )
                break
        return fields


def file_place(location: str | Node | None) -> str | Node | None:
    """A location for a warning: a node, or a file's path with a line (:func:`with_line`)."""
    if isinstance(location, str):
        return with_line(location)
    return location


def placement_problem(code: int) -> tuple[bool, str, tuple[object, ...], bool] | None:
    """What is wrong with where a project's own code sits, or None.

    Whether the code is still registered, the message and its arguments, and
    whether it is an error rather than a warning (subtype ``custom-range``).
    """
    placement = place_custom(code)
    if placement is CustomPlacement.PRIVATE or placement is CustomPlacement.REGISTRABLE:
        return None
    if placement is CustomPlacement.IETF:
        return True, __(
            'close code %d is in 1000\u20132999, which only the IETF assigns (Standards '
            'Action, Specification Required or IESG Review); codes of your own belong in '
            '4000\u20134999 (private use) or 3000\u20133999 (registered with IANA)'
        ), (code,), False
    if placement is CustomPlacement.REGISTERED:
        return False, __(
            'close code %d is already registered as %s; its standard meaning is kept. '
            'Codes of your own belong in 4000\u20134999 (private use) or 3000\u20133999 '
            '(registered with IANA)'
        ), (code, REGISTRY[str(code)].name), False
    return False, __(
        'close code %d is outside 1000\u20134999, where no WebSocket range defines codes; '
        'it is not registered'
    ), (code,), True


def check_placement(code: int, location: str | Node | None) -> bool:
    """Warn where a project's own code sits badly; False if it must not be registered."""
    problem = placement_problem(code)
    if problem is None:
        return True
    kept, message, args, error = problem
    (logger.error if error else logger.warning)(
        message, *args, type=WARNING_TYPE, subtype=CUSTOM_RANGE, location=file_place(location),
    )
    return kept


def add_config_values(app: Sphinx) -> None:
    """Declare the ``wsclose_*`` values."""
    for value in CONFIG_VALUES:
        app.add_config_value(value.name, value.default, 'env', types=value.types)
