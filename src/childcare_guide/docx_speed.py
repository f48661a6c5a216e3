"""Faster Word worksheets with the same bytes: compiled XPath and a one-pass reproducible save.

python-docx, like python-pptx (see pptx_speed), compiles each XPath expression again on every
call; `etree.XPath` compiles it once per thread and gives the same result. And instead of saving
the document (compressing every member) and then rewriting the zip with fixed timestamps
(compressing everything again), `save_reproducible` collects the members and zips them once, in
the order deck.normalise_zip gives: the same bytes (tests/test_worksheet_docx.py).
"""

from __future__ import annotations

import io
import threading
import zipfile

from lxml import etree

_local = threading.local()
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
    namespaces = dict(nsmap)
    original = base.xpath

    def xpath(self, xpath_str: str, *args, **kwargs):
        if args or kwargs:  # python-docx passes only the expression; keep the original meaning
            return original(self, xpath_str, *args, **kwargs)
        compiled = getattr(_local, "compiled", None)
        if compiled is None:
            compiled = _local.compiled = {}
        function = compiled.get(xpath_str)
        if function is None:
            function = compiled[xpath_str] = etree.XPath(xpath_str, namespaces=namespaces)
        return function(self)

    _original = original
    base.xpath = xpath
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
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        first = "[Content_Types].xml"
        for name in [first] + sorted(n for n in members if n != first):
            info = zipfile.ZipInfo(name, date_time=date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, members[name])
    return out.getvalue()
