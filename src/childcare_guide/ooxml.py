"""What the Office files share: compiled XPath (python-pptx), and one reproducible zip (decks, worksheets).

python-pptx looks up elements with `element.xpath(expression, namespaces=...)` thousands of times
per file, and lxml compiles the expression again on every call. `etree.XPath` compiles it once
and gives the same result. A compiled XPath object must not be shared between threads, so the
cache is per thread.
"""

from __future__ import annotations

import io
import threading
import zipfile
from collections.abc import Callable, Mapping

from lxml import etree

CONTENT_TYPES = "[Content_Types].xml"  # must stay the first member for some readers


def compiled_xpath(original: Callable, namespaces: Mapping[str, str]) -> Callable:
    """A drop-in for BaseOxmlElement.xpath that compiles each expression once per thread."""
    local = threading.local()
    namespaces = dict(namespaces)

    def xpath(self, xpath_str: str, *args, **kwargs):
        if args or kwargs:  # neither library passes more; keep the original meaning
            return original(self, xpath_str, *args, **kwargs)
        compiled = getattr(local, "compiled", None)
        if compiled is None:
            compiled = local.compiled = {}
        function = compiled.get(xpath_str)
        if function is None:
            function = compiled[xpath_str] = etree.XPath(xpath_str, namespaces=namespaces)
        return function(self)

    return xpath


def write_zip(members: Mapping[str, bytes], date_time: tuple[int, int, int, int, int, int]) -> bytes:
    """An Office file's members as zip bytes: fixed timestamps, [Content_Types].xml first, the
    rest sorted, so equal content gives equal bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        names = [n for n in members if n == CONTENT_TYPES] + sorted(n for n in members if n != CONTENT_TYPES)
        for name in names:
            info = zipfile.ZipInfo(name, date_time=date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, members[name])
    return out.getvalue()
