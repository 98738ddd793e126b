"""The Python examples of docs/ run as doctests, and the API they document exists.

Every ``>>>`` line of a page must sit in a ``pycon`` block (``.. code-block::
pycon`` in rST, a ```` ```pycon ```` fence in MyST), and each page's blocks
run in order, with :mod:`doctest`, in one namespace. A failure names the page
and the line of the example. The ``py:`` directives of docs/python-api.rst
must name objects that the package has.
"""

from __future__ import annotations

import doctest
import importlib
import io
import re
import textwrap
from pathlib import Path
from typing import NamedTuple

import pytest

DOCS = Path(__file__).parent.parent / 'docs'
#: The pages of the site (snippets and examples are not pages).
PAGES = sorted([*DOCS.glob('*.rst'), *DOCS.glob('*.md')])

_RST_BLOCK = re.compile(r'(?P<indent> *)\.\. (?:code-block|code|sourcecode)::\s*pycon\s*$')
_MYST_FENCE = re.compile(r'(?P<indent> *)(?P<fence>```+|~~~+)\s*(?:\{code-block\}\s*)?pycon\s*$')


class Block(NamedTuple):
    """One ``pycon`` block: its text, dedented, and the index of its first line in the page."""

    text: str
    start: int


def _rst_blocks(lines: list[str]) -> list[Block]:
    blocks = []
    for n, line in enumerate(lines):
        if not (match := _RST_BLOCK.match(line)):
            continue
        indent = len(match['indent'])
        end = start = n + 1
        while end < len(lines) and (
            not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > indent
        ):
            end += 1
        while start < end and (not lines[start].strip() or lines[start].lstrip().startswith(':')):
            start += 1  # the directive's options, and the blank line after them
        blocks.append(Block(textwrap.dedent('\n'.join(lines[start:end])) + '\n', start))
    return blocks


def _myst_blocks(lines: list[str]) -> list[Block]:
    blocks = []
    n = 0
    while n < len(lines):
        if match := _MYST_FENCE.match(lines[n]):
            end = n + 1
            while end < len(lines) and not lines[end].strip().startswith(match['fence']):
                end += 1
            blocks.append(Block(textwrap.dedent('\n'.join(lines[n + 1:end])) + '\n', n + 1))
            n = end
        n += 1
    return blocks


def pycon_blocks(path: Path, text: str | None = None) -> list[Block]:
    """The ``pycon`` blocks of the page at *path* (or of *text*, written as that page)."""
    lines = (path.read_text(encoding='utf-8') if text is None else text).splitlines()
    return _myst_blocks(lines) if path.suffix == '.md' else _rst_blocks(lines)


def stray_prompts(path: Path, text: str | None = None) -> list[int]:
    """The line numbers (from 1) of ``>>>`` lines outside every ``pycon`` block."""
    lines = (path.read_text(encoding='utf-8') if text is None else text).splitlines()
    covered = {block.start + n for block in pycon_blocks(path, text)
               for n in range(block.text.count('\n'))}
    return [n + 1 for n, line in enumerate(lines)
            if line.lstrip().startswith('>>>') and n not in covered]


def run_doctests(path: Path, text: str | None = None) -> tuple[doctest.TestResults, str]:
    """Run the blocks of a page in order, in one namespace; return the results and the report."""
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.REPORT_NDIFF)
    report = io.StringIO()
    globs: dict[str, object] = {'__name__': path.stem}
    failed = attempted = 0
    for block in pycon_blocks(path, text):
        test = parser.get_doctest(block.text, globs, f'{path.name}:{block.start + 1}',
                                  str(path), block.start)
        result = runner.run(test, out=report.write, clear_globs=False)
        globs = test.globs  # a DocTest runs in a copy: the next block goes on from here
        failed += result.failed
        attempted += result.attempted
    return doctest.TestResults(failed, attempted), report.getvalue()


#: The pages with Python examples (a ``>>>`` outside a block fails the test below).
EXAMPLE_PAGES = [path for path in PAGES if pycon_blocks(path)]


