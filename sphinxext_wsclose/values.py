"""What a close code value is: a number in 0-65535, and what a browser accepts.

The smallest pure module of the package: :mod:`sphinxext_wsclose.libraries`
and :mod:`sphinxext_wsclose.registry` both build on it, and it imports
nothing but the standard library.  It also holds :class:`Record`, the base
of the records that every build defines at start-up.
"""

from __future__ import annotations

import inspect
import re
import reprlib
from functools import cached_property
from operator import itemgetter
from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from typing_extensions import Self, dataclass_transform
else:
    def dataclass_transform(**_kwargs: object) -> Callable[[type], type]:
        """At run time, nothing: the decorator only tells type checkers how records are made."""
        return lambda cls: cls


def N_(message: str) -> str:
    """Mark *message* for the message catalog without translating it here.

    ``pybabel extract`` finds ``N_`` by default; the pure modules mark their
    labels with it, and the Sphinx side translates them where they are shown.
    """
    return message


#: The largest value the 16-bit status code field of a Close frame can hold.
MAX_CODE = 65535


#: The property that reads a record's field at each index, shared by every record.
_FIELD_AT: list[property] = []


@dataclass_transform(frozen_default=True, eq_default=False)
class Record(tuple[Any, ...]):
    """A named, immutable, picklable tuple, like ``typing.NamedTuple``, that is cheap to define.

    A subclass lists its fields as annotations, with defaults where it has
    them, and declares ``__slots__ = ()``::

        class Location(Record):
            __slots__ = ()
            docname: str
            lineno: int
            only: tuple[str, ...] = ()

    It is a tuple (equal to a tuple of the same values, unpacked like one),
    its fields are read by name, and it has ``_fields``, ``_replace()`` and a
    ``repr`` that names them.  Every build defines the records of the modules
    it imports: ``typing.NamedTuple`` compiles a ``__new__`` for each
    (``eval``) and leaves about 33 objects behind, each of which the garbage
    collector walks for the rest of the build; a subclass of this class
    compiles nothing and leaves about 5 (the fields' properties are shared).

    The price is paid per record made: about 0.9 µs with every field given
    by position, 2 to 3 µs with a default or keywords, where a named tuple
    takes 0.6 to 1 µs, and about 25 ns more to read a field.  Few are made:
    a page with a table and 200 mentions of 10 codes made 98 after start-up.
    """

    __slots__ = ()
    _fields: ClassVar[tuple[str, ...]] = ()
    _defaults: ClassVar[dict[str, Any]] = {}

    def __init_subclass__(cls) -> None:
        fields = tuple(inspect.get_annotations(cls))
        cls._fields = (*cls._fields, *fields)
        cls._defaults = {**cls._defaults,
                         **{name: cls.__dict__[name] for name in fields if name in cls.__dict__}}
        while len(_FIELD_AT) < len(cls._fields):
            _FIELD_AT.append(property(itemgetter(len(_FIELD_AT))))
        for name, read in zip(cls._fields, _FIELD_AT, strict=False):
            setattr(cls, name, read)

    def __new__(cls, *args: Any, **kwargs: Any) -> Self:
        if kwargs or len(args) != len(cls._fields):
            args = cls._bind(args, kwargs)
        return tuple.__new__(cls, args)

    @classmethod
    def _bind(cls, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, ...]:
        """The values of *args* and *kwargs* in field order, with the defaults."""
        if len(args) > len(cls._fields):
            msg = f'{cls.__name__}() takes {len(cls._fields)} arguments, {len(args)} given'
            raise TypeError(msg)
        values = list(args)
        for name in cls._fields[len(args):]:
            if name in kwargs:
                values.append(kwargs.pop(name))
            elif name in cls._defaults:
                values.append(cls._defaults[name])
            else:
                msg = f'{cls.__name__}() missing argument {name!r}'
                raise TypeError(msg)
        if kwargs:
            msg = f'{cls.__name__}() got unexpected or repeated arguments {sorted(kwargs)}'
            raise TypeError(msg)
        return tuple(values)

    def _replace(self, **changes: Any) -> Self:
        """A copy with *changes*, as ``NamedTuple._replace`` makes it."""
        return type(self)(**{**dict(zip(self._fields, self, strict=True)), **changes})

    def _asdict(self) -> dict[str, Any]:
        return dict(zip(self._fields, self, strict=True))

    def __repr__(self) -> str:
        pairs = zip(self._fields, self, strict=True)
        return f"{type(self).__name__}({', '.join(f'{name}={value!r}' for name, value in pairs)})"

    def __getnewargs__(self) -> tuple[Any, ...]:
        return tuple(self)


