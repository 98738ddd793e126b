"""Where a project's own codes come from: an enum or a mapping in its code, or a data file.

``wsclose_codes`` may be a dict written in ``conf.py`` (read by
:mod:`sphinxext_wsclose.config` itself), or a string:

``'package.module:Object'``
    An :class:`enum.Enum` whose values are ints (an :class:`enum.IntEnum`,
    usually), or a mapping laid out like the dict form.  Each member gives a
    code: its name is the constant, a readable name is derived from it, and
    its documentation is the description.  The documentation is found the
    way autodoc finds it, by Sphinx's own
    :class:`~sphinx.pycode.ModuleAnalyzer`: a ``#:`` comment before the
    member or a docstring after it, then a ``__doc__`` set on the member.
``'close-codes.json'``, ``'close-codes.toml'``
    A data file, relative to ``conf.py``, that maps each code to a name or to
    a table of ``name``, ``description`` and ``constant``.

:func:`load` turns a string into :class:`Item` objects, each with the place
it was written (``file:line``), and the problems it met, each with its place
too.  It never raises for the user's input: everything that runs the
project's code or reads its file runs inside one guard (:func:`_guarded`),
and the project's objects are turned into plain data there (:func:`plain`),
so that nothing later runs the project's code again.
"""

from __future__ import annotations

import ast
import contextlib
import enum
import gc
import importlib
import importlib.machinery
import json
import os
import re
import stat
import sys
from bisect import bisect_left
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sphinx.pycode import ModuleAnalyzer

from sphinxext_wsclose._locale import __
from sphinxext_wsclose.values import cut, fold_controls, message_args, shown

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

#: The endings of the data files ``wsclose_codes`` may name.
_TOML_PLACE = re.compile(r'at line (\d+), column (\d+)')


@dataclass(frozen=True)
class Item:
    """One code as a source writes it, before validation."""

    #: The code as written: ``4001``, ``'4001'``, or anything else.
    key: object
    #: A name, or a dict of ``name``, ``description`` and ``constant``.
    value: object
    #: Where it is written, as ``path:line``, for messages.
    location: str | None
    #: How the project's code writes it, qualified (``'ChatClose.TOKEN_EXPIRED'``).
    qualified: tuple[str, ...] = ()
    #: The other bare names of the same code (an enum member's aliases).
    aliases: tuple[str, ...] = ()
    #: The Python object that defines it, as autodoc names it.
    python: str | None = None


@dataclass
class Loaded:
    """What :func:`load` found: the items, and the problems with their places."""

    items: list[Item] = field(default_factory=list)
    problems: list[tuple[str, str | None]] = field(default_factory=list)

    def problem(self, location: str | None, message: str, *args: object) -> None:
        self.problems.append((message % message_args(args) if args else message, location))


@contextlib.contextmanager
def _guarded(loaded: Loaded, location: str | None, name: str) -> Iterator[Loaded]:
    """Run the project's code, or read its file, named *name*: what it gives is added to *loaded*.

    Anything it raises but :exc:`KeyboardInterrupt` becomes one problem at
    *location* that names *name* and the exception, and then nothing that it
    gave is kept: an object that raises halfway gives no code.
    """
    found = Loaded()
    try:
        yield found
    except KeyboardInterrupt:
        raise
    except BaseException as exc:  # the project's code: anything may go wrong
        loaded.problem(location, __('wsclose_codes: reading %r raised %s; no code is taken '
                                    'from it'), name, _error_text(exc))
        return
    loaded.items.extend(found.items)
    loaded.problems.extend(found.problems)


def _error_text(exc: BaseException) -> str:
    """``Type: message`` of *exc*, on one line; its type alone if printing it raises too."""
    try:
        text = fold_controls(str(exc))
    except Exception:  # an exception's own __str__ is the project's code
        text = ''
    return f'{type(exc).__name__}: {text}' if text else type(exc).__name__


