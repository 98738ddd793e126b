"""A translated message that holds a directive of ours leaves no ghost (issue 17, item 6).

Sphinx parses a ``.po`` entry's ``msgstr`` as a document of its own and drops
it when it is not a paragraph; a ``wsclose:code`` or ``wsclose-table`` there
registered its targets anyway: mentions linked to anchors that exist nowhere,
``objects.inv`` published them, and the page was warned to define its code
twice.  In rST and MyST.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from helpers import SUFFIX, html, warnings
from versions import load_inventory

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp

PO = '''msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Hello."
msgstr "{msgstr}"
'''
MSGSTR = {
    ('rst', 'code'): '.. wsclose:code:: 4001 Token expired',
    ('rst', 'table'): '.. wsclose-table::',
    ('myst', 'code'): '```{wsclose:code} 4001 Token expired\\n```',
    ('myst', 'table'): '```{wsclose-table}\\n```',
}


@pytest.mark.parametrize('what', ['code', 'table'])
def test_a_directive_in_a_translation_registers_nothing(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, syntax: str, what: str,
) -> None:
    srcdir = tmp_path / f'{syntax}-{what}'
    (srcdir / 'locales' / 'de' / 'LC_MESSAGES').mkdir(parents=True)
    parser = "'myst_parser', " if syntax == 'myst' else ''
    (srcdir / 'conf.py').write_text(
        f"extensions = [{parser}'sphinxext_wsclose']\nlanguage = 'de'\n"
        "locale_dirs = ['locales']\ngettext_compact = False\nshow_warning_types = True\n",
        encoding='utf-8')
    page = ('Codes\n=====\n\nHello.\n\nSee :wsclose:`4001` and :wsclose:`1008`.\n'
            if syntax == 'rst' else
            '# Codes\n\nHello.\n\nSee {wsclose}`4001` and {wsclose}`1008`.\n')
    (srcdir / f'index.{SUFFIX[syntax]}').write_text(page, encoding='utf-8')
    (srcdir / 'locales' / 'de' / 'LC_MESSAGES' / 'index.po').write_text(
        PO.replace('{msgstr}', MSGSTR[syntax, what]), encoding='utf-8')
    app = make_app('html', srcdir=srcdir, freshenv=True)
    app.build()
    # Sphinx's own complaint about the message may come; none of ours.
    assert [line for line in warnings(app) if '[wsclose.' in line] == []
    links = [a['href'] for a in html(app, 'index').select('a.wsclose-mention')]
    assert not any(href.startswith('#wsclose-') for href in links), links
    assert 'wsclose:code' not in load_inventory(app.outdir / 'objects.inv')
