"""``Record``, the named tuple of the records every build defines at start-up.

It stands in for ``typing.NamedTuple``, so it must behave like one wherever
the package relies on it: made by position or by keyword, with defaults;
read by name; equal to a tuple of its values; immutable; ``_replace``;
a ``repr`` that names the fields; and a pickle round trip, which the saved
environment and ``-j`` workers need.
"""

from __future__ import annotations

import copy
import dataclasses
import pickle
import re
from typing import Any

import pytest

from sphinxext_wsclose.bundled import REGISTRY
from sphinxext_wsclose.records import Closer, Location, Rank, Reading
from sphinxext_wsclose.registry import Entry
from sphinxext_wsclose.values import Record


class _Pair(Record):
    __slots__ = ()
    left: str
    right: int = 7

    @property
    def both(self) -> str:
        return f'{self.left}{self.right}'


def test_fields_in_order_with_defaults() -> None:
    assert _Pair._fields == ('left', 'right')
    assert _Pair('a') == ('a', 7)
    assert _Pair('a', 2) == _Pair(left='a', right=2) == _Pair('a', right=2) == ('a', 2)
    assert (_Pair('a').left, _Pair('a').right, _Pair('a', 1).both) == ('a', 7, 'a1')
    left, right = _Pair('x', 3)
    assert (left, right) == ('x', 3)


@pytest.mark.parametrize(('args', 'kwargs', 'message'), [
    ((), {}, "_Pair() missing argument 'left'"),
    (('a', 1, 2), {}, '_Pair() takes 2 arguments, 3 given'),
    (('a',), {'left': 'b'}, "_Pair() got unexpected or repeated arguments ['left']"),
    (('a',), {'other': 1}, "_Pair() got unexpected or repeated arguments ['other']"),
])
def test_wrong_arguments_raise_type_error(args: tuple[Any, ...], kwargs: dict[str, Any],
                                          message: str) -> None:
    with pytest.raises(TypeError) as raised:
        _Pair(*args, **kwargs)
    assert str(raised.value) == message


def test_immutable_replace_and_repr() -> None:
    pair = _Pair('a', 1)
    with pytest.raises(AttributeError):
        pair.left = 'b'  # type: ignore[misc]
    with pytest.raises(AttributeError):
        pair.extra = 1  # type: ignore[attr-defined]
    assert pair._replace(right=5) == _Pair('a', 5)
    assert type(pair._replace(right=5)) is _Pair
    assert pair == _Pair('a', 1)
    with pytest.raises(TypeError):
        pair._replace(middle=1)
    assert repr(pair) == "_Pair(left='a', right=1)"
    assert pair._asdict() == {'left': 'a', 'right': 1}
    assert hash(pair) == hash(('a', 1))


@pytest.mark.parametrize('record', [
    Location(Rank.ROW, 'index', 12, 'wsclose-1008', only=('html',)),
    Reading('4001', '4000-4999', 4001),
    Reading(key='1008', entry='1008'),
    Closer('api', 3, 'chat.Room.join', 'Room.join()', 'chat.Room.join()', '1008'),
])
def test_records_pickle_as_themselves(record: Record) -> None:
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        again = pickle.loads(pickle.dumps(record, protocol=protocol))
        assert again == record
        assert type(again) is type(record)
        assert again._fields == record._fields


def test_the_domain_records_keep_their_fields() -> None:
    assert Location._fields == ('rank', 'docname', 'lineno', 'node_id', 'only')
    assert Location(Rank.ROW, 'index', 1, 'x').only == ()
    assert Reading('1008', '1008').code is None
    assert Closer('a', 1, 'b', 'c', 'd', 'e').only == ()
    # Sorted, the preferred target comes first, as the tuple order says.
    row = Location(Rank.ROW, 'a', 1, 'x')
    definition = Location(Rank.DEFINITION, 'z', 9, 'y')
    assert sorted([row, definition]) == [definition, row]


def test_an_entry_is_checked_frozen_and_pickles_with_its_cached_values() -> None:
    entry = REGISTRY['1008']
    assert entry.key == '1008'  # a cached property, kept in the entry's __dict__
    with pytest.raises(ValueError, match=re.escape("bad bounds 70000-70000 for 'Policy V")):
        entry._replace(first=70000, last=70000)
    with pytest.raises(ValueError, match=re.escape("entry 'Policy Violation' spans 1008-1009")):
        entry._replace(last=1009)
    with pytest.raises(dataclasses.FrozenInstanceError):
        entry.name = 'x'  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        entry.extra = 'x'
    with pytest.raises(dataclasses.FrozenInstanceError):
        del entry.name
    for again in (pickle.loads(pickle.dumps(entry)), copy.copy(entry), copy.deepcopy(entry)):
        assert again == entry
        assert hash(again) == hash(entry)
        assert type(again) is Entry
        assert (again.key, again.display) == ('1008', entry.display)
    renamed = entry._replace(name='Renamed')
    assert (renamed.name, renamed.display, renamed.first) == ('Renamed', '1008 Renamed', 1008)
    assert entry.name != 'Renamed'
