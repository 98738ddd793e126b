"""The ``wsclose_*`` configuration values, declared and validated in one place.

Each value is read while pages are parsed, so each is declared
``rebuild='env'``: changing it re-reads every page.  Validation runs once, on
``config-inited``: a bad value, or a bad item inside one, gives one warning
that names the key, and the rest of the configuration still works.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from sphinx.util import logging

from sphinxext_wsclose._locale import __
from sphinxext_wsclose.registry import (
    REGISTRY,
    CustomPlacement,
    InvalidCodeError,
    Kind,
    Registry,
    custom_entry,
    parse_int,
    place_custom,
)

if TYPE_CHECKING:
    from docutils.nodes import Node
    from sphinx.application import Sphinx
    from sphinx.config import Config

    from sphinxext_wsclose.registry import Entry

logger = logging.getLogger(__name__)

#: How a mention is written when the user gives no explicit title.
DEFAULT_ROLE_FORMAT = '{code} {name}'
#: What an unresolved, valid mention links to.
FALLBACKS = ('rfc', 'iana', 'none')
CUSTOM_KEYS = frozenset({'name', 'description', 'constant'})


@dataclass(frozen=True)
class Settings:
    """The validated ``wsclose_*`` values of one project."""

    registry: Registry
    role_format: str = DEFAULT_ROLE_FORMAT
    fallback: str = 'rfc'
    index_entries: bool = True
    domain_index: bool = True
    #: Where conf.py defines each of the project's codes, for messages.
    code_locations: dict[str, str] = field(default_factory=dict)


#: name: (default, types, description for the docs)
CONFIG_VALUES: dict[str, tuple[Any, tuple[type, ...]]] = {
    'wsclose_codes': ({}, (dict,)),
    'wsclose_role_format': (DEFAULT_ROLE_FORMAT, (str,)),
    'wsclose_fallback': ('rfc', (str,)),
    'wsclose_index_entries': (True, (bool,)),
    'wsclose_domain_index': (True, (bool,)),
}

_SETTINGS: WeakKeyDictionary[Config, Settings] = WeakKeyDictionary()


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
        self.lines: dict[str, str] = {}
        self.items: dict[str, str] = {}
        conf_py = Path(confdir, 'conf.py') if confdir else None
        if conf_py is None or not conf_py.is_file():
            return
        text = conf_py.read_text(encoding='utf-8', errors='replace')
        in_codes = False
        for number, line in enumerate(text.splitlines(), start=1):
            if match := re.match(r'(wsclose_\w+)\s*(?::[^=]*)?=', line):
                self.lines.setdefault(match[1], f'{conf_py}:{number}')
                in_codes = match[1] == 'wsclose_codes'
            elif in_codes and line[:1] not in {'', ' ', '\t', '}'}:
                in_codes = False
            if in_codes and (item := re.match(r'\s*[{]?\s*([\'"]?)([^\'":\s]+)\1\s*:', line)):
                self.items.setdefault(item[2], f'{conf_py}:{number}')

    def item(self, key: object) -> str | None:
        """Where conf.py sets the ``wsclose_codes`` item *key*, or its assignment."""
        return self.items.get(str(key), self.lines.get('wsclose_codes'))

    def warn(self, key: str, message: str, *args: object, location: str | None = None) -> None:
        logger.warning(
            message,
            *args,
            type='wsclose',
            subtype='config',
            location=location or self.lines.get(key),
        )

    def run(self, config: Config) -> Settings:
        codes = self.custom_codes(config.wsclose_codes)
        role_format = self.role_format(config.wsclose_role_format)
        fallback = self.fallback(config.wsclose_fallback)
        flags = {}
        for key in ('wsclose_index_entries', 'wsclose_domain_index'):
            value = getattr(config, key)
            if not isinstance(value, bool):
                self.warn(key, __('%s: expected True or False, not %r; using True'), key, value)
                value = True
            flags[key.removeprefix('wsclose_')] = value
        registry = self.registry(codes)
        locations = {
            entry.key: self.item(entry.first) or 'conf.py'
            for entry in registry
            if entry.kind is Kind.CUSTOM
        }
        return Settings(registry, role_format, fallback, **flags, code_locations=locations)

    def registry(self, codes: list[Entry]) -> Registry:
        """The bundled registry plus the project's codes, leaving out clashing names."""
        registry = REGISTRY
        for entry in codes:
            try:
                registry = registry.extended([entry])
            except ValueError as exc:
                self.warn(
                    'wsclose_codes',
                    __('wsclose_codes[%d]: %s; left out'),
                    entry.first,
                    exc,
                    location=self.item(entry.first),
                )
        return registry

    def fallback(self, fallback: object) -> str:
        if isinstance(fallback, str) and fallback in FALLBACKS:
            return fallback
        self.warn(
            'wsclose_fallback',
            __('wsclose_fallback: %r is not one of %s; using %r'),
            fallback,
            ', '.join(repr(name) for name in FALLBACKS),
            'rfc',
        )
        return 'rfc'

    def role_format(self, value: object) -> str:
        problem = None
        if not isinstance(value, str):
            problem = __('expected a string, not %r') % (value,)
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
        if problem is None:
            return str(value)
        self.warn('wsclose_role_format', __('wsclose_role_format: %s; using %r'),
                  problem, DEFAULT_ROLE_FORMAT)
        return DEFAULT_ROLE_FORMAT

    def custom_codes(self, value: object) -> list[Entry]:
        if not isinstance(value, dict):
            self.warn(
                'wsclose_codes',
                __('wsclose_codes: expected a dict of code: name, not %s'),
                type(value).__name__,
            )
            return []
        entries = []
        for key, item in value.items():
            entry = self.custom_code(key, item)
            if entry is not None:
                entries.append(entry)
        entries.sort(key=lambda entry: entry.first)
        return entries

    def custom_code(self, key: object, item: object) -> Entry | None:
        try:
            code = parse_int(key)
        except InvalidCodeError as exc:
            self.warn(
                'wsclose_codes',
                __('wsclose_codes: %s; the key must be a code number'),
                exc,
                location=self.item(key),
            )
            return None
        fields = self.custom_fields(code, item, self.item(key))
        if fields is None or not check_placement(code, self.item(key)):
            return None
        return custom_entry(
            code, fields['name'], fields.get('description', ''), fields.get('constant') or None
        )

    def custom_fields(self, code: int, item: object, location: str | None) -> dict[str, str] | None:
        """The fields of one ``wsclose_codes`` item: a name, or a dict."""
        fields: object = {'name': item} if isinstance(item, str) else item
        problem = None
        if not isinstance(fields, dict):
            problem = __('expected a name or a dict, not %r') % (item,)
        elif unknown := sorted(map(str, set(fields) - CUSTOM_KEYS)):
            problem = __('unknown key %s; the keys are name, description and constant') % (
                ', '.join(repr(name) for name in unknown)
            )
        elif bad := [(k, v) for k, v in fields.items() if not isinstance(v, str)]:
            problem = __('%r must be a string, not %r') % bad[0]
        elif not fields.get('name', '').strip():
            problem = __('the name is missing or empty')
        if problem is not None or not isinstance(fields, dict):
            self.warn(
                'wsclose_codes', __('wsclose_codes[%d]: %s'), code, problem, location=location
            )
            return None
        return {str(key): str(value).strip() for key, value in fields.items()}


