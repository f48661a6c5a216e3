"""MkDocs adapter for the chairs' tools: the self-check 'Waar staan we?', the glossary
('Begrippen', also as explanations on every page), the printable preparation checklists and the
form 'Vul je gegevens in' (/invullen/).

The session planner and the interactive self-check run in docs/javascripts/chairs.js, the form in
docs/javascripts/invullen.js; the domain code (no MkDocs import) is in childcare_guide.content
(glossary, selfcheck) and childcare_guide.render (glossary_page, selfcheck_page, fill_page,
preparation, planner).
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from childcare_guide import ContentError
from childcare_guide.content.chair_pages import load_chair_pages
from childcare_guide.render.fill_page import PAGE as FILL_PAGE
from childcare_guide.render.fill_page import fill_page
from childcare_guide.render.glossary_page import PAGE as GLOSSARY_PAGE
from childcare_guide.render.glossary_page import glossary_page
from childcare_guide.render.paths import checklist_page_path
from childcare_guide.render.selfcheck_page import PAGE as SELFCHECK_PAGE
from childcare_guide.render.selfcheck_page import selfcheck_page
from childcare_guide.site import preview
from childcare_guide.site.cache import load_cached
from childcare_guide.site.outputs import checklist_file


def _load(config):
    root = Path(config.config_file_path).resolve().parent
    try:
        package = load_cached(root)
        glossary, selfcheck = load_chair_pages(root, package)
    except ContentError as error:
        if preview.shown_in_browser(error):  # serving: hooks/guide.py shows it on every page
            return None
        raise PluginError(error.report()) from None
    return package, glossary, selfcheck


def on_config(config):
    loaded = _load(config)
    if loaded is None:
        return config
    _, glossary, _ = loaded
    if "abbr" not in config.markdown_extensions:
        raise PluginError("mkdocs.yml: de uitbreiding 'abbr' ontbreekt bij 'markdown_extensions'. "
                          "Zet '- abbr' terug: zo toont elke pagina de uitleg van de begrippen.")
    # the abbr extension marks every term of content/begrippen.yml on every page, also generated ones
    config.mdx_configs.setdefault("abbr", {})["glossary"] = glossary.explanations()
    return config


def on_files(files: Files, config) -> Files:
    loaded = _load(config)
    if loaded is None:
        return files
    package, glossary, selfcheck = loaded
    generated = {GLOSSARY_PAGE: glossary_page(glossary),
                 SELFCHECK_PAGE: selfcheck_page(package, selfcheck),
                 FILL_PAGE: fill_page(package)}
    for module in package.modules:
        generated[checklist_page_path(module)] = checklist_file(package, module)
    for uri, content in generated.items():
        if files.get_file_from_path(uri) is not None:
            raise PluginError(f"docs/{uri} bestaat al, maar deze pagina wordt gemaakt uit content/. "
                              f"Verwijder docs/{uri} en pas de inhoud aan in content/.")
        files.append(File.generated(config, uri, content=content))
    return files


HEADING = re.compile(r"<h([1-6])([^>]*)>(.*?)</h\1>", re.S)
ABBR = re.compile(r'<abbr title="[^"]*">(.*?)</abbr>', re.S)


def _plain_heading(match: re.Match) -> str:
    level, attrs, inner = match.groups()
    return f"<h{level}{attrs}>{ABBR.sub(lambda m: m.group(1), inner)}</h{level}>"


# A checklist item of pymdownx.tasklist: the tick box sits in an empty label, its text after it.
TASK_BOX = re.compile(r'(<li class="task-list-item"><label class="task-list-control">)'
                      r'(<input type="checkbox"(?: checked)?)(/?>)(.*?</label>)(.*?)(?=<ul|<ol|</li>)', re.S)
TAG = re.compile(r"<[^>]+>")


def _named_box(match: re.Match) -> str:
    """Give a tick box the text of its item as its name, so a screen reader says what it ticks."""
    start, box, end, label, text = match.groups()
    strong = re.search(r"<strong>(.*?)</strong>", text, re.S)
    name = TAG.sub("", strong.group(1) if strong else text)
    name = " ".join(name.split()).rstrip(".").replace('"', "&quot;")
    return f'{start}{box} aria-label="{name}"{end}{label}{text}'


def _first_mentions_only(html: str) -> str:
    """Only the first mention of each spelling of a term ('LOK', 'Lokaal Overleg Kinderopvang')
    in each part of a page (from one h2 to the next) keeps its explanation (title); later mentions
    in the same part are plain text. A chair who jumps to a part finds the explanation there, and
    a long page does not carry the same explanation dozens of times."""
    return "".join(_first_in_part(part) for part in PART.split(html))


def _first_in_part(html: str) -> str:
    seen: set[str] = set()

    def keep_first(match: re.Match) -> str:
        spelling = match.group(2)
        if spelling in seen:
            return spelling
        seen.add(spelling)
        return match.group(0)

    return TERM.sub(keep_first, html)


PART = re.compile(r"(?=<h2[\s>])")
TERM = re.compile(r'<abbr title="([^"]*)">(.*?)</abbr>', re.S)


def on_page_content(html: str, page, config, files) -> str:
    """No glossary tooltips inside headings: a heading stays a plain title (and a clean anchor);
    only a term's first mention in each part (h2) of a page carries its explanation.
    Every checklist tick box gets a name from its item."""
    html = _first_mentions_only(HEADING.sub(_plain_heading, html))
    return TASK_BOX.sub(_named_box, html)
