"""Protocols' code sets in a build: mentions, tables, other projects, every builder, rST and MyST.

The project (``tests/roots/test-sets``) turns on graphql-transport-ws and the
Discord Gateway.  Its mentions page names codes of those sets bare, by
number, name and library constant, codes of sets it does not turn on
(Pusher, Centrifugo) in their qualified form, and two IANA codes; its codes
page has a table of 4000-4099 and 4400-4499 (the registry's rows and both
sets', with the "Defined by" column) and a table of one set.
"""

from __future__ import annotations

import shutil
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from helpers import body_pages, copy_root, html, warnings
from sphinx.cmd.build import build_main
from versions import load_inventory

from sphinxext_wsclose.bundled import IANA_URL
from sphinxext_wsclose.sets import SETS

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp

GQL = 'codes.html#wsclose-graphql-transport-ws-'
DISCORD = 'codes.html#wsclose-discord-gateway-'
PUSHER_SOURCE = SETS['pusher'].sources[0].url
CENTRIFUGO_SOURCE = SETS['centrifugo'].sources[0].url

#: Each mention of mentions.rst / mentions.md: its text and where it links.
MENTIONS = [
    ('4401 Unauthorized', f'{GQL}4401'),  # bare: one turned-on set has it
    ('4401 Unauthorized', f'{GQL}4401'),
    ('4403 Forbidden', f'{GQL}4403'),  # graphql-ws's constant CloseCode.Forbidden
    ('4004 Authentication failed', f'{DISCORD}4004'),
    ('4004 Authentication failed', f'{DISCORD}4004'),  # by the source's name
    ('4004 Authentication failed', f'{DISCORD}4004'),  # by hikari's constant
    ('4014 Disallowed intent(s)', f'{DISCORD}4014'),
    # Sets that are not turned on: their qualified form, to the defining source.
    ('4009 connectionIsUnauthorized', PUSHER_SOURCE),
    ('4050 (doNotReconnectUnchanged)', PUSHER_SOURCE),  # inside a range of Pusher's
    ('3008 DisconnectSlow', CENTRIFUGO_SOURCE),
    # A bare number that IANA registers is IANA's code, whatever the sets.
    ('3008 Timeout', IANA_URL),
    ('1012 Service Restart', IANA_URL),
    ('the token', f'{GQL}4401'),
]


def test_the_build_is_silent(shared: Callable[..., SphinxTestApp], syntax: str) -> None:
    assert warnings(shared('sets', syntax)) == []


def test_mentions_of_sets(shared: Callable[..., SphinxTestApp], syntax: str) -> None:
    soup = html(shared('sets', syntax), 'mentions')
    links = soup.select('div.body li a')
    assert [(a.get_text(), a['href']) for a in links] == MENTIONS
    for link in links:
        assert {'wsclose', 'wsclose-mention'} <= set(link['class'])
    # The tooltip is the code's description, as for every mention.
    gql = next(code for code in SETS['graphql-transport-ws'].codes if code.number == 4401)
    assert links[0]['title'] == gql.description


def test_the_table_shows_the_registry_and_the_turned_on_sets(
    shared: Callable[..., SphinxTestApp], syntax: str
) -> None:
    soup = html(shared('sets', syntax), 'codes')
    both, one = soup.select('table.wsclose-table')
    assert [th.get_text() for th in both.select('thead th')] == [
        'Code', 'Name', 'Description', 'Reference', 'Defined by']
    rows = [(row.get('id'), row.find_all('td')[-1].get_text()) for row in both.select('tbody tr')]
    gql = SETS['graphql-transport-ws']
    discord = SETS['discord-gateway']
    # Code by code; on one number, the sets in the order wsclose_sets gives them.
    expected = sorted(
        [(code.number, 0, f'wsclose-graphql-transport-ws-{code.number}', gql.title)
         for code in gql.codes if 4000 <= code.number <= 4099 or 4400 <= code.number <= 4499]
        + [(code.number, 1, f'wsclose-discord-gateway-{code.number}', discord.title)
           for code in discord.codes])
    assert rows == [(row_id, title) for _number, _order, row_id, title in expected]
    # The set's own table: its codes and ranges, with the advice and the direction.
    assert [th.get_text() for th in one.select('thead th')] == [
        'Code', 'Name', 'Reconnect', 'Sent by']
    cells = [[td.get_text() for td in row.find_all('td')] for row in one.select('tbody tr')]
    assert [int(cell[0]) for cell in cells] == [code.number for code in gql.codes]
    words = {'yes': 'reconnect', 'resume': 'resume', 'later': 'later', 'no': 'do not reconnect'}
    for cell, code in zip(cells, gql.codes, strict=True):
        assert cell[1] == code.name
        assert cell[2].startswith(words.get(code.reconnect, ''))
        assert cell[3] == code.direction


