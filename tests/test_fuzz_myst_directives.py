"""Fuzzing the table's options, ``wsclose:code`` and conf.py, through real builds, in MyST and rST.

test_fuzz.py checks these inputs by parsing rST into an app, and by calling
the config validator without a conf.py.  Here each example is written into a
small project (a MyST page and an rST page, a main table on ``codes.md``, a
real ``conf.py``) and built incrementally, and the rule is checked exactly:
the build raises nothing; its warnings are exactly the located
``[wsclose.<subtype>]`` warnings that the input deserves (none for valid
input); and what the user wrote is in the HTML (or in ``objects.inv``), as
written, with markup left inert.

A module of its own, with one live Sphinx app at a time: Sphinx registers
roles and directives in docutils' global tables, so two test apps alive at
once would share them.  A new ``conf.py`` needs a new app; the project
replaces its app then (:meth:`Project.configure`), and every test starts by
asking for the configuration it needs.

Real builds are slower than test_fuzz.py's parses (a table example takes
about 0.15 s, a conf.py one 0.4 s, as it starts a new app), so each test caps
its examples at 220, 220 and 75, and takes fewer if the profile says so:
the module takes about 70 s of CPU under ``ci`` and 40 s under ``dev``.
"""

from __future__ import annotations

import json
import os
import re
import string
from dataclasses import dataclass
from io import StringIO
from typing import TYPE_CHECKING

import pytest
from docutils import nodes
from helpers import (
    CODE_ITEMS,
    CODE_KEYS,
    CONTENT,
    CONTROL,
    DOCUMENTED_SUBTYPES,
    FUZZ,
    NAMES,
    SPAN,
    SYNTAXES,
    VALID_OPTIONS,
    VALUE,
    fold_name,
    html,
    warnings,
)
from hypothesis import example, given, reject, settings
from hypothesis import strategies as st
from sphinx.testing.util import SphinxTestApp
from versions import load_inventory, source_lines

from sphinxext_wsclose.bundled import REGISTRY
from sphinxext_wsclose.registry import Kind, readable_name
from sphinxext_wsclose.sets import SETS, set_registries

try:  # MyST-Parser 3.0+: its own reader of directive options (a subset of YAML)
    from myst_parser.parsers.options import options_to_items
except ImportError:  # pragma: no cover - older MyST-Parser
    options_to_items = None

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from bs4 import BeautifulSoup

# Hundreds of real builds: left out by -m "not slow".
pytestmark = pytest.mark.slow

LOCATED = re.compile(r'(?P<file>.+?):(?P<line>\d+): (?P<level>WARNING|ERROR): (?P<message>.*) '
                     r'\[wsclose\.(?P<subtype>[a-z-]+)\]')
BASE_CONF = (
    "project = 'Fuzz'\n"
    "extensions = ['myst_parser', 'sphinxext_wsclose']\n"
    'show_warning_types = True  # the default from Sphinx 8; 7.4 needs it said\n'
    "smartquotes = False  # '\"' stays '\"'\n"
)
#: The page of each syntax, and the line of its directive.
PAGES = {'myst': 'page-myst.md', 'rst': 'page-rst.rst'}
DOCNAMES = {'myst': 'page-myst', 'rst': 'page-rst'}
HEADINGS = {'myst': '# Fuzz\n\n', 'rst': 'Fuzz\n====\n\n'}
DIRECTIVE_LINE = {'myst': 3, 'rst': 4}
CODES_PAGE = '# Codes\n\n```{wsclose-table}\n```\n'
HUGE = '1' * 5000
BUNDLED = [entry for entry in REGISTRY if entry.kind is not Kind.CUSTOM]


def capped(examples: int) -> settings:
    """The fuzz tests' settings, with at most *examples* examples (fewer if the profile says so)."""
    return settings(FUZZ, max_examples=min(examples, settings.default.max_examples))


def _collapse(text: str) -> str:
    """*text* as HTML shows it: runs of spaces (and of what str.split calls space) as one."""
    return ' '.join(text.split())


# -- the project: one live app at a time ----------------------------------------

