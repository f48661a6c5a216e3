"""Privacy and security: a strict Content-Security-Policy on every page, safe external links and a
meaningful description on every page. The one link rule: tests/test_links.py."""

import base64
import hashlib
import importlib.util
import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
from helpers import ROOT
from page_waits import search

_spec = importlib.util.spec_from_file_location("quality_hook", ROOT / "hooks" / "quality.py")
quality = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(quality)
fill_policy = quality.fill_policy
safe_external_links = quality.safe_external_links
CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)">')


def pages(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in sorted(site.rglob("*.html"))}


def test_every_page_has_a_strict_policy_that_allows_no_other_host(site):
    for name, html in pages(site).items():
        found = CSP.findall(html)
        assert len(found) == 1, name
        policy = dict(part.strip().split(" ", 1) for part in found[0].split(";"))
        assert policy["default-src"] == "'self'", name
        for directive, sources in policy.items():
            for source in sources.split():
                assert source in ("'self'", "'none'", "data:", "'unsafe-hashes'") or \
                    re.fullmatch(r"'sha256-[A-Za-z0-9+/]+=*'", source), (name, directive, source)
        assert "CSP_" not in found[0], name
        # The policy comes before the first script, so it covers every one of them.
        assert html.index("Content-Security-Policy") < html.index("<script"), name


def test_every_inline_script_on_a_page_is_allowed_by_its_hash(site):
    for name, html in pages(site).items():
        policy = CSP.search(html).group(1)
        for attributes, body in re.findall(r"<script(?![^>]*\ssrc=)([^>]*)>(.*?)</script>", html, re.S):
            if "application/json" not in attributes:
                digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
                assert f"'sha256-{digest}'" in policy, (name, body[:60])


@pytest.mark.browser
def test_search_and_palette_work_without_a_policy_violation(browser, server):
    context = browser.new_context()
    page = context.new_page()
    problems, outside = [], []
    page.on("console", lambda m: m.type in ("error", "warning") and problems.append(m.text))
    page.on("pageerror", lambda e: problems.append(str(e)))
    host = urlparse(server).netloc
    page.on("request", lambda r: urlparse(r.url).netloc not in (host, "") and not r.url.startswith("data:")
            and outside.append(r.url))
    page.add_init_script("""
      window.__violations = [];
      document.addEventListener('securitypolicyviolation',
        e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
    """)
    page.goto(f"{server}/modules/toegankelijkheid/", wait_until="networkidle")
    scheme = page.get_attribute("body", "data-md-color-scheme")
    page.click("form[data-gids-component=palette] label:not([hidden])")
    page.wait_for_function(f"() => document.body.dataset.mdColorScheme !== '{scheme}'")
    search(page, "drempels")  # the search worker and its index loaded
    page.click(".md-search-result__item a")
    page.wait_for_url(lambda url: "h=drempels" in url, wait_until="networkidle")  # the result opened
    assert page.get_attribute("body", "data-md-color-scheme") != scheme  # the choice is kept
    violations = page.evaluate("window.__violations")
    context.close()
    assert violations == [] and problems == [] and outside == []


@pytest.mark.browser
def test_policy_blocks_an_injected_script(browser, server):
    """The gate can fail: a script that is not on the page's list is refused and reported."""
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script("""
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective));
    """)
    page.goto(f"{server}/", wait_until="networkidle")
    page.evaluate("""() => { const s = document.createElement('script'); s.textContent = 'window.__ran = 1';
                             document.body.append(s);
                             const t = document.createElement('script'); t.src = 'https://example.org/x.js';
                             document.body.append(t); }""")
    page.wait_for_function("() => window.__violations.length >= 2")
    assert page.evaluate("() => window.__ran === undefined")
    context.close()


def test_external_links_open_safely(site):
    external = 0
    for name, html in pages(site).items():
        for tag in re.findall(r"<a\s[^>]*>", html):
            href = re.search(r'href="([^"]*)"', tag)
            if href and href.group(1).startswith(("https://", "http://", "//")):
                external += 1
                assert href.group(1).startswith("https://"), (name, tag)
                rel = re.search(r'rel="([^"]*)"', tag).group(1).split()
                assert "noopener" in rel and "noreferrer" in rel, (name, tag)
    assert external >= 20


def test_safe_external_links_adds_rel_and_leaves_internal_links():
    html = ('<a href="https://www.opgroeien.be">x</a> <a href="../tips/">y</a> '
            '<a class="k" href="https://a.be" rel="nofollow">z</a>')
    assert safe_external_links(html) == (
        '<a href="https://www.opgroeien.be" rel="noopener noreferrer">x</a> <a href="../tips/">y</a> '
        '<a class="k" href="https://a.be" rel="nofollow noopener noreferrer">z</a>')


def test_every_page_has_its_own_description_from_its_content(site):
    import yaml

    site_description = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["site_description"]
    seen = {}
    for name, html in pages(site).items():
        if name == "404.html":
            continue
        found = DESCRIPTION.findall(html)
        assert len(found) == 1, name
        text = found[0]
        assert len(text) >= 40, (name, text)
        assert text != site_description, name
        assert text not in seen, (f"{name} heeft dezelfde beschrijving als {seen.get(text)}: geef elke pagina "
                                  "een eigen beschrijving (bij een module: 'beschrijving' in module.yml)")
        seen[text] = name
