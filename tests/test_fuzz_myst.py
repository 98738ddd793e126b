"""Fuzzing the role in MyST, through real builds: the rule of test_fuzz.py's test_role_target.

A module of its own: Sphinx registers roles and directives in docutils'
global tables, so two test apps alive at once (test_fuzz.py keeps one for
its module) would share them.  Each example is a page of up to 40 mentions,
one a list item, rebuilt incrementally; 300 examples take about 20 seconds.
"""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from helpers import FUZZ, ROLE_TEXT, built_app, copy_root, expected_subtype, warnings
from hypothesis import given, settings
from hypothesis import strategies as st
from sphinx.util.docutils import ReferenceRole

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sphinx.testing.util import SphinxTestApp

# Hundreds of real builds: left out by -m "not slow".
pytestmark = pytest.mark.slow


@pytest.fixture(scope='module')
def myst_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SphinxTestApp]:
    """The fuzz project in MyST: a page of mentions, rebuilt for each example."""
    srcdir = tmp_path_factory.mktemp('fuzz-myst') / 'src'
    copy_root('fuzz', srcdir)
    conf = srcdir / 'conf.py'
    # Without smart quotes, which Sphinx applies to every text, '"' stays '"'.
    conf.write_text(conf.read_text().replace("['sphinxext_wsclose']",
                                             "['myst_parser', 'sphinxext_wsclose']")
                    + 'smartquotes = False\n')
    (srcdir / 'fuzz.md').write_text('# Fuzz\n')
    index = srcdir / 'index.rst'
    index.write_text(index.read_text() + '   fuzz\n')
    yield from built_app(srcdir)


@settings(FUZZ, max_examples=300)
@given(texts=st.lists(ROLE_TEXT, min_size=1, max_size=40))
def test_role_targets_in_myst(myst_app: SphinxTestApp, texts: list[str]) -> None:
    """The same rule in MyST, through real (incremental) builds: one list item a target."""
    page = myst_app.srcdir / 'fuzz.md'
    page.write_text('# Fuzz\n\n' + ''.join(f'* {{wsclose}}`{text}`\n' for text in texts),
                    encoding='utf-8')
    later = page.stat().st_mtime + 10
    os.utime(page, (later, later))
    myst_app.warning.seek(0)
    myst_app.warning.truncate(0)
    myst_app.build()
    expected = []
    for line, text in enumerate(texts, start=3):
        if text.startswith('!'):
            continue
        matched = ReferenceRole.explicit_title_re.match(text)
        subtype = expected_subtype(matched[2] if matched else text)
        if subtype is not None:
            expected.append((line, subtype))
    found = []
    for warning in warnings(myst_app):
        match = re.fullmatch(rf'{re.escape(str(page))}:(\d+): (?:WARNING|ERROR): .+ '
                             r'\[wsclose\.([a-z-]+)\]', warning)
        assert match is not None, warning
        found.append((int(match[1]), match[2]))
    assert sorted(found) == sorted(expected), texts
    # Nothing the user wrote is lost: each item keeps its text, linked or not.
    body = BeautifulSoup((myst_app.outdir / 'fuzz.html').read_text(encoding='utf-8'),
                         'html.parser').select('div.body li')
    assert len(body) == len(texts)
    for item, text in zip(body, texts, strict=True):
        matched = ReferenceRole.explicit_title_re.match(text)
        if matched or text.startswith('!'):
            continue
        if expected_subtype(text) is not None:
            assert item.get_text() == text.strip(), (item, text)
