"""The ``:wsclose:`` role (``{wsclose}`` in MyST): a mention of a close code.

The role reads its target against the registry while the page is parsed.  A
valid target becomes a ``pending_xref`` that the ``wsclose`` domain resolves
once every page is read; a target that can never be valid is warned about
here, and its text is kept as written, unlinked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.roles import XRefRole
from sphinx.util import logging

from sphinxext_wsclose._compat import current_docname
from sphinxext_wsclose._locale import __
from sphinxext_wsclose.registry import REGISTRY, InvalidCodeError, Kind

if TYPE_CHECKING:
    from docutils.nodes import Node, system_message

logger = logging.getLogger(__name__)

#: Registry ranges outside these bounds have no meaning to link to.
REGISTRY_SPAN = range(1000, 5000)


class CloseCodeRole(XRefRole):
    """Link a close code, a code name or a range to its table row.

    Accepts ``1008``, ``POLICY_VIOLATION``, ``policy violation``,
    ``CLOSE_NORMAL``, ``4001`` (inside the private-use range) and
    ``4000-4999``, with an optional explicit title: ``text <1008>``.
    """

    innernodeclass = nodes.inline

    def __init__(self) -> None:
        super().__init__(warn_dangling=True)

    def run(self) -> tuple[list[Node], list[system_message]]:
        # Registered as ``wsclose`` and as ``wsclose:code``: both are one type.
        self.refdomain, self.reftype = 'wsclose', 'code'
        self.classes = ['xref', 'wsclose', 'wsclose-code']
        if self.disabled:
            return self.create_non_xref_node()
        return self.create_xref_node()

    def create_xref_node(self) -> tuple[list[Node], list[system_message]]:
        try:
            target = REGISTRY.parse(self.target)
        except InvalidCodeError as exc:
            return self._reject(
                __('%s; use a code such as 1008, a name such as POLICY_VIOLATION, '
                   'or a range such as 4000-4999') % exc,
                'invalid',
            )
        entry = target.entry
        outside = entry.first not in REGISTRY_SPAN or entry.last not in REGISTRY_SPAN
        if outside and target.code is not None:
            return self._reject(
                __('close code %s is in %s, which no WebSocket range defines; '
                   'close codes run from 1000 to 4999') % (target.key, entry.code_text),
                'unused',
            )
        # An unassigned code stays a reference: the project, or a project
        # that intersphinx reaches, may document it.  If nothing does,
        # ``warn_missing_reference`` says it is unassigned.
        unassigned = entry.kind is Kind.UNASSIGNED and target.code is not None
        keep_title = self.has_explicit_title or unassigned
        text = self.title if keep_title else target.text
        refnode = self.nodeclass(
            self.rawtext,
            refdoc=current_docname(self.env),
            refdomain=self.refdomain,
            reftype=self.reftype,
            refexplicit=self.has_explicit_title,
            refwarn=self.warn_dangling,
            reftarget=target.key,
        )
        self.set_source_info(refnode)
        refnode += self.innernodeclass(self.rawtext, text, classes=self.classes)
        return [refnode], []

    def _reject(self, message: str, subtype: str) -> tuple[list[Node], list[system_message]]:
        """Warn, and keep the text as the user wrote it, without a link."""
        node = nodes.inline(self.rawtext, self.title, classes=[*self.classes, 'wsclose-invalid'])
        self.set_source_info(node)
        logger.warning(message, location=node, type='wsclose', subtype=subtype)
        return [node], []

