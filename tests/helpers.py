"""What the test modules share: import it from here, never from another test module.

- The test roots and the two syntaxes: :data:`ROOTS`, :data:`SYNTAXES`,
  :data:`SUFFIX` and :func:`copy_root`.
- What a build shows: :func:`warnings` and :func:`html`; the warning
  subtypes that the docs list, :data:`DOCUMENTED_SUBTYPES`.
- The fuzz tests' inputs and rules (test_fuzz.py, test_fuzz_myst.py,
  test_fuzz_myst_directives.py): :data:`FUZZ`, the strategies, and
  :func:`expected_subtype`.
- The model of which items of ``wsclose_codes`` are bad (test_fuzz_sources.py,
  test_fuzz_raising_sources.py): :func:`own_code_of` and :func:`judge_item`.
- The projects that show a snippet of docs/snippets/ (test_doc_examples.py,
  test_golden.py): :func:`write_example_project` and
  :func:`write_data_file_project`.

conftest.py holds only what pytest needs to find there: the fixtures
(``syntax``, ``build``, ``shared``), the ``--regen-golden`` option and the
Hypothesis profiles.  versions.py holds what differs between the supported
Sphinx versions.
"""

from __future__ import annotations

import re
import shutil
from io import StringIO
from pathlib import Path
from typing import TYPE_CHECKING

from bs4 import BeautifulSoup
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from sphinx.testing.util import SphinxTestApp

from sphinxext_wsclose.bundled import REGISTRY, place_custom
from sphinxext_wsclose.columns import COLUMNS
from sphinxext_wsclose.registry import CustomPlacement, Kind
from sphinxext_wsclose.values import CONTROL as CONTROL_CHARS
from sphinxext_wsclose.values import InvalidCodeError, fold_controls

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sphinxext_wsclose.registry import Registry

# -- test roots and syntaxes ----------------------------------------------------

#: The test projects: ``tests/roots/test-<name>/``.
ROOTS = Path(__file__).parent / 'roots'
#: The syntaxes a scenario is written in; the ``syntax`` fixture runs a test in each.
SYNTAXES = ('rst', 'myst')
#: The suffix of a page in each syntax.
SUFFIX = {'rst': 'rst', 'myst': 'md'}
#: What a MyST copy of a root adds to its conf.py: the same extensions, MyST-Parser first.
MYST_CONF = "extensions = ['myst_parser', *extensions]  # the MyST copy (tests/helpers.py)\n"

#: The warning subtypes that docs/warnings.rst documents.
DOCUMENTED_SUBTYPES = frozenset(re.findall(
    r':ref:`wsclose\.([a-z-]+) <warning-',
    (Path(__file__).parents[1] / 'docs' / 'warnings.rst').read_text(encoding='utf-8'),
))

_ESCAPES = re.compile(r'\x1b\[[0-9;]*m')


def copy_root(name: str, dest: Path, syntax: str | None = None) -> Path:
    """Copy the root ``tests/roots/test-<name>`` to *dest* as a project; return *dest*.

    A root written in both syntaxes keeps its pages in ``rst/`` and ``myst/``,
    beside what both share (``conf.py``, data files, ``locales/``). The copy
    gets the shared files and the pages of *syntax*, side by side, so a page
    keeps its name (``index.rst`` or ``index.md``) and its line numbers. A MyST
    copy's ``conf.py`` gets one more line, :data:`MYST_CONF`, at its end, so
    the lines above it keep their numbers too.

    A root in one syntax (``test-fuzz``, ``test-pdf``, ``test-badsources``) is
    copied as it is, with *syntax* left out.
    """
    root = ROOTS / f'test-{name}'
    written = [candidate for candidate in SYNTAXES if (root / candidate).is_dir()]
    if syntax is None:
        if written:
            msg = f'{root.name} is written in {" and ".join(written)}: say which syntax to copy'
            raise ValueError(msg)
        shutil.copytree(root, dest)
        return dest
    if syntax not in written:
        msg = f'{root.name} has no {syntax}/ folder of pages'
        raise ValueError(msg)
    top = str(root)
    shutil.copytree(root, dest, ignore=lambda folder, _names: SYNTAXES if folder == top else ())
    shutil.copytree(root / syntax, dest, dirs_exist_ok=True)
    if syntax == 'myst':
        conf = dest / 'conf.py'
        text = conf.read_text(encoding='utf-8')
        conf.write_text(text + ('' if text.endswith('\n') else '\n') + MYST_CONF,
                        encoding='utf-8')
    return dest


