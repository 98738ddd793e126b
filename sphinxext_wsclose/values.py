"""What a close code value is: a number in 0-65535, and what a browser accepts.

The smallest pure module of the package: :mod:`sphinxext_wsclose.libraries`
and :mod:`sphinxext_wsclose.registry` both build on it, and it imports
nothing but the standard library.
"""

from __future__ import annotations

import re


def N_(message: str) -> str:
    """Mark *message* for the message catalog without translating it here.

    ``pybabel extract`` finds ``N_`` by default; the pure modules mark their
    labels with it, and the Sphinx side translates them where they are shown.
    """
    return message


#: The largest value the 16-bit status code field of a Close frame can hold.
MAX_CODE = 65535

#: What a browser's ``WebSocket.close(code)`` accepts: 1000, and 3000-4999.
BROWSER_SPANS: tuple[tuple[int, int], ...] = ((1000, 1000), (3000, 4999))

#: Words that ``:codes:`` and ``wsclose list --codes`` accept for a set of spans.
SPAN_WORDS: dict[str, tuple[tuple[int, int], ...]] = {'browser': BROWSER_SPANS}

#: Characters that must not reach a name, a description or a constant: a
#: line break in a name would write a line of its own into ``objects.inv``.
CONTROL = re.compile(r'[\x00-\x1f\x7f-\x9f\u2028\u2029]')

_NUMBER = re.compile(r'[+-]?[0-9]+')
#: More digits than any close code has: such a number is out of range, and
#: :func:`int` need not read all of it (it refuses more than 4,300 digits).
_MAX_DIGITS = 6


class InvalidCodeError(ValueError):
    """A value that is not a WebSocket close code at all.

    Raised for non-numbers and for numbers outside 0-65535, the values that
    the 16-bit status code field of a Close frame can carry.
    """


def fold_controls(value: str) -> str:
    """*value* with its control characters as spaces, and its spaces folded to one."""
    return ' '.join(CONTROL.sub(' ', value).split())


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
        msg = f'{_shown(value)} is not a close code number'
        raise InvalidCodeError(msg)
    if not 0 <= number <= MAX_CODE:
        msg = (
            f'{_shown(value)} is outside 0\u2013{MAX_CODE}, '
            'the values a Close frame\u2019s 16-bit status code can hold'
        )
        raise InvalidCodeError(msg)
    return number


def _shown(value: object) -> str:
    """*value* for a message: its repr, or its size for an int too long to print."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 10**20:
        return f'a number of about {int(value.bit_length() * 0.30103) + 1} digits'
    return repr(value)


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
