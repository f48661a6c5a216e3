"""Writing hints: warnings for klare taal that never stop a build."""

import subprocess
import sys

import pytest
from helpers import ROOT

from childcare_guide.content.writing_hints import Hint, hints_for_text


def test_long_sentence_gets_a_hint():
    sentence = " ".join(["woord"] * 26) + "."
    hints = hints_for_text(f"Kort.\n\n{sentence}\n", "x.md")
    assert [str(h) for h in hints] == [
        "x.md, regel 3: Lange zin (26 woorden). Maak er twee zinnen van (hoogstens 25 woorden)."]


def test_passive_gets_a_hint():
    hints = hints_for_text("De opvang wordt door het OCMW betaald.\n", "x.md")
    assert [h.message for h in hints] == [
        "Lijdende vorm ('wordt door het OCMW betaald'). Zeg wie iets doet: schrijf een actieve zin."]


def test_long_paragraph_gets_a_hint():
    paragraph = " ".join(["Je leest dit korte stuk."] * 30)
    hints = hints_for_text(paragraph + "\n", "x.md")
    assert [h.message for h in hints] == [
        "Lange alinea (150 woorden). Verdeel ze in kortere alinea's of maak er een opsomming van."]


def test_clear_text_and_front_matter_get_none():
    long_description = " ".join(["woord"] * 30)
    text = f"---\ndescription: {long_description}\n---\n# Titel\n\nJe nodigt de partners uit. Zij komen.\n"
    assert hints_for_text(text, "x.md") == []


def test_check_command_prints_hints_but_passes(content_copy, package):
    module = content_copy / "content" / "modules" / "omgevingsanalyse" / "inleiding.md"
    module.write_text(module.read_text(encoding="utf-8") + "\nHet verslag wordt door de voorzitter verstuurd.\n",
                      encoding="utf-8")
    (content_copy / "docs").mkdir()
    result = subprocess.run([sys.executable, "-m", "childcare_guide", "check", "--root", str(content_copy)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "- Schrijftip: content/modules/omgevingsanalyse/inleiding.md, regel" in result.stdout
    assert f"De inhoud is in orde: {len(package.modules)} modules" in result.stdout


@pytest.mark.parametrize("count, heading", [
    (1, "1 schrijftip voor klare taal (geen fouten, wel het nakijken waard):"),
    (3, "3 schrijftips voor klare taal (geen fouten, wel het nakijken waard):"),
])
def test_hint_heading_is_grammatical_for_one_and_for_many(monkeypatch, capsys, count, heading):
    import childcare_guide.__main__ as cli

    hints = [Hint("content/x.md", n, "Lange zin.") for n in range(1, count + 1)]
    monkeypatch.setattr(cli, "hints_for_tree", lambda root: hints)
    assert cli.main(["check", "--root", str(ROOT)]) == 0
    assert capsys.readouterr().out.splitlines()[0] == heading


# -- one term per thing: content/termen.yml ----------------------------------------------------

def test_a_listed_variant_gets_a_hint_with_the_preferred_term():
    from childcare_guide.content.writing_hints import load_terms, term_hints_for_text

    terms = load_terms(ROOT)
    text = "Leg kleefbriefjes klaar.\nGeef iedereen drie plakstipjes.\nKun je dat?\n"
    assert [str(h) for h in term_hints_for_text(text, "x.md", terms)] == [
        "x.md, regel 2: Schrijf 'stippen', niet 'plakstipjes' (woordenlijst in content/termen.yml).",
        "x.md, regel 3: Schrijf 'kan je', niet 'Kun je' (woordenlijst in content/termen.yml)."]


def test_a_variant_inside_the_preferred_term_is_no_hint():
    from childcare_guide.content.writing_hints import load_terms, term_hints_for_text

    terms = load_terms(ROOT)
    assert term_hints_for_text("Er is een individueel verminderd tarief.\n", "x.md", terms) == []
    hints = term_hints_for_text("Er is een verminderd tarief.\n", "x.md", terms)
    assert len(hints) == 1 and "Schrijf 'individueel verminderd tarief'" in hints[0].message


def test_the_content_uses_one_term_per_thing():
    from childcare_guide.content.writing_hints import term_hints_for_tree

    assert [str(h) for h in term_hints_for_tree(ROOT)] == []
