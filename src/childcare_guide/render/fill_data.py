"""The data file of a module for filling in the browser: invullen/data/<slug>.js.

docs/javascripts/fill.js loads it with a <script> element when a chair downloads a filled deck or
worksheet (a page opened from the offline zip may not fetch a file, but it may load a script). It
registers the module's unfilled deck and its worksheets with fields, each as base64 with its fill
map (render/deck/writer.py and render/worksheet.py record the maps while they write the files).
"""

from __future__ import annotations

import base64
import json

from childcare_guide.content.model import Module, Worksheet

HEADER = ("/* Kinderopvang voor iedereen: made by the build (childcare_guide.render.fill_data), do not edit. "
          "Module {number}: the unfilled deck and worksheets, and where each field sits in them. */\n")


def fill_data_script(module: Module, deck: bytes, deck_map: dict,
                     worksheets: list[tuple[Worksheet, str, bytes, dict]]) -> str:
    """The script text; worksheets: (sheet, its .docx file name, bytes, fill map), those with fields."""
    data = {
        "slug": module.slug,
        "figures": [f.id for f in module.figures],
        "deck": {"name": module.deck_name, "data": base64.b64encode(deck).decode("ascii"), "map": deck_map},
        "worksheets": {sheet.id: {"name": name, "fields": list(sheet.fields),
                                  "data": base64.b64encode(data).decode("ascii"), "map": places}
                       for sheet, name, data, places in worksheets},
    }
    text = json.dumps(data, ensure_ascii=True, separators=(",", ":"), sort_keys=True)
    return (HEADER.format(number=module.number)
            + "(window.childcareFillData = window.childcareFillData || {})"
            + f"[{json.dumps(module.slug)}] = {text};\n")
