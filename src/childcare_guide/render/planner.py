"""The session planner's data on a module page.

The timed outline keeps its relative times (0:00–0:10) for readers without JavaScript. This
empty element carries the steps as data; docs/javascripts/chairs.js builds the small form
(start time, an optional break), adds the clock times to the outline and prints the agenda.
"""

from __future__ import annotations

import html
import json

from childcare_guide.content.model import Module


def planner_block(module: Module) -> str:
    steps = [{"nummer": n, "titel": s.title, "minuten": s.minutes, "werkvorm": s.method}
             for n, s in enumerate(module.steps, start=1)]
    data = html.escape(json.dumps(steps, ensure_ascii=False), quote=True)
    title = html.escape(f"Module {module.number}: {module.title}", quote=True)
    return f'<div class="sessieplanner" data-titel="{title}" data-stappen="{data}"></div>\n'
