"""The one place where supported Sphinx versions differ for this extension."""

from __future__ import annotations

from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

_BUILDERS: WeakKeyDictionary[BuildEnvironment, Builder] = WeakKeyDictionary()


def current_docname(env: BuildEnvironment) -> str:
    """The name of the document being read.

    Sphinx 8.2 moved it to ``env.current_document``; 7.4 only has ``env.docname``.
    """
    current = getattr(env, 'current_document', None)
    if current is not None:
        return str(current.docname)
    return str(env.docname)


def remember_builder(app: Sphinx) -> None:
    """``builder-inited`` handler: note the builder, for :func:`builder_of`."""
    _BUILDERS[app.env] = app.builder


def in_translation(document: nodes.document) -> bool:
    """Whether *document* is a translated message that Sphinx's i18n is parsing.

    Sphinx parses a ``.po`` entry's ``msgstr`` as a document of its own,
    named ``<page>:<line>:<translated>``, and drops it when the result is not
    what the original paragraph was (a directive's output, say).  What a
    directive registers there would be a ghost: a target that no page has.
    """
    return str(document.get('source', '')).endswith(':<translated>')


def builder_of(env: BuildEnvironment) -> Builder:
    """The builder that writes *env*'s documents, for a post-transform.

    Sphinx 9 deprecates ``SphinxTransform.app``, which 7.4 and 8 offer, and
    has no public replacement; ``builder-inited`` gives it on every version.
    """
    return _BUILDERS[env]


def config_overrides(config: Config) -> set[str]:
    """The names of the values set with ``-D`` (or ``confoverrides``).

    Sphinx 8 keeps them in ``Config._overrides``; 7.4 in ``Config.overrides``.
    """
    overrides = getattr(config, '_overrides', None)
    if overrides is None:
        overrides = getattr(config, 'overrides', {})
    return set(overrides)
