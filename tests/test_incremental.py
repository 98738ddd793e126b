"""Incremental builds give the same pages as clean builds, after each kind of edit.

Sphinx rewrites only the pages it re-reads; the extension adds the pages
whose mentions point at a target that moved or changed (``env-updated``).
"""

from __future__ import annotations

import os
import shutil
import time
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from helpers import warnings
from sphinx.cmd.build import build_main

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp

# Three builds of a project for each edit.
pytestmark = pytest.mark.slow

CONF = """\
project = 'Incremental'
extensions = ['sphinxext_wsclose']
show_warning_types = True
"""
MENTIONS = ['1008', '4001', '4009', 'TOKEN_EXPIRED', 'our code <4001>', '4000-4999']


def _page(title: str, body: str = '') -> str:
    return f'{title}\n{"=" * len(title)}\n\n{body}'


def _write_base(srcdir: Path) -> None:
    srcdir.mkdir()
    files = {
        'conf.py': CONF,
        'index.rst': _page('Incremental', '.. toctree::\n\n' + ''.join(
            f'   {name}\n' for name in ('codes', 'moved', 'protocol', 'a', 'b', 'c', 'names'))),
        # Mentions by name only: no mention by number hides a stale link.
        'names.rst': _page('Names', '* :wsclose:`TOKEN_EXPIRED`\n* :wsclose:`token expired`\n'),
        'codes.rst': _page('Codes', '.. wsclose-table::\n'),
        'moved.rst': _page('Moved'),
        'protocol.rst': _page('Protocol', '.. wsclose:code:: 4001 Token expired\n'
                              '   :constant: TOKEN_EXPIRED\n\n   The token expired.\n'),
    }
    for name in 'abc':
        items = ''.join(f'* :wsclose:`{target}`\n' for target in MENTIONS)
        files[f'{name}.rst'] = _page(f'Page {name}', items)
    for name, text in files.items():
        (srcdir / name).write_text(text, encoding='utf-8')


def _edit(path: Path, text: str | None) -> None:
    """Write (or delete) a file, with an mtime clearly after the last build."""
    if text is None:
        path.unlink()
        return
    path.write_text(text, encoding='utf-8')
    later = time.time() + 10
    os.utime(path, (later, later))


def _move_table(src: Path) -> None:
    _edit(src / 'codes.rst', _page('Codes'))
    _edit(src / 'moved.rst', _page('Moved', '.. wsclose-table::\n'))


def _remove_table(src: Path) -> None:
    _edit(src / 'codes.rst', _page('Codes'))


def _add_conf_code(src: Path) -> None:
    _edit(src / 'conf.py', CONF + "wsclose_codes = {4009: 'Rate limited'}\n")


def _rename_code(src: Path) -> None:
    _edit(src / 'protocol.rst', _page('Protocol', '.. wsclose:code:: 4001 Token revoked\n'
                                      '   :constant: TOKEN_EXPIRED\n\n   Revoked.\n'))


def _delete_page(src: Path) -> None:
    _edit(src / 'c.rst', None)
    _edit(src / 'index.rst', _page('Incremental', '.. toctree::\n\n' + ''.join(
        f'   {name}\n' for name in ('codes', 'moved', 'protocol', 'a', 'b', 'names'))))


def _describe_code(src: Path) -> None:
    _edit(src / 'protocol.rst', _page('Protocol', '.. wsclose:code:: 4001 Token expired\n'
                                      '   :constant: TOKEN_EXPIRED\n\n   No seat is left.\n'))


def _move_code(src: Path) -> None:
    _edit(src / 'protocol.rst', _page('Protocol'))
    _edit(src / 'moved.rst', _page('Moved', '.. wsclose:code:: 4001 Token expired\n'
                                   '   :constant: TOKEN_EXPIRED\n\n   The token expired.\n'))


def _change_format(src: Path) -> None:
    _edit(src / 'conf.py', CONF + "wsclose_role_format = '{name} ({code})'\n")


EDITS = {
    'table moves': _move_table,
    'table removed': _remove_table,
    'code added to conf.py': _add_conf_code,
    'wsclose:code renamed': _rename_code,
    'wsclose:code description edited': _describe_code,
    'wsclose:code moved': _move_code,
    'page with mentions deleted': _delete_page,
    'role format changed': _change_format,
}


def _bodies(outdir: Path, pages: list[str]) -> dict[str, str]:
    found = {}
    for page in pages:
        soup = BeautifulSoup((outdir / f'{page}.html').read_text(encoding='utf-8'), 'html.parser')
        found[page] = str(soup.select_one('div.body'))
    return found


@pytest.mark.parametrize('edit', list(EDITS))
def test_incremental_equals_clean(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, edit: str
) -> None:
    src = tmp_path / 'src'
    _write_base(src)
    first = make_app('html', srcdir=src, freshenv=True)
    first.build()
    assert warnings(first) == []
    first.cleanup()

    EDITS[edit](src)
    incremental = make_app('html', srcdir=src)
    incremental.build()
    incremental.cleanup()

    clean_src = tmp_path / 'clean'
    shutil.copytree(src, clean_src, ignore=shutil.ignore_patterns('_build'))
    clean = make_app('html', srcdir=clean_src, freshenv=True)
    clean.build()
    pages = sorted(path.stem for path in clean.outdir.glob('*.html'))
    assert _bodies(incremental.outdir, pages) == _bodies(clean.outdir, pages)
    # The edit really changed what readers see on a page that was not edited.
    if edit != 'page with mentions deleted':
        before = tmp_path / 'before'
        _write_base(before)
        base = make_app('html', srcdir=before, freshenv=True)
        base.build()
        assert _bodies(base.outdir, ['a']) != _bodies(clean.outdir, ['a'])


@pytest.mark.parametrize('buildername', ['html', 'text'])
def test_a_build_with_nothing_changed_is_quiet(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], buildername: str
) -> None:
    # A new user's second build, as sphinx-build runs it: no "The configuration
    # has changed" line (the stylesheet's folder is in html_static_path from the
    # start), and no page read or written again.
    srcdir, outdir = tmp_path / 'src', tmp_path / 'out'
    _write_base(srcdir)
    argv = ['-b', buildername, '-W', str(srcdir), str(outdir)]
    assert build_main(argv) == 0
    capsys.readouterr()
    assert build_main(argv) == 0
    status = capsys.readouterr().out
    assert 'configuration has changed' not in status.lower()
    assert '0 added, 0 changed, 0 removed' in status
    assert 'no targets are out of date.' in status
