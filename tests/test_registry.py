"""The bundled registry, checked row by row against shared/reference/close-codes.md."""

from __future__ import annotations

import dataclasses
import re

import pytest

from sphinxext_wsclose.bundled import ENTRIES, IANA_URL, REGISTRY
from sphinxext_wsclose.registry import (
    AmbiguousNameError,
    Entry,
    Kind,
    Registry,
    custom_entry,
    normalize_name,
    readable_name,
)
from sphinxext_wsclose.values import InvalidCodeError, parse_int

# The reference file's "Registered codes" table, transcribed independently of
# registry.py: code, IANA name (None where IANA gives a sentence), constant,
# blog codename, wire, RFC 6455 sections (empty: IANA registration only).
REGISTERED = [
    (1000, 'Normal Closure', 'NORMAL_CLOSURE', 'CLOSE_NORMAL', True, ('7.4.1',)),
    (1001, 'Going Away', 'GOING_AWAY', 'CLOSE_GOING_AWAY', True, ('7.4.1',)),
    (1002, 'Protocol error', 'PROTOCOL_ERROR', 'CLOSE_PROTOCOL_ERROR', True, ('7.4.1',)),
    (1003, 'Unsupported Data', 'UNSUPPORTED_DATA', 'CLOSE_UNSUPPORTED', True, ('7.4.1',)),
    (1004, 'Reserved', 'RESERVED', None, False, ('7.4.1',)),
    (1005, 'No Status Rcvd', 'NO_STATUS_RCVD', 'CLOSED_NO_STATUS', False, ('7.4.1', '7.1.5')),
    (1006, 'Abnormal Closure', 'ABNORMAL_CLOSURE', 'CLOSE_ABNORMAL', False, ('7.4.1', '7.1.5')),
    (1007, 'Invalid frame payload data', 'INVALID_FRAME_PAYLOAD_DATA', 'Unsupported payload', True,
     ('7.4.1',)),
    (1008, 'Policy Violation', 'POLICY_VIOLATION', 'Policy violation', True, ('7.4.1',)),
    (1009, 'Message Too Big', 'MESSAGE_TOO_BIG', 'CLOSE_TOO_LARGE', True, ('7.4.1',)),
    (1010, 'Mandatory Ext.', 'MANDATORY_EXTENSION', 'Mandatory extension', True, ('7.4.1',)),
    (1011, 'Internal Error', 'INTERNAL_ERROR', 'Server error', True, ('7.4.1',)),
    (1012, 'Service Restart', 'SERVICE_RESTART', 'Service restart', True, ()),
    (1013, 'Try Again Later', 'TRY_AGAIN_LATER', 'Try again later', True, ()),
    (1014, None, 'BAD_GATEWAY', 'Bad gateway', True, ()),
    (1015, 'TLS handshake', 'TLS_HANDSHAKE', 'TLS handshake fail', False, ('7.4.1',)),
    (3000, 'Unauthorized', 'UNAUTHORIZED', None, True, ()),
    (3003, 'Forbidden', 'FORBIDDEN', None, True, ()),
    (3008, 'Timeout', 'TIMEOUT', None, True, ()),
]

# Ranges ([RFC] 7.4.2, 11.7; [IANA]) and IANA's unassigned gaps.
RANGES = [(0, 999), (1000, 2999), (3000, 3999), (4000, 4999), (5000, 65535)]
GAPS = [(1016, 2999), (3001, 3002), (3004, 3007), (3009, 3999)]

# The only codes RFC 6455 forbids in a Close frame, which implementations
# report locally: the corrected "Internal" notion (blog errors 1 and 4).
INTERNAL = {1005, 1006, 1015}
# Where a project can give codes a meaning of its own without IETF action
# (blog errors 3 and 14): IANA first-come-first-served, or private use.
CUSTOMIZABLE = {(3000, 3999), (4000, 4999), (3001, 3002), (3004, 3007), (3009, 3999)}


def test_every_registered_code_matches_the_reference() -> None:
    codes = [entry for entry in REGISTRY if entry.kind is Kind.CODE]
    assert [entry.first for entry in codes] == [row[0] for row in REGISTERED]
    for entry, (code, iana, constant, seed, wire, sections) in zip(codes, REGISTERED, strict=True):
        assert entry.key == str(code)
        assert entry.iana_name == iana
        assert entry.constant == constant
        assert entry.blog_codename == seed
        assert entry.wire is wire, code
        assert entry.internal is (code in INTERNAL), code
        assert entry.customizable is False, code
        rfc = [ref.label for ref in entry.references if ref.label.startswith('RFC 6455')]
        assert rfc == [f'RFC 6455 \u00a7{section}' for section in sections], code
        for ref in entry.references:
            if ref.label.startswith('RFC 6455'):
                section = ref.label.rpartition('\u00a7')[2]
                assert ref.url == f'https://www.rfc-editor.org/rfc/rfc6455#section-{section}'
            else:
                assert ref.url == IANA_URL
        if not sections:
            assert any(ref.label.startswith('IANA') for ref in entry.references), code
        assert entry.description.endswith('.')
        assert entry.name


