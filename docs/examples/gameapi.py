"""The game server's connection API: the example of docs/closes.rst.

Each docstring says with which close codes the call ends the player's
connection, in one of the three styles the extension reads: the
``:closes CODE:`` field, napoleon's Google-style ``Closes:`` section, and
its NumPy-style ``Closes`` section.
"""

from __future__ import annotations


async def connect(url: str, token: str) -> None:
    """Open the player's connection to the game server at *url*.

    :param url: The server's ``wss://`` address.
    :param token: The player's session token.
    :closes 1008: The token is missing, expired or forged.
    :closes GameClose.CLIENT_OUTDATED: The client is older than the oldest
        version the server still supports.
    """


class Room:
    """A room of the game server, where one match is played."""

    async def join(self, player: str) -> None:
        """Seat *player* in this room.

        Args:
            player: The name of the player who asked for a seat.

        Closes:
            GameClose.SERVER_FULL: Every seat in the room is taken.
            POLICY_VIOLATION: The player is banned from this room.
        """

    async def leave(self, player: str) -> None:
        """Give *player*'s seat back, and close their connection.

        Parameters
        ----------
        player
            The name of the player who leaves.

        Closes
        ------
        GameClose.MATCH_OVER
            The match ended while the player was seated.
        1000
            The player left of their own accord.
        """
