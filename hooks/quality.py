"""MkDocs hook for the site's quality gates: one link rule, safe external links and a Content-Security-Policy.

- One link rule for every page, hand-written or made from content/, checked on the rendered HTML
  before MkDocs writes the page (childcare_guide.content.links): only https:, mailto:, tel: and links
  inside the guide. Any other link stops the build with a Dutch message that names the source file
  and the line.
- Every link to another site opens safely: rel="noopener noreferrer" (no access to this window, no
  referrer sent to the other site). Links open in the same tab, on every page alike.
- overrides/main.html puts a Content-Security-Policy on every page with two placeholders; this hook
  replaces them with the SHA-256 hashes of that page's own inline scripts and style attributes, so
  the policy needs neither 'unsafe-inline' nor any other host. After the build, every HTML page
  of the site and of the offline zip is read again: a policy with a placeholder left in it (an empty
  or broken policy in the browser) stops the build with a Dutch message naming the pages.
- Every script file loads with `defer`: the browser reads and paints the whole page first, then runs
  the scripts in the same order (Material's bundle, then ours). On a slow
  phone the text appears before some 50 KB of script has arrived and run.
- The small link beside each heading ('Link naar dit deel', the toc extension's permalink_title)
  carries its name as aria-label instead of title. With a title, Material's tooltips set up a
  tooltip for each of the 80 headings of a module page while the page loads; the name for screen
  readers and the keyboard stays the same.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
import zipfile
from pathlib import Path

from mkdocs.exceptions import PluginError

from childcare_guide.content.links import LinkError, bad_links, check_page, link_problems
from childcare_guide.site import preview
from childcare_guide.site.cache import load_cached
from childcare_guide.site.links import page_sources
from childcare_guide.site.timing import timed

SCRIPT_PLACEHOLDER = "CSP_INLINE_HASHES"
STYLE_PLACEHOLDER = "CSP_STYLE_HASHES"  # style="text-align: right;" of Markdown tables, by hash
SAFE_REL = ("noopener", "noreferrer")
# `mkdocs serve` adds its own inline live-reload script to each page it serves, with a new number
# every time, so no hash can allow it. For that local preview only, the policy allows inline
# scripts; the built site (mkdocs build, the tests, Lighthouse) keeps the hashes. Whether MkDocs
# serves is known once, in childcare_guide.site.preview.

_ANCHOR = re.compile(r"<a\s[^>]*>", re.I)
_HREF = re.compile(r"""\shref\s*=\s*(["'])(.*?)\1""", re.I | re.S)
_REL = re.compile(r"""\srel\s*=\s*(["'])(.*?)\1""", re.I | re.S)
_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\ssrc\s*=)([^>]*)>(.*?)</script>", re.I | re.S)
_SCRIPT_FILE = re.compile(r"<script(?=[^>]*\ssrc\s*=)(?![^>]*\s(?:defer|async)\b)([^>]*?)\s*>", re.I)
_HEADERLINK_TITLE = re.compile(r'(<a class="headerlink" href="[^"]*") title="([^"]*)"')
_STYLE_ATTRIBUTE = re.compile(r"""<[a-z][^>]*?\sstyle\s*=\s*(["'])(.*?)\1""", re.I | re.S)
_POLICY_META = re.compile(r"<meta\s[^>]*content-security-policy[^>]*>", re.I)


def is_external(href: str) -> bool:
    return href.lower().startswith(("https://", "http://", "//"))


def safe_external_links(page_html: str) -> str:
    """Add rel="noopener noreferrer" to every <a> that points to another site."""
    def fix(match: re.Match) -> str:
        tag = match.group(0)
        href = _HREF.search(tag)
        if href is None or not is_external(html.unescape(href.group(2)).strip()):
            return tag
        rel = _REL.search(tag)
        if rel is None:
            return tag[:-1].rstrip("/").rstrip() + f' rel="{" ".join(SAFE_REL)}">'
        words = rel.group(2).split()
        words += [word for word in SAFE_REL if word not in words]
        return tag[:rel.start()] + f' rel="{" ".join(words)}"' + tag[rel.end():]
    return _ANCHOR.sub(fix, page_html)


def defer_scripts(page_html: str) -> str:
    """Add `defer` to every <script src=...> that has neither defer nor async."""
    return _SCRIPT_FILE.sub(lambda match: f"<script{match.group(1)} defer>", page_html)


