"""The close codes of a multiplayer game server: the example of docs/code-sources.rst."""

from enum import IntEnum


class GameClose(IntEnum):
    """How the game server ends a player's connection."""

    #: The match is over; the client shows the results screen.
    MATCH_OVER = 4100

    SERVER_FULL = 4101
    """Every seat on this server is taken; the client picks another server."""

    #: The client is older than the oldest version the server still supports.
    CLIENT_OUTDATED = 4102

    #: The player sent no input for longer than the server allows.
    #:
    #: :reconnect: yes
    #: :direction: server
    IDLE_TIMEOUT = 4103

    #: The server is going down for maintenance; the client tries again later.
    #:
    #: :reconnect: later
    #: :direction: server
    #: :since: 2.1
    MAINTENANCE = 4104

    #: The lobby was full; the server now says SERVER_FULL for this.
    #:
    #: :reconnect: no
    #: :deprecated: 2.0, use GameClose.SERVER_FULL
    LOBBY_FULL = 4105