# -- what a build shows ---------------------------------------------------------


def warnings(app: SphinxTestApp) -> list[str]:
    """The warnings of a build, one per line, without colours."""
    return [line for line in _ESCAPES.sub('', app.warning.getvalue()).splitlines() if line]



def body_pages(outdir: Path) -> dict[str, str]:
    """The body of every HTML page of *outdir*, by file name: what two builds must share."""
    return {path.name: str(BeautifulSoup(path.read_text(encoding='utf-8'), 'html.parser')
                           .select_one('div.body') or '')
            for path in sorted(outdir.glob('*.html'))}

def html(app: SphinxTestApp, page: str, *, labels: bool = False) -> BeautifulSoup:
    """The parsed HTML of a built page (``'index'``, ``'codes'``).

    The tables' cells lose the labels that only narrow screens show
    (``span.wsclose-cell-label``), so that a cell's text is its value, unless
    *labels* keeps them (``test_browser.py`` checks them).
    """
    soup = BeautifulSoup((app.outdir / f'{page}.html').read_text(encoding='utf-8'), 'html.parser')
    if not labels:
        for label in soup.select('span.wsclose-cell-label'):
            label.decompose()
    return soup


# -- fuzzing (test_fuzz.py, test_fuzz_myst.py, test_fuzz_myst_directives.py) ------

#: The fuzz tests' settings; the number of examples comes from the profile (conftest.py).
FUZZ = settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
                deadline=None)
#: The registered codes, the keys of the registry's ranges, and every name of a code.
REGISTERED = {entry.first for entry in REGISTRY if entry.kind is Kind.CODE}
RANGE_KEYS = {entry.key for entry in REGISTRY if entry.is_range}
NAMES = sorted({name for entry in REGISTRY if not entry.is_range for name in entry.names()})
#: The control characters that names must not keep.
CONTROL = '[\x00-\x1f\x7f-\x9f\u2028\u2029]'


def fold_name(name: str) -> str:
    """Names compare without case, spaces, hyphens and underscores; dots stay."""
    return re.sub(r'[\s_\-]+', '', re.sub(r'\s*\.\s*', '.', name.strip().casefold()))


def built_app(srcdir: Path) -> Iterator[SphinxTestApp]:
    """A test app for *srcdir*, built once and silent, cleaned up after use."""
    app = SphinxTestApp('html', srcdir=srcdir, freshenv=True, status=StringIO(),
                        warning=StringIO())
    app.build()
    assert warnings(app) == []
    yield app
    app.cleanup()


# Role content: no backquote, backslash or line break (they end or escape the
# role), and no space at either end (then it is no role at all).
CONTENT = st.text(
    st.characters(blacklist_characters='`\\\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029',
                  blacklist_categories=('Cs', 'Cc', 'Zs', 'Zl', 'Zp')),
    min_size=1, max_size=24,
)
_NUMBERS = st.integers(-10**6, 10**7).map(str)
_TARGETS = st.one_of(
    CONTENT, _NUMBERS, st.sampled_from(NAMES), st.sampled_from(sorted(RANGE_KEYS)),
    st.sampled_from(['<script>alert(1)</script>', '" onmouseover="x', r'\input{/etc/passwd}',
                     '|', '4000-4500', '+1008', '1008 ', ' 1008', '00001008', '١٠٠٨']),
)
#: What a role may hold: a target, or a title and a target.
ROLE_TEXT = st.one_of(
    _TARGETS,
    st.tuples(CONTENT, _TARGETS).map(lambda pair: f'{pair[0]} <{pair[1]}>'),
).filter(lambda text: text == text.strip() and '`' not in text and '\\' not in text)


def expected_subtype(target: str) -> str | None:
    """What the role should say about *target*, worked out from the reference facts."""
    if target.startswith('~'):
        # As in Python roles, '~' is taken off a target that means something.
        try:
            REGISTRY.parse(target[1:])
        except InvalidCodeError:
            pass
        else:
            target = target[1:]
    return _expected_subtype(target)


def _expected_subtype(target: str) -> str | None:
    stripped = target.strip()
    if re.fullmatch(r'[+-]?[0-9]+', stripped):
        number = int(stripped)
        if not 0 <= number <= 65535:
            return 'invalid'
        if number < 1000 or number > 4999:
            return 'unused'
        if number in REGISTERED or number >= 4000:
            return None
        return 'unassigned'
    if match := re.fullmatch(r'([0-9]+)\s*[-\u2013\u2014]\s*([0-9]+)', stripped):
        return None if f'{int(match[1])}-{int(match[2])}' in RANGE_KEYS else 'invalid'
    return None if REGISTRY.find(stripped) is not None else 'invalid'


