"""Who closes with what: the ``:closes CODE:`` field and the closed-by lists, in rST and MyST.

The project (``tests/roots/test-closes``) is a chat service's API: autodoc
with napoleon (Google and NumPy sections, and plain fields), an httpdomain
endpoint, a JavaScript function, a second ``Room.join()`` in another module,
an object inside ``.. only:: never`` and one with ``:no-index:``; its codes
page has the "codes our service uses" table (``:codes: closed, 1015``) and a
table of every code with the ``closed-by`` column.
"""

from __future__ import annotations

import re
import shutil
from typing import TYPE_CHECKING

import pytest
from helpers import body_pages, copy_root, html, warnings
from sphinx.cmd.build import build_main
from sphinx.domains.python._object import PyObject

from sphinxext_wsclose.bundled import REGISTRY

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from bs4 import BeautifulSoup
    from sphinx.testing.util import SphinxTestApp

JOIN = ('chatapi.Room.join()', 'api.html#chatapi.Room.join')
LEAVE = ('Room.leave()', 'api.html#chatapi.Room.leave')
KICK = ('Room.kick()', 'api.html#chatapi.Room.kick')
CONNECT_PY = ('chatapi.connect()', 'api.html#chatapi.connect')
CONNECT_JS = ('connect()', 'endpoints.html#connect')
GET = ('GET /ws/chat', 'endpoints.html#get--ws-chat')
LOBBY_JOIN = ('lobby.Room.join()', 'endpoints.html#lobby.Room.join')

#: The closed-by cell of each row of the "codes our service uses" table:
#: the text, and each link's (text, address).
CLOSED = {
    '1000': ('Room.leave()', [LEAVE]),
    '1001': ('connect()', [CONNECT_JS]),
    '1008': ('chatapi.Room.join(), chatapi.connect(), GET /ws/chat', [JOIN, CONNECT_PY, GET]),
    '1015': ('', []),  # in :codes:, declared by nothing
    '4000-4999': ('GET /ws/chat; 4050: Room.leave()', [GET, LEAVE]),
    '4001': ('lobby.Room.join()', [LOBBY_JOIN]),
    '4002': ('chatapi.Room.join()', [JOIN]),
    '4003': ('Room.kick()', [KICK]),
    '4010': ('GET /ws/chat', [GET]),
}

#: Each object's "Close codes" field: (mention text, its address, the reason).
FIELDS = {
    'api': [
        [('4002 Room full', 'codes.html#wsclose-4002', 'The room already has 100 members.'),
         ('1008 Policy Violation', 'codes.html#wsclose-1008',
          'The token does not grant access to this room.')],
        [('4003 Kicked', 'codes.html#wsclose-4003', 'A moderator removed the member.')],
        [('1000 Normal Closure', 'codes.html#wsclose-1000', 'The user left.'),
         ('4050 (private use)', 'codes.html#wsclose-4000-4999', 'An undocumented private code.')],
        [('1008 Policy Violation', 'codes.html#wsclose-1008', 'The URL carries no token.')],
    ],
    'endpoints': [
        [('1008 Policy Violation', 'codes.html#wsclose-1008', 'The token is missing.'),
         ('4000–4999 Private use', 'codes.html#wsclose-4000-4999', 'Any private code.'),
         ('4010 Slow down', 'codes.html#wsclose-4010', 'The client sent too fast.')],
        [('1001 Going Away', 'codes.html#wsclose-1001', 'The page unloads.')],
        [('4001 Token expired', 'codes.html#wsclose-4001', 'The token expired while waiting.')],
        [('1013 Try Again Later',
          'https://www.iana.org/assignments/websocket/websocket.xml#close-code-number',
          'Nothing to link to.')],
    ],
}


#: What the builders write around words: LaTeX and man commands, Texinfo's
#: ``@ref{id,,``, tags, quotes, and a text table's borders.
_MARKUP = re.compile(r'@ref\{[^,]*,,|@[a-z]+|\\f[BIPR]|\\[&%]|\\[a-zA-Z@]+|<[^>]*>'
                     r'|[{}"|+`\'\u201c\u201d]|-{2,}|={2,}')