def test_registration_dates_and_errata() -> None:
    labels = {entry.key: [ref.label for ref in entry.references] for entry in REGISTRY}
    assert 'IANA registration (2016-10-10)' in labels['1014']
    assert 'IANA registration (2021-09-06)' in labels['3000']
    assert 'IANA registration (2023-02-22)' in labels['3003']
    assert 'IANA registration (2024-02-01)' in labels['3008']
    assert any('Errata 3227' in label for label in labels['1011'])


def test_display_names_the_role_shows() -> None:
    assert REGISTRY['1008'].display == '1008 Policy Violation'
    assert REGISTRY['1014'].display == '1014 Bad Gateway'
    assert REGISTRY['4000-4999'].display == '4000\u20134999 Private use'


def test_ranges_and_gaps() -> None:
    ranges = [(e.first, e.last) for e in REGISTRY if e.kind is Kind.RANGE]
    gaps = [(e.first, e.last) for e in REGISTRY if e.kind is Kind.UNASSIGNED]
    assert ranges == RANGES
    assert gaps == GAPS
    for entry in REGISTRY:
        if entry.is_range:
            assert entry.internal is False  # blog error 4
            assert entry.customizable is ((entry.first, entry.last) in CUSTOMIZABLE), entry.key
    assert REGISTRY['1016-2999'].iana_name == 'Unassigned'
    assert REGISTRY['1000-2999'].procedure.endswith(
        'Standards Action, Specification Required or IESG Review'
    )
    assert REGISTRY['3000-3999'].procedure.endswith('First Come First Served')
    assert REGISTRY['4000-4999'].procedure == 'Private Use'


def test_every_value_in_0_to_65535_has_exactly_one_most_specific_entry() -> None:
    registered = {row[0] for row in REGISTERED}
    for code in range(65536):
        entry = REGISTRY.lookup(code)
        if code in registered:
            assert entry.kind is Kind.CODE
            assert entry.first == code
        else:
            assert entry.is_range
            assert code in entry
            span = entry.last - entry.first
            assert all(e.last - e.first >= span for e in REGISTRY.containing(code))


@pytest.mark.parametrize(
    ('code', 'key'),
    [(0, '0-999'), (999, '0-999'), (1016, '1016-2999'), (2999, '1016-2999'), (3001, '3001-3002'),
     (3500, '3009-3999'), (4000, '4000-4999'), (4999, '4000-4999'), (5000, '5000-65535'),
     (65535, '5000-65535'), ('1008', '1008')],
)
def test_lookup(code: int | str, key: str) -> None:
    assert REGISTRY.lookup(code).key == key


@pytest.mark.parametrize('value', [-1, 65536, 10**20, '1e3', '', 'x', 1.5, None, True, '١٠٠٨'])
def test_lookup_rejects_what_is_not_a_code(value: object) -> None:
    with pytest.raises(InvalidCodeError, match=re.escape(repr(value))):
        REGISTRY.lookup(value)


@pytest.mark.parametrize(
    ('name', 'key'),
    [('POLICY_VIOLATION', '1008'), ('policy violation', '1008'), ('Policy-Violation', '1008'),
     ('CLOSE_NORMAL', '1000'), ('close_normal', '1000'), ('Normal Closure', '1000'),
     ('CLOSED_NO_STATUS', '1005'), ('CLOSE_NO_STATUS', '1005'), ('No Status Rcvd', '1005'),
     ('Mandatory Ext.', '1010'), ('MANDATORY_EXTENSION', '1010'), ('Unsupported payload', '1007'),
     ('Server error', '1011'), ('Internal Server Error', '1011'), ('bad gateway', '1014'),
     ('TIMEOUT', '3008'), ('Forbidden', '3003')],
)
def test_find_by_name(name: str, key: str) -> None:
    entry = REGISTRY.find(name)
    assert entry is not None
    assert entry.key == key


def test_find_unknown_name() -> None:
    assert REGISTRY.find('Teapot') is None
    assert REGISTRY.find('Unassigned') is None  # gaps are not named codes


@pytest.mark.parametrize(
    ('target', 'key', 'text'),
    [('1008', '1008', '1008 Policy Violation'), (' 1008 ', '1008', '1008 Policy Violation'),
     ('4001', '4001', '4001 (private use)'),
     ('4000-4999', '4000-4999', '4000\u20134999 Private use'),
     ('4000\u20134999', '4000-4999', '4000\u20134999 Private use'),
     ('POLICY_VIOLATION', '1008', '1008 Policy Violation'), ('3001', '3001', '3001 (unassigned)')],
)
def test_parse(target: str, key: str, text: str) -> None:
    parsed = REGISTRY.parse(target)
    assert parsed.key == key
    assert parsed.text == text


