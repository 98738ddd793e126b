"""The house rules, checked: data flows one way, and the hidden protocol has names.

- No import cycle between the package's modules, counting every import: at
  module level, under ``TYPE_CHECKING``, and inside functions.
- The module that defines the domain imports no module that defines a
  directive or a role, directly or through others.
- Every warning subtype that the code raises is in ``protocol.SUBTYPES`` and
  documented in ``docs/warnings.rst``, and every documented one is raised.
- Every key the domain stores is declared in ``initial_data``.
- A project that uses nothing of ours loads only what start-up needs, and no
  named tuple it loads has string annotations (each would be compiled).
"""

from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import sphinx
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

from sphinxext_wsclose import protocol
from sphinxext_wsclose.domain import CloseCodeDomain

if TYPE_CHECKING:
    from collections.abc import Iterator

PACKAGE = Path(protocol.__file__).parent
DOCS = Path(__file__).parent.parent / 'docs'
#: The base classes that make a class a directive or a role.
_MARKUP_BASES = {'Directive', 'SphinxDirective', 'ObjectDescription', 'XRefRole', 'SphinxRole',
                 'ReferenceRole'}


def _modules() -> dict[str, ast.Module]:
    return {
        ('__init__' if path.stem == '__init__' else path.stem): ast.parse(path.read_text('utf-8'))
        for path in sorted(PACKAGE.glob('*.py'))
    }


def _imports(tree: ast.Module, known: set[str]) -> Iterator[str]:
    """The package's modules that *tree* imports, anywhere in it."""
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module is not None:
            if node.module == 'sphinxext_wsclose':
                for alias in node.names:
                    yield alias.name if alias.name in known else '__init__'
            elif node.module.startswith('sphinxext_wsclose.'):
                yield node.module.split('.')[1]
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith('sphinxext_wsclose.'):
                    yield alias.name.split('.')[1]


def import_graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: set(_imports(tree, set(modules))) - {name} for name, tree in modules.items()}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """A cycle of *graph*, as the list of its modules, or ``None``."""
    state: dict[str, int] = {}  # 1: on the path, 2: done
    path: list[str] = []

    def visit(name: str) -> list[str] | None:
        state[name] = 1
        path.append(name)
        for other in sorted(graph.get(name, ())):
            if state.get(other) == 1:
                return [*path[path.index(other):], other]
            if other not in state and (found := visit(other)) is not None:
                return found
        path.pop()
        state[name] = 2
        return None

    for name in sorted(graph):
        if name not in state and (found := visit(name)) is not None:
            return found
    return None


def test_the_cycle_finder_finds_a_type_only_cycle() -> None:
    # The check itself, on a made-up package: a import-cycle through TYPE_CHECKING.
    graph = {'domain': {'records'}, 'records': set(), 'roles': {'domain'}}
    assert find_cycle(graph) is None
    graph['domain'].add('roles')
    assert find_cycle(graph) == ['domain', 'roles', 'domain']
    tree = ast.parse('from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n'
                     '    from sphinxext_wsclose.roles import X\n'
                     'def f():\n    from sphinxext_wsclose import config\n')
    assert set(_imports(tree, {'config', 'roles'})) == {'roles', 'config'}


def test_no_import_cycle() -> None:
    assert find_cycle(import_graph()) is None


def _defines_markup(tree: ast.Module) -> bool:
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            for base in node.bases:
                name = base.value.id if isinstance(base, ast.Subscript) and isinstance(
                    base.value, ast.Name) else getattr(base, 'id', getattr(base, 'attr', ''))
                if name in _MARKUP_BASES:
                    return True
    return False


def test_the_domain_imports_no_directive_or_role() -> None:
    modules = _modules()
    markup = {name for name, tree in modules.items() if _defines_markup(tree)}
    assert {'codes', 'roles', 'table'} <= markup  # the check sees them
    graph = import_graph()
    reached: set[str] = set()
    todo = ['domain']
    while todo:
        for other in graph[todo.pop()] - reached:
            reached.add(other)
            todo.append(other)
    assert reached & markup == set()


def test_every_domain_key_is_declared() -> None:
    tree = _modules()['domain']
    written = {node.slice.value for node in ast.walk(tree)
               if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Attribute)
               and node.value.attr == 'data' and isinstance(node.slice, ast.Constant)}
    assert written <= set(CloseCodeDomain.initial_data)
    # No other module writes the domain's data behind its back.
    for name, other in _modules().items():
        if name != 'domain':
            assert not any(isinstance(node, ast.Attribute) and node.attr == 'data'
                           for node in ast.walk(other)), name


def _subtype_arguments() -> Iterator[tuple[str, ast.expr]]:
    for name, tree in _modules().items():
        for node in ast.walk(tree):
            if isinstance(node, ast.keyword) and node.arg == 'subtype':
                yield name, node.value


def test_subtypes_are_named_constants() -> None:
    literals = [(name, ast.unparse(value)) for name, value in _subtype_arguments()
                if isinstance(value, ast.Constant)]
    assert literals == []


def raised_subtypes() -> set[str]:
    """The subtypes whose constant some module other than ``protocol`` uses."""
    constants = {name: value for name, value in vars(protocol).items()
                 if isinstance(value, str) and value in protocol.SUBTYPES and name.isupper()}
    used = set()
    for module, tree in _modules().items():
        if module == 'protocol':
            continue
        used.update(constants[node.id] for node in ast.walk(tree)
                    if isinstance(node, ast.Name) and node.id in constants)
    return used