class Project:
    """A MyST project (with one rST page), rebuilt incrementally for each example."""

    def __init__(self, srcdir: Path) -> None:
        self.srcdir = srcdir
        self.conf = ''
        self.app: SphinxTestApp | None = None
        srcdir.mkdir(parents=True)
        (srcdir / 'index.md').write_text(
            '# Fuzz\n\n```{toctree}\ncodes\npage-myst\npage-rst\n```\n', encoding='utf-8')
        (srcdir / 'codes.md').write_text(CODES_PAGE, encoding='utf-8')
        for syntax, page in PAGES.items():
            (srcdir / page).write_text(HEADINGS[syntax], encoding='utf-8')

    def configure(self, conf: str = BASE_CONF, *, anew: bool = False) -> list[str]:
        """Build with *conf* as conf.py (a new app if it changed); return the warnings."""
        if conf == self.conf and self.app is not None and not anew:
            return []
        self.close()
        (self.srcdir / 'conf.py').write_text(conf, encoding='utf-8')
        self.conf = conf
        self.app = SphinxTestApp('html', srcdir=self.srcdir, status=StringIO(),
                                 warning=StringIO())
        self.app.build()
        return warnings(self.app)

    def close(self) -> None:
        if self.app is not None:
            self.app.cleanup()
            self.app = None

    def write(self, pages: dict[str, str]) -> None:
        """Write the pages that changed, newer than the last build."""
        for name, text in pages.items():
            path = self.srcdir / name
            if path.read_text(encoding='utf-8') != text:
                path.write_text(text, encoding='utf-8')
                # Newer than the last read, whatever the file system's clock.
                later = path.stat().st_mtime + 10
                os.utime(path, (later, later))

    def build(self, pages: dict[str, str]) -> list[str]:
        """Write the pages that changed, build, and return the build's warnings."""
        assert self.app is not None
        self.write(pages)
        self.app.warning.seek(0)
        self.app.warning.truncate(0)
        self.app.build()  # no exception, whatever the input
        return warnings(self.app)

    def page(self, syntax: str, body: str = '') -> dict[str, str]:
        """The pages with *body* on the page of *syntax*, and the other page empty."""
        return {page: HEADINGS[name] + (body if name == syntax else '')
                for name, page in PAGES.items()}

    def html(self, name: str) -> BeautifulSoup:
        assert self.app is not None
        return html(self.app, name)

    def source(self, syntax: str) -> str:
        return str(self.srcdir / PAGES[syntax])


@pytest.fixture(scope='module')
def project(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Project]:
    built = Project(tmp_path_factory.mktemp('fuzz-directives') / 'src')
    try:
        assert built.configure() == []
        yield built
    finally:
        built.close()


def located(found: list[str]) -> list[tuple[str, int, str, str]]:
    """Each warning as (file, line, level, subtype); every one must be located and typed."""
    result = []
    for line in found:
        match = LOCATED.fullmatch(line)
        assert match is not None, found  # a warning without file:line or [wsclose.*]
        assert match['subtype'] in DOCUMENTED_SUBTYPES, line
        result.append((match['file'], int(match['line']), match['level'], match['subtype']))
    return result


# -- writing options ------------------------------------------------------------

def _myst_option(name: str, value: str) -> str:
    """A MyST option line that gives the directive *value* exactly.

    MyST reads options as a subset of YAML: ``a # b`` loses its comment and
    quotes are taken off.  Such a value is written double-quoted, as a user
    who wants it verbatim must write it.
    """
    if not value:
        return f':{name}:\n'
    plain = f':{name}: {value}\n'
    if options_to_items is None:
        if re.fullmatch(r'[\w ,.+-]*', value):
            return plain
    elif _myst_reads(f'{name}: {value}') == [(name, value)]:
        return plain
    quoted = f':{name}: {json.dumps(value, ensure_ascii=False)}\n'
    if options_to_items is not None and _myst_reads(quoted[1:]) != [(name, value)]:
        reject()  # MyST cannot say it at all
    return quoted


def _myst_reads(line: str) -> list[tuple[str, str]] | None:
    try:
        items, state = options_to_items(line)
    except Exception:  # any reading error means: not like this
        return None
    return None if state.has_comments else items


def _directive(syntax: str, name: str, argument: str, options: dict[str, str],
               body: str = '') -> str:
    if syntax == 'rst':
        lines = ''.join(f'   :{key}: {value}'.rstrip() + '\n' for key, value in options.items())
        text = f'.. {name}:: {argument}'.rstrip() + '\n' + lines
        return text + (f'\n   {body}\n' if body else '')
    lines = ''.join(_myst_option(key, value) for key, value in options.items())
    text = f'```{{{name}}} {argument}'.rstrip() + '\n' + lines
    return text + (f'\n{body}\n' if body else '') + '```\n'


# -- wsclose-table ------------------------------------------------------------------

#: The options docs/table-options.rst lists, and Sphinx's older spelling of one.
OPTIONS = ('codes', 'columns', 'set', 'ranges', 'custom', 'caption', 'name', 'class', 'widths',
           'no-index', 'noindex')
#: Each column's header, as docs/table-options.rst lists them.
HEADERS = {
    'code': 'Code', 'name': 'Name', 'description': 'Description', 'reference': 'Reference',
    'iana-name': 'IANA name', 'constant': 'Constant', 'codename': 'Blog codename',
    'wire': 'Sent on the wire', 'internal': 'Internal', 'customizable': 'Customizable',
    'browser': 'Browser close()', 'libraries': 'Library names', 'reconnect': 'Reconnect',
    'direction': 'Sent by', 'set': 'Defined by', 'closed-by': 'Closed by',
}
_YES = {'yes', 'true', 'on', 'show', '1'}
_NO = {'no', 'false', 'off', 'hide', '0'}
_BROWSER = ((1000, 1000), (3000, 4999))
# Labels that Sphinx itself defines: a table named so is Sphinx's duplicate label.
_SPHINX_LABELS = {'genindex', 'modindex', 'py-modindex', 'search', 'wsclose-index'}

