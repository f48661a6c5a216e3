"""Reproducible zips: the same members give the same bytes, whatever their order or time."""

import io
import zipfile

from childcare_guide.render.reproducible import (
    CONTENT_TYPES,
    FIXED_TIME,
    ZIP_TIME,
    normalise_office_file,
    reproducible_zip,
)


def zipped(members: dict[str, bytes], date_time=(2031, 5, 6, 7, 8, 10)) -> bytes:
    """A zip as another writer makes it: its own order and the time of writing."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=date_time), data)
    return out.getvalue()


def test_same_members_in_another_order_give_the_same_bytes():
    members = {"b.xml": b"<b/>", CONTENT_TYPES: b"<Types/>", "a/c.xml": b"<c/>"}
    data = reproducible_zip(members)
    assert data == reproducible_zip(dict(reversed(members.items())))
    infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
    assert [i.filename for i in infos] == [CONTENT_TYPES, "a/c.xml", "b.xml"]
    assert {i.date_time for i in infos} == {ZIP_TIME}
    assert {i.external_attr for i in infos} == {0o644 << 16}
    assert {i.compress_type for i in infos} == {zipfile.ZIP_DEFLATED}


def test_stored_suffixes_are_not_compressed_again():
    data = reproducible_zip({"deck.pptx": b"PK" * 100, "page.html": b"<p>" * 100}, stored=(".pptx",))
    kinds = {i.filename: i.compress_type for i in zipfile.ZipFile(io.BytesIO(data)).infolist()}
    assert kinds == {"deck.pptx": zipfile.ZIP_STORED, "page.html": zipfile.ZIP_DEFLATED}


def test_an_office_file_with_an_embedded_workbook_is_normalised_all_through():
    core = (b'<cp:coreProperties><dcterms:created xsi:type="dcterms:W3CDTF">2031-05-06T07:08:09Z'
            b'</dcterms:created></cp:coreProperties>')
    workbook = {"docProps/core.xml": core, CONTENT_TYPES: b"<Types/>"}
    deck = {"ppt/embeddings/Blad1.xlsx": zipped(workbook), CONTENT_TYPES: b"<Types/>", "docProps/core.xml": core}
    first = normalise_office_file(zipped(deck))
    later = normalise_office_file(zipped({**deck, "ppt/embeddings/Blad1.xlsx": zipped(workbook, (2032, 1, 1, 0, 0, 0))},
                                         (2032, 1, 1, 0, 0, 0)))
    assert first == later
    archive = zipfile.ZipFile(io.BytesIO(first))
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    assert stamp in archive.read("docProps/core.xml")
    embedded = zipfile.ZipFile(io.BytesIO(archive.read("ppt/embeddings/Blad1.xlsx")))
    assert stamp in embedded.read("docProps/core.xml")
    assert {i.date_time for i in embedded.infolist()} == {ZIP_TIME}
