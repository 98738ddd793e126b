"""Code and data files of the user's project that misbehave: one located warning, never a traceback.

``wsclose_codes`` may name an object in the project's code or a data file
(issue 17).  Whatever that object does when it is imported, read, iterated
or printed, and however a data file is shaped, the build goes on: an object
that raises gives one ``[wsclose.config]`` warning at the line of ``conf.py``
that names it, and no code comes from it; a file that parses keeps its good
items, and each bad one gets its warning.
"""

from __future__ import annotations

import gc
import json
import os
import sys
from typing import TYPE_CHECKING

import pytest
from helpers import MYST_CONF
from helpers import warnings as all_warnings

from sphinxext_wsclose.config import settings
from sphinxext_wsclose.registry import Kind
from sphinxext_wsclose.sources import DATA_READERS, load

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp

CONF = """\
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

extensions = ['sphinxext_wsclose']
show_warning_types = True
wsclose_codes = {spec}
"""
#: The line of CONF that sets wsclose_codes.
LINE = 8
INDEX = 'Codes\n=====\n\n.. wsclose-table::\n   :codes: 4000-4999\n'
INDEX_MYST = '# Codes\n\n```{wsclose-table}\n:codes: 4000-4999\n```\n'

# Each build imports its project's modules anew, as a new sphinx-build would.
pytestmark = pytest.mark.usefixtures('fresh_imports')




def _build(make_app: Callable[..., SphinxTestApp], src: Path, spec: str,
           files: dict[str, str], syntax: str = 'rst') -> SphinxTestApp:
    src.mkdir(parents=True, exist_ok=True)
    conf = CONF.format(spec=spec) + (MYST_CONF if syntax == 'myst' else '')
    (src / 'conf.py').write_text(conf, encoding='utf-8')
    if syntax == 'myst':
        (src / 'index.md').write_text(INDEX_MYST, encoding='utf-8')
    else:
        (src / 'index.rst').write_text(INDEX, encoding='utf-8')
    for name, text in files.items():
        (src / name).write_text(text, encoding='utf-8')
    app = make_app('xml', srcdir=src, freshenv=True)
    app.build()  # no exception, whatever the project's code does
    return app


def warnings(app: SphinxTestApp) -> list[str]:
    """The build's warnings, with the project's paths relative to it."""
    return [line.replace(f'{app.srcdir}/', '') for line in all_warnings(app)]


def _codes(app: SphinxTestApp) -> list[str]:
    """The project's own codes that the build registered."""
    return [entry.key for entry in settings(app.config).registry if entry.kind is Kind.CUSTOM]


def _raised(spec: str, error: str) -> str:
    return (f'conf.py:{LINE}: WARNING: wsclose_codes: reading {spec!r} raised {error}; no code is '
            'taken from it [wsclose.config]')


# -- objects that raise (issue 17, item 1) ---------------------------------------

RAISING: dict[str, tuple[str, str]] = {
    # A module __getattr__ that raises something else than AttributeError.
    'getattr': ('hostile_getattr:Codes', """\
def __getattr__(name):
    raise RuntimeError('boom')
"""),
    # A property on the way to the object.
    'property': ('hostile_property:holder.codes', """\
class Holder:
    @property
    def codes(self):
        raise RuntimeError('boom')


holder = Holder()
"""),
    # A mapping whose __getitem__ raises, for its second key.
    'getitem': ('hostile_getitem:CODES', """\
from collections.abc import Mapping


class Codes(Mapping):
    def __iter__(self):
        return iter([4001, 4002])

    def __len__(self):
        return 2

    def __getitem__(self, key):
        if key == 4002:
            raise RuntimeError('boom')
        return 'Good'


CODES = Codes()
"""),
    # A mapping whose iteration raises halfway.
    'iter': ('hostile_iter:CODES', """\
from collections.abc import Mapping


class Codes(Mapping):
    def __iter__(self):
        yield 4001
        raise RuntimeError('boom')

    def __len__(self):
        return 2

    def __getitem__(self, key):
        return 'Good'


CODES = Codes()
"""),
    # A key whose repr() raises.
    'repr-key': ('hostile_repr_key:CODES', """\
class Key:
    def __repr__(self):
        raise RuntimeError('boom')


CODES = {4001: 'Good', Key(): 'Bad'}
"""),
    # A value whose repr() raises.
    'repr-value': ('hostile_repr_value:CODES', """\
class Value:
    def __repr__(self):
        raise RuntimeError('boom')


CODES = {4001: 'Good', 4002: Value()}
"""),
    # An enum whose metaclass's __members__ raises.
    'members': ('hostile_members:Codes', """\
from enum import EnumMeta, IntEnum


class Meta(EnumMeta):
    @property
    def __members__(cls):
        raise RuntimeError('boom')


class Codes(IntEnum, metaclass=Meta):
    GOOD = 4001
"""),
    # An exception whose str() raises too.
    'str-raises': ('hostile_str:Codes', """\
class Odd(Exception):
    def __str__(self):
        raise RuntimeError('worse')


def __getattr__(name):
    raise Odd()
"""),
}


