"""The HTML as readers get it: the stylesheet, the row permalinks, and a real browser.

The browser tests drive Debian's ``chromium`` headless through Playwright:
clicking a mention lands on its row, highlighted and clear of sticky headers;
the link's tooltip is the code's description; the console stays clean; and
at 375 px the page never scrolls sideways.  They need ``chromium`` on PATH and
the ``playwright`` package, and never run ``playwright install`` (it
downloads a browser of its own, which this network refuses);
``.ci/apt-browser.sh`` installs both.  Without them the browser tests are
skipped, except under CI (``CI`` set), where they fail.

``WSCLOSE_SCREENSHOTS=/some/folder`` saves a screenshot of each row jumped to.
"""

from __future__ import annotations

import functools
import os
import shutil
import threading
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from helpers import copy_root, html, warnings

from sphinxext_wsclose.bundled import REGISTRY
from sphinxext_wsclose.columns import COLUMNS
from sphinxext_wsclose.html import CSS_FILE, NARROW_BREAKPOINT, STATIC_DIR, narrow_breakpoint

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from playwright.sync_api import Browser, Page
    from sphinx.testing.util import SphinxTestApp

CSS = '_static/wsclose.css'
#: Which pages link the stylesheet: those with a wsclose-table or a wsclose:code.
NEEDS_CSS = {'codes': True, 'protocol': True, 'narrow': True, 'mentions': False, 'plain': False,
             'index': False, 'genindex': False, 'search': False}
#: What Debian's chromium needs to start headless in a container, quietly.
CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
                 '--disable-background-networking', '--disable-component-update',
                 '--disable-sync']
INSTALL_HINT = 'run .ci/apt-browser.sh with the pip of this virtualenv'


def _stylesheets(app: SphinxTestApp, page: str) -> list[str]:
    links = html(app, page).select('link[rel="stylesheet"]')
    return [str(link['href']).partition('?')[0] for link in links]


# -- the stylesheet, on the pages that need it ---------------------------------


def test_stylesheet_only_on_pages_that_need_it(
    build: Callable[..., SphinxTestApp], syntax: str
) -> None:
    app = build('browser', syntax)
    assert warnings(app) == []
    linked = {page: CSS in _stylesheets(app, page) for page in NEEDS_CSS}
    assert linked == NEEDS_CSS
    # After the theme's own stylesheets, so that its rules win over the theme's.
    sheets = _stylesheets(app, 'codes')
    assert sheets.index(CSS) > sheets.index('_static/styles/furo.css')
    shipped = Path(__file__).parents[1] / 'sphinxext_wsclose' / 'static' / 'wsclose.css'
    assert (app.outdir / CSS).read_bytes() == shipped.read_bytes()


def test_stylesheet_stays_off_other_pages_on_a_second_build(
    build: Callable[..., SphinxTestApp],
) -> None:
    # app.add_css_file() during html-page-context would record the file for
    # good, and the next build by the same application would link it everywhere.
    app = build('browser', 'rst')
    plain = app.srcdir / 'plain.rst'
    plain.write_text(plain.read_text(encoding='utf-8') + '\nChanged.\n', encoding='utf-8')
    app.build()
    assert 'Changed.' in (app.outdir / 'plain.html').read_text(encoding='utf-8')
    assert CSS not in _stylesheets(app, 'plain')
    assert CSS in _stylesheets(app, 'codes')


def test_project_stylesheet_of_the_same_name_replaces_ours(
    build: Callable[..., SphinxTestApp], tmp_path: Path
) -> None:
    srcdir = tmp_path / 'browser-rst'
    copy_root('browser', srcdir, 'rst')
    (srcdir / '_static').mkdir()
    (srcdir / '_static' / 'wsclose.css').write_text('/* ours */\n', encoding='utf-8')
    app = build('browser', 'rst', confoverrides={'html_static_path': ['_static']})
    assert warnings(app) == []
    assert (app.outdir / CSS).read_text(encoding='utf-8') == '/* ours */\n'
    assert CSS in _stylesheets(app, 'codes')


def test_builders_without_html_do_not_get_the_stylesheet(
    build: Callable[..., SphinxTestApp],
) -> None:
    app = build('browser', 'rst', 'text')
    assert warnings(app) == []
    assert not (app.outdir / CSS).exists()


