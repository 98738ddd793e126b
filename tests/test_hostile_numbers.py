"""Numbers of any length, and digits that int() refuses, warn once and keep their text.

Python's int() refuses strings of more than 4,300 digits, and str.isdigit()
accepts '²', which int() does not read.  Each such input goes through a real
build, in rST and MyST.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from helpers import SUFFIX, html, warnings

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp

HUGE = '1' * 5000
WARNING = re.compile(
    r'(?P<file>\S+):(?P<line>\d+): (?:WARNING|ERROR): .* \[wsclose\.(?P<sub>[a-z-]+)\]'
)


def _role(syntax: str, target: str) -> str:
    return f':wsclose:`{target}`' if syntax == 'rst' else f'{{wsclose}}`{target}`'


def _table(syntax: str, options: dict[str, str]) -> str:
    if syntax == 'rst':
        return '.. wsclose-table::\n' + ''.join(f'   :{k}: {v}\n' for k, v in options.items())
    return '```{wsclose-table}\n' + ''.join(f':{k}: {v}\n' for k, v in options.items()) + '```\n'


def test_hostile_numbers_warn_once_each_and_keep_their_text(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, syntax: str
) -> None:
    targets = [HUGE, f'{HUGE}-{HUGE}', f'x <{HUGE}>', '-' + HUGE, '\u0661\u0660\u0660\u0668']
    heading = 'Hostile\n=======\n\n' if syntax == 'rst' else '# Hostile\n\n'
    page = (
        heading
        + _table(syntax, {'widths': '\u00b2 \u00b2 \u00b2 \u00b2'}) + '\n'
        + _table(syntax, {'codes': HUGE, 'no-index': ''}) + '\n'
        + _table(syntax, {'widths': f'{HUGE} 1 1 1', 'no-index': ''}) + '\n'
        + ''.join(f'* {_role(syntax, target)}\n' for target in targets)
    )
    src = tmp_path / syntax
    src.mkdir()
    extensions = "'myst_parser', " if syntax == 'myst' else ''
    (src / 'conf.py').write_text(
        f"extensions = [{extensions}'sphinxext_wsclose']\nshow_warning_types = True\n"
        f"wsclose_codes = {{'{HUGE}': 'Huge', 4001: 'Fine'}}\n"
    )
    (src / f'index.{SUFFIX[syntax]}').write_text(page, encoding='utf-8')
    app = make_app('html', srcdir=src, freshenv=True)
    app.build()  # no exception: the build goes on
    found = [WARNING.fullmatch(line) for line in warnings(app)]
    assert all(found), warnings(app)
    assert [(m['file'].rsplit('/', 1)[-1], m['sub']) for m in found if m] == [
        ('conf.py', 'config'),
        *[(f'index.{SUFFIX[syntax]}', 'option')] * 3,
        *[(f'index.{SUFFIX[syntax]}', 'invalid')] * len(targets),
    ]
    body = html(app, 'index')
    # Every table renders, and every mention keeps its text as written, unlinked.
    assert len(body.select('table.wsclose-table')) == 3
    assert [span.get_text() for span in body.select('li .wsclose-invalid')] == [
        HUGE, f'{HUGE}-{HUGE}', 'x', '-' + HUGE, '\u0661\u0660\u0660\u0668']
    # The good code of wsclose_codes is still registered.
    assert body.select_one('tr#wsclose-4001') is not None
