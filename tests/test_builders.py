"""Every builder that matters builds silently, and the links survive in each format."""

from __future__ import annotations

import gc
import json
import pickle
import re
import weakref
from types import MethodType
from typing import TYPE_CHECKING

import pytest
from helpers import html, warnings
from sphinx.registry import SphinxComponentRegistry

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from sphinx.builders import Builder
    from sphinx.testing.util import SphinxTestApp

BUILDERS = ('html', 'singlehtml', 'dirhtml', 'latex', 'text', 'man', 'texinfo', 'epub')


@pytest.mark.parametrize('buildername', BUILDERS)
def test_builds_without_warnings(
    shared: Callable[..., SphinxTestApp], buildername: str, syntax: str
) -> None:
    app = shared('mentions', syntax, buildername)
    assert warnings(app) == []


def test_latex_links_and_labels(shared: Callable[..., SphinxTestApp], syntax: str) -> None:
    app = shared('mentions', syntax, 'latex')
    (tex_file,) = app.outdir.glob('*.tex')
    tex = tex_file.read_text(encoding='utf-8')
    # The table is a longtable, so that it breaks across pages.
    assert r'\begin{longtable}' in tex
    # Each row carries a label, and each mention points at one.
    labels = set(re.findall(r'\\label\{\\detokenize\{codes:(wsclose-[0-9-]+)\}\}', tex))
    assert {'wsclose-1008', 'wsclose-1013', 'wsclose-4000-4999', 'wsclose-0-999'} <= labels
    assert len(labels) == 28
    targets = re.findall(r'\\hyperref\[\\detokenize\{codes:(wsclose-[0-9-]+)\}\]', tex)
    assert set(targets) <= labels
    assert 'wsclose-1008' in targets
    assert r'1008 Policy Violation' in tex
    assert r'4001 (private use)' in tex


def test_singlehtml_links_stay_on_the_page(
    shared: Callable[..., SphinxTestApp], syntax: str
) -> None:
    app = shared('mentions', syntax, 'singlehtml')
    page = html(app, 'index')
    links = {a.get_text(): a['href'] for a in page.select('a.wsclose-mention')}
    # One fragment: the single page's address of the codes page is a
    # fragment too ('#document-codes'), which the row's id replaces.
    assert links['1008 Policy Violation'] == '#wsclose-1008'
    assert links['4001 (private use)'] == '#wsclose-4000-4999'
    assert links['1011 Internal Error'] == '#wsclose-1011'  # :wsclose:code:, the generic route
    assert page.select_one('tr#wsclose-1008') is not None


def test_text_output(shared: Callable[..., SphinxTestApp], syntax: str) -> None:
    app = shared('mentions', syntax, 'text')
    mentions = (app.outdir / 'mentions.txt').read_text(encoding='utf-8')
    # Sphinx's text writer marks cross-references with asterisks.
    # A link in text output is its text, as a hand-written link is.
    assert '* 1008 Policy Violation\n' in mentions
    assert '* the overload code\n' in mentions
    assert '* 4001 (private use)\n' in mentions
    assert '* 1012\n' in mentions
    codes = (app.outdir / 'codes.txt').read_text(encoding='utf-8')
    assert re.search(r'\| 1008\s+\| Policy Violation\s+\|', codes)
    assert re.search(r'\| 4000[\u2013]4999\s+\| Private use\s+\|', codes)


def test_texinfo_anchors(shared: Callable[..., SphinxTestApp], syntax: str) -> None:
    app = shared('mentions', syntax, 'texinfo')
    (texi_file,) = app.outdir.glob('*.texi')
    texi = texi_file.read_text(encoding='utf-8')
    # Texinfo writes each anchor twice, by name and by a short id; refs use the short one.
    match = re.search(r'@anchor\{codes wsclose-1008\}@anchor\{(\w+)\}', texi)
    assert match is not None
    assert f'@ref{{{match[1]},,1008 Policy Violation}}' in texi
    assert len(re.findall(r'@anchor\{codes wsclose-[0-9-]+\}', texi)) == 28


def test_man_output(shared: Callable[..., SphinxTestApp], syntax: str) -> None:
    app = shared('mentions', syntax, 'man')
    (page,) = app.outdir.rglob('*.1')
    text = page.read_text(encoding='utf-8')
    assert '1008 Policy Violation' in text
    assert 'Private use' in text


def test_latex_mention_of_a_page_left_out_keeps_its_text(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path
) -> None:
    # The table is on a page that the LaTeX document does not include.
    srcdir = tmp_path / 'manual'
    srcdir.mkdir()
    files = {
        'conf.py': "extensions = ['sphinxext_wsclose']\nshow_warning_types = True\n",
        'index.rst': 'Manual\n======\n\n.. toctree::\n\n   mentions\n',
        'mentions.rst': 'Mentions\n========\n\nThe server closes with :wsclose:`1008`.\n',
        'codes.rst': ':orphan:\n\nCodes\n=====\n\n.. wsclose-table::\n',
    }
    for name, text in files.items():
        (srcdir / name).write_text(text, encoding='utf-8')
    app = make_app('latex', srcdir=srcdir, freshenv=True)
    app.build()
    assert warnings(app) == []
    (tex_file,) = app.outdir.glob('*.tex')
    tex = tex_file.read_text(encoding='utf-8')
    # The text stays, without a link. Its classes become DUrole wrappers: one
    # with the classes joined by commas (Sphinx 7.4), or one per class.
    assert re.search(r'The server closes with (\\DUrole\{[a-z,-]+\}\{)*'
                     r'1008 Policy Violation\}*\.', tex)
    assert 'wsclose-1008' not in tex


