"""Make python-pptx evaluate its XPath expressions from a compiled cache (and remember qn()).

python-pptx looks up elements with `element.xpath(expression, namespaces=...)` thousands of times
per deck; lxml compiles the expression again on every call. `etree.XPath` compiles it once and
gives the same result for the same element, so building a deck is about twice as fast, with the
same bytes (tests/test_pptx_speed.py). The cache is per thread, because a compiled XPath object
must not be shared between threads.
"""

from __future__ import annotations

from .ooxml import compiled_xpath, write_zip

_original = None


def install() -> bool:
    """Patch python-pptx once; False (and no change) if its internals are not as expected."""
    global _original
    try:
        from pptx.oxml import xmlchemy
        from pptx.oxml.ns import _nsmap
    except ImportError:
        return False
    base = getattr(xmlchemy, "BaseOxmlElement", None)
    if base is None or not callable(getattr(base, "xpath", None)):
        return False
    if _original is not None:
        return True
    _original = base.xpath
    base.xpath = compiled_xpath(_original, _nsmap)
    _patch_qn(True)
    return True


_qn = {}  # the original qn and its memo


def _patch_qn(fast: bool) -> None:
    """qn('a:p') -> '{namespace}p' builds a helper object on every call (tens of thousands per
    deck): remember each answer. Every pptx module imported its own reference, so each is set."""
    import functools
    import sys

    from pptx.oxml import ns

    if not _qn:
        _qn["original"] = ns.qn
        _qn["memo"] = functools.lru_cache(maxsize=None)(ns.qn)
    old, new = (_qn["original"], _qn["memo"]) if fast else (_qn["memo"], _qn["original"])
    for name, module in list(sys.modules.items()):
        if (name == "pptx" or name.startswith("pptx.")) and getattr(module, "qn", None) is old:
            module.qn = new


def uninstall() -> None:
    """Restore python-pptx's own method (tests compare both)."""
    global _original
    if _original is not None:
        from pptx.oxml import xmlchemy

        xmlchemy.BaseOxmlElement.xpath = _original
        _original = None
        _patch_qn(False)


def save_reproducible(prs, date_time: tuple[int, int, int, int, int, int]) -> bytes | None:
    """The presentation as .pptx bytes with fixed timestamps and sorted members, zipped once.

    The same bytes as deck.normalise_zip(saved bytes), without compressing everything twice.
    None if python-pptx's package writer is not as expected (the caller then saves normally).
    """
    import io

    try:
        from pptx.opc.serialized import PackageWriter
    except ImportError:
        return None
    package = prs.part.package
    members: dict[str, bytes] = {}

    class Collector:
        def write(self, pack_uri, blob: bytes) -> None:
            members[pack_uri.membername] = blob

    writer = PackageWriter(io.BytesIO(), package._rels, tuple(package.iter_parts()))
    steps = ("_write_content_types_stream", "_write_pkg_rels", "_write_parts")
    if not all(callable(getattr(writer, step, None)) for step in steps):
        return None
    for step in steps:
        getattr(writer, step)(Collector())
    return write_zip(members, date_time)
