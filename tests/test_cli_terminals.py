"""``wsclose`` on terminals and pipes that misbehave: never a traceback (issue 17, item 8).

Every subcommand is run as a real process: with a standard output whose
reader has already gone (a closed pipe ends quietly, with 0, as the docs
promise), and on a terminal that cannot encode "–" (``PYTHONIOENCODING=ascii``,
and the C locale without coercion), which gets ASCII.
"""

from __future__ import annotations

import json
import os
import re
import struct
import subprocess
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).parent / 'data' / 'iana'

#: Every subcommand, and what it exits with.
COMMANDS: dict[str, tuple[list[str], int]] = {
    'lookup': (['1008'], 0),
    'lookup-range': (['4000-4999'], 0),
    'lookup-json': (['1008', '--json'], 0),
    'lookup-several': (['1008', '1009', '4001'], 0),
    'lookup-several-json': (['1008', '1009', '--json'], 0),
    'list': (['list'], 0),
    'list-json': (['list', '--format', 'json'], 0),
    'list-csv': (['list', '--format', 'csv'], 0),
    'list-markdown': (['list', '--format', 'markdown'], 0),
    'list-rst': (['list', '--format', 'rst'], 0),
    'lookup-set': (['discord-gateway:4004'], 0),
    'lookup-sets': (['4004', '--set', 'discord-gateway,twitch-eventsub'], 0),
    'list-set': (['list', '--set', 'pusher,graphql-transport-ws'], 0),
    'sets': (['sets'], 0),
    'sets-json': (['sets', '--format', 'json'], 0),
    'help': (['--help'], 0),
    'list-help': (['list', '--help'], 0),
    'version': (['--version'], 0),
    'registry-diff': (['registry-diff', str(DATA / 'websocket-changed.xml')], 1),
    'error': (['99999'], 2),
}


def _run(args: list[str], **env: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, '-m', 'sphinxext_wsclose', *args],
        capture_output=True, check=False, env={**os.environ, **env},
    )


@pytest.mark.parametrize('command', list(COMMANDS))
def test_a_closed_pipe_ends_quietly(command: str) -> None:
    """The reader is gone before the first write, as in ``(sleep 1; wsclose list) | true``."""
    args, status = COMMANDS[command]
    read, write = os.pipe()
    os.close(read)
    try:
        result = subprocess.run(
            [sys.executable, '-m', 'sphinxext_wsclose', *args],
            stdout=write, stderr=subprocess.PIPE, check=False,
        )
    finally:
        os.close(write)
    if status == 2:  # the error is still told, on standard error
        assert result.returncode == 2
        assert result.stderr.decode().startswith("wsclose: error: '99999' is outside 0")
        assert result.stderr.decode().count('\n') == 1
    else:  # nothing reached a reader, so nothing differs, and nothing failed
        assert (result.returncode, result.stderr) == (0, b'')


ASCII_TERMINALS = {
    'pythonioencoding': {'PYTHONIOENCODING': 'ascii'},
    'c-locale': {'LC_ALL': 'C', 'LANG': 'C', 'PYTHONCOERCECLOCALE': '0', 'PYTHONUTF8': '0',
                 'PYTHONIOENCODING': ''},
}


@pytest.mark.parametrize('terminal', list(ASCII_TERMINALS))
@pytest.mark.parametrize('command', list(COMMANDS))
def test_an_ascii_terminal_gets_ascii(command: str, terminal: str) -> None:
    args, status = COMMANDS[command]
    result = _run(args, **ASCII_TERMINALS[terminal])
    assert result.returncode == status, result.stderr.decode('utf-8', 'replace')
    out, err = result.stdout.decode('ascii'), result.stderr.decode('ascii')  # ASCII, both
    assert 'Traceback' not in err
    if status == 2:
        assert (out, err.count('\n')) == ('', 1)
        assert err == ("wsclose: error: '99999' is outside 0-65535, the values a Close frame's "
                       '16-bit status code can hold\n')
        return
    assert err == ''
    full = _run(args, PYTHONIOENCODING='utf-8').stdout.decode('utf-8')
    if 'json' in command:
        # The same data, with JSON's own escapes.
        assert json.loads(out) == json.loads(full)
    else:
        assert out.count('\n') == full.count('\n')
        assert out == full.translate(_ASCII_OF)


#: What the command prints instead of the non-ASCII characters of its output.
_ASCII_OF = str.maketrans({'\u2013': '-', '\u2014': '-', '\u2019': "'", '\u00a7': 'section '})


def _on_a_pty(args: list[str], columns: int, **env: str) -> str:
    """What the command prints on a pseudo-terminal *columns* wide, with its line ends as \\n."""
    pty = pytest.importorskip('pty')
    fcntl = pytest.importorskip('fcntl')
    termios = pytest.importorskip('termios')
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack('HHHH', 24, columns, 0, 0))
    environ = {key: value for key, value in os.environ.items() if key not in {'COLUMNS', 'LINES'}}
    with subprocess.Popen([sys.executable, '-m', 'sphinxext_wsclose', *args],
                          stdin=subprocess.DEVNULL, stdout=slave, stderr=subprocess.PIPE,
                          env={**environ, 'PYTHONIOENCODING': 'utf-8', **env}) as process:
        os.close(slave)
        output = b''
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # Linux: EIO once the other end is closed
                break
            if not chunk:
                break
            output += chunk
        assert process.wait() == 0
        assert process.stderr is not None
        assert process.stderr.read() == b''
    os.close(master)
    return output.decode('utf-8').replace('\r\n', '\n')