@pytest.mark.parametrize('case', list(RAISING))
def test_an_object_that_raises_gives_one_warning_and_no_code(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, case: str
) -> None:
    spec, module = RAISING[case]
    app = _build(make_app, tmp_path / case, repr(spec),
                 {f'{spec.partition(":")[0]}.py': module})
    error = 'Odd' if case == 'str-raises' else 'RuntimeError: boom'
    assert warnings(app) == [_raised(spec, error)]
    assert _codes(app) == []


def test_a_base_exception_at_import_is_a_warning(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path
) -> None:
    module = 'class Stop(BaseException):\n    pass\n\n\nraise Stop(\'halt\')\n'
    app = _build(make_app, tmp_path / 'src', "'hostile_base:Codes'", {'hostile_base.py': module})
    assert warnings(app) == [
        f'conf.py:{LINE}: WARNING: wsclose_codes: cannot import hostile_base: Stop: halt '
        '[wsclose.config]',
    ]


def test_keyboard_interrupt_is_not_caught(tmp_path: Path) -> None:
    (tmp_path / 'hostile_ki.py').write_text('def __getattr__(name):\n    raise KeyboardInterrupt\n')
    sys.path.insert(0, str(tmp_path))
    with pytest.raises(KeyboardInterrupt):
        load('hostile_ki:Codes', tmp_path, 'conf.py:8')


# -- numbers too long to print (items 2 and 12) -------------------------------------

HUGE = 'a number of about 5001 digits'
LONG_TEXT = "'400000000000000000000000000...0000000000000000000000000000'"

LONG_VALUES: dict[str, tuple[str, dict[str, str], str]] = {
    'value': ('{4001: 10**5000, 4002: "Good"}', {},
              f'conf.py:{LINE}: WARNING: wsclose_codes[4001]: expected a name or a dict, '
              f'not {HUGE} [wsclose.config]'),
    'field': ("{4001: {'name': 10**5000}, 4002: 'Good'}", {},
              f"conf.py:{LINE}: WARNING: wsclose_codes[4001]: 'name' must be a string, "
              f'not {HUGE} [wsclose.config]'),
    'enum': ("'hostile_enum:Codes'",
             {'hostile_enum.py': 'import enum\n\n\nclass Codes(enum.Enum):\n'
                                 '    HUGE = 10**5000\n    ALSO = 10**5000\n    GOOD = 4002\n'},
             'hostile_enum.py:6: WARNING: wsclose_codes: Codes.ALSO has the value '
             f'{HUGE} of Codes.HUGE; it is one more name of that code [wsclose.config]\n'
             f'hostile_enum.py:5: WARNING: wsclose_codes: {HUGE} is outside 0\u201365535, the '
             'values a Close frame\u2019s 16-bit status code can hold; the key must be a code '
             'number [wsclose.config]'),
    'json-value': ("'codes.json'",
                   {'codes.json': '{\n  "4001": ' + '1' * 5000 + ',\n  "4002": "Good"\n}\n'},
                   'codes.json:2: WARNING: wsclose_codes[4001]: expected a name or a dict, '
                   'not a number of about 5000 digits [wsclose.config]'),
    'json-key': ("'codes.json'",
                 {'codes.json': '{\n  "4' + '0' * 4999 + '": "Bad",\n  "4002": "Good"\n}\n'},
                 f'codes.json:2: WARNING: wsclose_codes: {LONG_TEXT} is outside 0\u201365535, '
                 'the values a Close frame\u2019s 16-bit status code can hold; the key must be '
                 'a code number [wsclose.config]'),
}