def test_objects_inv_names_set_codes_by_their_set(shared: Callable[..., SphinxTestApp]) -> None:
    app = shared('sets', 'rst')
    codes = load_inventory(app.outdir / 'objects.inv')['wsclose:code']
    assert codes['discord-gateway:4004'][0] == f'{DISCORD}4004'
    assert codes['graphql-transport-ws:4401'][0] == f'{GQL}4401'
    assert '4004' not in codes  # the registry's 4004 is no row here


def _reader(srcdir: Path, shared: Callable[..., SphinxTestApp], key: str, conf: str,
            page: str) -> Path:
    """A project that reads the sets root's ``objects.inv`` as the intersphinx project *key*."""
    inventory = shared('sets', 'rst').outdir / 'objects.inv'
    srcdir.mkdir()
    (srcdir / 'conf.py').write_text(
        "extensions = ['sphinx.ext.intersphinx', 'sphinxext_wsclose']\n"
        f"intersphinx_mapping = {{{key!r}: ('https://game.example/', {str(inventory)!r})}}\n"
        f'show_warning_types = True\n{conf}', encoding='utf-8')
    (srcdir / 'index.rst').write_text(page, encoding='utf-8')
    return srcdir


def test_another_project_reaches_set_codes_through_intersphinx(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, shared: Callable[..., SphinxTestApp]
) -> None:
    srcdir = _reader(tmp_path / 'b', shared, 'game', 'nitpicky = True\n',
                     '* :wsclose:`discord-gateway:4004`\n'
                     '* :wsclose:`graphql-transport-ws:Unauthorized`\n'
                     '* :wsclose:`discord-gateway:4013`\n')
    app = make_app('html', srcdir=srcdir, freshenv=True)
    app.build()
    assert warnings(app) == []
    links = html(app, 'index').select('div.body li a')
    assert [(a.get_text(), a['href']) for a in links] == [
        ('4004 Authentication failed', f'https://game.example/{DISCORD}4004'),
        ('4401 Unauthorized', f'https://game.example/{GQL}4401'),
        ('4013 Invalid intent(s)', f'https://game.example/{DISCORD}4013'),
    ]


@pytest.mark.parametrize(('builder', 'page'), [
    ('text', 'codes.txt'), ('man', 'game.1'), ('texinfo', 'game.texi'),
    ('latex', 'game.tex'), ('epub', 'codes.xhtml'), ('singlehtml', 'index.html'),
])
def test_every_builder_shows_the_sets(
    shared: Callable[..., SphinxTestApp], builder: str, page: str
) -> None:
    app = shared('sets', 'rst', builder)
    assert warnings(app) == []
    output = (app.outdir / page).read_text(encoding='utf-8')
    for text in ('Authentication', 'Discord Gateway', 'Unauthorized', 'Sent', 'server'):
        assert text in output, (builder, text)


# -- incremental and parallel -------------------------------------------------


@pytest.mark.slow
def test_changing_wsclose_sets_equals_a_clean_build(tmp_path: Path) -> None:
    srcdir = copy_root('sets', tmp_path / 'src', 'rst')
    outdir = tmp_path / 'out'
    assert build_main(['-q', '-b', 'html', str(srcdir), str(outdir)]) == 0
    conf = srcdir / 'conf.py'
    conf.write_text(conf.read_text(encoding='utf-8').replace(
        "wsclose_sets = ['graphql-transport-ws', 'discord-gateway']",
        "wsclose_sets = ['discord-gateway']"), encoding='utf-8')
    assert build_main(['-q', '-b', 'html', str(srcdir), str(outdir)]) == 0
    clean = tmp_path / 'clean'
    assert build_main(['-q', '-E', '-b', 'html', str(srcdir), str(clean)]) == 0
    assert body_pages(outdir) == body_pages(clean)
    # The bare 4401 is no longer a turned-on set's code: it is in the private range.
    soup = BeautifulSoup((outdir / 'mentions.html').read_text(encoding='utf-8'), 'html.parser')
    assert soup.select('div.body li')[0].get_text() == '4401 (private use)'


@pytest.mark.slow
def test_parallel_equals_serial(tmp_path: Path) -> None:
    srcdir = copy_root('sets', tmp_path / 'src', 'rst')
    for n in range(8):
        shutil.copy(srcdir / 'mentions.rst', srcdir / f'more{n}.rst')
    index = srcdir / 'index.rst'
    index.write_text(index.read_text(encoding='utf-8') + ''.join(
        f'   more{n}\n' for n in range(8)), encoding='utf-8')
    serial, parallel = tmp_path / 'serial', tmp_path / 'parallel'
    assert build_main(['-q', '-E', '-b', 'html', str(srcdir), str(serial)]) == 0
    assert build_main(['-q', '-E', '-j', '2', '-b', 'html', str(srcdir), str(parallel)]) == 0
    assert body_pages(serial) == body_pages(parallel)