def check_placement(code: int, location: str | Node | None) -> bool:
    """Warn where a project's own code sits badly; False if it must not be registered."""
    placement = place_custom(code)
    if placement is CustomPlacement.PRIVATE or placement is CustomPlacement.REGISTRABLE:
        return True
    if placement is CustomPlacement.IETF:
        logger.warning(
            __(
                'close code %d is in 1000\u20132999, which only the IETF assigns (Standards '
                'Action, Specification Required or IESG Review); codes of your own belong in '
                '4000\u20134999 (private use) or 3000\u20133999 (registered with IANA)'
            ),
            code,
            type='wsclose',
            subtype='custom-range',
            location=location,
        )
        return True
    if placement is CustomPlacement.REGISTERED:
        logger.warning(
            __(
                'close code %d is already registered as %s; its standard meaning is kept. '
                'Codes of your own belong in 4000\u20134999 (private use) or 3000\u20133999 '
                '(registered with IANA)'
            ),
            code,
            REGISTRY[str(code)].name,
            type='wsclose',
            subtype='custom-range',
            location=location,
        )
        return False
    logger.error(
        __(
            'close code %d is outside 1000\u20134999, where no WebSocket range defines codes; '
            'it is not registered'
        ),
        code,
        type='wsclose',
        subtype='custom-range',
        location=location,
    )
    return False
