"""Property tests of tables in print: nothing the project wrote is lost or left unescaped.

The pure part: :func:`~sphinxext_wsclose.latex.pieces` cuts any token into
pieces that join back to it, none longer than it may be.  Through real LaTeX
builds, in rST and MyST (slow): an own code with any name, description and
constant gives a table whose LaTeX, with the break points taken out, is the
escaped text, with no warning; the columns' widths are positive.
"""

from __future__ import annotations

import itertools
import re
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from docutils import nodes
from helpers import FUZZ, MYST_CONF
from hypothesis import given, settings
from hypothesis import strategies as st
from sphinx.testing.util import SphinxTestApp

from sphinxext_wsclose.columns import Wrap
from sphinxext_wsclose.latex import BREAK_LATEX, EPILOGUE, PROLOGUE, identifier_pieces, pieces

#: Any size group's opening.
PROLOGUES = re.compile(re.escape(PROLOGUE.format(size='SIZE', sep='SEP'))
                       .replace('SIZE', r'(\\[a-z]+)?').replace('SEP', '[0-9.]+'))

if TYPE_CHECKING:
    from io import StringIO

#: Tokens as a cell holds them: identifiers, words, and anything without a space.
TOKENS = st.one_of(
    st.from_regex(r'[A-Za-z_][A-Za-z0-9_.]{0,60}', fullmatch=True),
    st.text(st.characters(blacklist_categories=('Zs', 'Zl', 'Zp', 'Cc', 'Cs')), min_size=1,
            max_size=80),
)


@given(TOKENS, st.sampled_from(list(Wrap)), st.booleans())
def test_pieces_join_back(token: str, wrap: Wrap, mono: bool) -> None:
    cut = pieces(token, wrap, mono=mono)
    assert ''.join(cut) == token
    assert all(cut)
    if wrap is Wrap.NEVER:
        assert cut == [token]
    elif mono and wrap is Wrap.IDENTIFIERS:
        assert all(len(piece) <= 10 or piece.startswith('_') for piece in cut)
    elif len(token) > 20:
        assert all(len(piece) <= 10 for piece in cut)


@given(st.from_regex(r'[A-Za-z_][A-Za-z0-9_]{0,40}', fullmatch=True))
def test_identifier_breaks_only_after_underscore_or_at_case_change(token: str) -> None:
    cut = identifier_pieces(token)
    for before, after in itertools.pairwise(cut):
        assert before.endswith('_') or (before[-1].islower() and after[0].isupper())


# -- Through real LaTeX builds ----------------------------------------------------

#: Text of any kind, markup and LaTeX included, as a project may write it.
TEXT = st.one_of(
    st.text(st.characters(blacklist_categories=('Cc', 'Cs')), min_size=1, max_size=90),
    st.sampled_from(['\\input{/etc/passwd}_x', 'A' * 200, '$x$ & 100% #1 ~^', '<script>"',
                     'CamelCaseWithoutEnd' * 5, 'a_' * 40]),
).filter(lambda text: text.strip() != '')


def _latex(name: str, description: str, constant: str, syntax: str) -> tuple[
        list[list[str]], list[list[str]], list[str], str, str]:
    """Build a LaTeX project with one own code; the table's cells as read and as written.

    Returns the text of each row's cells in the doctree as read and as the
    writer got it (after the post-transforms), the raw LaTeX the written table
    holds, the LaTeX source and the warnings.
    """
    srcdir = Path(tempfile.mkdtemp(prefix='wsclose-fuzz-pdf-'))
    conf = ("extensions = ['sphinxext_wsclose']\nshow_warning_types = True\n"
            f'wsclose_codes = {{4001: {{"name": {name!r}, "description": {description!r}, '
            f'"constant": {constant!r}}}}}\n'
            "latex_documents = [('index', 'out.tex', 'T', 'A', 'manual')]\n")
    if syntax == 'myst':
        conf += MYST_CONF
    (srcdir / 'conf.py').write_text(conf, encoding='utf-8')
    page = ('Codes\n=====\n\n.. wsclose-table::\n   :columns: code, name, description, constant, '
            'libraries\n   :codes: 4001\n' if syntax == 'rst' else
            '# Codes\n\n```{wsclose-table}\n:columns: code, name, description, constant, '
            'libraries\n:codes: 4001\n```\n')
    (srcdir / f'index.{"rst" if syntax == "rst" else "md"}').write_text(page, encoding='utf-8')
    written: list[nodes.document] = []
    app = SphinxTestApp('latex', srcdir=srcdir, freshenv=True)
    try:
        app.connect('doctree-resolved', lambda _app, doctree, _name: written.append(
            doctree.deepcopy()))
        app.build()
        read = app.env.get_doctree('index')
        tex = (app.outdir / 'out.tex').read_text(encoding='utf-8')
    finally:
        app.cleanup()
        shutil.rmtree(srcdir, ignore_errors=True)
    warning: StringIO = app.warning  # type: ignore[assignment]
    raws = [raw.astext() for raw in written[0].findall(nodes.raw)]
    return _cells(read), _cells(written[0]), raws, tex, warning.getvalue()


def _cells(doctree: nodes.Node) -> list[list[str]]:
    return [[entry.astext() for entry in row.findall(nodes.entry)]
            for row in doctree.findall(nodes.row)]


@pytest.mark.slow
@pytest.mark.parametrize('syntax', ['rst', 'myst'])
@settings(FUZZ, max_examples=min(100, settings.default.max_examples))
@given(name=TEXT, description=TEXT, constant=TEXT)
def test_any_own_code_prints_whole(syntax: str, name: str, description: str,
                                   constant: str) -> None:
    read, written, raws, tex, warnings = _latex(name, description, constant, syntax)
    assert warnings == ''
    # Nothing is lost: with the break points out, each cell holds what was read.
    assert [[cell.replace(BREAK_LATEX, '') for cell in row] for row in written] == read
    # The only LaTeX added is the extension's own: break points and the size group.
    assert [raw for raw in raws if raw not in {BREAK_LATEX, EPILOGUE}
            and not PROLOGUES.fullmatch(raw)] == []
    assert sum(1 for raw in raws if raw == EPILOGUE) == 1
    table = re.search(r'\\begin\{longtable\}(\{.*?\})\n', tex)
    assert table is not None
    assert all(int(width) > 0 for width in re.findall(r'\\X\{([0-9]+)\}', table[1]))
