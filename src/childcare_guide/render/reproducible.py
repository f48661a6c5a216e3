"""What the Office files share: compiled XPath (python-pptx), and one reproducible zip (decks, worksheets).

python-pptx looks up elements with `element.xpath(expression, namespaces=...)` thousands of times
per file, and lxml compiles the expression again on every call. `etree.XPath` compiles it once
and gives the same result. A compiled XPath object must not be shared between threads, so the
cache is per thread.
"""

from __future__ import annotations

import datetime as dt
import io
import struct
import sys
import threading
import zipfile
import zlib
from collections.abc import Callable, Mapping

from lxml import etree

# Every Office file the build makes carries these times, so equal content gives equal bytes.
FIXED_TIME = dt.datetime(2024, 1, 1, 0, 0, 0)
ZIP_TIME = (2024, 1, 1, 0, 0, 0)

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
    rest sorted, so equal content gives equal bytes.

    Byte for byte what zipfile.ZipFile writes for them (see _write_zip_with_zipfile), but written
    here in one go, and each member compressed once per process: decks share most of their
    members (the template's parts, and in a batch most slides)."""
    names = _member_order(members)
    blobs = [members[name] for name in names]
    blobs = [blob.encode("utf-8") if isinstance(blob, str) else bytes(blob) for blob in blobs]
    if len(names) >= _MAX_SIMPLE_MEMBERS or sum(map(len, blobs)) > _MAX_SIMPLE_BYTES \
            or date_time[0] < 1980 or any("\0" in name for name in names):
        return _write_zip_with_zipfile(members, date_time)
    dosdate = (date_time[0] - 1980) << 9 | date_time[1] << 5 | date_time[2]
    dostime = date_time[3] << 11 | date_time[4] << 5 | (date_time[5] // 2)
    local: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for name, blob in zip(names, blobs, strict=True):
        crc, compressed = _deflate(blob)
        try:
            encoded, flags = name.encode("ascii"), 0
        except UnicodeEncodeError:
            encoded, flags = name.encode("utf-8"), 0x800
        header = struct.pack("<4s2B4HL2L2H", b"PK\003\004", _VERSION, 0, flags, zipfile.ZIP_DEFLATED,
                             dostime, dosdate, crc, len(compressed), len(blob), len(encoded), 0)
        local += (header, encoded, compressed)
        central += (struct.pack("<4s4B4HL2L5H2L", b"PK\001\002", _VERSION, _CREATE_SYSTEM, _VERSION, 0,
                                flags, zipfile.ZIP_DEFLATED, dostime, dosdate, crc, len(compressed),
                                len(blob), len(encoded), 0, 0, 0, 0, _EXTERNAL_ATTR, offset), encoded)
        offset += len(header) + len(encoded) + len(compressed)
    directory = b"".join(central)
    end = struct.pack("<4s4H2LH", b"PK\005\006", 0, 0, len(names), len(names), len(directory), offset, 0)
    return b"".join(local) + directory + end


_VERSION = 20  # zipfile's DEFAULT_VERSION: deflate, no zip64
_CREATE_SYSTEM = 0 if sys.platform == "win32" else 3  # as zipfile.ZipInfo
_EXTERNAL_ATTR = 0o644 << 16
_MAX_SIMPLE_MEMBERS = 0xFFFF  # more members, or more bytes, would need zip64: zipfile writes those
_MAX_SIMPLE_BYTES = 1 << 30
MAX_COMPRESSED_CACHE = 32 << 20  # bytes of members (and their compressed form) remembered
_compressed: dict[bytes, tuple[int, bytes]] = {}
_compressed_bytes = 0
_compress_lock = threading.Lock()


def _deflate(blob: bytes) -> tuple[int, bytes]:
    """CRC-32 and raw deflate of a member, as zipfile computes them; remembered per content."""
    global _compressed_bytes
    hit = _compressed.get(blob)
    if hit is not None:
        return hit
    compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    hit = (zlib.crc32(blob), compressor.compress(blob) + compressor.flush())
    with _compress_lock:
        if _compressed_bytes > MAX_COMPRESSED_CACHE:
            _compressed.clear()
            _compressed_bytes = 0
        _compressed[blob] = hit
        _compressed_bytes += len(blob) + len(hit[1])
    return hit


def _member_order(members: Mapping[str, bytes]) -> list[str]:
    return [n for n in members if n == CONTENT_TYPES] + sorted(n for n in members if n != CONTENT_TYPES)


def _write_zip_with_zipfile(members: Mapping[str, bytes], date_time: tuple[int, int, int, int, int, int]) -> bytes:
    """write_zip with zipfile itself (for what write_zip does not write, and for the tests)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in _member_order(members):
            info = zipfile.ZipInfo(name, date_time=date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = _EXTERNAL_ATTR
            target.writestr(info, members[name])
    return out.getvalue()
