"""``wsclose registry-diff``: IANA's websocket.xml against the bundled registry.

The files in tests/data/iana/ are written in the shape of IANA's export:
one matches the bundled registry, one differs from it in every way the
command reports, one is cut short, and one is a "billion laughs" bomb.
docs/maintainers.rst includes websocket-changed.out.txt, which
:func:`test_a_changed_file_prints_every_difference` holds to the command's
output, so the page shows what the command prints today.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from defusedxml import ElementTree as defused
from defusedxml import EntitiesForbidden

from sphinxext_wsclose.bundled import IANA_UPDATED, REGISTRY
from sphinxext_wsclose.cli import main
from sphinxext_wsclose.iana import (
    INSTALL_HINT,
    Change,
    Difference,
    IanaRegistry,
    Record,
    RegistryFileError,
    compare,
    diff_file,
    entry_sources,
    format_report,
    parse_registry,
    read_registry,
)
from sphinxext_wsclose.registry import Kind, Registry

DATA = Path(__file__).parent / 'data' / 'iana'
CURRENT = DATA / 'websocket-current.xml'
CHANGED = DATA / 'websocket-changed.xml'
CHANGED_OUT = DATA / 'websocket-changed.out.txt'

NO_DIFFERENCES = (
    f"No differences: the bundled registry matches IANA's file (updated {IANA_UPDATED}).\n"
)
#: What websocket-changed.xml changes, line by line: the checked-in output
#: file must say the same.
CHANGED_LINES = [
    "8 differences between IANA's file (updated 2026-09-15) and the bundled registry:",
    '',
    "updated     bundled 2026-06-10; IANA 2026-09-15 (IANA's file is newer)",
    "name        1002 bundled 'Protocol error'; IANA 'Protocol Error'",
    'references  1012 bundled IANA registration; IANA draft-example-hybi-service-restart-00',
    'removed     3008 Timeout',
    'added       3009 Unassigned',
    'removed     3009\u20133999 Unassigned',
    'added       3010 Rate Limited (source: IANA registration; record dated 2026-09-15)',
    'added       3011\u20133999 Unassigned',
    '',
    'To catch up, edit ENTRIES and IANA_UPDATED in sphinxext_wsclose/registry.py.',
]
CHANGED_DIFFERENCES = (
    Difference(Change.UPDATED, '', '2026-06-10', '2026-09-15', "IANA's file is newer"),
    Difference(Change.NAME, '1002', 'Protocol error', 'Protocol Error'),
    Difference(Change.REFERENCES, '1012', 'IANA registration',
               'draft-example-hybi-service-restart-00'),
    Difference(Change.REMOVED, '3008', 'Timeout', None),
    Difference(Change.ADDED, '3009-3009', None, 'Unassigned'),
    Difference(Change.REMOVED, '3009-3999', 'Unassigned', None),
    Difference(Change.ADDED, '3010', None, 'Rate Limited',
               'source: IANA registration; record dated 2026-09-15'),
    Difference(Change.ADDED, '3011-3999', None, 'Unassigned'),
)

DOCTYPE_REFUSED = (
    'refused: it declares a document type (<!DOCTYPE>), whose entities could expand '
    "without bound; IANA's registry files have none"
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(['registry-diff', *argv])
    out, err = capsys.readouterr()
    return status, out, err


def xml(body: str, updated: str = '<updated>2026-06-10</updated>') -> bytes:
    """A websocket.xml whose close code registry holds *body*."""
    return (
        "<?xml version='1.0' encoding='UTF-8'?>\n"
        '<registry xmlns="http://www.iana.org/assignments" id="websocket">\n'
        f'  {updated}\n'
        f'  <registry id="close-code-number">\n{body}\n  </registry>\n'
        '</registry>\n'
    ).encode()


def record(value: str, description: str, inner: str = '') -> str:
    return (f'<record><value>{value}</value><description>{description}</description>'
            f'{inner}</record>')


# -- the command ------------------------------------------------------------------------


def test_a_file_like_the_bundled_registry_has_no_differences(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run(capsys, str(CURRENT)) == (0, NO_DIFFERENCES, '')


def test_a_changed_file_prints_every_difference(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, str(CHANGED))
    assert (status, err) == (1, '')
    assert out.splitlines() == CHANGED_LINES
    # The maintainers' page includes this file: it must be today's output.
    assert out == CHANGED_OUT.read_text(encoding='utf-8')


def test_a_malformed_file_is_one_line_and_status_2(
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = DATA / 'malformed.xml'
    assert run(capsys, str(path)) == (
        2, '', f'wsclose: error: {path}: not well-formed XML: unclosed token: line 15, column 6\n'
    )


def test_a_billion_laughs_file_is_refused_before_expanding(
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = DATA / 'billion-laughs.xml'
    assert run(capsys, str(path)) == (2, '', f'wsclose: error: {path}: {DOCTYPE_REFUSED}\n')
    # The file is a real bomb: it declares the entities that would expand.
    with pytest.raises(EntitiesForbidden):
        defused.fromstring(path.read_bytes(), forbid_dtd=False, forbid_entities=True)


def test_a_missing_file_is_status_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / 'websocket.xml'
    assert run(capsys, str(path)) == (
        2, '', f'wsclose: error: cannot read {path}: No such file or directory\n'
    )


def test_a_directory_is_status_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert run(capsys, str(tmp_path)) == (
        2, '', f'wsclose: error: cannot read {tmp_path}: Is a directory\n'
    )


@pytest.mark.parametrize(
    ('argv', 'message'),
    [
        ([], 'the following arguments are required: websocket.xml'),
        ([str(CURRENT), 'extra.xml'], 'unrecognized arguments: extra.xml'),
        (['--json', str(CURRENT)], 'unrecognized arguments: --json'),
    ],
)
def test_usage_errors_are_status_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    assert run(capsys, *argv) == (2, '', f'wsclose: error: {message}\n')


def test_without_defusedxml_the_error_names_the_extra(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # A None in sys.modules makes the import fail, as if it were not installed.
    monkeypatch.setitem(sys.modules, 'defusedxml', None)
    monkeypatch.setitem(sys.modules, 'defusedxml.ElementTree', None)
    assert run(capsys, str(CURRENT)) == (
        2, '', "wsclose: error: reading IANA's XML safely needs defusedxml: "
               "pip install 'sphinxext-wsclose[maintainer]'\n"
    )
    assert INSTALL_HINT == "pip install 'sphinxext-wsclose[maintainer]'"


def test_help(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, '--help')
    assert (status, err) == (0, '')
    assert out.startswith('usage: wsclose registry-diff [-h] websocket.xml\n')
    assert main(['--help']) == 0
    assert '\n       wsclose registry-diff [-h] websocket.xml\n' in capsys.readouterr().out


def test_python_dash_m_exits_with_1_on_differences() -> None:
    result = subprocess.run(
        [sys.executable, '-m', 'sphinxext_wsclose', 'registry-diff', str(CHANGED)],
        capture_output=True, text=True, encoding='utf-8', check=False,
    )
    assert (result.returncode, result.stderr) == (1, '')
    assert result.stdout == CHANGED_OUT.read_text(encoding='utf-8')


# -- reading the file ------------------------------------------------------------------


def test_parse_reads_the_close_code_registry_only() -> None:
    iana = read_registry(CURRENT)
    assert iana.updated == IANA_UPDATED
    # Not the version-number registry's record 13, nor its subprotocol names.
    assert [item.key for item in iana.records] == [
        *(str(code) for code in range(1000, 1016)), '1016-2999', '3000', '3001-3002', '3003',
        '3004-3007', '3008', '3009-3999',
    ]
    by_key = {item.key: item for item in iana.records}
    assert by_key['1000'] == Record(1000, 1000, 'Normal Closure', ('RFC 6455',))
    assert by_key['1011'].sources == ('RFC 6455', 'RFC Errata 3227')
    assert by_key['1012'] == Record(1012, 1012, 'Service Restart', ())
    assert by_key['1014'].description == (
        'The server was acting as a gateway or proxy and received an invalid response from '
        'the upstream server. This is similar to 502 HTTP Status Code.'
    )
    assert by_key['3000'] == Record(3000, 3000, 'Unauthorized', (), '2021-09-06')
    assert by_key['3009-3999'] == Record(3009, 3999, 'Unassigned')
    assert by_key['3009-3999'].unassigned


def test_references_inside_a_reference_element_count_too() -> None:
    iana = parse_registry(xml(record(
        '1000', 'Normal Closure',
        '<reference><xref type="rfc" data="rfc6455"/>, Section 7.4.1; see also RFC 9999 and '
        'Errata ID 1234, <xref type="person" data="Someone_42"/></reference>',
    )))
    assert iana.records == (
        Record(1000, 1000, 'Normal Closure', ('RFC 6455', 'RFC 9999', 'RFC Errata 1234')),
    )


@pytest.mark.parametrize(
    ('xref', 'sources'),
    [
        ('<xref type="rfc" data="rfc6455">RFC6455, Section 7.4.1</xref>', ('RFC 6455',)),
        ('<xref type="uri" data="https://www.rfc-editor.org/errata/eid3227"/>',
         ('RFC Errata 3227',)),
        ('<xref type="uri" data="http://www.rfc-editor.org/errata_search.php?rfc=6455&amp;'
         'eid=3227"/>', ('RFC Errata 3227',)),
        ('<xref type="uri" data="https://datatracker.ietf.org/doc/html/rfc6455"/>',
         ('RFC 6455',)),
        ('<xref type="draft" data="draft-ietf-hybi-example-02"/>',
         ('draft-ietf-hybi-example-02',)),
        ('<reference>the errata for RFC 6455</reference>', ('RFC 6455',)),
        ('<xref type="uri" data="https://mailarchive.ietf.org/arch/msg/hybi/0123"/>'
         '<xref type="person" data="RFC_9999_Editor"/><xref type="note" data="2"/>', ()),
    ],
)
def test_what_counts_as_a_cited_document(xref: str, sources: tuple[str, ...]) -> None:
    (parsed,) = parse_registry(xml(record('1000', 'Normal Closure', xref))).records
    assert parsed.sources == sources


def test_the_close_code_registry_updated_date_wins() -> None:
    data = xml('<updated>2026-07-01</updated>' + record('1000', 'Normal Closure'))
    assert parse_registry(data).updated == '2026-07-01'


def test_values_and_descriptions_are_read_loosely() -> None:
    iana = parse_registry(xml(
        record(' 3009 \u2013 3999 ', 'Unassigned')
        + record('1000', '  Normal\n   Closure <xref type="note" data="1"/> ')
    ))
    assert iana.records == (Record(3009, 3999, 'Unassigned'), Record(1000, 1000, 'Normal Closure'))


_HTML = b'<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>'
_XXE = (b'<?xml version="1.0"?>\n<!DOCTYPE registry [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
        b'<registry xmlns="http://www.iana.org/assignments">&x;</registry>\n')


@pytest.mark.parametrize(
    ('data', 'message'),
    [
        (b'', 'f.xml: not well-formed XML: no element found: line 1, column 0'),
        (_XXE, f'f.xml: {DOCTYPE_REFUSED}'),
        (_HTML, 'f.xml: not an IANA registry file: its root element is <html>, '
                'not <registry xmlns="http://www.iana.org/assignments">'),
        (b'<registry id="websocket"/>', 'f.xml: not an IANA registry file: its root element '
                                        'is <registry>, not <registry '
                                        'xmlns="http://www.iana.org/assignments">'),
        (b'<registry xmlns="http://www.iana.org/assignments"><registry id="version-number"/>'
         b'</registry>',
         'f.xml: no close code registry (<registry id="close-code-number">) in the file'),
        (xml(record('1000', 'Normal Closure'), updated=''), 'f.xml: no <updated> date in the file'),
        (xml('', updated='<updated>2026-02-30</updated>'),
         "f.xml: <updated> is '2026-02-30', not a date such as 2026-06-10"),
        (xml('', updated='<updated>10 June 2026</updated>'),
         "f.xml: <updated> is '10 June 2026', not a date such as 2026-06-10"),
        (xml(record('1000', 'A') + '<record><description>B</description></record>'),
         'f.xml: record 2 of the close code registry has no <value>'),
        (xml(record('0x3E8', 'A')), "f.xml: record 1 of the close code registry: <value> "
                                    "'0x3E8' is neither a code nor a range such as 1016-2999"),
        (xml(record('2999-1016', 'A')), "f.xml: record 1 of the close code registry: <value> "
                                        "'2999-1016' is not a span of 0\u201365535"),
        (xml(record('70000', 'A')), "f.xml: record 1 of the close code registry: <value> "
                                    "'70000' is not a span of 0\u201365535"),
        (xml(record('1000', ' ')), 'f.xml: record 1 of the close code registry (1000) has no '
                                   '<description>'),
        (xml(record('1000', 'A') + record('1000', 'B')), 'f.xml: two records for 1000'),
    ],
)
def test_bad_files_raise_one_clear_error(data: bytes, message: str) -> None:
    with pytest.raises(RegistryFileError) as info:
        parse_registry(data, 'f.xml')
    assert str(info.value) == message


def test_a_huge_file_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / 'websocket.xml'
    path.write_bytes(b' ' * (4 * 1024 * 1024 + 1))
    with pytest.raises(RegistryFileError) as info:
        read_registry(path)
    assert str(info.value) == f"{path}: larger than 4 MiB, so not IANA's websocket.xml"


# -- comparing and reporting -----------------------------------------------------------------


def test_compare_the_fixtures() -> None:
    assert compare(read_registry(CURRENT)) == ()
    assert compare(read_registry(CHANGED)) == CHANGED_DIFFERENCES
    assert diff_file(CHANGED) == (CHANGED_DIFFERENCES, CHANGED_OUT.read_text(encoding='utf-8'))


def test_bundled_sources() -> None:
    assert entry_sources(REGISTRY['1005']) == ('RFC 6455',)
    assert entry_sources(REGISTRY['1011']) == ('RFC 6455', 'RFC Errata 3227')
    for key in ('1012', '1013', '1014', '3000', '3003', '3008'):
        assert entry_sources(REGISTRY[key]) == (), key


def _bundled_records() -> list[Record]:
    """IANA's records as the bundled registry has them, 1014 as a sentence."""
    records = []
    for entry in REGISTRY:
        if entry.kind is Kind.CODE or entry.kind is Kind.UNASSIGNED:
            name = entry.iana_name or 'A gateway or proxy got a bad answer from upstream.'
            records.append(Record(entry.first, entry.last, name, entry_sources(entry)))
    return records


