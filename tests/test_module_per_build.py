"""The module that ``wsclose_codes`` names is the project's own, as its file is now (issue 17,
item 7): two projects in one process each get their own ``proto.py``, and an edit between two
builds is seen; autodoc documents the same module object in the same build."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from helpers import html, warnings

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp

PROTO = '''import enum


class Proto(enum.IntEnum):
    #: {description}
    {member} = {code}
'''
PAGE = ('Codes\n=====\n\n.. wsclose-table::\n   :codes: 4000-4099\n\n'
        '.. autoclass:: proto.Proto\n   :members:\n')


def _project(srcdir: Path, member: str, code: int, description: str) -> Path:
    srcdir.mkdir(exist_ok=True)
    (srcdir / 'conf.py').write_text(
        'import sys, os\nsys.path.insert(0, os.path.dirname(__file__))\n'
        "extensions = ['sphinxext_wsclose', 'sphinx.ext.autodoc']\n"
        "wsclose_codes = 'proto:Proto'\nshow_warning_types = True\n", encoding='utf-8')
    (srcdir / 'proto.py').write_text(
        PROTO.format(member=member, code=code, description=description), encoding='utf-8')
    (srcdir / 'index.rst').write_text(PAGE, encoding='utf-8')
    return srcdir


def _rows(app: SphinxTestApp) -> list[str]:
    return [' '.join(row.get_text(' ', strip=True).replace('¶', '').split())
            for row in html(app, 'index').select('table.wsclose-table tbody tr')]


def _build(make_app: Callable[..., SphinxTestApp], srcdir: Path) -> SphinxTestApp:
    app = make_app('html', srcdir=srcdir, freshenv=True)
    app.build()
    app.cleanup()
    # conf.py put its folder first on sys.path; the next project puts its own.
    sys.path[:] = [entry for entry in sys.path if entry != str(srcdir)]
    return app


def test_two_projects_in_one_process_get_their_own_module(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, fresh_imports: None,
) -> None:
    first = _build(make_app, _project(tmp_path / 'one', 'TOKEN_EXPIRED', 4001, 'Expired.'))
    second = _build(make_app, _project(tmp_path / 'two', 'ROOM_FULL', 4002, 'Full.'))
    assert warnings(first) == warnings(second) == []  # each in its own folder
    assert any('4001 Token expired Expired.' in row for row in _rows(first))
    assert any('4002 Room full Full.' in row for row in _rows(second))
    assert not any('4001' in row for row in _rows(second))
    # autodoc documented the same module: the member of the second project.
    assert html(second, 'index').select_one('dt[id="proto.Proto.ROOM_FULL"]') is not None


def test_an_edit_between_two_builds_is_seen(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, fresh_imports: None,
) -> None:
    srcdir = _project(tmp_path / 'edit', 'TOKEN_EXPIRED', 4001, 'Expired.')
    before = _rows(_build(make_app, srcdir))  # read now: the next build writes over it
    _project(srcdir, 'TOKEN_EXPIRED', 4003, 'Now 4003.')
    stamp = os.stat(srcdir / 'proto.py').st_mtime_ns + 2_000_000_000
    os.utime(srcdir / 'proto.py', ns=(stamp, stamp))  # a later second than the .pyc's
    after = _build(make_app, srcdir)
    assert any('4001 Token expired Expired.' in row for row in before)
    assert any('4003 Token expired Now 4003.' in row for row in _rows(after))
    assert not any('4001 Token' in row for row in _rows(after))
