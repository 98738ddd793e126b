"""A mapping imported from another module."""

from badcodes_enum import CODES

__all__ = ["CODES"]
