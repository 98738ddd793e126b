"""Enums and objects that wsclose_codes cannot take whole."""

from enum import Enum, IntEnum


class Placed(IntEnum):
    #: A good code.
    GOOD = 4001
    #: Below every range.
    TOO_LOW = 999
    #: Registered already.
    POLICY = 1008
    #: Another name for GOOD.
    ALSO_GOOD = 4001


class Named(Enum):
    #: A good code.
    GOOD = 4001
    #: Not a number at all.
    WORD = 'four thousand'


NOT_CODES = ['4001']
CODES = {4001: 'Good', 'x': 'Bad key'}


Functional = IntEnum('Functional', {'GOOD': 4001, 'LOW': 999})


class Empty(IntEnum):
    """No member at all."""


class Outer:
    class Inner(IntEnum):
        #: A good code.
        GOOD = 4001
