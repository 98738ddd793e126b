"""Benchmark: what a mention costs, against the same links written by hand.

The floor is the output written by hand: every mention an ordinary hyperlink
with the same text and the same anchor as the role's link.  No role can be
cheaper.  This script generates synthetic projects, N pages of M mentions,
in reStructuredText and in MyST with identical prose, one project per way of
writing a mention (a *variant*):

``floor``
    ```1008 Policy Violation <https://ws.example/codes.html#wsclose-1008>`__``
    (``[1008 Policy Violation](https://ws.example/codes.html#wsclose-1008)``).
``literal``
    ````1008 Policy Violation```` (```1008 Policy Violation```): no link.
``ref``
    ``:ref:`1008 Policy Violation <wsclose-ref-1008>``` to a label on the
    ``labels`` page, one label per code.
``wsclose``
    ``:wsclose:`1008``` (``{wsclose}`1008```).
``http``
    ``:http:statuscode:`451``` of sphinxcontrib-httpdomain, to an HTTP code of
    similar meaning; left out when sphinxcontrib-httpdomain is not installed.

Every project has the same ``conf.py`` (``sphinxext_wsclose`` in
``extensions``, ``myst_parser`` for MyST, ``sphinxcontrib.httpdomain`` when
the ``http`` variant runs), the same ``wsclose-table`` page and the same
``labels`` page; only the mentions differ.

Two more variants, chosen only by name, measure what the extension costs
where it is not used.  Their pages are ordinary prose, the same sentences
with ``1008 Policy Violation`` as plain text; they have no table page and no
labels page:

``noext``
    Sphinx alone: ``sphinxext_wsclose`` is not in ``extensions``.
``unused``
    the same project with ``sphinxext_wsclose`` in ``extensions``.

``--floor`` compares them: a project of one page with a title only (the
start-up cost), and two sizes (``--floor-pages``, 10 and 40 pages), whose
slope is the cost per page; in time, or with ``--instructions`` in
instructions.  ``--sentences`` sets how much prose a page holds (50 by
default; 420 gives issue 19's pages of about 0.5 G instructions), and one
page count (``--floor-pages 40``) builds only that size, for the ratio.

Each build is a separate ``python -m sphinx -q -b html`` process, in a
fresh output folder; its wall time is measured around the process, and its
peak memory is the ``ru_maxrss`` that :func:`os.wait4` returns for it.
Variants alternate within each round (the starting one rotates), and the
report gives medians, as ratios against the floor: the ratio of the medians,
and the median of the ratios within each round ("paired"), which a slow
spell of a shared machine disturbs less; the targets are judged on the
latter.  Three measurements:

* full builds (``-E``) at ``--pages`` x ``--mentions``;
* scaling: full builds at 1x, 2x and 4x the pages;
* incremental: build once, then repeatedly edit one page and rebuild (no
  ``-E``), timing the rebuild only.

Run it from the repository root (about 20 minutes on 2 idle cores)::

    python tests/benchmarks/bench_mentions.py

or ``tox -e bench``; ``--help`` lists the options.  ``--profile VARIANT``
instead runs one full build of a variant under pyinstrument.

Not a test: pytest does not collect it (its name does not start with
``test_``).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

import sphinx

import sphinxext_wsclose
from sphinxext_wsclose.bundled import REGISTRY
from sphinxext_wsclose.registry import Kind

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

SYNTAXES = ('rst', 'myst')
SUFFIX = {'rst': 'rst', 'myst': 'md'}
#: Variants without markup of ours: ordinary prose, no table, no labels page.
NOEXT = 'noext'
UNUSED = 'unused'
PROSE = (NOEXT, UNUSED)
VARIANTS = ('floor', 'literal', 'ref', 'wsclose', 'http', *PROSE)
#: What ``--variants`` measures unless told.
DEFAULT_VARIANTS = ('floor', 'literal', 'ref', 'wsclose', 'http')
FLOOR = 'floor'
TABLE_PAGE = 'wsclose-table'
LABELS_PAGE = 'labels'
BASE_URL = 'https://ws.example/codes.html'

#: The registered codes that the mentions cycle through, with their link text.
CODES: tuple[tuple[str, str], ...] = tuple(
    (entry.key, entry.display) for entry in REGISTRY if entry.kind is Kind.CODE
)

#: For the ``http`` variant: an HTTP status code of similar meaning.
HTTP_CODES = {
    '1000': 200, '1001': 410, '1002': 400, '1003': 415, '1004': 501, '1005': 204,
    '1006': 504, '1007': 422, '1008': 451, '1009': 413, '1010': 417, '1011': 500,
    '1012': 503, '1013': 429, '1014': 502, '1015': 426, '3000': 401, '3003': 403,
    '3008': 408,
}

#: Sentences of the synthetic prose; ``{m}`` is the mention.
SENTENCES = (
    'When the peer sends a frame it cannot accept, the server closes the '
    'connection with {m} and logs the reason.',
    'Clients that see {m} should not reconnect at once; they wait a little, '
    'then try again with a fresh session.',
    'The gateway reports {m} to the application, which shows a short message '
    'to the user.',
    'A load test that ends with {m} usually points at a proxy in front of the '
    'service, not at the service itself.',
    'Our monitoring counts every {m} per minute, so that a sudden jump is easy '
    'to spot on the dashboard.',
)
SENTENCES_PER_PARAGRAPH = 5
PARAGRAPHS_PER_SECTION = 2

#: What each variant's mention of ``(key, text)`` looks like.
MENTION: dict[str, dict[str, Callable[[str, str], str]]] = {
    'rst': {
        'floor': lambda key, text: f'`{text} <{BASE_URL}#wsclose-{key}>`__',
        'literal': lambda key, text: f'``{text}``',
        'ref': lambda key, text: f':ref:`{text} <wsclose-ref-{key}>`',
        'wsclose': lambda key, text: f':wsclose:`{key}`',
        'http': lambda key, text: f':http:statuscode:`{HTTP_CODES[key]}`',
        'noext': lambda key, text: text,
        'unused': lambda key, text: text,
    },
    'myst': {
        'floor': lambda key, text: f'[{text}]({BASE_URL}#wsclose-{key})',
        'literal': lambda key, text: f'`{text}`',
        'ref': lambda key, text: f'{{ref}}`{text} <wsclose-ref-{key}>`',
        'wsclose': lambda key, text: f'{{wsclose}}`{key}`',
        'http': lambda key, text: f'{{http:statuscode}}`{HTTP_CODES[key]}`',
        'noext': lambda key, text: text,
        'unused': lambda key, text: text,
    },
}

#: What a page of each variant must contain once built, once per mention.
EXPECTED = {
    'floor': f'href="{BASE_URL}#wsclose-',
    'literal': '<code class="docutils literal notranslate">',
    'ref': f'href="{LABELS_PAGE}.html#wsclose-ref-',
    'wsclose': f'href="{TABLE_PAGE}.html#wsclose-',
    'http': 'href="https://developer.mozilla.org/',
}


def httpdomain_installed() -> bool:
    return importlib.util.find_spec('sphinxcontrib.httpdomain') is not None


# -- synthetic projects ---------------------------------------------------------


def _heading(syntax: str, title: str, level: int = 1) -> str:
    if syntax == 'myst':
        return f'{"#" * level} {title}\n'
    return f'{title}\n{"=-"[level - 1] * len(title)}\n'


def page_name(number: int) -> str:
    return f'page-{number:04d}'


def page_text(syntax: str, variant: str, number: int, mentions: int) -> str:
    """One page: a title, then sections of paragraphs, one mention a sentence."""
    mention = MENTION[syntax][variant]
    parts = [_heading(syntax, f'Page {number}')]
    sentences = []
    for i in range(mentions):
        key, text = CODES[(number * mentions + i) % len(CODES)]
        sentences.append(SENTENCES[i % len(SENTENCES)].format(m=mention(key, text)))
    per_section = SENTENCES_PER_PARAGRAPH * PARAGRAPHS_PER_SECTION
    for start in range(0, len(sentences), per_section):
        parts.append(_heading(syntax, f'Part {start // per_section + 1}', 2))
        section = sentences[start:start + per_section]
        for first in range(0, len(section), SENTENCES_PER_PARAGRAPH):
            parts.append(' '.join(section[first:first + SENTENCES_PER_PARAGRAPH]) + '\n')
    return '\n'.join(parts)


def _labels_page(syntax: str) -> str:
    parts = [_heading(syntax, 'Labels')]
    for key, text in CODES:
        entry = REGISTRY[key]
        target = f'.. _wsclose-ref-{key}:\n' if syntax == 'rst' else f'(wsclose-ref-{key})=\n'
        parts.append(f'{target}\n{text}: {entry.description}\n')
    return '\n'.join(parts)


def _table_page(syntax: str) -> str:
    if syntax == 'rst':
        return _heading(syntax, 'Close codes') + '\n.. wsclose-table::\n'
    return _heading(syntax, 'Close codes') + '\n```{wsclose-table}\n```\n'


def _index_page(syntax: str, pages: int, *, prose: bool = False) -> str:
    """The root page: a toctree of every page; a title only if there is none."""
    names = [] if prose else [TABLE_PAGE, LABELS_PAGE]
    names += [page_name(n) for n in range(pages)]
    if not names:
        return _heading(syntax, 'Benchmark')
    if syntax == 'rst':
        toctree = '.. toctree::\n   :maxdepth: 1\n\n' + ''.join(f'   {n}\n' for n in names)
    else:
        toctree = '```{toctree}\n:maxdepth: 1\n\n' + ''.join(f'{n}\n' for n in names) + '```\n'
    return _heading(syntax, 'Benchmark') + '\n' + toctree


def conf_text(
    syntax: str, *, httpdomain: bool, sidebars: bool = False, wsclose: bool = True
) -> str:
    """The same ``conf.py`` for every variant of a syntax.

    Unless *sidebars*, the pages have no sidebar: alabaster's navigation
    sidebar renders the whole toctree on every page, a cost that grows with
    the square of the pages and would hide the cost of the mentions.
    Unless *wsclose*, ``sphinxext_wsclose`` is not in ``extensions``.
    """
    extensions = ['sphinxext_wsclose'] if wsclose else []
    if syntax == 'myst':
        extensions.append('myst_parser')
    if httpdomain:
        extensions.append('sphinxcontrib.httpdomain')
    text = f"project = 'wsclose-bench'\nextensions = {extensions!r}\nhtml_theme = 'alabaster'\n"
    if not sidebars:
        text += "html_sidebars = {'**': []}\n"
    return text


def write_project(
    srcdir: Path,
    syntax: str,
    variant: str,
    pages: int,
    mentions: int,
    *,
    httpdomain: bool,
    sidebars: bool = False,
) -> None:
    """Write one synthetic project; every variant differs only in its mentions.

    The prose variants (:data:`PROSE`) have no table page and no labels
    page, and never sphinxcontrib.httpdomain; ``noext`` has no
    ``sphinxext_wsclose`` either.
    """
    if srcdir.exists():
        shutil.rmtree(srcdir)
    srcdir.mkdir(parents=True)
    ext = SUFFIX[syntax]
    prose = variant in PROSE
    conf = conf_text(syntax, httpdomain=httpdomain and not prose, sidebars=sidebars,
                     wsclose=variant != NOEXT)
    (srcdir / 'conf.py').write_text(conf, encoding='utf-8')
    index = _index_page(syntax, pages, prose=prose)
    (srcdir / f'index.{ext}').write_text(index, encoding='utf-8')
    if not prose:
        (srcdir / f'{TABLE_PAGE}.{ext}').write_text(_table_page(syntax), encoding='utf-8')
        (srcdir / f'{LABELS_PAGE}.{ext}').write_text(_labels_page(syntax), encoding='utf-8')
    for number in range(pages):
        text = page_text(syntax, variant, number, mentions)
        (srcdir / f'{page_name(number)}.{ext}').write_text(text, encoding='utf-8')


# -- measuring ------------------------------------------------------------------

@dataclass
class Sample:
    """One ``sphinx-build`` process: wall time, CPU time (s) and peak RSS (KiB)."""

    seconds: float
    cpu_seconds: float
    maxrss_kib: int


class BuildError(RuntimeError):
    pass


#: What every build shares, set from the command line: the ``PYTHONHASHSEED`` (``--hash-seed``),
#: and the ``PYTHONMALLOC`` of the builds that callgrind counts (``--allocator``).
SHARED = {'hash seed': '0', 'allocator': 'pymalloc'}


def build_env(pycache: Path, **extra: str) -> dict[str, str]:
    """The environment of every build.

    Bytecode is read from and written to *pycache* (``PYTHONPYCACHEPREFIX``),
    even where ``PYTHONDONTWRITEBYTECODE`` is set: without a ``.pyc``, every
    build would compile again the modules that have none, such as an editable
    install's own, which an installed package never does.  A warm-up build
    fills the cache before anything is measured.
    """
    env = {key: value for key, value in os.environ.items() if key != 'PYTHONDONTWRITEBYTECODE'}
    return {**env, 'NO_COLOR': '1', 'PYTHONHASHSEED': SHARED['hash seed'],
            'PYTHONPYCACHEPREFIX': str(pycache), **extra}


def sphinx_build(
    srcdir: Path, outdir: Path, *, fresh: bool, jobs: int, log: Path, pycache: Path
) -> Sample:
    """Run one ``python -m sphinx`` process; measure it alone, with os.wait4."""
    args = [sys.executable, '-m', 'sphinx', '-q', '-b', 'html']
    if fresh:
        args.append('-E')
    if jobs > 1:
        args += ['-j', str(jobs)]
    args += [str(srcdir), str(outdir)]
    env = build_env(pycache)
    with log.open('wb') as stderr:
        start = time.perf_counter()
        process = subprocess.Popen(
            args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=stderr, env=env
        )
        _pid, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        msg = f'sphinx-build failed ({process.returncode}) for {srcdir}:\n{log.read_text()}'
        raise BuildError(msg)
    # Linux reports ru_maxrss in KiB, macOS in bytes.
    maxrss = usage.ru_maxrss // 1024 if sys.platform == 'darwin' else usage.ru_maxrss
    return Sample(seconds, usage.ru_utime + usage.ru_stime, maxrss)


def check_output(outdir: Path, variant: str, mentions: int, log: Path, pages: int = 1) -> None:
    """The build warned about nothing, and a page holds one link per mention.

    A page of a prose variant holds its first sentence as plain text, and no
    link to a close code.
    """
    warnings = log.read_text(encoding='utf-8', errors='replace').strip()
    if warnings:
        msg = f'the {variant} build warned:\n{warnings[:2000]}'
        raise BuildError(msg)
    if not pages:
        return
    html = (outdir / f'{page_name(0)}.html').read_text(encoding='utf-8')
    if variant in PROSE:
        first = page_text('rst', variant, 0, 1).splitlines()[-1]
        if mentions and (first not in html or '#wsclose-' in html):
            msg = f'{variant}: expected {first!r} as plain text in {page_name(0)}'
            raise BuildError(msg)
        return
    found = html.count(EXPECTED[variant])
    if found != mentions:
        msg = f'{variant}: expected {mentions} x {EXPECTED[variant]!r} in a page, found {found}'
        raise BuildError(msg)


@dataclass
class Project:
    """A generated project, and the samples of the builds measured on it."""

    syntax: str
    variant: str
    pages: int
    srcdir: Path
    samples: list[Sample] = field(default_factory=list)
    #: The output of its last full build, kept for the incremental runs.
    outdir: Path | None = None

    @property
    def label(self) -> str:
        return f'{self.syntax}/{self.variant}/{self.pages}p'

    def median(self, what: str) -> float:
        return float(statistics.median(getattr(sample, what) for sample in self.samples))

    @property
    def seconds(self) -> float:
        return self.median('seconds')

    def paired(self, floor: Project) -> float:
        """The median, over rounds, of this build's time over the floor's in the same round.

        The variants of a round run one after the other, so a slow spell of a
        shared machine that lasts a round slows both sides of each pair.
        """
        pairs = zip(self.samples, floor.samples, strict=True)
        return float(statistics.median(mine.seconds / other.seconds for mine, other in pairs))

    @property
    def cpu(self) -> float:
        return self.median('cpu_seconds')

    @property
    def mib(self) -> float:
        return self.median('maxrss_kib') / 1024


def alternate(items: Sequence[Project], round_number: int) -> list[Project]:
    """The items in turn, starting one further each round."""
    shift = round_number % len(items)
    return [*items[shift:], *items[:shift]]


class Bench:
    """Generates the projects and runs the builds."""

    def __init__(self, options: argparse.Namespace, workdir: Path) -> None:
        self.options = options
        self.workdir = workdir
        self.httpdomain = 'http' in options.variants
        self.outdirs = 0
        self.builds = 0
        self.projects: dict[tuple[str, str, int], Project] = {}

    def project(self, syntax: str, variant: str, pages: int) -> Project:
        """The project for these parameters, generated on first use."""
        key = (syntax, variant, pages)
        if key not in self.projects:
            srcdir = self.workdir / 'src' / f'{syntax}-{variant}-{pages}'
            write_project(srcdir, syntax, variant, pages, self.options.mentions,
                          httpdomain=self.httpdomain, sidebars=self.options.sidebars)
            self.projects[key] = Project(syntax, variant, pages, srcdir)
        return self.projects[key]

    @property
    def log(self) -> Path:
        return self.workdir / 'last-stderr.txt'

    def _outdir(self) -> Path:
        self.outdirs += 1
        return self.workdir / 'out' / f'run-{self.outdirs}'

    def build(self, project: Project, outdir: Path, *, fresh: bool) -> Sample:
        self.builds += 1
        return sphinx_build(project.srcdir, outdir, fresh=fresh, jobs=self.options.jobs,
                            log=self.log, pycache=self.workdir / 'pycache')

    def full_build(self, project: Project, *, check: bool, keep: bool) -> None:
        """One timed full build in a fresh output folder."""
        outdir = self._outdir()
        project.samples.append(self.build(project, outdir, fresh=True))
        if check:
            check_output(outdir, project.variant, self.options.mentions, self.log,
                         project.pages)
        if project.outdir is not None:
            shutil.rmtree(project.outdir, ignore_errors=True)
            project.outdir = None
        if keep:
            project.outdir = outdir
        else:
            shutil.rmtree(outdir, ignore_errors=True)

    def warm_up(self, project: Project) -> None:
        """One untimed build: warms the file cache and imports before timing."""
        outdir = self._outdir()
        self.build(project, outdir, fresh=True)
        shutil.rmtree(outdir, ignore_errors=True)

    def rounds(
        self, projects: Sequence[Project], repeats: int, title: str, keep: Sequence[str] = ()
    ) -> None:
        """*repeats* rounds of full builds, alternating the projects.

        The first round also checks each output; the last keeps the output
        of the variants in *keep*, for the incremental runs.
        """
        for round_number in range(repeats):
            for project in alternate(projects, round_number):
                self.full_build(project, check=not project.samples,
                                keep=round_number == repeats - 1 and project.variant in keep)
            progress(f'{title}: round {round_number + 1}/{repeats} done')

    def incremental(
        self, projects: Sequence[Project], repeats: int, title: str
    ) -> list[Project]:
        """Edit one page and rebuild without -E, alternating; time the rebuild only."""
        edited = page_name(self.options.pages // 2)
        runs = []
        for base in projects:
            outdir = base.outdir
            if outdir is None:  # no full build to start from: make one
                outdir = self._outdir()
                self.build(base, outdir, fresh=True)
                check_output(outdir, base.variant, self.options.mentions, self.log)
            base.outdir = None
            page = base.srcdir / f'{edited}.{SUFFIX[base.syntax]}'
            measured = Project(base.syntax, base.variant, base.pages, base.srcdir, outdir=outdir)
            runs.append((measured, page, page.read_text(encoding='utf-8')))
        try:
            for round_number in range(repeats):
                shift = round_number % len(runs)
                for project, page, original in [*runs[shift:], *runs[:shift]]:
                    marker = f'Revision {round_number + 1} of this page.'
                    page.write_text(f'{original}\n{marker}\n', encoding='utf-8')
                    stamp = time.time_ns()
                    os.utime(page, ns=(stamp, stamp))
                    assert project.outdir is not None
                    project.samples.append(self.build(project, project.outdir, fresh=False))
                    html = (project.outdir / f'{edited}.html').read_text(encoding='utf-8')
                    if marker not in html:
                        msg = f'{project.label}: the edit of {edited} was not rebuilt'
                        raise BuildError(msg)
                progress(f'{title}: round {round_number + 1}/{repeats} done')
        finally:
            for project, page, original in runs:
                page.write_text(original, encoding='utf-8')
                if project.outdir is not None:
                    shutil.rmtree(project.outdir, ignore_errors=True)
        return [project for project, _page, _original in runs]


def progress(message: str) -> None:
    print(f'  .. {message}', file=sys.stderr, flush=True)


# -- reporting ------------------------------------------------------------------


def table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A plain-text table: first column left-aligned, the others right-aligned."""
    lines = [list(headers), *(list(row) for row in rows)]
    widths = [max(len(line[n]) for line in lines) for n in range(len(headers))]
    text = []
    for index, line in enumerate(lines):
        text.append('  '.join(cell.ljust(widths[n]) if n == 0 else cell.rjust(widths[n])
                              for n, cell in enumerate(line)).rstrip())
        if index == 0:
            text.append('  '.join('-' * width for width in widths))
    return '\n'.join(text)