_HOSTILE = st.one_of(
    st.integers(7, 5000).map(lambda n: '9' * n),  # numbers of any length
    st.sampled_from([
        HUGE, f'{HUGE}-{HUGE}', f'1000-{HUGE}', f'-{HUGE}', f'+{HUGE}', f'{HUGE} 1 1 1',
        '\u00b2', '\u00b2 \u00b2 \u00b2 \u00b2', '\u0661\u0660\u0660\u0668',  # ², Arabic-Indic
        '\u0664\u0660\u0660\u0660-\u0664\u0669\u0669\u0669', '\uff11\uff10\uff10\uff10',
        '\U0001d7cf\U0001d7ce\U0001d7ce\U0001d7ce', '\u2074\u2070\u2070\u2071',
        '', ',', ',,,', ', ,', '-', '\u2013', '--', '!!!', '...', '-,-', ';', '?', '#', '"',
        "'", '""', '1000\u20131015', '1000\u20141015', '1000 - 1015', '1000-', '-1000',
        '+1000', '01000', '1000.0', '1e3', '0x3e8', 'browser', 'BROWSER', 'browser, 1008',
        '1015-1000', '65535', '65536', '0-65535', '5000-65535', '4000-4999, 1000',
        '<script>alert(1)</script>', '" onmouseover="x', r'\input{/etc/passwd}', '*x*',
        '`x`', '{wsclose}`9999`', ':wsclose:`9999`', '&amp;', '&#65;', '[x](y)',
        'code name', 'CODE, NAME', 'code,,name', 'code code', 'auto', 'GRID', '0 0 0 0',
        '1 2 3', '1 2 3 4 5', '1,2,3,4', '1000000 1 1 1', 'yes', 'no', 'Yes', 'maybe',
        'include', 'exclude', 'only', 'ONLY',
    ]),
)
_UNKNOWN = st.one_of(
    st.from_regex(r'[a-z][a-z0-9-]{0,12}', fullmatch=True),
    st.sampled_from(['colour', 'no_index', 'index', 'code', 'column', 'widths-', 'caption-x']),
).filter(lambda name: name not in OPTIONS)
# A caption is inline markup: these characters are none, in rST or in MyST.
_CAPTION = st.text(st.characters(categories=('L', 'N', 'Zs'), include_characters=".,;?'\"()/+=%^-"),
                   max_size=30).map(str.strip)
_GOOD = {
    **VALID_OPTIONS,
    'codes': st.one_of(VALID_OPTIONS['codes'], st.lists(SPAN, min_size=1, max_size=3).map(
        lambda spans: ' , '.join(span.replace('-', '\u2013') for span in spans))),
    'caption': _CAPTION,
    'name': VALUE,
    'no-index': st.sampled_from(['', 'yes', 'no', 'true', 'false', 'on', 'off']),
    'noindex': st.just(''),
    'set': st.lists(st.sampled_from(['registry', *SETS]), min_size=1, max_size=3).map(', '.join),
}


@st.composite
def _table_options(draw: st.DrawFn) -> dict[str, str]:
    names = draw(st.lists(st.one_of(st.sampled_from(OPTIONS), _UNKNOWN), min_size=1, max_size=3,
                          unique=True))
    options = {}
    for name in names:
        if name == 'caption':
            value = draw(_CAPTION)
        else:
            value = draw(st.one_of(_GOOD.get(name, VALUE), _HOSTILE, VALUE))
        options[name] = value
    if 'name' in options and _name_id(options['name']) in _SPHINX_LABELS:
        reject()
    if not {'no-index', 'noindex'} & set(options) and draw(st.booleans()):
        options['no-index'] = ''  # the table would repeat codes.md's rows otherwise
    return options


def _name_id(name: str) -> str:
    return nodes.make_id(nodes.fully_normalize_name(name.strip()))


@dataclass
class TableOutcome:
    """What a table with some options should give: its warnings, and its shape."""

    bad: list[str]  # the options that get a wsclose.option warning, one each
    rows: int
    columns: list[str]
    classes: list[str]
    indexed: bool
    given_widths: bool  # not ':widths: auto' or 'grid', which leave the widths to the writer
    #: The rows that codes.md's table has too (the registry's, not a set's).
    registry_rows: int = 0


def _number(text: str) -> int | None:
    """*text* as a close code, if it is one: ASCII digits only, of any length."""
    if not re.fullmatch(r'[+-]?[0-9]+', text.strip()):
        return None
    digits = text.strip().lstrip('+-').lstrip('0') or '0'
    if len(digits) > 6 or (text.strip().startswith('-') and digits != '0'):
        return None
    value = int(digits)
    return value if value <= 65535 else None


def _codes(value: str) -> list[tuple[int, int]] | None:
    """The spans of ``:codes:``, as docs/table-options.rst describes them; None if bad."""
    items = [item.strip() for item in value.split(',') if item.strip()]
    spans = []
    for item in items:
        if item.lower() == 'browser':
            spans.extend(_BROWSER)
            continue
        match = re.fullmatch(r'(\S+?)\s*(?:[-\u2013]\s*(\S+))?', item)
        if match is None or (first := _number(match[1])) is None:
            return None
        last = first if match[2] is None else _number(match[2])
        if last is None or last < first:
            return None
        spans.append((first, last))
    return spans or None


