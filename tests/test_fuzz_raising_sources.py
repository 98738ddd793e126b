"""Property tests of ``wsclose_codes = 'module:Object'`` through real builds (issue 17).

Modules, mappings and IntEnums are generated to raise at one step of their
reading (at import, in a module ``__getattr__``, a property, a mapping's
``__getitem__``, ``__iter__`` or ``__len__``, the ``repr()`` of a key or a
value, an enum metaclass's ``__members__``, halfway through iteration), with
an exception of any type (a :exc:`BaseException` that is not
:exc:`KeyboardInterrupt` too).  The rule: the build ends, and an object that
raises gives exactly one located ``[wsclose.config]`` warning that names it
and the exception, and no code.  A mapping that does not raise, with keys and
values of any type and size (huge ints, nested dicts, None, floats, bytes,
lone surrogates, control characters), gives one warning for each bad item
and keeps its good ones.  rST and MyST.  Slow: one Sphinx build an example.
"""

from __future__ import annotations

import builtins
import itertools
import pickle
import re
import shutil
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from helpers import FUZZ, MYST_CONF, judge_items
from hypothesis import given, settings
from hypothesis import strategies as st
from sphinx.pycode import ModuleAnalyzer
from sphinx.testing.util import SphinxTestApp

from sphinxext_wsclose.config import settings as settings_of
from sphinxext_wsclose.registry import Kind
from sphinxext_wsclose.values import fold_controls

if TYPE_CHECKING:
    from io import StringIO

pytestmark = pytest.mark.slow

#: The line of the generated conf.py that sets wsclose_codes.
LINE = 5
_ESCAPES = re.compile(r'\x1b\[[0-9;]*m')
#: Each example's module has a name of its own: Python keeps the modules it imported.
_NAMES = (f'fuzzcodes{n}' for n in itertools.count())

#: Exceptions of the project's code.  (AttributeError is left out: from a module's
#: ``__getattr__`` or a property it means "no such object", which has a warning of its own.)
ERRORS = st.sampled_from(['RuntimeError', 'ValueError', 'KeyError', 'TypeError', 'LookupError',
                          'ZeroDivisionError', 'RecursionError', 'UnicodeError', 'Odd', 'Stop',
                          'SystemExit', 'GeneratorExit'])
#: The exceptions of the project's own, defined in every generated module.
_OWN_ERRORS = 'class Odd(Exception):\n    pass\n\n\nclass Stop(BaseException):\n    pass\n\n\n'
MESSAGES = st.text(st.characters(codec='utf-8') | st.sampled_from(['\ud800', '\x00', '\n', '\x1b']),
                   max_size=8)
#: The steps at which the object raises.
STEPS = ['import', 'getattr', 'property', 'getitem', 'iter', 'len', 'repr-key', 'repr-value',
         'members']



class _Huge(int):
    """A power of two of more than 4,300 digits, which Hypothesis can print (repr of an int
    that long raises); the module gets it as a plain int."""

    def __repr__(self) -> str:
        return f'2**{self.bit_length() - 1}'

    def __reduce__(self) -> tuple[object, tuple[int, int]]:
        return pow, (2, self.bit_length() - 1)


#: Keys and values of any type and size.
LEAVES = st.one_of(
    st.integers(), st.integers(3990, 4010), st.integers(15_000, 16_000).map(lambda n: _Huge(2**n)),
    st.none(), st.floats(),
    st.binary(max_size=4), st.text(max_size=6), st.sampled_from(['\ud800', 'a\x00b', 'Good']))
KEYS = st.one_of(st.integers(3990, 4999), st.integers(3990, 4999).map(str), LEAVES)
VALUES = st.one_of(LEAVES, st.dictionaries(
    st.sampled_from(['name', 'description', 'constant', 'reconnect', 'since', 'colour', 1]),
    st.one_of(LEAVES, st.dictionaries(st.text(max_size=3), LEAVES, max_size=2)), max_size=3))
ITEMS = st.lists(st.tuples(KEYS, VALUES), max_size=5, unique_by=lambda item: repr(item[0]))


def _mapping(items: dict[object, object], raises: str | None, when: int) -> str:
    """The source of ``CODES``, a mapping of *items*, whose *raises* step raises at item *when*."""
    data = pickle.dumps(items)
    return f'''\
from collections.abc import Mapping
import pickle


class Key:
    def __repr__(self):
        {'raise ERROR' if raises == 'repr-key' else 'return "Key()"'}


class Codes(Mapping):
    def __init__(self, data):
        self._data = data

    def __iter__(self):
        for n, key in enumerate(self._data):
            {'if n == WHEN: raise ERROR' if raises == 'iter' else 'pass'}
            yield key
        {'yield Key()' if raises == 'repr-key' else ''}

    def __len__(self):
        {'raise ERROR' if raises == 'len' else 'return len(self._data)'}

    def __getitem__(self, key):
        {'if list(self._data).index(key) == WHEN: raise ERROR' if raises == 'getitem' else ''}
        {'if isinstance(key, Key): return Value()' if raises == 'repr-key' else ''}
        return {'Value()' if raises == 'repr-value' else 'self._data[key]'}


class Value:
    def __repr__(self):
        raise ERROR


CODES = Codes(pickle.loads({data!r}))
'''.replace('WHEN', str(when))


