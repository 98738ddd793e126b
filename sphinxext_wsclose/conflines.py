"""Where ``conf.py`` sets each ``wsclose_*`` value: the lines that warnings point at.

Sphinx runs ``conf.py`` and keeps only the values; a warning about a bad
value should still name the line that sets it.  So the file is read again
with Python's own parser (not a pattern): assignments under ``if``, after
``;`` or in a tuple have their line too, and the last one wins, as it does
when ``conf.py`` runs.  For the ``wsclose_codes`` dict, each key has its own
line, and a key written twice (which Python silently drops) is noted.

Pure Python: this module imports nothing from Sphinx.
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import TYPE_CHECKING

from sphinxext_wsclose.values import LazyPattern

if TYPE_CHECKING:
    from collections.abc import Iterator

#: A location that ends with its line.
_LINE = LazyPattern(r':\d+$')


class ConfLines:
    """The lines of a project's ``conf.py`` that set ``wsclose_*`` values."""

    def __init__(self, confdir: str | Path | None) -> None:
        #: Each value's name, and ``'path/conf.py:LINE'`` of its last assignment.
        self.lines: dict[str, str] = {}
        #: Each key of the ``wsclose_codes`` dict, and the place of that key.
        self.items: dict[object, str] = {}
        #: Keys that the ``wsclose_codes`` dict writes twice, with the place of
        #: each one that Python drops.
        self.repeated: list[tuple[str, str]] = []
        conf_py = Path(confdir, 'conf.py') if confdir else None
        if conf_py is None or not conf_py.is_file():
            return
        try:
            tree = ast.parse(conf_py.read_bytes(), str(conf_py))
        except (SyntaxError, ValueError):  # Sphinx has run it, but be safe
            return
        for name, value, line in assignments(tree):
            self.lines[name] = f'{conf_py}:{line}'
            if name != 'wsclose_codes':
                continue
            self.items.clear()
            self.repeated.clear()
            if isinstance(value, ast.Dict):
                self._note_keys(conf_py, value)

    def _note_keys(self, conf_py: Path, value: ast.Dict) -> None:
        for key in value.keys:
            if key is None:  # ``**other``
                continue
            # The key's value, as the dict holds it: 4001 and '4001' are
            # two keys, 4001 and 4001.0 one; -5 is an expression.
            try:
                literal = ast.literal_eval(key)
                hash(literal)
            except (ValueError, TypeError, SyntaxError, RecursionError):
                continue
            if literal in self.items:
                self.repeated.append((str(literal), self.items[literal]))
            self.items[literal] = f'{conf_py}:{key.lineno}'

    def item(self, key: object) -> str | None:
        """Where conf.py sets the ``wsclose_codes`` item *key*, or its assignment."""
        try:
            return self.items.get(key, self.lines.get('wsclose_codes'))
        except TypeError:  # an unhashable key, which conf.py cannot have written
            return self.lines.get('wsclose_codes')


def assignments(tree: ast.Module) -> Iterator[tuple[str, ast.expr, int]]:
    """Every ``wsclose_*`` name that *tree* assigns, with its value and line, in order.

    ``intersphinx_mapping`` too, whose keys may clash with the names of sets.
    """
    statements = sorted(
        (node for node in ast.walk(tree) if isinstance(node, (ast.Assign, ast.AnnAssign))),
        key=lambda node: (node.lineno, node.col_offset),
    )
    for statement in statements:
        if statement.value is None:
            continue
        targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
        for target in targets:
            pairs: list[tuple[ast.expr, ast.expr]] = [(target, statement.value)]
            if isinstance(target, (ast.Tuple, ast.List)) and isinstance(
                statement.value, (ast.Tuple, ast.List)
            ) and len(target.elts) == len(statement.value.elts):
                pairs = list(zip(target.elts, statement.value.elts, strict=True))
            for name, value in pairs:
                if isinstance(name, ast.Name) and (name.id.startswith('wsclose_')
                                                   or name.id == 'intersphinx_mapping'):
                    yield name.id, value, name.lineno


def with_line(location: str | None) -> str | None:
    """A file's path with a line, which Sphinx needs in a warning's location.

    Sphinx takes a location string without ``:line`` for a document's name,
    and looks it up in an environment that does not exist yet at start-up.
    """
    if location is not None and not _LINE.search(location):
        return f'{location}:1'
    return location