class LazyPattern:
    """A regular expression compiled the first time it is used.

    The module-level patterns of the modules every build imports are these:
    compiling them all cost about 5 M instructions of start-up, which a
    build that uses nothing of the extension never needs.
    """

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern

    @cached_property
    def compiled(self) -> re.Pattern[str]:
        return re.compile(self.pattern)

    def search(self, text: str) -> re.Match[str] | None:
        return self.compiled.search(text)

    def match(self, text: str) -> re.Match[str] | None:
        return self.compiled.match(text)

    def fullmatch(self, text: str) -> re.Match[str] | None:
        return self.compiled.fullmatch(text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(text)

    def findall(self, text: str) -> list[Any]:
        return self.compiled.findall(text)

    def sub(self, replacement: str | Callable[[re.Match[str]], str], text: str,
            count: int = 0) -> str:
        return self.compiled.sub(replacement, text, count=count)


#: What a browser's ``WebSocket.close(code)`` accepts: 1000, and 3000-4999.
BROWSER_SPANS: tuple[tuple[int, int], ...] = ((1000, 1000), (3000, 4999))

#: Words that ``:codes:`` and ``wsclose list --codes`` accept for a set of spans.
SPAN_WORDS: dict[str, tuple[tuple[int, int], ...]] = {'browser': BROWSER_SPANS}

#: Characters that must not reach a name, a description or a constant: a
#: line break in a name would write a line of its own into ``objects.inv``.
#: Compiled at its first use: a class of characters beyond Latin-1 costs
#: about 5 M instructions to compile, which a build with no own code never needs.
CONTROL = LazyPattern(r'[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]')
#: A lone surrogate: valid in a Python string and in JSON, but no character;
#: no writer can encode it (objects.inv, text, LaTeX, man, Texinfo).
_SURROGATE = LazyPattern(r'[\ud800-\udfff]')

_NUMBER = LazyPattern(r'[+-]?[0-9]+')
#: More digits than any close code has: such a number is out of range, and
#: :func:`int` need not read all of it (it refuses more than 4,300 digits).
_MAX_DIGITS = 6


class InvalidCodeError(ValueError):
    """A value that is not a WebSocket close code at all.

    Raised for non-numbers and for numbers outside 0-65535, the values that
    the 16-bit status code field of a Close frame can carry.
    """


def fold_controls(value: str) -> str:
    """*value* as every output can hold it: the one normalisation of text from users.

    Control characters and line breaks become spaces, runs of spaces one
    space, and a lone surrogate (no character at all) U+FFFD, the
    replacement character.  :data:`CONTROL` finds what it changes.
    """
    return ' '.join(CONTROL.sub(' ', _SURROGATE.sub('\ufffd', value)).split())


def is_number(text: str) -> bool:
    """Whether *text* is written as a whole number (ASCII digits, an optional sign)."""
    return _NUMBER.fullmatch(text.strip()) is not None


def parse_int(value: object) -> int:
    """Return *value* as a close code number, or raise :exc:`InvalidCodeError`.

    Accepts ints (not bools) and strings of decimal digits, of any length;
    the message names the input.
    """
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str) and is_number(value):
        text = value.strip()
        negative = text.startswith('-')
        digits = text.lstrip('+-').lstrip('0') or '0'
        if len(digits) > _MAX_DIGITS:
            number = -1 if negative else MAX_CODE + 1
        else:
            number = -int(digits) if negative else int(digits)
    else:
        msg = f'{shown(value)} is not a close code number'
        raise InvalidCodeError(msg)
    if not 0 <= number <= MAX_CODE:
        msg = (
            f'{shown(value)} is outside 0\u2013{MAX_CODE}, '
            'the values a Close frame\u2019s 16-bit status code can hold'
        )
        raise InvalidCodeError(msg)
    return number


#: The most characters of a value that a message shows; a longer one is cut
#: in the middle, so that a warning stays one readable line.
MAX_SHOWN = 60
#: An int beyond this is shown by its size: :func:`repr` refuses more than
#: 4,300 digits, and nobody reads twenty.
_MAX_SHOWN_INT = 10**20


def shown(value: object) -> str:
    """*value* for a message, as every warning shows it: its repr, cut to :data:`MAX_SHOWN`.

    An int too long to print is given by its size; a container is shown a few
    levels deep.  Only plain data reaches here (:mod:`sphinxext_wsclose.sources`
    turns the project's objects into plain data first), so this never raises.
    """
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > _MAX_SHOWN_INT:
        return f'a number of about {int(value.bit_length() * 0.30103) + 1} digits'
    text = _SHORT.repr(value) if isinstance(value, (list, tuple, dict, set, frozenset)) \
        else repr(value)
    return cut(text)


def cut(text: str) -> str:
    """*text* cut in the middle to :data:`MAX_SHOWN` characters, if it is longer."""
    if len(text) <= MAX_SHOWN:
        return text
    half = (MAX_SHOWN - 3) // 2
    return f'{text[:half]}...{text[-(MAX_SHOWN - 3 - half):]}'


class _ShortRepr(reprlib.Repr):
    """reprlib's short repr, with ints too long to print given by their size."""

    def repr_int(self, x: int, level: int) -> str:
        return shown(x)


_SHORT = _ShortRepr()
_SHORT.maxlevel = 3


class Shown:
    """A value given to a message: ``%r`` shows it as :func:`shown` does.

    ``%s`` shows a string whole (a message's own parts are strings), and a
    long int by its size.
    """

    __slots__ = ('value',)

    def __init__(self, value: object) -> None:
        self.value = value

    def __repr__(self) -> str:
        return shown(self.value)

    def __str__(self) -> str:
        if isinstance(self.value, str):
            return self.value
        if isinstance(self.value, (int, list, tuple, dict, set, frozenset)):
            return shown(self.value)
        return str(self.value)


def message_args(args: tuple[object, ...]) -> tuple[object, ...]:
    """A warning's *args*: codes as they are, every other value by :class:`Shown`."""
    return tuple(
        arg if type(arg) is int and abs(arg) <= _MAX_SHOWN_INT else Shown(arg) for arg in args
    )


def browser_accepts(code: object) -> bool:
    """Whether a browser's ``WebSocket.close(code)`` accepts *code*: 1000 and 3000-4999.

    Raises :exc:`InvalidCodeError` for anything that is not a number in 0-65535.
    """
    number = parse_int(code)
    return any(first <= number <= last for first, last in BROWSER_SPANS)


def browser_accepts_span(first: int, last: int) -> bool | None:
    """Whether ``close()`` accepts every code in *first*-*last*: ``None`` if only some."""
    inside = sum(
        max(0, min(last, high) - max(first, low) + 1) for low, high in BROWSER_SPANS
    )
    if inside == last - first + 1:
        return True
    return False if inside == 0 else None