@pytest.mark.parametrize('case', list(LONG_VALUES))
def test_a_long_number_is_cut_in_its_warning_and_the_good_code_kept(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, case: str
) -> None:
    spec, files, warning = LONG_VALUES[case]
    app = _build(make_app, tmp_path / case, spec, files)
    assert warnings(app) == warning.split('\n')
    assert _codes(app) == ['4002']


# -- data files that do not parse (item 3) --------------------------------------------


def _error_of(parse: Callable[[str], object], text: str) -> str:
    try:
        parse(text)
    except RecursionError as exc:
        return f'RecursionError: {exc}'
    raise AssertionError(text[:20])


DEEP: dict[str, tuple[str, str, Callable[[str], object]]] = {
    'json': ('codes.json', '{"4001": ' + '[' * 100_000 + ']' * 100_000 + '}', json.loads),
    'toml-array': ('codes.toml', '4001 = ' + '[' * 100_000 + ']' * 100_000 + '\n',
                   tomllib.loads),
    'toml-table': ('codes.toml', '4001 = ' + '{a = ' * 100_000 + '1' + '}' * 100_000 + '\n',
                   tomllib.loads),
}


@pytest.mark.parametrize('case', list(DEEP))
def test_a_deeply_nested_data_file_gives_one_warning(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, case: str
) -> None:
    name, text, parse = DEEP[case]
    app = _build(make_app, tmp_path / case, repr(name), {name: text})
    assert warnings(app) == [_raised(name, _error_of(parse, text))]


def test_a_nul_in_the_path_gives_one_warning(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path
) -> None:
    app = _build(make_app, tmp_path / 'src', repr('co\x00des.json'), {})
    # Python's own words, which differ between versions ("embedded null byte",
    # "stat: embedded null character in path").
    with pytest.raises(ValueError, match='null') as error:
        (tmp_path / 'src' / 'co\x00des.json').stat()
    assert warnings(app) == [_raised('co\x00des.json', f'ValueError: {error.value}')]


# -- the places of keys, and files that are not files (item 5) ---------------------------


def test_a_data_file_of_20000_keys_loads_in_linear_time(tmp_path: Path) -> None:
    """Each key's line was found by a scan of the whole file: 20,000 keys took minutes."""
    path = tmp_path / 'codes.json'
    lines = [f'  "{4000 + n % 1000}{n}": "Code {n}"' for n in range(20_000)]
    path.write_text('{\n' + ',\n'.join(lines) + '\n}\n', encoding='utf-8')
    # How long it takes is the benchmark's to say, not a test's: the machines
    # are shared.  The old scan took minutes here; this checks the places.
    loaded = load('codes.json', tmp_path, 'conf.py:8')
    assert len(loaded.items) == 20_000
    assert [item.location for item in loaded.items[:2]] == [f'{path}:2', f'{path}:3']
    assert loaded.items[-1].location == f'{path}:20001'


@pytest.mark.skipif(not hasattr(os, 'mkfifo'), reason='no FIFOs here')
def test_a_fifo_is_refused_not_read(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path
) -> None:
    """A FIFO named codes.json blocked the build forever."""
    src = tmp_path / 'src'
    src.mkdir()
    os.mkfifo(src / 'codes.json')
    app = _build(make_app, src, "'codes.json'", {})
    assert warnings(app) == [
        f'conf.py:{LINE}: WARNING: wsclose_codes: codes.json is not a regular file '
        '[wsclose.config]',
    ]


