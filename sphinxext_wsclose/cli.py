"""The ``wsclose`` command: look up a close code, or export the registry.

``wsclose 1008`` prints what the registry knows about a code: its names,
flags, description, sources, notes, and how the major libraries spell it.
It accepts whatever a ``:wsclose:`` mention accepts: a number, a name such as
``POLICY_VIOLATION``, or a range such as ``4000-4999``; a number inside a
range, such as 4001, is explained by that range; ``wsclose 1008 1009``
describes each code in turn (:func:`_queries` says how the arguments are
read).  ``wsclose list`` exports
the registry as a text table, JSON, CSV, Markdown or reStructuredText.
``--set NAMES`` makes both read the codes of protocols' sets
(:mod:`sphinxext_wsclose.sets`) instead of, or besides, the registry, and
``wsclose sets`` lists those sets.

The command never imports Sphinx: it reads the registry
(:mod:`sphinxext_wsclose.bundled`, :mod:`sphinxext_wsclose.registry`) and the
libraries' spellings (:mod:`sphinxext_wsclose.libraries`) through
:mod:`sphinxext_wsclose.export`, whose functions (:func:`entry_record`,
:func:`query_record`, :func:`describe`, :func:`export`, :func:`parse_spans`)
are the Python API; this module is argparse's side, and re-exports them.
:func:`main` returns the exit status instead of exiting: 0 on success, 2 for
bad input, with a one-line message on stderr, which suggests the command
that a first argument such as ``lst`` resembles; ``wsclose`` alone prints
the usage and the commands there.  The subcommands are the rows of one
table, :data:`_COMMANDS`, which ``--help`` lists.  A reader that has gone away
(``wsclose list | head``) ends the command quietly, with 0; a terminal that
cannot encode "–" gets ASCII (:func:`for_stream`).  ``wsclose registry-diff
websocket.xml``, for maintainers, compares IANA's registry file with the
bundled registry, and exits with 1 when they differ;
:mod:`sphinxext_wsclose.iana` does the work.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import re
import shutil
import sys
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, NoReturn, TextIO

from sphinxext_wsclose import __version__
from sphinxext_wsclose.columns import EXPORT_COLUMNS, LIST_COLUMNS
from sphinxext_wsclose.export import (
    FORMATS,
    REGISTRY_SET,
    SCHEMA,
    SETS_FORMATS,
    UsageError,
    describe,
    entry_record,
    export,
    export_sets,
    list_record,
    parse_spans,
    query_record,
    select,
    set_names,
    targets,
)
from sphinxext_wsclose.iana import RegistryFileError, diff_file
from sphinxext_wsclose.libraries import keys, listed_keys
from sphinxext_wsclose.values import InvalidCodeError

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

#: The Python API, which :mod:`sphinxext_wsclose.export` defines.
__all__ = ['FORMATS', 'SCHEMA', 'UsageError', 'describe', 'entry_record', 'export',
           'export_sets', 'list_record', 'main', 'parse_spans', 'query_record', 'select']

class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are :exc:`UsageError`, not a usage dump and exit."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


# -- the command -----------------------------------------------------------------

_USAGE = """\
wsclose [-h] [--version] [--json] CODE [CODE ...]
               [--libraries KEYS] [--set NAMES]
       wsclose list [-h] [--format {table,json,csv,markdown,rst}] [--codes SPANS]
                    [--columns NAMES] [--libraries KEYS] [--set NAMES]
       wsclose sets [-h] [--format {table,json}]
       wsclose registry-diff [-h] websocket.xml"""
#: The help of ``--libraries``, which both commands take.
_LIBRARIES_HELP = 'the libraries whose names to show, separated by commas: ' + ', '.join(keys())
#: The help of ``--set``, which both commands take.
_SET_HELP = ('where to read the codes, separated by commas or given again: '
             f'{", ".join(set_names())} ({REGISTRY_SET}: the IANA registry; the default)')


class _ShowParser(_Parser):
    """The parser of ``wsclose CODE``, whose help ends with the subcommands (:data:`_COMMANDS`)."""

    def format_help(self) -> str:
        return f'{super().format_help()}\n{_commands_help()}\n{_EPILOG}\n'


#: The last line of ``wsclose --help``.
_EPILOG = 'Each command has its own help, such as: wsclose list --help'


def _show_parser() -> _Parser:
    parser = _ShowParser(
        prog='wsclose', usage=_USAGE,
        description='Explain a WebSocket close code: its names, flags, sources and '
                    'library constants.',
    )
    parser.add_argument(
        'code', nargs='+', metavar='CODE',
        help='a code (1008), a name (POLICY_VIOLATION, "policy violation"), a range '
             "(4000-4999), or a set's code (discord-gateway:4004); several codes are "
             'described in turn',
    )
    parser.add_argument('--json', action='store_true', help='print JSON (schema 1)')
    parser.add_argument('--libraries', metavar='KEYS', type=_keys,
                        help=f'{_LIBRARIES_HELP} (default: all)')
    parser.add_argument('--set', metavar='NAMES', type=_names, action='append', help=_SET_HELP)
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
                             f'{", ".join(EXPORT_COLUMNS)} (default: '
                             f'{", ".join(LIST_COLUMNS)})')
    parser.add_argument('--libraries', metavar='KEYS', type=_keys,
                        help=f'{_LIBRARIES_HELP}, in the libraries column (default: '
                             f'{", ".join(listed_keys())})')
    parser.add_argument('--set', metavar='NAMES', type=_names, action='append', help=_SET_HELP)
    return parser


def _sets_parser() -> _Parser:
    parser = _Parser(
        prog='wsclose sets',
        description="List the protocols' sets of close codes that --set takes, with their "
                    'sources.',
    )
    parser.add_argument('--format', choices=SETS_FORMATS, default='table',
                        help='output format (default: table)')
    return parser


def _keys(text: str) -> list[str]:
    """``--libraries``: keys separated by commas or spaces."""
    return [key for key in re.split(r'[\s,]+', text.lower()) if key]


def _names(text: str) -> list[str]:
    """One ``--set``: names separated by commas or spaces, as written (for the errors)."""
    return [name for name in re.split(r'[\s,]+', text) if name]


def _sets(given: list[list[str]] | None) -> list[str]:
    """Every ``--set`` together; the registry when there is none."""
    return [REGISTRY_SET] if given is None else [name for names in given for name in names]


def _diff_parser() -> _Parser:
    parser = _Parser(prog='wsclose registry-diff',
                     description="Compare IANA's websocket.xml with the bundled registry.")
    parser.add_argument('file', metavar='websocket.xml', help='the file downloaded from IANA')
    return parser


@dataclass(frozen=True)
class _Output:
    """What a command prints on standard output, and its exit status."""

    text: str
    #: JSON, which a terminal that cannot encode it gets with JSON's own escapes.
    is_json: bool = False
    status: int = 0


def _run_list(options: argparse.Namespace) -> _Output:
    columns = None
    if options.columns is not None:
        columns = [name for name in re.split(r'[\s,]+', options.columns.lower()) if name]
    output = export(select(options.codes, sets=_sets(options.set)), options.format,
                    columns, options.libraries, width=_terminal_width())
    return _Output(output, is_json=options.format == 'json')


def _terminal_width() -> int | None:
    """The width that ``wsclose list``, ``wsclose sets`` and ``wsclose CODE`` fit into.

    ``None`` unless the output goes to a terminal: a pipe or a file gets
    every cell of a table on one line, however wide, and a code's text
    wrapped at 79 columns, with each library's name on one line.

    The terminal's width is ``COLUMNS`` when set, as in
    :func:`shutil.get_terminal_size`.
    """
    isatty = getattr(sys.stdout, 'isatty', None)
    if isatty is None or not isatty():
        return None
    return shutil.get_terminal_size().columns


def _run_sets(options: argparse.Namespace) -> _Output:
    return _Output(export_sets(options.format, width=_terminal_width()),
                   is_json=options.format == 'json')


def _run_diff(options: argparse.Namespace) -> _Output:
    differences, output = diff_file(options.file)
    return _Output(output, status=1 if differences else 0)  # 1 when IANA's file differs


@dataclass(frozen=True)
class _Command:
    """A subcommand, ``wsclose NAME ...``: one row of :data:`_COMMANDS`."""

    #: The first argument, which chooses it.
    name: str
    #: Its line in ``wsclose --help`` and in what ``wsclose`` alone prints.
    summary: str
    parser: Callable[[], _Parser]
    run: Callable[[argparse.Namespace], _Output]


#: The subcommands, in the order of the help; an argument close to one of
#: their names, which names no code, gets a "did you mean" (:func:`_did_you_mean`).
_COMMANDS = (
    _Command('list', 'export the registry: a table, JSON, CSV, Markdown or rST',
             _list_parser, _run_list),
    _Command('sets', "list the protocols' sets of codes that --set takes",
             _sets_parser, _run_sets),
    _Command('registry-diff', "compare IANA's websocket.xml with the bundled registry",
             _diff_parser, _run_diff),
)
#: How close a word must be to a command's name for a "did you mean" (difflib's ratio):
#: ``lst``, ``lists`` and ``lsit`` are close to ``list``, ``set`` to ``sets``.
_CLOSE = 0.75


def _commands_help() -> str:
    """The "commands:" section of the help: each command and its summary, on one line."""
    width = max(len(command.name) for command in _COMMANDS) + 2
    return 'commands:\n' + ''.join(f'  {command.name.ljust(width)}{command.summary}\n'
                                   for command in _COMMANDS)


def _no_arguments() -> str:
    """What ``wsclose`` alone prints on standard error: the usage, the commands, an error."""
    return (f'{_show_parser().format_usage()}\n{_commands_help()}\n'
            'wsclose: error: give a code, such as 1008, or a command; '
            'wsclose --help says more\n')


def _did_you_mean(args: list[str]) -> str:
    """``; did you mean 'wsclose list'?`` when the first of *args* is close to a command."""
    if not args or args[0].startswith('-') or args[0] in {c.name for c in _COMMANDS}:
        return ''
    close = difflib.get_close_matches(args[0].casefold(), [c.name for c in _COMMANDS],
                                      n=1, cutoff=_CLOSE)
    return f"; did you mean 'wsclose {close[0]}'?" if close else ''


def _run(argv: list[str]) -> _Output:
    """What *argv* prints: a command's output, or the description of the codes it names."""
    for command in _COMMANDS:
        if argv[:1] == [command.name]:
            return command.run(command.parser().parse_args(argv[1:]))
    options = _show_parser().parse_args(argv)
    sets = _sets(options.set)
    if options.json and options.libraries is not None:
        msg = '--libraries applies to the text; --json carries every library'
        raise UsageError(msg)
    queries = _queries(options.code, sets)
    if options.json:
        records = [query_record(query, sets=sets) for query in queries]
        record = records[0] if len(records) == 1 else records
        return _Output(json.dumps(record, indent=2, ensure_ascii=False) + '\n', is_json=True)
    width = _terminal_width()
    return _Output('\n'.join(describe(query, libraries=options.libraries, sets=sets, width=width)
                              for query in queries))


