"""Validation of a project's own codes: conf.py and wsclose:code, warned exactly."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from helpers import SUFFIX, html, warnings

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp

OWN = (
    'codes of your own belong in 4000\u20134999 (private use) or 3000\u20133999 '
    '(registered with IANA)'
)


def test_each_bad_definition_warns_once(build: Callable[..., SphinxTestApp], syntax: str) -> None:
    app = build('customcheck', syntax)
    conf = app.srcdir / 'conf.py'
    source = app.srcdir / f'index.{SUFFIX[syntax]}'
    assert warnings(app) == [
        # conf.py, validated once at start-up, each at the line of its item
        f"{conf}:6: WARNING: wsclose_codes: 'x' is not a close code number; the key must be a "
        'code number [wsclose.config]',
        f'{conf}:7: WARNING: wsclose_codes[4003]: expected a name or a dict, not 42 '
        '[wsclose.config]',
        f"{conf}:8: WARNING: wsclose_codes[4004]: unknown key 'colour'; the keys are name, "
        'description, constant, reconnect, direction, since, deprecated [wsclose.config]',
        f'{conf}:9: WARNING: wsclose_codes[4005]: the name is missing or empty [wsclose.config]',
        f'{conf}:10: WARNING: close code 1008 is already registered as Policy Violation; its '
        f'standard meaning is kept. C{OWN[1:]} [wsclose.custom-range]',
        f'{conf}:11: ERROR: close code 999 is outside 1000\u20134999, where no WebSocket range '
        'defines codes; it is not registered [wsclose.custom-range]',
        f'{conf}:12: WARNING: close code 2500 is in 1000\u20132999, which only the IETF assigns '
        f'(Standards Action, Specification Required or IESG Review); {OWN} '
        '[wsclose.custom-range]',
        f"{conf}:15: WARNING: wsclose_role_format: '{{code}}: {{title}}' does not format with "
        "the fields {code}, {name} and {constant} (KeyError: 'title'); using '{code} {name}' "
        '[wsclose.config]',
        f"{conf}:16: WARNING: wsclose_fallback: 'sometimes' is not one of 'rfc', 'iana', "
        "'none'; using 'rfc' [wsclose.config]",
        f"{conf}:13: WARNING: wsclose_codes[4006]: the name 'Room full' is also 4002\u2019s; a "
        'mention by that name is ambiguous, so use the code or a qualified name '
        '[wsclose.config]',
        # the directives, while parsing
        f'{source}:16: WARNING: close code 1009 is already registered as Message Too Big; its '
        f'standard meaning is kept. C{OWN[1:]} [wsclose.custom-range]',
        f'{source}:20: ERROR: close code 5000 is outside 1000\u20134999, where no WebSocket '
        'range defines codes; it is not registered [wsclose.custom-range]',
        f"{source}:24: WARNING: 'abc' is not a close code number; a wsclose:code starts with a "
        'code number, as in "4001 Token expired" [wsclose.invalid]',
        f"{source}:28: WARNING: '4007': a wsclose:code needs a code and a name, as in "
        '"4001 Token expired" [wsclose.invalid]',
        # and once every page is read
        f'{source}:8: WARNING: close code 4001 is defined twice: here, and in {source}:4; links '
        'go to the first definition [wsclose.duplicate-code]',
        f'{source}:12: WARNING: close code 4002 is defined twice: here, and in {conf}:5; links '
        'go to the first wsclose:code description [wsclose.duplicate-code]',
    ]


def test_what_was_written_stays(build: Callable[..., SphinxTestApp], syntax: str) -> None:
    app = build('customcheck', syntax)
    page = html(app, 'index')
    signatures = [dt.get_text(' ', strip=True).replace('\u00b6', '').strip()
                  for dt in page.select('dl.wsclose.code > dt')]
    assert signatures == [
        '4001 Token expired', '4001 Token gone', '4002 Room full again', '1009 Too big',
        '5000 Beyond', 'abc Letters', '4007', '3500 Registrable',
    ]
    # Refused definitions keep their text and body, but get no anchor.
    ids = [dt.get('id') for dt in page.select('dl.wsclose.code > dt')]
    assert ids[3:7] == [None, None, None, None]
    assert ids[7] == 'wsclose-3500'
    links = {a.get_text(): a['href'] for a in page.select('div.body p a.reference')}
    assert links['4001 Token expired'] == '#wsclose-4001'
    assert links['3500 Registrable'] == '#wsclose-3500'
    # 2500 is in conf.py (with a warning) and there is no table: the fallback link.
    assert links['2500 Draft extension'].startswith('https://www.iana.org/')


@pytest.mark.parametrize(
    ('role_format', 'field'),
    [('{code.upper}', 'code.upper'), ('{name.__class__}', 'name.__class__'),
     ('{code[0]} {name}', 'code[0]')],
)
def test_role_format_takes_only_the_plain_fields(
    build: Callable[..., SphinxTestApp], role_format: str, field: str
) -> None:
    app = build('owncodes', 'rst', confoverrides={'wsclose_role_format': role_format})
    assert warnings(app) == [
        f'WARNING: wsclose_role_format: {role_format!r} uses {{{field}}}; only the fields '
        '{code}, {name} and {constant} may be used, without attributes or indexes; using '
        "'{code} {name}' (set with -D) [wsclose.config]"
    ]
    links = [a.get_text() for a in html(app, 'mentions').select('div.body li a.reference')]
    assert links[-1] == '1008 Policy Violation'  # the default format, the same in every build


def test_directive_edge_cases_keep_what_was_written(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, syntax: str
) -> None:
    src = tmp_path / syntax
    src.mkdir()
    extensions = "'myst_parser', " if syntax == 'myst' else ''
    # A read-only mapping is taken as a dict (Sphinx pickles the configuration).
    (src / 'conf.py').write_text(
        f"from types import MappingProxyType\nextensions = [{extensions}'sphinxext_wsclose']\n"
        "show_warning_types = True\nwsclose_codes = MappingProxyType({4010: 'Proxy'})\n")
    role = ':wsclose:' if syntax == 'rst' else '{wsclose}'
    if syntax == 'rst':
        text = ('T\n=\n\n.. wsclose-table::\n   :codes: 4000-4999\n\n'
                '.. wsclose:code::\n\n   The body stays.\n\n'
                '.. wsclose:code:: 4001 2FA required\n\n   A second factor is needed.\n\n')
    else:
        text = ('# T\n\n```{wsclose-table}\n:codes: 4000-4999\n```\n\n'
                '```{wsclose:code}\nThe body stays.\n```\n\n'
                '```{wsclose:code} 4001 2FA required\nA second factor is needed.\n```\n\n')
    text += f'See {role}`2FA required` and {role}`4010`.\n'
    index = src / f'index.{SUFFIX[syntax]}'
    index.write_text(text)
    app = make_app('html', srcdir=src, freshenv=True)
    app.build()
    line = 7
    assert warnings(app) == [
        f"{index}:{line}: WARNING: '': a wsclose:code needs a code and a name, as in "
        '"4001 Token expired" [wsclose.invalid]',
    ]
    page = html(app, 'index')
    assert 'The body stays.' in page.select_one('div.body').get_text()
    see = next(p for p in page.select('div.body p') if p.get_text().startswith('See'))
    assert [(a.get_text(), a['href']) for a in see.find_all('a')] == [
        ('4001 2FA required', '#wsclose-4001'),  # a name that starts with a digit
        ('4010 Proxy', '#wsclose-4010'),
    ]
    # The environment was pickled: an incremental build reads it back.
    app.cleanup()
    again = make_app('html', srcdir=src)
    again.build()
    assert 'Traceback' not in again.warning.getvalue()


CONF_PLACES = '''\
extensions = ['sphinxext_wsclose']
show_warning_types = True
if True:
    wsclose_fallback = 'sometimes'
project = 'Places'; wsclose_role_format = '{title}'
wsclose_index_entries, wsclose_domain_index = 'yes', True
wsclose_codes = {
    4001: 'First',
    ' 4002 x': 'Spaced key',
    '': 'Empty key',
    4001: 'Token expired',
}
'''


def test_config_warnings_point_at_the_line_python_reads(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path
) -> None:
    src = tmp_path / 'src'
    src.mkdir()
    (src / 'conf.py').write_text(CONF_PLACES)
    (src / 'index.rst').write_text('T\n=\n\n:wsclose:`4001`\n')
    app = make_app('html', srcdir=src, freshenv=True)
    app.build()
    conf = src / 'conf.py'
    ours = [line for line in warnings(app) if '[wsclose.' in line]
    # Sphinx checks the type too, with a warning of its own, worded per version.
    theirs = [line for line in warnings(app) if '[wsclose.' not in line]
    assert len(theirs) == 1
    assert theirs[0].startswith("WARNING: The config value `wsclose_index_entries' has type")
    assert ours == [
        # The dropped one of two equal keys, not the kept one.
        f'{conf}:8: WARNING: wsclose_codes: the key 4001 is given twice; the last one is '
        'kept [wsclose.config]',
        f"{conf}:9: WARNING: wsclose_codes: ' 4002 x' is not a close code number; the key "
        'must be a code number [wsclose.config]',
        f"{conf}:10: WARNING: wsclose_codes: '' is not a close code number; the key must be a "
        'code number [wsclose.config]',
        f"{conf}:5: WARNING: wsclose_role_format: '{{title}}' does not format with the fields "
        "{code}, {name} and {constant} (KeyError: 'title'); using '{code} {name}' "
        '[wsclose.config]',
        f"{conf}:4: WARNING: wsclose_fallback: 'sometimes' is not one of 'rfc', 'iana', "
        "'none'; using 'rfc' [wsclose.config]",
        f"{conf}:6: WARNING: wsclose_index_entries: expected True or False, not 'yes'; using "
        'True [wsclose.config]',
    ]
    link = html(app, 'index').select_one('div.body a.wsclose-mention')
    assert link.get_text() == '4001 Token expired'  # Python keeps the last value


def test_a_value_from_the_command_line_is_not_warned_at_conf_py(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path
) -> None:
    src = tmp_path / 'src'
    src.mkdir()
    (src / 'conf.py').write_text(
        "extensions = ['sphinxext_wsclose']\nshow_warning_types = True\n"
        "wsclose_fallback = 'iana'\n")
    (src / 'index.rst').write_text('T\n=\n\n:wsclose:`1008`\n')
    app = make_app('html', srcdir=src, freshenv=True,
                   confoverrides={'wsclose_fallback': 'sometimes'})
    app.build()
    # Line 3 sets 'iana', which -D overrides: the warning has no line to give.
    assert warnings(app) == [
        "WARNING: wsclose_fallback: 'sometimes' is not one of 'rfc', 'iana', 'none'; using "
        "'rfc' (set with -D) [wsclose.config]",
    ]


def test_two_definitions_with_one_name_warn_once_whatever_the_order(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, syntax: str
) -> None:
    src = tmp_path / syntax
    src.mkdir()
    suffix = SUFFIX[syntax]
    extensions = "'myst_parser', " if syntax == 'myst' else ''
    (src / 'conf.py').write_text(
        f"extensions = [{extensions}'sphinxext_wsclose']\nshow_warning_types = True\n")

    def page(title: str, body: str) -> str:
        heading = f'{title}\n{"=" * len(title)}\n\n' if syntax == 'rst' else f'# {title}\n\n'
        return heading + body

    def code(sig: str, text: str) -> str:
        if syntax == 'rst':
            return f'.. wsclose:code:: {sig}\n\n   {text}\n'
        return f'```{{wsclose:code}} {sig}\n{text}\n```\n'

    toctree = ('.. toctree::\n\n   a\n   b\n   m\n' if syntax == 'rst'
               else '```{toctree}\na\nb\nm\n```\n')
    role = ':wsclose:' if syntax == 'rst' else '{wsclose}'
    (src / f'index.{suffix}').write_text(page('Index', toctree))
    (src / f'a.{suffix}').write_text(page('A', code('4002 Room full', 'Second.')))
    (src / f'b.{suffix}').write_text(page('B', code('4001 Room full', 'First.')))
    (src / f'm.{suffix}').write_text(page('M', f'See {role}`room full`.\n'))
    app = make_app('html', srcdir=src, freshenv=True)
    app.build()
    line = 4 if syntax == 'rst' else 3
    expected = [
        # At the higher code, whichever page Sphinx reads first.
        f"{src / f'a.{suffix}'}:{line}: WARNING: close codes 4001 and 4002 are both called "
        f"'Room full' ({src / f'b.{suffix}'}:{line}); a mention by that name is ambiguous, so "
        'use the code [wsclose.duplicate-name]',
        f"{src / f'm.{suffix}'}:{line}: WARNING: 'room full' names more than one close code: "
        '4001 Room full, 4002 Room full; write the one you mean: 4001 or 4002 '
        '[wsclose.ambiguous]',
    ]
    assert sorted(warnings(app)) == sorted(expected)
    paragraph = html(app, 'm').select_one('div.body p')
    assert paragraph.find('a') is None
    assert paragraph.select_one('.wsclose-invalid').get_text() == 'room full'
