"""Translations: the shipped catalogs, German and French builds, and the gettext builder.

Document text (headers, cell values, link text, index names) follows the
project's ``language``; warnings follow the console's locale, as Sphinx's own
messages do.  The tests set the console's locale through
:func:`locale.getlocale`, which Sphinx reads for it.
"""

from __future__ import annotations

import json
import locale
import pickle
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_file
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from helpers import SUFFIX, html, warnings

import sphinxext_wsclose
from sphinxext_wsclose._locale import MESSAGE_CATALOG, RANGE_LABELS
from sphinxext_wsclose.bundled import REGISTRY
from sphinxext_wsclose.registry import Kind

if TYPE_CHECKING:
    from collections.abc import Callable

    from babel.messages.catalog import Catalog
    from sphinx.testing.util import SphinxTestApp

PACKAGE = Path(sphinxext_wsclose.__file__).parent
LOCALE_DIR = PACKAGE / 'locale'
LANGUAGES = ('de', 'fr')
#: The keywords of ``pybabel extract -k __`` (docs/translations.rst).
KEYWORDS = {**DEFAULT_KEYWORDS, '__': None}

#: What a build in each language shows, and the warning for ``:wsclose:`999```.
EXPECTED = {
    'de': {
        'headers': ['Code', 'Name', 'Beschreibung', 'Referenz', 'Konstante', 'Wird übertragen'],
        'flags': ('nein', 'je nach Code', 'ja'),
        'mention': '4001 (private Nutzung)',
        'index': 'WebSocket-Schließcodes',
        'entry': '1008 Policy Violation (WebSocket-Schließcode)',
        'warning': 'Schließcode 999 liegt in 0\u2013999, das kein WebSocket-Bereich festlegt; '
                   'Schließcodes reichen von 1000 bis 4999',
    },
    'fr': {
        'headers': ['Code', 'Nom', 'Description', 'Référence', 'Constante',
                    'Envoyé sur le réseau'],
        'flags': ('non', 'selon le code', 'oui'),
        'mention': '4001 (usage privé)',
        'index': 'Codes de fermeture WebSocket',
        'entry': '1008 Policy Violation (code de fermeture WebSocket)',
        'warning': 'le code de fermeture 999 est dans 0\u2013999, que ne définit aucune plage '
                   'WebSocket ; les codes de fermeture vont de 1000 à 4999',
    },
}
#: The line of ``:wsclose:`999``` in mentions.rst and mentions.md.
LINE = {'rst': 8, 'myst': 7}
ENGLISH_WARNING = (
    'close code 999 is in 0\u2013999, which no WebSocket range defines; '
    'close codes run from 1000 to 4999'
)


def _console(monkeypatch: pytest.MonkeyPatch, language: str) -> None:
    """Make the console's locale *language*, as ``LANG`` would for sphinx-build."""
    monkeypatch.setattr(locale, 'getlocale', lambda category=None: (language, 'UTF-8'))


def _read_po(path: Path) -> Catalog:
    with path.open('rb') as stream:
        return read_po(stream)


def _messages(catalog: Catalog) -> dict[str, str]:
    return {str(message.id): str(message.string) for message in catalog if message.id}


# -- builds -------------------------------------------------------------------


@pytest.mark.parametrize('language', LANGUAGES)
def test_build_in_language(
    build: Callable[..., SphinxTestApp],
    monkeypatch: pytest.MonkeyPatch,
    syntax: str,
    language: str,
) -> None:
    _console(monkeypatch, language)
    app = build('locale', syntax, confoverrides={'language': language})
    expected = EXPECTED[language]
    source = app.srcdir / f'mentions.{SUFFIX[syntax]}'
    assert warnings(app) == [
        f'{source}:{LINE[syntax]}: WARNING: {expected["warning"]} [wsclose.unused]'
    ]

    table = html(app, 'codes').select_one('table.wsclose-table')
    assert table is not None
    assert [th.get_text(strip=True) for th in table.select('thead th')] == expected['headers']
    # The Sent on the wire column: 0-999 no, 1000-2999 per code, 1000 yes.
    rows = table.select('tbody tr')
    assert tuple(row.find_all('td')[5].get_text(strip=True) for row in rows[:3]) == (
        expected['flags']
    )
    # Registry names and descriptions are data: English, unless the project
    # translates them in its own catalog, as tests/roots/test-locale/locales does.
    row = table.select_one('tr#wsclose-1008')
    assert row is not None
    name, description = (cell.get_text(strip=True) for cell in row.find_all('td')[1:3])
    assert name == 'Policy Violation'
    if language == 'de':
        assert description == 'Eine Nachricht verstieß gegen die Richtlinie des Endpunkts.'
    else:
        assert description == REGISTRY['1008'].description

    mentions = html(app, 'mentions').select('div.body p')
    assert [p.get_text() for p in mentions] == ['1008 Policy Violation', expected['mention'], '999']

    index = html(app, 'wsclose-index')
    assert index.h1 is not None
    assert index.h1.get_text(strip=True) == expected['index']
    assert index.title is not None
    assert index.title.get_text().startswith(expected['index'])
    genindex = html(app, 'genindex')
    assert expected['entry'] in [a.get_text() for a in genindex.select('table.indextable a')]


