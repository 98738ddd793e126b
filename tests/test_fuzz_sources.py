"""Property tests of the code sources through real builds (issue 17): any JSON data file,
any enum, read by a real Sphinx build in rST and MyST.

For every generated file: the build ends (no exception), every valid own code has its row,
and the table has no other; every bad item (left out, or kept with a change) has exactly one
located ``wsclose.*`` warning, at its line of the file, and every good item none.  Slow: one
Sphinx build an example.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from helpers import FUZZ, MYST_CONF, judge_items
from hypothesis import given, settings
from hypothesis import strategies as st
from sphinx.testing.util import SphinxTestApp

from sphinxext_wsclose.config import settings as settings_of

if TYPE_CHECKING:
    from io import StringIO

pytestmark = pytest.mark.slow

#: Numbers that are a project's own code (private use, not registered).
OWN = st.integers(4000, 4999)
#: The keys of an item's dict: the fields, and one that is none.
FIELDS = ['name', 'description', 'constant', 'reconnect', 'since', 'colour']
#: Keys of a data file: own codes mostly, and anything else.  (A top-level key spelled as a
#: field of an item, ``"name"``, is placed at the first line that spells it, nested or not.)
KEYS = st.one_of(OWN.map(str), st.integers(-5, 70_000).map(str),
                 st.text(max_size=6).filter(lambda key: key not in FIELDS))
#: A name: text of any kind, markup and script included.
NAMES = st.one_of(st.text(max_size=12), st.sampled_from(
    ['<script>alert(1)</script>', '"quoted"', '\\input{x}', '\ud800', 'a\nb', '']))
VALUES = st.one_of(NAMES, st.dictionaries(
    st.sampled_from(FIELDS),
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


#: A warning of the build at a line of the data file.
_AT_FILE = re.compile(r'codes\.json:(\d+): (?:WARNING|ERROR): .*\[wsclose\.[a-z-]+\]$')


@settings(FUZZ, max_examples=min(40, settings.default.max_examples))
@given(data=st.dictionaries(KEYS, VALUES, max_size=6), syntax=st.sampled_from(['rst', 'myst']))
def test_any_data_file_builds_and_warns_once_for_each_bad_item(data: dict[str, object],
                                                               syntax: str) -> None:
    """Exit 0, exactly one located warning for each bad item, and the good items kept."""
    text = json.dumps(data, ensure_ascii=True, indent=1)  # \ud800 as an escape, as JSON allows
    # Each top-level key starts a line of its own, indented by one space.
    key_lines = [number for number, line in enumerate(text.splitlines(), 1)
                 if line.startswith(' "')]
    app, warned = _build({'codes.json': text}, syntax)
    try:
        assert 'Traceback' not in warned
        soup = BeautifulSoup((app.outdir / 'index.html').read_text(encoding='utf-8'),
                             'html.parser')
        assert soup.select('table.wsclose-table script') == []
        rows = {row.find('td').get_text(strip=True).rstrip('¶')
                for row in soup.select('table.wsclose-table tbody tr')}
        lines = [line for line in re.sub(r'\x1b\[[0-9;]*m', '', warned).splitlines()
                 if '[wsclose.' in line]
        at_file = [int(match[1]) for line in lines if (match := _AT_FILE.search(line))]
        # Every warning is at its item in the file, but the table's own when it has no row.
        others = [line for line in lines if not _AT_FILE.search(line)]
        assert others == ([] if rows else [next(line for line in lines if 'no row' in line)])
        # The model, item by item (two kept codes with one name: the second is bad).
        kept, judged = judge_items(data, settings_of(app.config).registry)
        expected = {line: int(bad) for line, bad in zip(key_lines, judged, strict=True)}
        if not data:
            expected[1] = 1  # a file that defines no code
        assert {line: at_file.count(line) for line in expected} == expected, (data, lines)
        assert len(at_file) == sum(expected.values()), (data, lines)
        assert rows == {str(code) for code in kept if 4000 <= code <= 4999}
    finally:
        shutil.rmtree(app.srcdir, ignore_errors=True)
        shutil.rmtree(app.outdir.parent, ignore_errors=True)
        sys.path[:] = [entry for entry in sys.path if 'wsclose-fuzz-src-' not in entry]