def verdict(value: float, limit: float) -> str:
    if value <= limit:
        return f'met     {value:.3f} <= {limit:.2f}'
    return f'MISSED  {value:.3f} >  {limit:.2f}'


def _nproc() -> int:
    if hasattr(os, 'sched_getaffinity'):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return 'not installed'


def _revision() -> str:
    """The git commit of the extension's checkout, if it is one."""
    root = Path(sphinxext_wsclose.__file__).resolve().parent.parent
    try:
        commit = subprocess.run(
            ['git', 'rev-parse', '--short', 'HEAD'],
            cwd=root, capture_output=True, text=True, check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ['git', 'status', '--porcelain', '--', 'sphinxext_wsclose'],
            cwd=root, capture_output=True, text=True, check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return 'unknown'
    return f'{commit}{" (sphinxext_wsclose/ modified)" if dirty else ""}'


def environment() -> dict[str, str]:
    return {
        'machine': f'{platform.machine()}, nproc {_nproc()}, {platform.platform()}',
        'python': platform.python_version(),
        'sphinx': sphinx.__display_version__,
        'docutils': _version('docutils'),
        'myst-parser': _version('myst-parser'),
        'sphinxcontrib-httpdomain': _version('sphinxcontrib-httpdomain'),
        'sphinxext-wsclose': f'{sphinxext_wsclose.__version__}, git {_revision()}',
    }


RATIO_HEADERS = ('variant', 'wall s', 'x floor', 'paired', 'cpu s', 'x floor', 'peak MiB',
                 'x floor')


def _ratio_rows(
    projects: Sequence[Project],
) -> tuple[list[list[str]], tuple[float, float] | None]:
    """Rows of :data:`RATIO_HEADERS`, against the first project (the floor).

    Also the paired time ratio and the memory ratio of ``:wsclose:``, if it ran.
    """
    floor = projects[0]
    rows = []
    wsclose = None
    for project in projects:
        paired = project.paired(floor)
        rss_ratio = project.mib / floor.mib
        rows.append([
            project.variant, f'{project.seconds:.2f}', f'{project.seconds / floor.seconds:.3f}',
            f'{paired:.3f}', f'{project.cpu:.2f}', f'{project.cpu / floor.cpu:.3f}',
            f'{project.mib:.1f}', f'{rss_ratio:.3f}',
        ])
        if project.variant == 'wsclose':
            wsclose = paired, rss_ratio
    return rows, wsclose


@dataclass
class Report:
    """The measured projects, and the verdicts on the targets."""

    options: argparse.Namespace
    full: dict[str, list[Project]] = field(default_factory=dict)
    scaling: dict[str, list[Project]] = field(default_factory=dict)
    incremental: dict[str, list[Project]] = field(default_factory=dict)
    targets: list[tuple[str, str]] = field(default_factory=list)

    def print(self) -> None:
        options = self.options
        for syntax in options.syntax:
            print()
            print(f'== {syntax}: {options.pages} pages x {options.mentions} mentions '
                  f'({options.pages * options.mentions} mentions) ==')
            if syntax in self.full:
                self._full(syntax)
            if syntax in self.scaling:
                self._scaling(syntax)
            if syntax in self.incremental:
                self._incremental(syntax)
        if self.targets:
            print()
            print('Targets for :wsclose: (ratios against the floor):')
            print(table(['target', 'result'], self.targets))

    def _full(self, syntax: str) -> None:
        rows, wsclose = _ratio_rows(self.full[syntax])
        if wsclose is not None:
            paired, rss_ratio = wsclose
            self.targets.append((f'{syntax}: full build wall time', verdict(paired, 1.05)))
            self.targets.append((f'{syntax}: peak memory', verdict(rss_ratio, 1.05)))
        print(f'Full builds (-E), median of {self.options.repeats}; "paired" is the median of '
              'the per-round ratios:')
        print(table(RATIO_HEADERS, rows))

    def _scaling(self, syntax: str) -> None:
        scales = self.options.scales
        projects = self.scaling[syntax]
        print()
        print(f'Scaling: full builds at {", ".join(f"{s}x" for s in scales)} the pages; '
              f'median wall time (and time / time at {scales[0]}x):')
        rows = []
        growth: dict[str, float] = {}
        for variant in self.options.scale_variants:
            series = [p for p in projects if p.variant == variant]
            base = series[0].seconds
            rows.append([variant, *(f'{p.seconds:.2f} ({p.seconds / base:.2f}x)' for p in series)])
            if 4 in scales:
                growth[variant] = series[scales.index(4)].seconds / base
        print(table(['variant', *(f'{s}x = {self.options.pages * s} pages' for s in scales)],
                    rows))
        if 'wsclose' in growth:
            four = growth['wsclose']
            self.targets.append((f'{syntax}: 4x pages, time', verdict(four, 4.2)))
            if FLOOR in growth:
                self.targets.append((
                    f'{syntax}: 4x pages, vs floor',
                    f'wsclose {four:.2f}x, floor {growth[FLOOR]:.2f}x '
                    f'(ratio {four / growth[FLOOR]:.3f})',
                ))

    def _incremental(self, syntax: str) -> None:
        rows, wsclose = _ratio_rows(self.incremental[syntax])
        if wsclose is not None:
            self.targets.append((f'{syntax}: incremental rebuild', verdict(wsclose[0], 1.05)))
        print()
        print(f'Incremental: one page edited, rebuilt without -E; median of '
              f'{self.options.incremental_repeats} rebuilds:')
        print(table(RATIO_HEADERS, rows))

    def samples(self) -> dict[str, dict[str, list[dict[str, float]]]]:
        return {
            kind: {p.label: [vars(s) for s in p.samples]
                   for projects in group.values() for p in projects}
            for kind, group in (('full', self.full), ('scaling', self.scaling),
                                ('incremental', self.incremental))
        }


# -- main -----------------------------------------------------------------------


def _csv(choices: Sequence[str]) -> Callable[[str], list[str]]:
    def parse(value: str) -> list[str]:
        items = [item.strip() for item in value.split(',') if item.strip()]
        unknown = [item for item in items if item not in choices]
        if unknown or not items:
            msg = f'choose from {", ".join(choices)}'
            raise argparse.ArgumentTypeError(msg)
        return items

    return parse


def _ints(value: str) -> list[int]:
    try:
        items = [int(item) for item in value.split(',') if item.strip()]
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc
    if not items or min(items) < 1:
        msg = 'expected positive integers, such as 1,2,4'
        raise argparse.ArgumentTypeError(msg)
    return items


def _positive(value: str) -> int:
    if not (value.isascii() and value.isdigit()) or int(value) < 1:
        msg = f'expected a positive integer, not {value!r}'
        raise argparse.ArgumentTypeError(msg)
    return int(value)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description='Time sphinx-build with :wsclose: mentions against hand-written links.',
    )
    add = parser.add_argument
    add('--pages', type=int, default=150, help='pages per project (150)')
    add('--mentions', type=int, default=50, help='mentions per page (50)')
    add('--repeats', type=int, default=5, help='timed full builds per variant (5)')
    add('--syntax', type=_csv(SYNTAXES), default=list(SYNTAXES), help='rst,myst (both)')
    add('--variants', type=_csv(VARIANTS), default=list(DEFAULT_VARIANTS),
        help='floor,literal,ref,wsclose,http (all; http only if sphinxcontrib-httpdomain '
        'is installed), or noext,unused (prose, no markup of ours; only if named); '
        'the floor always runs')
    add('--scales', type=_ints, default=[1, 2, 4],
        help='page multipliers of the scaling runs (1,2,4); 1x reuses the full builds')
    add('--scale-variants', type=_csv(VARIANTS), default=['floor', 'wsclose'],
        help='variants of the scaling runs (floor,wsclose)')
    add('--scale-repeats', type=int, default=3,
        help='timed builds per scale and variant above 1x (3)')
    add('--incremental-variants', type=_csv(VARIANTS), default=['floor', 'ref', 'wsclose'],
        help='variants of the incremental runs (floor,ref,wsclose)')
    add('--incremental-repeats', type=int, default=9,
        help='timed incremental rebuilds per variant (9)')
    add('--no-full', action='store_true', help='skip the full builds')
    add('--no-scaling', action='store_true', help='skip the scaling runs')
    add('--no-incremental', action='store_true', help='skip the incremental runs')
    add('--jobs', type=int, default=1, help='sphinx-build -j (1: serial)')
    add('--sidebars', action='store_true',
        help="keep alabaster's sidebars (default: none; its navigation grows with pages²)")
    add('--workdir', type=Path, help='generate the projects here (default: a temp dir)')
    add('--json', type=Path, help='also write every sample to this file')
    add('--profile', choices=VARIANTS, metavar='VARIANT',
        help='instead of timing: one full build of VARIANT (first --syntax) under '
        'pyinstrument; the report goes to --json if given, else to stdout')
    add('--instructions', action='store_true',
        help='instead of timing: count the instructions of one full build of each variant '
        'under valgrind (callgrind), which the load of the machine does not change; slow, '
        'use --pages 30')
    add('--floor', action='store_true',
        help='instead: what the extension costs where it is not used; noext against unused '
        'on one page with a title only and on --floor-pages pages of prose, timed over '
        '--repeats rounds, or counted once with --instructions')
    add('--floor-pages', type=_ints, default=[10, 40],
        help='page counts of --floor (10,40); the cost per page is the slope from the '
        'first to the last; with one count, only noext and unused at that count (no '
        'start-up, no cost per page: their ratio only)')
    add('--sentences', type=int,
        help='sentences of prose per page of --floor and --hooks (default: --mentions, 50); '
        'about 0.1 G instructions a page for Sphinx at 50')
    add('--closes', action='store_true',
        help='instead: the :closes: field and the closed-by column against hand-written '
        'field lists and links, on --closes-pages pages of 10 objects with 3 codes each, '
        'over --repeats rounds; then the pages written again after one field edit')
    add('--closes-pages', type=int, default=30, help='pages of --closes (30)')
    add('--load-keys', action='store_true',
        help='instead: how the time to read wsclose_codes from a JSON or TOML file grows '
        'with its keys (1,000, 10,000 and 100,000), per key, over --repeats runs')
    add('--sets', action='store_true',
        help='instead: mentions of the codes of three turned-on protocol sets, half qualified '
        'and half bare, against the same links written by hand, on --pages x --mentions, '
        'over --repeats rounds')
    add('--hooks', action='store_true',
        help="instead: the thread CPU time of each of the extension's event handlers, "
        'transforms and post-transforms, per page, in one in-process build of --hooks-pages '
        'pages of prose with no mention (first --syntax)')
    add('--hooks-pages', type=int, default=600, help='pages of --hooks (600)')
    add('--parallel', type=int, default=1,
        help='builds run at once under --instructions (1); the counts do not change')
    add('--hash-seed', type=int, default=0,
        help="PYTHONHASHSEED of every build (0); another seed moves, among other things, when "
        "Python's garbage collector runs its full collections")
    add('--count-rounds', type=_positive, default=1,
        help='--floor --instructions: count each build this many times, each into an output '
        'folder with a longer name, and report the medians (1); the count moves with the '
        "layout of the process's memory by up to about 0.5%% at 20 G")
    add('--allocator', choices=('pymalloc', 'malloc'), default='pymalloc',
        help="PYTHONMALLOC of the builds that --instructions counts: Python's own allocator, "
        "as every build uses (pymalloc), or the C library's malloc for every object (malloc), "
        'as these counts were taken until 2026-12-07')
    options = parser.parse_args(argv)
    options.http_skipped = not httpdomain_installed()
    for name in ('variants', 'scale_variants', 'incremental_variants'):
        chosen = [v for v in getattr(options, name)
                  if v != FLOOR and not (v == 'http' and options.http_skipped)]
        setattr(options, name, [FLOOR, *chosen])
    options.scales = sorted(set(options.scales))
    options.floor_pages = sorted(set(options.floor_pages))
    if options.sentences is None:
        options.sentences = options.mentions
    return options