# -- one warning for each bad item ----------------------------------------------------

#: Items that are bad in two ways, each gave two warnings: each gets one now, for the
#: problem that matters most (one that leaves the item out, then a code in the IETF's
#: range, then a value changed or left out).  Found by test_fuzz_sources.py.
TWICE_BAD: dict[str, tuple[dict[str, object], list[str]]] = {
    'outside-and-control': ({'0': 'A\x1f', '4002': 'Good'}, [
        'codes.json:2: ERROR: close code 0 is outside 1000\u20134999, where no WebSocket '
        'range defines codes; it is not registered [wsclose.custom-range]']),
    'registered-and-control': ({'1000': 'A\nB', '4002': 'Good'}, [
        'codes.json:2: WARNING: close code 1000 is already registered as Normal Closure; its '
        'standard meaning is kept. Codes of your own belong in 4000\u20134999 (private use) '
        'or 3000\u20133999 (registered with IANA) [wsclose.custom-range]']),
    'ietf-and-control': ({'1500': 'A\nB', '4002': 'Good'}, [
        'codes.json:2: WARNING: close code 1500 is in 1000\u20132999, which only the IETF '
        'assigns (Standards Action, Specification Required or IESG Review); codes of your own '
        'belong in 4000\u20134999 (private use) or 3000\u20133999 (registered with IANA) '
        '[wsclose.custom-range]']),
    'two-bad-facts': ({'4001': {'name': 'A', 'since': 2, 'reconnect': 5}, '4002': 'Good'}, [
        "codes.json:2: WARNING: wsclose_codes[4001]: 'reconnect' must be a string, not 5; "
        'left out [wsclose.config]']),
    'bad-fact-and-no-name': ({'4001': {'name': '', 'reconnect': 5}, '4002': 'Good'}, [
        'codes.json:2: WARNING: wsclose_codes[4001]: the name is missing or empty '
        '[wsclose.config]']),
    'given-twice-and-control': ({'4002': 'Good', '04002': 'B\nC'}, [
        'codes.json:3: WARNING: wsclose_codes: close code 4002 is given twice, here and in '
        'codes.json:2; the first is kept [wsclose.config]']),
    'ambiguous-and-control': ({'4002': 'Good', '4003': 'good\x7f'}, [
        "codes.json:3: WARNING: wsclose_codes[4003]: the name 'good\\x7f' has a line break, "
        "a control character or a lone surrogate; it is shown as 'good' [wsclose.config]"]),
}


@pytest.mark.parametrize('case', list(TWICE_BAD))
def test_an_item_bad_in_two_ways_gets_one_warning(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, case: str, syntax: str
) -> None:
    data, expected = TWICE_BAD[case]
    app = _build(make_app, tmp_path / case, "'codes.json'",
                 {'codes.json': json.dumps(data, indent=1)}, syntax)
    assert warnings(app) == expected
    assert '4002' in _codes(app)


def test_the_collector_is_paused_only_while_a_data_file_is_read(tmp_path: Path) -> None:
    """Reading pauses Python's cyclic collector (docs/performance.rst), and gives it back,
    even when the file raises."""
    (tmp_path / 'codes.json').write_text('{"4001": "Good"}', encoding='utf-8')
    (tmp_path / 'deep.json').write_text('[' * 100_000 + ']' * 100_000, encoding='utf-8')
    seen: list[bool] = []
    reader = DATA_READERS['.json']
    try:
        DATA_READERS['.json'] = lambda path, text: (seen.append(gc.isenabled()),
                                                    reader(path, text))[1]
        assert [item.key for item in load('codes.json', tmp_path, 'conf.py:8').items] == ['4001']
        assert gc.isenabled()
        assert load('deep.json', tmp_path, 'conf.py:8').items == []
        assert gc.isenabled()
        gc.disable()
        load('codes.json', tmp_path, 'conf.py:8')
        assert not gc.isenabled()  # left as it was
    finally:
        gc.enable()
        DATA_READERS['.json'] = reader
    assert seen == [False, False, False]
