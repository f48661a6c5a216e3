"""Load content/ into the typed model and check every rule; all problems are reported at once."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from childcare_guide.content import fit, pictures, schema, timing
from childcare_guide.content.changelog import FILE as CHANGELOG_FILE
from childcare_guide.content.changelog import load_releases
from childcare_guide.content.errors import ContentError, ContentProblem, display_path
from childcare_guide.content.history import tracked_by_git, with_last_changes
from childcare_guide.content.markdown_text import check_markdown
from childcare_guide.content.model import (
    CHECKLIST_ID,
    FIELD_PLACEHOLDER,
    HANDOUT_ID,
    Column,
    Figure,
    FillInField,
    Module,
    Package,
    Phase,
    Picture,
    Slide,
    Source,
    Step,
    Tile,
    Worksheet,
    figure_field,
    inline_field_text,
    split_placeholders,
    value_name,
)
from childcare_guide.content.yamlsource import YamlDocument, dotted, load_yaml, read_text

# Titles of the slides every deck gets, besides the title slide (the module's title).
GENERATED_SLIDE_TITLES = ("Doelstellingen", "Agenda", "Voorbereiding: in te vullen")
MAX_AGENDA_STEPS = 8  # the agenda is one table on one slide: a header, the steps and the total
SLIDE_FIELDS = {
    "tekst": {"punten", "deelnemersblad"},  # deelnemersblad: its points go on the handout
    "twee-kolommen": {"links", "rechts"},
    "cijfers": {"cijfers"},
    "grafiek": {"cijfers"},
    "stelling": {"tekst"},
    "vraag": {"tekst"},
    "route": {"haltes"},
    "tegels": {"tegels", "deelnemersblad"},  # deelnemersblad: its tiles go on the handout
    "beeld": {"beeld", "tekst"},
}
# The picture types a slide shows: python-pptx places PNG and JPEG, not SVG.
SLIDE_PICTURE_SUFFIXES = (".png", ".jpg", ".jpeg")
# Fields a slide no longer takes; the schema keeps them as 'deprecated' so the check explains.
RETIRED_SLIDE_FIELDS = {"invulvelden"}
# Dutch articles: 'stap' is a de-word ('elke stap'); werkinstrument, invulveld and cijfer are
# het-words ('elk werkinstrument').
DE_WORDS = {"stap"}
SLIDE_REQUIRED = {"twee-kolommen": ("links", "rechts"), "cijfers": ("cijfers",),
                  "grafiek": ("cijfers",), "stelling": ("tekst",),
                  "vraag": ("tekst",), "route": ("haltes",), "tegels": ("tegels",),
                  "beeld": ("beeld",)}


def load_package(root: Path) -> Package:
    """Read and check all content under root/content; raise ContentError with every problem."""
    root = root.resolve()
    loader = _Loader(root)
    package = loader.load()
    if loader.problems or package is None:
        raise ContentError(loader.problems)
    return package


class _Loader:
    def __init__(self, root: Path):
        self.root = root
        self.content = root / "content"
        self.problems: list[ContentProblem] = []

    def shown(self, path: Path) -> str:
        return display_path(path, self.root)

    def problem(self, file: Path | str, line: int | None, field: str | None, message: str,
                fix: str) -> None:
        shown = file if isinstance(file, str) else self.shown(file)
        self.problems.append(ContentProblem(shown, line, field, message, fix))

    # -- package ---------------------------------------------------------------------------

    def load(self) -> Package | None:
        package_file = self.content / "pakket.yml"
        if not package_file.is_file():
            self.problem(package_file, None, None, "Het bestand met de gegevens van de gids ontbreekt.",
                         "Maak content/pakket.yml met titel, ondertitel, versie, editie en invulvelden.")
            return None
        doc = load_yaml(package_file, self.shown(package_file), self.problems)
        if doc is None:
            return None
        errors = schema.validate(doc, "pakket.schema.json", self.shown(package_file))
        self.problems.extend(errors)
        if errors:
            return None
        data = doc.data
        title_fields = tuple(_field(f) for f in data["invulvelden"])
        self.unique([f.id for f in title_fields], package_file, doc, ("invulvelden",), "id",
                     "invulveld")
        title_lines = tuple(" ".join(str(line).split()) for line in data.get("titeldia", []))
        self._check_title_lines(title_lines, title_fields, package_file, doc)
        modules = self._load_modules(title_fields)
        changelog = self.content / CHANGELOG_FILE
        # every module folder, also one that has a mistake: no follow-on error in the changelog
        slugs = sorted(p.parent.name for p in (self.content / "modules").glob("*/module.yml"))
        releases = load_releases(self.content, self.shown(changelog), self.problems, self.problem,
                                 data["versie"], slugs)
        modules = with_last_changes(self.root, modules, releases)
        return Package(title=data["titel"], subtitle=data["ondertitel"], version=data["versie"],
                       title_fields=title_fields, title_lines=title_lines, modules=modules, root=self.root,
                       releases=releases, edition=data["editie"],
                       maintainer=data.get("beheerder"), contact=data.get("contact"),
                       repository=data.get("repository"), address=data.get("adres"))

    def _check_title_lines(self, lines: tuple[str, ...], fields: tuple[FillInField, ...], file: Path,
                           doc: YamlDocument) -> None:
        """The title slide's sentences use only the title fields, and each of them once or more."""
        if not lines:
            return
        known = {f.id for f in fields}
        used: set[str] = set()
        for index, line in enumerate(lines):
            for part in split_placeholders(line):
                if part.field is None:
                    continue
                used.add(part.field)
                if part.field not in known:
                    self.problem(file, doc.line(("titeldia", index)), dotted(("titeldia", index)),
                                 f"Het invulveld '{{veld:{part.field}}}' staat niet bij de invulvelden "
                                 "van pakket.yml.",
                                 f"Kies een van deze: {', '.join(sorted(known))}, of voeg het toe onder "
                                 "'invulvelden'.")
        for field in fields:
            if field.id not in used:
                self.problem(file, doc.line(("titeldia",)), "titeldia",
                             f"Het invulveld '{field.id}' staat in geen enkele zin van de titeldia.",
                             f"Zet het in een zin met {{veld:{field.id}}}, of verwijder het onder "
                             "'invulvelden'.")

    def _load_modules(self, title_fields: tuple[FillInField, ...]) -> tuple[Module, ...]:
        folder = self.content / "modules"
        folders = sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")) \
            if folder.is_dir() else []
        if not folders:
            self.problem(folder, None, None, "Er staat geen enkele module in de gids.",
                         "Maak een map per module in content/modules/, met een module.yml erin.")
            return ()
        modules: list[Module] = []
        for module_folder in folders:
            module = _remembered_module(self, module_folder, title_fields)
            if module is not None:
                modules.append(module)
        self._check_across(modules)
        return tuple(sorted(modules, key=lambda m: m.number))

    def _check_across(self, modules: list[Module]) -> None:
        """Two modules with the same number or title: the report names both files with their
        lines and asks to change the copy (the folder git does not know yet, else the later one)."""
        for key, what in (("nummer", "nummer"), ("titel", "titel")):
            groups: dict[Any, list[Module]] = {}
            for module in modules:
                groups.setdefault(module.number if key == "nummer" else module.title, []).append(module)
            for value, group in groups.items():
                if len(group) < 2:
                    continue
                first, *copies = sorted(group, key=lambda m: (not tracked_by_git(self.root, m.folder),
                                                               m.slug))
                original = self.shown(first.folder / "module.yml")
                original_line = _top_level_line(first.folder / "module.yml", key)
                where = original if original_line is None else f"{original}, regel {original_line}"
                for copy in copies:
                    file = copy.folder / "module.yml"
                    if key == "nummer":
                        free = max(m.number for m in modules) + 1
                        message = f"Het nummer {value} is al gebruikt in {where}."
                        fix = (f"Is dit de kopie van een andere module? Geef ze dan een nummer dat nog "
                               f"vrij is, bijvoorbeeld {free}.")
                    else:
                        message = f"De titel '{value}' is al gebruikt in {where}."
                        fix = "Is dit de kopie van een andere module? Geef ze dan een eigen titel."
                    self.problem(file, _top_level_line(file, key), what, message, fix)

    # -- one module --------------------------------------------------------------------------

    def _load_module(self, folder: Path, title_fields: tuple[FillInField, ...]) -> Module | None:
        slug = folder.name
        file = folder / "module.yml"
        if not schema.re_fullmatch_id(slug):
            self.problem(folder, None, None, f"De mapnaam '{slug}' kan geen adres van een pagina zijn.",
                         "Gebruik alleen kleine letters, cijfers en koppeltekens, "
                         "bijvoorbeeld 'samenwerken-met-toeleiders'.")
            return None
        if not file.is_file():
            self.problem(folder, None, None, "Deze modulemap heeft geen module.yml.",
                         "Voeg een module.yml toe (zie content/README.md) of verwijder de lege map.")
            return None
        doc = load_yaml(file, self.shown(file), self.problems)
        if doc is None:
            return None
        errors = schema.validate(doc, "module.schema.json", self.shown(file))
        if errors:
            self.problems.extend(errors)
            return None
        return _ModuleReader(self, folder, doc, title_fields).read()

    # -- shared helpers ------------------------------------------------------------------------

    def unique(self, values: list[str], file: Path, doc: YamlDocument, path: tuple,
                key: str, what: str) -> None:
        seen: set[str] = set()
        for index, value in enumerate(values):
            if value in seen:
                self.problem(file, doc.line(path + (index, key)), dotted(path + (index, key)),
                             f"De id '{value}' wordt twee keer gebruikt.",
                             f"Geef {'elke' if what in DE_WORDS else 'elk'} {what} een eigen id.")
            seen.add(value)

    def read_markdown(self, path: Path, directives: bool = False) -> str | None:
        shown = self.shown(path)
        text = read_text(path, shown, self.problems)
        if text is None:
            return None
        before = len(self.problems)
        check_markdown(text, shown, self.problems, allow_directives=directives)
        return text if len(self.problems) == before else None

    def inside_content(self, path: Path) -> bool:
        try:
            path.resolve().relative_to(self.content.resolve())
        except ValueError:
            return False
        return True


