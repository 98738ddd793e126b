"""Markup never gets through: what users type arrives as literal text everywhere.

Payloads sit in a project code's name, description and constant (conf.py),
in a wsclose:code signature, and in explicit role titles.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from helpers import html, warnings

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.testing.util import SphinxTestApp

NAME = '<script>alert(1)</script>'
DESCRIPTION = '" onmouseover="x \\input{/etc/passwd} ` | $ % & # _ ~ ^'
SIGNATURE = '4002 " onmouseover="x <i>'
TITLES = ['<script>alert(3)', '" onmouseover="x', '\\input{/etc/passwd}', 'a ` and |']


def test_html(build: Callable[..., SphinxTestApp], syntax: str) -> None:
    app = build('escaping', syntax)
    assert warnings(app) == []
    page = html(app, 'index')
    # Nothing became markup: no injected element or attribute.
    assert [tag for tag in page.find_all('script') if 'alert' in tag.get_text()] == []
    assert page.find_all(attrs={'onmouseover': True}) == []
    assert page.select('div.body i') == []
    # ...and everything is there as text, titles (tooltips) included.
    items = [(li.get_text(), [a.get('title') for a in li.find_all('a')])
             for li in page.select('div.body li')]
    assert items[0] == (f'4001 {NAME}', [DESCRIPTION])
    assert [text for text, _titles in items[1:5]] == TITLES
    assert items[5] == (SIGNATURE, ['The body is ordinary content.'])
    row = page.select_one('tr#wsclose-4001')
    for permalink in row.select('a.headerlink'):  # the row's ¶
        permalink.decompose()
    assert [td.get_text() for td in row.find_all('td')] == ['4001', NAME, DESCRIPTION, 'X_<b>']
    signature = page.select_one('dl.wsclose.code > dt')
    assert signature.get_text().replace('\u00b6', '').strip() == SIGNATURE


def test_latex(build: Callable[..., SphinxTestApp], syntax: str) -> None:
    app = build('escaping', syntax, 'latex')
    assert warnings(app) == []
    (tex_file,) = app.outdir.glob('*.tex')
    tex = tex_file.read_text(encoding='utf-8')
    body = tex[tex.index(r'\begin{document}'):]
    assert r'\input{/etc/passwd}' not in body
    assert r'\textbackslash{}input\{/etc/passwd\}' in body
    for special in (r'\$', r'\%', r'\&', r'\#', r'\_'):
        assert special in body
    # Angle brackets and quotes are harmless in LaTeX; they stay as text.
    assert r'\textless{}script\textgreater{}alert(1)\textless{}/script\textgreater{}' in body
    assert 'onmouseover' in body


def test_text(build: Callable[..., SphinxTestApp], syntax: str) -> None:
    app = build('escaping', syntax, 'text')
    text = (app.outdir / 'index.txt').read_text(encoding='utf-8')
    for title in TITLES:
        assert title in text
    assert NAME in text
    assert SIGNATURE in text
    # The table wraps the description across lines: check its fragments.
    for fragment in DESCRIPTION.split():
        assert fragment in text