def profile(options: argparse.Namespace, workdir: Path) -> int:
    """One full build of a variant under pyinstrument."""
    if importlib.util.find_spec('pyinstrument') is None:
        print('--profile needs pyinstrument: pip install pyinstrument', file=sys.stderr)
        return 2
    syntax = options.syntax[0]
    srcdir = workdir / 'src' / f'{syntax}-{options.profile}-{options.pages}'
    write_project(srcdir, syntax, options.profile, options.pages, options.mentions,
                  httpdomain='http' in options.variants, sidebars=options.sidebars)
    report = options.json or workdir / 'profile.txt'
    args = [sys.executable, '-m', 'pyinstrument', '--interval', '0.001', '-r', 'text',
            '-o', str(report), '-m', 'sphinx', '-q', '-E', '-b', 'html',
            str(srcdir), str(workdir / 'out')]
    warm_up([srcdir], workdir)
    subprocess.run(args, check=True, env=build_env(workdir / 'pycache'))
    if options.json is None:
        print(report.read_text(encoding='utf-8'))
    return 0


def callgrind_build(
    srcdir: Path, outdir: Path, log: Path, pycache: Path, collector: list[int] | None = None
) -> int:
    """The instructions of one full build (``-E``) under callgrind; its warnings go to *log*.

    valgrind's callgrind counts them; unlike time, the count does not move
    with the load of a shared machine (two builds of one project differ by
    well under 0.1%).  With a *collector* list, the instructions of Python's
    cyclic garbage collector (``gc_collect_main``, inclusive) are appended to
    it: when a full collection runs depends on how many objects have piled up,
    so one more module's objects can add or save a whole collection of the heap.

    The build uses the allocator that ``--allocator`` names: by default
    Python's own (``pymalloc``), which every user's build uses.  Until
    2026-12-07 these counts were taken with ``PYTHONMALLOC=malloc``, every
    small object from the C library's ``malloc``: about 7% more instructions
    in every build (``docs/performance.rst``).
    """
    env = build_env(pycache, PYTHONMALLOC=SHARED['allocator'])
    with tempfile.TemporaryDirectory() as temp:
        profile = Path(temp) / 'callgrind.out'
        out = str(profile) if collector is not None else '/dev/null'
        args = ['valgrind', '--tool=callgrind', f'--callgrind-out-file={out}', sys.executable,
                '-m', 'sphinx', '-q', '-E', '-b', 'html', str(srcdir), str(outdir)]
        done = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
        found = re.search(r'Collected : (\d+)', done.stderr)
        if done.returncode != 0 or found is None:
            msg = f'the build of {srcdir} failed:\n{done.stderr[-2000:]}'
            raise BuildError(msg)
        if collector is not None:
            collector.append(_collector_instructions(profile))
    log.write_text('\n'.join(line for line in done.stderr.splitlines()
                             if not line.startswith('==')), encoding='utf-8')
    return int(found[1])


