"""The compiled-XPath speed-up of python-pptx changes nothing in the decks."""

from lxml import etree
from pptx.oxml import parse_xml
from pptx.oxml.xmlchemy import BaseOxmlElement

from childcare_guide import pptx_speed
from childcare_guide.deck import build_deck


def test_same_deck_bytes_with_and_without(package):
    assert pptx_speed.install()
    fast = {m.slug: build_deck(package, m) for m in package.modules}
    pptx_speed.uninstall()
    try:
        assert BaseOxmlElement.xpath.__qualname__ == "BaseOxmlElement.xpath"  # python-pptx's own
        slow = {m.slug: build_deck(package, m) for m in package.modules}
    finally:
        assert pptx_speed.install()
    assert fast == slow
    assert BaseOxmlElement.xpath is not pptx_speed._original


def test_same_results_as_lxml():
    element = parse_xml(
        '<p:sp xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        '<p:nvSpPr><p:cNvPr id="2" name="Titel"/><p:nvPr><p:ph type="title"/></p:nvPr></p:nvSpPr>'
        '<p:txBody><a:p><a:r><a:t>een</a:t></a:r></a:p><a:p/></p:txBody></p:sp>')
    expressions = ["./p:nvSpPr/p:nvPr/p:ph", "//a:p", "count(//a:p)", "//p:cNvPr/@name",
                   "string(//a:t)", "./p:nonexistent"]
    for expression in expressions:
        fast = element.xpath(expression)
        slow = etree.ElementBase.xpath(element, expression, namespaces=element.nsmap)
        assert fast == slow, expression


def test_fast_save_gives_the_same_bytes_as_save_and_normalise(package):
    import io

    from childcare_guide.deck import TEMPLATE, ZIP_TIME, _DeckBuilder, normalise_zip

    for module in package.modules:
        builder = _DeckBuilder(package, module, TEMPLATE, None)
        builder.compose()
        buffer = io.BytesIO()
        builder.prs.save(buffer)
        assert pptx_speed.save_reproducible(builder.prs, ZIP_TIME) == normalise_zip(buffer.getvalue())
