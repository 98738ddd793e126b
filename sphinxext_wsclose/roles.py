"""The ``:wsclose:`` role (``{wsclose}`` in MyST): a mention of a close code.

The role reads its target against the project's registry (the bundled one
plus ``wsclose_codes``) while the page is parsed.  A target that can be
linked becomes a ``pending_xref`` that is resolved once every page is read; a
target that can never be valid is warned about here, and its text is kept as
written, unlinked.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.roles import XRefRole
from sphinx.util import logging

from sphinxext_wsclose._compat import current_docname
from sphinxext_wsclose._locale import _, __
from sphinxext_wsclose.config import settings
from sphinxext_wsclose.registry import InvalidCodeError, Kind

if TYPE_CHECKING:
    from docutils.nodes import Node, system_message

logger = logging.getLogger(__name__)

#: Registry ranges outside these bounds have no meaning to link to.
REGISTRY_SPAN = range(1000, 5000)
_NUMERIC = re.compile(r'\s*[+-]?[0-9]')


def invalid_message(error: InvalidCodeError) -> str:
    """The ``wsclose.invalid`` warning for a target that is no code at all."""
    return __('%s; use a code such as 1008, a name such as POLICY_VIOLATION, '
              'or a range such as 4000-4999') % error


class CloseCodeRole(XRefRole):
    """Link a close code, a code name or a range to its entry.

    Accepts ``1008``, ``POLICY_VIOLATION``, ``policy violation``,
    ``CLOSE_NORMAL``, ``4001`` (inside the private-use range) and
    ``4000-4999``, with an optional explicit title: ``text <1008>``.

    ``refexplicit`` is set when the link text is final: when the user gave a
    title, or when the text comes from a code this project knows.  Otherwise
    (a code inside a range, or a name only a ``wsclose:code`` directive may
    define) whoever resolves the reference may supply the code's name.
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
        project = settings(self.config)
        try:
            target = project.registry.parse(self.target)
        except InvalidCodeError as exc:
            if _NUMERIC.match(self.target):
                return self._reject(invalid_message(exc), 'invalid')
            # A name that only a ``wsclose:code`` directive on some page may
            # define: resolved, or warned about, once every page is read.
            return self._reference(self.target.strip(), self.title, final=self.has_explicit_title)
        entry = target.entry
        outside = entry.first not in REGISTRY_SPAN or entry.last not in REGISTRY_SPAN
        if outside and target.code is not None:
            return self._reject(
                __('close code %s is in %s, which no WebSocket range defines; '
                   'close codes run from 1000 to 4999') % (target.key, entry.code_text),
                'unused',
            )
        if target.code is None:
            text = entry.display if entry.is_range else entry.format(project.role_format)
            # A project's own code may also have a wsclose:code description,
            # which then gives the name: leave the text open for it.
            final = entry.kind is not Kind.CUSTOM
        elif entry.kind is Kind.UNASSIGNED:
            # Unassigned, unless a page here or in a project that intersphinx
            # reaches documents it; ``references`` warns if nothing does.
            text, final = self.title, False
        else:
            # ``target.text``, with the range's label translated: "4001 (private use)".
            text, final = f'{target.code} ({_(entry.label)})', False
        if self.has_explicit_title:
            text, final = self.title, True
        return self._reference(target.key, text, final=final)

    def _reference(
        self, target: str, text: str, *, final: bool
    ) -> tuple[list[Node], list[system_message]]:
        refnode = self.nodeclass(
            self.rawtext,
            refdoc=current_docname(self.env),
            refdomain=self.refdomain,
            reftype=self.reftype,
            refexplicit=final,
            refwarn=self.warn_dangling,
            reftarget=target,
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
