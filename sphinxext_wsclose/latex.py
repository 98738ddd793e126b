"""Tables in print (LaTeX, so PDF): widths from the content, identifiers that wrap.

A browser widens a column for a word that does not fit.  LaTeX does not: the
word runs under the next column and is hidden there, with no warning
(``5000-6553`` for ``5000-65535``, ``POLICY_VIOLATIO``).  So, before a page
is written as LaTeX, :class:`PrintedTables` goes over each ``wsclose-table``
and:

- marks where identifiers may break: after ``_`` and at a change from lower
  to upper case, in the columns whose :class:`~.columns.Wrap` says so.  The
  next line then starts with Sphinx's continuation mark, the one that wrapped
  code blocks show (``verbatimcontinued`` in ``\\sphinxsetup``).  Library
  spellings and blog codenames are set in code style, as constants are, so
  that TeX never hyphenates them.  A code or a range never breaks;
- sizes the columns from their content, unless ``:widths:`` gives numbers:
  each column gets at least its widest piece that cannot break, and the rest
  of the line goes where the text is long.  A table too wide for the line at
  the body's size is set in a smaller size, down to ``\\tiny``;
- warns, for ``:widths:`` given as numbers, about each column that is clearly
  too narrow for a piece of its text, at the size chosen (``wsclose.option``).

Widths are estimated from character counts, with the advance widths of the
fonts of Sphinx's default ``pdflatex`` set-up (TeX Gyre Termes, Heros and
``txtt``), on a page as wide as ``latex_elements['papersize']`` with Sphinx's
one-inch side margins, at ``latex_elements['pointsize']``.

The first part (measuring and sizing) is pure; the post-transform is at the end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging

from sphinxext_wsclose._compat import current_docname
from sphinxext_wsclose._locale import _, __
from sphinxext_wsclose.columns import COLUMNS, Wrap
from sphinxext_wsclose.protocol import (
    OPTION,
    PRINT_LAYOUT,
    PRINTED_TABLES,
    TABLE_CLASS,
    WARNING_TYPE,
)
from sphinxext_wsclose.values import message_args

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence
    from typing import Any

    from sphinx.config import Config

    from sphinxext_wsclose.columns import Column
    from sphinxext_wsclose.domain import CloseCodeDomain

logger = logging.getLogger(__name__)

# -- Measuring text -----------------------------------------------------------
# Advance widths in ems of the font, rounded up from TeX Gyre Termes (the
# body), Heros (the header row, which Sphinx sets in sans serif) and txtt
# (code): close enough to tell a column that holds its text from one that
# clearly does not.  The PDF test (tests/test_pdf.py) is the real check.

_MONO = 0.525
_DIGIT = 0.5
_UPPER = 0.72
_LOWER = 0.47
_SPACE = 0.25
_OTHER = 0.5
#: Heros is wider than Termes.
_HEADER = 1.12
#: Sphinx's continuation mark: two widths of the body font's ``x``.
_MARK = 2 * 0.45
#: A word this long or longer may be hyphenated; what is left of it on a line
#: is then about as wide as :data:`_HYPHENATED` letters and a hyphen.
_HYPHENATE_FROM = 8
_HYPHENATED = 6
#: The widest a column's text counts on one line, in ems: a long description
#: takes room, but not all of it.
_NATURAL_CAP = 26.0
#: A column this wide, in ems (about sixteen characters), reads well; a
#: table is set smaller rather than leave its columns narrower.
_COMFORTABLE = 8.0

#: Where an identifier may break: after ``_`` (not before another), and
#: between a lower-case and an upper-case letter.
_BREAK = re.compile(r'(?<=_)(?=[^_])|(?<=[a-z])(?=[A-Z])')
#: Text breaks after a hyphen (Sphinx's ``\\sphinxhyphen``).
_HYPHEN = re.compile(r'(?<=-)')
_PUNCTUATION = '.,;:()[]\'"\N{LEFT DOUBLE QUOTATION MARK}\N{RIGHT DOUBLE QUOTATION MARK}'
#: A library's spelling or a codename, set in code style in print.
_IDENTIFIER = re.compile(r'[A-Za-z_][A-Za-z0-9_.]*')
#: No piece of a cell's text is longer than this many characters, and a
#: token longer than :data:`_LONG_TOKEN` with no other break point is cut.
_LONGEST = 10
_LONG_TOKEN = 20
_SPACES = re.compile(r'(\s+)')
#: A break point, as LaTeX (see :data:`PROLOGUE`).
BREAK_LATEX = r'\sphinxwsclosebreak{}'


def text_em(text: str, *, mono: bool = False) -> float:
    """About how wide *text* is, in ems of its font."""
    if mono:
        return _MONO * len(text)
    width = 0.0
    for char in text:
        if char.isspace():
            width += _SPACE
        elif char.isdigit():
            width += _DIGIT
        elif char.isupper():
            width += _UPPER
        elif char.isalpha():
            width += _LOWER
        else:
            width += _OTHER
    return width


def identifier_pieces(token: str) -> list[str]:
    """*token* cut where it may break: ``['INVALID_', 'FRAME_', 'PAYLOAD_', 'DATA']``.

    Leading underscores (``__private``) stay with what follows them.
    """
    start = len(token) - len(token.lstrip('_'))
    pieces = [piece for piece in _BREAK.split(token[start:]) if piece]
    if pieces:
        pieces[0] = token[:start] + pieces[0]
    return pieces or [token]


def is_identifier(text: str) -> bool:
    """Whether *text* reads as a name from code (``POLICY_VIOLATION``), not a word (``throws``)."""
    return _IDENTIFIER.fullmatch(text) is not None and not text.islower()


@dataclass
class Measure:
    """What a column's cells need, in ems of the table's font."""

    #: The widest piece that cannot break, and that piece.
    least: float = 0.0
    piece: str = ''
    #: The widest cell, on one line (at most :data:`_NATURAL_CAP`).
    natural: float = 0.0
    #: The cells' widths on one line, added up, and how many there are.
    total: float = 0.0
    cells: int = 0

    def add_piece(self, piece: str, width: float) -> None:
        if width > self.least:
            self.least, self.piece = width, piece

    def add_cell(self, width: float) -> None:
        self.natural = max(self.natural, min(width, _NATURAL_CAP))
        self.total += min(width, _NATURAL_CAP)
        self.cells += 1

    @property
    def mean(self) -> float:
        """The width of an average cell on one line."""
        return self.total / self.cells if self.cells else 0.0


def pieces(token: str, wrap: Wrap, *, mono: bool) -> list[str]:
    """*token* (no space in it) cut where a printed cell may break it with a mark.

    An identifier in code style breaks after ``_`` and at case changes; any
    token longer than :data:`_LONG_TOKEN` (a name with no space, a hash) is
    also cut every :data:`_LONGEST` characters, which no hyphenation would do.
    A code or a range is never cut.
    """
    if wrap is Wrap.NEVER:
        return [token]
    if mono and wrap is Wrap.IDENTIFIERS:
        return [chunk for piece in identifier_pieces(token) for chunk in _chunks(piece)]
    return _chunks(token) if len(token) > _LONG_TOKEN else [token]


def _chunks(piece: str) -> list[str]:
    if len(piece) <= _LONGEST:
        return [piece]
    return [piece[start:start + _LONGEST] for start in range(0, len(piece), _LONGEST)]


def measure_text(measure: Measure, text: str, wrap: Wrap, *,
                 mono: bool = False, header: bool = False) -> None:
    """Add *text*, one run of a cell, to *measure*."""
    scale = _HEADER if header else 1.0
    if wrap is Wrap.NEVER and not header:
        measure.add_piece(text.strip(), text_em(text.strip(), mono=mono))
        return
    for token in text.split():
        cut = [token] if header else pieces(token, wrap, mono=mono)
        if len(cut) > 1 or mono:
            for n, piece in enumerate(cut):
                measure.add_piece(piece, text_em(piece, mono=mono) + (_MARK if n else 0.0))
            continue
        # Text breaks after a hyphen; a long word may be hyphenated.
        for part in _HYPHEN.split(token):
            word = part.strip(_PUNCTUATION)
            shortest = part
            if sum(char.isalpha() for char in word) >= _HYPHENATE_FROM:
                shortest = word[:_HYPHENATED] + '-'  # what is left of it on a line
            measure.add_piece(part, text_em(shortest) * scale)


# -- Sizing a table -------------------------------------------------------------

#: Each size a table may be set in, with its font size and ``\tabcolsep``
#: in points for a body of 10, 11 and 12 points.
_SIZES: dict[int, tuple[tuple[str, float, float], ...]] = {
    10: (('', 10, 6), (r'\small', 9, 5), (r'\footnotesize', 8, 4),
         (r'\scriptsize', 7, 3), (r'\tiny', 5, 2)),
    11: (('', 11, 6), (r'\small', 10, 5), (r'\footnotesize', 9, 4),
         (r'\scriptsize', 8, 3), (r'\tiny', 6, 2)),
    12: (('', 12, 6), (r'\small', 10.95, 5), (r'\footnotesize', 10, 4),
         (r'\scriptsize', 8, 3), (r'\tiny', 6, 2)),
}
#: The width of each paper Sphinx knows, in points (the longer side is the height).
_PAPER = {'letterpaper': 614.0, 'a4paper': 597.5, 'a5paper': 421.0, 'b5paper': 501.0,
          'legalpaper': 614.0, 'executivepaper': 524.0}
#: Sphinx's side margins (``hmargin``), in points: one inch each.
_MARGINS = 2 * 72.27
#: The rules of a table, per column, in points.
_RULE = 0.4


@dataclass(frozen=True)
class Page:
    """The line a table is set on: its width and the body's font size, in points."""

    line: float = _PAPER['letterpaper'] - _MARGINS
    points: int = 10

    @classmethod
    def of(cls, config: Config) -> Page:
        """The page that ``latex_elements`` asks for; Sphinx's defaults where it says nothing."""
        elements = config.latex_elements if isinstance(config.latex_elements, dict) else {}
        paper = _PAPER.get(str(elements.get('papersize', 'letterpaper')), _PAPER['letterpaper'])
        points = {'11pt': 11, '12pt': 12}.get(str(elements.get('pointsize', '10pt')), 10)
        return cls(paper - _MARGINS, points)


