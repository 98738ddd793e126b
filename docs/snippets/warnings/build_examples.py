"""Build the scratch projects behind warnings.rst and save their real output.

Run it with the Python that has the extension installed::

    python docs/snippets/warnings/build_examples.py

For each ``<subtype>.rst.txt`` here, it makes a project in
``/tmp/chat-service-<subtype>/docs``: ``conf.py``, ``index.rst``,
``close-codes.rst`` with a ``wsclose-table`` (except for ``missing``), and
the example as ``protocol.rst``.  ``conf.py`` is ``<subtype>.conf.py.txt``
where the example has one, and otherwise the default below, plus the
example's ``EXTRA_CONF`` lines.  It builds the project as HTML and writes the
warnings and errors, exactly as Sphinx printed them, to ``<subtype>.out.txt``.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SUBTYPES = (
    'invalid',
    'unused',
    'unassigned',
    'missing',
    'duplicate',
    'config',
    'custom-range',
    'duplicate-code',
    'option',
    'ambiguous',
    'duplicate-name',
    # The protocols' code sets (docs/protocols.rst): more cases of three subtypes.
    'config-sets',
    'ambiguous-sets',
    'invalid-sets',
)

CONF = "extensions = ['sphinxext_wsclose']\n"
#: Extra conf.py lines per example: without a table, mentions link to RFC 6455
#: unless the project turns the fallback off.  An example whose conf.py is
#: part of what it shows has a whole ``<subtype>.conf.py.txt`` instead.
EXTRA_CONF = {'missing': "wsclose_fallback = 'none'\n"}
#: The lines of Sphinx's output that the examples keep.
MESSAGE = re.compile(r'\b(?:WARNING|ERROR):')
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


def conf_py(subtype: str) -> str:
    """The ``conf.py`` of the example for *subtype*."""
    path = HERE / f'{subtype}.conf.py.txt'
    if path.is_file():
        return path.read_text(encoding='utf-8')
    return CONF + EXTRA_CONF.get(subtype, '')


def build(subtype: str, root: Path | None = None) -> str:
    """Build the example for *subtype* under *root*; return its warning and error lines."""
    root = root or Path(f'/tmp/chat-service-{subtype}')
    shutil.rmtree(root, ignore_errors=True)
    docs = root / 'docs'
    docs.mkdir(parents=True)
    pages = ['protocol']
    if subtype != 'missing':
        pages.insert(0, 'close-codes')
        (docs / 'close-codes.rst').write_text(TABLE, encoding='utf-8')
    # Sphinx 8 shows the ``[wsclose.*]`` suffix by default; Sphinx 7.4 needs asking.
    conf = conf_py(subtype).rstrip('\n') + '\nshow_warning_types = True\n'
    (docs / 'conf.py').write_text(conf, encoding='utf-8')
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
    return ''.join(line + '\n' for line in result.stderr.splitlines() if MESSAGE.search(line))


def main() -> None:
    for subtype in SUBTYPES:
        output = build(subtype)
        (HERE / f'{subtype}.out.txt').write_text(output, encoding='utf-8')
        sys.stdout.write(output)


if __name__ == '__main__':
    main()
