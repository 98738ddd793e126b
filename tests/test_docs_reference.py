"""The reference pages make every option, value, directive, role and target form linkable.

One build of the documentation site; its ``objects.inv`` must list each
``wsclose-table`` option, each ``wsclose_*`` value, both directives, both role
names and the label of each target form of the role. The examples on the
reference pages show each source in reStructuredText and MyST, and the two
must say the same thing.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.cmd.build import build_main
from versions import load_inventory

from sphinxext_wsclose.config import CONFIG_VALUES
from sphinxext_wsclose.table import TABLE_OPTIONS

# The whole documentation site.
pytestmark = pytest.mark.slow

DOCS = Path(__file__).parent.parent / 'docs'

#: The labels of the role's target forms on docs/role.rst.
ROLE_FORMS = ('number', 'range', 'name', 'alias', 'library', 'member', 'tilde', 'title',
              'no-link', 'long-form')
#: The options of ``wsclose:code`` that docs/directives.rst describes.
CODE_OPTIONS = ('constant', 'no-index', 'no-index-entry')
#: The pages whose examples are tabs of reStructuredText and MyST.
TABBED_PAGES = ('directives', 'role', 'table-options')


@pytest.fixture(scope='module')
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The documentation site, built once with -nW (so: without a warning)."""
    tmp = tmp_path_factory.mktemp('docs-reference')
    outdir = tmp / 'html'
    status = build_main(['-nW', '--keep-going', '-q', '-b', 'html', '-d', str(tmp / 'doctrees'),
                         str(DOCS), str(outdir)])
    assert status == 0
    return outdir


@pytest.fixture(scope='module')
def inventory(site: Path) -> dict[str, dict[str, tuple[str, str]]]:
    return load_inventory(site / 'objects.inv')


def test_every_table_option_is_in_the_inventory(
    inventory: dict[str, dict[str, tuple[str, str]]],
) -> None:
    options = inventory['rst:directive:option']
    for option in TABLE_OPTIONS:
        uri, _ = options[f'wsclose-table:{option}']
        assert uri.startswith('directives.html#'), option
    for option in CODE_OPTIONS:
        assert f'wsclose:code:{option}' in options


def test_every_config_value_is_in_the_inventory(
    inventory: dict[str, dict[str, tuple[str, str]]],
) -> None:
    values = inventory['std:confval']
    for value in CONFIG_VALUES:
        uri, _ = values[value.name]
        assert uri == f'configuration.html#confval-{value.name}'


def test_the_directives_and_roles_are_in_the_inventory(
    inventory: dict[str, dict[str, tuple[str, str]]],
) -> None:
    assert set(inventory['rst:directive']) >= {'wsclose-table', 'wsclose:code'}
    assert set(inventory['rst:role']) >= {'wsclose', 'wsclose:code'}
    assert inventory['rst:role']['wsclose'][0] == 'role.html#role-wsclose'


def test_every_target_form_has_a_label(
    inventory: dict[str, dict[str, tuple[str, str]]],
) -> None:
    labels = inventory['std:label']
    for form in ROLE_FORMS:
        uri, title = labels[f'role-{form}']
        assert uri == f'role.html#role-{form}'
        assert title, form


def _as_myst(rst: str) -> str:
    """The MyST for an example in reStructuredText: a directive, or text with mentions."""
    match = re.fullmatch(r'\.\. ([\w:-]+)::(.*?)\n(.*)', rst, re.DOTALL)
    if match is None:
        return re.sub(r':(wsclose(?::code)?):`', r'{\1}`', rst)
    name, argument, rest = match.groups()
    return f'```{{{name}}}{argument}\n{textwrap.dedent(rest).rstrip()}\n```\n'


@pytest.mark.parametrize('page', TABBED_PAGES)
def test_each_example_says_the_same_in_rst_and_myst(site: Path, page: str) -> None:
    soup = BeautifulSoup((site / f'{page}.html').read_text('utf-8'), 'html.parser')
    tab_sets = soup.select('div.sd-tab-set')
    assert tab_sets, page
    for tab_set in tab_sets:
        labels = tab_set.select('label.sd-tab-label')
        assert [(label.get_text(strip=True), label['data-sync-group'], label['data-sync-id'])
                for label in labels] == [('reStructuredText', 'syntax', 'rst'),
                                         ('MyST Markdown', 'syntax', 'myst')]
        rst = tab_set.select_one('div.highlight-rst pre')
        myst = tab_set.select_one('div.highlight-markdown pre')
        assert rst is not None
        assert myst is not None
        if rst.get_text().count('\n\n.. ') or re.search(r'\n\n[^ \n]', rst.get_text().strip()):
            # A directive followed by text: a snippet of docs/snippets/, whose two
            # syntaxes test_doc_examples.py builds and compares.
            continue
        assert myst.get_text() == _as_myst(rst.get_text()), rst.get_text()