class _Opaque:
    """A value of the project's code that is no string, number or mapping: its repr, taken once."""

    __slots__ = ('text',)

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Opaque) and other.text == self.text

    def __hash__(self) -> int:
        return hash(self.text)

    def __reduce__(self) -> tuple[type[_Opaque], tuple[str]]:
        return _Opaque, (self.text,)


#: How deep :func:`plain` reads mappings: the codes, then each code's fields.
_PLAIN_DEPTH = 2


def plain(value: object, depth: int = 0) -> object:
    """*value*, from the project's code, as plain data: str, int, bool, dict, or its repr.

    Runs the project's code (``__iter__``, ``__getitem__``, ``__repr__``,
    ``__int__``), so it must run inside :func:`_guarded`; what it returns
    runs none.
    """
    if isinstance(value, bool):
        return bool(value)
    if isinstance(value, str):
        return str.__str__(value)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, Mapping) and depth < _PLAIN_DEPTH:
        return {plain(key, depth + 1): plain(item, depth + 1) for key, item in value.items()}
    if type(value) in (list, tuple, dict, set, frozenset, float, type(None)):
        return _Opaque(shown(value))
    return _Opaque(cut(repr(value)))


@contextlib.contextmanager
def paused_collection() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a data file is read, or its codes checked.

    A data file of *n* keys makes several objects for each key (its parsed
    tables, the items, their places, the entries), and no cycle among them.
    The collector would walk the heap again each time it grew by a quarter:
    few instructions per key, but the walk of a heap that no longer fits the
    caches takes more time per key the bigger the file (docs/performance.rst,
    ``--load-keys``).  The collector is turned on again afterwards, if it was.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def is_data_file(spec: str) -> bool:
    """Whether *spec* names a data file (by its ending) rather than a Python object."""
    return spec.strip().lower().endswith(tuple(DATA_READERS))


def load(spec: str, confdir: Path, location: str | None) -> Loaded:
    """Read ``wsclose_codes = spec``; *location* is where conf.py sets it."""
    loaded = Loaded()
    text = spec.strip()
    if is_data_file(text):
        with _guarded(loaded, location, text) as found, paused_collection():
            _load_file(found, confdir / text, location)
    elif ':' in text:
        _load_object(loaded, text, location)
    else:
        loaded.problem(
            location,
            __("wsclose_codes: %r is neither a Python object written 'module:Object' nor a "
               '.json or .toml file'),
            spec,
        )
    return loaded


# -- Python objects ------------------------------------------------------------


def _load_object(loaded: Loaded, spec: str, location: str | None) -> None:
    modname, _sep, qualname = (part.strip() for part in spec.partition(':'))
    if not modname or not qualname:
        loaded.problem(location, __("wsclose_codes: %r does not name an object as "
                                    "'module:Object'"), spec)
        return
    try:
        obj: Any = _import_fresh(modname)
    except KeyboardInterrupt:
        raise
    except BaseException as exc:  # the project's own code: anything may go wrong
        loaded.problem(location, __('wsclose_codes: cannot import %s: %s'),
                       modname, _error_text(exc))
        return
    with _guarded(loaded, location, spec) as found:
        _read_object(found, obj, spec, location)
    if not loaded.items and not loaded.problems:
        loaded.problem(location, _NO_CODE, spec)


#: Each module this process imported for ``wsclose_codes``: its file, and
#: the file's modification time and size when it was imported.
_IMPORTED: dict[str, tuple[str, int, int]] = {}


def _stamp(path: str) -> tuple[int, int]:
    try:
        found = os.stat(path)
    except OSError:
        return -1, -1
    return found.st_mtime_ns, found.st_size