def test_the_api_page_has_examples() -> None:
    assert DOCS / 'python-api.rst' in EXAMPLE_PAGES


@pytest.mark.parametrize('path', PAGES, ids=lambda path: path.name)
def test_every_prompt_is_in_a_pycon_block(path: Path) -> None:
    assert stray_prompts(path) == [], f'>>> outside a pycon block in {path.name}'


@pytest.mark.parametrize('path', EXAMPLE_PAGES, ids=lambda path: path.name)
def test_python_examples_run(path: Path) -> None:
    result, report = run_doctests(path)
    assert result.attempted > 0
    assert result.failed == 0, report


# -- the runner itself catches what it should ------------------------------------

_WRONG = """\
Title
=====

.. code-block:: pycon
   :caption: an example

   >>> x = 1 + 1
   >>> x
   3

Later, in the same namespace:

.. code-block:: pycon

   >>> x
   2
   >>> print('one\\n')
   one
"""


def test_a_wrong_output_fails_with_its_line() -> None:
    page = DOCS / 'wrong.rst'
    result, report = run_doctests(page, _WRONG)
    # 3 instead of 2, and print()'s blank line that the example leaves out
    assert result == doctest.TestResults(failed=2, attempted=4)
    assert 'wrong.rst", line 8' in report
    assert 'wrong.rst", line 17' in report


def test_a_prompt_outside_a_block_is_found() -> None:
    text = 'Title\n=====\n\n::\n\n   >>> 1 + 1\n   2\n'
    assert stray_prompts(DOCS / 'loose.rst', text) == [6]


def test_myst_fences_are_read() -> None:
    text = '# Title\n\n```pycon\n>>> 1 + 1\n2\n```\n\n>>> loose\n'
    path = DOCS / 'page.md'
    assert pycon_blocks(path, text) == [Block('>>> 1 + 1\n2\n', 3)]
    assert stray_prompts(path, text) == [8]
    assert run_doctests(path, text)[0] == doctest.TestResults(failed=0, attempted=1)


# -- the objects that python-api.rst documents exist ----------------------------

_PY_DIRECTIVE = re.compile(
    r'(?P<indent> *)\.\. py:(?P<kind>module|function|data|class|exception|method|attribute)::'
    r'\s*(?P<name>[\w.]+)'
)
_MODULE_OPTION = re.compile(r' +:module: *(?P<module>[\w.]+)')


def documented_objects(path: Path) -> list[tuple[str, str]]:
    """``(module, dotted name)`` for each ``py:`` object of the page, in order."""
    lines = path.read_text(encoding='utf-8').splitlines()
    module = ''
    classes: list[tuple[int, str]] = []  # the enclosing classes, by indent
    found = []
    for n, line in enumerate(lines):
        if not (match := _PY_DIRECTIVE.match(line)):
            continue
        indent, kind, name = len(match['indent']), match['kind'], match['name']
        if kind == 'module':
            module = name
            found.append((name, ''))
            continue
        classes = [(level, cls) for level, cls in classes if level < indent]
        option = _MODULE_OPTION.match(lines[n + 1]) if n + 1 < len(lines) else None
        dotted = '.'.join([*(cls for _, cls in classes), name])
        found.append((option['module'] if option else module, dotted))
        if kind in {'class', 'exception'}:
            classes.append((indent, name))
    return found


def _has(owner: object, name: str) -> bool:
    """Whether *owner* has *name*, counting a dataclass's fields without a default."""
    return hasattr(owner, name) or name in getattr(owner, '__dataclass_fields__', {})


@pytest.mark.parametrize(
    ('module', 'dotted'), documented_objects(DOCS / 'python-api.rst'),
    ids=lambda value: value or 'module',
)
def test_documented_object_exists(module: str, dotted: str) -> None:
    owner: object = importlib.import_module(module)
    for part in dotted.split('.') if dotted else ():
        assert _has(owner, part), f'{module}.{dotted}'
        owner = getattr(owner, part, None)