def _collector_instructions(profile: Path) -> int:
    """The inclusive instructions of ``gc_collect_main`` in a callgrind profile."""
    annotated = subprocess.run(['callgrind_annotate', '--inclusive=yes', str(profile)],
                               capture_output=True, text=True, check=True).stdout
    found = re.search(r'^\s*([\d,]+) \([^)]*\)\s+\S*gcmodule\.c:gc_collect_main\s', annotated,
                      re.MULTILINE)
    return int(found[1].replace(',', '')) if found else 0


def warm_up(srcdirs: Iterable[Path], workdir: Path) -> None:
    """One ordinary build of each project, untimed and uncounted.

    It compiles every module the builds import into the bytecode cache (see
    :func:`build_env`); that cost belongs to no build, and would otherwise
    land in the first one measured.
    """
    for srcdir in srcdirs:
        outdir = workdir / 'out' / f'warm-up-{srcdir.name}'
        sphinx_build(srcdir, outdir, fresh=True, jobs=1, log=workdir / 'warm-up-stderr.txt',
                     pycache=workdir / 'pycache')
        shutil.rmtree(outdir, ignore_errors=True)


def count_instructions(options: argparse.Namespace, workdir: Path) -> int:
    """Instead of timing: the instructions one full build of each variant executes.

    About 4 minutes a build at 30 pages.
    """
    if shutil.which('valgrind') is None:
        print('--instructions needs valgrind (apt-get install valgrind)', file=sys.stderr)
        return 2
    print(f'Instructions (callgrind "Collected"), one full build each, {options.pages} pages '
          f'x {options.mentions} mentions, PYTHONMALLOC {SHARED["allocator"]}, git {_revision()}:')
    rows = []
    for syntax in options.syntax:
        srcdirs = {}
        for variant in options.variants:
            srcdirs[variant] = workdir / 'src' / f'{syntax}-{variant}-{options.pages}'
            write_project(srcdirs[variant], syntax, variant, options.pages, options.mentions,
                          httpdomain='http' in options.variants, sidebars=options.sidebars)
        warm_up(srcdirs.values(), workdir)
        counts: dict[str, int] = {}
        for variant, srcdir in srcdirs.items():
            outdir = workdir / 'out' / f'{syntax}-{variant}'
            log = workdir / 'last-stderr.txt'
            try:
                counts[variant] = callgrind_build(srcdir, outdir, log, workdir / 'pycache')
                check_output(outdir, variant, options.mentions, log, options.pages)
            except BuildError as error:
                print(f'{syntax}/{variant}: {error}', file=sys.stderr)
                return 1
            progress(f'{syntax}/{variant}: {counts[variant]:,} instructions')
        for variant, count in counts.items():
            rows.append([f'{syntax}/{variant}', f'{count:,}', f'{count / counts[FLOOR]:.4f}'])
    print(table(['build', 'instructions', 'x floor'], rows))
    return 0


