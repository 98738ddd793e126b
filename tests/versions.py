"""Where the supported Sphinx versions differ for the tests: one helper for each difference."""

from __future__ import annotations

import inspect
import posixpath
from typing import TYPE_CHECKING, Any

import docutils
from sphinx.util.inventory import InventoryFile

if TYPE_CHECKING:
    from pathlib import Path

    from docutils import nodes
    from sphinx.testing.util import SphinxTestApp


def load_inventory(path: Path, base: str = '') -> dict[str, dict[str, tuple[str, str]]]:
    """An ``objects.inv``: each object type, then each name, with its address and text.

    Sphinx 8.2 returns ``_Inventory`` objects whose items have ``uri`` and
    ``display_name``; 7.4 a dict of tuples.
    """
    with path.open('rb') as stream:
        inventory: Any = InventoryFile.load(stream, base, posixpath.join)
    data = inventory.data if hasattr(inventory, 'data') else inventory
    found: dict[str, dict[str, tuple[str, str]]] = {}
    for objtype, items in data.items():
        found[objtype] = {
            name: ((item.uri, item.display_name) if hasattr(item, 'uri') else (item[2], item[3]))
            for name, item in items.items()
        }
    return found


def resolved_doctree(app: SphinxTestApp, docname: str) -> nodes.document:
    """The page's doctree with its references resolved, as the builder writes it.

    Sphinx 9 deprecates leaving out the builder's tags, which 7.4 and 8 do not take.
    """
    resolve = app.env.get_and_resolve_doctree
    tags = {'tags': app.builder.tags} if 'tags' in inspect.signature(resolve).parameters else {}
    return resolve(docname, app.builder, **tags)


def forget_parser_state(app: SphinxTestApp) -> None:
    """Drop what parsing left in the current document, as Sphinx does between reads.

    Sphinx 8.2 keeps it in ``env.current_document`` (and deep-copies it when
    resolving; the parser that ``parse()`` leaves there does not copy); 7.4
    in ``env.temp_data``.
    """
    current = getattr(app.env, 'current_document', None)
    if current is not None:
        app.env.current_document = type(current)()
    else:
        app.env.temp_data.clear()


def source_lines(line: str) -> list[str]:
    """The lines Sphinx's reader makes of one line of a source file.

    docutils before 0.21 reads every file through ``str.splitlines()``, which
    also breaks at U+2028, U+2029, U+0085, ``\\x0b``, ``\\x0c`` and ``\\x1c``-``\\x1e``: in
    Markdown as in rST, the parser never sees them. From 0.21, when Sphinx gives
    the encoding, only Python's universal newlines apply (``\\r``, ``\\r\\n``).
    """
    if docutils.__version_info__ < (0, 21):
        return line.splitlines() or ['']
    return [line]