def _closed_by(table: BeautifulSoup) -> dict[str, tuple[str, list[tuple[str, str]]]]:
    found = {}
    for row in table.select('tbody tr'):
        cells = row.find_all('td')
        key = cells[0].get_text(strip=True).rstrip('¶').replace('\u2013', '-')
        last = cells[-1]
        found[key] = (' '.join(last.get_text().split()),
                      [(a.get_text(), a['href']) for a in last.select('a')])
    return found


def test_the_build_is_silent(shared: Callable[..., SphinxTestApp], syntax: str) -> None:
    assert warnings(shared('closes', syntax)) == []


@pytest.mark.parametrize('page', ['api', 'endpoints'])
def test_each_field_is_a_list_of_mentions_with_reasons(
    shared: Callable[..., SphinxTestApp], syntax: str, page: str
) -> None:
    soup = html(shared('closes', syntax), page)
    fields = []
    for name in soup.select('dl.field-list > dt'):
        assert name.get_text(strip=True) == 'Close codes:'
        body = name.find_next_sibling('dd')
        items = body.select('li') or [body.p]
        found = []
        for item in items:
            link = item.select_one('a.wsclose-mention')
            assert link is not None
            mention = link.get_text()
            reason = item.get_text().split(' \u2013 ', 1)[1].strip()
            found.append((mention, link['href'], reason))
            # The mention is what :wsclose: makes: its classes, and the code's tooltip.
            assert {'wsclose', 'wsclose-mention'} <= set(link['class'])
            code = re.match(r'[0-9]+(?:\u2013[0-9]+)?', mention)
            assert code is not None
            entry = REGISTRY.get(code[0].replace('\u2013', '-'))
            if entry is not None and 'codes.html' in link['href']:
                assert link['title'] == entry.description
        fields.append(found)
    assert fields == FIELDS[page]
    # A single field is one line, as :raises: is; several make a list.
    assert [len(dd.select('li')) for dd in soup.select('dl.field-list > dd')] == [
        len(items) if len(items) > 1 else 0 for items in FIELDS[page]]


def test_inline_markup_in_a_reason_is_kept(shared: Callable[..., SphinxTestApp],
                                           syntax: str) -> None:
    soup = html(shared('closes', syntax), 'api')
    assert [em.get_text() for em in soup.select('dl.field-list em')] == ['this']


def test_the_closed_by_column_links_every_object(shared: Callable[..., SphinxTestApp],
                                                 syntax: str) -> None:
    soup = html(shared('closes', syntax), 'codes')
    served, every = soup.select('table.wsclose-table')
    assert _closed_by(served) == CLOSED
    assert [th.get_text() for th in served.select('thead th')] == ['Code', 'Name', 'Closed by']
    # The table of every code lists the same objects on the rows it has.
    full = _closed_by(every)
    assert {key: value for key, value in full.items() if value[0]} == {
        key: value for key, value in CLOSED.items() if value[0]}


def test_codes_closed_keeps_the_declared_codes(shared: Callable[..., SphinxTestApp],
                                               syntax: str) -> None:
    """Each declared code's row, 4050's range row, and 1015 from :codes:; not 1011 or 1013."""
    soup = html(shared('closes', syntax), 'codes')
    served = soup.select('table.wsclose-table')[0]
    assert [row.get('id') for row in served.select('tbody tr')] == [
        'wsclose-1000', 'wsclose-1001', 'wsclose-1008', 'wsclose-1015', 'wsclose-4000-4999',
        'wsclose-4001', 'wsclose-4002', 'wsclose-4003', 'wsclose-4010-1']