# -- the true floor: Sphinx without the extension ---------------------------------

#: The targets of ``--floor``, in instructions: start-up (G), per page (M),
#: and unused / noext at the largest page count.
FLOOR_TARGETS = {'start-up': 0.1, 'per page': 1.0, 'ratio': 1.005}


def pass_fail(passed: bool) -> str:
    return 'PASS' if passed else 'FAIL'


def floor_projects(
    options: argparse.Namespace, workdir: Path
) -> dict[str, dict[tuple[str, int], Path]]:
    """Per syntax, the source folder of each (variant, pages); 0 pages is the title only."""
    # One page count: that size only, for its ratio (no start-up, no slope).
    sizes = [0, *options.floor_pages] if len(options.floor_pages) > 1 else options.floor_pages
    projects: dict[str, dict[tuple[str, int], Path]] = {}
    for syntax in options.syntax:
        projects[syntax] = {}
        for pages in sizes:
            for variant in PROSE:
                srcdir = workdir / 'src' / f'{syntax}-{variant}-{pages}'
                write_project(srcdir, syntax, variant, pages, options.sentences,
                              httpdomain=False, sidebars=options.sidebars)
                projects[syntax][variant, pages] = srcdir
    return projects


@dataclass
class FloorResult:
    """One syntax's measure of the floor, in one unit: a value per (variant, pages).

    *differences* are, per round, ``(start-up, per page)`` of ``unused`` over
    ``noext``, and *ratios* per round ``{pages: unused / noext}``; their medians
    are reported (a count has one round).
    """

    values: dict[tuple[str, int], float]
    differences: list[tuple[float, float]]
    ratios: list[dict[int, float]]
    #: Counted only: the instructions of the garbage collector, per (variant, pages).
    collector: dict[tuple[str, int], float] = field(default_factory=dict)


def floor_round(values: dict[tuple[str, int], float], low: int, high: int) -> tuple[
    tuple[float, float], dict[int, float]
]:
    """Start-up and per-page cost of ``unused`` over ``noext``, and the ratios, from one round.

    With one page count (*low* is *high*), no start-up and no slope: NaN.
    """
    ratios = {pages: values[UNUSED, pages] / values[NOEXT, pages]
              for variant, pages in values if variant == NOEXT}
    if low == high:
        return (math.nan, math.nan), ratios
    startup = values[UNUSED, 0] - values[NOEXT, 0]
    slope = {v: (values[v, high] - values[v, low]) / (high - low) for v in PROSE}
    return (startup, slope[UNUSED] - slope[NOEXT]), ratios


def floor_instructions(
    options: argparse.Namespace, workdir: Path, projects: dict[str, dict[tuple[str, int], Path]]
) -> dict[str, FloorResult]:
    """Each project counted *--count-rounds* times under callgrind, *--parallel* at a time.

    A count does not move with the machine's load, but it does move with the
    layout of the process's memory, which moves with anything that changes
    the size of what the build holds: two builds of one project, identical
    but for the length of the output folder's name, differed by 31 M
    instructions at 20 G (``docs/performance.rst``).  Round *r* builds into a
    folder whose name is *r* characters longer than round 0's (and logs to its
    own file, since rounds of one project may run at once), and each value
    reported is the median of the rounds.
    """
    low, high = options.floor_pages[0], options.floor_pages[-1]

    def count(job: tuple[str, str, int, Path, int]) -> tuple[str, str, int, int, int, int]:
        syntax, variant, pages, srcdir, round_number = job
        outdir = workdir / 'out' / (srcdir.name + 'r' * round_number)
        log = workdir / f'stderr-{outdir.name}.txt'
        collector: list[int] = []
        instructions = callgrind_build(srcdir, outdir, log, workdir / 'pycache', collector)
        check_output(outdir, variant, options.sentences, log, pages)
        shutil.rmtree(outdir, ignore_errors=True)
        progress(f'{syntax}/{variant}/{pages}p, round {round_number}: {instructions:,} '
                 f'instructions, {collector[0]:,} of them in the garbage collector')
        return syntax, variant, pages, round_number, instructions, collector[0]

    rounds = range(options.count_rounds)
    jobs = [(syntax, variant, pages, srcdir, round_number)
            for syntax, group in projects.items()
            for (variant, pages), srcdir in group.items()
            for round_number in rounds]
    # The biggest first, so that the parallel builds end together.
    jobs.sort(key=lambda job: -job[2])
    with ThreadPoolExecutor(max_workers=max(1, options.parallel)) as pool:
        done = list(pool.map(count, jobs))
    counts = {(s, (v, p), r): (float(n), float(gc)) for s, v, p, r, n, gc in done}
    results = {}
    for syntax, group in projects.items():
        differences, ratios = [], []
        for round_number in rounds:
            values = {key: counts[syntax, key, round_number][0] for key in group}
            difference, ratio = floor_round(values, low, high)
            differences.append(difference)
            ratios.append(ratio)
        medians = {key: statistics.median(counts[syntax, key, r][0] for r in rounds)
                   for key in group}
        collected = {key: statistics.median(counts[syntax, key, r][1] for r in rounds)
                     for key in group}
        results[syntax] = FloorResult(medians, differences, ratios, collected)
    return results


def floor_times(
    options: argparse.Namespace, workdir: Path, projects: dict[str, dict[tuple[str, int], Path]]
) -> dict[str, FloorResult]:
    """*--repeats* rounds of every project of a syntax, alternating; wall time of each build."""
    low, high = options.floor_pages[0], options.floor_pages[-1]
    bench = Bench(options, workdir)
    results = {}
    for syntax, group in projects.items():
        items = [Project(syntax, variant, pages, srcdir)
                 for (variant, pages), srcdir in group.items()]
        for project in items[-len(PROSE):]:  # the largest, with and without the extension
            bench.warm_up(project)
        bench.rounds(items, options.repeats, f'{syntax} floor')
        medians = {(p.variant, p.pages): p.seconds for p in items}
        differences, ratios = [], []
        for round_number in range(options.repeats):
            values = {(p.variant, p.pages): p.samples[round_number].seconds for p in items}
            difference, ratio = floor_round(values, low, high)
            differences.append(difference)
            ratios.append(ratio)
        results[syntax] = FloorResult(medians, differences, ratios)
    return results


