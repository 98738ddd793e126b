"""Build the scratch projects behind warnings.rst and save their real output.

Run it with the Python that has the extension installed::

    python docs/snippets/warnings/build_examples.py

For each ``<subtype>.rst.txt`` here, it makes a project in
``/tmp/chat-service-<subtype>/docs``: ``conf.py``, ``index.rst``,
``close-codes.rst`` with a ``wsclose-table`` (except for ``missing``), and
the example as ``protocol.rst``.  It builds it as HTML and writes the
warnings, exactly as Sphinx printed them, to ``<subtype>.out.txt``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SUBTYPES = ('invalid', 'unused', 'unassigned', 'missing', 'duplicate')

CONF = "extensions = ['sphinxext_wsclose']\n"
#: Extra conf.py lines per example: without a table, mentions link to RFC 6455
#: unless the project turns the fallback off.
EXTRA_CONF = {'missing': "wsclose_fallback = 'none'\n"}
INDEX = """\
Chat service
============

.. toctree::

{pages}
"""
TABLE = """\
Close codes
===========

.. wsclose-table::
"""


def build(subtype: str, root: Path | None = None) -> str:
    """Build the example for *subtype* under *root*; return its warning lines."""
    root = root or Path(f'/tmp/chat-service-{subtype}')
    shutil.rmtree(root, ignore_errors=True)
    docs = root / 'docs'
    docs.mkdir(parents=True)
    pages = ['protocol']
    if subtype != 'missing':
        pages.insert(0, 'close-codes')
        (docs / 'close-codes.rst').write_text(TABLE, encoding='utf-8')
    (docs / 'conf.py').write_text(CONF + EXTRA_CONF.get(subtype, ''), encoding='utf-8')
    (docs / 'index.rst').write_text(
        INDEX.format(pages='\n'.join(f'   {page}' for page in pages)), encoding='utf-8'
    )
    shutil.copy(HERE / f'{subtype}.rst.txt', docs / 'protocol.rst')
    result = subprocess.run(
        [
            sys.executable,
            '-m',
            'sphinx',
            '-q',
            '--no-color',
            '-b',
            'html',
            str(docs),
            str(docs / '_build' / 'html'),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return ''.join(line + '\n' for line in result.stderr.splitlines() if 'WARNING' in line)


def main() -> None:
    for subtype in SUBTYPES:
        output = build(subtype)
        (HERE / f'{subtype}.out.txt').write_text(output, encoding='utf-8')
        sys.stdout.write(output)


if __name__ == '__main__':
    main()
