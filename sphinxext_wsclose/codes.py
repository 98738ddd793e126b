"""The ``wsclose:code`` directive: a project documents a close code of its own.

``.. wsclose:code:: 4001 Token expired`` renders as an object description
with its own anchor (``wsclose-4001``); its body is parsed as normal content,
in reStructuredText or MyST.  The code then feeds the role, tables,
``objects.inv`` and the indices, like a code from ``wsclose_codes``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.directives import ObjectDescription
from sphinx.util import logging
from sphinx.util.nodes import make_id

from sphinxext_wsclose._compat import current_docname, in_translation
from sphinxext_wsclose._locale import __
from sphinxext_wsclose.closes import closed_by_line
from sphinxext_wsclose.config import check_placement, settings
from sphinxext_wsclose.indexing import index_entry
from sphinxext_wsclose.protocol import (
    INVALID,
    SIGNATURE_NAME,
    WARNING_TYPE,
)
from sphinxext_wsclose.records import Definition
from sphinxext_wsclose.values import (
    CONTROL,
    InvalidCodeError,
    LazyPattern,
    fold_controls,
    parse_int,
)

if TYPE_CHECKING:
    from sphinx.addnodes import desc_signature
    from sphinx.util.typing import OptionSpec

    from sphinxext_wsclose.domain import CloseCodeDomain

logger = logging.getLogger(__name__)

_SIGNATURE = LazyPattern(r'\s*(\S+)(?:\s+(.*\S))?\s*')


class CloseCodeDirective(ObjectDescription[int]):
    """Describe one of the project's own close codes: ``4001 Token expired``."""

    # Without an argument, the body still renders, with a located warning
    # (docutils would drop it with an error of its own).
    required_arguments = 0
    optional_arguments = 1

    def get_signatures(self) -> list[str]:
        return super().get_signatures() if self.arguments else ['']

    option_spec: ClassVar[OptionSpec] = {
        **ObjectDescription.option_spec,
        'constant': directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        if in_translation(self.state.document):
            return []  # in a .po entry: Sphinx keeps no directive's output there
        domain = cast('CloseCodeDomain', self.env.get_domain('wsclose'))
        domain.note_markup(current_docname(self.env), 'code')
        #: (code, node id, name, constant) of each signature, as shown.
        self._registrations: list[tuple[int, str, str, str]] = []
        #: The constant of each code, as its signature shows it.
        self._constants: dict[int, str] = {}
        return super().run()

    def handle_signature(self, sig: str, signode: desc_signature) -> int:
        match = _SIGNATURE.fullmatch(sig)
        if match is None or not match[2]:
            logger.warning(
                __('%r: a wsclose:code needs a code and a name, as in "4001 Token expired"'),
                sig, location=signode, type=WARNING_TYPE, subtype=INVALID,
            )
            raise ValueError(sig)
        try:
            code = parse_int(match[1])
        except InvalidCodeError as exc:
            logger.warning(
                __('%s; a wsclose:code starts with a code number, as in "4001 Token expired"'),
                exc, location=signode, type=WARNING_TYPE, subtype=INVALID,
            )
            raise ValueError(sig) from exc
        if not check_placement(code, signode):
            raise ValueError(sig)
        name = self._folded('name', match[2], code, signode)
        signode['fullname'] = f'{code} {name}'
        signode[SIGNATURE_NAME] = name
        signode += addnodes.desc_name(str(code), str(code))
        signode += addnodes.desc_sig_space()
        signode += nodes.inline(name, name, classes=['wsclose-code-name'])
        constant = self._folded('constant', self.options.get('constant', '').strip(), code,
                                signode)
        if constant:
            signode += addnodes.desc_sig_space()
            signode += addnodes.desc_annotation(constant, f'({constant})')
        self._constants[code] = constant
        return code

    @staticmethod
    def _folded(what: str, value: str, code: int, signode: desc_signature) -> str:
        """*value* without control characters, which must not reach ``objects.inv``.

        docutils' own escape mark (NUL, where rST had a backslash) goes first,
        as it does from every page docutils writes.
        """
        value = nodes.unescape(value)
        if not CONTROL.search(value):
            return value
        folded = fold_controls(value)
        logger.warning(
            __('wsclose:code %d: the %s %r has a line break, a control character or a lone '
               'surrogate; it is shown as %r'),
            code, what, value, folded, location=signode, type=WARNING_TYPE, subtype=INVALID,
        )
        return folded

    def add_target_and_index(self, name: int, sig: str, signode: desc_signature) -> None:
        node_id = make_id(self.env, self.state.document, 'wsclose', str(name))
        signode['ids'].append(node_id)
        self.state.document.note_explicit_target(signode)
        self._registrations.append(
            (name, node_id, str(signode[SIGNATURE_NAME]), self._constants.get(name, '')))
        if 'no-index-entry' not in self.options and settings(self.config).index_entries:
            self.indexnode['entries'].append(index_entry(signode['fullname'], node_id))

    def transform_content(self, content_node: addnodes.desc_content) -> None:
        """Register the code, with the body's first paragraph as its description."""
        paragraph = next(iter(content_node.findall(nodes.paragraph)), None)
        description = ' '.join(paragraph.astext().split()) if paragraph is not None else ''
        domain = cast('CloseCodeDomain', self.env.get_domain('wsclose'))
        docname = current_docname(self.env)
        # The name and constant as the signature shows them: folded, if the
        # user's had control characters (the warning says so).
        for code, node_id, name, constant in self._registrations:
            definition = Definition(docname, self.lineno, name, description or name, constant)
            domain.note_definition(code, docname, self.lineno, node_id, definition)
            # "Closed by: ...", once every page is read.
            content_node += closed_by_line(self.env, str(code))

    def _object_hierarchy_parts(self, sig_node: desc_signature) -> tuple[str, ...]:
        return (str(sig_node['fullname']),) if 'fullname' in sig_node else ()

    def _toc_entry_name(self, sig_node: desc_signature) -> str:
        return str(sig_node['fullname']) if 'fullname' in sig_node else ''