@pytest.mark.parametrize(
    ('target', 'message'),
    [('abc', "'abc' is neither a close code number nor a known code name"),
     ('4000-4500', "'4000-4500' is neither a close code number nor a known code name"),
     ('70000', "'70000' is outside 0\u201365535"),
     ('-1', "'-1' is outside 0\u201365535")],
)
def test_parse_rejects(target: str, message: str) -> None:
    with pytest.raises(InvalidCodeError) as info:
        REGISTRY.parse(target)
    assert str(info.value).startswith(message)


def test_iteration_order_is_by_code_with_ranges_before_their_codes() -> None:
    keys = [entry.key for entry in REGISTRY]
    assert keys[:4] == ['0-999', '1000-2999', '1000', '1001']
    assert keys.index('1015') + 1 == keys.index('1016-2999')
    assert keys[-2:] == ['4000-4999', '5000-65535']
    assert len(REGISTRY) == len(ENTRIES) == 19 + len(RANGES) + len(GAPS)


def test_entries_are_immutable() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        REGISTRY['1008'].name = 'x'  # type: ignore[misc]


def test_a_name_of_two_codes_is_never_guessed() -> None:
    first = Entry(4001, 4001, Kind.CUSTOM, 'A', 'a.', (), constant='SAME')
    second = Entry(4002, 4002, Kind.CUSTOM, 'B', 'b.', (), constant='same')
    registry = Registry([first, second])
    with pytest.raises(AmbiguousNameError) as raised:
        registry.parse('Same')
    assert raised.value.candidates == (first, second)
    assert str(raised.value) == "'Same' names more than one close code: 4001 A, 4002 B"
    assert [folded for folded, _entries in registry.clashes()] == ['same']
    # Each code is still reachable by its number and its own name.
    assert registry.parse('4002').entry is second
    assert registry.parse('b').entry is second


def test_the_bundled_registry_has_no_ambiguous_name() -> None:
    assert list(REGISTRY.clashes()) == []


@pytest.mark.parametrize(
    ('name', 'folded'),
    [
        ('  Policy -- Violation ', 'policyviolation'),
        ('PolicyViolation', 'policyviolation'),
        ('POLICY_VIOLATION', 'policyviolation'),
        ('WSCloseCode . GOING_AWAY', 'wsclosecode.goingaway'),
        ('-_-', ''),
        ('', ''),
    ],
)
def test_normalize_name(name: str, folded: str) -> None:
    assert normalize_name(name) == folded


@pytest.mark.parametrize('name', ['-', '_', '-_-', ' ', '\t'])
def test_names_of_separators_only_match_nothing(name: str) -> None:
    registry = REGISTRY.extended([custom_entry(4040, 'Test code')])
    with pytest.raises(InvalidCodeError, match='neither a close code number nor a known'):
        registry.parse(name)


@pytest.mark.parametrize(
    ('constant', 'name'),
    [('TOKEN_EXPIRED', 'Token expired'), ('TokenExpired', 'Token expired'),
     ('TLSHandshakeFailed', 'TLS handshake failed'), ('room_full', 'Room full'),
     ('X', 'X'), ('caf\u00e9', 'Caf\u00e9'), ('\u00dcberf\u00fcllt', '\u00dcberf\u00fcllt'),
     ('stra\u00dfe', 'Stra\u00dfe'), ('\u00dcBER_VOLL', '\u00dcber voll'),
     ('tokenExpired', 'Token expired')],
)
def test_readable_name(constant: str, name: str) -> None:
    assert readable_name(constant) == name


def test_numbers_of_any_length_are_refused_without_reading_them() -> None:
    with pytest.raises(InvalidCodeError, match='outside 0\u201365535'):
        parse_int('1' * 5000)
    with pytest.raises(InvalidCodeError, match='outside 0\u201365535'):
        parse_int('-' + '9' * 5000)
    assert parse_int('0' * 5000 + '1008') == 1008


def test_normalize_and_parse_int() -> None:
    assert parse_int(' 1008 ') == 1008
    with pytest.raises(InvalidCodeError):
        parse_int(False)


@pytest.mark.parametrize(('key', 'ranges', 'rfc_range'), [
    ('1008', ['1000-2999'], '1000-2999'),
    ('1016-2999', ['1000-2999'], '1000-2999'),
    ('4000-4999', [], None),
    ('3003', ['3000-3999'], '3000-3999'),
])
def test_enclosing_ranges(key: str, ranges: list[str], rfc_range: str | None) -> None:
    entry = REGISTRY.get(key)
    assert entry is not None
    assert [other.key for other in REGISTRY.enclosing_ranges(entry)] == ranges
    found = REGISTRY.enclosing_range(entry, (Kind.RANGE,))
    assert (found.key if found else None) == rfc_range


def test_enclosing_range_of_an_own_code() -> None:
    entry = custom_entry(3500, 'Registrable', '', None)
    assert [other.key for other in REGISTRY.enclosing_ranges(entry)] == ['3009-3999', '3000-3999']
    assert REGISTRY.enclosing_range(entry).key == '3009-3999'
    assert REGISTRY.enclosing_range(entry, (Kind.RANGE,)).key == '3000-3999'