def _import_fresh(modname: str) -> Any:
    """The module *modname* as the project's files hold it now, imported once per build.

    Python keeps a module once imported: a second project built in the same
    process, with its own ``proto.py``, would get the first one's, and an
    edit between two builds would not be seen.  So a module (with its
    package) is imported again when the file that the current ``sys.path``
    finds is another one, or when the file changed since this process
    imported it.  It then stays in ``sys.modules``, so that autodoc, in the
    same build, documents the same module object.
    """
    top = modname.partition('.')[0]
    current = sys.modules.get(top)
    if current is not None:
        spec = importlib.machinery.PathFinder.find_spec(top)
        now, was = (spec.origin if spec else None), getattr(current, '__file__', None)
        stale = bool(now and was and os.path.realpath(now) != os.path.realpath(was))
        record, module = _IMPORTED.get(modname), sys.modules.get(modname)
        if not stale and record is not None and module is not None:
            stale = getattr(module, '__file__', None) != record[0] or (
                _stamp(record[0]) != record[1:])
        if stale:
            files = set()
            for name in [name for name in sys.modules
                         if name == top or name.startswith(f'{top}.')]:
                files.add(str(getattr(sys.modules.pop(name), '__file__', '')))
                # Sphinx's analyzer keeps each module's comments, for autodoc too.
                ModuleAnalyzer.cache.pop(('module', name), None)
            for key in [key for key in ModuleAnalyzer.cache
                        if key[0] == 'file' and str(key[1]) in files]:
                del ModuleAnalyzer.cache[key]
            importlib.invalidate_caches()
    module = importlib.import_module(modname)
    file = getattr(module, '__file__', None)
    if isinstance(file, str):
        _IMPORTED[modname] = (file, *_stamp(file))
    return module


def _read_object(loaded: Loaded, obj: Any, spec: str, location: str | None) -> None:
    """The codes of the object *spec* names, inside the module *obj*."""
    modname, _sep, qualname = (part.strip() for part in spec.partition(':'))
    for part in qualname.split('.'):
        try:
            obj = getattr(obj, part)
        except AttributeError:
            loaded.problem(location, __('wsclose_codes: module %s has no %s'), modname, qualname)
            return
    module = getattr(obj, '__module__', None) if isinstance(obj, type) else modname
    places = _Places(module, default=location)
    if isinstance(obj, type) and issubclass(obj, enum.Enum):
        _load_enum(loaded, obj, modname, qualname, places)
    elif isinstance(obj, Mapping):
        where = places.line(qualname)
        loaded.items.extend(Item(key, value, where) for _given, key, value in plain_items(obj))
    else:
        loaded.problem(location, __('wsclose_codes: %s is neither an Enum nor a mapping, but %s'),
                       spec, type(obj).__name__)


def plain_items(mapping: Mapping[Any, Any]) -> list[tuple[object, object, object]]:
    """The items of a mapping of the project's: each key as given, then key and value as
    plain data (:func:`plain`).  A list, not a dict: two keys that read the same as plain
    data (``None`` and ``'None'``) stay two items.
    """
    return [(key, plain(key, 1), plain(item, 1)) for key, item in mapping.items()]


def read_mapping(
    mapping: Mapping[Any, Any], location: str | None,
    place: Callable[[object], str | None] = lambda key: None,
) -> Loaded:
    """The items of a mapping that ``conf.py`` gives, read inside the guard.

    *place* gives the location of an item from its key as conf.py wrote it.
    """
    loaded = Loaded()
    with _guarded(loaded, location, 'wsclose_codes') as found:
        found.items.extend(Item(shown_key, value, place(key))
                           for key, shown_key, value in plain_items(mapping))
    return loaded


#: The problem of a source that gives no code at all.
_NO_CODE = __('wsclose_codes: %s defines no code')