@dataclass(frozen=True)
class Layout:
    """How a table is set: its size, ``\\tabcolsep`` and the content width of each column."""

    size: str
    tabcolsep: float
    #: In points, without the padding.
    widths: tuple[float, ...]
    #: In points: what each column sets aside for its padding and rule.
    padding: float

    def colwidths(self) -> list[int]:
        """Relative widths for ``\\X{w}{total}``: a share of the line, less the padding."""
        return [round((width + self.padding) * 10) for width in self.widths]


def _sizes(page: Page) -> tuple[tuple[str, float, float], ...]:
    return _SIZES.get(page.points, _SIZES[10])


def estimated_layout(measures: Sequence[Measure], page: Page) -> Layout:
    """The size and the widths of a table, from its content.

    The size is the largest at which every column can have its comfortable
    width (its average cell, up to :data:`_COMFORTABLE` ems, and at least its
    widest piece that cannot break); failing that, the largest at which
    every column can hold that piece; failing that, the smallest.  Each
    column then gets its piece's width, and what is left of the line goes to
    the columns whose cells are on average wider than that, in proportion.
    """
    count = len(measures)
    comfortable = [max(measure.least, min(measure.mean, _COMFORTABLE)) for measure in measures]
    least_ems = [measure.least for measure in measures]
    sizes = _sizes(page)
    fits = [size for size in sizes if sum(comfortable) * size[1] <= _room(page, size, count)]
    fits = fits or [size for size in sizes if sum(least_ems) * size[1] <= _room(page, size, count)]
    size, font, sep = fits[0] if fits else sizes[-1]
    padding = 2 * sep + _RULE
    room = _room(page, (size, font, sep), count)
    least = [width * font for width in least_ems]
    natural = [max(measure.natural * font, low) for measure, low in zip(measures, least,
                                                                       strict=True)]
    if sum(natural) <= room:
        spare, weights = room - sum(natural), natural
        base = natural
    else:
        spare = room - sum(least)
        weights = [max(measure.mean * font - low, 0.0) for measure, low in zip(measures, least,
                                                                             strict=True)]
        base = least
    total = sum(weights) or 1.0
    widths = tuple(low + max(spare, 0.0) * weight / total for low, weight in zip(base, weights,
                                                                                  strict=True))
    return Layout(size, sep, widths, padding)


