"""Version and last change of each module: from git, and from the changelog in a shallow clone."""

import datetime as dt
import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from helpers import FIXTURES
from pptx import Presentation

from childcare_guide.content.loader import load_package
from childcare_guide.content.model import LastChange
from childcare_guide.render.deck import build_deck
from childcare_guide.render.pages import module_page

CHANGELOG_DATE = dt.date(2026, 11, 29)  # the date of version 0.1.0 in tests/fixtures/content/wijzigingen.yml


def git(cwd: Path, *args: str, date: str = "2025-01-10T12:00:00+00:00") -> str:
    env = dict(os.environ, GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    result = subprocess.run(["git", "-c", "user.name=Editor", "-c", "user.email=editor@example.org",
                             "-c", "init.defaultBranch=main", "-c", "protocol.file.allow=always",
                             *args], cwd=cwd, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout


def commit(repo: Path, message: str, date: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message, date=date)


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    """A repository with three commits: all content (the fixed copy), then pakket.yml, then one module."""
    repo = tmp_path_factory.mktemp("repo")
    shutil.copytree(FIXTURES / "content", repo / "content")
    git(repo, "init", "-q")
    commit(repo, "Alle inhoud", "2025-01-10T12:00:00+00:00")
    (repo / "content" / "pakket.yml").write_text(
        (repo / "content" / "pakket.yml").read_text(encoding="utf-8") + "\n", encoding="utf-8")
    commit(repo, "Alleen pakket.yml", "2025-02-01T12:00:00+00:00")
    intro = repo / "content" / "modules" / "toegankelijkheid" / "inleiding.md"
    intro.write_text(intro.read_text(encoding="utf-8") + "\nEen nieuwe zin over drempels.\n",
                     encoding="utf-8")
    commit(repo, "Toegankelijkheid bijgewerkt", "2025-03-05T12:00:00+00:00")
    return repo


def last_changes(root: Path) -> dict[str, LastChange]:
    return {m.slug: m.last_change for m in load_package(root).modules}


def test_full_clone_gives_the_date_of_the_last_commit_in_each_module(repo):
    changes = last_changes(repo)
    assert changes["toegankelijkheid"] == LastChange(dt.date(2025, 3, 5))
    assert changes["omgevingsanalyse"] == LastChange(dt.date(2025, 1, 10))
    assert changes["omgevingsanalyse"].text == "10 januari 2025"


def test_shallow_clone_never_shows_the_clone_date_as_a_change(repo, tmp_path):
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", repo.as_uri(), str(clone))
    assert git(clone, "rev-parse", "--is-shallow-repository").strip() == "true"
    changes = last_changes(clone)
    for slug, change in changes.items():
        # git alone would say 5 March 2025 (the only commit) for every module
        assert change == LastChange(CHANGELOG_DATE, "0.1.0"), slug
        assert change.text == "bij de uitgave van 29 november 2026"


def test_shallow_clone_keeps_a_change_that_is_inside_its_history(repo, tmp_path):
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "2", repo.as_uri(), str(clone))
    changes = last_changes(clone)
    assert changes["toegankelijkheid"] == LastChange(dt.date(2025, 3, 5))
    # the other modules were last touched before the cut-off (1 February 2025 is the boundary)
    assert changes["sociale-functie"] == LastChange(CHANGELOG_DATE, "0.1.0")


def test_without_git_the_changelog_gives_the_date(tmp_path):
    shutil.copytree(FIXTURES / "content", tmp_path / "content")
    changes = last_changes(tmp_path)
    assert set(changes.values()) == {LastChange(CHANGELOG_DATE, "0.1.0")}


def test_module_page_and_deck_show_version_and_last_change(repo):
    package = load_package(repo)
    module = package.module("toegankelijkheid")
    page = module_page(package, module)
    assert ("**Editie van de gids:** december 2026 · **Laatst gewijzigd:** 5 maart 2025 · "
            "[Wat is er nieuw?](../../wat-is-er-nieuw.md)") in page
    data = build_deck(package, module)
    title_slide = Presentation(io.BytesIO(data)).slides[0]  # in the notes, not on a shown slide
    text = title_slide.notes_slide.notes_text_frame.text
    assert "editie december 2026, module gewijzigd op 5 maart 2025 (technische versie" in text
    assert build_deck(package, module) == data  # same inputs, same bytes


def test_deck_from_a_shallow_clone_names_the_version_of_the_change(repo, tmp_path):
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", repo.as_uri(), str(clone))
    package = load_package(clone)
    title_slide = Presentation(io.BytesIO(build_deck(package, package.modules[0]))).slides[0]
    text = title_slide.notes_slide.notes_text_frame.text
    assert "module gewijzigd bij de uitgave van 29 november 2026 (technische versie" in text