def _yes_no(value: str) -> bool | None:
    """*value* as yes (True) or no (False), or None if it is neither."""
    folded = value.strip().lower()
    return True if folded in _YES else False if folded in _NO else None


def _widths(value: str, count: int) -> bool:
    """Whether *value* is one whole number per column (more than six digits are refused)."""
    parts = [part for part in re.split(r'[\s,]+', value.strip()) if part]
    return len(parts) == count and all(
        re.fullmatch(r'[0-9]{1,6}', part) and int(part) > 0 for part in parts)


def _sources(options: dict[str, str], bad: list[str]) -> list[str]:
    """Where ``:set:`` takes the rows from; a bad value is added to *bad*."""
    if 'set' not in options:
        return ['registry']
    known = ('registry', *SETS)
    names = [name for name in re.split(r'[\s,]+', options['set'].strip().lower()) if name]
    if not names or any(name not in known for name in names):
        bad.append('set')
    return list(dict.fromkeys(name for name in names if name in known)) or ['registry']


def table_outcome(options: dict[str, str]) -> TableOutcome:
    """What docs/table-options.rst says a table with *options* does."""
    bad = [name for name in options if name not in OPTIONS]
    spans: list[tuple[int, int]] = []
    if 'codes' in options:
        found = _codes(options['codes'])
        if found is None:
            bad.append('codes')
        else:
            spans = found
    columns = ['code', 'name', 'description', 'reference']
    if 'columns' in options:
        names = [name for name in re.split(r'[\s,]+', options['columns'].strip().lower()) if name]
        if not names or any(name not in HEADERS for name in names):
            bad.append('columns')
        columns = list(dict.fromkeys(name for name in names if name in HEADERS)) or columns
    given_widths = True
    if 'widths' in options:
        given_widths = options['widths'].strip().lower() not in {'auto', 'grid'}
        if given_widths and not _widths(options['widths'], len(columns)):
            bad.append('widths')
    ranges = _yes_no(options.get('ranges', 'yes'))
    if ranges is None:
        bad.append('ranges')
    custom = options.get('custom', 'include').strip().lower()
    if custom not in {'include', 'exclude', 'only'}:
        bad.append('custom')
        custom = 'include'
    class_names = options.get('class', '').split()
    classes = [nodes.make_id(name) for name in class_names if nodes.make_id(name)]
    if len(classes) < len(class_names):
        bad.append('class')
    # ':no-index:' alone is the flag; ':no-index: no' means no flag.
    no_index = options.get('no-index', options.get('noindex'))
    indexed = no_index is None or _yes_no(no_index) is False
    if no_index and no_index.strip() and _yes_no(no_index) is None:
        bad.append('no-index')
    sources = _sources(options, bad)
    shown = {source: 0 if custom == 'only' else sum(  # this project has no codes of its own
        (ranges is not False or not entry.is_range)
        and (not spans or any(a <= entry.first and entry.last <= b for a, b in spans))
        for entry in (BUNDLED if source == 'registry' else set_registries()[source])
    ) for source in sources}
    if 'columns' not in options and sum(1 for count in shown.values() if count) > 1:
        columns = [*columns, 'set']  # rows of several sources: "Defined by"
    return TableOutcome(bad, sum(shown.values()), columns, classes, indexed, given_widths,
                        shown.get('registry', 0))


@capped(220)
@given(syntax=st.sampled_from(SYNTAXES), options=_table_options())
def test_table_options(project: Project, syntax: str, options: dict[str, str]) -> None:
    """Each bad option warns once, at the directive; the table keeps the rest."""
    project.configure()
    found = located(project.build(project.page(
        syntax, _directive(syntax, 'wsclose-table', '', options))))
    outcome = table_outcome(options)
    where = (project.source(syntax), DIRECTIVE_LINE[syntax], 'WARNING')
    expected = [(*where, 'option')] * (len(outcome.bad) + (outcome.rows == 0))
    if outcome.indexed and outcome.registry_rows:
        expected.append((*where, 'duplicate'))  # codes.md's table has every registry row
    assert found == expected, (options, project.app.warning.getvalue())
    # Each bad option's warning names it.
    messages = [line for line in warnings(project.app) if '[wsclose.option]' in line]
    for name in outcome.bad:
        assert any(f'wsclose-table :{name}: ' in line for line in messages), (name, messages)

    tables = project.html(DOCNAMES[syntax]).select('table.wsclose-table')
    if outcome.rows == 0:
        assert tables == []  # left out, with its warning
        return
    assert len(tables) == 1, options
    table = tables[0]
    assert len(table.select('tbody tr')) == outcome.rows
    assert [th.get_text() for th in table.select('thead th')] == [
        HEADERS[name] for name in outcome.columns]
    assert set(outcome.classes) <= set(table['class'])
    assert len(table.select('colgroup col')) == len(outcome.columns) * outcome.given_widths
    assert (table.select_one('tbody tr[id]') is not None) is outcome.indexed
    if options.get('caption'):
        caption = table.select_one('caption .caption-text')
        assert caption is not None
        assert _collapse(caption.get_text()) == _collapse(options['caption'])
    if options.get('name', '').strip():
        made = _name_id(options['name'])
        assert table.get('id'), options  # a target for :ref:, whatever the name
        if made and made != 'fuzz':  # 'fuzz' is the section's id already
            assert table['id'] == made