def test_rows_added_for_closed_codes_are_link_targets(shared: Callable[..., SphinxTestApp],
                                                      syntax: str) -> None:
    """Mentions of 1000 and 1001 reach the rows that only :codes: closed gave."""
    soup = html(shared('closes', syntax), 'endpoints')
    hrefs = {a.get_text(): a['href'] for a in soup.select('a.wsclose-mention')}
    assert hrefs['1001 Going Away'] == 'codes.html#wsclose-1001'


def test_own_codes_end_with_their_closers(shared: Callable[..., SphinxTestApp],
                                          syntax: str) -> None:
    app = shared('closes', syntax)
    lines = {page: [(p.get_text(), [a['href'] for a in p.select('a')])
                    for p in html(app, page).select('p.wsclose-closed-by')]
             for page in ('api', 'codes')}
    # The autodoc entries of ChatClose's members, in member order (KICKED, ROOM_FULL,
    # TOKEN_EXPIRED), and the wsclose:code of 4010.
    assert lines == {
        'api': [('Closed by: Room.kick()', ['#chatapi.Room.kick']),
                ('Closed by: chatapi.Room.join()', ['#chatapi.Room.join']),
                ('Closed by: lobby.Room.join()', ['endpoints.html#lobby.Room.join'])],
        'codes': [('Closed by: GET /ws/chat', ['endpoints.html#get--ws-chat'])],
    }


def test_the_domain_index_lists_each_codes_objects(shared: Callable[..., SphinxTestApp],
                                                   syntax: str) -> None:
    soup = html(shared('closes', syntax), 'wsclose-index')
    rows = [(row.get_text(' ', strip=True), [a['href'] for a in row.select('a')])
            for row in soup.select('table.indextable tr') if row.select('a')]
    under_4000 = rows[[text for text, _ in rows].index(
        '4000–4999 Private use ' + REGISTRY['4000-4999'].description) + 1:][:2]
    assert under_4000 == [('GET /ws/chat', [GET[1]]), ('4050: Room.leave()', [LEAVE[1]])]
    under_1008 = rows[[text for text, _ in rows].index(
        '1008 Policy Violation ' + REGISTRY['1008'].description) + 1:][:3]
    assert under_1008 == [(text, [href]) for text, href in (JOIN, CONNECT_PY, GET)]


@pytest.mark.parametrize(('builder', 'page'), [
    ('text', 'codes.txt'), ('man', 'chat.1'), ('texinfo', 'chat.texi'),
    ('latex', 'chat.tex'), ('epub', 'codes.xhtml'), ('singlehtml', 'index.html'),
    ('text', 'api.txt'), ('epub', 'api.xhtml'),
])
def test_every_builder_shows_the_fields_and_the_column(
    shared: Callable[..., SphinxTestApp], builder: str, page: str
) -> None:
    app = shared('closes', 'rst', builder)
    assert warnings(app) == []
    output = (app.outdir / page).read_text(encoding='utf-8')
    # The words, without markup, quotes, or a text table's borders.
    words = set(re.sub(_MARKUP, ' ', output).split())
    # The closed-by lists, and on the API page the fields.
    expected = (['Closed', 'Room.kick()', 'lobby.Room.join()', 'Close', '4050']
                if 'api' in page else ['Closed', 'GET', '/ws/chat', '4050:', 'Room.leave()'])
    if builder in {'man', 'texinfo', 'latex', 'singlehtml'}:  # one document: both
        expected += ['lobby.Room.join()', 'Close']
    for word in expected:
        assert word in words, (builder, word)


@pytest.mark.parametrize(('language', 'label', 'header'), [
    ('de', 'Schließcodes:', 'Geschlossen von'),
    ('fr', 'Codes de fermeture:', 'Fermé par'),
])
def test_the_label_and_header_are_translated(
    build: Callable[..., SphinxTestApp], language: str, label: str, header: str
) -> None:
    app = build('closes', 'rst', confoverrides={'language': language})
    api = html(app, 'api')
    assert {dt.get_text(strip=True) for dt in api.select('dl.field-list > dt')} == {label}
    codes = html(app, 'codes')
    assert codes.select('table.wsclose-table thead th')[-1].get_text() == header
    assert {p.get_text().split(':')[0].strip()
            for p in api.select('p.wsclose-closed-by')} == {header}


