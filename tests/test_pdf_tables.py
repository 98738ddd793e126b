"""Tables in a PDF: no cell loses a character, ranges never break, identifiers wrap.

The LaTeX-level tests run everywhere.  ``test_tables_print_whole`` builds the
PDF of ``tests/roots/test-pdftables`` (the default table, the example of
``docs/pdf.rst`` and a table with every column) and reads it back: it needs
latexmk, pdflatex and pdftotext, as ``tests/test_pdf.py`` does.
"""

from __future__ import annotations

import re
from types import SimpleNamespace
from typing import TYPE_CHECKING

import pytest
from helpers import copy_root, warnings
from test_pdf import _require_tools, _run

from sphinxext_wsclose.bundled import REGISTRY
from sphinxext_wsclose.latex import (
    BREAK_LATEX,
    Measure,
    Page,
    estimated_layout,
    given_layout,
    identifier_pieces,
    is_identifier,
)
from sphinxext_wsclose.libraries import library_names, listed_keys

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp

#: The longest constant of the root's conf.py.
OWN_CONSTANT = 'SESSION_TOKEN_EXPIRED_AND_NOT_RENEWABLE'
#: The root's own code 4002: text that has nowhere to break, but is cut every
#: ten characters (TeX may still hyphenate the pieces of the name).
UNBROKEN = ('Averyveryverylongnamewithnospaceatall0123456789abcdefghijklmnop',
            'https://example.org/a/very/long/path/with/no/space/0123456789.', 'X' * 70)
#: An overfull box this much wider than its line (in points) is text cut off.
OVERFULL_LIMIT = 5.0
_OVERFULL = re.compile(r'^Overfull \\hbox \(([0-9.]+)pt too wide\) in paragraph at lines '
                       r'([0-9]+)--([0-9]+)', re.MULTILINE)
#: What pdftotext makes of the continuation mark, a hooked arrow: a hook and
#: an arrow, or one character.
_MARKS = re.compile('[\N{MODIFIER LETTER CENTRED LEFT HALF RING}\N{RIGHTWARDS ARROW}'
                    '\N{RIGHTWARDS ARROW WITH HOOK}]')


def _longtables(tex: str) -> list[str]:
    return re.findall(r'\\begin\{longtable\}.*?\\end\{longtable\}', tex, re.DOTALL)


def _colspecs(tex: str) -> list[str]:
    return re.findall(r'\\begin\{longtable\}(\{[^\n]*\})', tex)


# -- Pure: break points and sizes ---------------------------------------------

@pytest.mark.parametrize(('token', 'pieces'), [
    ('INVALID_FRAME_PAYLOAD_DATA', ['INVALID_', 'FRAME_', 'PAYLOAD_', 'DATA']),
    ('ClosePolicyViolation', ['Close', 'Policy', 'Violation']),
    ('WS_1008_POLICY_VIOLATION', ['WS_', '1008_', 'POLICY_', 'VIOLATION']),
    ('__private', ['__private']),
    ('NORMAL__CLOSURE_', ['NORMAL__', 'CLOSURE_']),
    ('WSCloseCode.GOING_AWAY', ['WSClose', 'Code.GOING_', 'AWAY']),
    ('RESERVED', ['RESERVED']),
])
def test_identifier_pieces(token: str, pieces: list[str]) -> None:
    assert identifier_pieces(token) == pieces
    assert ''.join(pieces) == token  # nothing lost


@pytest.mark.parametrize(('text', 'expected'), [
    ('POLICY_VIOLATION', True), ('PolicyViolation', True), ('status.WS_1008', True),
    ('throws', False), ('accepted', False), ('\N{EM DASH}', False), ('two words', False),
])
def test_is_identifier(text: str, expected: bool) -> None:
    assert is_identifier(text) is expected


def test_a_wide_table_is_set_smaller() -> None:
    narrow = [Measure(least=5.0, piece='5000-65535', natural=5.0, total=5.0, cells=1)]
    wide = narrow * 15
    assert estimated_layout(narrow, Page()).size == ''
    assert estimated_layout(wide, Page()).size == r'\tiny'
    # Every column holds its piece at the size chosen.
    layout = estimated_layout(wide, Page())
    assert all(width >= 5.0 * 5 for width in layout.widths)


def test_given_widths_that_hold_nothing_keep_the_body_size() -> None:
    measures = [Measure(least=5.0, piece='5000-65535'), Measure(least=1.0, piece='a')]
    layout, narrow = given_layout(measures, [1, 400], Page())
    assert (layout.size, narrow) == ('', [0])


def test_page_from_latex_elements() -> None:
    config = SimpleNamespace(latex_elements={'papersize': 'a4paper', 'pointsize': '11pt'})
    page = Page.of(config)  # type: ignore[arg-type]
    assert (round(page.line), page.points) == (453, 11)


# -- LaTeX: what the writer gets ---------------------------------------------------