# -- wsclose:code ---------------------------------------------------------------------

_LINE_BREAKS = '\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029'
# rST splits lines at what str.splitlines() splits at, and expands tabs; MyST
# turns NUL into U+FFFD (CommonMark), and a backquote ends its fence's info.
_NAME_TEXT = {
    'rst': st.text(st.characters(blacklist_characters=_LINE_BREAKS + '\t',
                                 blacklist_categories=('Cs',)), max_size=16),
    'myst': st.text(st.characters(blacklist_characters='\r\n\t\x00`',
                                  blacklist_categories=('Cs',)), max_size=16),
}
_CODE_TEXT = st.one_of(
    st.integers(-5, 70000).map(str),
    st.integers(7, 5000).map(lambda n: '4' * n),
    st.sampled_from([
        HUGE, f'-{HUGE}', '+4001', '04001', '4001.0', '0x0FA1', '4e3', '\u00b2',
        '\u0664\u0660\u0660\u0661', '\uff14\uff10\uff10\uff11', '\u2074\u2070\u2070\u2071',
        '4001-4002', '!', '-', '...', '<4001>', '"4001"',
    ]),
)
_CODE_NAME = st.one_of(
    CONTENT,
    st.sampled_from([
        '', '!!!', '...', '-', '"', '""', '<script>alert(1)</script>', '" onmouseover="x',
        r'\input{/etc/passwd}', '*x*', '**Token** expired', '{wsclose}`1008`',
        ':wsclose:`1008`', '&amp; &#65;', '[link](https://example.com)', '$x$',
        'Token expired', 'Normal Closure', 'POLICY_VIOLATION', 'a\x01b', 'a\x7fb\x9fc',
        'Token\u2028expired', 'a\x1cb', 'a\x85b', 'a\x0bb', '\u200b', 'x\u00a0\u00a0y',
    ]),
)


@st.composite
def _code_directive(draw: st.DrawFn) -> tuple[str, str, str | None, str]:
    syntax = draw(st.sampled_from(SYNTAXES))
    code = draw(_CODE_TEXT)
    name = draw(st.one_of(_CODE_NAME, _NAME_TEXT[syntax]))
    name = ''.join(char for char in name if char not in _NAME_SKIPS[syntax])
    signature = draw(st.one_of(
        st.just(f'{code} {name}'), st.just(code), st.just(''), _NAME_TEXT[syntax]))
    if syntax == 'rst' and signature.lstrip().startswith(':'):
        reject()  # rST reads it as an option, not as the argument
    constant = draw(st.one_of(st.none(), VALUE, st.sampled_from(
        ['TOKEN_EXPIRED', 'TIMEOUT', '<b>K</b>', '""', r'\relax'])))
    flag = draw(st.sampled_from(['', 'no-index', 'no-index-entry']))
    return syntax, signature, constant, flag


_NAME_SKIPS = {'rst': _LINE_BREAKS + '\t', 'myst': '\r\n\t\x00`'}


@dataclass
class CodeOutcome:
    """What a ``wsclose:code`` should give: its warnings, and what it registers."""

    warnings: list[tuple[str, str | None]]  # (level, subtype); None: any documented one
    code: int | None  # registered as the project's own code
    name: str
    parsed: bool = False  # shown as a code and its name, not as the text written


def code_outcome(signature: str, flag: str) -> CodeOutcome:
    """What docs/own-codes.rst and docs/warnings.rst say ``wsclose:code`` does."""
    parts = signature.split(None, 1)
    if len(parts) < 2:
        return CodeOutcome([('WARNING', 'invalid')], None, '')
    number, name = _number(parts[0]), parts[1].strip()
    if number is None:
        return CodeOutcome([('WARNING', 'invalid')], None, name)
    assigned = {entry.first for entry in BUNDLED if entry.kind is Kind.CODE}
    if 4000 <= number <= 4999 or (3000 <= number <= 3999 and number not in assigned):
        found, kept = [], True
    elif 1000 <= number <= 2999 and number not in assigned:
        found, kept = [('WARNING', 'custom-range')], True  # registered all the same
    elif number in assigned:
        return CodeOutcome([('WARNING', 'custom-range')], None, name)
    else:
        return CodeOutcome([('ERROR', 'custom-range')], None, name)
    if kept and re.search(CONTROL, name):
        # A control character in a name: wsclose_codes warns and shows it folded
        # (objects.inv would break at a line break), and so must the directive.
        found.append(('WARNING', None))
    return CodeOutcome(found, number if flag != 'no-index' else None, name, parsed=True)


def _inventory_names(app: SphinxTestApp) -> dict[str, str]:
    """The display name of each ``wsclose:code`` in objects.inv, as another project reads it."""
    codes = load_inventory(app.outdir / 'objects.inv').get('wsclose:code', {})
    return {key: text for key, (_uri, text) in codes.items()}