def test_a_build_without_the_extension_is_not_affected(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, shared: Callable[..., SphinxTestApp]
) -> None:
    """In a process where the field was added, a project without the extension sees
    ``:closes 1008:`` as Sphinx shows any field it does not know."""
    shared('closes', 'rst')  # the field is added for the whole process
    assert any(field.name == 'wsclose-closes' for field in PyObject.doc_field_types)
    srcdir = tmp_path / 'plain'
    srcdir.mkdir()
    (srcdir / 'conf.py').write_text("extensions = ['sphinx.ext.napoleon']\n", encoding='utf-8')
    (srcdir / 'index.rst').write_text(
        '.. py:function:: join(room)\n\n   :closes 1008: Bad *token*.\n'
        '   :closes 1000: Done.\n\n'
        '.. py:function:: leave(room)\n\n   :closer 1008: Bad *token*.\n', encoding='utf-8')
    app = make_app('html', srcdir=srcdir, freshenv=True)
    app.build()
    assert warnings(app) == []
    fields = [[(dt.get_text(strip=True), dt.find_next_sibling('dd').decode_contents())
               for dt in dl.select('dt')] for dl in html(app, 'index').select('dl.field-list')]
    # Exactly as the field Sphinx does not know either (":closer"), with its markup.
    assert fields == [[('Closes 1008:', '<p>Bad <em>token</em>.</p>\n'),
                      ('Closes 1000:', '<p>Done.</p>\n')],
                      [('Closer 1008:', '<p>Bad <em>token</em>.</p>\n')]]


# -- incremental and parallel -------------------------------------------------


def _build(srcdir: Path, outdir: Path, *options: str) -> list[str]:
    """Build *srcdir* with sphinx-build; return the names of the pages it wrote."""
    before = {path: path.stat().st_mtime_ns for path in outdir.glob('*.html')}
    assert build_main(['-q', '-b', 'html', *options, str(srcdir), str(outdir)]) == 0
    return sorted(path.name for path in outdir.glob('*.html')
                  if before.get(path) != path.stat().st_mtime_ns)


@pytest.mark.slow
@pytest.mark.parametrize('edit', ['add', 'change', 'remove'])
def test_an_edited_field_updates_every_list(tmp_path: Path, edit: str,
                                            fresh_imports: None) -> None:
    srcdir = copy_root('closes', tmp_path / 'src', 'rst')
    outdir = tmp_path / 'out'
    _build(srcdir, outdir)
    page = srcdir / 'endpoints.rst'
    text = page.read_text(encoding='utf-8')
    line = '   :closes 1001: The page unloads.\n'
    assert line in text
    new = {'add': line + '   :closes 1011: It broke.\n',
           'change': '   :closes 1012: It restarts.\n',
           'remove': ''}[edit]
    page.write_text(text.replace(line, new), encoding='utf-8')
    written = _build(srcdir, outdir)
    # The edited page, and the pages that show closed-by lists: the tables and
    # the own codes' entries (the domain index is written every build).
    assert {'endpoints.html', 'codes.html', 'api.html'} <= set(written)
    clean = tmp_path / 'clean'
    _build(srcdir, clean, '-E')
    assert body_pages(outdir) == body_pages(clean)


@pytest.mark.slow
def test_parallel_equals_serial(tmp_path: Path, fresh_imports: None) -> None:
    srcdir = copy_root('closes', tmp_path / 'src', 'rst')
    for n in range(8):  # enough pages for two readers
        shutil.copy(srcdir / 'endpoints.rst', srcdir / f'more{n}.rst')
        page = srcdir / f'more{n}.rst'
        page.write_text(page.read_text(encoding='utf-8').replace(
            '/ws/chat', f'/ws/chat{n}').replace('connect(url)', f'connect{n}(url)')
            .replace('py:module:: lobby', f'py:module:: lobby{n}'), encoding='utf-8')
    index = srcdir / 'index.rst'
    index.write_text(index.read_text(encoding='utf-8') + ''.join(
        f'   more{n}\n' for n in range(8)), encoding='utf-8')
    serial, parallel = tmp_path / 'serial', tmp_path / 'parallel'
    _build(srcdir, serial, '-E')
    _build(srcdir, parallel, '-E', '-j', '2')
    assert body_pages(serial) == body_pages(parallel)