def _room(page: Page, size: tuple[str, float, float], count: int) -> float:
    """The width left for the text of *count* columns, in points, at *size*."""
    return page.line - count * (2 * size[2] + _RULE)


def given_layout(
    measures: Sequence[Measure], colwidths: Sequence[int], page: Page
) -> tuple[Layout, list[int]]:
    """The largest size at which the given widths hold every column, or the columns too narrow.

    A column is clearly too narrow when its widest piece is wider than the
    column by more than a tenth and a character.  If no size lets every
    column hold its piece, the table keeps the body's size, and the columns
    too narrow at that size are returned.
    """
    total = sum(colwidths)
    first: tuple[Layout, list[int]] | None = None
    for size, font, sep in _sizes(page):
        padding = 2 * sep + _RULE
        widths = tuple(page.line * width / total - padding for width in colwidths)
        layout = Layout(size, sep, widths, padding)
        narrow = [n for n, (measure, width) in enumerate(zip(measures, widths, strict=True))
                  if measure.least * font > 1.1 * width + _DIGIT * font]
        if not narrow:
            return layout, []
        first = first or (layout, narrow)
    assert first is not None
    return first


# -- LaTeX ----------------------------------------------------------------------

#: Before a table: its size, and the break point with Sphinx's continuation mark.
PROLOGUE = (
    r'\begingroup{size}\setlength{{\tabcolsep}}{{{sep}pt}}%' '\n'
    r'\ifdefined\sphinxwsclosebox\else\newbox\sphinxwsclosebox\fi' '\n'
    r'\sbox\sphinxwsclosebox{{\csname spx@opt@verbatimcontinued\endcsname}}%' '\n'
    r'\def\sphinxwsclosebreak{{\discretionary{{}}{{\copy\sphinxwsclosebox}}{{}}}}%'
)
EPILOGUE = r'\endgroup'


