"""The ``wsclose`` command: look up a close code, or export the registry.

``wsclose 1008`` prints what the registry knows about a code: its names,
flags, description, sources, notes, and how the major libraries spell it.
It accepts whatever a ``:wsclose:`` mention accepts: a number, a name such as
``POLICY_VIOLATION``, or a range such as ``4000-4999``; a number inside a
range, such as 4001, is explained by that range.  ``wsclose list`` exports
the registry as a text table, JSON, CSV, Markdown or reStructuredText.

The command never imports Sphinx: it reads the registry
(:mod:`sphinxext_wsclose.bundled`, :mod:`sphinxext_wsclose.registry`) and the
libraries' spellings (:mod:`sphinxext_wsclose.libraries`) through
:mod:`sphinxext_wsclose.export`, whose functions (:func:`entry_record`,
:func:`query_record`, :func:`describe`, :func:`export`, :func:`parse_spans`)
are the Python API; this module is argparse's side, and re-exports them.
:func:`main` returns the exit status instead of exiting: 0 on success, 2 for
bad input, with a one-line message on stderr.  ``wsclose registry-diff
websocket.xml``, for maintainers, compares IANA's registry file with the
bundled registry, and exits with 1 when they differ;
:mod:`sphinxext_wsclose.iana` does the work.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from typing import TYPE_CHECKING, NoReturn

from sphinxext_wsclose import __version__
from sphinxext_wsclose.columns import COLUMNS, LIST_COLUMNS
from sphinxext_wsclose.export import (
    FORMATS,
    SCHEMA,
    UsageError,
    describe,
    entry_record,
    export,
    list_record,
    parse_spans,
    query_record,
    select,
)
from sphinxext_wsclose.iana import RegistryFileError, diff_file
from sphinxext_wsclose.values import InvalidCodeError

if TYPE_CHECKING:
    from collections.abc import Sequence

#: The Python API, which :mod:`sphinxext_wsclose.export` defines.
__all__ = ['FORMATS', 'SCHEMA', 'UsageError', 'describe', 'entry_record', 'export',
           'list_record', 'main', 'parse_spans', 'query_record', 'select']

class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are :exc:`UsageError`, not a usage dump and exit."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


# -- the command -----------------------------------------------------------------

_USAGE = """\
wsclose [-h] [--version] [--json] CODE
       wsclose list [-h] [--format {table,json,csv,markdown,rst}] [--codes SPANS]
                    [--columns NAMES]
       wsclose registry-diff [-h] websocket.xml"""


def _show_parser() -> _Parser:
    parser = _Parser(
        prog='wsclose', usage=_USAGE,
        description='Explain a WebSocket close code: its names, flags, sources and '
                    'library constants.',
        epilog='To export the whole registry, see: wsclose list --help',
    )
    parser.add_argument(
        'code', nargs='+', metavar='CODE',
        help='a code (1008), a name (POLICY_VIOLATION, "policy violation") or a range '
             '(4000-4999)',
    )
    parser.add_argument('--json', action='store_true', help='print JSON (schema 1)')
    parser.add_argument('--version', action='version',
                        version=f'wsclose (sphinxext-wsclose) {__version__}')
    return parser


def _list_parser() -> _Parser:
    parser = _Parser(
        prog='wsclose list',
        description='Export the close code registry: codes, ranges and unassigned gaps.',
    )
    parser.add_argument('--format', choices=FORMATS, default='table',
                        help='output format (default: table)')
    parser.add_argument('--codes', metavar='SPANS', type=parse_spans,
                        help='only the entries wholly inside these codes and ranges, '
                             'such as 1000-1015,4000-4999')
    parser.add_argument('--columns', metavar='NAMES',
                        help='columns of table, markdown and rst, separated by commas: '
                             f'{", ".join(COLUMNS)} (default: '
                             f'{", ".join(LIST_COLUMNS)})')
    return parser


def _diff_parser() -> _Parser:
    parser = _Parser(prog='wsclose registry-diff',
                     description="Compare IANA's websocket.xml with the bundled registry.")
    parser.add_argument('file', metavar='websocket.xml', help='the file downloaded from IANA')
    return parser


def _run(argv: list[str]) -> str:
    if argv[:1] == ['list']:
        options = _list_parser().parse_args(argv[1:])
        columns = None
        if options.columns is not None:
            columns = [name for name in re.split(r'[\s,]+', options.columns.lower()) if name]
        return export(select(options.codes), options.format, columns)
    options = _show_parser().parse_args(argv)
    query = ' '.join(options.code)
    if options.json:
        return json.dumps(query_record(query), indent=2, ensure_ascii=False) + '\n'
    return describe(query)


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``wsclose`` with *argv* (default: the command line); return the exit status."""
    args, status = list(sys.argv[1:] if argv is None else argv), 0
    try:
        if args[:1] == ['registry-diff']:  # 1 when IANA's file differs
            differences, output = diff_file(_diff_parser().parse_args(args[1:]).file)
            status = 1 if differences else 0
        else:
            output = _run(args)
    except (UsageError, InvalidCodeError, RegistryFileError) as error:
        message = ' '.join(str(error).split())
        print(f'wsclose: error: {message}', file=sys.stderr)
        return 2
    except SystemExit as exit_:  # --help and --version
        return exit_.code if isinstance(exit_.code, int) else 0
    sys.stdout.write(output)
    return status
