"""The one place where supported Sphinx versions differ for this extension."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment


def current_docname(env: BuildEnvironment) -> str:
    """The name of the document being read.

    Sphinx 8.2 moved it to ``env.current_document``; 7.4 only has ``env.docname``.
    """
    current = getattr(env, 'current_document', None)
    if current is not None:
        return str(current.docname)
    return str(env.docname)