# Each module as last loaded, with a digest of every file it was read from: `mkdocs serve`
# reads only the edited module again. A module is made from its own folder, the files it names
# (inside content/) and the guide's fill-in fields; the code and schemas cannot change in a process.
_modules: dict[Path, tuple[str, tuple[FillInField, ...], Module]] = {}


def _folder_digest(folder: Path, extra: tuple[Path, ...] = ()) -> str:
    digest = hashlib.sha256()
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    for path in files + sorted(set(extra) - set(files)):
        digest.update(path.as_posix().encode() + b"\0")
        try:
            digest.update(hashlib.sha256(path.read_bytes()).digest())
        except OSError:
            digest.update(b"\0missing\0")
    return digest.hexdigest()


def _remembered_module(loader: _Loader, folder: Path,
                       title_fields: tuple[FillInField, ...]) -> Module | None:
    """Load a module, or give the remembered one if none of its files changed.

    Only a module without mistakes is remembered: a module with a mistake is read again every
    time, so fixing it (even by creating a missing file elsewhere) is always seen.
    """
    hit = _modules.get(folder)
    if hit is not None:
        digest, fields, module = hit
        if fields == title_fields and digest == _folder_digest(folder, module.source_files):
            return module
    module = loader._load_module(folder, title_fields)
    if module is None:
        _modules.pop(folder, None)
    else:
        _modules[folder] = (_folder_digest(folder, module.source_files), title_fields, module)
    return module


