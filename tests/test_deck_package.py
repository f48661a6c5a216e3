"""The .pptx package of every deck, read as a zip: a listed notes master, a content type for
every part, every relationship pointing at a part that is there."""

import io
import posixpath
import zipfile

import pytest
from lxml import etree

from childcare_guide.content.model import LocalData
from childcare_guide.render.deck import TEMPLATE, build_deck

P = "http://schemas.openxmlformats.org/presentationml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PR = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
NOTES_MASTER = f"{R}/notesMaster"


@pytest.fixture(scope="module")
def packages(package):
    """Every module's deck, one deck pre-filled for a municipality, and the template itself."""
    built = {m.deck_name: build_deck(package, m) for m in package.modules}
    local = LocalData("Mechelen", "12025", 2023, figures={"kansarmoede": 14.2})
    built["gemeente.pptx"] = build_deck(package, package.modules[0], local=local)
    built["sjabloon.pptx"] = TEMPLATE.read_bytes()
    return {name: zipfile.ZipFile(io.BytesIO(data)) for name, data in built.items()}


def rels_name(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{name}.rels")


def relationships(archive: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str, str | None]]:
    """rId -> (type, target part, target mode) of a part ('' for the package's own)."""
    name = rels_name(part) if part else "_rels/.rels"
    if name not in archive.namelist():
        return {}
    out = {}
    for rel in etree.fromstring(archive.read(name)).iter(f"{{{PR}}}Relationship"):
        mode = rel.get("TargetMode")
        target = rel.get("Target")
        if mode != "External":
            target = posixpath.normpath(posixpath.join(posixpath.dirname(part), target)).lstrip("/")
        out[rel.get("Id")] = (rel.get("Type"), target, mode)
    return out


def test_every_deck_lists_its_notes_master(packages):
    for name, archive in packages.items():
        presentation = etree.fromstring(archive.read("ppt/presentation.xml"))
        ids = presentation.findall(f"{{{P}}}notesMasterIdLst/{{{P}}}notesMasterId")
        assert len(ids) == 1, f"{name}: presentation.xml noemt geen (of meer dan één) notitiemodel"
        kind, target, _ = relationships(archive, "ppt/presentation.xml")[ids[0].get(f"{{{R}}}id")]
        assert kind == NOTES_MASTER and target in archive.namelist(), name
        masters = [n for n in archive.namelist() if n.startswith("ppt/notesMasters/") and n.endswith(".xml")]
        assert masters == [target], f"{name}: {masters}"
        # the schema's order: the notes master's list right after the slide masters' list
        tags = [etree.QName(child).localname for child in presentation]
        assert tags.index("notesMasterIdLst") == tags.index("sldMasterIdLst") + 1, name
        for notes in (n for n in archive.namelist() if n.startswith("ppt/notesSlides/notesSlide")):
            assert target in {t for k, t, _ in relationships(archive, notes).values() if k == NOTES_MASTER}


def test_every_part_has_a_content_type(packages):
    for name, archive in packages.items():
        types = etree.fromstring(archive.read("[Content_Types].xml"))
        defaults = {d.get("Extension").lower() for d in types.iter(f"{{{CT}}}Default")}
        overrides = {o.get("PartName") for o in types.iter(f"{{{CT}}}Override")}
        parts = [n for n in archive.namelist() if n != "[Content_Types].xml" and not n.endswith("/")]
        for part in parts:
            assert f"/{part}" in overrides or part.rsplit(".", 1)[-1].lower() in defaults, \
                f"{name}: {part} heeft geen content type"
        assert overrides <= {f"/{p}" for p in parts}, f"{name}: content type voor een ontbrekend deel"


def test_every_relationship_points_at_a_part_that_is_there(packages):
    for name, archive in packages.items():
        members = set(archive.namelist())
        rels = [n for n in members if n.endswith(".rels")]
        assert "_rels/.rels" in rels
        for rel in rels:
            folder, file = posixpath.split(rel)
            source = posixpath.join(posixpath.dirname(folder), file[:-len(".rels")])
            if rel != "_rels/.rels":
                assert source in members, f"{name}: {rel} hoort bij een ontbrekend deel"
            for rid, (kind, target, mode) in relationships(archive, "" if rel == "_rels/.rels" else source).items():
                if mode == "External":
                    continue
                assert target in members, f"{name}: {rel} {rid} ({kind.rsplit('/', 1)[-1]}) wijst naar {target}"


def test_every_part_is_reachable_from_the_package(packages):
    """No part left behind: each is the target of a relationship (or is a content type list or a
    relationship list)."""
    for name, archive in packages.items():
        reached, todo = set(), [""]
        while todo:
            part = todo.pop()
            for _, target, mode in relationships(archive, part).values():
                if mode != "External" and target not in reached:
                    reached.add(target)
                    todo.append(target)
        parts = {n for n in archive.namelist() if n != "[Content_Types].xml" and not n.endswith(".rels")}
        assert parts <= reached, f"{name}: onbereikbaar: {sorted(parts - reached)}"