# -- row permalinks --------------------------------------------------------------


def test_each_row_with_an_id_has_a_permalink(
    build: Callable[..., SphinxTestApp], syntax: str
) -> None:
    app = build('browser', syntax)
    first, every_column = html(app, 'codes').select('table.wsclose-table')
    rows = first.select('tbody tr.wsclose-row[id]')
    assert len(rows) == len(REGISTRY)
    for row in rows:
        links = row.select('a.headerlink')
        assert [(a['href'], a['title'], a.get_text()) for a in links] == [
            (f'#{row["id"]}', 'Link to this code', '\u00b6')
        ]
        assert row.find('td').select('a.headerlink') == links  # in the first cell
    # The row of a code that a wsclose:code defines links to the description:
    # it is no link target, and has no permalink.  Nor has a :no-index: table.
    (defined,) = first.select('tbody tr:not([id])')
    assert defined.select('a.headerlink') == []
    assert every_column.select('a.headerlink') == []


def test_permalinks_follow_html_permalinks_and_its_icon(
    build: Callable[..., SphinxTestApp],
) -> None:
    app = build('browser', 'rst', confoverrides={'html_permalinks_icon': '<span>#</span>'})
    link = html(app, 'codes').select_one('tr#wsclose-1008 a.headerlink')
    assert link is not None
    assert link.decode_contents() == '<span>#</span>'

    app = build('browser', 'rst', confoverrides={'html_permalinks': False})
    page = html(app, 'codes')
    assert page.select('tr.wsclose-row a.headerlink') == []
    assert page.select_one('tr#wsclose-1008') is not None


@pytest.mark.parametrize('buildername', ['text', 'latex', 'epub'])
def test_permalinks_are_html_only(
    build: Callable[..., SphinxTestApp], buildername: str
) -> None:
    # EPUB is HTML, but Sphinx gives it no permalinks, and neither do we.
    app = build('browser', 'rst', buildername)
    assert warnings(app) == []
    for path in app.outdir.rglob('*'):
        if path.suffix in {'.txt', '.tex', '.xhtml'}:
            text = path.read_text(encoding='utf-8')
            assert 'headerlink' not in text, path
            assert 'Link to this code' not in text, path


# -- in a real browser ---------------------------------------------------------------


def _missing_browser() -> str | None:
    missing = []
    if shutil.which('chromium') is None:
        missing.append("Debian's chromium (not on PATH)")
    try:
        import playwright.sync_api  # noqa: F401, PLC0415
    except ImportError:
        missing.append('the playwright package')
    if not missing:
        return None
    return f'the browser tests need {" and ".join(missing)}: {INSTALL_HINT}'