# -- other projects, other directives ---------------------------------------------

def test_a_field_may_name_another_projects_code(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path
) -> None:
    """Through intersphinx the field links to A's row; B's closed-by lists are B's own."""
    a = copy_root('owncodes', tmp_path / 'a', 'rst')
    app_a = make_app('html', srcdir=a, freshenv=True)
    app_a.build()
    app_a.cleanup()  # two live apps would share docutils' registry of roles
    inventory = app_a.outdir / 'objects.inv'
    b = tmp_path / 'b'
    b.mkdir()
    (b / 'conf.py').write_text(
        "project = 'B'\nextensions = ['sphinx.ext.intersphinx', 'sphinxext_wsclose']\n"
        f"intersphinx_mapping = {{'chat': ('https://a.example/', {str(inventory)!r})}}\n"
        'show_warning_types = True\nnitpicky = True\n', encoding='utf-8')
    (b / 'index.rst').write_text(
        'B\n=\n\n.. py:function:: join()\n\n   :closes 4002: The room is full.\n'
        '   :closes 1008: Bad token.\n\n'
        '.. py:function:: leave()\n\n   :closes chat:4002: Named as A names it.\n\n'
        '.. wsclose-table::\n   :codes: closed\n   :columns: code, closed-by\n', encoding='utf-8')
    app_b = make_app('html', srcdir=b, freshenv=True)
    app_b.build()
    assert warnings(app_b) == []
    soup = html(app_b, 'index')
    assert [(a.get_text(), a['href']) for a in soup.select('dl.field-list a.wsclose-mention')] == [
        ('4002 Room full', 'https://a.example/codes.html#wsclose-4002'),
        ('1008 Policy Violation', '#wsclose-1008'),
        ('4002 Room full', 'https://a.example/codes.html#wsclose-4002'),
    ]
    # B's table: B's own rows, listing B's objects; 4002 has no row of its
    # own in B, so B lists it on B's range row.
    table = soup.select_one('table.wsclose-table')
    assert table is not None
    assert _closed_by(table) == {
        '1008': ('join()', [('join()', '#join')]),
        '4000-4999': ('4002: join(), leave()', [('join()', '#join'), ('leave()', '#leave')]),
    }


def test_httpdomain_websocket_connection_takes_the_field(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path
) -> None:
    pytest.importorskip('sphinxcontrib.httpdomain.websocket',
                        reason='this sphinxcontrib-httpdomain has no websocket:connection')
    srcdir = tmp_path / 'ws'
    srcdir.mkdir()
    (srcdir / 'conf.py').write_text(
        "extensions = ['sphinxcontrib.httpdomain', 'sphinxext_wsclose']\n"
        'show_warning_types = True\n', encoding='utf-8')
    (srcdir / 'index.rst').write_text(
        '.. websocket:connection:: /ws/chat\n\n   :closes 1008: Bad token.\n\n'
        '.. wsclose-table::\n   :codes: closed\n   :columns: code, closed-by\n',
        encoding='utf-8')
    app = make_app('html', srcdir=srcdir, freshenv=True)
    app.build()
    assert warnings(app) == []
    soup = html(app, 'index')
    assert [a.get_text() for a in soup.select('dl.field-list a.wsclose-mention')] == [
        '1008 Policy Violation']
    table = soup.select_one('table.wsclose-table')
    assert table is not None
    [(text, links)] = _closed_by(table).values()
    assert text.endswith('/ws/chat')
    assert len(links) == 1