#: An option's value: one line, without spaces at either end.
VALUE = st.text(
    st.characters(blacklist_characters='\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029',
                  blacklist_categories=('Cs', 'Cc')),
    max_size=30,
).map(str.strip)
#: A code or a range of ``:codes:``.
SPAN = st.tuples(st.integers(0, 65535), st.integers(0, 65535)).map(
    lambda pair: f'{min(pair)}-{max(pair)}' if pair[0] != pair[1] else str(pair[0]))
#: Valid values of each option of wsclose-table.
VALID_OPTIONS = {
    'codes': st.lists(SPAN, min_size=1, max_size=4).map(', '.join),
    'columns': st.lists(st.sampled_from(sorted(COLUMNS)), min_size=1, max_size=5).map(', '.join),
    'ranges': st.sampled_from(['yes', 'no', 'true', 'false', 'show', 'hide', 'Yes']),
    'custom': st.sampled_from(['include', 'exclude', 'only']),
    'widths': st.sampled_from(['auto', 'grid', '10 20 50 20', '1,1,1,1']),
    'class': st.from_regex(r'[a-z][a-z0-9-]{0,10}( [a-z][a-z0-9]{0,5}){0,2}', fullmatch=True),
}
#: Keys and items of a ``wsclose_codes`` dict, good and bad.
CODE_KEYS = st.one_of(st.integers(-10, 70000), st.text(max_size=6), st.none(), st.booleans())
CODE_ITEMS = st.one_of(
    st.text(max_size=12).map(lambda name: f'x-{name}'),  # never a registered name
    st.text(max_size=3),
    st.integers(),
    st.none(),
    st.dictionaries(st.sampled_from(['name', 'description', 'constant', 'colour']),
                    st.one_of(st.text(max_size=8), st.integers()), max_size=3),
)


# -- the model of bad items of wsclose_codes (test_fuzz_sources.py, test_fuzz_raising_sources.py)

#: The fields of an item that the fuzz tests' nested dicts give (and others: bad keys).
_FIELD_KEYS = {'name', 'description', 'constant', 'reconnect', 'since'}
_FACT_KEYS = {'reconnect', 'since'}
_RECONNECT = {'yes', 'resume', 'later', 'no'}
_NUMBER = re.compile(r'[+-]?[0-9]+')


def own_code_of(key: object) -> int | None:
    """The code a key stands for, if it is a number in 0-65535 (docs/code-sources.rst)."""
    if isinstance(key, int) and not isinstance(key, bool):
        return key if 0 <= key <= 65535 else None
    if not isinstance(key, str):
        return None
    text = key.strip()
    if not _NUMBER.fullmatch(text):
        return None
    digits = text.lstrip('+-').lstrip('0') or '0'
    number = 65536 if len(digits) > 6 else int(digits)
    number = -number if text.startswith('-') else number
    return number if 0 <= number <= 65535 else None


def judge_item(code: int | None, value: object) -> tuple[bool, bool]:
    """Whether an item is kept, and whether it is bad (left out, or kept with a change).

    The model of docs/code-sources.rst and docs/warnings.rst, written apart
    from the code: a bad key, a bad value, a code that is not the project's
    to define, a fact left out and text that is folded each make the item bad.
    """
    if code is None:
        return False, True
    given = {'name': value} if isinstance(value, str) else value
    if not isinstance(given, dict) or any(key not in _FIELD_KEYS for key in given):
        return False, True
    if any(not isinstance(v, str) for k, v in given.items() if k not in _FACT_KEYS):
        return False, True
    if not (fold_controls(given.get('name', '')) or fold_controls(given.get('constant', ''))):
        return False, True
    placement = place_custom(code)
    if placement in (CustomPlacement.REGISTERED, CustomPlacement.OUTSIDE):
        return False, True
    changed = any(not isinstance(given[k], str) for k in _FACT_KEYS & set(given)) or any(
        isinstance(v, str) and CONTROL_CHARS.search(v) for v in given.values())
    reconnect = given.get('reconnect')
    if isinstance(reconnect, str) and fold_controls(reconnect).strip() and (
            fold_controls(reconnect).strip().lower() not in _RECONNECT):
        changed = True
    return True, changed or placement is CustomPlacement.IETF



