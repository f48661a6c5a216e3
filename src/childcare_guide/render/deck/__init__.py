"""A module's deck: its plan (plan.py, plain Python) and the .pptx writer (writer.py, python-pptx).

The plan's names import without python-pptx, so the module page's checklist (which needs the
field places) does not load it; the writer's names load it when first used.
"""

from __future__ import annotations

from childcare_guide.render.deck.plan import (
    FILL_IN_PREFIX,
    LAYOUTS,
    DeckPlan,
    FieldPlace,
    field_places,
    fill_in_text,
    plan_deck,
)

_WRITER_NAMES = ("TEMPLATE", "TemplateError", "build_deck", "build_deck_with_map", "write_deck", "write_deck_with_map")


def __getattr__(name: str):
    if name in _WRITER_NAMES:
        from childcare_guide.render.deck import writer

        return getattr(writer, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["FILL_IN_PREFIX", "LAYOUTS", "TEMPLATE", "DeckPlan", "FieldPlace", "TemplateError", "build_deck",
           "build_deck_with_map", "write_deck_with_map",
           "field_places", "fill_in_text", "plan_deck", "write_deck"]
