"""Accessibility in Chromium: axe-core's WCAG 2.0/2.1 A and AA rules on every page, and the keyboard.

axe-core comes pinned from the npm registry (package.json, package-lock.json); 'make test' installs
it with 'npm ci'. No rule is switched off: a violation is fixed in the theme overrides.
"""

from pathlib import Path

import pytest
from page_waits import search, wait_for_rendering, wait_until_still

pytestmark = pytest.mark.browser

WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SCHEMES = {"light": "default", "dark": "slate"}

RUN_AXE = """async tags => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
  return result.violations.map(v => `${v.id}: ${v.help} -> ` +
      v.nodes.map(n => n.target.join(' ') + ' (' + n.failureSummary.replace(/\\s+/g, ' ') + ')').join('; '));
}"""

# No animation or transition still running (endless ones, such as a spinner, aside).
SETTLED = """() => document.getAnimations().every(a =>
  a.playState !== 'running' || a.effect.getComputedTiming().iterations === Infinity)"""

# Contrast of a focused element's outline against what is behind it (WCAG 1.4.11: at least 3:1).
FOCUS_RING = """el => {
  // Material's palette toggle: the radio input is hidden, the label right after it shows the ring.
  const target = el.matches('input.md-option') ? el.nextElementSibling : el;
  const style = getComputedStyle(target);
  const rgb = text => (text.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const c = [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  };
  let node = target.parentElement, background = [255, 255, 255];
  for (; node; node = node.parentElement) {
    const bg = rgb(getComputedStyle(node).backgroundColor);
    if (bg.length === 3 || (bg.length === 4 && bg[3] > 0.5)) { background = bg.slice(0, 3); break; }
  }
  const ring = rgb(style.outlineColor).slice(0, 3);
  const [a, b] = [lum(ring), lum(background)];
  return {tag: target.tagName + '.' + target.className + ' ' + (target.textContent || '').trim().slice(0, 30),
          style: style.outlineStyle, width: parseFloat(style.outlineWidth),
          contrast: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)};
}"""


def page_urls(site: Path, server: str) -> list[str]:
    """Every HTML page of the built site, as a URL."""
    urls = []
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        urls.append(f"{server}/{relative.removesuffix('index.html')}")
    return urls


@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_page_passes_axe_wcag_21_aa(browser, site, server, axe_source, scheme):
    # bypass_csp only here: the site's Content-Security-Policy rightly refuses an injected script.
    context = browser.new_context(bypass_csp=True, color_scheme=scheme if scheme == "dark" else "light")
    page = context.new_page()
    urls = page_urls(site, server)
    assert len(urls) >= 20
    violations = {}
    for url in urls:
        page.goto(url, wait_until="networkidle")
        assert page.get_attribute("body", "data-md-color-scheme") == SCHEMES[scheme], url
        wait_until_still(page)  # colours are measured as they end, not halfway a transition
        page.add_script_tag(content=axe_source)
        found = page.evaluate(RUN_AXE, WCAG_AA)
        if found:
            violations[url] = found
    # The search dialog with results, open on top of a module page.
    page.goto(f"{server}/modules/omgevingsanalyse/", wait_until="networkidle")
    search(page, "cijfers")  # the results of the whole word, faded in completely
    page.add_script_tag(content=axe_source)
    found = page.evaluate(RUN_AXE, WCAG_AA)
    if found:
        violations["zoekvenster"] = found
    context.close()
    assert not violations, "\n".join(f"{url}: {v}" for url, found in violations.items() for v in found)


def test_axe_finds_a_violation_when_there_is_one(browser, server, axe_source):
    """The gate can fail: a grey text that is too light and an image without alt text."""
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    page.goto(f"{server}/", wait_until="networkidle")
    page.evaluate("""() => {
      const p = document.createElement('p'); p.textContent = 'te licht'; p.style.color = '#bbb';
      const img = document.createElement('img'); img.src = 'images/favicon.svg';
      document.querySelector('article').append(p, img);
    }""")
    page.add_script_tag(content=axe_source)
    found = " ".join(page.evaluate(RUN_AXE, WCAG_AA))
    context.close()
    assert "color-contrast" in found and "image-alt" in found


@pytest.fixture(scope="module")
def keyboard_page(browser):
    context = browser.new_context()
    yield context.new_page()
    context.close()


def test_first_tab_is_a_visible_skip_link_to_the_content_on_every_page(keyboard_page, site, server):
    page = keyboard_page
    for url in page_urls(site, server):
        page.goto(url, wait_until="networkidle")
        page.keyboard.press("Tab")
        page.wait_for_function("() => getComputedStyle(document.activeElement).opacity === '1'")
        focused = page.evaluate("""() => { const e = document.activeElement, r = e.getBoundingClientRect();
          return {cls: e.className, text: e.textContent.trim(), top: r.top, height: r.height,
                  opacity: getComputedStyle(e).opacity}; }""")
        assert "md-skip" in focused["cls"], (url, focused)
        assert focused["text"] == "Ga naar inhoud", (url, focused)
        assert focused["height"] > 0 and focused["top"] >= 0 and float(focused["opacity"]) > 0.9, (url, focused)
        page.keyboard.press("Enter")
        page.keyboard.press("Tab")
        inside = page.evaluate("() => !!document.activeElement.closest('.md-content')")
        assert inside, (url, page.evaluate("document.activeElement.outerHTML.slice(0, 200)"))


