"""Lone surrogates in a project's codes: every writer gets U+FFFD, and one located warning.

``"\\ud800"`` is valid JSON, and a conf.py string or a docstring can hold one;
no writer can encode it (issue 17, item 4).  One normalisation,
``values.fold_controls``, gives every output text it can hold.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest
from helpers import warnings

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp

PAGE = ('Codes\n=====\n\n.. wsclose-table::\n   :codes: 4000-4099\n'
        '   :columns: code, name, description, constant\n\n:wsclose:`4001`\n')
ENUM = '''import enum


class Close(enum.IntEnum):
    BROKEN = 4001
    \"\"\"Broken \\ud800 text: an escape in a string, a lone surrogate in the docstring.\"\"\"
'''


def _project(srcdir: Path, source: str) -> None:
    srcdir.mkdir()
    conf = "extensions = ['sphinxext_wsclose']\nshow_warning_types = True\n"
    if source == 'conf.py':
        conf += "wsclose_codes = {4001: {'name': 'Bad\\ud800name', 'constant': 'C\\udfff'}}\n"
    elif source == 'json':
        (srcdir / 'codes.json').write_text(json.dumps({'4001': {'name': 'Bad\ud800name'}}),
                                           encoding='utf-8')
        conf += "wsclose_codes = 'codes.json'\n"
    else:
        (srcdir / 'surrogate_enum.py').write_text(ENUM, encoding='utf-8')
        conf = ('import sys, os\nsys.path.insert(0, os.path.dirname(__file__))\n' + conf
                + "wsclose_codes = 'surrogate_enum:Close'\n")
    (srcdir / 'conf.py').write_text(conf, encoding='utf-8')
    (srcdir / 'index.rst').write_text(PAGE, encoding='utf-8')


@pytest.mark.parametrize('source', ['conf.py', 'json', 'enum'])
@pytest.mark.parametrize(('builder', 'output'), [
    ('html', 'index.html'), ('text', 'index.txt'), ('latex', 'projectnamenotset.tex'),
    ('man', 'projectnamenotset.1'), ('texinfo', 'projectnamenotset.texi'),
])
def test_a_lone_surrogate_becomes_the_replacement_character(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, fresh_imports: None,
    source: str, builder: str, output: str,
) -> None:
    srcdir = tmp_path / source
    _project(srcdir, source)
    app = make_app(builder, srcdir=srcdir, freshenv=True)
    app.build()  # no UnicodeEncodeError from any writer
    found = warnings(app)
    assert len(found) == 1, found
    assert 'lone surrogate' in found[0]
    assert found[0].endswith('[wsclose.config]')
    text = (app.outdir / output).read_text(encoding='utf-8')
    assert '\ufffd' in text
    if builder == 'html':
        inventory = (app.outdir / 'objects.inv').read_bytes()
        assert inventory  # written: the name was encodable