def _load_enum(
    loaded: Loaded, members: type[enum.Enum], modname: str, qualname: str, places: _Places
) -> None:
    # How code writes a member: qualified by the class (the innermost class of
    # a nested one too), and by the module and the class, as conf.py names it
    # and where the class is defined.
    paths = [(modname, qualname), (members.__module__, members.__qualname__)]
    prefixes = dict.fromkeys(
        prefix
        for module, path in paths
        for prefix in (path.rpartition('.')[2], path, f'{module}.{path}')
    )
    aliases: dict[str, list[str]] = {}
    for name, member in members.__members__.items():
        if member.name != name:  # another name for a member above
            aliases.setdefault(member.name, []).append(name)
            loaded.problem(
                places.line(f'{members.__qualname__}.{name}'),
                __('wsclose_codes: %s.%s has the value %r of %s.%s; it is one more name of '
                   'that code'),
                qualname, name, member.value, qualname, member.name,
            )
    for name, member in members.__members__.items():
        if member.name != name:
            continue
        where = places.line(f'{members.__qualname__}.{name}')
        value = member.value
        if isinstance(value, bool) or not isinstance(value, int):
            loaded.problem(where, __('wsclose_codes: %s.%s = %r is not a close code number; '
                                     'left out'), qualname, name, value)
            continue
        names = [name, *aliases.get(name, [])]
        lines = places.doc_lines(members.__qualname__, name) or _own_doc(member)
        facts, rest, problems = field_lines(lines)
        for field_name, problem in problems:
            loaded.problem(where, problem, int(value), qualname, name, field_name)
        loaded.items.append(Item(
            int(value),
            {'constant': name, 'description': paragraph_text(rest), **facts},
            where,
            qualified=tuple(f'{prefix}.{each}' for prefix in prefixes for each in names),
            aliases=tuple(names[1:]),
            python=f'{modname}.{qualname}.{name}',
        ))


def _own_doc(member: enum.Enum) -> list[str]:
    """The lines of a ``__doc__`` set on the member itself (not the class's docstring)."""
    doc = vars(member).get('__doc__')
    return doc.splitlines() if isinstance(doc, str) else []


#: The fields an enum member's documentation may end with: ``:reconnect: no``.
FIELD_NAMES = ('reconnect', 'direction', 'since', 'deprecated')
_FIELD_LINE = re.compile(r'\s*:(' + '|'.join(FIELD_NAMES) + r'):(?:\s+(.*?))?\s*')


def field_lines(
    lines: list[str],
) -> tuple[dict[str, str], list[str], list[tuple[str, str]]]:
    """The field lines of documentation *lines* (``:since: 2.1``), the other lines, and problems.

    Autodoc renders the same lines as a field list; here they give the
    code's facts, and stay out of its description.  A field without a value
    is left out, and one given twice keeps its last value; each problem is a
    field's name and a message with the places ``[%d]`` (the code),
    ``%s.%s`` (the member) and ``:%s:`` (the field).
    """
    facts: dict[str, str] = {}
    rest: list[str] = []
    problems: list[tuple[str, str]] = []
    for line in lines:
        match = _FIELD_LINE.fullmatch(line)
        if match is None:
            rest.append(line)
            continue
        name, value = match[1], match[2] or ''
        if not value:
            problems.append((name, __('wsclose_codes[%d]: %s.%s: the field :%s: has no '
                                      'value; left out')))
            continue
        if name in facts:
            problems.append((name, __('wsclose_codes[%d]: %s.%s: the field :%s: is given '
                                      'twice; the last one is kept')))
        facts[name] = value
    return facts, rest, problems


def paragraph_text(lines: list[str]) -> str:
    """The first paragraph of documentation *lines*, on one line."""
    paragraph: list[str] = []
    for line in lines:
        if not line.strip():
            if paragraph:
                break
            continue
        paragraph.append(line.strip())
    return ' '.join(paragraph)


class _Places:
    """Where a module defines things, and their documentation, from Sphinx's analyzer."""

    def __init__(self, modname: str | None, default: str | None) -> None:
        self.default = default
        self.srcname: str | None = None
        self.docs: dict[tuple[str, str], list[str]] = {}
        self.lines: dict[str, int] = {}
        if modname is None:
            return
        try:
            analyzer = ModuleAnalyzer.for_module(modname)
            self.docs = dict(analyzer.find_attr_docs())
            tree = ast.parse(analyzer.code)
        except Exception:
            return
        self.srcname = str(analyzer.srcname)
        self.lines = dict(_member_lines(tree.body, ''))

    def doc_lines(self, namespace: str, name: str) -> list[str]:
        """The lines of the ``#:`` comment or docstring of *namespace*.*name*."""
        return list(self.docs.get((namespace, name), []))

    def line(self, qualname: str) -> str | None:
        """``path:line`` of *qualname*, or of the class around it, or the default.

        Sphinx reads a location without ``:line`` as a document's name, so a
        place in this module always has a line.
        """
        while qualname:
            if qualname in self.lines:
                return f'{self.srcname}:{self.lines[qualname]}'
            qualname = qualname.rpartition('.')[0]
        return self.default


