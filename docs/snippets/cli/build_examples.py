"""Run the ``wsclose`` commands that the docs show, and save what they print.

Run it with the Python that has the extension installed::

    python docs/snippets/cli/build_examples.py

Each :class:`Example` becomes ``<name>.txt`` in this folder: the commands,
each after a ``$`` prompt, with what it wrote to standard output and
standard error.  ``docs/cli.rst`` and ``docs/formats.rst`` include these
files, and ``tests/test_cli_examples.py`` fails while one of them differs
from what the commands print today.  The commands run in this process,
through :func:`sphinxext_wsclose.cli.main`, which returns the exit status
instead of exiting, so that the test which runs them again is quick.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shlex
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sphinxext_wsclose.cli import main as wsclose

if TYPE_CHECKING:
    from collections.abc import Iterator

HERE = Path(__file__).resolve().parent
#: Stands for the library sources that a shortened JSON example leaves out.
ELLIPSIS = '\u2026'


@dataclass(frozen=True)
class Command:
    """One command of an example, and what to show besides its output."""

    #: The arguments after ``wsclose``.
    args: tuple[str, ...]
    #: The exit status it must end with: a command that goes wrong by
    #: surprise stops the script instead of landing in the docs.
    status: int = 0
    #: Follow it with ``$ echo $?`` and its exit status.
    show_status: bool = False
    #: Run it as if on a terminal this many columns wide (``COLUMNS=80``),
    #: which ``wsclose list``, ``wsclose sets`` and ``wsclose CODE`` fit
    #: their output to; ``None``: into a pipe.
    columns: int | None = None


@dataclass(frozen=True)
class Example:
    """One file of console output: ``<name>.txt``."""

    name: str
    commands: tuple[Command, ...]
    #: Keep only the first and the last of ``library_sources`` in the JSON
    #: output, with an ellipsis between them (the page says so).
    shorten: bool = False


def _run(*args: str, status: int = 0, show_status: bool = False,
         columns: int | None = None) -> Command:
    return Command(args, status, show_status, columns)


class _Terminal(io.StringIO):
    """A standard output that says it is a terminal."""

    def isatty(self) -> bool:
        return True


@contextlib.contextmanager
def _columns(columns: int | None) -> Iterator[None]:
    """``COLUMNS`` set to *columns* for a while (left alone for ``None``)."""
    if columns is None:
        yield
        return
    before = os.environ.get('COLUMNS')
    os.environ['COLUMNS'] = str(columns)
    try:
        yield
    finally:
        if before is None:
            del os.environ['COLUMNS']
        else:
            os.environ['COLUMNS'] = before


#: Every example, in the order of the pages.  Error messages come from
#: ``wsclose`` itself, never from argparse, whose wording changes between
#: Python versions.
EXAMPLES = (
    # docs/cli.rst
    Example('lookup-1008', (_run('1008'),)),
    Example('lookup-4001', (_run('4001'),)),
    Example('lookup-several', (_run('1008', '1009'),)),
    Example('errors', (
        _run('70000', status=2, show_status=True),
        _run('list', '--columns', 'code,colour', status=2),
    )),
    Example('error-command', (_run('lst', status=2),)),
    Example('usage', (_run(status=2, show_status=True),)),
    Example('list-table', (_run('list', '--codes', '1000-1003,4000-4999'),)),
    Example('list-terminal', (_run('list', '--codes', '1000-1003,4000-4999', columns=80),)),
    Example('list-libraries', (
        _run('list', '--codes', '1000-1001', '--format', 'markdown',
             '--columns', 'code,name,libraries'),
    )),
    Example('list-more-libraries', (
        _run('list', '--codes', '1000-1003', '--columns', 'code,libraries',
             '--libraries', 'tungstenite,coder,ktor,swift'),
    )),
    Example('lookup-libraries', (_run('1008', '--libraries', 'wsproto,tungstenite,swift'),)),
    Example('lookup-terminal', (
        _run('1011', '--libraries', 'autobahn,tungstenite,swift', columns=60),
    )),
    Example('list-browser', (
        _run('list', '--codes', 'browser', '--columns', 'code,name,browser'),
    )),
    Example('sets', (_run('sets'),)),
    Example('sets-terminal', (_run('sets', columns=120),)),
    Example('lookup-set', (_run('--set', 'discord-gateway', '4004'),)),
    Example('list-set', (_run('list', '--set', 'pusher', '--columns', 'code,name,reconnect'),)),
    # docs/formats.rst
    Example('list-json', (_run('list', '--codes', '1000,4000-4999', '--format', 'json'),),
            shorten=True),
    Example('query-json', (_run('4001', '--json'),)),
    Example('list-csv', (_run('list', '--codes', '1000,4000-4999', '--format', 'csv'),)),
    Example('list-markdown', (
        _run('list', '--codes', '1000-1001', '--format', 'markdown',
             '--columns', 'code,name,reference'),
    )),
    Example('list-rst', (
        _run('list', '--codes', '1000-1001', '--format', 'rst', '--columns', 'code,name,reference'),
    )),
)


def _dumped(record: object) -> str:
    """*record* as ``wsclose`` writes JSON."""
    return json.dumps(record, indent=2, ensure_ascii=False) + '\n'


def _shortened(output: str) -> str:
    """The JSON *output* with only the first and last library source, and ``…`` between."""
    record = json.loads(output)
    if _dumped(record) != output:  # the shortened text would not be the real one
        msg = 'wsclose no longer writes JSON as json.dumps(indent=2) does: update _dumped()'
        raise ValueError(msg)
    sources = record['library_sources']
    record['library_sources'] = [sources[0], ELLIPSIS, sources[-1]]
    return _dumped(record).replace(f'"{ELLIPSIS}",', ELLIPSIS, 1)


def render(example: Example) -> str:
    """The console text of *example*: each command after a prompt, and what it printed."""
    text = ''
    for command in example.commands:
        stdout = io.StringIO() if command.columns is None else _Terminal()
        stderr = io.StringIO()
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr), \
                _columns(command.columns):
            status = wsclose(list(command.args))
        if status != command.status:
            msg = f'wsclose {shlex.join(command.args)} exited with {status}: {stderr.getvalue()}'
            raise RuntimeError(msg)
        output = stdout.getvalue()
        if example.shorten:
            output = _shortened(output)
        prefix = [] if command.columns is None else [f'COLUMNS={command.columns}']
        text += (f'$ {shlex.join([*prefix, "wsclose", *command.args])}\n'
                 f'{output}{stderr.getvalue()}')
        if command.show_status:
            text += f'$ echo $?\n{status}\n'
    return text


def write(folder: Path = HERE) -> list[Path]:
    """Write every example to *folder*; return the files written."""
    written = []
    for example in EXAMPLES:
        path = folder / f'{example.name}.txt'
        path.write_text(render(example), encoding='utf-8')
        written.append(path)
    return written


def main() -> None:
    for path in write():
        sys.stdout.write(f'{path.name}\n')


if __name__ == '__main__':
    main()
