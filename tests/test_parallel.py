"""A parallel build (-j 2) gives exactly what a serial build gives."""

from __future__ import annotations

import zlib
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from helpers import SUFFIX, warnings

from sphinxext_wsclose.domain import CloseCodeDomain

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp

# Two projects of 50 pages, each built serially and with -j 2.
pytestmark = pytest.mark.slow

PAGES = 50
MENTIONS = ('1000', 'POLICY_VIOLATION', '4001', 'the overload code <1013>', '3008', '4000-4999')


def _write_project(srcdir: Path, syntax: str) -> None:
    srcdir.mkdir(parents=True)
    ext = SUFFIX[syntax]
    parser = "'myst_parser', " if syntax == 'myst' else ''
    (srcdir / 'conf.py').write_text(
        f"project = 'Parallel'\nextensions = [{parser}'sphinxext_wsclose']\n"
        'show_warning_types = True\n',
        encoding='utf-8',
    )
    pages = [f'page{n:02d}' for n in range(PAGES)]
    if syntax == 'rst':
        toctree = '.. toctree::\n\n' + ''.join(f'   {p}\n' for p in ['codes', *pages])
        index = f'Parallel\n========\n\n{toctree}'
        codes = 'Codes\n=====\n\n.. wsclose-table::\n'
        role = ':wsclose:`{}`'
    else:
        toctree = '```{toctree}\n' + ''.join(f'{p}\n' for p in ['codes', *pages]) + '```\n'
        index = f'# Parallel\n\n{toctree}'
        codes = '# Codes\n\n```{wsclose-table}\n```\n'
        role = '{{wsclose}}`{}`'
    (srcdir / f'index.{ext}').write_text(index, encoding='utf-8')
    (srcdir / f'codes.{ext}').write_text(codes, encoding='utf-8')
    for n, page in enumerate(pages):
        title = f'Page {n}'
        heading = f'{title}\n{"=" * len(title)}\n' if syntax == 'rst' else f'# {title}\n'
        body = '\n'.join(f'Closes with {role.format(target)}.\n' for target in MENTIONS)
        bad = f'Bad: {role.format(f"nope{n}")}.\n'
        (srcdir / f'{page}.{ext}').write_text(f'{heading}\n{body}\n{bad}', encoding='utf-8')


def _inventory(outdir: Path) -> bytes:
    raw = (outdir / 'objects.inv').read_bytes()
    header, _sep, body = raw.partition(b'compressed using zlib.\n')
    return header + zlib.decompress(body)


def _bodies(outdir: Path) -> dict[str, str]:
    bodies = {}
    for page in sorted(outdir.glob('*.html')):
        soup = BeautifulSoup(page.read_text(encoding='utf-8'), 'html.parser')
        main = soup.select_one('div.body')
        bodies[page.name] = str(main)
    return bodies


def test_parallel_equals_serial(
    make_app: Callable[..., SphinxTestApp],
    tmp_path: Path,
    syntax: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    merges = []
    original = CloseCodeDomain.merge_domaindata

    def counting_merge(self: CloseCodeDomain, *args: object) -> None:
        merges.append(args[0])
        original(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(CloseCodeDomain, 'merge_domaindata', counting_merge)

    results = {}
    for jobs in (1, 2):
        srcdir = tmp_path / f'j{jobs}'
        _write_project(srcdir, syntax)
        app = make_app('html', srcdir=srcdir, freshenv=True, parallel=jobs)
        app.build()
        results[jobs] = (
            _bodies(app.outdir),
            _inventory(app.outdir),
            # Parallel workers report in the order they finish: compare as sorted lists.
            sorted(line.replace(str(srcdir), '<src>') for line in warnings(app)),
        )
        app.cleanup()  # forget this app's docutils registrations before the next one
        if jobs == 1:
            assert merges == []
    assert merges, 'the -j 2 build did not read in parallel'

    serial, parallel = results[1], results[2]
    # pages, index, codes, genindex, search, and the domain index
    assert len(serial[0]) == PAGES + 5
    assert serial[0] == parallel[0]
    assert serial[1] == parallel[1]
    assert serial[2] == parallel[2]
    assert len(serial[2]) == PAGES
    assert all('[wsclose.invalid]' in line for line in serial[2])
