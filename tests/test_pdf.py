"""A real PDF: the table breaks across pages, repeats its header, and escapes user text.

Needs latexmk, pdflatex with the packages Sphinx's LaTeX loads, and pdftotext;
``.ci/apt-latex.sh`` installs them on Debian.  Without them the test is
skipped, except under CI (the ``CI`` environment variable), where it fails.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from typing import TYPE_CHECKING

import pytest
from helpers import warnings

from sphinxext_wsclose.bundled import REGISTRY

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp

# LaTeX and latexmk, when they are installed.
pytestmark = pytest.mark.slow

TOOLS = ('latexmk', 'pdflatex', 'pdftotext')
TIMEOUT = 300  # seconds, for each command
#: The custom code's name and description in tests/roots/test-pdf/conf.py.
NAME = r'Token \input{/etc/passwd} $5 & 100% off'
DESCRIPTION = r'\input{/etc/passwd} $ % & _ # { } ~ ^'
HEADER = re.compile(r'^\s*Code\s+Name\s+Description\s+Reference\s+Constant\s*$', re.MULTILINE)


def _require_tools() -> None:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if not missing:
        return
    message = (
        f'the PDF test needs {", ".join(missing)}, which {"is" if len(missing) == 1 else "are"} '
        'not installed; run .ci/apt-latex.sh (Debian: latexmk, texlive-latex-recommended, '
        'texlive-latex-extra, texlive-fonts-recommended, tex-gyre, poppler-utils)'
    )
    # .ci/run names what it could not install; then a skip is honest.
    if os.environ.get('CI') and 'latex' not in os.environ.get('WSCLOSE_CANNOT_INSTALL', ''):
        pytest.fail(f'CI is set, so this is a failure: {message}', pytrace=False)
    pytest.skip(f'NOT TESTED: {message}')


def _run(*command: str | Path, cwd: Path) -> str:
    result = subprocess.run(
        [str(part) for part in command],
        cwd=cwd, capture_output=True, encoding='utf-8', errors='replace', timeout=TIMEOUT,
        check=False,
    )
    assert result.returncode == 0, (
        f'{command[0]} failed with exit code {result.returncode}:\n'
        f'{result.stdout[-4000:]}\n{result.stderr[-4000:]}'
    )
    return result.stdout


def _pages(pdf: Path) -> list[str]:
    """The text of each page, laid out as printed."""
    count = _run('pdftotext', '-layout', pdf, '-', cwd=pdf.parent).rstrip('\f').count('\f') + 1
    return [
        _run('pdftotext', '-layout', '-f', str(n), '-l', str(n), pdf, '-', cwd=pdf.parent)
        for n in range(1, count + 1)
    ]


def test_pdf(build: Callable[..., SphinxTestApp]) -> None:
    _require_tools()
    app = build('pdf', buildername='latex')
    assert warnings(app) == []
    tex = (app.outdir / 'pdf.tex').read_text(encoding='utf-8')
    _check_latex(tex)
    _run('latexmk', '-pdf', '-interaction=nonstopmode', '-halt-on-error', 'pdf.tex',
         cwd=app.outdir)
    pages = _pages(app.outdir / 'pdf.pdf')
    _check_table_pages(pages)
    _check_special_characters(pages)


def _check_latex(tex: str) -> None:
    # A long table, with a header for its first page and one repeated on the others.
    assert tex.count(r'\begin{longtable}') == 1
    assert tex.index(r'\endfirsthead') < tex.index(r'\endhead')
    # User text is escaped: no command of its own survives.
    assert r'\input{/etc/passwd}' not in tex
    assert (
        r'\textbackslash{}input\{/etc/passwd\} \$ \% \& \_ \# \{ \} '
        r'\textasciitilde{} \textasciicircum{}'
    ) in tex
    assert r'Token \textbackslash{}input\{/etc/passwd\} \$5 \& 100\% off' in tex


def _check_table_pages(pages: list[str]) -> None:
    with_header = [n for n, text in enumerate(pages, start=1) if HEADER.search(text)]
    # The header is on the table's first page and on every page it continues to.
    assert len(with_header) >= 2, with_header
    assert with_header == list(range(with_header[0], with_header[-1] + 1))
    for n in with_header[1:]:
        assert 'continued from previous page' in pages[n - 1]
    table = '\n'.join(pages[n - 1] for n in with_header)
    # Every row starts a line with its code: the bundled registry and the project's 4001.
    missing = [
        entry.code_text for entry in REGISTRY
        if not re.search(rf'^\s*{re.escape(entry.code_text)}(?![0-9])', table, re.MULTILINE)
    ]
    assert missing == []
    assert re.search(r'^\s*4001\s+Token', table, re.MULTILINE)


def _check_special_characters(pages: list[str]) -> None:
    text = '\n'.join(pages)
    # In the table cell, and in the mention.
    assert DESCRIPTION in text
    assert f'4001 {NAME}' in text
    # \input was printed, never run.
    assert 'root:' not in text