def print_floor(options: argparse.Namespace, results: dict[str, FloorResult]) -> None:
    """The table of each syntax, then the targets."""
    counted = options.instructions
    # Totals, start-up and per page: in G, G and M instructions, or s, ms and µs.
    total, startup_unit, page_unit = (('G', 'G', 'M') if counted else ('s', 'ms', 'µs'))
    scale = (1e-9, 1e-9, 1e-6) if counted else (1.0, 1e3, 1e6)
    low, high = options.floor_pages[0], options.floor_pages[-1]
    allocator = f'; PYTHONMALLOC {SHARED["allocator"]}' if counted else ''
    rounds = options.count_rounds
    how = (('instructions (callgrind "Collected"), one full build each' if rounds == 1 else
            f'instructions (callgrind "Collected"), {rounds} full builds each, into output '
            'folders whose names differ in length; the counts, ratios, start-up and per page '
            'are medians of the rounds') if counted else
           f'median wall time of {options.repeats} rounds; the ratios, start-up and per page '
           'are medians of the per-round values')
    print(f'The floor: Sphinx without the extension (noext) against the extension loaded '
          f'and unused (unused); -E -b html, prose pages of {options.sentences} sentences, '
          f'no mention, no table; {how}; PYTHONHASHSEED {SHARED["hash seed"]}{allocator}; '
          f'git {_revision()}')
    verdicts = []
    for syntax, result in results.items():
        median_ratio = {pages: statistics.median(r[pages] for r in result.ratios)
                        for pages in result.ratios[0]}
        rows = []
        for pages in sorted(median_ratio):
            noext, unused = result.values[NOEXT, pages], result.values[UNUSED, pages]
            name = 'one page, title only' if pages == 0 else f'{pages} page{"s" * (pages > 1)}'
            rows.append([name, f'{noext * scale[0]:.3f} {total}',
                         f'{unused * scale[0]:.3f} {total}',
                         f'{(unused - noext) * scale[0]:+.3f} {total}',
                         f'{median_ratio[pages]:.4f}'])
        startup = statistics.median(d[0] for d in result.differences) * scale[1]
        per_page = statistics.median(d[1] for d in result.differences) * scale[2]
        sloped = low != high  # one page count: no start-up and no slope
        if sloped:
            slopes = {v: (result.values[v, high] - result.values[v, low]) / (high - low)
                      for v in PROSE}
            rows.append([f'per page ({low} to {high})',
                         f'{slopes[NOEXT] * scale[2]:.1f} {page_unit}',
                         f'{slopes[UNUSED] * scale[2]:.1f} {page_unit}',
                         f'{per_page:+.1f} {page_unit}',
                         f'{slopes[UNUSED] / slopes[NOEXT]:.4f}'])
        heads = ['project', 'noext', 'unused', 'unused - noext', 'unused / noext']
        if result.collector:  # each row's share of the garbage collector
            heads.append('of which GC')
            for row, pages in zip(rows, sorted(median_ratio), strict=False):
                extra = result.collector[UNUSED, pages] - result.collector[NOEXT, pages]
                row.append(f'{extra * 1e-6:+.1f} M')
            for row in rows[len(median_ratio):]:
                row.append('')
        print()
        print(f'== {syntax} ==')
        print(table(heads, rows))
        if sloped:
            print(f'start-up: {startup:+.3f} {startup_unit}; per page: {per_page:+.1f} '
                  f'{page_unit} (slope of unused minus slope of noext)')
        ratio = median_ratio[high]
        if counted and sloped:
            verdicts += [
                [f'{syntax}: start-up', f'{startup:.3f} G', f'<= {FLOOR_TARGETS["start-up"]} G',
                 pass_fail(startup <= FLOOR_TARGETS['start-up'])],
                [f'{syntax}: per page', f'{per_page:.1f} M', f'<= {FLOOR_TARGETS["per page"]} M',
                 pass_fail(per_page <= FLOOR_TARGETS['per page'])],
            ]
        limit = FLOOR_TARGETS['ratio']
        verdicts.append([f'{syntax}: unused / noext, {high} pages', f'{ratio:.4f}',
                         f'<= {limit}', pass_fail(ratio <= limit)])
    print()
    print('Targets of issue 19 (reported only; they fail nothing):')
    if not counted:
        print('(start-up and per page are judged in instructions: add --instructions)')
    print(table(['target', 'measured', 'target', 'verdict'], verdicts))


def measure_floor(options: argparse.Namespace, workdir: Path) -> int:
    """``--floor``: the cost of loading the extension on pages that do not use it."""
    if options.instructions and shutil.which('valgrind') is None:
        print('--instructions needs valgrind (apt-get install valgrind)', file=sys.stderr)
        return 2
    projects = floor_projects(options, workdir)
    try:
        if options.instructions:
            high = options.floor_pages[-1]
            warm_up([group[v, high] for group in projects.values() for v in PROSE], workdir)
            results = floor_instructions(options, workdir, projects)
        else:
            results = floor_times(options, workdir, projects)
    except BuildError as error:
        print(error, file=sys.stderr)
        return 1
    print_floor(options, results)
    return 0


# -- --closes: who closes with what ---------------------------------------------

#: ``--closes``: objects per page, the codes each declares, and the targets.
CLOSES_OBJECTS_PER_PAGE = 10
CLOSES_PER_OBJECT = 3
CLOSES_CODES = ('1000', '1001', '1002', '1003', '1007', '1008', '1009', '1010', '1011',
                '1012', '1013', '1014')
CLOSES_TARGETS = {'time': 1.03, 'memory': 1.02}
CLOSES_PAGE = 'codes'
#: Where the floor's hand-written links point (an address, as MyST takes a
#: relative one for a cross-reference).
SITE = 'https://ws.example'


def _closes_objects(pages: int) -> list[tuple[int, str, tuple[str, ...]]]:
    """(page, function name, its codes) of every object, the same in both variants."""
    objects = []
    for number in range(pages):
        for k in range(CLOSES_OBJECTS_PER_PAGE):
            first = number * CLOSES_OBJECTS_PER_PAGE + k
            codes = tuple(CLOSES_CODES[(first + n * 5) % len(CLOSES_CODES)]
                          for n in range(CLOSES_PER_OBJECT))
            objects.append((number, f'handler_{number}_{k}', codes))
    return objects


def _closes_field_list(syntax: str, variant: str, codes: Sequence[str]) -> str:
    """The fields of one object: ``:closes CODE:``, or the floor's field and links."""
    indent = '' if syntax == 'myst' else '   '
    if variant == 'closes':
        return ''.join(f'{indent}:closes {code}: The reason for {code}.\n' for code in codes)
    lines = [f'{indent}:Close codes:\n']
    for code in codes:
        text = f'{code} {REGISTRY[code].name}'
        url = f'{SITE}/{CLOSES_PAGE}.html#wsclose-{code}'
        link = f'[{text}]({url})' if syntax == 'myst' else f'`{text} <{url}>`__'
        lines.append(f'{indent}   * {link} \u2013 The reason for {code}.\n')
    return ''.join(lines)


def _closes_page(syntax: str, variant: str, number: int,
                 objects: Sequence[tuple[int, str, tuple[str, ...]]]) -> str:
    parts = [_heading(syntax, f'Handlers {number}')]
    for page, name, codes in objects:
        if page != number:
            continue
        fields = _closes_field_list(syntax, variant, codes)
        if syntax == 'myst':
            parts.append(f'```{{py:function}} {name}(ws)\n\nHandle one message.\n\n{fields}```\n')
        else:
            parts.append(f'.. py:function:: {name}(ws)\n\n   Handle one message.\n\n{fields}')
    return '\n'.join(parts)


def _closes_table_page(syntax: str, variant: str,
                       objects: Sequence[tuple[int, str, tuple[str, ...]]]) -> str:
    """The table with the closed-by column; the floor's is written by hand, with the same cells."""
    heading = _heading(syntax, 'Codes')
    if variant == 'closes':
        body = ':columns: code, name, description, closed-by\n:codes: closed\n'
        if syntax == 'myst':
            return f'{heading}\n```{{wsclose-table}}\n{body}```\n'
        return f'{heading}\n.. wsclose-table::\n' + ''.join(f'   {line}\n'
                                                       for line in body.splitlines())
    rows = []
    for code in sorted(set(CLOSES_CODES)):
        entry = REGISTRY[code]
        closers = ', '.join(
            f'[{name}()]({SITE}/{page_name(page)}.html#{name})' if syntax == 'myst'
            else f'`{name}() <{SITE}/{page_name(page)}.html#{name}>`__'
            for page, name, codes in objects if code in codes)
        target = '' if syntax == 'myst' else f'.. _wsclose-{code}:\n\n'
        rows.append((target, code, entry.name, entry.description, closers))
    if syntax == 'myst':
        lines = ['| Code | Name | Description | Closed by |', '|---|---|---|---|']
        lines += [f'| <span id="wsclose-{code}">{code}</span> | {name} | {description} '
                  f'| {closers} |' for _t, code, name, description, closers in rows]
        return f'{heading}\n' + '\n'.join(lines) + '\n'
    lines = ['.. list-table::', '   :header-rows: 1', '', '   * - Code', '     - Name',
             '     - Description', '     - Closed by']
    for _target, code, name, description, closers in rows:
        lines += [f'   * - .. _wsclose-{code}:', '', f'       {code}', f'     - {name}',
                  f'     - {description}', f'     - {closers}']
    return f'{heading}\n' + '\n'.join(lines) + '\n'


def write_closes_project(srcdir: Path, syntax: str, variant: str, pages: int) -> None:
    """``--closes``: *pages* pages of objects that declare codes, and the table page."""
    if srcdir.exists():
        shutil.rmtree(srcdir)
    srcdir.mkdir(parents=True)
    ext = SUFFIX[syntax]
    conf = conf_text(syntax, httpdomain=False)
    if syntax == 'myst':
        conf += "myst_enable_extensions = ['fieldlist']\n"
    (srcdir / 'conf.py').write_text(conf, encoding='utf-8')
    objects = _closes_objects(pages)
    names = [CLOSES_PAGE, *(page_name(number) for number in range(pages))]
    if syntax == 'myst':
        index = '# Handlers\n\n```{toctree}\n' + ''.join(f'{n}\n' for n in names) + '```\n'
    else:
        index = 'Handlers\n========\n\n.. toctree::\n\n' + ''.join(f'   {n}\n' for n in names)
    (srcdir / f'index.{ext}').write_text(index, encoding='utf-8')
    (srcdir / f'{CLOSES_PAGE}.{ext}').write_text(_closes_table_page(syntax, variant, objects),
                                                 encoding='utf-8')
    for number in range(pages):
        text = _closes_page(syntax, variant, number, objects)
        (srcdir / f'{page_name(number)}.{ext}').write_text(text, encoding='utf-8')


def _written(outdir: Path, before: dict[Path, int]) -> list[str]:
    return sorted(path.name for path in outdir.glob('*.html')
                  if before.get(path) != path.stat().st_mtime_ns)


