"""Golden doctrees: what each documentation snippet parses and resolves to.

Each snippet in docs/snippets/ is built as tests/test_doc_examples.py builds
it (in the projects that tests/helpers.py writes), once in reStructuredText
and once in MyST, and the pseudo-XML of its page must equal ONE file,
``tests/golden/<stem>.xml``, shared by both syntaxes (as in sphinx-design;
MyST-Parser checks its doctrees the same way). The file
holds the doctree twice: as read (``env.get_doctree``), and after reference
resolution by the HTML builder (``env.get_and_resolve_doctree``). The TOML
and JSON data files give the same codes, so their tables share
``close-codes.xml`` likewise.

When the extension's output changes on purpose, rewrite the files with::

    .venv/bin/python -m pytest -p no:cacheprovider tests/test_golden.py --regen-golden

and review ``git diff tests/golden/``. A regeneration writes each file from
the first build of its scenario (rST, or TOML) and still compares the other
build with it, so a difference between the syntaxes never slips in unseen;
it also deletes the files of snippets that are gone.
"""

from __future__ import annotations

import difflib
from io import StringIO
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from docutils import nodes
from helpers import PAIRS, SYNTAXES, warnings, write_data_file_project, write_example_project
from sphinx import addnodes
from sphinx.testing.util import SphinxTestApp
from versions import resolved_doctree

if TYPE_CHECKING:
    from collections.abc import Callable

GOLDEN = Path(__file__).parent / 'golden'
#: Each scenario's builds, the first of which a regeneration writes.
VARIANTS: dict[str, tuple[str, ...]] = dict.fromkeys(PAIRS, SYNTAXES)
VARIANTS['close-codes'] = ('toml', 'json')
#: The classes MyST-Parser gives a field list, which rST's has not.
_MYST_FIELD_LIST = frozenset({'myst', 'field-list'})
CASES = [(stem, variant) for stem, variants in VARIANTS.items() for variant in variants]


def normalise(doctree: nodes.document, srcdir: Path) -> str:
    """The pseudo-XML of *doctree*, without what differs between parsers and machines.

    Five things change, in place (Sphinx returns a fresh copy of a doctree):

    - a ``source`` attribute names the document by its docname, not by its
      absolute path and suffix (``example``, not ``/tmp/.../example.md``);
    - a ``True`` or ``False`` attribute becomes ``1`` or ``0``, as docutils
      0.22 and later print it (0.20 and 0.21, which the Sphinx 7.4 and 8
      tests use, print ``True`` and ``False``);
    - a ``Text('\\n')`` node goes: MyST makes one of each soft line break,
      where rST keeps the line break inside the text around it, which
      pseudo-XML prints as the same lines;
    - a field list loses the classes ``myst`` and ``field-list``, which
      MyST-Parser gives every field list it parses (``:closes 1008:``);
    - a signature's parameter list loses ``multi_line_trailing_comma``,
      which Sphinx 9 sets and Sphinx 8.1 does not.

    Everything else (node types, classes, ids, names, titles, text, and every
    other attribute) is compared as Sphinx built it.
    """
    root = srcdir.resolve()
    for element in doctree.findall(nodes.Element):
        for key, value in list(element.attributes.items()):
            if isinstance(value, bool):
                element[key] = int(value)
        if 'source' in element.attributes:
            source = Path(element['source']).resolve()
            if source.is_relative_to(root):
                element['source'] = source.relative_to(root).with_suffix('').as_posix()
    for parameters in doctree.findall(addnodes.desc_parameterlist):
        parameters.attributes.pop('multi_line_trailing_comma', None)
    for field_list in doctree.findall(nodes.field_list):
        field_list['classes'] = [name for name in field_list['classes']
                                 if name not in _MYST_FIELD_LIST]
    for text in list(doctree.findall(nodes.Text)):
        if text.astext() == '\n':
            text.parent.remove(text)
    return doctree.pformat()


def _build(srcdir: Path, stem: str, variant: str) -> str:
    """Build one scenario; return the text that its golden file must hold."""
    if stem in PAIRS:
        docname = write_example_project(srcdir, stem, variant)
    else:
        docname = write_data_file_project(srcdir, variant)
    app = SphinxTestApp('html', srcdir=srcdir, freshenv=True, status=StringIO(),
                        warning=StringIO())
    try:
        app.build()
        assert warnings(app) == [], f'{stem} ({variant})'
        read = normalise(app.env.get_doctree(docname), srcdir)
        resolved = normalise(resolved_doctree(app, docname), srcdir)
    finally:
        app.cleanup()
    return (f"<!-- env.get_doctree('{docname}'): as read -->\n{read}"
            f"<!-- env.get_and_resolve_doctree('{docname}', <html builder>) -->\n{resolved}")


@pytest.fixture(scope='module')
def golden_text(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str, str], str]:
    """Build each scenario when a test first asks for it, and only once.

    A build's app is cleaned up before the next one starts: two apps alive at
    once would share docutils' global registry of roles and directives.
    """
    built: dict[tuple[str, str], str] = {}

    def get(stem: str, variant: str) -> str:
        if (stem, variant) not in built:
            srcdir = tmp_path_factory.mktemp(f'golden-{stem}-{variant}') / 'src'
            built[stem, variant] = _build(srcdir, stem, variant)
        return built[stem, variant]

    return get


@pytest.mark.parametrize(('stem', 'variant'), CASES)
def test_doctree_is_golden(
    golden_text: Callable[[str, str], str], request: pytest.FixtureRequest,
    stem: str, variant: str,
) -> None:
    path = GOLDEN / f'{stem}.xml'
    if request.config.getoption('regen_golden'):
        text = golden_text(stem, VARIANTS[stem][0])
        if not path.exists() or path.read_text(encoding='utf-8') != text:
            GOLDEN.mkdir(exist_ok=True)
            path.write_text(text, encoding='utf-8', newline='\n')
    if not path.exists():
        pytest.fail(f'{path.name} is missing; write it with --regen-golden', pytrace=False)
    expected = path.read_text(encoding='utf-8')
    actual = golden_text(stem, variant)
    if actual != expected:
        diff = ''.join(difflib.unified_diff(
            expected.splitlines(keepends=True), actual.splitlines(keepends=True),
            f'tests/golden/{path.name}', f'{stem} built from {variant}',
        ))
        pytest.fail(
            f'the {variant} build of {stem} differs from tests/golden/{path.name}; if the '
            f'change is meant, rerun with --regen-golden and review the diff:\n{diff}',
            pytrace=False,
        )


def test_every_golden_file_has_a_scenario(request: pytest.FixtureRequest) -> None:
    stale = sorted(path for path in GOLDEN.glob('*.xml') if path.stem not in VARIANTS)
    if request.config.getoption('regen_golden'):
        for path in stale:
            path.unlink()
    elif stale:
        names = ', '.join(path.name for path in stale)
        pytest.fail(f'tests/golden/ has files of no scenario ({names}): delete them, or '
                    'rerun with --regen-golden', pytrace=False)