def _member_lines(body: list[ast.stmt], prefix: str) -> Iterator[tuple[str, int]]:
    """Every name that *body* assigns, with classes walked into: ``('ChatClose.A', 7)``."""
    for statement in body:
        if isinstance(statement, ast.ClassDef):
            yield f'{prefix}{statement.name}', statement.lineno
            yield from _member_lines(statement.body, f'{prefix}{statement.name}.')
        targets: list[ast.expr] = []
        if isinstance(statement, ast.Assign):
            targets = statement.targets
        elif isinstance(statement, ast.AnnAssign):
            targets = [statement.target]
        for target in targets:
            for node in ast.walk(target):
                if isinstance(node, ast.Name):
                    yield f'{prefix}{node.id}', statement.lineno


# -- data files ----------------------------------------------------------------


class _BadData(Exception):
    """A data file that its reader cannot read: where, and the warning's message."""

    def __init__(self, location: str, message: str, *args: object) -> None:
        super().__init__(location, message, *args)
        self.location, self.message, self.args_ = location, message, args


class _LongNumber:
    """A number in a data file too long for :func:`int` (4,300 digits): shown by its size."""

    def __init__(self, digits: str) -> None:
        self.size = len(digits.lstrip('+-'))

    def __repr__(self) -> str:
        return f'a number of about {self.size} digits'


def _json_int(digits: str) -> object:
    """An int of a JSON file; one too long to read is one bad item, not a file that fails."""
    return _LongNumber(digits) if len(digits) > _MAX_INT_DIGITS else int(digits)


#: Fewer digits than :func:`int` refuses by default (4,300).
_MAX_INT_DIGITS = 4000


def _read_json(path: Path, text: str) -> object:
    try:
        return json.loads(text, object_pairs_hook=_Pairs, parse_int=_json_int)
    except json.JSONDecodeError as exc:
        raise _BadData(f'{path}:{exc.lineno}', __('wsclose_codes: %s is not valid JSON: %s '
                                                  '(line %d, column %d)'),
                       path.name, exc.msg, exc.lineno, exc.colno) from exc


def _read_toml(path: Path, text: str) -> object:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        place = _TOML_PLACE.search(str(exc))
        line = place[1] if place else None
        raise _BadData(f'{path}:{line}' if line else str(path),
                       __('wsclose_codes: %s is not valid TOML: %s'), path.name, exc) from exc


#: The data file formats, by file ending: each reads a file's text into its
#: data (a mapping of code to item), or raises :exc:`_BadData`.  A reader's
#: mapping may be a :class:`_Pairs`, to report keys given twice.
DATA_READERS: dict[str, Callable[[Path, str], object]] = {
    '.json': _read_json,
    '.toml': _read_toml,
}