#: Every builder that Sphinx ships, but linkcheck, which needs the network.
ALL_BUILDERS = ('html', 'dirhtml', 'singlehtml', 'json', 'pickle', 'latex', 'text', 'man',
                'texinfo', 'epub', 'gettext', 'xml', 'pseudoxml', 'changes', 'dummy')


def _strings(value: object) -> list[object]:
    """Every leaf of a loaded json or pickle context that is not a plain type."""
    if isinstance(value, dict):
        return [leaf for item in value.values() for leaf in _strings(item)]
    if isinstance(value, (list, tuple)):
        return [leaf for item in value for leaf in _strings(item)]
    if value is None or type(value) in {str, int, float, bool}:
        return []
    return [value]


@pytest.mark.slow  # every builder, in two languages
@pytest.mark.parametrize('language', ['en', 'de'])
@pytest.mark.parametrize('buildername', ALL_BUILDERS)
def test_every_builder_builds_silently(
    build: Callable[..., SphinxTestApp], buildername: str, syntax: str, language: str
) -> None:
    app = build('everybuilder', syntax, buildername, confoverrides={'language': language})
    assert warnings(app) == []
    if buildername in {'json', 'pickle'}:
        suffix = 'fjson' if buildername == 'json' else 'fpickle'
        for path in sorted(app.outdir.glob(f'*.{suffix}')):
            if buildername == 'json':
                context = json.loads(path.read_text(encoding='utf-8'))
            else:
                with path.open('rb') as stream:
                    context = pickle.load(stream)  # our own build's output
            assert _strings(context) == [], path.name
        with (app.outdir / f'index.{suffix}').open('rb') as stream:
            context = json.load(stream) if buildername == 'json' else pickle.load(stream)
        titles = [tuple(link) for link in context['rellinks'] if link[0] == 'wsclose-index']
        expected = {'en': ('WebSocket close codes', 'close codes'),
                    'de': ('WebSocket-Schließcodes', 'Schließcodes')}[language]
        assert titles == [('wsclose-index', expected[0], '', expected[1])]


def _visitor_of(holder: object) -> object:
    """The ``visitor`` a writer (or, before Python 3.11, its ``__dict__``) holds."""
    if isinstance(holder, dict):
        return holder.get('visitor')
    return getattr(holder, 'visitor', None)


@pytest.mark.parametrize('buildername', ['html', 'singlehtml', 'dirhtml', 'epub', 'text', 'latex'])
@pytest.mark.parametrize('root', ['titles', 'mentions'])
def test_each_translator_is_freed_when_its_page_is_done(
    build: Callable[..., SphinxTestApp], monkeypatch: pytest.MonkeyPatch, buildername: str,
    syntax: str, root: str,
) -> None:
    """No visitor of ours is bound into a translator (issue 19).

    Sphinx binds each visitor that an extension registers into every
    translator it makes, a bound method in the instance's own dictionary: a
    reference cycle, which left each page's translators, and what only they
    hold, to the cyclic garbage collector (about 70 M instructions on 40
    heavy pages: docs/performance.rst).  The roots have mentions in titles
    (``title_mention``) and a table with row permalinks (``row_permalink``).
    In rST, with the collector off during the build, no translator outlives
    it.  MyST-Parser binds a visitor of its own into every HTML translator
    (``container``), so there only the first holds.  Manual pages are left
    out (docutils' own translator is in a cycle without us), and so is
    Texinfo, which gets our visitor: its writer skips ``generated`` nodes,
    and it makes one translator per document, not one per page.  Sphinx
    7.4's HTML writers keep the last translator each made as ``visitor``
    while the builder lives; that one is held, not leaked.
    """
    made: list[weakref.ref[object]] = []
    bound: list[str] = []
    create = SphinxComponentRegistry.create_translator

    def record(self: SphinxComponentRegistry, builder: Builder, *args: object) -> object:
        translator = create(self, builder, *args)
        made.append(weakref.ref(translator))
        bound.extend(name for name, value in vars(translator).items()
                     if isinstance(value, MethodType) and value.__self__ is translator
                     and value.__func__.__module__.startswith('sphinxext_wsclose'))
        return translator

    monkeypatch.setattr(SphinxComponentRegistry, 'create_translator', record)
    gc.collect()
    gc.disable()
    try:
        app = build(root, syntax, buildername, confoverrides={'copyright': '2026', 'version': '1'})
        alive = [translator for translator in (ref() for ref in made) if translator is not None
                 and not any(_visitor_of(holder) is translator
                             for holder in gc.get_referrers(translator))]
    finally:
        gc.enable()
    assert warnings(app) == []
    assert made
    assert bound == []
    if syntax == 'rst':
        assert alive == []
