"""The documentation site builds with -nW --keep-going, as the README says."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.cmd.build import build_main

# The whole documentation site.
pytestmark = pytest.mark.slow

DOCS = Path(__file__).parent.parent / 'docs'


def test_docs_build_strictly(tmp_path: Path) -> None:
    outdir = tmp_path / 'html'
    doctrees = tmp_path / 'doctrees'
    status = build_main(
        ['-nW', '--keep-going', '-q', '-b', 'html', '-d', str(doctrees), str(DOCS), str(outdir)]
    )
    assert status == 0

    page_html = (outdir / 'reference.html').read_text(encoding='utf-8')
    reference = BeautifulSoup(page_html, 'html.parser')
    assert reference.find('tr', id='wsclose-1008') is not None
    for page in ('index', 'mentions', 'get-started'):
        soup = BeautifulSoup((outdir / f'{page}.html').read_text(encoding='utf-8'), 'html.parser')
        hrefs = [a['href'] for a in soup.select('a.reference.internal') if 'wsclose' in a['href']]
        assert 'reference.html#wsclose-1008' in hrefs, page
