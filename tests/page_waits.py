"""Wait for the state a browser test asserts, never for a fixed time.

A page is ready to be measured when what the test looks at is there and nothing moves any more:
the search shows the results of the whole query (not of the first letters typed), and every CSS
transition and animation has finished (a result list fading in has a lighter text colour than it
ends with). Each wait uses Playwright's default timeout (30 s): on a busy machine it waits longer,
on a quick one it returns at once.
"""

from __future__ import annotations

# No CSS transition or animation has run for a few frames in a row. Document.getAnimations()
# brings pending style changes up to date first, so a transition about to start counts; the frames
# in a row cover changes a script makes a moment later (Material follows focus with a 1 ms timer).
STILL_FRAMES = 3
STILL = """frames => {
  const moving = document.getAnimations().some(a => a.playState !== 'finished' && a.playState !== 'idle');
  window.__stillFrames = moving ? 0 : (window.__stillFrames || 0) + 1;
  return window.__stillFrames >= frames;
}"""

# The search shows results for this query. Material adds the query's matched words to every
# result link (?h=, the search.highlight feature): the results of an earlier keystroke carry the
# first letters only ('cijf'), so only the answer to the whole query passes.
RESULTS_FOR = """query => {
  const words = query.toLowerCase().split(/\\s+/).filter(Boolean);
  const links = [...document.querySelectorAll('.md-search-result__item > a')];
  const terms = links.flatMap(a => (new URL(a.href).searchParams.get('h') || '').split(/\\s+/).filter(Boolean));
  return links.length > 0 && terms.length > 0 && terms.every(t => words.includes(t.toLowerCase()));
}"""

SEARCH_FIELD = "label.md-search__icon, .md-search__input"

# Material's search says 'Zoeken initialiseren' (search.result.initializer in Dutch) until its
# worker has built the index, then asks the reader to type: what a person waits for.
SEARCH_READY = """() => {
  const meta = document.querySelector('.md-search-result__meta');
  return meta !== null && !meta.textContent.includes('Zoeken initialiseren');
}"""


def wait_until_still(page) -> None:
    """Until no CSS transition or animation has run on the page for a few frames."""
    page.evaluate("() => { window.__stillFrames = 0; }")
    page.wait_for_function(STILL, arg=STILL_FRAMES, polling="raf")


def wait_for_rendering(page) -> None:
    """Until the browser has drawn two more frames: ResizeObserver callbacks and the like have run."""
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")


def wait_until_idle(page) -> None:
    """Until the page's own work is done: the network is quiet and the main thread has an idle moment."""
    page.wait_for_load_state("networkidle")
    page.evaluate("() => new Promise(done => requestIdleCallback(() => done()))")


def search(page, query: str) -> list[str]:
    """Open the search, wait until it is ready, type query key by key as a person does (Material
    searches on each key; a value set at once without keys is not searched), and wait until its
    results are shown and still. Returns the result links (href), best first."""
    page.click(SEARCH_FIELD)
    page.wait_for_function(SEARCH_READY)
    page.keyboard.type(query)
    wait_for_results(page, query)
    return page.eval_on_selector_all(".md-search-result__item a", "els => els.map(e => e.href)")


def wait_for_results(page, query: str) -> None:
    """Until the results of the whole query are in the list and have stopped fading in."""
    page.wait_for_function(RESULTS_FOR, arg=query)
    wait_until_still(page)
