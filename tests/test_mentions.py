"""The role, as readers see it: link text, target and tooltip, in rST and MyST."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from helpers import SUFFIX, copy_root, html, warnings
from sphinx.addnodes import pending_xref

from sphinxext_wsclose.bundled import REGISTRY

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp


def _tooltip(key: str) -> str:
    return REGISTRY[key].description


# One row per list item of mentions.rst / mentions.md: (text, href, tooltip).
EXPECTED = [
    ('1008 Policy Violation', 'codes.html#wsclose-1008', _tooltip('1008')),
    ('the overload code', 'codes.html#wsclose-1013', _tooltip('1013')),
    ('1008 Policy Violation', 'codes.html#wsclose-1008', _tooltip('1008')),
    ('1000 Normal Closure', 'codes.html#wsclose-1000', _tooltip('1000')),
    ('1008 Policy Violation', 'codes.html#wsclose-1008', _tooltip('1008')),
    ('4001 (private use)', 'codes.html#wsclose-4000-4999', _tooltip('4000-4999')),
    ('4000\u20134999 Private use', 'codes.html#wsclose-4000-4999', _tooltip('4000-4999')),
    ('3008 Timeout', 'codes.html#wsclose-3008', _tooltip('3008')),
    ('1005 No Status Rcvd', 'codes.html#wsclose-1005', _tooltip('1005')),
    ('1011 Internal Error', 'codes.html#wsclose-1011', _tooltip('1011')),
    ('1012', None, None),  # ``!1012``: the text, deliberately without a link
    ('1016\u20132999 Unassigned', 'codes.html#wsclose-1016-2999', _tooltip('1016-2999')),
    ('0\u2013999 Not used', 'codes.html#wsclose-0-999', _tooltip('0-999')),
]


def test_mentions_link_to_their_rows(shared: Callable[..., SphinxTestApp], syntax: str) -> None:
    app = shared('mentions', syntax)
    assert warnings(app) == []

    page = html(app, 'mentions')
    seen = []
    for item in page.select('div.body li'):
        link = item.find('a')
        if link is None:
            seen.append((item.get_text(strip=True), None, None))
        else:
            seen.append((link.get_text(), link['href'], link.get('title')))
            assert 'reference' in link['class']
            assert 'internal' in link['class']
    assert seen == EXPECTED

    # Every anchor exists, on a table row of the target page.
    codes = html(app, 'codes')
    for _text, href, _title in EXPECTED:
        if href:
            anchor = href.partition('#')[2]
            row = codes.find(id=anchor)
            assert row is not None, anchor
            assert row.name == 'tr'
            assert 'wsclose-row' in row['class']


def test_mention_on_the_table_page_links_within_the_page(
    shared: Callable[..., SphinxTestApp], syntax: str
) -> None:
    app = shared('mentions', syntax)
    link = html(app, 'codes').select_one('div.body p a.reference.internal')
    assert link is not None
    assert (link.get_text(), link['href']) == ('1000 Normal Closure', '#wsclose-1000')


def test_mentions_are_references_waiting_for_their_address(
    shared: Callable[..., SphinxTestApp], syntax: str
) -> None:
    app = shared('mentions', syntax)
    doctree = app.env.get_doctree('mentions')
    refs = [node for node in doctree.findall(nodes.reference) if 'wsclose' in node]
    keys = ('1008', '1013', '1008', '1000', '1008', '4001', '4000-4999', '3008', '1005',
            '1016-2999', '0-999')
    assert [ref['wsclose'] for ref in refs] == list(keys)
    # One node and its text, like a hand-written link; no address yet.
    assert all(len(ref) == 1 and isinstance(ref[0], nodes.Text) for ref in refs)
    assert not any('refuri' in ref or 'refid' in ref for ref in refs)
    assert all(ref['classes'] == ['wsclose', 'wsclose-mention'] for ref in refs)
    assert all(ref['refdoc'] == 'mentions' for ref in refs)
    # The text is final for every code known while parsing, except 4001,
    # whose name a wsclose:code directive elsewhere might give.
    assert [ref.get('wsclose_open', False) for ref in refs] == [key == '4001' for key in keys]
    # The long name of the role takes Sphinx's generic way: a pending_xref.
    (xref,) = doctree.findall(pending_xref)
    assert (xref['refdomain'], xref['reftype'], xref['reftarget'], xref['refexplicit']) == (
        'wsclose', 'code', '1011', True
    )


def test_resolved_mentions_are_plain_links(
    shared: Callable[..., SphinxTestApp], syntax: str
) -> None:
    app = shared('mentions', syntax)
    doctree = app.env.get_doctree('mentions')
    app.env.apply_post_transforms(doctree, 'mentions')
    assert not list(doctree.findall(pending_xref))
    links = [node for node in doctree.findall(nodes.reference)
             if 'wsclose-mention' in node['classes']]
    assert len(links) == 12
    for link in links:
        assert not {'wsclose', 'wsclose_open', 'refdoc'} & set(link.attributes)
        assert len(link) == 1
        assert isinstance(link[0], nodes.Text)
    long_name = next(link for link in links if link.astext() == '1011 Internal Error')
    short_name = next(link for link in links if link.astext() == '1008 Policy Violation')
    assert long_name.attributes.keys() == short_name.attributes.keys()


#: Links that do not come from the role, but that the domain answers.
OTHER_ROLES = {
    'rst': ':orphan:\n\nOther roles\n===========\n\n* :any:`1008`\n* :any:`the code <1008>`\n',
    'myst': (
        '---\norphan: true\n---\n\n# Other roles\n\n'
        '* {any}`1008`\n* {any}`the code <1008>`\n* [](#1008)\n* [the code](#1008)\n'
    ),
}


def test_any_role_and_myst_links_reach_the_row(
    build: Callable[..., SphinxTestApp], tmp_path: Path, syntax: str
) -> None:
    srcdir = tmp_path / f'mentions-{syntax}'
    copy_root('mentions', srcdir, syntax)
    (srcdir / f'other.{SUFFIX[syntax]}').write_text(OTHER_ROLES[syntax], encoding='utf-8')
    app = build('mentions', syntax)
    assert warnings(app) == []
    links = html(app, 'other').select('div.body li a')
    expected = [('1008 Policy Violation', 'codes.html#wsclose-1008'),
                ('the code', 'codes.html#wsclose-1008')]
    assert [(a.get_text(), a['href']) for a in links] == expected * (len(links) // 2)
    assert len(links) == (2 if syntax == 'rst' else 4)
    assert all(a['title'] == _tooltip('1008') for a in links)
