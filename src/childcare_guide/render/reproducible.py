"""Reproducible zip files: the same content gives the same bytes (decks, worksheets, offline zip).

A zip holds a time and permissions for each member, and a writer picks the order of the
members. `reproducible_zip` fixes all three, with the standard `zipfile` module;
`normalise_office_file` rewrites an Office file (.pptx, .docx, .xlsx) that way, together with
the Office files embedded in it (the workbook behind a chart) and their document times.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Collection, Mapping

# Every Office file the build makes carries these times, so equal content gives equal bytes.
FIXED_TIME = dt.datetime(2024, 1, 1, 0, 0, 0)
ZIP_TIME = (2024, 1, 1, 0, 0, 0)

CONTENT_TYPES = "[Content_Types].xml"  # the first member: some readers look for it there
CORE_PROPERTIES = "docProps/core.xml"
OFFICE_SUFFIXES = (".pptx", ".docx", ".xlsx")
PERMISSIONS = 0o644 << 16  # rw-r--r-- for every member
_W3CDTF = re.compile(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z")


def reproducible_zip(members: Mapping[str, bytes | str], *, stored: Collection[str] = ()) -> bytes:
    """The members as zip bytes: [Content_Types].xml first and the rest sorted by name, each
    with ZIP_TIME and the same permissions, deflated unless its name ends with one of `stored`
    (files that are zips already gain nothing from a second compression)."""
    suffixes = tuple(stored)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name in sorted(members, key=lambda n: (n != CONTENT_TYPES, n)):
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_STORED if suffixes and name.endswith(suffixes) \
                else zipfile.ZIP_DEFLATED
            info.external_attr = PERMISSIONS
            archive.writestr(info, members[name])
    return out.getvalue()


def normalise_office_file(data: bytes) -> bytes:
    """An Office file rewritten so equal content gives equal bytes: members as in
    `reproducible_zip`, the times in its document properties set to FIXED_TIME, and each Office
    file inside it (such as a chart's workbook, which records when it was made) likewise."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        members = {name: source.read(name) for name in source.namelist()}
    for name, content in members.items():
        if name.endswith(OFFICE_SUFFIXES):
            members[name] = normalise_office_file(content)
        elif name == CORE_PROPERTIES:
            members[name] = _W3CDTF.sub(FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode(), content)
    return reproducible_zip(members)