def _queries(words: list[str], sets: list[str]) -> list[str]:
    """What the arguments of ``wsclose CODE...`` ask for: one query, or one per argument.

    The arguments joined by spaces come first, so that ``wsclose policy
    violation`` is 1008, as a quoted name is.  When they name nothing
    together, and each of them names a code, a range or a name on its own
    (``wsclose 1008 1009``), each is a query, in the order given.  Otherwise
    the error names the first argument that names nothing.
    """
    joined = ' '.join(words)
    try:
        targets(joined, sets)
    except InvalidCodeError:
        if len(words) == 1:
            raise
    else:
        return [joined]
    for word in words:
        try:
            targets(word, sets)
        except InvalidCodeError as error:
            msg = f'{joined!r} is no code or name, read as one or one by one: {error}'
            raise InvalidCodeError(msg) from error
    return list(words)


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``wsclose`` with *argv* (default: the command line); return the exit status."""
    try:
        return _main(list(sys.argv[1:] if argv is None else argv))
    except BrokenPipeError:
        # The reader has gone (``(sleep 1; wsclose list) | true``): end quietly,
        # as cat does, and let nothing try to flush into the pipe again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
        return 0


def _main(args: list[str]) -> int:
    if not args:  # argparse's convention: the usage, on standard error, and 2
        sys.stderr.write(for_stream(_no_arguments(), sys.stderr))
        return 2
    try:
        output = _run(args)
    except (UsageError, InvalidCodeError, RegistryFileError) as error:
        message = ' '.join(str(error).split()) + _did_you_mean(args)
        print(for_stream(f'wsclose: error: {message}', sys.stderr), file=sys.stderr)
        return 2
    except SystemExit as exit_:  # --help and --version
        sys.stdout.flush()
        return exit_.code if isinstance(exit_.code, int) else 0
    text = output.text
    if output.is_json and for_stream(text, sys.stdout) != text:
        text = json.dumps(json.loads(text), indent=2, ensure_ascii=True) + '\n'
    sys.stdout.write(for_stream(text, sys.stdout))
    sys.stdout.flush()
    return output.status


#: What a terminal that cannot encode the characters of the output gets instead.
_PLAIN = {'\u2013': '-', '\u2014': '-', '\u2018': "'", '\u2019': "'", '\u201c': '"',
          '\u201d': '"', '\u2026': '...', '\u00a7': 'section ', '\u00a0': ' '}


def for_stream(text: str, stream: TextIO) -> str:
    """*text* as *stream* can encode it: each character it cannot, in ASCII.

    Dashes and quotes become their ASCII look-alikes, a letter loses its
    accent, and anything else becomes ``?``.
    """
    encoding = getattr(stream, 'encoding', None) or 'utf-8'
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return ''.join(char if _encodes(char, encoding) else _plain(char) for char in text)
    except LookupError:  # an encoding Python does not know: leave it to the stream
        pass
    return text


def _encodes(char: str, encoding: str) -> bool:
    try:
        char.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def _plain(char: str) -> str:
    if char in _PLAIN:
        return _PLAIN[char]
    base = ''.join(part for part in unicodedata.normalize('NFKD', char)
                   if not unicodedata.combining(part))
    return base if base and base.isascii() else '?'