class _ModuleReader:
    """Reads one schema-valid module.yml and its Markdown files into a Module."""

    def __init__(self, loader: _Loader, folder: Path, doc: YamlDocument,
                 title_fields: tuple[FillInField, ...]):
        self.loader = loader
        self.folder = folder
        self.file = folder / "module.yml"
        self.doc = doc
        self.data: dict[str, Any] = doc.data
        self.title_fields = title_fields
        self.files: list[Path] = [self.file]

    def problem(self, path: tuple, message: str, fix: str, file: Path | None = None) -> None:
        if file is None:
            self.loader.problem(self.file, self.doc.line(path), dotted(path) or None, message, fix)
        else:
            self.loader.problem(file, None, None, message, fix)

    def read(self) -> Module | None:
        before = len(self.loader.problems)
        data = self.data
        fields = tuple(_field(f) for f in data.get("invulvelden", []))
        figures = tuple(_figure(f) for f in data.get("cijfers", []))
        self._check_ids(fields, figures)
        steps = self._steps(fields, figures)
        worksheets = self._worksheets(fields, figures)
        introduction = self._markdown_part("inleiding.md", required=True)
        further = self._markdown_part("meer-weten.md", required=False)
        self._check_minutes()
        self._check_fit(("doelstellingen",), [fit.OBJECTIVES_LEAD] + list(data["doelstellingen"]),
                        fit.OBJECTIVES)
        if len(data["stappen"]) > MAX_AGENDA_STEPS:
            self.problem(("stappen",), f"De module heeft {len(data['stappen'])} stappen; de agenda "
                                       f"op één dia toont er hoogstens {MAX_AGENDA_STEPS}.",
                         "Voeg kleine stappen samen, bijvoorbeeld de opening en de kennismaking.")
        self._check_orphans("stappen", {s.get("begeleiding", f"stappen/{s['id']}.md")
                                        for s in data["stappen"]}, "stap")
        self._check_orphans("werkinstrumenten", {w.get("bestand", f"werkinstrumenten/{w['id']}.md")
                                                 for w in data["werkinstrumenten"]}, "werkinstrument")
        module_pictures = self._pictures()
        self._check_slide_pictures(module_pictures)
        if len(self.loader.problems) > before:
            return None
        module = Module(
            slug=self.folder.name, number=data["nummer"], title=data["titel"],
            minutes=data["duur"], summary=data["inhoud"].strip(),
            when_to_choose=data["extra"].strip(), description=data["beschrijving"].strip(),
            objectives=tuple(data["doelstellingen"]), introduction=introduction or "",
            steps=steps, fields=fields, figures=figures, worksheets=worksheets,
            sources=tuple(_source(s) for s in data["bronnen"]), further_reading=further or "",
            folder=self.folder, invite=tuple(" ".join(w.split()) for w in data.get("uitnodigen", [])),
            source_files=tuple(sorted(set(self.files))), pictures=module_pictures)
        self._check_slide_titles(module)
        return module if len(self.loader.problems) == before else None

    def _check_ids(self, fields: tuple[FillInField, ...], figures: tuple[Figure, ...]) -> None:
        for key, what in (("stappen", "stap"), ("werkinstrumenten", "werkinstrument"),
                          ("invulvelden", "invulveld"), ("cijfers", "cijfer")):
            self.loader.unique([item["id"] for item in self.data.get(key, [])], self.file,
                                self.doc, (key,), "id", what)
        for index, sheet in enumerate(self.data["werkinstrumenten"]):
            if sheet["id"] in (CHECKLIST_ID, HANDOUT_ID):
                what = "de checklist" if sheet["id"] == CHECKLIST_ID else "het deelnemersblad"
                self.problem(("werkinstrumenten", index, "id"),
                             f"De id '{sheet['id']}' is voorbehouden voor {what} van de module.",
                             "Kies een andere id en geef het bestand in werkinstrumenten/ dezelfde naam.")
        package_ids = {f.id for f in self.title_fields}
        for index, f in enumerate(fields):
            if f.id in package_ids:
                self.problem(("invulvelden", index, "id"),
                             f"Het invulveld '{f.id}' bestaat al voor de hele gids (content/pakket.yml).",
                             f"Verwijder het hier; je kunt '{f.id}' gewoon gebruiken op een dia.")
        figure_ids = {figure_field(f).id for f in figures}
        for index, f in enumerate(fields):
            if f.id in figure_ids:
                self.problem(("invulvelden", index, "id"),
                             f"De id '{f.id}' is voorbehouden voor het cijfer van je gemeente.",
                             "Kies een id die niet met 'cijfer-' begint.")

    def _reference(self, path: tuple, relative: str, default: str) -> Path | None:
        """Resolve a file named in module.yml; it must exist and stay inside content/."""
        target = (self.folder / relative).resolve()
        if not self.loader.inside_content(target):
            self.problem(path, f"Het pad '{relative}' wijst naar een plaats buiten de map content/.",
                         f"Zet het bestand in de map van de module en verwijs ernaar als '{default}'.")
            return None
        if not target.is_file():
            shown = self.loader.shown(target)
            self.problem(path, f"Het bestand '{shown}' bestaat niet.",
                         f"Maak het bestand, of pas de naam aan (standaard '{default}').")
            return None
        self.files.append(target)
        return target

    def _steps(self, fields: tuple[FillInField, ...], figures: tuple[Figure, ...]) -> tuple[Step, ...]:
        all_fields = {f.id: f for f in self.title_fields + fields}
        all_figures = {f.id: f for f in figures}
        steps: list[Step] = []
        start = 0
        for index, raw in enumerate(self.data["stappen"]):
            default = f"stappen/{raw['id']}.md"
            path = ("stappen", index, "begeleiding") if "begeleiding" in raw else ("stappen", index, "id")
            target = self._reference(path, raw.get("begeleiding", default), default)
            text = self.loader.read_markdown(target) if target else None
            slides = tuple(self._slide(raw_slide, ("stappen", index, "dias", s), all_fields, all_figures)
                           for s, raw_slide in enumerate(raw.get("dias", [])))
            timeline = self._timeline(index, raw)
            if text is not None and target is not None:
                self._check_typed_durations(index, raw, text, target)
            steps.append(Step(id=raw["id"], title=raw["titel"], minutes=int(raw["minuten"]),
                              method=raw["werkvorm"], materials=tuple(raw.get("materiaal", [])),
                              facilitation=text or "", slides=slides, start=start,
                              timeline=timeline))
            start += int(raw["minuten"])
        return tuple(steps)

    def _timeline(self, index: int, raw: dict[str, Any]) -> tuple[Phase, ...]:
        """The step's 'verloop': required except for a pause, and it adds up to the step's minutes."""
        parts = raw.get("verloop")
        if parts is None:
            if not is_pause(raw):
                self.problem(("stappen", index, "id"), f"De stap '{raw['id']}' heeft geen verloop.",
                             "Voeg 'verloop:' toe met de delen van de stap, elk met 'minuten' en "
                             "'wat' (zie content/README.md). Alleen een pauze heeft geen verloop.")
            return ()
        total = sum(int(p["minuten"]) for p in parts)
        if total != int(raw["minuten"]):
            self.problem(("stappen", index, "verloop"),
                         f"De delen van het verloop duren samen {total} minuten, maar de stap "
                         f"'{raw['id']}' duurt {raw['minuten']} minuten.",
                         "Pas de minuten in 'verloop' of de 'minuten' van de stap aan, zodat ze "
                         "gelijk zijn.")
        return tuple(Phase(minutes=int(p["minuten"]), what=" ".join(p["wat"].split())) for p in parts)

    def _check_typed_durations(self, index: int, raw: dict[str, Any], text: str, file: Path) -> None:
        """A duration typed in the step's text or slides must agree with 'minuten' and 'verloop'."""
        parts = [int(p["minuten"]) for p in raw.get("verloop", [])]
        known = timing.known_times(int(raw["minuten"]), parts, int(self.data["duur"]))
        shown_parts = ", ".join(str(p) for p in parts)
        data = (f"duurt {raw['minuten']} minuten" +
                (f" (verloop: {shown_parts})" if parts else ""))
        fix = ("Schrijf geen duur in de tekst: de pagina en de notities tonen het verloop al uit "
               "module.yml. Of maak het getal gelijk aan de minuten van de stap of van een deel "
               "van het verloop.")
        shown = self.loader.shown(file)
        for number, line in enumerate(text.splitlines(), start=1):
            for value, typed in timing.durations(line):
                if value not in known:
                    self.loader.problem(shown, number, None,
                                        f"Hier staat '{typed}', maar de stap '{raw['id']}' {data}.",
                                        fix)
        for s, slide in enumerate(raw.get("dias", [])):
            places = [(("titel",), slide.get("titel", ""), "de titel van de dia")]
            places += [(("punten", i), p, "een punt van de dia") for i, p in enumerate(slide.get("punten", []))]
            places += [(("tekst",), slide.get("tekst", ""), "de stelling"),
                       (("notities",), slide.get("notities", ""), "de notities")]
            for key, value_text, what in places:
                for value, typed in timing.durations(str(value_text)):
                    if value not in known:
                        self.problem(("stappen", index, "dias", s) + key,
                                     f"In {what} staat '{typed}', maar de stap '{raw['id']}' {data}.",
                                     fix)

    def _slide(self, raw: dict[str, Any], path: tuple, fields: dict[str, FillInField],
               figures: dict[str, Figure]) -> Slide:
        kind = raw.get("type", "tekst")
        allowed = SLIDE_FIELDS[kind] | {"titel", "type", "notities"}
        for key in raw:
            if key in RETIRED_SLIDE_FIELDS:
                self.problem(path + (key,), "Een dia heeft geen lijst 'invulvelden:' meer.",
                             "Zet elk invulveld in een zin van 'punten:' met {veld:id}, "
                             "bijvoorbeeld 'Vandaag kijken we naar de kinderopvang in "
                             "{veld:gemeente}.' Zo leest de dia als een zin voor de deelnemers.")
            elif key not in allowed:
                self.problem(path + (key,), f"Het veld '{key}' hoort niet bij een dia van type '{kind}'.",
                             f"Verwijder het, of kies een type dat '{key}' gebruikt "
                             "(zie content/README.md).")
        for key in SLIDE_REQUIRED.get(kind, ()):
            if key not in raw:
                self.problem(path, f"Een dia van type '{kind}' heeft het veld '{key}' nodig.",
                             f"Voeg '{key}:' toe aan deze dia.")
        if kind == "tekst" and not raw.get("punten"):
            self.problem(path, "Deze dia heeft geen inhoud.",
                         "Voeg 'punten:' toe, of verwijder de dia.")
        used_fields: list[FillInField] = []
        for i, bullet in enumerate(raw.get("punten", []) if kind == "tekst" else []):
            for part in split_placeholders(str(bullet)):
                field_id = part.field
                if field_id is None:
                    continue
                if field_id not in fields:
                    known = ", ".join(sorted(fields)) or "(geen)"
                    self.problem(path + ("punten", i),
                                 f"Het invulveld '{{veld:{field_id}}}' bestaat niet.",
                                 "Voeg het toe onder 'invulvelden' bovenaan module.yml, of kies een "
                                 f"van deze: {known}.")
                elif fields[field_id] not in used_fields:
                    used_fields.append(fields[field_id])
        for key, texts in self._texts_without_fields(kind, raw):
            if any(FIELD_PLACEHOLDER.search(str(t)) for t in texts):
                self.problem(path + key, "Een invulveld met {veld:id} kan hier niet staan.",
                             "Zet invulvelden alleen in 'punten:' van een gewone dia (type 'tekst').")
        used_figures = []
        for i, figure_id in enumerate(raw.get("cijfers", [])):
            if figure_id not in figures:
                known = ", ".join(sorted(figures)) or "(geen)"
                self.problem(path + ("cijfers", i), f"Het cijfer '{figure_id}' bestaat niet.",
                             f"Voeg het toe onder 'cijfers' of kies een van deze: {known}.")
            else:
                used_figures.append(figures[figure_id])
        if kind == "cijfers" and used_figures and not fit.figure_table_fits(used_figures):
            self.problem(path + ("cijfers",),
                         f"De tabel met {len(used_figures)} cijfers past niet op de dia: de namen "
                         "van de cijfers lopen over te veel regels.",
                         "Kort de 'label' van de cijfers in, of verdeel de cijfers over twee dia's.")
        if kind == "grafiek" and used_figures and not fit.chart_fits(used_figures):
            self.problem(path + ("cijfers",),
                         f"De grafiek met {len(used_figures)} cijfers past niet op de dia: de "
                         "bronnen eronder nemen te veel plaats in.",
                         "Toon minder cijfers in deze grafiek, of kort de 'bron' van de cijfers in.")
        units = list(dict.fromkeys(f.unit for f in used_figures))
        if kind == "grafiek" and len(units) > 1:
            shown = ", ".join(f"'{f.id}' in '{f.unit}'" for f in used_figures)
            self.problem(path + ("cijfers",),
                         f"De cijfers van deze grafiek hebben niet dezelfde eenheid ({shown}).",
                         "Zet in één grafiek alleen cijfers met dezelfde eenheid, anders delen ze "
                         "een as die niet klopt. Toon de andere op een dia van type 'cijfers' "
                         "(een tabel) of in een tweede grafiek.")
        bullets = tuple(raw.get("punten", []))
        left, right = (_column(raw[k]) if k in raw else None for k in ("links", "rechts"))
        if kind == "tekst":
            self._check_fit(path, [_shown_text(b, fields) for b in bullets], fit.BODY)
        for key, column in (("links", left), ("rechts", right)):
            if column is not None:
                self._check_fit(path + (key, "kop"), [column.heading], fit.COLUMN_HEAD)
                self._check_fit(path + (key, "punten"), list(column.bullets), fit.COLUMN)
        if kind in ("stelling", "vraag", "beeld") and raw.get("tekst"):
            self._check_fit(path + ("tekst",), [raw["tekst"]],
                            {"stelling": fit.STATEMENT, "vraag": fit.QUESTION, "beeld": fit.CAPTION}[kind])
        tiles = tuple(Tile(" ".join(str(t["kop"]).split()), " ".join(str(t["tekst"]).split()))
                      for t in raw.get("tegels", []))
        for i, tile in enumerate(tiles):
            self._check_fit(path + ("tegels", i, "tekst"), [tile.text], fit.tile_capacity(len(tiles)))
        stops = [" ".join(str(stop).split()) for stop in raw.get("haltes", [])]
        if stops and fit.route_label_size(stops) is None:
            self.problem(path + ("haltes",),
                         "De haltes passen niet op de dia: de tekst of een woord van een halte is te "
                         "lang voor de plaats bij die halte.",
                         "Maak de tekst van de haltes korter, kies kortere woorden of gebruik minder "
                         "haltes.")
        return Slide(title=raw["titel"], kind=kind, bullets=bullets, text=raw.get("tekst", ""),
                     left=left, right=right, figures=tuple(used_figures), fields=tuple(used_fields),
                     stops=tuple(str(stop) for stop in raw.get("haltes", [])), tiles=tiles,
                     picture=str(raw.get("beeld", "")),
                     notes=raw.get("notities", "").strip(), handout=bool(raw.get("deelnemersblad", False)))

    @staticmethod
    def _texts_without_fields(kind: str, raw: dict[str, Any]) -> list[tuple[tuple, list]]:
        """The texts of a slide where a {veld:id} placeholder is not allowed, with their path."""
        texts: list[tuple[tuple, list]] = [(("titel",), [raw.get("titel", "")])]
        if kind in ("stelling", "vraag", "beeld"):
            texts.append((("tekst",), [raw.get("tekst", "")]))
        for i, tile in enumerate(raw.get("tegels", [])):
            if isinstance(tile, dict):
                texts.append((("tegels", i), [tile.get("kop", ""), tile.get("tekst", "")]))
        texts.append((("haltes",), list(raw.get("haltes", []))))
        for key in ("links", "rechts"):
            column = raw.get(key)
            if isinstance(column, dict):
                texts.append(((key,), [column.get("kop", ""), *column.get("punten", [])]))
        return texts

    def _check_fit(self, path: tuple, paragraphs: list[str], capacity: fit.Capacity) -> None:
        """Text is never shrunk on a slide: more lines than the box holds is a content mistake."""
        if fit.fits(paragraphs, capacity):
            return
        used, room = fit.used_lines(paragraphs, capacity), capacity.max_lines(len(paragraphs))
        self.problem(path, f"Dit past niet op de dia: {capacity.what} neemt ongeveer {used} "
                           f"regels in, er passen er {room}.",
                     "Maak de tekst korter, schrap een punt of verdeel de punten over twee "
                     "dia's. Uitleg hoort in de begeleiding of in 'notities'.")

    def _worksheets(self, fields: tuple[FillInField, ...], figures: tuple[Figure, ...]) -> tuple[Worksheet, ...]:
        known = {f.id for f in self.title_fields + fields + tuple(figure_field(f) for f in figures)}
        sheets = []
        for index, raw in enumerate(self.data["werkinstrumenten"]):
            default = f"werkinstrumenten/{raw['id']}.md"
            path = (("werkinstrumenten", index, "bestand") if "bestand" in raw
                    else ("werkinstrumenten", index, "id"))
            target = self._reference(path, raw.get("bestand", default), default)
            text = self.loader.read_markdown(target, directives=True) if target else None
            if text is not None and "[[cijfertabel]]" in text and not self.data.get("cijfers"):
                self.problem(path, "Dit werkblad gebruikt [[cijfertabel]], maar de module heeft geen cijfers.",
                             "Voeg 'cijfers:' toe aan module.yml of verwijder [[cijfertabel]].",
                             file=target)
            used: list[str] = []
            for match in FIELD_PLACEHOLDER.finditer(text or ""):
                field_id = match.group(1).strip()
                if field_id not in known:
                    self.problem(path, f"Het invulveld '{{veld:{field_id}}}' in dit werkblad bestaat niet.",
                                 "Kies een invulveld van pakket.yml of module.yml, of 'cijfer-' met de id "
                                 f"van een cijfer. Deze bestaan: {', '.join(sorted(known))}.", file=target)
                elif field_id not in used:
                    used.append(field_id)
            if text is not None and "[[invulvelden]]" in text:
                used += [f.id for f in self.title_fields + fields if f.id not in used]
            if text is not None and "[[cijfertabel]]" in text:
                used += [figure_field(f).id for f in figures if figure_field(f).id not in used]
            sheets.append(Worksheet(id=raw["id"], title=raw["titel"], body=text or "", file=target,
                                    fields=tuple(value_name(f) for f in used),
                                    landscape=bool(raw.get("liggend", False))))
        return tuple(sheets)

    def _markdown_part(self, name: str, required: bool) -> str | None:
        path = self.folder / name
        if not path.is_file():
            if required:
                self.problem((), f"Het deel '{name}' ontbreekt.",
                             f"Maak het bestand {self.loader.shown(path)} met de tekst van dit deel.",
                             file=path)
            return None
        self.files.append(path)
        return self.loader.read_markdown(path)

    def _pictures(self) -> tuple[Picture, ...]:
        """Check the picture links of every Markdown file of the module; each picture once."""
        found: dict[str, Picture] = {}
        named: set[str] = set()  # every file name a link points to, also a link with a mistake
        for path in sorted(set(self.files)):
            if path.suffix != ".md":
                continue
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue  # reported where the file was read
            named.update(link.target.rsplit("/", 1)[-1] for link in pictures.picture_links(text, path))
            links = pictures.check_links(text, path, self.loader.shown(path), self.folder,
                                         self.loader.shown(self.folder), self.loader.problems)
            for link, file in links:
                if file.name not in found:
                    width, height = pictures.picture_size(file) or (None, None)
                    found[file.name] = Picture(name=file.name, path=file, alt=link.alt, width=width,
                                               height=height)
        folder = self.folder / pictures.FOLDER
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                if path.is_file() and not path.name.startswith(".") and path.name not in named:
                    shown = self.loader.shown(path)
                    self.problem((), f"Het beeld '{shown}' staat in geen enkele tekst van de module.",
                                 f"Link het in een Markdown-bestand van de module als "
                                 f"'![beschrijving]({pictures.FOLDER}/{path.name})', of verwijder het.",
                                 file=path)
        return tuple(sorted(found.values(), key=lambda p: p.name))

    def _check_slide_pictures(self, found: tuple[Picture, ...]) -> None:
        """A picture slide names a picture of the module: in beelden/, linked (with its description)
        in a text of the module, and of a type a slide shows."""
        linked = {p.name for p in found}
        shown_folder = f"{self.loader.shown(self.folder)}/{pictures.FOLDER}/"
        for index, step in enumerate(self.data["stappen"]):
            for s, raw in enumerate(step.get("dias", [])):
                name = raw.get("beeld")
                if raw.get("type") != "beeld" or not name:
                    continue
                path = ("stappen", index, "dias", s, "beeld")
                file = self.folder / pictures.FOLDER / str(name)
                if not file.is_file():
                    self.problem(path, f"De dia toont het beeld '{name}', maar dat bestaat niet: er staat "
                                       f"geen bestand {shown_folder}{name}.",
                                 f"Zet het beeld in {shown_folder}, of pas de naam aan (let op hoofdletters).")
                elif file.suffix.lower() not in SLIDE_PICTURE_SUFFIXES:
                    self.problem(path, f"Een presentatie kan het beeld '{name}' niet tonen: een dia toont "
                                       "alleen PNG of JPEG.",
                                 "Bewaar de tekening ook als PNG in dezelfde map, link die PNG in een "
                                 "tekst van de module (met een beschrijving) en zet de PNG op de dia.")
                elif name not in linked:
                    self.problem(path, f"Het beeld '{name}' heeft nog geen beschrijving (alt-tekst).",
                                 f"Link het in een tekst van de module als '![wat er op het beeld staat]"
                                 f"({pictures.FOLDER}/{name})'. De dia neemt die beschrijving over.")

    def _check_minutes(self) -> None:
        total = sum(int(s["minuten"]) for s in self.data["stappen"])
        duration = self.data["duur"]
        if total != duration:
            self.problem(("duur",),
                         f"De stappen duren samen {total} minuten, maar de module duurt {duration} minuten.",
                         "Pas de minuten van de stappen of de duur aan, zodat ze gelijk zijn.")

    def _check_orphans(self, sub: str, used: set[str], what: str) -> None:
        folder = self.folder / sub
        if not folder.is_dir():
            return
        used_paths = {(self.folder / u).resolve() for u in used}
        for path in sorted(folder.rglob("*.md")):
            if path.resolve() not in used_paths:
                none = "geen enkele" if what in DE_WORDS else "geen enkel"
                self.problem((), f"Het bestand '{self.loader.shown(path)}' hoort bij {none} {what}.",
                             f"Voeg een {what} met id '{path.stem}' toe aan module.yml, "
                             "of verwijder het bestand.", file=path)

    def _check_slide_titles(self, module: Module) -> None:
        seen: dict[str, str] = {module.title: "de titeldia"}
        for title in GENERATED_SLIDE_TITLES:
            seen[title] = "een vaste dia van elke presentatie"
        for index, step in enumerate(module.steps):
            titles = [(s.title, ("stappen", index, "dias", i, "titel")) for i, s in enumerate(step.slides)]
            if not titles:
                titles = [(step.title, ("stappen", index, "titel"))]
            for title, path in titles:
                if title in seen:
                    self.problem(path, f"De dia '{title}' heeft dezelfde titel als {seen[title]}.",
                                 "Geef elke dia een eigen titel; zo vinden schermlezers en "
                                 "deelnemers hun weg.")
                seen.setdefault(title, f"een andere dia (stap '{step.id}')")