def test_warnings_follow_the_console_not_the_language(
    build: Callable[..., SphinxTestApp], monkeypatch: pytest.MonkeyPatch, syntax: str
) -> None:
    _console(monkeypatch, 'C')
    app = build('locale', syntax)  # language = 'de'
    source = app.srcdir / f'mentions.{SUFFIX[syntax]}'
    assert warnings(app) == [
        f'{source}:{LINE[syntax]}: WARNING: {ENGLISH_WARNING} [wsclose.unused]'
    ]
    headers = html(app, 'codes').select('table.wsclose-table thead th')
    assert headers[2].get_text(strip=True) == 'Beschreibung'


def test_english_by_default(build: Callable[..., SphinxTestApp], syntax: str) -> None:
    app = build('locale', syntax, confoverrides={'language': 'en'})
    headers = html(app, 'codes').select('table.wsclose-table thead th')
    assert [th.get_text(strip=True) for th in headers] == [
        'Code', 'Name', 'Description', 'Reference', 'Constant', 'Sent on the wire'
    ]
    mentions = html(app, 'mentions').select('div.body p')
    assert mentions[1].get_text() == '4001 (private use)'


def test_gettext_builder_extracts_the_table(
    build: Callable[..., SphinxTestApp], monkeypatch: pytest.MonkeyPatch, syntax: str
) -> None:
    _console(monkeypatch, 'C')
    app = build('locale', syntax, 'gettext', confoverrides={'language': 'en'})
    source = app.srcdir / f'mentions.{SUFFIX[syntax]}'
    assert warnings(app) == [
        f'{source}:{LINE[syntax]}: WARNING: {ENGLISH_WARNING} [wsclose.unused]'
    ]
    messages = _messages(_read_po(app.outdir / 'codes.pot'))
    # The headers, and the words in the cells: names, descriptions, flags.
    assert {'Code', 'Name', 'Description', 'Reference', 'Constant', 'Sent on the wire'} <= set(
        messages
    )
    for entry in REGISTRY:
        assert entry.name in messages
        assert entry.description in messages
    assert {'yes', 'no', 'per code'} <= set(messages)
    # Codes, constants and source links are not text to translate.
    assert 'POLICY_VIOLATION' not in messages
    assert '1008' not in messages
    assert 'RFC 6455 \u00a77.4.1' not in messages


# -- the shipped catalogs -----------------------------------------------------


def test_template_lists_every_message_in_the_code() -> None:
    extracted = {
        message
        for path in sorted(PACKAGE.glob('*.py'))
        for _line, message, _comments, _context in extract_from_file(
            'python', path, keywords=KEYWORDS
        )
    }
    template = _read_po(LOCALE_DIR / f'{MESSAGE_CATALOG}.pot')
    assert set(_messages(template)) == extracted, (
        'sphinxext_wsclose.pot is out of date: regenerate it (docs/translations.rst)'
    )


@pytest.mark.parametrize('language', LANGUAGES)
def test_catalog_translates_every_message(language: str) -> None:
    template = _messages(_read_po(LOCALE_DIR / f'{MESSAGE_CATALOG}.pot'))
    catalog = _read_po(LOCALE_DIR / language / 'LC_MESSAGES' / f'{MESSAGE_CATALOG}.po')
    assert str(catalog.locale) == language
    translated = _messages(catalog)
    assert set(translated) == set(template), 'update the catalog from the template'
    assert [msgid for msgid, msgstr in translated.items() if not msgstr] == []
    assert [message.id for message in catalog if message.id and message.fuzzy] == []
    # The placeholders of each translation match its message's.
    assert [(message.id, errors) for message, errors in catalog.check()] == []


@pytest.mark.parametrize('language', LANGUAGES)
def test_compiled_catalog_matches_its_source(language: str) -> None:
    folder = LOCALE_DIR / language / 'LC_MESSAGES'
    with (folder / f'{MESSAGE_CATALOG}.mo').open('rb') as stream:
        compiled = _messages(read_mo(stream))
    assert compiled == _messages(_read_po(folder / f'{MESSAGE_CATALOG}.po')), (
        f'{language}/LC_MESSAGES/{MESSAGE_CATALOG}.mo is out of date: '
        'recompile it (docs/translations.rst)'
    )


def test_every_range_label_is_in_the_catalog() -> None:
    labels = {entry.label for entry in REGISTRY if entry.is_range}
    assert '' not in labels
    assert labels == set(RANGE_LABELS)
    assert all(entry.label for entry in REGISTRY if entry.kind is Kind.RANGE)


@pytest.mark.parametrize('buildername', ['json', 'pickle'])
def test_serializing_builders_store_plain_translated_titles(
    build: Callable[..., SphinxTestApp], syntax: str, buildername: str
) -> None:
    # The json builder crashed on the lazy titles of the index of close codes,
    # and the pickle builder stored them to be translated when read back.
    app = build('locale', syntax, buildername)
    suffix = 'fjson' if buildername == 'json' else 'fpickle'
    path = app.outdir / f'index.{suffix}'
    if buildername == 'json':
        context = json.loads(path.read_text(encoding='utf-8'))
    else:
        with path.open('rb') as stream:
            context = pickle.load(stream)  # our own build's output
    links = [tuple(link) for link in context['rellinks'] if link[0] == 'wsclose-index']
    assert links == [('wsclose-index', 'WebSocket-Schließcodes', '', 'Schließcodes')]
    assert all(type(text) is str for text in links[0])
