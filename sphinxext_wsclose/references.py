"""What happens to a mention that the domain could not resolve exactly.

Sphinx asks the domain first (:meth:`CloseCodeDomain.resolve_xref`: the exact
code), then every ``missing-reference`` handler in priority order:
intersphinx (the exact code in other projects), then :func:`resolve_fallbacks`
here (the code's range, in this project and then in other projects, then the
``wsclose_fallback`` link).  Only a reference that all of these left alone
reaches :func:`warn_missing_reference`, which words the warning.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from docutils import nodes
from sphinx.ext.intersphinx import missing_reference
from sphinx.util import logging
from sphinx.util.nodes import make_refnode

from sphinxext_wsclose._locale import __
from sphinxext_wsclose.config import settings
from sphinxext_wsclose.registry import IANA_URL, REGISTRY, InvalidCodeError, Kind
from sphinxext_wsclose.roles import invalid_message

if TYPE_CHECKING:
    from docutils.nodes import TextElement
    from sphinx.addnodes import pending_xref
    from sphinx.application import Sphinx
    from sphinx.domains import Domain
    from sphinx.environment import BuildEnvironment

    from sphinxext_wsclose.domain import CloseCodeDomain
    from sphinxext_wsclose.registry import Entry, Target

logger = logging.getLogger(__name__)

#: After intersphinx (500): its exact match comes before our range fallback.
FALLBACK_PRIORITY = 600


def _parse(env: BuildEnvironment, node: pending_xref) -> Target | None:
    if node.get('refdomain') != 'wsclose':
        return None
    try:
        return settings(env.config).registry.parse(node['reftarget'])
    except InvalidCodeError:
        return None


def fallback_url(entry: Entry, fallback: str) -> str | None:
    """Where ``wsclose_fallback`` sends a mention of *entry* that nothing documents."""
    if fallback == 'none':
        return None
    references = entry.references
    if not references:  # a project's own code: the source of its range
        references = next(
            item for item in REGISTRY.containing(entry.first) if item.is_range
        ).references
    if fallback == 'rfc':
        for reference in references:
            if reference.url.startswith('https://www.rfc-editor.org/'):
                return reference.url
    return IANA_URL


def resolve_fallbacks(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: TextElement
) -> nodes.reference | None:
    """``missing-reference`` handler: the range row, here or elsewhere, then the fallback."""
    target = _parse(env, node)
    if target is None:
        return None
    entry = target.entry
    if target.code is not None and entry.kind is Kind.RANGE:
        domain = cast('CloseCodeDomain', env.get_domain('wsclose'))
        found = domain.find(entry.key)
        if found is not None:
            _entry, where = found
            return make_refnode(
                app.builder,
                node['refdoc'],
                where.docname,
                where.node_id,
                contnode,
                entry.description,
            )
        if 'sphinx.ext.intersphinx' in app.extensions:
            retry = node.deepcopy()
            retry['reftarget'] = entry.key
            retry['refexplicit'] = True  # keep "4001 (private use)", not the range's name
            ref = missing_reference(app, env, retry, contnode)
            if ref is not None:
                return ref
    if entry.kind is Kind.UNASSIGNED and target.code is not None:
        return None  # no meaning to link to: warn_missing_reference says so
    url = fallback_url(entry, settings(env.config).fallback)
    if url is None:
        return None
    ref = nodes.reference(
        '', '', internal=False, refuri=url, reftitle=entry.description, classes=['wsclose-fallback']
    )
    ref += contnode
    return ref


def warn_missing_reference(app: Sphinx, domain: Domain | None, node: pending_xref) -> bool | None:
    """``warn-missing-reference`` handler: word the warning for our mentions."""
    if domain is None or domain.name != 'wsclose':
        return None
    raw = node['reftarget']
    try:
        target = settings(app.config).registry.parse(raw)
    except InvalidCodeError as exc:
        # A name that no wsclose:code directive defined either.
        logger.warning(invalid_message(exc), location=node, type='wsclose', subtype='invalid')
        return True
    entry = target.entry
    if entry.kind is Kind.UNASSIGNED and target.code is not None:
        logger.warning(
            __(
                'close code %s is unassigned: IANA lists %s as unassigned, '
                'and this project does not document it'
            ),
            raw,
            entry.code_text,
            location=node,
            type='wsclose',
            subtype='unassigned',
        )
    else:
        logger.warning(
            __(
                'no wsclose-table documents close code %s (%s), and wsclose_fallback is '
                "'none': add a wsclose-table or link to one through intersphinx"
            ),
            raw,
            entry.name,
            location=node,
            type='wsclose',
            subtype='missing',
        )
    return True
