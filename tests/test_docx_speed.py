"""The Word worksheets' speed-ups (compiled XPath, one-pass save) change nothing in their bytes."""

import io

from docx.oxml.xmlchemy import BaseOxmlElement

from childcare_guide import docx_speed
from childcare_guide.deck import normalise_zip
from childcare_guide.worksheet_docx import worksheet_docx


def _all_sheets(package) -> dict[str, bytes]:
    return {f"{m.slug}/{s.id}": worksheet_docx(package, m, s)
            for m in package.modules for s in m.worksheets}


def test_same_bytes_as_python_docx_own_xpath_and_save(package, monkeypatch):
    assert docx_speed.install()
    fast = _all_sheets(package)
    assert fast
    docx_speed.uninstall()
    # without the one-pass save too: python-docx saves, deck.normalise_zip rewrites the zip
    monkeypatch.setattr(docx_speed, "save_reproducible", lambda document, date_time: None)
    try:
        assert BaseOxmlElement.xpath.__qualname__ == "BaseOxmlElement.xpath"  # python-docx's own
        slow = _all_sheets(package)
    finally:
        assert docx_speed.install()
    assert fast == slow


def test_fast_save_is_a_valid_zip_with_content_types_first(package):
    module = package.modules[0]
    data = worksheet_docx(package, module, module.worksheets[0])
    import zipfile

    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert names[0] == "[Content_Types].xml"
    assert names[1:] == sorted(names[1:])
    assert normalise_zip(data) == data
