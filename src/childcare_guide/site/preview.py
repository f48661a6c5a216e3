"""`mkdocs serve` for editors: a content mistake is shown in the browser, in place of the page.

`mkdocs build` stops on a content mistake (a Dutch report, non-zero exit). While serving, a
stopped build would leave the browser on the old page with the report only in the terminal, so
the hooks let the build go on and every page shows the report instead; the next save that fixes
the mistake rebuilds the normal pages, and the browser reloads by itself.
"""

from __future__ import annotations

import html

from childcare_guide.content.errors import ContentError

_serving = False
_report: str | None = None  # the Dutch report of this build's content mistake, if any


def start(command: str) -> None:
    """Called once when MkDocs starts: `serve` or `build`."""
    global _serving
    _serving = command == "serve"


def serving() -> bool:
    return _serving


def begin_build() -> None:
    """A (re)build starts: forget the mistake of the previous one."""
    global _report
    _report = None


def shown_in_browser(error: ContentError) -> bool:
    """While serving, remember the mistake for the pages and say True; building, say False."""
    global _report
    if not _serving:
        return False
    if _report is None:
        _report = error.report()
    return True


def pending_report() -> str | None:
    return _report


def error_page(report: str) -> str:
    """A plain, self-contained page with the report (no script, no style from elsewhere)."""
    return f"""<!doctype html>
<html lang="nl-BE">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Fout in de inhoud</title>
</head>
<body style="font-family: system-ui, sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem;
             line-height: 1.5; color: #1a1a1a; background: #fff">
<h1>De gids kan niet gemaakt worden: er is een fout in de inhoud</h1>
<p>Verbeter de fout hieronder en bewaar het bestand. Deze pagina ververst dan vanzelf.</p>
<pre style="white-space: pre-wrap; background: #fff4e5; border-left: 4px solid #c05a12;
            padding: 1rem">{html.escape(report)}</pre>
</body>
</html>
"""