def is_pause(raw: dict[str, Any]) -> bool:
    """A pause (werkvorm 'Pauze') has no 'verloop' and no blocks of its own."""
    return str(raw.get("werkvorm", "")).strip().lower() == "pauze"


def _top_level_line(file: Path, key: str) -> int | None:
    """Line of a top-level field ('nummer: 2') in a module.yml that has already loaded."""
    try:
        lines = file.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    return next((i for i, line in enumerate(lines, 1)
                 if line.startswith((f"{key}:", f"{key} :"))), None)


def _field(raw: dict[str, Any]) -> FillInField:
    return FillInField(id=raw["id"], label=raw["label"].strip(), where=raw["waar"].strip())


def _figure(raw: dict[str, Any]) -> Figure:
    return Figure(id=raw["id"], label=raw["label"].strip(), flanders=raw["vlaanderen"],
                  unit=raw["eenheid"], year=raw["jaar"], source=raw["bron"].strip(),
                  where=raw["waar"].strip())


def _column(raw: dict[str, Any]) -> Column:
    return Column(heading=raw["kop"], bullets=tuple(raw["punten"]))


def _source(raw: dict[str, Any]) -> Source:
    return Source(organisation=raw["organisatie"], title=raw["titel"], year=raw.get("jaar"),
                  site=raw.get("site"), note=raw.get("uitleg"))


def _shown_text(bullet: str, fields: dict[str, FillInField]) -> str:
    """A bullet as the slide shows it: each {veld:id} as its fill-in text, to measure its lines."""
    return "".join(inline_field_text(fields[part.field].label, part.prompt) if part.field in fields
                   else part.text for part in split_placeholders(bullet))