def name_headerlinks(page_html: str) -> str:
    """The permalink beside each heading: its title becomes its aria-label."""
    return _HEADERLINK_TITLE.sub(r'\1 aria-label="\2"', page_html)


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def _executable(attributes: str) -> bool:
    kind = re.search(r"""\stype\s*=\s*["']?([^"'\s>]+)""", attributes, re.I)
    return kind is None or kind.group(1).lower() in ("text/javascript", "module", "application/javascript")


def fill_policy(page_html: str) -> str:
    """Replace the CSP placeholders with the hashes of this page's inline scripts and style attributes."""
    if SCRIPT_PLACEHOLDER not in page_html:
        return page_html
    scripts = sorted({_sha256(body) for attributes, body in _INLINE_SCRIPT.findall(page_html)
                      if _executable(attributes)})
    if preview.serving():
        scripts = ["'unsafe-inline'"]
    styles = sorted({_sha256(html.unescape(value)) for _, value in _STYLE_ATTRIBUTE.findall(page_html)})
    style_sources = ["'unsafe-hashes'", *styles] if styles else []
    return (page_html.replace(SCRIPT_PLACEHOLDER, " ".join(scripts), 1)
            .replace(STYLE_PLACEHOLDER, " ".join(style_sources), 1)
            .replace("  ;", ";").replace(" ;", ";"))


def has_unfilled_policy(page_html: str) -> bool:
    """True when a Content-Security-Policy of the page still holds one of the placeholders."""
    return any(SCRIPT_PLACEHOLDER in meta or STYLE_PLACEHOLDER in meta for meta in _POLICY_META.findall(page_html))


def unfilled_policies(site_dir: str | Path) -> list[str]:
    """The built pages (and pages inside a built zip) whose policy still holds a placeholder."""
    site, found = Path(site_dir), []
    for path in sorted(site.rglob("*")):
        name = path.relative_to(site).as_posix()
        if path.suffix == ".html" and has_unfilled_policy(path.read_text(encoding="utf-8", errors="replace")):
            found.append(name)
        elif path.suffix == ".zip":
            with zipfile.ZipFile(path) as archive:
                found.extend(f"{name}: {entry}" for entry in archive.namelist() if entry.endswith(".html")
                             and has_unfilled_policy(archive.read(entry).decode("utf-8", errors="replace")))
    return found


def on_startup(command: str, dirty: bool) -> None:
    preview.start(command)  # also hooks/guide.py's: the same answer, whichever hook runs first


def on_page_content(page_html: str, page, config, files) -> str:
    return name_headerlinks(page_html)


def _root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def check_links(output: str, root: Path, src_uri: str, generated: bool, own_site: str | None = None) -> None:
    """The one link rule (childcare_guide.content.links); a PluginError in Dutch when a link breaks
    it. Only then are the page's sources looked up (and the content model asked for them)."""
    with timed("link rule"):
        found = bad_links(output, own_site)
    if found:
        package = load_cached(root) if generated else None
        sources, fallback = page_sources(root, src_uri, generated, package)
        raise PluginError(LinkError(link_problems(found, sources, root, fallback)).report())


def on_post_page(output: str, page, config) -> str:
    # while serving, MkDocs sets site_url to the local address, and the theme links to it
    check_links(output, _root(config), page.file.src_uri, page.file.generated_by is not None,
                config.site_url if preview.serving() else None)
    return defer_scripts(fill_policy(safe_external_links(output)))  # the theme's links too (footer)


def on_post_template(output: str, template_name: str, config) -> str:
    root = _root(config)
    try:
        check_page(output, [root / "overrides" / template_name], root, f"overrides/{template_name}")
    except LinkError as error:
        raise PluginError(error.report()) from None
    return defer_scripts(fill_policy(safe_external_links(output)))  # 404.html


def on_post_build(config) -> None:
    """No page leaves the build with a placeholder in its policy (runs after the offline zip is made)."""
    unfilled = unfilled_policies(config.site_dir)
    if unfilled:
        raise PluginError(
            "De Content-Security-Policy is niet ingevuld op deze pagina's: de plaatshouder "
            f"{SCRIPT_PLACEHOLDER} of {STYLE_PLACEHOLDER} uit overrides/main.html staat er nog in. "
            "Zo'n pagina werkt niet goed in de browser; de site wordt niet gepubliceerd.\n"
            + "\n".join(f"- {name}" for name in unfilled[:10])
            + (f"\n- ... en nog {len(unfilled) - 10}" if len(unfilled) > 10 else "")
            + "\nhooks/quality.py vult de plaatshouders in (fill_policy), één keer per pagina. Staat de "
            "plaatshouder twee keer in overrides/main.html, of maakt een plugin of hook een pagina die "
            "niet langs on_post_page of on_post_template komt? Pas dat aan en bouw opnieuw.")