@pytest.fixture(scope='module')
def browser() -> Iterator[Browser]:
    """Debian's chromium, headless, in a fresh profile; skipped (or failed, in CI) if missing."""
    missing = _missing_browser()
    if missing is not None:
        # .ci/run names what it could not install; then a skip is honest.
        if os.environ.get('CI') and 'browser' not in os.environ.get('WSCLOSE_CANNOT_INSTALL', ''):
            pytest.fail(f'CI must install the browser: {missing}', pytrace=False)
        pytest.skip(f'NOT TESTED: {missing}')
    from playwright.sync_api import sync_playwright  # noqa: PLC0415

    with sync_playwright() as playwright:
        # launch() gives each run a fresh temporary profile (user data dir).
        chromium = playwright.chromium.launch(
            executable_path=shutil.which('chromium'), args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


class _Handler(SimpleHTTPRequestHandler):
    """Serve the built HTML quietly.  A site here has no favicon, but browsers ask."""

    def do_GET(self) -> None:
        if self.path == '/favicon.ico':
            self.send_response(HTTPStatus.NO_CONTENT)
            self.end_headers()
            return
        super().do_GET()

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def serve() -> Iterator[Callable[[Path], str]]:
    """Serve a folder on 127.0.0.1, on a free port; return its base URL."""
    servers: list[ThreadingHTTPServer] = []

    def _serve(folder: Path) -> str:
        handler = functools.partial(_Handler, directory=str(folder))
        server = ThreadingHTTPServer(('127.0.0.1', 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f'http://127.0.0.1:{server.server_port}'

    yield _serve
    for server in servers:
        server.shutdown()
        server.server_close()


# Resolves once the page has stopped scrolling (furo scrolls smoothly).
SETTLED = """() => new Promise(resolve => {
  let last = null, still = 0;
  const tick = () => {
    const now = window.scrollX + ',' + window.scrollY;
    still = now === last ? still + 1 : 0;
    last = now;
    if (still > 10) resolve(true); else requestAnimationFrame(tick);
  };
  tick();
})"""

# What a reader sees of the element jumped to.
LANDED = """() => {
  const target = document.querySelector(':target');
  const box = target.getBoundingClientRect();
  const hit = document.elementFromPoint(box.left + 8, box.top + 4);
  const cell = target.cells ? target.cells[0] : target;
  const permalink = target.querySelector('a.headerlink');
  const rgba = value => {
    const [r, g, b, a = 1] = value.match(/[\\d.]+/g).map(Number);
    return [r, g, b, a];
  };
  const background = element => {  // blended over every ancestor's background
    const layers = [];
    for (let node = element; node; node = node.parentElement) {
      const layer = rgba(getComputedStyle(node).backgroundColor);
      layers.push(layer);
      if (layer[3] === 1) break;
    }
    let [r, g, b] = [255, 255, 255];
    for (const [lr, lg, lb, la] of layers.reverse()) {
      [r, g, b] = [lr * la + r * (1 - la), lg * la + g * (1 - la), lb * la + b * (1 - la)];
    }
    return [r, g, b];
  };
  const luminance = ([r, g, b]) => {
    const c = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * c(r) + 0.7152 * c(g) + 0.0722 * c(b);
  };
  const [light, dark] = [background(cell), rgba(getComputedStyle(cell).color)]
    .map(luminance).sort((x, y) => y - x);
  const other = target.parentElement.querySelector('tr.wsclose-row:not(:target)');
  return {
    tag: target.tagName.toLowerCase(),
    id: target.id,
    top: box.top,
    viewport: window.innerHeight,
    uncovered: hit !== null && target.contains(hit),
    background: background(cell).map(Math.round).join(','),
    other: other ? background(other.cells[0]).map(Math.round).join(',') : null,
    contrast: (light + 0.05) / (dark + 0.05),
    permalink: permalink && {
      href: permalink.getAttribute('href'),
      visible: getComputedStyle(permalink).visibility === 'visible'
        && getComputedStyle(permalink).opacity === '1',
    },
  };
}"""

# Whether the page itself scrolls sideways (the table may, inside its box).
PAGE_SCROLLS_SIDEWAYS = """() => {
  const root = document.documentElement;
  const y = window.scrollY;
  window.scrollTo(root.scrollWidth, y);
  const moved = window.scrollX;
  window.scrollTo(0, y);
  return moved > 0 || root.scrollWidth > root.clientWidth;
}"""

BROWSER_CASES = [('rst', 'furo'), ('myst', 'furo'), ('rst', 'alabaster')]
VIEWS = [(1280, 'light'), (375, 'light'), (375, 'dark')]


def _mention(page: Page, text: str) -> Any:
    mentions = page.locator('a.reference.internal.wsclose-mention')
    return mentions.filter(has_text=text)


@pytest.mark.slow  # a real browser
@pytest.mark.parametrize(('syntax', 'theme'), BROWSER_CASES)
def test_a_mention_lands_on_its_highlighted_row(
    build: Callable[..., SphinxTestApp],
    browser: Browser,
    serve: Callable[[Path], str],
    syntax: str,
    theme: str,
) -> None:
    app = build('browser', syntax, confoverrides={'html_theme': theme})
    assert warnings(app) == []
    base = serve(app.outdir)
    shots = os.environ.get('WSCLOSE_SCREENSHOTS')
    page = browser.new_page()
    errors: list[str] = []
    page.on('console', lambda message: errors.append(message.text)
            if message.type == 'error' else None)
    page.on('pageerror', lambda error: errors.append(str(error)))
    for width, scheme in VIEWS:
        view = f'{theme}-{syntax}-{width}px-{scheme}'
        page.set_viewport_size({'width': width, 'height': 800})
        page.emulate_media(color_scheme=scheme)
        page.goto(f'{base}/mentions.html')
        assert not page.evaluate(PAGE_SCROLLS_SIDEWAYS), view
        link = _mention(page, '1008 Policy Violation')
        assert link.get_attribute('title') == REGISTRY['1008'].description
        link.click()
        page.wait_for_url('**/codes.html#wsclose-1008')
        page.evaluate(SETTLED)
        landed = page.evaluate(LANDED)
        assert (landed['tag'], landed['id']) == ('tr', 'wsclose-1008'), view
        assert 0 <= landed['top'] < landed['viewport'] / 2, (view, landed)
        assert landed['uncovered'], (view, landed)  # by no sticky header
        assert landed['background'] != landed['other'], (view, landed)
        assert landed['contrast'] >= 4.5, (view, landed)
        assert landed['permalink'] == {'href': '#wsclose-1008', 'visible': True}, view
        assert not page.evaluate(PAGE_SCROLLS_SIDEWAYS), view
        if shots:
            Path(shots).mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(Path(shots) / f'{view}.png'))

    # A project's own code lands on its wsclose:code description.
    page.goto(f'{base}/mentions.html')
    _mention(page, '4001').click()
    page.wait_for_url('**/protocol.html#wsclose-4001')
    page.evaluate(SETTLED)
    landed = page.evaluate(LANDED)
    assert (landed['tag'], landed['id']) == ('dt', 'wsclose-4001'), landed
    assert landed['uncovered'], landed

    assert errors == []
    page.close()


# -- narrow screens: a row a block of labelled lines -----------------------------

#: Every column a table can show in the browser root but the project's closed-by.
ALL_COLUMNS = [name for name in COLUMNS if name != 'closed-by']
#: The seven columns of the narrow page's second table.
SEVEN_COLUMNS = ['code', 'name', 'description', 'reference', 'constant', 'iana-name',
                 'libraries']


def test_cells_have_labels_in_html_only(
    build: Callable[..., SphinxTestApp], syntax: str
) -> None:
    app = build('browser', syntax)
    assert warnings(app) == []
    every, seven = html(app, 'narrow', labels=True).select('table.wsclose-table')
    for table, names in ((every, ALL_COLUMNS), (seven, SEVEN_COLUMNS)):
        headers = [th.get_text().strip() for th in table.select('thead th')]
        assert headers == [COLUMNS[name].header for name in names]
        rows = table.select('tbody tr')
        assert len(rows) == len(REGISTRY) + 1  # and the protocol page's 4001
        for row in rows:
            for cell, name, header in zip(row.find_all('td'), names, headers, strict=True):
                labels = cell.select('span.wsclose-cell-label')
                if name in {'code', 'name'}:
                    assert labels == [], (row['id'] if row.has_attr('id') else row, name)
                    assert 'wsclose-cell-head' in cell['class']
                elif not cell.get_text().strip():
                    assert labels == []  # an empty cell stays empty
                else:
                    assert [label.get_text() for label in labels] == [header]
                    assert cell.get_text().startswith(header)
                    assert 'no-search' in labels[0]['class']
    # Only pages with a table get them.
    assert html(app, 'mentions', labels=True).select('.wsclose-cell-label') == []
    # The search index has no more of them than the headers themselves.
    index = (app.outdir / 'searchindex.js').read_text(encoding='utf-8')
    assert 'wsclose-cell-label' not in index


def _outside_media(css: str) -> str:
    """*css* without its ``@media`` blocks: what a reader that ignores media queries applies."""
    kept, start = [], 0
    while (at := css.find('@media', start)) >= 0:
        kept.append(css[start:at])
        end, depth = css.index('{', at) + 1, 1
        while depth:
            depth += {'{': 1, '}': -1}.get(css[end], 0)
            end += 1
        start = end
    return ''.join([*kept, css[start:]])


def test_epub_keeps_the_labels_for_narrow_readers_only(
    build: Callable[..., SphinxTestApp],
) -> None:
    # EPUB is HTML: its pages get the labels, and the stylesheet that shows
    # them only on a narrow screen goes into the book with them.
    app = build('browser', 'rst', 'epub')
    assert warnings(app) == []
    page = BeautifulSoup((app.outdir / 'narrow.xhtml').read_text(encoding='utf-8'), 'html.parser')
    assert len(page.select('td > p > span.wsclose-cell-label.no-search')) > len(REGISTRY)
    links = [str(link['href']) for link in page.select('link[rel="stylesheet"]')]
    assert CSS in links
    package = ElementTree.parse(app.outdir / 'content.opf').getroot()
    items = package.iterfind('.//{http://www.idpf.org/2007/opf}item')
    assert [item.get('media-type') for item in items if item.get('href') == CSS] == ['text/css']
    # A reading system that ignores media queries applies only the rules
    # outside them: the labels stay hidden, and the table keeps its columns.
    css = (app.outdir / CSS).read_text(encoding='utf-8')
    plain = ' '.join(_outside_media(css).split())
    assert 'table.wsclose-table .wsclose-cell-label { display: none; }' in plain
    assert 'display: inline' not in plain
    assert 'display: block' not in plain
    # Those that honour them show the labels below the breakpoint only.
    assert f'@media screen and (max-width: {NARROW_BREAKPOINT - 0.02:.2f}px)' in css


# -- the breakpoint, said once --------------------------------------------------

DOCS = Path(__file__).parents[1] / 'docs'


def test_the_breakpoint_is_read_from_the_stylesheet() -> None:
    css = (STATIC_DIR / CSS_FILE).read_text(encoding='utf-8')
    # One width, in every narrow-screen rule, and the constant is that width.
    assert narrow_breakpoint(css) == NARROW_BREAKPOINT == 700
    # Moving the rule moves the constant: nothing else holds the number.
    moved = css.replace(f'(max-width: {NARROW_BREAKPOINT - 0.02:.2f}px)', '(max-width: 599.98px)')
    assert moved != css
    assert narrow_breakpoint(moved) == 600
    assert narrow_breakpoint('@media screen and (max-width:640px) {}') == 640


@pytest.mark.parametrize(('css', 'found'), [
    ('table.wsclose-table { display: block; }', 'none'),
    ('@media print and (max-width: 699.98px) {}', 'none'),
    ('@media screen and (max-width: 699.98px) {}\n@media screen and (max-width: 599.98px) {}',
     '600, 700'),
])
def test_a_stylesheet_without_one_breakpoint_is_refused(css: str, found: str) -> None:
    with pytest.raises(ValueError, match=f'found {found}$'):
        narrow_breakpoint(css)


def test_the_docs_give_the_stylesheets_breakpoint() -> None:
    text = ' '.join((DOCS / 'html.rst').read_text(encoding='utf-8').split())
    assert f'Below {NARROW_BREAKPOINT} pixels' in text
    assert f'@media screen and (max-width: {NARROW_BREAKPOINT - 0.02:.2f}px)' in text
    testing = ' '.join((DOCS / 'testing.rst').read_text(encoding='utf-8').split())
    assert f'below {NARROW_BREAKPOINT} pixels' in testing


@pytest.mark.parametrize('buildername', ['text', 'latex', 'man', 'texinfo'])
def test_cell_labels_are_html_only(
    build: Callable[..., SphinxTestApp], buildername: str
) -> None:
    app = build('browser', 'rst', buildername)
    assert warnings(app) == []
    outputs = [path for path in app.outdir.rglob('*')
               if path.suffix in {'.txt', '.tex', '.1', '.texi'}]
    assert outputs
    for path in outputs:
        text = path.read_text(encoding='utf-8')
        assert 'wsclose-cell-label' not in text, path
        # "Description" in the headers of four tables (twice each in LaTeX, whose
        # long tables repeat it on every page), never before each of ~30 cells.
        assert text.count('Description') < 20, path


# Whether anything overflows: the page, or in the tables that *selector*
# selects, an element that scrolls sideways, a cell outside the window or
# outside the content column (its section).
OVERFLOW = """(selector) => {
  const problems = [];
  const root = document.documentElement;
  if (root.scrollWidth > window.innerWidth) {
    problems.push(`page ${root.scrollWidth} > ${window.innerWidth}`);
  }
  for (const table of document.querySelectorAll(selector)) {
    const column = table.closest('section').getBoundingClientRect();
    for (const element of [table, ...table.querySelectorAll('*')]) {
      if (element.scrollWidth > element.clientWidth + 1 && element.clientWidth > 0) {
        problems.push(`${element.tagName} scrolls: ${element.scrollWidth} > ${element.clientWidth}`
                      + ` ${element.textContent.slice(0, 30)}`);
      }
    }
    for (const cell of table.querySelectorAll('td, th')) {
      const box = cell.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;  // hidden
      if (box.left < -0.5 || box.right > window.innerWidth + 0.5) {
        problems.push(`cell outside the window: ${box.left}-${box.right}`
                      + ` ${cell.textContent.slice(0, 30)}`);
      }
      if (box.left < column.left - 0.5 || box.right > column.right + 0.5) {
        problems.push(`cell outside the content: ${box.left}-${box.right} not in`
                      + ` ${column.left}-${column.right} ${cell.textContent.slice(0, 30)}`);
      }
    }
  }
  return problems;
}"""

# How a table shows: its header row, and its first row's labels and layout.
NARROW_LAYOUT = """(table) => {
  const row = table.querySelector('tbody tr');
  const cells = [...row.cells];
  const shown = element => getComputedStyle(element).display !== 'none';
  return {
    thead: shown(table.querySelector('thead')),
    row: getComputedStyle(row).display,
    labels: [...row.querySelectorAll('.wsclose-cell-label')].filter(shown)
      .map(label => label.textContent),
    head: cells.filter(cell => cell.classList.contains('wsclose-cell-head'))
      .map(cell => cell.getBoundingClientRect().top),
    lines: cells.filter(cell => !cell.classList.contains('wsclose-cell-head') && shown(cell))
      .map(cell => cell.getBoundingClientRect().top),
  };
}"""

NARROW_THEMES = ['furo', 'pydata_sphinx_theme', 'sphinx_rtd_theme', 'alabaster']
#: Phones, both sides of the breakpoint, a tablet, and desktops.
NARROW_WIDTHS = [390, NARROW_BREAKPOINT - 1, NARROW_BREAKPOINT, 768, 1024, 1280]


@pytest.mark.slow  # a real browser
@pytest.mark.parametrize('theme', NARROW_THEMES)
def test_tables_fit_narrow_and_wide_screens(
    build: Callable[..., SphinxTestApp],
    browser: Browser,
    serve: Callable[[Path], str],
    theme: str,
) -> None:
    pytest.importorskip(theme)
    app = build('browser', 'rst', confoverrides={'html_theme': theme})
    assert warnings(app) == []
    base = serve(app.outdir)
    shots = os.environ.get('WSCLOSE_SCREENSHOTS')
    page = browser.new_page()
    for width in NARROW_WIDTHS:
        view = f'narrow-{theme}-{width}px'
        page.set_viewport_size({'width': width, 'height': 900})
        page.goto(f'{base}/narrow.html')
        # Every table fits at every width: fifteen columns wrap within a
        # desktop's column too, in a theme with a narrow column and wide padding.
        assert page.evaluate(OVERFLOW, 'table.wsclose-table') == [], view
        every, seven = page.locator('table.wsclose-table').all()
        layout = every.evaluate(NARROW_LAYOUT)
        if width < NARROW_BREAKPOINT:
            # Code and name head the row; every other cell is a labelled line below.
            assert not layout['thead'], view
            assert layout['row'] == 'block', view
            assert layout['labels'] == [
                COLUMNS[name].header for name in ALL_COLUMNS if name not in {'code', 'name'}
                if COLUMNS[name].text(REGISTRY['0-999'])], (view, layout)
            assert max(layout['head']) < min(layout['lines']), (view, layout)
            assert sorted(layout['lines']) == layout['lines'], (view, layout)
            assert len(set(layout['lines'])) == len(layout['lines']), (view, layout)
        else:
            assert layout['thead'], view
            assert layout['labels'] == [], view
            assert seven.evaluate(NARROW_LAYOUT)['labels'] == [], view
        if shots:
            Path(shots).mkdir(parents=True, exist_ok=True)
            path = Path(shots) / f'{view}.png'
            page.screenshot(path=str(path), full_page=width < NARROW_BREAKPOINT)
            print(f'screenshot: {path}')
    page.close()