class PrintedTables(SphinxPostTransform):
    """Size each ``wsclose-table`` for the page, and let its identifiers wrap (LaTeX only)."""

    default_priority = PRINTED_TABLES
    formats = ('latex',)

    def run(self, **kwargs: Any) -> None:
        domain = cast('CloseCodeDomain', self.env.get_domain('wsclose'))
        if not domain.holds_markup(current_docname(self.env), {'table'}):
            return
        page = Page.of(self.config)
        for table in list(self.document.findall(nodes.table)):
            layout = table.get(PRINT_LAYOUT)
            if TABLE_CLASS not in table['classes'] or not layout:
                continue
            names = layout['columns']
            if any(name not in COLUMNS for name in names):
                continue
            columns = [COLUMNS[name] for name in names]
            _code_style(table, columns)
            measures = list(_measures(table, columns))
            colspecs = list(table.findall(nodes.colspec))
            if len(colspecs) != len(columns):
                continue
            if layout['widths_given']:
                chosen, narrow = given_layout(
                    measures, [colspec['colwidth'] for colspec in colspecs], page)
                for n in narrow:
                    _warn_narrow(table, colspecs, columns[n], measures[n], chosen.widths[n],
                                 page)
            else:
                chosen = estimated_layout(measures, page)
                for colspec, width in zip(colspecs, chosen.colwidths(), strict=True):
                    colspec['colwidth'] = width
                table['classes'] = [name for name in table['classes']
                                    if name not in {'colwidths-auto', 'colwidths-grid'}]
                if 'colwidths-given' not in table['classes']:
                    table['classes'].append('colwidths-given')
            _add_breaks(table, columns)
            _enclose(table, chosen)


def _cells(table: nodes.table) -> Iterator[tuple[int, nodes.entry, bool]]:
    """Each cell with its column's index, and whether it is a header."""
    for part in table.findall(lambda node: isinstance(node, (nodes.thead, nodes.tbody))):
        header = isinstance(part, nodes.thead)
        for row in part.children:
            if isinstance(row, nodes.row):
                for n, cell in enumerate(row.children):
                    yield n, cast('nodes.entry', cell), header