def _signature_as_read(syntax: str, signature: str,
                       options: dict[str, str]) -> tuple[str, list[str]]:
    """The directive's argument as the parser gets it, and the lines carried to the body.

    docutils < 0.21 reads a U+2028 (and the like) as a new line, before MyST
    sees it: the argument ends there, and the rest opens the body.
    """
    if syntax == 'rst':
        return signature.replace('\x00', ''), []  # docutils' own escape mark, never shown
    read, *carried = source_lines(signature)
    if carried and (options or not re.fullmatch(r'[\w ]*', ' '.join(carried))):
        reject()  # the carried text would read as options or as markup
    return read, carried


@capped(220)
@given(case=_code_directive())
# Found here: a line break in a MyST name cuts the entry in objects.inv.
@example(case=('myst', '4001 Token\u2028expired', None, ''))
@example(case=('myst', '4001 Token\x01expired', None, ''))  # not a line break anywhere
# Found here: a NUL, which docutils drops from the HTML, reaches objects.inv.
@example(case=('rst', '4002 \x00x', None, ''))
def test_code_directive(project: Project, case: tuple[str, str, str | None, str]) -> None:
    """A bad signature warns once, at the directive, and keeps its text; a good one registers."""
    syntax, signature, constant, flag = case
    options = {} if constant is None else {'constant': constant}
    if flag:
        options[flag] = ''
    read, carried = _signature_as_read(syntax, signature, options)
    project.configure()
    found = located(project.build(project.page(
        syntax, _directive(syntax, 'wsclose:code', signature, options, 'Body of the code.'))))
    signature = read
    outcome = code_outcome(signature, flag)
    where = (project.source(syntax), DIRECTIVE_LINE[syntax])
    assert len(found) == len(outcome.warnings), (found, outcome)
    assert {warning[:2] for warning in found} <= {where}, found
    got = [(level, subtype) for _file, _line, level, subtype in found]
    for level, subtype in outcome.warnings:
        match = next((w for w in got if w[0] == level and subtype in {w[1], None}), None)
        assert match is not None, (found, outcome)
        got.remove(match)

    page = project.html(DOCNAMES[syntax])
    (definition,) = page.select('dl.wsclose')
    term = definition.select_one('dt')
    assert term is not None
    for link in term.select('a.headerlink'):
        link.extract()  # the permalink's '¶', which the user did not write
    # The body is kept, and so is the signature: as written when it is refused.
    body = _collapse(definition.select_one('dd').get_text())
    assert body.startswith(_collapse(' '.join(carried))), body
    assert body.endswith('Body of the code.'), body
    # Inert: no markup but the constant's own annotation (an <em> on Sphinx 7.4).
    assert page.select('dt script, dt b, dt em:not(.property), dt strong, dt a.reference') == []
    shown = term.select_one('.wsclose-code-name')
    assert (shown is not None) is outcome.parsed, term
    if shown is not None:
        assert _collapse(shown.get_text()) in {_collapse(outcome.name),
                                               _collapse(re.sub(CONTROL, ' ', outcome.name))}
        if constant and constant.strip():
            annotation = term.select_one('.property')
            assert annotation is not None
            assert _collapse(annotation.get_text()) == _collapse(f'({constant.strip()})')
    else:
        assert _collapse(term.get_text()) == _collapse(signature)

    # Registered: a target, a row in codes.md's table, an entry in objects.inv.
    rows = project.html('codes').select('tr.wsclose-custom')
    inventory = _inventory_names(project.app)
    bundled = {entry.key for entry in BUNDLED}  # the rows of codes.md's table
    if outcome.code is None:
        assert rows == [], signature
        assert set(inventory) == bundled
        return
    assert term.get('id') == f'wsclose-{outcome.code}'
    assert [_collapse(row.td.get_text()) for row in rows] == [str(outcome.code)]
    cells = [cell.get_text() for cell in rows[0].find_all('td')]
    assert _collapse(cells[1]) == _collapse(shown.get_text())
    assert set(inventory) == {*bundled, str(outcome.code)}
    # Another project reads the name as this one shows it.
    assert _collapse(inventory[str(outcome.code)]) == _collapse(
        f'{outcome.code} {shown.get_text()}'), inventory


# -- conf.py ------------------------------------------------------------------------

_FORMATS = st.one_of(st.text(max_size=12), st.sampled_from(
    ['{code} {name}', '{constant}', '{name} ({code})', '{code', '{}', '{0}', '{code[9]}',
     '{code.upper}', '{name.__class__}', '{code[0]}', '{name!r}', '{code:>8}', '<b>{name}</b>',
     '{name} \\input{{x}}']))