def test_the_bundled_registry_matches_its_own_records() -> None:
    assert compare(IanaRegistry(IANA_UPDATED, tuple(_bundled_records()))) == ()


def test_a_short_name_for_1014_is_a_difference() -> None:
    records = [Record(1014, 1014, 'Bad Gateway') if item.key == '1014' else item
               for item in _bundled_records()]
    (difference,) = compare(IanaRegistry(IANA_UPDATED, tuple(records)))
    assert difference == Difference(Change.NAME, '1014', None, 'Bad Gateway')
    assert str(difference) == ("name        1014 bundled no IANA name (IANA's entry was a "
                               "sentence); IANA 'Bad Gateway'")


def test_references_added_to_an_rfc_code() -> None:
    records = [Record(1008, 1008, 'Policy Violation', ('RFC 6455', 'RFC 9999'))
               if item.key == '1008' else item for item in _bundled_records()]
    (difference,) = compare(IanaRegistry(IANA_UPDATED, tuple(records)))
    assert str(difference) == 'references  1008 bundled RFC 6455; IANA RFC 6455, RFC 9999'


def test_an_older_file_and_the_ranges_of_rfc_6455() -> None:
    # IANA's records for RFC 6455's ranges, if it listed them, are not compared.
    records = (*_bundled_records(), Record(4000, 4999, 'Private Use'),
               Record(0, 999, 'Not Used'))
    assert compare(IanaRegistry('2025-01-31', records)) == (
        Difference(Change.UPDATED, '', IANA_UPDATED, '2025-01-31', "IANA's file is older"),
    )


