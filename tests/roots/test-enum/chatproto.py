"""The chat protocol: the close codes a chat server sends."""

from enum import IntEnum


class ChatClose(IntEnum):
    """Close codes of the chat protocol, in the private-use range."""

    #: The access token expired; the client should refresh it and reconnect.
    TOKEN_EXPIRED = 4001

    ROOM_FULL = 4002
    """The room has no free seat.

    A second paragraph, which is not part of the description.
    """

    KICKED = 4003

    #: No message arrived in time.
    TIMEOUT = 4008

    #: An older name of ROOM_FULL.
    NO_SEAT = 4002

    #: The chat session ended as planned: a registered code, which keeps its meaning.
    NORMAL = 1000


ChatClose.KICKED.__doc__ = 'A moderator removed the client from the room.'
