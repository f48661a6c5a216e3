"""One link rule for every page of the site, checked on the rendered HTML.

A page may link only to https: addresses, to mailto: and tel:, and to places in the guide itself
(relative links and #anchors). Anything else stops the build: javascript: in any spelling or
encoding, data:, vbscript:, http:, file:, an address that starts with // (another host, without
https), or any other scheme.

The scheme is read the way a browser reads it, and a little more strictly: character references
are resolved (`&#106;avascript:`), so is percent-encoding (`%6Aavascript:`), every control
character and every space is left out (`java&#9;script:`, ` javascript:`), and upper and lower case
are the same (`JaVaScRiPt:`); the replacement character a browser makes of `&#0;` is left out too.
Whatever a browser could take for a forbidden scheme, this rule takes
for one too.

The rule knows nothing of MkDocs: `make check` applies it to every Markdown file of content/ and
docs/ (content/form.py), hooks/quality.py to each rendered page before MkDocs writes it, and
site/offline.py to each page of the offline copy. The message names the source
file an editor changes (content/... or docs/...) and the line, found by looking for the link in
the source.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

ALLOWED_SCHEMES = ("https", "mailto", "tel")
# Attributes that hold an address, by element ('*': every element).
URL_ATTRIBUTES = {
    "*": ("href", "src", "xlink:href", "ping"),
    "form": ("action",), "button": ("formaction",), "input": ("formaction",),
    "video": ("poster",), "blockquote": ("cite",), "q": ("cite",), "del": ("cite",),
    "ins": ("cite",), "object": ("data",), "body": ("background",), "table": ("background",),
    "td": ("background",), "img": ("srcset", "longdesc"), "source": ("srcset",),
    "link": ("imagesrcset",),
}
SRCSET = ("srcset", "imagesrcset")
_EVERY = frozenset(URL_ATTRIBUTES["*"])
_NAMES = {tag: _EVERY | set(names) for tag, names in URL_ATTRIBUTES.items() if tag != "*"}
_SCHEME = re.compile(r"([a-z][a-z0-9+.\-]*):", re.I)
_INVISIBLE = re.compile(r"[\x00-\x20\x7f-\x9f\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f\u2060\u3000\ufeff\ufffd]+")
_PLAIN_ALLOWED = ("https://", "mailto:", "tel:")
_REFRESH_URL = re.compile(r"url\s*=\s*(.*)$", re.I | re.S)
ALLOWED_TEXT = ("Toegelaten zijn links die met https:// beginnen, mailto:- en tel:-links, en links "
                "naar pagina's en bestanden van de gids zelf.")


@dataclass(frozen=True)
class BadLink:
    """A link the rule does not allow, as it stands in the rendered HTML."""

    url: str         # the attribute's value, character references resolved (as a browser reads it)
    raw: str         # the attribute's value as written in the HTML
    text: str        # the link's text (for <a>), else ''
    scheme: str      # the scheme as a browser reads it, lower case; '//' for an address without one

    @property
    def shown(self) -> str:
        """The address for a message, spelled as in the HTML (character references as written,
        so an editor finds it in the source); control characters made visible."""
        return "".join(c if c.isprintable() else repr(c)[1:-1] for c in self.raw.strip())


def scheme_of(url: str) -> str | None:
    """The scheme a browser could see in url, lower case; '//' for another host without a scheme;
    None for a link inside the guide (relative, or an #anchor)."""
    # the common links, quickly: the same answer as the long way below
    if url.startswith(_PLAIN_ALLOWED):
        return url.partition(":")[0]
    if not url or (url[0] in "#./?" and url[:2] not in ("//", "/\\") and url.isprintable()
                   and not any(c in url for c in "&%\\")):
        return None
    return _scheme_the_long_way(url)


def _scheme_the_long_way(url: str) -> str | None:
    value = url
    for _ in range(5):  # resolve layer on layer: '&amp;#106;', '%26%23106;' ...
        decoded = unquote(html.unescape(value))
        if decoded == value:
            break
        value = decoded
    value = _INVISIBLE.sub("", value)
    if value[:2] in ("//", "\\\\", "/\\", "\\/"):
        return "//"
    match = _SCHEME.match(value)
    return match.group(1).lower() if match else None


class _LinkParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.bad: list[BadLink] = []
        self._open: list[tuple[str, str, str, list[str]]] = []  # (url, raw, scheme, text parts)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = _NAMES.get(tag, _EVERY)
        for name, value in attrs:
            if value is None or name not in names:
                continue
            for url in _urls(name, value):
                scheme = scheme_of(url)
                if scheme is None or scheme in ALLOWED_SCHEMES:
                    continue
                raw = _raw_attributes(self.get_starttag_text() or "").get(name, value)
                if tag == "a" and name == "href":
                    self._open.append((url, raw, scheme, []))
                else:
                    self.bad.append(BadLink(url, raw, "", scheme))
        if tag == "meta":
            self._refresh(dict(attrs))

    def _refresh(self, attrs: dict[str, str | None]) -> None:
        """<meta http-equiv="refresh" content="0; url=...">: a link too."""
        if (attrs.get("http-equiv") or "").lower() != "refresh":
            return
        target = _REFRESH_URL.search(attrs.get("content") or "")
        if target:
            url = target.group(1).strip().strip("'\"")
            scheme = scheme_of(url)
            if scheme is not None and scheme not in ALLOWED_SCHEMES:
                self.bad.append(BadLink(url, url, "", scheme))

    def handle_data(self, data: str) -> None:
        if not self._open:
            return
        for _url, _raw, _scheme, parts in self._open:
            parts.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._open:
            self._close()

    def close(self) -> None:
        super().close()
        while self._open:
            self._close()

    def _close(self) -> None:
        url, raw, scheme, parts = self._open.pop()
        self.bad.append(BadLink(url, raw, " ".join("".join(parts).split()), scheme))


def _raw_attributes(tag: str) -> dict[str, str]:
    """The attribute values of a start tag as written, character references unresolved."""
    found: dict[str, str] = {}
    for match in re.finditer(r"""([^\s"'>/=]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", tag[1:]):
        name = match.group(1).lower()
        if name not in found:
            found[name] = next(v for v in match.groups()[1:] if v is not None)
    return found


def _urls(name: str, value: str) -> list[str]:
    """The addresses in an attribute: one, or a list (srcset: 'a.png 1x, b.png 2x'; ping: 'a b')."""
    if name in SRCSET:
        return [candidate.split()[0] for candidate in value.split(",") if candidate.split()]
    if name == "ping":
        return value.split()
    return [value]


def bad_links(page_html: str, own_site: str | None = None) -> list[BadLink]:
    """Every link in page_html that the rule does not allow, in the order of the page.

    `own_site` is the address the guide itself is served from by `mkdocs serve`
    (http://127.0.0.1:8000/): the theme links to it, and those links stay inside the guide."""
    parser = _LinkParser()
    parser.feed(page_html)
    parser.close()
    if own_site:
        return [link for link in parser.bad if not link.url.strip().startswith(own_site)]
    return parser.bad


def what_to_do(link: BadLink) -> str:
    """What is wrong with the link and what to do, in Dutch."""
    if link.scheme == "http":
        return f"de link '{link.shown}' is niet beveiligd (http). Gebruik het adres dat met https:// begint."
    if link.scheme == "//":
        return (f"de link '{link.shown}' wijst naar een andere site zonder https:. Schrijf het adres "
                "voluit, met https:// ervoor.")
    if link.scheme in ("javascript", "vbscript"):
        return (f"de link '{link.shown}' voert code uit ({link.scheme}:). Verwijder de link of zet er "
                "een gewone link voor in de plaats die met https:// begint.")
    if link.scheme == "data":
        return (f"de link '{link.shown}' draagt zijn inhoud in het adres mee (data:). Zet het bestand "
                "in docs/ en link ernaar, of link naar een adres dat met https:// begint.")
    if link.scheme == "file":
        return (f"de link '{link.shown}' wijst naar een bestand op je eigen computer (file:). Zet het "
                "bestand in docs/ en link ernaar, of link naar een adres dat met https:// begint.")
    return (f"de link '{link.shown}' begint met '{link.scheme}:', en dat mag niet. Gebruik een "
            "adres dat met https:// begint, of een mailto:- of tel:-link.")


@dataclass(frozen=True)
class LinkProblem:
    """A link that is not allowed, with the source file (as the editor sees it) and its line."""

    file: str
    line: int | None
    link: BadLink

    def __str__(self) -> str:
        place = self.file if self.line is None else f"{self.file}, regel {self.line}"
        return f"{place}: {what_to_do(self.link)}"


class LinkError(Exception):
    """Raised when a page holds one or more links that are not allowed; holds them all."""

    def __init__(self, problems: list[LinkProblem]):
        self.problems = problems
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        head = ("Een pagina bevat een link die niet mag. Verbeter die en probeer opnieuw."
                if count == 1 else
                f"Een pagina bevat {count} links die niet mogen. Verbeter ze en probeer opnieuw.")
        return "\n".join([head, *(f"- {p}" for p in self.problems), ALLOWED_TEXT])


def locate(link: BadLink, sources: Iterable[Path], root: Path) -> tuple[str, int | None] | None:
    """The first source file and line that hold the link, looked up by its address as written,
    its address as read, then its text; None when no source holds it."""
    sources = list(sources)
    texts = {path: _read(path) for path in sources}
    needles = [n for n in (link.raw.strip(), link.url.strip(), _after_scheme(link.raw), link.text)
               if len(n) >= 3]
    for needle in needles:
        for path in sources:
            for number, line in enumerate(texts[path].splitlines(), start=1):
                if needle in line:
                    return _shown(path, root), number
    return None


def check_page(page_html: str, sources: Iterable[Path], root: Path, fallback: str) -> None:
    """Raise LinkError when page_html holds a link the rule does not allow. Each problem names
    the source that holds the link (with its line), else fallback (the page's own source)."""
    found = bad_links(page_html)
    if found:
        raise LinkError(link_problems(found, sources, root, fallback))


def link_problems(found: list[BadLink], sources: Iterable[Path], root: Path,
                  fallback: str) -> list[LinkProblem]:
    """A problem for each link, at the first source file and line that hold it."""
    sources = [path for path in sources if path.is_file()]
    problems = []
    for link in found:
        place = locate(link, sources, root)
        file, line = place if place is not None else (fallback, None)
        problems.append(LinkProblem(file, line, link))
    return problems


def _after_scheme(raw: str) -> str:
    """'jav&#x61;script:alert(1)' -> 'alert(1)': what follows the colon, spelled as it is."""
    return raw.partition(":")[2].strip()


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""


def _shown(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