def test_compare_with_another_registry() -> None:
    smaller = Registry(entry for entry in REGISTRY if entry.key != '1012')
    (difference,) = compare(read_registry(CURRENT), smaller, updated='2026-06-10')
    assert str(difference) == 'added       1012 Service Restart (source: IANA registration)'


def test_format_report() -> None:
    one = (Difference(Change.REMOVED, '3003', 'Forbidden', None),)
    assert format_report(one, '2026-06-11') == (
        "1 difference between IANA's file (updated 2026-06-11) and the bundled registry:\n\n"
        'removed     3003 Forbidden\n\n'
        'To catch up, edit ENTRIES and IANA_UPDATED in sphinxext_wsclose/registry.py.\n'
    )
    assert format_report((), '2026-06-10') == NO_DIFFERENCES


# -- numbers too long for int() (issue 17, item 9) ----------------------------------------

_LONG = '4' * 5000
_LONG_SHOWN = "'444444444444444444444444444...4444444444444444444444444444'"


@pytest.mark.parametrize(
    ('body', 'message'),
    [
        (record(_LONG, 'A'), f'record 1 of the close code registry: <value> {_LONG_SHOWN} is '
                             'not a span of 0\u201365535'),
        (record(f'1000-{_LONG}', 'A'), "record 1 of the close code registry: <value> "
                                       "'1000-4444444444444444444444...4444444444444444444444444444'"
                                       ' is not a span of 0\u201365535'),
        (record('1000', 'A', f'<xref type="rfc" data="rfc{_LONG}"/>'),
         'record 1 of the close code registry (1000) cites RFC 444444444444444444444444...'
         '44444444444444444444444444444, a number of 5000 digits'),
        (record('1000', 'A', f'<reference>RFC Errata {_LONG}</reference>'),
         'record 1 of the close code registry (1000) cites RFC Errata 44444444444444444...'
         '44444444444444444444444444444, a number of 5000 digits'),
    ],
    ids=['value', 'range', 'rfc', 'errata'],
)
def test_a_number_of_5000_digits_is_one_line_and_status_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, body: str, message: str
) -> None:
    path = tmp_path / 'websocket.xml'
    path.write_bytes(xml(body))
    status, out, err = run(capsys, str(path))
    assert (status, out) == (2, '')
    assert err == f'wsclose: error: {path}: {message}\n'