@pytest.mark.parametrize(('env', 'width'), [({}, 60), ({'COLUMNS': '80'}, 80)])
def test_list_on_a_terminal_fits_its_width(env: dict[str, str], width: int) -> None:
    """The terminal's own width (60 columns), unless COLUMNS says otherwise (80)."""
    out = _on_a_pty(['list'], 60, **env)
    widest = max(len(line) for line in out.splitlines())
    assert width - 5 <= widest <= width
    assert out.startswith('Code ')
    piped = _run(['list'], PYTHONIOENCODING='utf-8').stdout.decode('utf-8')
    assert max(len(line) for line in piped.splitlines()) == 120  # a pipe: one line a cell


# -- wsclose sets and wsclose CODE fit the terminal too (issue 18) -----------------

#: A line that may be wider than the terminal: one word that cannot break (a
#: URL, a constant), alone after its label or its indent.
_ONE_WORD = re.compile(r'^ *([A-Z][\w ]*: +)?\S+$')


def _fits(out: str, width: int) -> None:
    for line in out.splitlines():
        assert len(line) <= width or _ONE_WORD.match(line), (width, line)


def _body(table: str) -> list[str]:
    """The lines of a text table after its rule."""
    lines = table.splitlines()
    rule = next(n for n, line in enumerate(lines) if line.startswith('---'))
    return lines[rule + 1:]


@pytest.mark.parametrize('width', [40, 60, 100])
def test_sets_on_a_terminal_fits_its_width(width: int) -> None:
    out = _on_a_pty(['sets'], width)
    _fits(out, width)
    assert out.startswith('Set ')
    piped = _run(['sets'], PYTHONIOENCODING='utf-8').stdout.decode('utf-8')
    if width >= 60:
        # The set's name, which --set takes, is broken last: here, never.
        names = [line.split()[0] for line in _body(out) if not line.startswith(' ')]
        assert names == [line.split()[0] for line in _body(piped)]
    # Each cell's text is all there, only wrapped.
    fitted, whole = ''.join(''.join(_body(out)).split()), ''.join(''.join(_body(piped)).split())
    assert fitted != whole  # a different layout...
    assert sorted(fitted) == sorted(whole)  # ...of the same characters


def test_sets_on_a_wide_terminal_and_in_a_pipe_keeps_one_line_a_set() -> None:
    piped = _run(['sets'], PYTHONIOENCODING='utf-8', COLUMNS='60').stdout.decode('utf-8')
    widest = max(len(line) for line in piped.splitlines())
    assert widest > 100  # a pipe: one line a set, whatever COLUMNS says
    assert len(piped.splitlines()) == 2 + 6
    assert _on_a_pty(['sets'], widest) == piped  # a terminal as wide as the table
    assert _on_a_pty(['sets'], 60, COLUMNS=str(widest + 20)) == piped  # COLUMNS wins


@pytest.mark.parametrize('width', [30, 50, 60])
def test_a_code_on_a_narrow_terminal_fits_its_width(width: int) -> None:
    out = _on_a_pty(['1008'], width)
    _fits(out, width)
    piped = _run(['1008'], PYTHONIOENCODING='utf-8').stdout.decode('utf-8')
    assert max(len(line) for line in piped.splitlines()) > width
    assert sorted(''.join(out.split())) == sorted(''.join(piped.split()))
    # Each library's name starts its lines, and its constant follows, wrapped.
    lines = out.split('Library names for 1008:\n')[1].splitlines()
    assert lines[0].startswith('  Python ')
    assert lines[0].split()[-1].startswith('CloseCode.')


def test_a_code_on_a_wide_terminal_wraps_at_100_and_the_pipe_at_79() -> None:
    piped = _run(['1008'], PYTHONIOENCODING='utf-8', COLUMNS='200').stdout.decode('utf-8')
    text, names = piped.split('Library names for 1008:\n')
    assert max(len(line) for line in text.splitlines()) == 79
    # One line a library, however long, so that grep finds it whole.
    assert len(names.splitlines()) == 18
    assert '  Python Autobahn                WebSocketProtocol.CLOSE_STATUS_CODE_POLICY_VIOLATION' \
        in names.splitlines()
    wide = _on_a_pty(['1008'], 200)
    wide_text, wide_names = wide.split('Library names for 1008:\n')
    assert max(len(line) for line in wide_text.splitlines()) <= 100
    assert wide_text.splitlines()[2] == (
        'A message broke the endpoint\u2019s policy; the generic choice when no more specific code '
        'fits or the')
    assert wide_names == names  # they fit a wide terminal as they are
    assert _on_a_pty(['1008'], 200, COLUMNS='79').split('Library names')[0] == text
