"""Our code runs clean under ``python -X dev -W error::DeprecationWarning``.

Deprecated Sphinx API raises ``RemovedInSphinxXXWarning`` (a
``DeprecationWarning`` or ``PendingDeprecationWarning``); with ``-W error``
any use of it on our side stops the build.
"""

from __future__ import annotations

import subprocess
import sys
from typing import TYPE_CHECKING

import pytest
from helpers import copy_root

if TYPE_CHECKING:
    from pathlib import Path

# A sphinx-build of its own for each root, in a new Python.
pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ('root', 'syntax', 'builder'),
    [('owncodes', 'rst', 'html'), ('owncodes', 'myst', 'html'), ('escaping', 'rst', 'latex'),
     ('escaping', 'myst', 'text')],
)
def test_no_deprecation_warnings(tmp_path: Path, root: str, syntax: str, builder: str) -> None:
    srcdir = copy_root(root, tmp_path / 'src', syntax)
    result = subprocess.run(
        [sys.executable, '-X', 'dev', '-W', 'error::DeprecationWarning',
         '-W', 'error::PendingDeprecationWarning:sphinxext_wsclose',
         '-m', 'sphinx', '-E', '-q', '-b', builder, str(srcdir), str(tmp_path / 'out')],
        capture_output=True, text=True, check=False, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert 'Warning' not in result.stderr, result.stderr