def _paired_rounds(
    options: argparse.Namespace, workdir: Path, mode: str, projects: dict[str, Path],
    syntax: str,
) -> dict[str, list[Sample]]:
    """``--repeats`` rounds of full builds of *projects* (``floor`` and one more), alternating."""
    pycache, log = workdir / 'pycache', workdir / 'last-stderr.txt'
    variants = tuple(projects)
    samples: dict[str, list[Sample]] = {variant: [] for variant in variants}
    sphinx_build(projects[variants[-1]], workdir / 'out-warm', fresh=True, jobs=1, log=log,
                 pycache=pycache)
    for round_number in range(options.repeats):
        order = variants if round_number % 2 == 0 else variants[::-1]
        for variant in order:
            outdir = workdir / 'out' / f'{syntax}-{variant}-{round_number}'
            samples[variant].append(sphinx_build(
                projects[variant], outdir, fresh=True, jobs=1, log=log, pycache=pycache))
            if log.read_text(encoding='utf-8').strip():
                raise BuildError(f'{syntax} {variant} warned:\n{log.read_text()}')
            if round_number < options.repeats - 1:
                shutil.rmtree(outdir, ignore_errors=True)
        progress(f'{syntax} --{mode}: round {round_number + 1}/{options.repeats} done')
    return samples


def _print_pair(syntax: str, samples: dict[str, list[Sample]], targets: dict[str, float]) -> None:
    """Each variant's medians, and the paired ratios against the floor with their targets."""
    floor, *_others, measured = samples
    pairs = list(zip(samples[floor], samples[measured], strict=True))
    wall = statistics.median(m.seconds / f.seconds for f, m in pairs)
    memory = statistics.median(m.maxrss_kib / f.maxrss_kib for f, m in pairs)
    print()
    print(table(('variant', 'wall s', 'peak MiB'), [
        (variant, f'{statistics.median(s.seconds for s in found):.2f}',
         f'{statistics.median(s.maxrss_kib for s in found) / 1024:.0f}')
        for variant, found in samples.items()]))
    print(f'{syntax} time   (paired median, {measured} / {floor}): '
          f'{verdict(wall, targets["time"])}')
    print(f'{syntax} memory (paired median, {measured} / {floor}): '
          f'{verdict(memory, targets["memory"])}')


def _header(mode: str, lines: Sequence[str]) -> None:
    print(f'sphinxext-wsclose --{mode} benchmark')
    for key, value in environment().items():
        print(f'  {key}: {value}')
    for line in lines:
        print(f'  {line}')


def measure_closes(options: argparse.Namespace, workdir: Path) -> int:
    """``--closes``: the field and the closed-by column against hand-written links."""
    pages = options.closes_pages
    log = workdir / 'last-stderr.txt'
    _header('closes', [
        f'{pages} pages x {CLOSES_OBJECTS_PER_PAGE} objects x {CLOSES_PER_OBJECT} codes, and a '
        'table page with the closed-by column; sphinx-build -b html -E, serial',
        'floor: the same fields as ordinary field lists of hand-written links, and the table '
        'written by hand (list-table; MyST: a pipe table)'])
    try:
        for syntax in options.syntax:
            projects = {}
            for variant in ('floor', 'closes'):
                srcdir = workdir / 'closes' / f'{syntax}-{variant}'
                write_closes_project(srcdir, syntax, variant, pages)
                projects[variant] = srcdir
            samples = _paired_rounds(options, workdir, 'closes', projects, syntax)
            _print_pair(syntax, samples, CLOSES_TARGETS)
            # One field edited: which pages are written again.
            outdir = workdir / 'out' / f'{syntax}-closes-{options.repeats - 1}'
            page = projects['closes'] / f'{page_name(pages // 2)}.{SUFFIX[syntax]}'
            original = page.read_text(encoding='utf-8')
            # A code no other object declares: the table gets a row for it.
            page.write_text(re.sub(r':closes [0-9]+:', ':closes 1015:', original, count=1),
                            encoding='utf-8')
            before = {path: path.stat().st_mtime_ns for path in outdir.glob('*.html')}
            sphinx_build(projects['closes'], outdir, fresh=False, jobs=1, log=log,
                         pycache=workdir / 'pycache')
            written = _written(outdir, before)
            page.write_text(original, encoding='utf-8')
            print(f'{syntax} incremental after one field edit: {len(written)} of '
                  f'{len(before)} pages written: {", ".join(written)}')
    except BuildError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


# -- --sets: protocols' codes ----------------------------------------------------

#: ``--sets``: the sets turned on, and the targets of its mentions: half in
#: their qualified form, half bare (numbers only one of the three sets has).
SETS_ON = ('graphql-transport-ws', 'discord-gateway', 'twitch-eventsub')
#: The existing targets of a full build (``Report``): wall time and peak memory.
SETS_TARGETS = {'time': 1.05, 'memory': 1.05}


def _set_targets() -> list[tuple[str, str, str]]:
    """(target as written, row anchor key, link text) of every mention ``--sets`` cycles through."""
    from sphinxext_wsclose.sets import set_registries  # noqa: PLC0415

    registries = set_registries()
    numbers: dict[int, int] = {}
    for name in SETS_ON:
        for entry in registries[name]:
            numbers[entry.first] = numbers.get(entry.first, 0) + 1
    found = []
    for name in SETS_ON:
        for n, entry in enumerate(entry for entry in registries[name] if not entry.is_range):
            bare = numbers[entry.first] == 1 and n % 2 == 0
            found.append((entry.code_text if bare else entry.key, entry.key, entry.display))
    return found


def write_sets_project(srcdir: Path, syntax: str, variant: str, pages: int, mentions: int) -> None:
    """``--sets``: *pages* pages of *mentions* mentions of set codes, and the table page."""
    if srcdir.exists():
        shutil.rmtree(srcdir)
    srcdir.mkdir(parents=True)
    ext = SUFFIX[syntax]
    conf = conf_text(syntax, httpdomain=False) + f'wsclose_sets = {list(SETS_ON)!r}\n'
    (srcdir / 'conf.py').write_text(conf, encoding='utf-8')
    names = [TABLE_PAGE, *(page_name(number) for number in range(pages))]
    if syntax == 'myst':
        index = '# Sets\n\n```{toctree}\n' + ''.join(f'{n}\n' for n in names) + '```\n'
    else:
        index = 'Sets\n====\n\n.. toctree::\n\n' + ''.join(f'   {n}\n' for n in names)
    (srcdir / f'index.{ext}').write_text(index, encoding='utf-8')
    (srcdir / f'{TABLE_PAGE}.{ext}').write_text(_table_page(syntax), encoding='utf-8')
    targets = _set_targets()
    for number in range(pages):
        parts = [_heading(syntax, f'Page {number}')]
        sentences = []
        for i in range(mentions):
            written, key, text = targets[(number * mentions + i) % len(targets)]
            anchor = f'{SITE}/{TABLE_PAGE}.html#wsclose-{key.replace(":", "-")}'
            if variant == 'floor':
                mention = f'[{text}]({anchor})' if syntax == 'myst' else f'`{text} <{anchor}>`__'
            else:
                mention = f'{{wsclose}}`{written}`' if syntax == 'myst' else f':wsclose:`{written}`'
            sentences.append(SENTENCES[i % len(SENTENCES)].format(m=mention))
        for first in range(0, len(sentences), SENTENCES_PER_PARAGRAPH):
            parts.append(' '.join(sentences[first:first + SENTENCES_PER_PARAGRAPH]) + '\n')
        (srcdir / f'{page_name(number)}.{ext}').write_text('\n'.join(parts), encoding='utf-8')


def measure_sets(options: argparse.Namespace, workdir: Path) -> int:
    """``--sets``: mentions of three turned-on sets' codes against hand-written links."""
    pages, mentions = options.pages, options.mentions
    _header('sets', [
        f'{pages} pages x {mentions} mentions of the codes of {", ".join(SETS_ON)} (turned '
        'on), half qualified and half bare; sphinx-build -b html -E, serial',
        'floor: the same links written by hand, with the same text and anchor; both '
        'projects have the same table page (the registry and the three sets)'])
    try:
        for syntax in options.syntax:
            projects = {}
            for variant in ('floor', 'sets'):
                srcdir = workdir / 'sets' / f'{syntax}-{variant}'
                write_sets_project(srcdir, syntax, variant, pages, mentions)
                projects[variant] = srcdir
            samples = _paired_rounds(options, workdir, 'sets', projects, syntax)
            _print_pair(syntax, samples, SETS_TARGETS)
    except BuildError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


# -- --load-keys: reading a big data file ------------------------------------------

#: How many keys ``--load-keys`` reads: the cost per key must not grow.
LOAD_SIZES = (1_000, 10_000, 100_000)
#: The target of issue 17: ten times the keys in at most twelve times the time.
LOAD_TARGET = 12.0


def measure_loading(options: argparse.Namespace, workdir: Path) -> int:
    """``--load-keys``: validate ``wsclose_codes`` naming a JSON and a TOML file of N keys.

    In JSON the codes are spread over 1000-4999 and wrap around: most keys
    repeat a code, as a hostile file would.  TOML refuses a key given twice,
    so its keys run on past 4999, and those are warned about (the warnings
    are part of the cost).  Every item is read, placed and checked.
    Times are the median of ``--repeats`` runs of the configuration's
    validation alone (no Sphinx build), and the ratio of each size's time to
    the time of the size ten times smaller (a linear loader stays near 10).
    """
    from types import SimpleNamespace  # noqa: PLC0415

    from sphinxext_wsclose.config import DEFAULTS, _Validator  # noqa: PLC0415

    _header('load-keys', [f'{", ".join(map(str, LOAD_SIZES))} keys; median of '
                          f'{options.repeats} validations each (time.perf_counter)'])
    rows = []
    medians: dict[str, list[float]] = {}
    for suffix in ('json', 'toml'):
        for size in LOAD_SIZES:
            path = workdir / f'codes-{size}.{suffix}'
            items = [(f'{4000 + n % 1000}-{n}', n) for n in range(size)]
            if suffix == 'json':
                text = '{\n' + ',\n'.join(
                    f'  "{1000 + n % 4000}": {{"name": "Code {n}"}}' for _k, n in items) + '\n}\n'
            else:
                text = ''.join(f'[{n}]\nname = "Code {n}"\n' for n in range(4000, 4000 + size))
            path.write_text(text, encoding='utf-8')
            times = []
            for _round in range(options.repeats):
                config = SimpleNamespace(**{**DEFAULTS, 'wsclose_codes': path.name})
                start = time.perf_counter()
                _Validator(workdir).run(config)  # type: ignore[arg-type]
                times.append(time.perf_counter() - start)
            median = statistics.median(times)
            medians.setdefault(suffix, []).append(median)
            rows.append((suffix, str(size), f'{median:.3f}', f'{median / size * 1e6:.1f}'))
            progress(f'--load-keys: {suffix} {size} done')
    print()
    print(table(('format', 'keys', 'seconds', 'µs per key'), rows))
    for suffix, times in medians.items():
        for n in range(1, len(LOAD_SIZES)):
            print(f'{suffix}: {LOAD_SIZES[n]} keys over {LOAD_SIZES[n - 1]}: '
                  f'{verdict(times[n] / times[n - 1], LOAD_TARGET)}')
    return 0