def _load_file(loaded: Loaded, path: Path, location: str | None) -> None:
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        loaded.problem(location, __('wsclose_codes: there is no file %s'), path)
        return
    if not stat.S_ISREG(mode):  # a FIFO would block the build forever
        loaded.problem(location, __('wsclose_codes: %s is not a regular file'), path)
        return
    try:
        text = path.read_text(encoding='utf-8-sig')  # a BOM is no part of the data
    except (OSError, UnicodeDecodeError) as exc:
        loaded.problem(location, __('wsclose_codes: cannot read %s: %s'), path, exc)
        return
    try:
        data = DATA_READERS[path.suffix.lower()](path, text)
    except _BadData as bad:
        loaded.problem(bad.location, bad.message, *bad.args_)
        return
    if not isinstance(data, dict):
        loaded.problem(f'{path}:1', __('wsclose_codes: %s must map each code to a name or '
                                       'to {name, description, constant}, not be a %s'),
                       path.name, type(data).__name__)
        return
    places = _KeyPlaces(path, text)
    for key, value in data.items():
        loaded.items.append(Item(key, value, places.first(key)))
    if isinstance(data, _Pairs):
        for key in data.repeated:
            loaded.problem(places.last(key),
                           __('wsclose_codes: %s gives the key %r twice; the last one is kept'),
                           path.name, key)
    for key, value in data.items():
        if isinstance(value, _Pairs):
            after = places.line_of(places.first(key))
            for seen, inner in enumerate(value.repeated):
                loaded.problem(places.after(inner, after, value.repeated[:seen].count(inner) + 1),
                               __('wsclose_codes: %s gives the key %r of %r twice; the last one '
                                  'is kept'), path.name, inner, key)
    if not data:
        loaded.problem(f'{path}:1', _NO_CODE, path.name)


class _Pairs(dict[str, Any]):
    """A JSON object that remembers the keys it was given more than once."""

    def __init__(self, pairs: list[tuple[str, Any]]) -> None:
        super().__init__(pairs)
        seen: set[str] = set()
        self.repeated: list[str] = []
        for key, _value in pairs:
            if key in seen:
                self.repeated.append(key)
            seen.add(key)


#: A JSON key (a string, consumed whole, then ``:``), or a TOML key at the
#: start of a line (dotted keys and table headers too).
_JSON_KEYS = re.compile(r'"((?:[^"\\\n]|\\.)*)"(\s*:)?|\'([^\'\n]*)\'(\s*:)?')
_TOML_KEYS = re.compile(
    r'^[ \t]*\[?[ \t]*(?:"((?:[^"\\\n]|\\.)*)"|\'([^\'\n]*)\'|([A-Za-z0-9_-]+))[ \t]*[\].=]',
    re.MULTILINE,
)


class _KeyPlaces:
    """The lines that write each key of a JSON or TOML file, found in one pass over its text.

    A key that cannot be found as written is placed on the file's first line.
    """

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.lines: dict[str, list[int]] = {}
        starts: list[tuple[int, str]] = []
        for match in _JSON_KEYS.finditer(text):
            if match[2] is not None:
                starts.extend((match.start(), name) for name in _decoded(match[1]))
            elif match[4] is not None:
                starts.append((match.start(), match[3]))
        for match in _TOML_KEYS.finditer(text):
            if match[1] is not None:
                starts.extend((match.start(), name) for name in _decoded(match[1]))
            else:
                starts.append((match.start(), match[2] if match[2] is not None else match[3]))
        starts.sort()
        line, counted = 1, 0
        for start, name in starts:
            line += text.count('\n', counted, start)
            counted = start
            found = self.lines.setdefault(name, [])
            if not found or found[-1] != line:
                found.append(line)

    def _place(self, line: int | None) -> str:
        return f'{self.path}:{line or 1}'

    def first(self, key: object) -> str:
        """``path:line`` of the first line that writes *key* (a reader may give int keys)."""
        found = self.lines.get(str(key))
        return self._place(found[0] if found else None)

    def last(self, key: object) -> str:
        found = self.lines.get(str(key))
        return self._place(found[-1] if found else None)

    def after(self, key: object, line: int, nth: int) -> str:
        """The *nth* line after *line* (0: the first) that writes *key*."""
        found = self.lines.get(str(key), [])
        index = bisect_left(found, line) + nth
        return self._place(found[min(index, len(found) - 1)] if found else None)

    @staticmethod
    def line_of(place: str) -> int:
        return int(place.rpartition(':')[2])


def _decoded(written: str) -> tuple[str, ...]:
    """A quoted key as JSON reads it, and as written (the file may not be JSON)."""
    try:
        name = json.loads(f'"{written}"')
    except ValueError:
        return (written,)
    return (name, written) if name != written else (name,)