def judge_items(data: dict[object, object], registry: Registry) -> tuple[set[int], list[bool]]:
    """The codes a ``wsclose_codes`` mapping keeps, and whether each of its items is bad.

    :func:`judge_item` for each item, in order, with what only the whole
    mapping says: a code given twice keeps its first item, and a kept code
    whose name another own code of the built *registry* has is bad.
    """
    clashed = {other.first for _folded, (first, *others) in registry.clashes()
               if all(entry.kind is Kind.CUSTOM for entry in (first, *others))
               for other in others}
    kept: set[int] = set()
    bad: list[bool] = []
    for key, value in data.items():
        code = own_code_of(key)
        keep, wrong = judge_item(code, value)
        if keep and code in kept:
            keep, wrong = False, True  # given twice: the first is kept
        if keep:
            assert code is not None
            kept.add(code)
            wrong = wrong or code in clashed
        bad.append(wrong)
    return kept, bad

# -- the snippets of the docs (test_doc_examples.py, test_golden.py) -------------

SNIPPETS = Path(__file__).parent.parent / 'docs' / 'snippets'
#: The snippets written in both syntaxes, by name (``<name>.rst.txt``, ``<name>.md.txt``).
PAIRS = sorted(path.name.removesuffix('.rst.txt') for path in SNIPPETS.glob('*.rst.txt'))
EXAMPLES = SNIPPETS.parent / 'examples'
#: The snippets about the game server's enum read it, as docs/conf.py does.
_GAME = (f'import sys\nsys.path.insert(0, {str(EXAMPLES)!r})\n'
         "wsclose_codes = 'gameproto:GameClose'\n")
#: The MyST of the ``:closes:`` field needs MyST-Parser's field lists, as docs/conf.py enables them.
_FIELDS = "myst_enable_extensions = ['fieldlist']\n"
SNIPPET_CONF = {'code-sources-table': _GAME, 'mention-members': _GAME,
                'closes-field': _GAME + _FIELDS}
OWN_TABLES = {'code-sources-table'}


def write_example_project(srcdir: Path, name: str, syntax: str) -> str:
    """Write a project that shows snippet *name* in *syntax*; return the page's docname.

    The page is the snippet under a heading; the index holds the reference
    table that the snippet's mentions link to (tests/test_doc_examples.py and
    tests/test_golden.py build these projects).
    """
    # A snippet with a table of the project's own codes sits beside a reference
    # table that leaves them out, as on docs/reference.rst.
    option = ':custom: exclude\n' if name in OWN_TABLES else ''
    if syntax == 'rst':
        index = (f'Codes\n=====\n\n.. wsclose-table::\n{"   " + option if option else ""}'
                 '\n.. toctree::\n\n   example\n')
        heading = 'Example\n=======\n\n'
    else:
        index = f'# Codes\n\n```{{wsclose-table}}\n{option}```\n\n```{{toctree}}\nexample\n```\n'
        heading = '# Example\n\n'
    suffix = SUFFIX[syntax]
    srcdir.mkdir(parents=True)
    (srcdir / 'conf.py').write_text(
        "extensions = ['myst_parser', 'sphinxext_wsclose']\nshow_warning_types = True\n"
        + SNIPPET_CONF.get(name, ''),
        encoding='utf-8',
    )
    (srcdir / f'index.{suffix}').write_text(index, encoding='utf-8')
    snippet = (SNIPPETS / f'{name}.{suffix}.txt').read_text(encoding='utf-8')
    (srcdir / f'example.{suffix}').write_text(heading + snippet, encoding='utf-8')
    return 'example'


def write_data_file_project(srcdir: Path, suffix: str) -> str:
    """Write a project whose codes come from the data file snippet of *suffix*.

    Return the docname of its page, a table of those codes.
    """
    srcdir.mkdir(parents=True)
    shutil.copy(SNIPPETS / f'close-codes.{suffix}.txt', srcdir / f'close-codes.{suffix}')
    (srcdir / 'conf.py').write_text(
        "extensions = ['sphinxext_wsclose']\nshow_warning_types = True\n"
        f"wsclose_codes = 'close-codes.{suffix}'\n",
        encoding='utf-8',
    )
    (srcdir / 'index.rst').write_text(
        'Codes\n=====\n\n.. wsclose-table::\n   :codes: 4100-4199\n'
        '   :columns: code, name, constant, description\n',
        encoding='utf-8',
    )
    return 'index'
