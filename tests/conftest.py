"""pytest's side of the tests: the fixtures, the command-line option, the Hypothesis profiles.

What the test modules import (the roots' helpers, ``warnings``, ``html``, the
fuzz strategies) is in helpers.py; a test module never imports conftest.

A root in ``tests/roots/`` is built through ``build`` or ``shared`` (or copied
with ``helpers.copy_root``), not through Sphinx's own ``app`` fixture and its
``testroot`` marker: a root written in both syntaxes is a project only once
copied in one of them.
"""

from __future__ import annotations

import os
import sys
from io import StringIO
from typing import TYPE_CHECKING

import pytest
from helpers import SYNTAXES, copy_root
from hypothesis import settings
from sphinx.pycode import ModuleAnalyzer
from sphinx.testing.util import SphinxTestApp

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path


pytest_plugins = ('sphinx.testing.fixtures',)

# Warnings follow the console's locale, as Sphinx's own do; the tests compare
# them in English whatever the machine's locale is (test_locale.py asks for
# German and French itself).
os.environ['LANGUAGE'] = 'C'
os.environ['LC_ALL'] = 'C.UTF-8'

# Fuzzing budgets (tests/test_fuzz*.py): ``ci`` is the default, and what CI
# runs; pick another with ``pytest --hypothesis-profile=long``.  ``ci`` and
# ``dev`` draw the same examples on every run, so that a test run is a
# repeatable gate; ``long`` draws new ones each time, to explore (a random
# ``ci`` run once found a bug in the tests' own expectations, on CI).  The
# fuzz tests are marked ``slow``: ``pytest -m "not slow"`` leaves them out.
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


@pytest.fixture
def build(make_app: Callable[..., SphinxTestApp], tmp_path: Path) -> Callable[..., SphinxTestApp]:
    """Copy a root to a fresh folder, build it, and return the app.

    ``build('mentions', syntax)`` builds ``tests/roots/test-mentions`` in
    *syntax* (:func:`helpers.copy_root`); ``build('pdf', buildername='latex')``
    a root written in one syntax. The folder is ``<tmp_path>/mentions-rst``
    (``<tmp_path>/pdf``): a test may copy the root there first, and change it.
    """

    def _build(root: str, syntax: str | None = None, buildername: str = 'html',
               **kwargs: object) -> SphinxTestApp:
        srcdir = tmp_path / (f'{root}-{syntax}' if syntax else root)
        if not srcdir.exists():
            copy_root(root, srcdir, syntax)
        kwargs.setdefault('freshenv', True)
        app = make_app(buildername, srcdir=srcdir, **kwargs)
        app.build()
        return app

    return _build


@pytest.fixture(scope='session')
def shared(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., SphinxTestApp]:
    """Build a root once per test run, for tests that only read it: ``shared('mentions', syntax)``.

    The app is cleaned up as soon as it has built (two live apps would share
    docutils' global registry of roles), so a test may read its output, its
    warnings and its environment, but must not build it again.
    """
    built: dict[tuple[str, str | None, str], SphinxTestApp] = {}

    def _shared(root: str, syntax: str | None = None, buildername: str = 'html') -> SphinxTestApp:
        key = (root, syntax, buildername)
        if key not in built:
            name = f'{root}-{syntax}' if syntax else root
            srcdir = tmp_path_factory.mktemp(f'{name}-{buildername}') / name
            copy_root(root, srcdir, syntax)
            app = SphinxTestApp(buildername, srcdir=srcdir, freshenv=True,
                                status=StringIO(), warning=StringIO())
            try:
                app.build()
            finally:
                app.cleanup()
            built[key] = app
        return built[key]

    return _shared


@pytest.fixture
def fresh_imports() -> Iterator[None]:
    """Each build imports its project's modules anew, as a new sphinx-build would.

    For the tests whose projects name modules in ``wsclose_codes``: their
    imports, ``sys.path`` and autodoc's analyzer cache are undone afterwards.
    """
    path, modules = list(sys.path), set(sys.modules)
    yield
    sys.path[:] = path
    for name in set(sys.modules) - modules:
        del sys.modules[name]
    ModuleAnalyzer.cache.clear()