# The keys and items of test_fuzz.py, and more that are (nearly) good codes, to keep.
_CONF_KEYS = st.one_of(
    CODE_KEYS, st.integers(2995, 4010), st.integers(4000, 4999).map(str),
    st.sampled_from([' 4001', '+4001', '04001', '4001\x1f', '\u0664\u0660\u0660\u0661', HUGE,
                     f'-{HUGE}', 1008, 2001, 5000]),
)
_CONF_ITEMS = st.one_of(CODE_ITEMS, st.sampled_from([
    'Token expired', 'token-expired', 'Normal Closure', 'TIMEOUT', 'a\nb', '\u2028', ' ',
    '<script>alert(1)</script>', {'constant': 'TOKEN_EXPIRED'}, {'constant': 'tokenExpired'},
    {'name': 'x', 'description': 'd\x1fe'}, {'name': '', 'constant': ''},
]))
_FLAG_VALUES = st.one_of(st.booleans(), st.integers(0, 2), st.none())
FLAGS = {'wsclose_index_entries': True, 'wsclose_domain_index': True}


@dataclass
class Conf:
    """A conf.py, and the line each value and each item of wsclose_codes is on."""

    text: str
    lines: dict[str, int]
    item_lines: list[int]


def write_conf(codes: object, values: dict[str, object]) -> Conf:
    lines = BASE_CONF.splitlines()
    where = {}
    item_lines = []
    if isinstance(codes, dict):
        where['wsclose_codes'] = len(lines) + 1
        lines.append('wsclose_codes = {')
        for key, item in codes.items():
            lines.append(f'    {key!r}: {item!r},')
            item_lines.append(len(lines))
        lines.append('}')
    else:
        lines.append(f'wsclose_codes = {codes!r}')
        where['wsclose_codes'] = len(lines)
    for name, value in values.items():
        lines.append(f'{name} = {value!r}')
        where[name] = len(lines)
    return Conf('\n'.join(lines) + '\n', where, item_lines)


def _code_item(key: object, item: object) -> tuple[int, dict[str, str]] | None:
    """The code and fields of one item of ``wsclose_codes``, if they have the right types."""
    # str.strip, as the extension does: it also takes '\x1f' for space.
    numeric = isinstance(key, str) and re.fullmatch(r'[+-]?[0-9]+', key.strip())
    if isinstance(key, bool) or not (isinstance(key, int) or numeric):
        return None
    code = _number(key) if isinstance(key, str) else int(key)  # 5,000 digits are fine too
    fields = {'name': item} if isinstance(item, str) else item
    if (
        code is None
        or not 0 <= code <= 65535
        or not isinstance(fields, dict)
        or set(fields) - {'name', 'description', 'constant'}
        or not all(isinstance(value, str) for value in fields.values())
    ):
        return None
    return code, fields


def expected_code_items(codes: dict[object, object], item_lines: list[int]) -> tuple[
        list[tuple[int, str, str]], dict[int, dict[str, str]]]:
    """The warnings (line, level, subtype) that ``wsclose_codes`` deserves, and the codes kept.

    The rules of test_fuzz.expected_code_warnings, each at the line of its item.
    """
    found: list[tuple[int, str, str]] = []
    kept: dict[int, dict[str, str]] = {}
    names: dict[int, set[str]] = {}
    lines: dict[int, int] = {}
    warned: set[int] = set()
    bundled = {fold_name(name) for name in NAMES}
    assigned = {entry.first for entry in BUNDLED if entry.kind is Kind.CODE}
    for (key, item), line in zip(codes.items(), item_lines, strict=True):
        read = _code_item(key, item)
        if read is None:
            found.append((line, 'WARNING', 'config'))
            continue
        code, fields = read
        shown = {k: ' '.join(re.sub(CONTROL, ' ', v).split()) for k, v in fields.items()}
        if not (shown.get('name') or shown.get('constant')):
            found.append((line, 'WARNING', 'config'))
            continue
        # One warning an item (docs/code-sources.rst): the one that matters most.
        if code < 1000 or code > 4999:
            found.append((line, 'ERROR', 'custom-range'))
            continue
        if code in assigned:
            found.append((line, 'WARNING', 'custom-range'))
            continue
        if code in kept:
            found.append((line, 'WARNING', 'config'))  # '4001' and 4001: the first is kept
            continue
        if code < 3000:
            found.append((line, 'WARNING', 'custom-range'))  # 1000-2999: kept all the same
            warned.add(code)
        elif any(re.search(CONTROL, value) for value in fields.values()):
            found.append((line, 'WARNING', 'config'))  # kept, folded, with a warning
            warned.add(code)
        kept[code] = shown
        lines[code] = line
        given_names = {fold_name(shown[k]) for k in ('name', 'constant') if shown.get(k)}
        if not shown.get('name'):
            given_names.add(fold_name(readable_name(shown['constant'])))
        given_names.discard('')
        names[code] = given_names
    earlier: set[str] = set()
    for code in sorted(names):
        if (names[code] & earlier) - bundled and code not in warned:
            found.append((lines[code], 'WARNING', 'config'))  # one name, two own codes
        earlier |= names[code]
    return found, kept


def _format_problem(role_format: str) -> bool:
    try:
        fields = [f for _t, f, _s, _c in string.Formatter().parse(role_format) if f is not None]
        role_format.format(code='1000', name='Normal Closure', constant='NORMAL_CLOSURE')
    except (ValueError, KeyError, IndexError, AttributeError, TypeError):
        return True
    return not fields or not set(fields) <= {'code', 'name', 'constant'}


