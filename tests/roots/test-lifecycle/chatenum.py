"""A chat protocol whose codes say when they came and went."""

from enum import IntEnum


class ChatClose(IntEnum):
    """The chat service's codes, with their versions and reconnect advice."""

    #: The access token expired.
    #:
    #: :reconnect: yes
    #: :direction: server
    TOKEN_EXPIRED = 4001

    ROOM_FULL = 4002
    """The room is full.

    :since: 2.1
    :deprecated: 3.0, use ChatClose.ROOM_GONE
    """

    #: The room is gone.
    #:
    #: :since: 3.0
    #: :reconnect: no
    #: :direction: server
    ROOM_GONE = 4003