# -- --hooks: what each hook costs a page ----------------------------------------

#: The package whose hooks ``--hooks`` times.
PACKAGE = 'sphinxext_wsclose'


def _hook_timers(times: dict[str, list[float]]) -> Callable[[], None]:
    """Time every hook the extension registers; return a function that undoes it.

    It wraps ``Sphinx.connect``, ``add_transform`` and ``add_post_transform``
    before the application exists, so it finds the hooks by what is
    registered, whatever their names at a given commit: each handler from the
    package is called inside ``time.thread_time()``, and so is the ``apply``
    of each transform and post-transform class from it.  *times* gets, per
    hook, the seconds of each call.
    """
    from sphinx.application import Sphinx  # noqa: PLC0415

    def ours(thing: object) -> bool:
        return str(getattr(thing, '__module__', '')).startswith(PACKAGE)

    def timed(name: str, function: Callable[..., object]) -> Callable[..., object]:
        def call(*args: object, **kwargs: object) -> object:
            start = time.thread_time()
            try:
                return function(*args, **kwargs)
            finally:
                times.setdefault(name, []).append(time.thread_time() - start)
        return call

    def label(thing: object) -> str:
        module = str(getattr(thing, '__module__', '')).rpartition('.')[2]
        return f'{module}.{getattr(thing, "__qualname__", thing)}'

    originals = {name: getattr(Sphinx, name)
                 for name in ('connect', 'add_transform', 'add_post_transform')}
    #: Each class patched, and its own ``apply`` if it had one.
    patched: list[tuple[type, object]] = []

    def connect(app: Sphinx, event: str, callback: Callable[..., object],
                *args: object, **kwargs: object) -> int:
        if ours(callback):
            callback = timed(f'{label(callback)} ({event})', callback)
        return originals['connect'](app, event, callback, *args, **kwargs)  # type: ignore[no-any-return]

    def transform(kind: str) -> Callable[..., None]:
        def add(app: Sphinx, cls: type) -> None:
            if ours(cls) and not any(cls is done for done, _own in patched):
                patched.append((cls, vars(cls).get('apply')))
                cls.apply = timed(f'{label(cls)}.apply ({kind})',  # type: ignore[attr-defined]
                                  cls.apply)  # type: ignore[attr-defined]
            originals[f'add_{kind}'](app, cls)
        return add

    Sphinx.connect = connect  # type: ignore[assignment,method-assign]
    Sphinx.add_transform = transform('transform')  # type: ignore[method-assign]
    Sphinx.add_post_transform = transform('post_transform')  # type: ignore[method-assign]

    def undo() -> None:
        for name, original in originals.items():
            setattr(Sphinx, name, original)
        for cls, own in patched:
            if own is None:
                del cls.apply  # type: ignore[attr-defined]
            else:
                cls.apply = own  # type: ignore[attr-defined]
    return undo


def measure_hooks(options: argparse.Namespace, workdir: Path) -> int:
    """``--hooks``: the thread CPU time of each of the extension's hooks, per page.

    One full build (``-E -b html``), in this process, of ``--hooks-pages``
    pages of prose with no mention and no table (the ``unused`` variant).
    """
    from sphinx.application import Sphinx  # noqa: PLC0415
    from sphinx.util.docutils import docutils_namespace  # noqa: PLC0415

    syntax, pages = options.syntax[0], options.hooks_pages
    srcdir = workdir / 'src' / f'{syntax}-hooks-{pages}'
    write_project(srcdir, syntax, UNUSED, pages, options.sentences, httpdomain=False,
                  sidebars=options.sidebars)
    times: dict[str, list[float]] = {}
    undo = _hook_timers(times)
    try:
        with docutils_namespace():
            app = Sphinx(str(srcdir), str(srcdir), str(workdir / 'out' / srcdir.name),
                         str(workdir / 'doctrees' / srcdir.name), 'html',
                         freshenv=True, status=None, warning=sys.stderr)
            start = time.thread_time()
            app.build(force_all=True)
            build = time.thread_time() - start
    finally:
        undo()
    print(f'Hooks of {PACKAGE}: thread CPU time (time.thread_time) per hook, one in-process '
          f'build (-E -b html) of {pages} {syntax} pages of prose ({options.sentences} sentences '
          f'each), no mention, no table; git {_revision()}')
    rows = [(name, str(len(calls)), f'{sum(calls) * 1e3:.1f}', f'{sum(calls) / pages * 1e6:.1f}')
            for name, calls in sorted(times.items(), key=lambda item: -sum(item[1]))]
    total = sum(sum(calls) for calls in times.values())
    rows.append(('all hooks', str(sum(len(c) for c in times.values())), f'{total * 1e3:.1f}',
                 f'{total / pages * 1e6:.1f}'))
    print(table(['hook', 'calls', 'ms in all', 'µs per page'], rows))
    print(f'the build (app.build) took {build:.2f} s of thread CPU time, '
          f'{build / pages * 1e6:.0f} µs per page; the hooks {total / build:.2%} of it')
    return 0


def run(options: argparse.Namespace, bench: Bench) -> Report:
    """Every measurement, syntax by syntax."""
    report = Report(options)
    pages = options.pages
    for syntax in options.syntax:
        full = [bench.project(syntax, v, pages) for v in options.variants]
        bench.warm_up(full[0])
        if not options.no_full:
            keep = () if options.no_incremental else options.incremental_variants
            bench.rounds(full, options.repeats, f'{syntax} full builds', keep)
            report.full[syntax] = full
        if not options.no_scaling:
            scaled = [bench.project(syntax, v, pages * scale)
                      for scale in options.scales for v in options.scale_variants]
            todo = [p for p in scaled if not (p.pages == pages and p.samples)]
            bench.rounds(todo, options.scale_repeats, f'{syntax} scaling')
            report.scaling[syntax] = scaled
        if not options.no_incremental:
            bases = [bench.project(syntax, v, pages) for v in options.incremental_variants]
            report.incremental[syntax] = bench.incremental(
                bases, options.incremental_repeats, f'{syntax} incremental')
    return report


def main(argv: Sequence[str] | None = None) -> int:
    options = parse_args(argv)
    SHARED['hash seed'] = str(options.hash_seed)
    SHARED['allocator'] = options.allocator
    with tempfile.TemporaryDirectory(prefix='wsclose-bench-') as temp:
        workdir = options.workdir or Path(temp)
        workdir.mkdir(parents=True, exist_ok=True)
        # The modes that replace the timing of mentions, in this order.
        modes: tuple[tuple[str, Callable[[argparse.Namespace, Path], int]], ...] = (
            ('profile', profile), ('floor', measure_floor), ('closes', measure_closes),
            ('sets', measure_sets), ('load_keys', measure_loading), ('hooks', measure_hooks),
            ('instructions', count_instructions))
        for name, measure in modes:
            if getattr(options, name):
                return measure(options, workdir)
        started = time.perf_counter()
        env = environment()
        print('sphinxext-wsclose mention benchmark')
        for key, value in env.items():
            print(f'  {key}: {value}')
        mode = 'serial' if options.jobs == 1 else f'-j {options.jobs}'
        print(f'  projects: {options.pages} pages x {options.mentions} mentions, '
              f'{" and ".join(options.syntax)}; sphinx-build -b html, {mode}')
        extensions = 'sphinxext_wsclose, myst_parser (MyST)'
        bench = Bench(options, workdir)
        if bench.httpdomain:
            extensions += ', sphinxcontrib.httpdomain'
        print(f'  extensions in every variant: {extensions}')
        if set(options.variants) & set(PROSE):
            print('  except noext and unused: prose with no table or labels page, and no '
                  'httpdomain; noext has no sphinxext_wsclose')
        print(f'  theme: alabaster, {"default sidebars" if options.sidebars else "no sidebars"}')
        if options.http_skipped:
            print('  http variant skipped: sphinxcontrib-httpdomain is not installed')
        report = run(options, bench)
        report.print()
        elapsed = time.perf_counter() - started
        print()
        print(f'{bench.builds} sphinx-build processes in {elapsed / 60:.1f} min')
        if options.json:
            data = {'environment': env, 'options': {k: str(v) for k, v in vars(options).items()},
                    'samples': report.samples()}
            options.json.write_text(json.dumps(data, indent=2), encoding='utf-8')
    return 0


if __name__ == '__main__':
    sys.exit(main())