def weak_focus_rings(page) -> tuple[int, list[dict]]:
    """Tab through the page; (elements focused, those whose ring is missing, thin or faint)."""
    seen, weak = 0, []
    for _ in range(80):
        page.keyboard.press("Tab")
        wait_until_still(page)  # a ring is measured as it ends, not halfway a transition
        handle = page.evaluate_handle("document.activeElement")
        if page.evaluate("e => e === document.body", handle):
            break
        ring = page.evaluate(FOCUS_RING, handle)
        seen += 1
        if ring["style"] == "none" or ring["width"] < 2 or ring["contrast"] < 3:
            weak.append(ring)
    return seen, weak


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_everything_that_takes_focus_shows_a_clear_ring(browser, server, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(f"{server}/modules/omgevingsanalyse/", wait_until="networkidle")
    seen, weak = weak_focus_rings(page)
    context.close()
    assert seen >= 40
    assert weak == []


def test_focus_check_fails_without_a_ring(browser, server):
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    page.goto(f"{server}/modules/omgevingsanalyse/", wait_until="networkidle")
    page.add_style_tag(content="*:focus-visible { outline: none !important; }")
    _, weak = weak_focus_rings(page)
    context.close()
    assert len(weak) >= 20


def test_search_dialog_has_an_accessible_name(browser, server, axe_source):
    """Material's search dialog has no name of its own; overrides/partials/search.html gives it one."""
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    page.goto(f"{server}/", wait_until="networkidle")
    page.click("label.md-search__icon, .md-search__input")
    page.add_script_tag(content=axe_source)
    result = page.evaluate("""async () => {
      const r = await axe.run('.md-search', {runOnly: {type: 'rule', values: ['aria-dialog-name']}});
      return {passes: r.passes.length, violations: r.violations.length}; }""")
    name = page.get_attribute(".md-search[role=dialog]", "aria-label")
    context.close()
    assert result == {"passes": 1, "violations": 0}
    assert name == "Zoeken"


def test_a_table_wider_than_the_screen_is_a_named_region_the_keyboard_can_reach(browser, server):
    """javascripts/tables.js: a table that scrolls sideways can be reached with the keyboard. On a
    phone the tables are cards (no sideways scrolling, no extra tab stop); a table made wider than
    the screen on purpose shows the region still works."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, bypass_csp=True)
    page = context.new_page()
    page.goto(f"{server}/modules/sociale-functie/", wait_until="networkidle")
    wait_for_rendering(page)  # tables.js measures in a ResizeObserver, after the browser's layout
    boxes = page.eval_on_selector_all(".md-typeset__scrollwrap", """boxes => boxes.map(box => ({
        wide: box.scrollWidth > box.clientWidth + 1, tabindex: box.getAttribute('tabindex')}))""")
    assert boxes and not any(box["wide"] or box["tabindex"] for box in boxes), boxes
    page.set_viewport_size({"width": 1600, "height": 900})
    page.add_style_tag(content=".md-typeset table:not([class]) { min-width: 3000px; }")
    page.wait_for_function("""() => [...document.querySelectorAll('.md-typeset__scrollwrap')]
        .every(box => box.getAttribute('tabindex') === '0' && box.getAttribute('role') === 'region'
                      && box.getAttribute('aria-label').includes('pijltjestoetsen'))""")
    page.add_style_tag(content=".md-typeset table:not([class]) { min-width: 0; }")  # fits again: no tab stop
    page.wait_for_function("""() => [...document.querySelectorAll('.md-typeset__scrollwrap')]
        .every(box => box.scrollWidth > box.clientWidth + 1 || !box.hasAttribute('tabindex'))""")
    context.close()


# The element that shows a focus stop: the element itself, or for a hidden radio button (Material's
# colour scheme switch) the label drawn right after it, which shows its focus ring (extra.css).
# Visible: a size, and on top at its centre.
VISIBLE_STOP = """() => {
  let e = document.activeElement;
  if (e === document.body) return {ok: false, what: 'body'};
  const own = e.getBoundingClientRect();
  const next = e.nextElementSibling;
  if ((own.width < 1 || own.height < 1) && next && next.tagName === 'LABEL') e = next;
  const r = e.getBoundingClientRect(), s = getComputedStyle(e);
  const x = r.left + r.width / 2, y = r.top + r.height / 2;
  const hit = document.elementFromPoint(x, y);
  const name = (e.textContent || e.getAttribute('aria-label') || '').trim().slice(0, 40);
  const what = e.tagName + '.' + e.className + ' ' + name;
  return {ok: r.width >= 1 && r.height >= 1 && s.visibility === 'visible' && Number(s.opacity) > 0.5
                && x >= 0 && y >= 0 && x <= innerWidth && y <= innerHeight
                && !!hit && (hit === e || e.contains(hit) || hit.contains(e)),
          what, width: r.width, height: r.height};
}"""


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("path", ["/", "/modules/omgevingsanalyse/"])
def test_the_first_ten_tab_stops_are_all_visible(browser, server, width, path):
    """Material's closed search box ('Zoeken initialiseren') and the closed drawer on a phone took
    Tab stops with nothing visible; extra.css hides them while they are closed."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(server + path, wait_until="networkidle")
    for stop in range(1, 11):
        page.keyboard.press("Tab")
        wait_until_still(page)
        found = page.evaluate(VISIBLE_STOP)
        assert found["ok"], (stop, found)
    context.close()