@pytest.mark.parametrize('syntax', ['rst', 'myst'])
def test_latex_of_the_tables(build: Callable[..., SphinxTestApp], syntax: str) -> None:
    app = build('pdftables', syntax, buildername='latex')
    assert warnings(app) == []
    tex = (app.outdir / 'tables.tex').read_text(encoding='utf-8')
    default, example, every = _longtables(tex)
    specs = _colspecs(tex)
    # Widths from the content, except where :widths: gives them.
    assert specs[1] == r'{\X{16}{116}\X{18}{116}\X{40}{116}\X{18}{116}\X{24}{116}}'
    assert specs[0] != r'{\X{12}{100}\X{20}{100}\X{46}{100}\X{22}{100}}'
    # A range is one unbreakable unit; identifiers break after _ and at case changes.
    assert '5000\\textendash{}65535' in default
    assert BREAK_LATEX not in default.split('4002', 1)[0]  # no constant before 4002's
    assert (r'\sphinxcode{\sphinxupquote{INVALID\_' + BREAK_LATEX + r'FRAME\_' + BREAK_LATEX
            + r'PAYLOAD\_' + BREAK_LATEX + 'DATA}}') in example
    assert r'\sphinxcode{\sphinxupquote{Close' + BREAK_LATEX + 'Policy' in every
    # The table with every column is set in a smaller size; the others are not.
    groups = re.findall(r'\\begingroup(\\[a-z]*)?\\setlength\{\\tabcolsep\}', tex)
    assert groups == ['', '', r'\tiny']
    assert tex.count(r'\begingroup') == tex.count(r'\endgroup') >= 3


def test_myst_and_rst_give_the_same_tables(build: Callable[..., SphinxTestApp]) -> None:
    tables = []
    for syntax in ('rst', 'myst'):
        tex = (build('pdftables', syntax, buildername='latex').outdir / 'tables.tex')
        tables.append([(spec, table.count(BREAK_LATEX))
                       for spec, table in zip(_colspecs(tex.read_text(encoding='utf-8')),
                                              _longtables(tex.read_text(encoding='utf-8')),
                                              strict=True)])
    assert tables[0] == tables[1]


@pytest.mark.parametrize('builder', ['latex', 'html'])
@pytest.mark.parametrize('syntax', ['rst', 'myst'])
def test_widths_too_narrow_warn(
    build: Callable[..., SphinxTestApp], tmp_path: Path, syntax: str, builder: str
) -> None:
    srcdir = copy_root('pdftables', tmp_path / f'pdftables-{syntax}', syntax)
    page = srcdir / f'example.{"rst" if syntax == "rst" else "md"}'
    page.write_text(page.read_text(encoding='utf-8').replace('16 18 40 18 24', '8 40 40 40 40'),
                    encoding='utf-8')
    app = build('pdftables', syntax, buildername=builder)
    line = 4 if syntax == 'rst' else 3
    # Only the PDF has the problem: HTML is silent.
    assert warnings(app) == ([] if builder == 'html' else [
        f'{srcdir / page.name}:{line}: WARNING: wsclose-table :widths: 8 40 40 40 40 leave the '
        "Code column about 2 characters wide in PDF, too narrow for '5000\N{EN DASH}65535': it "
        'would run into the next column [wsclose.option]',
    ])


def test_user_text_in_identifier_columns_stays_escaped(
    build: Callable[..., SphinxTestApp], tmp_path: Path
) -> None:
    srcdir = copy_root('pdftables', tmp_path / 'pdftables-rst', 'rst')
    conf = srcdir / 'conf.py'
    conf.write_text(conf.read_text(encoding='utf-8').replace(
        f"'{OWN_CONSTANT}'", r"r'Evil_\input{/etc/passwd}_$x$'"), encoding='utf-8')
    app = build('pdftables', 'rst', buildername='latex')
    tex = (app.outdir / 'tables.tex').read_text(encoding='utf-8')
    assert r'\input{/etc/passwd}' not in tex
    # Cut after each _, and the piece longer than ten characters every ten.
    assert (r'\sphinxcode{\sphinxupquote{Evil\_' + BREAK_LATEX + r'\textbackslash{}input\{/et'
            + BREAK_LATEX + r'c/passwd\}\_' + BREAK_LATEX + r'\$x\$}}') in tex


# -- The PDF ------------------------------------------------------------------------

@pytest.mark.slow
def test_tables_print_whole(build: Callable[..., SphinxTestApp]) -> None:
    _require_tools()
    app = build('pdftables', 'rst', buildername='latex')
    assert warnings(app) == []
    _run('latexmk', '-pdf', '-interaction=nonstopmode', '-halt-on-error', 'tables.tex',
         cwd=app.outdir)
    tex = (app.outdir / 'tables.tex').read_text(encoding='utf-8')
    log = (app.outdir / 'tables.log').read_text(encoding='latin-1')
    # No box inside a table is wider than its column: nothing runs under the next one.
    spans = [(tex.count('\n', 0, match.start()) + 1, tex.count('\n', 0, match.end()) + 1)
             for match in re.finditer(r'\\begin\{longtable\}.*?\\end\{longtable\}', tex,
                                      re.DOTALL)]
    overfull = [(float(width), int(first)) for width, first, _last in _OVERFULL.findall(log)
                if any(low <= int(first) <= high for low, high in spans)]
    assert [box for box in overfull if box[0] > OVERFULL_LIMIT] == []
    # Every code, constant and library spelling is printed whole, in the order
    # TeX set it (a wrapped identifier continues on the next line, after the mark).
    text = _run('pdftotext', '-raw', 'tables.pdf', '-', cwd=app.outdir)
    print(f'pdftotext -raw {app.outdir / "tables.pdf"}:\n{text}')
    joined = re.sub(r'\s+', '', _MARKS.sub('', text))
    expected = {entry.code_text for entry in REGISTRY}
    expected |= {entry.constant for entry in REGISTRY if entry.constant}
    expected |= {value for entry in REGISTRY if not entry.is_range
                 for _library, value in library_names(entry.first).items(listed_keys())
                 if isinstance(value, str) and is_identifier(value)}
    expected |= {'4001', OWN_CONSTANT, '4002'}
    missing = sorted(item for item in expected if re.sub(r'\s+', '', item) not in joined)
    assert missing == []
    unhyphenated = joined.replace('-', '')
    assert [item for item in UNBROKEN if item.replace('-', '') not in unhyphenated] == []