def test_own_codes_and_iana_numbers_keep_their_bare_numbers(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path
) -> None:
    """A bare number is an own code, or IANA's, before any set's (each warned once at start)."""
    srcdir = tmp_path / 'own'
    srcdir.mkdir()
    (srcdir / 'conf.py').write_text(
        "extensions = ['sphinxext_wsclose']\nwsclose_sets = ['discord-gateway', 'centrifugo']\n"
        "wsclose_codes = {4004: 'Login refused'}\nwsclose_fallback = 'iana'\n", encoding='utf-8')
    (srcdir / 'index.rst').write_text(
        '* :wsclose:`4004`\n* :wsclose:`discord-gateway:4004`\n* :wsclose:`3008`\n'
        '* :wsclose:`centrifugo:3008`\n* :wsclose:`4010`\n', encoding='utf-8')
    app = make_app('html', srcdir=srcdir, freshenv=True)
    app.build()
    assert len(warnings(app)) == 2  # the own code, and centrifugo's IANA numbers
    texts = [li.get_text() for li in html(app, 'index').select('div.body li')]
    assert texts == ['4004 Login refused', '4004 Authentication failed', '3008 Timeout',
                     '3008 DisconnectSlow', '4010 Invalid shard']


def test_an_intersphinx_project_named_like_a_set(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, shared: Callable[..., SphinxTestApp]
) -> None:
    """``pusher:4009`` means the set; one warning at start says how to reach the project."""
    srcdir = _reader(tmp_path / 'clash', shared, 'pusher', "wsclose_sets = ['pusher']\n",
                     '* :wsclose:`pusher:4009`\n'
                     '* :external+pusher:wsclose:code:`discord-gateway:4004`\n')
    app = make_app('html', srcdir=srcdir, freshenv=True)
    app.build()
    assert [line.split(': ', 1)[1] for line in warnings(app)] == [
        "WARNING: wsclose_sets: 'pusher' is also a project of intersphinx_mapping; "
        'pusher:CODE means the set’s code, so reach that project with '
        ':external+pusher:wsclose:code:`CODE` [wsclose.config]']
    links = html(app, 'index').select('div.body li a')
    assert [a['href'] for a in links] == [
        PUSHER_SOURCE, f'https://game.example/{DISCORD}4004']


def test_rules_for_names_ranges_and_tables(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path
) -> None:
    """IANA's names before a set's; a set's range by its qualified name; a set's table
    without the project's own codes; the Defined by column only where sets meet."""
    srcdir = tmp_path / 'rules'
    srcdir.mkdir()
    (srcdir / 'conf.py').write_text(
        "extensions = ['sphinxext_wsclose']\nwsclose_sets = ['graphql-transport-ws']\n"
        'show_warning_types = True\n', encoding='utf-8')
    (srcdir / 'index.rst').write_text(
        '* :wsclose:`Unauthorized`\n* :wsclose:`pusher:4000-4099`\n* :wsclose:`4401`\n\n'
        '.. wsclose:code:: 4001 Token expired\n\n   The token expired.\n\n'
        '.. wsclose-table::\n   :set: pusher\n   :codes: 4000-4099\n\n'
        '.. wsclose-table::\n   :codes: 1000-1003\n   :no-index:\n', encoding='utf-8')
    app = make_app('html', srcdir=srcdir, freshenv=True)
    app.build()
    assert warnings(app) == []
    soup = html(app, 'index')
    assert [a.get_text() for a in soup.select('div.body li a')] == [
        '3000 Unauthorized', '4000–4099 doNotReconnectUnchanged', '4401 Unauthorized']
    pusher, registry = soup.select('table.wsclose-table')
    # Pusher's range and codes in it; not this page's own 4001 (that is the registry's).
    ids = [row.get('id') for row in pusher.select('tbody tr')]
    assert ids[:3] == ['wsclose-pusher-4000-4099', 'wsclose-pusher-4000', 'wsclose-pusher-4001']
    assert all(row_id.startswith('wsclose-pusher-') for row_id in ids)
    assert [th.get_text() for th in registry.select('thead th')] == [
        'Code', 'Name', 'Description', 'Reference']


def test_an_intersphinx_project_named_like_a_set_not_turned_on(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, shared: Callable[..., SphinxTestApp]
) -> None:
    srcdir = _reader(tmp_path / 'off', shared, 'pusher', '', '* :wsclose:`pusher:4009`\n')
    app = make_app('html', srcdir=srcdir, freshenv=True)
    app.build()
    assert [line.split(': ', 1)[1] for line in warnings(app)] == [
        "WARNING: wsclose_sets: 'pusher' is also a project of intersphinx_mapping; "
        'pusher:CODE means the set’s code, so reach that project with '
        ':external+pusher:wsclose:code:`CODE` [wsclose.config]']
    assert [a['href'] for a in html(app, 'index').select('div.body li a')] == [PUSHER_SOURCE]
