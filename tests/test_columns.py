"""The one model of columns and spans that the table, the CLI and the exporters share."""

from __future__ import annotations

import pytest

from sphinxext_wsclose import cli, table
from sphinxext_wsclose.bundled import REGISTRY
from sphinxext_wsclose.columns import (
    COLUMNS,
    EXPORT_COLUMNS,
    FLAG_WORDS,
    LIST_COLUMNS,
    TABLE_COLUMNS,
    SpanError,
    Style,
    covers,
    spans_in,
)


def test_the_table_and_the_cli_use_the_same_columns() -> None:
    assert table.COLUMNS is COLUMNS
    # The command line has every column but the project's own closed-by.
    assert cli.EXPORT_COLUMNS is EXPORT_COLUMNS
    assert set(EXPORT_COLUMNS) == set(COLUMNS) - {'closed-by'}
    assert set(TABLE_COLUMNS) <= set(COLUMNS)
    assert set(LIST_COLUMNS) <= set(COLUMNS)


def test_plain_text_of_the_cells() -> None:
    entry = REGISTRY.get('1008')
    assert entry is not None
    texts = {name: column.text(entry) for name, column in COLUMNS.items()}
    assert texts['code'] == '1008'
    assert texts['name'] == 'Policy Violation'
    assert texts['reference'] == ', '.join(ref.label for ref in entry.references)
    assert texts['wire'] == 'yes'
    assert texts['browser'] == 'no'
    ranged = REGISTRY.get('4000-4999')
    assert ranged is not None
    assert COLUMNS['wire'].text(ranged) in FLAG_WORDS.values()
    assert COLUMNS['libraries'].text(ranged) == ''
    assert {column.style for column in COLUMNS.values()} == set(Style)


@pytest.mark.parametrize(('text', 'spans'), [
    ('1000-1015, 4000-4999', ((1000, 1015), (4000, 4999))),
    ('1008', ((1008, 1008),)),
    ('1000 \u2013 1003,', ((1000, 1003),)),
    ('browser', ((1000, 1000), (3000, 4999))),
])
def test_spans(text: str, spans: tuple[tuple[int, int], ...]) -> None:
    assert spans_in(text) == spans


def test_names_stand_for_their_codes_only_when_asked() -> None:
    assert spans_in('policy violation', names=REGISTRY) == ((1008, 1008),)
    with pytest.raises(SpanError) as caught:
        spans_in('policy violation')
    assert (caught.value.item, caught.value.reason) == ('policy violation', 'invalid')


@pytest.mark.parametrize(('text', 'item', 'reason'), [
    ('abc', 'abc', 'invalid'),
    ('\u00b2', '\u00b2', 'invalid'),
    ('1000-70000', '1000-70000', 'out-of-range'),
    ('1' * 5000, '1' * 5000, 'out-of-range'),
    ('1015-1000', '1015-1000', 'backwards'),
    (' , ', '', 'empty'),
])
def test_bad_spans(text: str, item: str, reason: str) -> None:
    with pytest.raises(SpanError) as caught:
        spans_in(text)
    assert (caught.value.item, caught.value.reason) == (item, reason)


def test_covers() -> None:
    assert covers((), 1, 65535)
    assert covers(((4000, 4999),), 4001)
    assert covers(((4000, 4999),), 4000, 4999)
    assert not covers(((4000, 4999),), 3999, 4000)
