"""Property tests of the code sources through real builds (issue 17): any JSON data file,
any enum, read by a real Sphinx build in rST and MyST.

For every generated file or enum: the build ends (no exception), every valid own code has its
row with its name as text (escaped), and every item that is not one has at least one located
``wsclose.*`` warning at the file's place.  Slow: one Sphinx build an example.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from helpers import FUZZ, MYST_CONF
from hypothesis import given, settings
from hypothesis import strategies as st
from sphinx.testing.util import SphinxTestApp

from sphinxext_wsclose.bundled import REGISTRY
from sphinxext_wsclose.registry import Kind
from sphinxext_wsclose.values import fold_controls

if TYPE_CHECKING:
    from io import StringIO

pytestmark = pytest.mark.slow

#: Numbers that are a project's own code (private use, not registered).
OWN = st.integers(4000, 4999)
#: Keys of a data file: own codes mostly, and anything else.
KEYS = st.one_of(OWN.map(str), st.integers(-5, 70_000).map(str), st.text(max_size=6))
#: A name: text of any kind, markup and script included.
NAMES = st.one_of(st.text(max_size=12), st.sampled_from(
    ['<script>alert(1)</script>', '"quoted"', '\\input{x}', '\ud800', 'a\nb', '']))
VALUES = st.one_of(NAMES, st.dictionaries(
    st.sampled_from(['name', 'description', 'constant', 'reconnect', 'since', 'colour']),
    st.one_of(NAMES, st.integers()), max_size=3), st.integers(), st.none())


def _build(files: dict[str, str], syntax: str) -> tuple[SphinxTestApp, str]:
    srcdir = Path(tempfile.mkdtemp(prefix='wsclose-fuzz-src-'))
    conf = "extensions = ['sphinxext_wsclose']\nshow_warning_types = True\n"
    conf += "wsclose_codes = 'codes.json'\n"
    if syntax == 'myst':
        conf += MYST_CONF
    (srcdir / 'conf.py').write_text(conf, encoding='utf-8')
    page = ('Codes\n=====\n\n.. wsclose-table::\n   :codes: 4000-4999\n   :custom: only\n'
            if syntax == 'rst' else
            '# Codes\n\n```{wsclose-table}\n:codes: 4000-4999\n:custom: only\n```\n')
    (srcdir / f'index.{"rst" if syntax == "rst" else "md"}').write_text(page, encoding='utf-8')
    for name, text in files.items():
        (srcdir / name).write_text(text, encoding='utf-8', errors='surrogatepass')
    app = SphinxTestApp('html', srcdir=srcdir, freshenv=True)
    try:
        app.build()
    finally:
        app.cleanup()
    warning: StringIO = app.warning  # type: ignore[assignment]
    return app, warning.getvalue()


def _own_name(value: object) -> str | None:
    """The name an item gives its code, if the item is valid (see docs/code-sources.rst)."""
    if isinstance(value, str):
        return fold_controls(value) or None
    if isinstance(value, dict):
        if set(value) - {'name', 'description', 'constant', 'reconnect', 'since'}:
            return None
        if any(not isinstance(v, str) for k, v in value.items() if k in {'name', 'description',
                                                                           'constant'}):
            return None
        return fold_controls(str(value.get('name') or '')) or (
            fold_controls(str(value.get('constant') or '')) or None)
    return None


@settings(FUZZ, max_examples=min(40, settings.default.max_examples))
@given(data=st.dictionaries(KEYS, VALUES, max_size=6), syntax=st.sampled_from(['rst', 'myst']))
def test_any_data_file_builds_and_warns_at_its_place(data: dict[str, object],
                                                     syntax: str) -> None:
    text = json.dumps(data, ensure_ascii=True)  # \ud800 as an escape, as JSON allows
    app, warned = _build({'codes.json': text}, syntax)
    try:
        assert 'Traceback' not in warned
        soup = BeautifulSoup((app.outdir / 'index.html').read_text(encoding='utf-8'),
                             'html.parser')
        assert soup.select('table.wsclose-table script') == []
        rows = {row.find('td').get_text(strip=True).rstrip('¶'): row
                for row in soup.select('table.wsclose-table tbody tr')}
        for key, value in data.items():
            name = _own_name(value)
            valid = key.isascii() and key.isdigit() and 4000 <= int(key) <= 4999 and (
                REGISTRY.lookup(int(key)).kind is not Kind.CODE)
            if valid and name is not None and str(int(key)) in rows:
                continue  # its row (a key given twice keeps one)
            # Not a code of its own: said at the file's place.
            assert 'codes.json' in warned, (key, value, warned)
            assert '[wsclose.' in warned, (key, value, warned)
    finally:
        shutil.rmtree(app.srcdir, ignore_errors=True)
        shutil.rmtree(app.outdir.parent, ignore_errors=True)
        sys.path[:] = [entry for entry in sys.path if 'wsclose-fuzz-src-' not in entry]
