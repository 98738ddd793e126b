"""A chat server's WebSocket API: which handler closes with which code."""

from enum import IntEnum


class ChatClose(IntEnum):
    """Close codes of the chat service."""

    #: The access token expired; the client should refresh it and reconnect.
    TOKEN_EXPIRED = 4001

    #: The room has no free seat.
    ROOM_FULL = 4002

    #: A moderator removed the client.
    KICKED = 4003


class Room:
    """A chat room."""

    async def join(self, ws, name):
        """Join a room (Google style).

        Closes:
            ChatClose.ROOM_FULL: The room already has 100 members.
            1008: The token does not grant access to *this* room.
        """

    async def leave(self, ws):
        """Leave the room (field style).

        :closes 1000: The user left.
        :closes 4050: An undocumented private code.
        """

    async def kick(self, ws):
        """Remove a member (NumPy style).

        Closes
        ------
        ChatClose.KICKED
            A moderator removed the member.
        """


def connect(url):
    """Open a connection.

    :closes WSCloseCode.POLICY_VIOLATION: The URL carries no token.
    """
