"""Every warning message, as a fixture file: tests/warning_cases/<case>.txt.

Each file is a small project (its pages, and conf.py or other files when the
case needs them), the syntaxes it is built in, and the exact warnings that
the build prints; tests/warning_cases/README.md describes the format. One
test builds each case in each of its syntaxes, and checks the warnings line
by line (file, line, message, subtype) and that the index page keeps its text,
unlinked. As in MyST-Parser's fixture files, a new case is a new file.

The cases build with the XML builder, which writes the resolved doctree of
each page: a third of the time of an HTML build, which matters at about 90
builds in the quick run (``pytest -m "not slow"``).
"""

from __future__ import annotations

import os
import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from helpers import DOCUMENTED_SUBTYPES, MYST_CONF, SUFFIX, SYNTAXES, warnings

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from sphinx.testing.util import SphinxTestApp

CASES = Path(__file__).parent / 'warning_cases'
#: conf.py when a case brings none.
DEFAULT_CONF = "extensions = ['sphinxext_wsclose']\n"
_HEADER = re.compile(r'--- (\S.*)')
_SUBTYPE = re.compile(r'\[wsclose\.([a-z-]+)\]$')


@dataclass
class Case:
    """One file of tests/warning_cases/, read."""

    name: str
    syntaxes: tuple[str, ...] = ()
    #: Every file of the project: the pages of each syntax, and the rest, by path.
    files: dict[str, str] = field(default_factory=dict)
    #: ``-D name=value``: values given on the command line, not in conf.py.
    overrides: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)

    def project(self, syntax: str) -> dict[str, str]:
        """The files of the project in *syntax*: its pages, and the files both share."""
        pages = {'.rst': 'rst', '.md': 'myst'}
        files = {name: text for name, text in self.files.items()
                 if pages.get(Path(name).suffix, syntax) == syntax}
        files.setdefault(f'index.{SUFFIX[syntax]}', '')
        conf = files.get('conf.py', DEFAULT_CONF)
        files['conf.py'] = conf + MYST_CONF if syntax == 'myst' else conf
        return files


def _sections(path: Path) -> tuple[list[str], dict[str, list[str]]]:
    """The lines before the first section, and each section's lines, without blank lines after."""
    head: list[str] = []
    sections: dict[str, list[str]] = {}
    current = head
    # Not splitlines(): a case may hold a control character, which splitlines() breaks at.
    for number, line in enumerate(path.read_text(encoding='utf-8').split('\n'), start=1):
        if header := _HEADER.fullmatch(line):
            if header[1] in sections:
                pytest.fail(f'{path.name}:{number}: a second section {header[1]!r}',
                            pytrace=False)
            current = sections[header[1]] = []
        else:
            current.append(line)
    for lines in sections.values():
        while lines and not lines[-1].strip():
            lines.pop()
    return head, sections


def read_case(path: Path) -> Case:
    """Read a case file; a malformed one fails with the reason."""
    case = Case(path.stem)
    head, sections = _sections(path)
    for line in head:
        if line.startswith('.. syntax:'):
            case.syntaxes = tuple(line.removeprefix('.. syntax:').split())
        elif line and not line.startswith('..'):
            pytest.fail(f'{path.name}: {line!r}: before the first section, only ".. " lines',
                        pytrace=False)
    if not case.syntaxes or set(case.syntaxes) - set(SYNTAXES):
        pytest.fail(f'{path.name}: ".. syntax:" names none of, or more than, rst and myst',
                    pytrace=False)
    case.warnings = sections.pop('warnings', [])
    case.text = sections.pop('text', [])
    case.overrides = dict(line.split('=', 1) for line in sections.pop('-D', []) if line)
    case.files = {name: '\n'.join(lines) + '\n' if lines else ''
                  for name, lines in sections.items()}
    return case


def _all_cases() -> list[Case]:
    return [read_case(path) for path in sorted(CASES.glob('*.txt'))]


def _relative(line: str, srcdir: Path, pages: list[str]) -> str:
    """*line* with the project's paths relative, and each page named without its suffix."""
    line = line.replace(f'{srcdir}{os.sep}', '')
    for page in pages:
        line = re.sub(rf'(?<![\w./-]){re.escape(page)}(?=:\d)', page.rsplit('.', 1)[0], line)
    return line


def _paragraphs(element: ET.Element) -> Iterator[ET.Element]:
    """The paragraphs in *element* (a page's doctree, as XML), outside tables."""
    for child in element:
        if child.tag == 'paragraph':
            yield child
        elif child.tag != 'table':
            yield from _paragraphs(child)


@pytest.fixture
def project_imports(tmp_path: Path) -> Iterator[None]:
    """Forget the modules that a case's conf.py imported from its project, and its sys.path."""
    path = sys.path[:]
    yield
    sys.path[:] = path
    for name, module in list(sys.modules.items()):
        if Path(getattr(module, '__file__', None) or '/').is_relative_to(tmp_path):
            del sys.modules[name]


@pytest.mark.usefixtures('project_imports')
@pytest.mark.parametrize(
    ('case', 'syntax'),
    [pytest.param(case, syntax, id=f'{case.name}-{syntax}')
     for case in _all_cases() for syntax in case.syntaxes],
)
def test_warning_case(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, case: Case, syntax: str
) -> None:
    srcdir = tmp_path / case.name
    files = case.project(syntax)
    for name, text in files.items():
        (srcdir / name).parent.mkdir(parents=True, exist_ok=True)
        (srcdir / name).write_text(text, encoding='utf-8')
    app = make_app('xml', srcdir=srcdir, freshenv=True,
                   confoverrides={'show_warning_types': True, **case.overrides})
    app.build()  # no exception, whatever the input
    pages = [name for name in files if name.endswith(('.rst', '.md'))]
    assert [_relative(line, srcdir, pages) for line in warnings(app)] == case.warnings
    # The text stays as written, and a mention that warns links nowhere.
    paragraphs = list(_paragraphs(ET.parse(app.outdir / 'index.xml').getroot()))
    assert [' '.join(''.join(p.itertext()).split()) for p in paragraphs] == case.text
    assert [ET.tostring(p, 'unicode') for p in paragraphs
            if p.find('.//reference') is not None] == []


def test_every_documented_subtype_has_a_case() -> None:
    shown = {match[1] for case in _all_cases() for line in case.warnings
             if (match := _SUBTYPE.search(line))}
    assert sorted(DOCUMENTED_SUBTYPES - shown) == []
    assert sorted(shown - DOCUMENTED_SUBTYPES) == []
