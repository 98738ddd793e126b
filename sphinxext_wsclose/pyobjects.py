"""The table and the Python objects that define a project's codes, linked both ways.

When ``wsclose_codes`` names an enum (``'chatproto:ChatClose'``) and autodoc
documents it too, each member becomes a ``py:attribute`` such as
``chatproto.ChatClose.TOKEN_EXPIRED``:

* the row's constant cell links to that entry (:class:`ConstantLinks`), once
  every page is read and only where the Python domain has the object;
* the member's entry says which close code it is, with a mention that links
  to the code's row (:func:`add_code_mention`).

Without autodoc (or any ``py:attribute`` of that name), nothing changes and
nothing is warned about.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any, cast

from docutils import nodes
from sphinx import addnodes
from sphinx.errors import NoUri
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.nodes import make_refnode

from sphinxext_wsclose._compat import builder_of, current_docname
from sphinxext_wsclose._locale import _
from sphinxext_wsclose.closes import closed_by_line
from sphinxext_wsclose.config import settings
from sphinxext_wsclose.protocol import CONSTANT_LINKS, PYTHON_NAMES
from sphinxext_wsclose.records import Reading
from sphinxext_wsclose.roles import depends_on, make_mention

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.domains.python import PythonDomain

    from sphinxext_wsclose.domain import CloseCodeDomain
    from sphinxext_wsclose.registry import Entry, Registry

#: What autodoc and ``py:`` directives call an enum member.
_MEMBER_TYPES = frozenset({'attribute', 'data', 'property'})


def python_names(entry: Entry) -> tuple[str, ...]:
    """The dotted names under which the Python domain may document *entry*."""
    if entry.python is None:
        return ()
    return tuple(dict.fromkeys((entry.python, *entry.qualified)))


@lru_cache(maxsize=8)
def _by_python_name(registry: Registry) -> dict[str, Entry]:
    return {name: entry for entry in registry for name in python_names(entry)}


class ConstantLinks(SphinxPostTransform):
    """Link the constant cell of each own code to its Python entry, where there is one."""

    default_priority = CONSTANT_LINKS

    def run(self, **kwargs: Any) -> None:
        if not _by_python_name(settings(self.config).registry):
            return  # no code of this project comes from a Python object
        docname = current_docname(self.env)
        domain = cast('CloseCodeDomain', self.env.get_domain('wsclose'))
        if not domain.holds_markup(docname, {'table'}):
            return
        cells = [node for node in self.document.findall(nodes.Element)
                 if PYTHON_NAMES in node.attributes]
        if not cells:
            return
        python = cast('PythonDomain', self.env.get_domain('py'))
        builder = builder_of(self.env)
        for literal in cells:
            names = literal.attributes.pop(PYTHON_NAMES)
            found = next((python.objects[name] for name in names if name in python.objects), None)
            if found is None:
                if isinstance(literal, nodes.inline):  # a name: plain again
                    literal.replace_self(literal.children)
                continue
            try:
                ref = make_refnode(builder, docname, found.docname, found.node_id,
                                   literal.deepcopy(), names[0])
            except NoUri:  # a page this builder leaves out
                continue
            literal.replace_self(ref)


def add_code_mention(
    app: Sphinx, domain: str, objtype: str, content: addnodes.desc_content
) -> None:
    """``object-description-transform`` handler: "Close code: 4001 Token expired".

    Added at the end of the entry of a Python object that defines one of the
    project's codes, as a mention that links to the code's row.
    """
    if domain != 'py' or objtype not in _MEMBER_TYPES:
        return
    project = settings(app.config)
    by_name = _by_python_name(project.registry)
    if not by_name:
        return
    description = content.parent
    for signature in description.findall(addnodes.desc_signature):
        module, fullname = signature.get('module'), signature.get('fullname')
        name = f'{module}.{fullname}' if module else str(fullname)
        entry = by_name.get(name)
        if entry is None:
            continue
        target = project.registry.parse(entry.key)
        text = entry.format(project.role_format)
        reading = Reading(target.key, target.entry.key, target.code)
        mention = make_mention(app.env, entry.key, reading, [nodes.Text(text)],
                               depends_on(project.registry, target), final=False)
        mention.source, mention.line = signature.source, signature.line
        paragraph = nodes.paragraph('', '', classes=['wsclose-python'])
        paragraph += nodes.Text(_('WebSocket close code: '))
        paragraph += mention
        content += paragraph
        content += closed_by_line(app.env, entry.key)
        return
