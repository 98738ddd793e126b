"""Fuzzing: the role target, every directive option, and every config value.

Invariants: no exception escapes; each rejected input gives exactly one
located warning with a ``[wsclose.*]`` subtype; valid input gives none.

One Sphinx application is built once per module (a project with a table);
each example parses a small document into it, resolves its references, and
clears it again.  The number of examples comes from the hypothesis profile:
``ci`` (the default, 2,000 per target), ``dev`` (100) or ``long`` (50,000),
chosen with ``--hypothesis-profile``.
"""

from __future__ import annotations

import re
import string
from types import SimpleNamespace
from typing import TYPE_CHECKING

import pytest
from helpers import (
    CODE_ITEMS,
    CODE_KEYS,
    CONTENT,
    CONTROL,
    FUZZ,
    NAMES,
    REGISTERED,
    ROLE_TEXT,
    VALID_OPTIONS,
    VALUE,
    built_app,
    copy_root,
    expected_subtype,
    fold_name,
    warnings,
)
from hypothesis import example, given
from hypothesis import strategies as st
from sphinx.testing.restructuredtext import parse
from sphinx.util.docutils import ReferenceRole
from versions import forget_parser_state

from sphinxext_wsclose.bundled import REGISTRY
from sphinxext_wsclose.config import _Validator
from sphinxext_wsclose.registry import readable_name

if TYPE_CHECKING:
    from collections.abc import Iterator

    from docutils import nodes
    from sphinx.testing.util import SphinxTestApp

# Thousands of examples under the default profile: left out by -m "not slow".
pytestmark = pytest.mark.slow


@pytest.fixture(scope='module')
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SphinxTestApp]:
    srcdir = tmp_path_factory.mktemp('fuzz') / 'src'
    copy_root('fuzz', srcdir)
    yield from built_app(srcdir)


def run(app: SphinxTestApp, text: str) -> tuple[nodes.document, list[str]]:
    """Parse *text* as the page ``fuzz``, resolve it, and return it with its warnings."""
    app.warning.seek(0)
    app.warning.truncate(0)
    try:
        doctree = parse(app, text, 'fuzz')
        forget_parser_state(app)
        app.env.apply_post_transforms(doctree, 'fuzz')
    finally:
        app.env.clear_doc('fuzz')
    return doctree, warnings(app)


def assert_located(found: list[str], app: SphinxTestApp, subtypes: set[str]) -> None:
    for line in found:
        match = re.fullmatch(rf'{re.escape(str(app.srcdir / "fuzz.rst"))}:\d+: '
                             r'(WARNING|ERROR): .+ \[wsclose\.([a-z-]+)\]', line)
        assert match is not None, line
        assert match[2] in subtypes, line


# -- the role target ----------------------------------------------------------

@FUZZ
@given(text=ROLE_TEXT)
def test_role_target(app: SphinxTestApp, text: str) -> None:
    doctree, found = run(app, f'Fuzz\n====\n\nSee :wsclose:`{text}` here.\n')
    if text.startswith('!'):
        assert found == []
        return
    matched = ReferenceRole.explicit_title_re.match(text)
    title, target = (matched[1], matched[2]) if matched else (text, text)
    subtype = expected_subtype(target)
    if subtype is None:
        assert found == []
    else:
        assert len(found) == 1, found
        assert found[0].endswith(f'[wsclose.{subtype}]'), found
        assert_located(found, app, {subtype})
        # Nothing the user wrote is lost: the text stays as written.
        assert title in doctree.astext()


# -- the table's options ------------------------------------------------------

@FUZZ
@given(option=st.sampled_from(sorted(VALID_OPTIONS)), value=VALUE)
def test_table_option_values(app: SphinxTestApp, option: str, value: str) -> None:
    if option == 'codes' and value == '':
        value = ','
    _doctree, found = run(app, f'.. wsclose-table::\n   :{option}: {value}\n   :no-index:\n')
    assert len(found) <= 1, found
    assert_located(found, app, {'option'})


@FUZZ
@given(data=st.data())
def test_valid_table_options_are_silent(app: SphinxTestApp, data: st.DataObject) -> None:
    chosen = data.draw(st.sets(st.sampled_from(sorted(VALID_OPTIONS)), min_size=1))
    values = {option: data.draw(VALID_OPTIONS[option]) for option in sorted(chosen)}
    if 'widths' in values and values['widths'][0].isdigit():
        columns = re.split(r'[\s,]+', values['columns']) if 'columns' in values else 'abcd'
        values['widths'] = ' '.join('1' for _column in dict.fromkeys(columns))
    if values.get('custom') == 'only':
        values['custom'] = 'include'  # this project defines no codes of its own
    options = ''.join(f'   :{option}: {value}\n' for option, value in values.items())
    doctree, found = run(app, f'.. wsclose-table::\n{options}   :no-index:\n')
    empty = [line for line in found if 'no row matches' in line]
    assert found == empty  # a filter may match nothing; anything else is a false alarm
    if not empty:
        assert doctree.next_node(lambda node: 'wsclose-table' in node.get('classes', []))


# -- wsclose:code ---------------------------------------------------------------