def _code_style(table: nodes.table, columns: Sequence[Column]) -> None:
    """Set library spellings and codenames in code style, as constants are."""
    for n, cell, header in _cells(table):
        if header or n >= len(columns) or columns[n].wrap is not Wrap.IDENTIFIERS:
            continue
        for paragraph in cell.findall(nodes.paragraph):
            if len(paragraph.children) != 1 or not isinstance(paragraph[0], nodes.Text):
                continue  # a constant (already a literal) or the closed-by links
            text = paragraph.astext()
            if columns[n].name == 'libraries':
                paragraph.children = []
                paragraph.extend(_spellings(text))
            elif is_identifier(text):
                paragraph.children = []
                paragraph.append(nodes.literal(text, text))


def _spellings(text: str) -> list[nodes.Node]:
    """A libraries cell (``websockets: POLICY_VIOLATION; browser close(): throws``) as nodes."""
    result: list[nodes.Node] = []
    for n, item in enumerate(text.split('; ')):
        label, colon, value = item.rpartition(': ')
        prefix = ('; ' if n else '') + label + colon
        if colon and is_identifier(value):
            result += [nodes.Text(prefix), nodes.literal(value, value)]
        else:
            result.append(nodes.Text(('; ' if n else '') + item))
    return result


def _measures(table: nodes.table, columns: Sequence[Column]) -> Iterator[Measure]:
    measures = [Measure() for _column in columns]
    for n, cell, header in _cells(table):
        if n >= len(columns):
            continue
        measure, wrap, width = measures[n], columns[n].wrap, 0.0
        for text in cell.findall(nodes.Text):
            mono = any(isinstance(node, nodes.literal) for node in _ancestors(text, cell))
            measure_text(measure, str(text), wrap, mono=mono, header=header)
            width += text_em(str(text), mono=mono) * (_HEADER if header else 1.0)
        measure.add_cell(width)
    yield from measures


def _ancestors(node: nodes.Node, top: nodes.Node) -> Iterator[nodes.Node]:
    parent = node.parent
    while parent is not None and parent is not top:
        yield parent
        parent = parent.parent


def _add_breaks(table: nodes.table, columns: Sequence[Column]) -> None:
    """Put a break point between the :func:`pieces` of each cell's text."""
    for n, cell, header in _cells(table):
        if header or n >= len(columns) or columns[n].wrap is Wrap.NEVER:
            continue
        for text in list(cell.findall(nodes.Text)):
            mono = any(isinstance(node, nodes.literal) for node in _ancestors(text, cell))
            replacement: list[nodes.Node] = []
            cut = False
            for token in _SPACES.split(str(text)):
                found = pieces(token, columns[n].wrap, mono=mono) if token.strip() else [token]
                cut = cut or len(found) > 1
                for m, piece in enumerate(found):
                    if m:
                        replacement.append(nodes.raw('', BREAK_LATEX, format='latex'))
                    replacement.append(nodes.Text(piece))
            if cut:
                parent = cast('nodes.Element', text.parent)
                at = parent.index(text)
                parent[at:at + 1] = replacement


def _enclose(table: nodes.table, layout: Layout) -> None:
    parent = cast('nodes.Element', table.parent)
    at = parent.index(table)
    prologue = PROLOGUE.format(size=layout.size, sep=f'{layout.tabcolsep:g}')
    parent.insert(at, nodes.raw('', prologue, format='latex'))
    parent.insert(at + 2, nodes.raw('', EPILOGUE, format='latex'))


def _warn_narrow(
    table: nodes.table, colspecs: Sequence[nodes.colspec], column: Column, measure: Measure,
    width: float, page: Page,
) -> None:
    given = ' '.join(str(colspec['colwidth']) for colspec in colspecs)
    logger.warning(
        __('wsclose-table :widths: %s leave the %s column about %d characters wide in PDF, '
           'too narrow for %r: it would run into the next column'),
        *message_args((given, _(column.header), max(round(width / (page.points * _DIGIT)), 0),
                        measure.piece)),
        location=table, type=WARNING_TYPE, subtype=OPTION,
    )