def _module(step: str, items: dict[object, object], when: int) -> tuple[str, str]:
    """The object's name in the module, and the module's source after its own exceptions."""
    if step == 'import':
        return 'CODES', 'raise ERROR\n'
    if step == 'getattr':
        return 'CODES', 'def __getattr__(name):\n    raise ERROR\n'
    if step == 'property':
        return 'holder.codes', ('class Holder:\n    @property\n    def codes(self):\n'
                                '        raise ERROR\n\n\nholder = Holder()\n')
    if step == 'members':
        return 'Codes', ('from enum import EnumMeta, IntEnum\n\n\nclass Meta(EnumMeta):\n'
                         '    @property\n    def __members__(cls):\n        raise ERROR\n\n\n'
                         'class Codes(IntEnum, metaclass=Meta):\n    GOOD = 4001\n')
    return 'CODES', _mapping(items, step, when)


def _build(name: str, spec: str, source: str, syntax: str) -> tuple[SphinxTestApp, list[str]]:
    srcdir = Path(tempfile.mkdtemp(prefix='wsclose-fuzz-raise-'))
    conf = ('import os, sys\nsys.path.insert(0, os.path.dirname(__file__))\n'
            "extensions = ['sphinxext_wsclose']\n"
            f'show_warning_types = True\nwsclose_codes = {spec!r}\n')
    if syntax == 'myst':
        conf += MYST_CONF
    (srcdir / 'conf.py').write_text(conf, encoding='utf-8')
    page = ('Codes\n=====\n\n.. wsclose-table::\n   :codes: 4000-4999\n' if syntax == 'rst' else
            '# Codes\n\n```{wsclose-table}\n:codes: 4000-4999\n```\n')
    (srcdir / f'index.{"rst" if syntax == "rst" else "md"}').write_text(page, encoding='utf-8')
    (srcdir / f'{name}.py').write_text(source, encoding='utf-8')
    app = SphinxTestApp('html', srcdir=srcdir, freshenv=True)
    try:
        app.build()
    finally:
        app.cleanup()
    warning: StringIO = app.warning  # type: ignore[assignment]
    return app, [line for line in _ESCAPES.sub('', warning.getvalue()).splitlines()
                 if '[wsclose.' in line]


def _clean(app: SphinxTestApp, name: str) -> None:
    shutil.rmtree(app.srcdir, ignore_errors=True)
    shutil.rmtree(app.outdir.parent, ignore_errors=True)
    sys.path[:] = [entry for entry in sys.path if 'wsclose-fuzz-raise-' not in entry]
    sys.modules.pop(name, None)
    ModuleAnalyzer.cache.clear()


def _error_text(error: str, message: str) -> str:
    """How the warning names the exception: ``Type: message``, folded to one line."""
    kind = {'Odd': Exception, 'Stop': BaseException}.get(error) or getattr(builtins, error)
    text = fold_controls(str(kind(message)))
    return f'{error}: {text}' if text else error


def _own_codes(app: SphinxTestApp) -> set[int]:
    return {entry.first for entry in settings_of(app.config).registry
            if entry.kind is Kind.CUSTOM}


@settings(FUZZ, max_examples=min(30, settings.default.max_examples))
@given(step=st.sampled_from(STEPS), error=ERRORS, message=MESSAGES,
       items=ITEMS.filter(bool), when=st.integers(0, 4), syntax=st.sampled_from(['rst', 'myst']))
def test_an_object_that_raises_gives_one_warning_and_no_code(
    step: str, error: str, message: str, items: list[tuple[object, object]], when: int,
    syntax: str,
) -> None:
    data = dict(items)  # 4001 and 4001.0 are one key
    when %= len(data)
    name = next(_NAMES)
    qualname, body = _module(step, data, when)
    source = _OWN_ERRORS + body.replace('ERROR', f'{error}({message!r})')
    spec = f'{name}:{qualname}'
    app, warned = _build(name, spec, source, syntax)
    try:
        if step == 'len':
            # Nothing reads a mapping's length: it does not raise, and is read as any mapping.
            assert len(warned) <= len(data) + 1
            return
        where = f'{app.srcdir}/conf.py:{LINE}: WARNING: wsclose_codes: '
        if step == 'import':
            said = f'{where}cannot import {name}: {_error_text(error, message)}'
        else:
            said = (f'{where}reading {spec!r} raised {_error_text(error, message)}; no code is '
                    'taken from it')
        assert warned == [f'{said} [wsclose.config]']
        assert _own_codes(app) == set()
    finally:
        _clean(app, name)


@settings(FUZZ, max_examples=min(30, settings.default.max_examples))
@given(items=ITEMS, syntax=st.sampled_from(['rst', 'myst']), step=st.sampled_from([None, 'len']))
def test_a_mapping_that_does_not_raise_warns_once_for_each_bad_item(
    items: list[tuple[object, object]], syntax: str, step: str | None,
) -> None:
    data = dict(items)  # 4001 and 4001.0 are one key
    name = next(_NAMES)
    source = _OWN_ERRORS + _mapping(data, step, 0).replace('ERROR', "Odd('never read')")
    app, warned = _build(name, f'{name}:CODES', source, syntax)
    try:
        own = _own_codes(app)
        kept, judged = judge_items(data, settings_of(app.config).registry)
        bad = sum(judged)
        if not data:
            bad = 1  # a mapping that defines no code
        # Every item is placed at the line that defines CODES.
        assert all(f'{name}.py:' in line or f'conf.py:{LINE}:' in line for line in warned), warned
        assert len(warned) == bad, (items, warned)
        assert own == kept
    finally:
        _clean(app, name)