@FUZZ
@given(signature=st.one_of(
    VALUE.filter(bool),
    st.tuples(st.integers(-5, 70000), CONTENT).map(lambda pair: f'{pair[0]} {pair[1]}'),
))
def test_code_directive_signature(app: SphinxTestApp, signature: str) -> None:
    _doctree, found = run(app, f'.. wsclose:code:: {signature}\n\n   Body.\n')
    assert len(found) <= 1, found
    assert_located(found, app, {'invalid', 'custom-range'})
    parts = signature.split(None, 1)
    if len(parts) == 2 and re.fullmatch(r'[0-9]+', parts[0]):
        code = int(parts[0])
        fine = 3000 <= code <= 4999 and code not in REGISTERED
        assert (found == []) == fine, found


# -- configuration values ------------------------------------------------------

def expected_code_warnings(codes: dict[object, object]) -> int:
    """Warnings a ``wsclose_codes`` value deserves, item by item."""
    count = 0
    seen: dict[int, set[str]] = {}
    warned: set[int] = set()
    bundled = {fold_name(name) for name in NAMES}
    for key, item in codes.items():
        # str.strip, as the extension does: it also takes '\x1f' and other
        # characters that str.isspace calls space, which int() does not.
        numeric = isinstance(key, str) and re.fullmatch(r'[+-]?[0-9]+', key.strip())
        if isinstance(key, bool) or not (isinstance(key, int) or numeric):
            count += 1
            continue
        code = int(key.strip()) if isinstance(key, str) else int(key)
        if not 0 <= code <= 65535:
            count += 1
            continue
        fields = {'name': item} if isinstance(item, str) else item
        if (
            not isinstance(fields, dict)
            or set(fields) - {'name', 'description', 'constant'}
            or not all(isinstance(value, str) for value in fields.values())
        ):
            count += 1
            continue
        # Control characters are shown as spaces, and runs of spaces as one.
        shown = {k: ' '.join(re.sub(CONTROL, ' ', v).split()) for k, v in fields.items()}
        if not (shown.get('name') or shown.get('constant')):
            count += 1
            continue
        # One warning an item (docs/code-sources.rst): the one that matters most.
        if code < 1000 or code > 4999 or code in REGISTERED:
            count += 1  # refused: outside 1000-4999, or a registered code
            continue
        if code in seen:
            count += 1  # the same code twice ('4001' and 4001): the first is kept
            continue
        if code < 3000 or any(re.search(CONTROL, value) for value in fields.values()):
            count += 1  # kept: in 1000-2999, or folded
            warned.add(code)
        given_names = {fold_name(shown[k]) for k in ('name', 'constant') if shown.get(k)}
        if not shown.get('name'):
            given_names.add(fold_name(readable_name(shown['constant'])))
        given_names.discard('')
        seen[code] = given_names
    # A name that two own codes share, and no bundled code has, is warned
    # about once, at each code after the first in code order, unless that
    # code was warned about already.
    earlier: set[str] = set()
    for code in sorted(seen):
        if (seen[code] & earlier) - bundled and code not in warned:
            count += 1
        earlier |= seen[code]
    return count


@FUZZ
@given(
    codes=st.one_of(st.dictionaries(CODE_KEYS, CODE_ITEMS, max_size=4), st.integers(),
                    st.text(max_size=3)),
    role_format=st.one_of(st.text(max_size=12), st.sampled_from(
        ['{code} {name}', '{constant}', '{name} ({code})', '{code', '{}', '{0}', '{code[9]}',
         '{code.upper}', '{name.__class__}', '{code[0]}', '{name!r}', '{code:>8}'])),
    fallback=st.one_of(st.sampled_from(['rfc', 'iana', 'none']), st.text(max_size=5)),
    flags=st.tuples(st.one_of(st.booleans(), st.integers(0, 2)),
                    st.one_of(st.booleans(), st.none())),
)
# Found by CI: str.strip takes '\x1f' for space; the expectation did not.
@example(codes={'0\x1f': None}, role_format='{code} {name}', fallback='rfc', flags=(0, None))
def test_config_values(
    app: SphinxTestApp, codes: object, role_format: str, fallback: str,
    flags: tuple[object, object],
) -> None:
    config = SimpleNamespace(
        wsclose_codes=codes, wsclose_role_format=role_format, wsclose_fallback=fallback,
        wsclose_index_entries=flags[0], wsclose_domain_index=flags[1],
        wsclose_show_spelling=False, wsclose_libraries=['aiohttp'], wsclose_sets=[],
    )
    app.warning.seek(0)
    app.warning.truncate(0)
    result = _Validator(None).run(config)  # type: ignore[arg-type]
    found = warnings(app)
    expected = expected_code_warnings(codes) if isinstance(codes, dict) else 1
    try:
        fields = [f for _t, f, _s, _c in string.Formatter().parse(role_format)
                  if f is not None]
        role_format.format(code='1000', name='Normal Closure', constant='NORMAL_CLOSURE')
        # Only the three fields, with no attribute or index: '{code.upper}' is refused.
        expected += 0 if fields and set(fields) <= {'code', 'name', 'constant'} else 1
    except (ValueError, KeyError, IndexError, AttributeError, TypeError):
        expected += 1
    expected += fallback not in ('rfc', 'iana', 'none')
    expected += sum(not isinstance(flag, bool) for flag in flags)
    assert len(found) == expected, (codes, role_format, fallback, flags, found)
    for line in found:
        assert re.fullmatch(r'(WARNING|ERROR): .+ \[wsclose\.(config|custom-range)\]', line), line
    # Whatever was refused, the result is usable.
    assert result.fallback in ('rfc', 'iana', 'none')
    assert REGISTRY['1008'].format(result.role_format)
