"""Hostile input for the ``:closes CODE:`` field, closed-by lists, protocol sets and own-code facts.

Each test builds a small project of its own (through the ``build`` fixture,
in a folder the test writes first) and checks the warnings exactly and the
parsed output.  A test marked ``xfail(strict=True)`` pins a bug that the
current code has: it fails now, and will pass (and then fail the suite, as
strict xfails do) once the bug is fixed.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from helpers import SUFFIX, html, warnings

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp

BASE_CONF = "show_warning_types = True\n"


def _project(tmp_path: Path, name: str, syntax: str | None, conf: str,
             pages: dict[str, str]) -> str:
    """Write a project where the ``build`` fixture finds it; return the root name to build."""
    srcdir = tmp_path / (f'{name}-{syntax}' if syntax else name)
    srcdir.mkdir()
    extensions = "'sphinxext_wsclose'"
    if syntax == 'myst':
        extensions = "'myst_parser', " + extensions
        conf += "myst_enable_extensions = ['fieldlist']\n"
    (srcdir / 'conf.py').write_text(
        f'extensions = [{extensions}]\n{BASE_CONF}{conf}', encoding='utf-8')
    for page, text in pages.items():
        (srcdir / page).write_text(text, encoding='utf-8')
    return name


def _rows(table: object) -> list[str]:
    return [' '.join(row.get_text(' ', strip=True).replace('\u00b6', '').split())
            for row in table.select('tbody tr')]  # type: ignore[attr-defined]


def _object(syntax: str, directive: str, signature: str, fields: list[str]) -> str:
    """An object description with ``:closes:`` fields, in *syntax*."""
    if syntax == 'rst':
        body = ''.join(f'   {field}\n' for field in fields)
        return f'.. {directive}:: {signature}\n\n{body}\n'
    body = ''.join(f'{field}\n' for field in fields)
    return f'```{{{directive}}} {signature}\n\n{body}```\n\n'


def _table(syntax: str, options: dict[str, str]) -> str:
    if syntax == 'rst':
        lines = ''.join(f'   :{key}: {value}\n' for key, value in options.items())
        return f'.. wsclose-table::\n{lines}\n'
    lines = ''.join(f':{key}: {value}\n' for key, value in options.items())
    return f'```{{wsclose-table}}\n{lines}```\n\n'


def _title(syntax: str, text: str) -> str:
    return f'{text}\n{"=" * len(text)}\n\n' if syntax == 'rst' else f'# {text}\n\n'


def _toctree(syntax: str, *pages: str) -> str:
    if syntax == 'rst':
        return '.. toctree::\n\n' + ''.join(f'   {page}\n' for page in pages) + '\n'
    return '```{toctree}\n' + ''.join(f'{page}\n' for page in pages) + '```\n\n'


# -- the :closes: field: hostile codes --------------------------------------------

#: (code, the warning's message after "WARNING: ", the subtype); None: no warning.
HOSTILE_CODES = [
    ('999999999999999999999999', "'999999999999999999999999' is outside 0\u201365535", 'invalid'),
    ('\uff14\uff10\uff10\uff11', "'\uff14\uff10\uff10\uff11' is neither a close code number",
     'invalid'),
    ('\u0664\u0660\u0660\u0661', "'\u0664\u0660\u0660\u0661' is neither a close code number",
     'invalid'),
    ('-', "'-' is neither a close code number", 'invalid'),
    ('"', '\'"\' is neither a close code number', 'invalid'),
    ('<script>alert(1)</script>', "'<script>alert(1)</script>': a :closes: field takes the code",
     'invalid'),
    ('~1008', "'~1008': a :closes: field takes the code alone", 'invalid'),
    ('!1008', "'!1008': a :closes: field takes the code alone", 'invalid'),
    ('text <1008>', "'text <1008>': a :closes: field takes the code alone", 'invalid'),
    ('chat:4001', "'chat:4001' is neither a close code number", 'invalid'),
    ('x' * 300, f"'{'x' * 300}' is neither a close code number", 'invalid'),
]


@pytest.mark.parametrize(('code', 'message', 'subtype'), HOSTILE_CODES,
                         ids=[f'code{n}' for n in range(len(HOSTILE_CODES))])
def test_a_hostile_code_in_a_field_is_warned_at_its_line(
    build: Callable[..., SphinxTestApp], tmp_path: Path, syntax: str,
    code: str, message: str, subtype: str,
) -> None:
    if syntax == 'myst' and ':' in code:
        # MyST ends a field's name at its first colon: 'chat' (no set, no
        # intersphinx project) is then the code; test_a_qualified_code_in_a_myst_field_resolves.
        pytest.skip('MyST cuts a field name at its colon; tested apart')
    # MyST passes inline HTML through as raw HTML, by its own design: the MyST
    # reason has none.
    reason = '<script>alert(2)</script> &' if syntax == 'rst' else '&lt;script&gt; &'
    page = _title(syntax, 'Index') + _object(
        syntax, 'py:function', 'join()', [f':closes {code}: {reason} \\input{{y}}'])
    app = build(_project(tmp_path, 'hostile', syntax, '', {f'index.{SUFFIX[syntax]}': page}),
                syntax)
    line = 6 if syntax == 'rst' else 5
    found = warnings(app)
    assert len(found) == 1, found
    page_path = app.srcdir / f'index.{SUFFIX[syntax]}'
    assert found[0].startswith(f'{page_path}:{line}: WARNING: {message}')
    assert found[0].endswith(f'[wsclose.{subtype}]')
    soup = html(app, 'index')
    body = soup.select_one('dl.field-list dd')
    # The user's code and reason stay, as text: no element made of them.
    # (Sphinx's smart quotes make a '"' a curly one, as anywhere in a paragraph.)
    assert code.replace('"', '\u201c') in body.get_text()
    assert '<script>' in body.get_text()
    assert soup.select('dl.field-list script') == []


def _qualified(build: Callable[..., SphinxTestApp], tmp_path: Path, syntax: str) -> SphinxTestApp:
    page = _title(syntax, 'Index') + _object(
        syntax, 'py:function', 'identify()', [':closes discord-gateway:4004: The token is wrong.'])
    return build(_project(tmp_path, 'qualified', syntax, '', {f'index.{SUFFIX[syntax]}': page}),
                 syntax)


def test_a_qualified_set_code_in_a_field_resolves_without_the_set_turned_on(
    build: Callable[..., SphinxTestApp], tmp_path: Path,
) -> None:
    app = _qualified(build, tmp_path, 'rst')
    assert warnings(app) == []
    link = html(app, 'index').select_one('dl.field-list a.wsclose-mention')
    assert link.get_text() == '4004 Authentication failed'


def test_a_qualified_code_in_a_myst_field_resolves(
    build: Callable[..., SphinxTestApp], tmp_path: Path,
) -> None:
    app = _qualified(build, tmp_path, 'myst')
    assert warnings(app) == []
    link = html(app, 'index').select_one('dl.field-list a.wsclose-mention')
    assert link is not None
    assert link.get_text() == '4004 Authentication failed'


@pytest.mark.parametrize('builder', ['latex', 'man', 'texinfo'])
def test_a_reason_with_specials_is_escaped_in_every_writer(
    build: Callable[..., SphinxTestApp], tmp_path: Path, builder: str,
) -> None:
    page = _title('rst', 'Index') + _object(
        'rst', 'py:function', 'join()',
        [':closes 1008: <script>alert(2)</script> \\\\input{y} & % $ # _ { } ~ ^'])
    app = build(_project(tmp_path, 'specials', None, '', {'index.rst': page}),
                buildername=builder)
    assert warnings(app) == []
    name = {'latex': 'projectnamenotset.tex', 'man': 'projectnamenotset.1',
            'texinfo': 'projectnamenotset.texi'}[builder]
    output = (app.outdir / name).read_text(encoding='utf-8')
    if builder == 'latex':
        assert '\\textbackslash{}input\\{y\\}' in output
        assert '\\input{y}' not in output
        assert '\\textless{}script\\textgreater{}' in output
    elif builder == 'texinfo':
        assert 'input@{y@}' in output
    else:
        assert '\\e' in output or '\\(rs' in output or 'input{y}' in output


# -- the closed-by name of an httpdomain resource -----------------------------------

def test_an_http_closer_is_named_by_its_whole_path(
    build: Callable[..., SphinxTestApp], tmp_path: Path, syntax: str,
) -> None:
    page = (_title(syntax, 'Index')
            + _object(syntax, 'http:get', '/rooms/(int:room_id)/ws', [':closes 1008: a'])
            + _object(syntax, 'http:get', '/users/(int:user_id)/ws', [':closes 1011: b'])
            + _table(syntax, {'codes': 'closed', 'columns': 'code, closed-by'}))
    app = build(_project(tmp_path, 'http', syntax,
                         "extensions.insert(0, 'sphinxcontrib.httpdomain')\n",
                         {f'index.{SUFFIX[syntax]}': page}), syntax)
    assert warnings(app) == []
    rows = _rows(html(app, 'index').select_one('table.wsclose-table'))
    assert rows == ['1008 GET /rooms/(int:room_id)/ws', '1011 GET /users/(int:user_id)/ws']


# -- :codes: closed ----------------------------------------------------------------

CLOSED_SPELLINGS = ['closed', 'closed,closed', 'CLOSED', ' closed ', 'Closed, closed']


@pytest.mark.parametrize('value', CLOSED_SPELLINGS)
def test_closed_spellings_give_the_declared_codes_silently(
    build: Callable[..., SphinxTestApp], tmp_path: Path, syntax: str, value: str,
) -> None:
    page = (_title(syntax, 'Index')
            + _object(syntax, 'py:function', 'join()', [':closes 1008: a', ':closes 4050: b'])
            + _table(syntax, {'codes': value, 'columns': 'code, closed-by'}))
    app = build(_project(tmp_path, 'closed', syntax, '', {f'index.{SUFFIX[syntax]}': page}),
                syntax)
    assert warnings(app) == []
    rows = _rows(html(app, 'index').select_one('table.wsclose-table'))
    assert rows == ['1008 join()', '4000\u20134999 4050: join()']


@pytest.mark.parametrize('bad', ['4000-', '99999'])
def test_closed_with_a_bad_span_shows_every_code_as_warned(
    build: Callable[..., SphinxTestApp], tmp_path: Path, syntax: str, bad: str,
) -> None:
    page = (_title(syntax, 'Index')
            + _object(syntax, 'py:function', 'join()', [':closes 1008: a'])
            + _table(syntax, {'codes': f'closed, {bad}', 'columns': 'code, closed-by'}))
    app = build(_project(tmp_path, 'badspan', syntax, '', {f'index.{SUFFIX[syntax]}': page}),
                syntax)
    line = 8
    assert warnings(app) == [
        f"{app.srcdir / f'index.{SUFFIX[syntax]}'}:{line}: WARNING: wsclose-table :codes: "
        f"'{bad}' is not a code or a range such as 4000-4999; showing every code "
        '[wsclose.option]']
    rows = _rows(html(app, 'index').select_one('table.wsclose-table'))
    assert len(rows) > 20  # every row, as the warning says


@pytest.mark.parametrize('builder', ['latex', 'singlehtml', 'texinfo'])
def test_a_closed_table_on_a_second_page_survives_single_document_builders(
    build: Callable[..., SphinxTestApp], tmp_path: Path, syntax: str, builder: str,
) -> None:
    suffix = SUFFIX[syntax]
    pages = {
        f'index.{suffix}': _title(syntax, 'Index') + _toctree(syntax, 'other'),
        f'other.{suffix}': (
            _title(syntax, 'Other')
            + _object(syntax, 'py:function', 'join()', [':closes 1008: a'])
            + _table(syntax, {'codes': 'closed', 'columns': 'code, closed-by'})
            + _table(syntax, {'codes': 'closed, 1015', 'columns': 'code, closed-by',
                              'no-index': ''})),
    }
    app = build(_project(tmp_path, 'second', syntax, '', pages), syntax, buildername=builder)
    assert warnings(app) == []
    if builder == 'singlehtml':
        tables = html(app, 'index').select('table.wsclose-table')
        assert [_rows(table) for table in tables] == [
            ['1008 join()'], ['1008 join()', '1015']]
    else:
        name = 'projectnamenotset.tex' if builder == 'latex' else 'projectnamenotset.texi'
        output = (app.outdir / name).read_text(encoding='utf-8')
        # Both tables have the row of 1008, and the field's link has its target.
        assert len(re.findall(r'Policy Violation|1008', output)) >= 3
        assert 'wsclose-1008' in output


def test_a_closed_table_on_a_second_page_in_html(
    build: Callable[..., SphinxTestApp], tmp_path: Path, syntax: str,
) -> None:
    """The same project as above: the html builder, page by page, is right."""
    suffix = SUFFIX[syntax]
    pages = {
        f'index.{suffix}': _title(syntax, 'Index') + _toctree(syntax, 'other'),
        f'other.{suffix}': (
            _title(syntax, 'Other')
            + _object(syntax, 'py:function', 'join()', [':closes 1008: a'])
            + _table(syntax, {'codes': 'closed', 'columns': 'code, closed-by'})
            + _table(syntax, {'codes': 'closed, 1015', 'columns': 'code, closed-by',
                              'no-index': ''})),
    }
    app = build(_project(tmp_path, 'second', syntax, '', pages), syntax)
    assert warnings(app) == []
    tables = html(app, 'other').select('table.wsclose-table')
    assert [_rows(table) for table in tables] == [['1008 join()'], ['1008 join()', '1015']]


def test_a_closed_by_line_on_a_second_page_survives_latex(
    build: Callable[..., SphinxTestApp], tmp_path: Path,
) -> None:
    pages = {
        'index.rst': _title('rst', 'Index') + _toctree('rst', 'other'),
        'other.rst': (_title('rst', 'Other')
                      + _object('rst', 'py:function', 'join()', [':closes 4001: a'])
                      + '.. wsclose:code:: 4001 Token expired\n\n   The token expired.\n'),
    }
    app = build(_project(tmp_path, 'line', None, '', pages), buildername='latex')
    assert warnings(app) == []
    output = (app.outdir / 'projectnamenotset.tex').read_text(encoding='utf-8')
    assert re.search(r'Closed by: \{\\hyperref\[\\detokenize\{other:join\}\]', output)


# -- :set: ---------------------------------------------------------------------

#: (value, the warning's start after ":set: "); every one falls back to the default sets.
BAD_SETS = [
    ('nosuch', "'nosuch': the sets are"),
    ('<script>x</script>', "'<script>x</script>': the sets are"),
    ('\uff52\uff45\uff47\uff49\uff53\uff54\uff52\uff59',
     "'\uff52\uff45\uff47\uff49\uff53\uff54\uff52\uff59': the sets are"),
    (',', 'no set given: the sets are'),
]


@pytest.mark.parametrize(('value', 'message'), BAD_SETS, ids=['unknown', 'script', 'wide', 'comma'])
def test_a_bad_set_option_is_warned_and_shows_the_default_sets(
    build: Callable[..., SphinxTestApp], tmp_path: Path, syntax: str, value: str, message: str,
) -> None:
    page = _title(syntax, 'Index') + _table(syntax, {'set': value, 'no-index': ''})
    app = build(_project(tmp_path, 'set', syntax, "wsclose_sets = ['graphql-transport-ws']\n",
                         {f'index.{SUFFIX[syntax]}': page}), syntax)
    line = 4 if syntax == 'rst' else 3
    found = warnings(app)
    assert len(found) == 1, found
    assert found[0].startswith(
        f'{app.srcdir / f"index.{SUFFIX[syntax]}"}:{line}: WARNING: wsclose-table :set: {message}')
    assert found[0].endswith('showing the default sets [wsclose.option]')
    soup = html(app, 'index')
    assert soup.select('table.wsclose-table script') == []
    assert len(_rows(soup.select_one('table.wsclose-table'))) > 20


@pytest.mark.parametrize('value', ['registry,registry', 'pusher, pusher', 'PUSHER'])
def test_a_repeated_or_capitalised_set_is_taken_once(
    build: Callable[..., SphinxTestApp], tmp_path: Path, syntax: str, value: str,
) -> None:
    page = _title(syntax, 'Index') + _table(
        syntax, {'set': value, 'no-index': '', 'columns': 'code, set, reconnect, direction'})
    app = build(_project(tmp_path, 'twice', syntax, '', {f'index.{SUFFIX[syntax]}': page}),
                syntax)
    assert warnings(app) == []
    rows = _rows(html(app, 'index').select_one('table.wsclose-table'))
    assert len(rows) == len(set(rows))


# -- own codes' facts in a conf.py dict ----------------------------------------------

FACTS_CONF = '''wsclose_sets = ['pusher']
wsclose_codes = {
    4101: {'name': 'A', 'reconnect': 'later', 'direction': 'server', 'since': '2.1'},
    4102: {'name': 'B', 'deprecated': ','},
    4103: {'name': 'C', 'deprecated': '2.0, use 4103'},
    4104: {'name': 'D', 'deprecated': '2.0, use <script>alert(1)</script>'},
    4105: {'name': 'E', 'since': '<script>2</script>', 'deprecated': '\\\\input{y}, use 1000'},
    4106: {'name': 'F', 'deprecated': '2.0, use pusher:4009'},
    4107: {'name': 'G', 'reconnect': 'sometimes'},
}
'''


def _facts_app(build: Callable[..., SphinxTestApp], tmp_path: Path,
               conf: str = FACTS_CONF, builder: str = 'html') -> SphinxTestApp:
    page = _title('rst', 'Index') + _table(
        'rst', {'codes': '4100-4199', 'custom': 'only',
                'columns': 'code, name, reconnect, direction'})
    return build(_project(tmp_path, 'facts', None, conf, {'index.rst': page}),
                 buildername=builder)


def test_own_code_facts_with_markup_are_escaped_and_bad_replacements_warned(
    build: Callable[..., SphinxTestApp], tmp_path: Path,
) -> None:
    app = _facts_app(build, tmp_path)
    conf = app.srcdir / 'conf.py'
    found = warnings(app)
    assert f"{conf}:11: WARNING: wsclose_codes[4107]: reconnect 'sometimes' is not one of yes, " \
           'resume, later, no; left out [wsclose.config]' in found
    assert f"{conf}:8: WARNING: wsclose_codes[4104]: deprecated, use " \
           "'<script>alert(1)</script>': '<script>alert(1)</script>' is neither a close code " \
           'number nor a known code name; the replacement is left out [wsclose.config]' in found
    soup = html(app, 'index')
    rows = _rows(soup.select_one('table.wsclose-table'))
    assert rows[0] == '4101 A new in 2.1 later server'
    assert 'new in <script>2</script> deprecated in \\input{y}; use 1000 Normal Closure' \
        in rows[4]
    assert rows[5] == '4106 F deprecated in 2.0; use 4009 connectionIsUnauthorized'
    assert rows[6] == '4107 G'
    assert soup.select('table.wsclose-table script') == []


def test_own_code_facts_are_escaped_in_latex(build: Callable[..., SphinxTestApp],
                                             tmp_path: Path) -> None:
    app = _facts_app(build, tmp_path, builder='latex')
    output = (app.outdir / 'projectnamenotset.tex').read_text(encoding='utf-8')
    assert 'deprecated in \\textbackslash{}input\\{y\\}' in output
    assert 'new in \\textless{}script\\textgreater{}' in output


def test_deprecated_without_a_version_is_warned(build: Callable[..., SphinxTestApp],
                                                tmp_path: Path) -> None:
    app = _facts_app(build, tmp_path)
    assert any('wsclose_codes[4102]' in line and line.endswith('[wsclose.config]')
               for line in warnings(app))


def test_deprecated_in_favour_of_itself_is_warned(build: Callable[..., SphinxTestApp],
                                                  tmp_path: Path) -> None:
    app = _facts_app(build, tmp_path)
    assert any('wsclose_codes[4103]' in line and line.endswith('[wsclose.config]')
               for line in warnings(app))
    rows = _rows(html(app, 'index').select_one('table.wsclose-table'))
    assert '4103 C' not in rows[2] or 'use 4103' not in rows[2]


NON_STRING_FACTS = {
    'since-float': ("{'name': 'Q', 'since': 2.1}",
                    "'since' must be a string, not 2.1; left out"),
}


def test_a_non_string_fact_warns_at_its_line(build: Callable[..., SphinxTestApp],
                                             tmp_path: Path) -> None:
    """A fact that is not a string: one warning at its line; the fact is left out, the code
    kept (docs/code-sources.rst)."""
    value, message = NON_STRING_FACTS['since-float']
    app = _facts_app(build, tmp_path,
                     f"wsclose_codes = {{\n    4116: {{'name': 'P'}},\n    4117: {value},\n}}\n")
    assert warnings(app) == [
        f"{app.srcdir / 'conf.py'}:5: WARNING: wsclose_codes[4117]: {message} [wsclose.config]"]
    rows = _rows(html(app, 'index').select_one('table.wsclose-table'))
    assert any(row.startswith('4117 Q') for row in rows)


# -- own codes' facts as field lines of an enum member --------------------------------

ENUM = '''import enum


class Close(enum.IntEnum):
    """Codes."""

    #: No value.
    #:
    #: :reconnect:
    A = 4101
    #: Since twice.
    #:
    #: :since: 1.0
    #: :since: 2.0
    B = 4102
    #: Odd case.
    #:
    #: :reconnect: NO
    #: :direction: SERVER
    C = 4103
    #: Markup <script>alert(1)</script>.
    #:
    #: :since: <script>alert(2)</script>
    #: :deprecated: 3.0, use <script>x</script>
    D = 4104
'''


def _enum_app(build: Callable[..., SphinxTestApp], tmp_path: Path, module: str) -> SphinxTestApp:
    page = (_title('rst', 'Index')
            + f'.. autoclass:: {module}.Close\n   :members:\n   :undoc-members:\n\n'
            + _table('rst', {'custom': 'only', 'no-index': '',
                             'columns': 'code, name, description, reconnect, direction'}))
    name = _project(tmp_path, 'enum', None,
                    'import sys, os\nsys.path.insert(0, os.path.dirname(__file__))\n'
                    "extensions.insert(0, 'sphinx.ext.autodoc')\n"
                    f"wsclose_codes = '{module}:Close'\n", {'index.rst': page})
    (tmp_path / name / f'{module}.py').write_text(ENUM, encoding='utf-8')
    return build(name)


def test_enum_field_lines_in_odd_case_and_with_markup(
    build: Callable[..., SphinxTestApp], tmp_path: Path, fresh_imports: None,
) -> None:
    app = _enum_app(build, tmp_path, 'hostile_enum_a')
    source = app.srcdir / 'hostile_enum_a.py'
    found = warnings(app)
    assert f"{source}:25: WARNING: wsclose_codes[4104]: deprecated, use '<script>x</script>': " \
           "'<script>x</script>' is neither a close code number nor a known code name; the " \
           'replacement is left out [wsclose.config]' in found
    soup = html(app, 'index')
    rows = _rows(soup.select('table.wsclose-table')[-1])
    assert rows[2] == '4103 C Odd case. do not reconnect server'
    assert rows[3] == ('4104 D new in <script>alert(2)</script> deprecated in 3.0 '
                       'Markup <script>alert(1)</script>.')
    assert soup.select('table.wsclose-table script') == []


def test_an_enum_field_line_without_a_value_is_warned(
    build: Callable[..., SphinxTestApp], tmp_path: Path, fresh_imports: None,
) -> None:
    app = _enum_app(build, tmp_path, 'hostile_enum_b')
    # At the member's line, as every problem of an enum member.
    assert any('4101' in line and line.endswith('[wsclose.config]') and ':10:' in line
               for line in warnings(app))


def test_an_enum_field_line_given_twice_is_warned(
    build: Callable[..., SphinxTestApp], tmp_path: Path, fresh_imports: None,
) -> None:
    app = _enum_app(build, tmp_path, 'hostile_enum_c')
    assert any('4102' in line and line.endswith('[wsclose.config]')
               for line in warnings(app))


# -- napoleon ------------------------------------------------------------------------

NAPOLEON = '''def google_single():
    """Join.

    Closes:
        `pusher:4009`: Single backticks, as docs/closes.rst says.
    """


def google_double():
    """Join.

    Closes:
        ``pusher:4009``: Double backticks.
    """


def numpy_single():
    """Join.

    Closes
    ------
    `pusher:4009`
        NumPy.
    """
'''


def _napoleon_app(build: Callable[..., SphinxTestApp], tmp_path: Path,
                  module: str, function: str) -> SphinxTestApp:
    page = _title('rst', 'Index') + f'.. autofunction:: {module}.{function}\n'
    name = _project(tmp_path, 'napoleon', None,
                    'import sys, os\nsys.path.insert(0, os.path.dirname(__file__))\n'
                    "extensions[:0] = ['sphinx.ext.autodoc', 'sphinx.ext.napoleon']\n",
                    {'index.rst': page})
    (tmp_path / name / f'{module}.py').write_text(NAPOLEON, encoding='utf-8')
    return build(name)


@pytest.mark.parametrize('function', ['google_double', 'numpy_single'])
def test_napoleon_sections_take_a_code_with_a_colon(
    build: Callable[..., SphinxTestApp], tmp_path: Path, fresh_imports: None, function: str,
) -> None:
    app = _napoleon_app(build, tmp_path, f'hostile_nap_{function}', function)
    assert warnings(app) == []
    link = html(app, 'index').select_one('dl.field-list a.wsclose-mention')
    assert link.get_text() == '4009 connectionIsUnauthorized'


def test_napoleon_google_section_takes_a_backticked_code_with_a_colon(
    build: Callable[..., SphinxTestApp], tmp_path: Path, fresh_imports: None,
) -> None:
    app = _napoleon_app(build, tmp_path, 'hostile_nap_google', 'google_single')
    assert warnings(app) == []
    link = html(app, 'index').select_one('dl.field-list a.wsclose-mention')
    assert link is not None
    assert link.get_text() == '4009 connectionIsUnauthorized'
