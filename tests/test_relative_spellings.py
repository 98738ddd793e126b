"""Relative spellings (issue 18, item 4): a dotted suffix of a qualified spelling, and
the page's ``py:currentmodule``, in rST and MyST."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from helpers import SUFFIX, html, warnings

from sphinxext_wsclose.bundled import REGISTRY
from sphinxext_wsclose.registry import AmbiguousNameError, Registry, custom_entry

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp

#: An enum named like python-websockets' CloseCode, in the project's own module.
MODULE = '''import enum


class CloseCode(enum.IntEnum):
    #: The chat room was closed.
    GOING_AWAY = 4001
'''


def _page(syntax: str) -> str:
    targets = ['frames.CloseCode.TRY_AGAIN_LATER', 'websockets.frames.CloseCode.TRY_AGAIN_LATER',
               'CloseCode.GOING_AWAY']
    if syntax == 'rst':
        return ('Codes\n=====\n\n.. wsclose-table::\n   :codes: 1000-1015, 4001\n\n'
                '.. py:currentmodule:: websockets\n\n'
                + f'* :wsclose:`{targets[0]}`\n* :wsclose:`{targets[1]}`\n\n'
                '.. py:currentmodule:: chatproto\n\n' + f'* :wsclose:`{targets[2]}`\n')
    return ('# Codes\n\n```{wsclose-table}\n:codes: 1000-1015, 4001\n```\n\n'
            '```{py:currentmodule} websockets\n```\n\n'
            + f'* {{wsclose}}`{targets[0]}`\n* {{wsclose}}`{targets[1]}`\n\n'
            '```{py:currentmodule} chatproto\n```\n\n' + f'* {{wsclose}}`{targets[2]}`\n')


def test_a_suffix_and_the_current_module(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, syntax: str, fresh_imports: None,
) -> None:
    srcdir = tmp_path / syntax
    srcdir.mkdir()
    parser = "'myst_parser', " if syntax == 'myst' else ''
    (srcdir / 'conf.py').write_text(
        'import sys, os\nsys.path.insert(0, os.path.dirname(__file__))\n'
        f"extensions = [{parser}'sphinxext_wsclose']\nshow_warning_types = True\n"
        "wsclose_codes = 'chatproto:CloseCode'\n", encoding='utf-8')
    (srcdir / 'chatproto.py').write_text(MODULE, encoding='utf-8')
    (srcdir / f'index.{SUFFIX[syntax]}').write_text(_page(syntax), encoding='utf-8')
    app = make_app('html', srcdir=srcdir, freshenv=True)
    app.build()
    assert warnings(app) == []
    assert [(a.get_text(), a['href']) for a in html(app, 'index').select('div.body li a')] == [
        ('1013 Try Again Later', '#wsclose-1013'),
        ('1013 Try Again Later', '#wsclose-1013'),
        # Bare, CloseCode.GOING_AWAY is python-websockets' 1001 and this project's
        # 4001; on a page of the module chatproto, it is chatproto's.
        ('4001 Going away', '#wsclose-4001'),
    ]


def test_a_suffix_two_codes_share_is_ambiguous() -> None:
    registry = REGISTRY.extended([custom_entry(
        4001, 'Going away', qualified=('CloseCode.GOING_AWAY', 'chat.CloseCode.GOING_AWAY'))])
    with pytest.raises(AmbiguousNameError) as raised:
        registry.parse('CloseCode.GOING_AWAY')
    assert [entry.key for entry in raised.value.candidates] == ['1001', '4001']
    assert Registry(list(registry)).parse('chat.CloseCode.GOING_AWAY').key == '4001'