def documented_subtypes() -> set[str]:
    text = (DOCS / 'warnings.rst').read_text('utf-8')
    return set(re.findall(r'^\.\. _warning-([a-z-]+):$', text, re.MULTILINE))


def test_every_raised_subtype_is_documented_and_every_documented_one_raised() -> None:
    raised, documented = raised_subtypes(), documented_subtypes()
    assert raised == set(protocol.SUBTYPES), 'in SUBTYPES but never raised, or the reverse'
    assert documented == raised, (
        f'raised, not documented: {sorted(raised - documented)}; '
        f'documented, not raised: {sorted(documented - raised)}')


def test_folded_constant_is_what_the_table_shows(tmp_path: Path) -> None:
    # A control character in :constant: is warned about as "shown as 'TOKEN EXPIRED'";
    # the table and the inventory must show that, not the raw value.
    srcdir = tmp_path / 'src'
    srcdir.mkdir()
    (srcdir / 'conf.py').write_text(
        "extensions = ['sphinxext_wsclose']\nshow_warning_types = True\n", 'utf-8')
    (srcdir / 'index.rst').write_text(
        'Codes\n=====\n\n.. wsclose:code:: 4001 Token expired\n'
        '   :constant: TOKEN\x01EXPIRED\n\n   The token ran out.\n\n'
        '.. wsclose-table::\n   :codes: 4001\n   :columns: code, constant\n',
        'utf-8')
    app = SphinxTestApp('html', srcdir=srcdir, freshenv=True)
    try:
        app.build()
    finally:
        app.cleanup()
    assert re.sub(r'\x1b\[[0-9;]*m', '', app.warning.getvalue()).splitlines() == [
        f"{srcdir / 'index.rst'}:4: WARNING: wsclose:code 4001: the constant 'TOKEN\\x01EXPIRED' "
        "has a line break, a control character or a lone surrogate; it is shown as "
        "'TOKEN EXPIRED' [wsclose.invalid]",
    ]
    page = BeautifulSoup((app.outdir / 'index.html').read_text('utf-8'), 'html.parser')
    for label in page.select('span.wsclose-cell-label'):  # shown on narrow screens only
        label.decompose()
    cells = [td.get_text(' ', strip=True) for td in page.select('table.wsclose-table tbody td')]
    assert cells == ['4001', 'TOKEN EXPIRED']
    assert '\x01' not in page.get_text()


def test_the_sphinx_line_under_test_is_the_one_installed() -> None:
    """A tox environment tests the Sphinx line in its name (tox.ini sets it).

    An extra's dependency once upgraded Sphinx 7.4 to 8.1 in py310-sphinx74,
    silently: every test then ran on the wrong Sphinx.
    """
    line = os.environ.get('WSCLOSE_SPHINX_LINE')
    if not line:
        pytest.skip('not in a tox environment of one Sphinx line')
    assert sphinx.__version__ == line or sphinx.__version__.startswith(f'{line}.')


#: Modules that a build whose pages use nothing of ours never imports: they load
#: on the first table, own-code source, library spelling, protocol set or hint.
_LOADED_ON_USE = {'cli', 'columns', 'export', 'hints', 'iana', 'latex', 'libraries', 'sets',
                  'sources', 'table'}

_START_UP_PROBE = """
import io, json, pathlib, sys, tempfile, typing
from sphinx.application import Sphinx
src = pathlib.Path(tempfile.mkdtemp())
(src / 'conf.py').write_text("extensions = ['sphinxext_wsclose']")
(src / 'index.rst').write_text('Title\\n=====\\n\\nProse, and nothing of ours.\\n')
Sphinx(str(src), str(src), str(src / '_build'), str(src / '_doctrees'), 'html',
       status=None, warning=io.StringIO(), freshenv=True).build()
from sphinxext_wsclose.values import Record
ours = [name for name in sys.modules if name.startswith('sphinxext_wsclose.')]
classes = [(f'{name}.{key}', value) for name in ours
           for key, value in vars(sys.modules[name]).items()
           if isinstance(value, type) and value.__module__ == name]
compiled = sorted(
    {label for label, value in classes
     if (hasattr(value, '_field_defaults') and not issubclass(value, Record))
     or '__dataclass_fields__' in vars(value)})
records = sorted(label for label, value in classes if issubclass(value, Record))
print(json.dumps({'loaded': sorted(name.rpartition('.')[2] for name in ours),
                  'compiled': compiled, 'records': records}))
"""


def test_a_project_that_uses_nothing_of_ours_loads_little() -> None:
    """Start-up imports no module of a feature the pages do not use (issue 19).

    And its records are :class:`~sphinxext_wsclose.values.Record`, not
    ``typing.NamedTuple`` or dataclasses, which compile code (``eval``,
    ``exec``) as each class is made and leave about 33 objects behind for the
    garbage collector to walk.  A fresh interpreter, so that other tests'
    imports do not count.
    """
    done = subprocess.run([sys.executable, '-c', _START_UP_PROBE], capture_output=True,
                          text=True, check=True, env={**os.environ, 'PYTHONWARNINGS': 'ignore'})
    found = json.loads(done.stdout.splitlines()[-1])
    assert set(found['loaded']) & _LOADED_ON_USE == set()
    assert {'config', 'domain', 'registry', 'records', 'roles'} <= set(found['loaded'])
    assert found['compiled'] == []
    assert {'sphinxext_wsclose.records.Location', 'sphinxext_wsclose.registry.Entry'} <= set(
        found['records'])
