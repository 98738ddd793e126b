"""The ``wsclose`` outputs shown in docs/ are what the command prints today.

docs/snippets/cli/build_examples.py runs each command and writes its output
to ``docs/snippets/cli/<name>.txt``, which the pages include. These tests run
it again into a temporary folder: a change of output fails them until the
script is rerun and its files committed.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from typing import TYPE_CHECKING

import pytest
from helpers import SNIPPETS

if TYPE_CHECKING:
    from pathlib import Path
    from types import ModuleType

CLI_SNIPPETS = SNIPPETS / 'cli'
DOCS = SNIPPETS.parent


def _load_example_builder() -> ModuleType:
    path = CLI_SNIPPETS / 'build_examples.py'
    spec = importlib.util.spec_from_file_location('cli_build_examples', path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules['cli_build_examples'] = module  # for its dataclasses
    spec.loader.exec_module(module)
    return module


EXAMPLES = _load_example_builder()
NAMES = [example.name for example in EXAMPLES.EXAMPLES]


@pytest.fixture(scope='module')
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp('cli-snippets')
    EXAMPLES.write(folder)
    return folder


@pytest.mark.parametrize('name', NAMES)
def test_cli_example_is_current(generated: Path, name: str) -> None:
    expected = (CLI_SNIPPETS / f'{name}.txt').read_text(encoding='utf-8')
    assert (generated / f'{name}.txt').read_text(encoding='utf-8') == expected, (
        f'rerun: python docs/snippets/cli/build_examples.py ({name}.txt is stale)'
    )


def test_no_file_without_its_command(generated: Path) -> None:
    committed = sorted(path.name for path in CLI_SNIPPETS.glob('*.txt'))
    assert committed == sorted(path.name for path in generated.glob('*.txt'))


def test_every_example_is_shown() -> None:
    included = {
        match
        for page in DOCS.glob('*.rst')
        for match in re.findall(r'literalinclude:: snippets/cli/([\w-]+)\.txt',
                                page.read_text(encoding='utf-8'))
    }
    assert included == set(NAMES)


def test_the_shortened_json_says_where() -> None:
    text = (CLI_SNIPPETS / 'list-json.txt').read_text(encoding='utf-8')
    assert text.count('\u2026') == 1
    assert '\n    \u2026\n' in text