#: The values as docs/configuration.rst declares them: default, and types.
DECLARED: dict[str, tuple[object, tuple[type, ...]]] = {
    'wsclose_codes': ({}, (dict, str)),
    'wsclose_role_format': ('{code} {name}', (str,)),
    'wsclose_fallback': ('rfc', (str,)),
    'wsclose_index_entries': (True, (bool,)),
    'wsclose_domain_index': (True, (bool,)),
}


def _sphinx_refuses(name: str, value: object) -> bool:
    """Whether Sphinx's own type check warns (docs/warnings.rst: it has no subtype)."""
    default, types = DECLARED[name]
    kind, default_kind = type(value), type(default)
    if kind is default_kind or kind in types:
        return False
    # Sphinx lets a value through that shares a base class with the default (0 for True).
    return not ({*kind.__bases__, kind} & set(default_kind.__bases__)) - {object}


@capped(75)
@given(
    codes=st.one_of(st.dictionaries(_CONF_KEYS, _CONF_ITEMS, max_size=4), st.integers(),
                    st.text(max_size=3)),
    role_format=_FORMATS,
    fallback=st.one_of(st.sampled_from(['rfc', 'iana', 'none']), st.text(max_size=5)),
    flags=st.tuples(_FLAG_VALUES, _FLAG_VALUES),
)
# A key of 5,000 digits, which int() refuses to read, next to a good one.
@example(codes={HUGE: 'Huge', 4001: 'Fine'}, role_format='{code} {name}', fallback='rfc',
         flags=(True, True))
# Found here: '4001' and 4001 give two contradicting warnings, one at the wrong line.
@example(codes={4001: 'A', '4001': 'B'}, role_format='{code} {name}', fallback='rfc',
         flags=(True, True))
# Found here: None and 'None' are two keys, not one given twice.
@example(codes={None: 'a', 'None': 'b'}, role_format='{code} {name}', fallback='rfc',
         flags=(True, True))
# Found here: a negative key is warned about at `wsclose_codes =`, not at its line.
@example(codes={-5: 'x'}, role_format='{code} {name}', fallback='rfc', flags=(True, True))
def test_config_values(
    project: Project, codes: object, role_format: str, fallback: str,
    flags: tuple[object, object],
) -> None:
    """Each bad value or item warns once, at its line of conf.py; the rest still works."""
    values = {'wsclose_role_format': role_format, 'wsclose_fallback': fallback,
              **dict(zip(FLAGS, flags, strict=True))}
    conf = write_conf(codes, values)
    project.write(project.page('myst', '* {wsclose}`1008`\n'))
    found = project.configure(conf.text, anew=True)  # conf.py is read as an app starts
    confpy = str(project.srcdir / 'conf.py')

    expected: list[tuple[str, int, str, str]] = []
    kept: dict[int, dict[str, str]] = {}
    if isinstance(codes, dict):
        items, kept = expected_code_items(codes, conf.item_lines)
        expected += [(confpy, *item) for item in items]
    else:
        expected.append((confpy, conf.lines['wsclose_codes'], 'WARNING', 'config'))
    if _format_problem(role_format):
        expected.append((confpy, conf.lines['wsclose_role_format'], 'WARNING', 'config'))
    if fallback not in ('rfc', 'iana', 'none'):
        expected.append((confpy, conf.lines['wsclose_fallback'], 'WARNING', 'config'))
    for name, value in zip(FLAGS, flags, strict=True):
        if not isinstance(value, bool):
            expected.append((confpy, conf.lines[name], 'WARNING', 'config'))

    # Sphinx's own warning for a value of the wrong type: no location, no subtype.
    sphinx_own = re.compile(r"WARNING: The config value `(wsclose_\w+)' has type `\w+'; "
                            r'expected .+\.')
    given_values = {'wsclose_codes': codes, **values}
    refused = {name for name, value in given_values.items() if _sphinx_refuses(name, value)}
    ours = [line for line in found if not sphinx_own.fullmatch(line)]
    assert {match[1] for line in found if (match := sphinx_own.fullmatch(line))} == refused
    assert sorted(located(ours)) == sorted(expected), (codes, conf.text, found)

    # Every code kept is a row of the table, with its name as written (folded).
    table = project.html('codes').select_one('table.wsclose-table')
    assert table is not None
    for link in table.select('a.headerlink'):
        link.extract()  # each row's permalink, '¶'
    rows = {row['id']: row for row in table.select('tr.wsclose-custom')}
    assert set(rows) == {f'wsclose-{code}' for code in kept}, codes
    for code, fields in kept.items():
        name = fields.get('name') or readable_name(fields['constant'])
        cells = [cell.get_text() for cell in rows[f'wsclose-{code}'].find_all('td')]
        assert cells[:3] == [str(code), name, fields.get('description') or name], cells
    # A mention uses the format, when it is a good one.
    shown = role_format if not _format_problem(role_format) else '{code} {name}'
    mention = project.html('page-myst').select_one('div.body li')
    assert mention is not None
    assert mention.get_text() == shown.format(
        code='1008', name='Policy Violation', constant='POLICY_VIOLATION')
