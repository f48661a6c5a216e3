"""Faster Word worksheets with the same bytes: compiled XPath and a one-pass reproducible save.

python-docx, like python-pptx (see pptx_speed), compiles each XPath expression again on every
call; `etree.XPath` compiles it once per thread and gives the same result. And instead of saving
the document (compressing every member) and then rewriting the zip with fixed timestamps
(compressing everything again), `save_reproducible` collects the members and zips them once, in
the order deck.normalise_zip gives: the same bytes (tests/test_worksheet_docx.py).
"""

from __future__ import annotations

from .ooxml import compiled_xpath, write_zip

_original = None


def install() -> bool:
    """Patch python-docx once; False (and no change) if its internals are not as expected."""
    global _original
    try:
        from docx.oxml import xmlchemy
        from docx.oxml.ns import nsmap
    except ImportError:
        return False
    base = getattr(xmlchemy, "BaseOxmlElement", None)
    if base is None or not callable(getattr(base, "xpath", None)):
        return False
    if _original is not None:
        return True
    _original = base.xpath
    base.xpath = compiled_xpath(_original, nsmap)
    return True


def uninstall() -> None:
    """Restore python-docx's own method (tests compare both)."""
    global _original
    if _original is not None:
        from docx.oxml import xmlchemy

        xmlchemy.BaseOxmlElement.xpath = _original
        _original = None


def save_reproducible(document, date_time: tuple[int, int, int, int, int, int]) -> bytes | None:
    """The document as .docx bytes with fixed timestamps and sorted members, zipped once.

    None if python-docx's package writer is not as expected (the caller then saves normally).
    """
    try:
        from docx.opc.pkgwriter import PackageWriter
    except ImportError:
        return None
    steps = ("_write_content_types_stream", "_write_pkg_rels", "_write_parts")
    if not all(callable(getattr(PackageWriter, step, None)) for step in steps):
        return None
    package = document.part.package
    parts = package.parts
    for part in parts:  # what OpcPackage.save does first
        part.before_marshal()
    members: dict[str, bytes] = {}

    class Collector:
        def write(self, pack_uri, blob: bytes) -> None:
            members[pack_uri.membername] = blob

    collector = Collector()
    PackageWriter._write_content_types_stream(collector, parts)
    PackageWriter._write_pkg_rels(collector, package.rels)
    PackageWriter._write_parts(collector, parts)
    return write_zip(members, date_time)
