"""pytest's side of the tests: the fixtures, the command-line option, the Hypothesis profiles.

What the test modules import (the roots' helpers, ``warnings``, ``html``, the
fuzz strategies) is in helpers.py; a test module never imports conftest.
"""

from __future__ import annotations

import os
from io import StringIO
from typing import TYPE_CHECKING

import pytest
from helpers import ROOTS, SYNTAXES, copy_root
from hypothesis import settings
from sphinx.testing.util import SphinxTestApp

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path


pytest_plugins = ('sphinx.testing.fixtures',)

# Warnings follow the console's locale, as Sphinx's own do; the tests compare
# them in English whatever the machine's locale is (test_locale.py asks for
# German and French itself).
os.environ['LANGUAGE'] = 'C'
os.environ['LC_ALL'] = 'C.UTF-8'

# Fuzzing budgets (tests/test_fuzz.py): ``ci`` is the default, and what CI
# runs; pick another with ``pytest --hypothesis-profile=long``.  ``ci`` and
# ``dev`` draw the same examples on every run, so that a test run is a
# repeatable gate; ``long`` draws new ones each time, to explore (a random
# ``ci`` run once found a bug in the tests' own expectations, on CI).
settings.register_profile('ci', max_examples=2000, derandomize=True, print_blob=True)
settings.register_profile('dev', max_examples=100, derandomize=True)
settings.register_profile('long', max_examples=50_000, print_blob=True)
settings.load_profile('ci')


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        '--regen-golden', action='store_true',
        help='rewrite the golden doctrees in tests/golden/ (see tests/test_golden.py)',
    )


@pytest.fixture(params=SYNTAXES, ids=SYNTAXES)
def syntax(request: pytest.FixtureRequest) -> str:
    """A scenario's syntax: a test that takes it runs once in rST and once in MyST."""
    return str(request.param)


@pytest.fixture(scope='session')
def rootdir() -> Path:
    return ROOTS


@pytest.fixture
def build(make_app: Callable[..., SphinxTestApp], tmp_path: Path) -> Callable[..., SphinxTestApp]:
    """Copy ``tests/roots/test-<root>`` to a fresh folder, build it, return the app."""

    def _build(root: str, buildername: str = 'html', **kwargs: object) -> SphinxTestApp:
        srcdir = tmp_path / root
        if not srcdir.exists():
            copy_root(root, srcdir)
        kwargs.setdefault('freshenv', True)
        app = make_app(buildername, srcdir=srcdir, **kwargs)
        app.build()
        return app

    return _build


@pytest.fixture(scope='session')
def shared(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., SphinxTestApp]:
    """Build ``tests/roots/test-<root>`` once per test run, for tests that only read it.

    The app is cleaned up as soon as it has built (two live apps would share
    docutils' global registry of roles), so a test may read its output, its
    warnings and its environment, but must not build it again.
    """
    built: dict[tuple[str, str], SphinxTestApp] = {}

    def _shared(root: str, buildername: str = 'html') -> SphinxTestApp:
        if (root, buildername) not in built:
            srcdir = tmp_path_factory.mktemp(f'{root}-{buildername}') / root
            copy_root(root, srcdir)
            app = SphinxTestApp(buildername, srcdir=srcdir, freshenv=True,
                                status=StringIO(), warning=StringIO())
            try:
                app.build()
            finally:
                app.cleanup()
            built[root, buildername] = app
        return built[root, buildername]

    return _shared
