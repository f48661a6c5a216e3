"""When did a module last change? From git, and from content/wijzigingen.yml when git cannot tell.

Git knows the last commit that touched content/modules/<slug>/. In a shallow clone
(`git clone --depth 1`) the oldest commit present stands in for all of history: every file seems
to change there, so its date is the clone's cut-off, not a change of the module. When git's answer
is such a boundary commit (or there is no git at all, for example in an unpacked zip of the
repository), the date comes from the newest version in content/wijzigingen.yml that lists the
module. The page then says so ('bij de uitgave van 29 november 2026'), so a date is never passed off as
something it is not.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import subprocess
from pathlib import Path

from childcare_guide.content.model import LastChange, Module, Release


def _git(root: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True,
                                timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout.strip() if result.returncode == 0 else None


def tracked_by_git(root: Path, folder: Path) -> bool:
    """True if git already knows a file in folder (so it is not a fresh copy)."""
    return bool(_git(root, "ls-files", "--", str(folder)))


def shallow_boundaries(root: Path) -> set[str] | None:
    """The commits a shallow clone is cut at (empty in a full clone); None without git."""
    if _git(root, "rev-parse", "--is-inside-work-tree") != "true":
        return None
    if _git(root, "rev-parse", "--is-shallow-repository") != "true":
        return set()
    shallow_file = _git(root, "rev-parse", "--git-path", "shallow")
    if not shallow_file:
        return set()
    path = Path(shallow_file)
    if not path.is_absolute():
        path = root / path
    try:
        return set(path.read_text(encoding="utf-8").split())
    except OSError:
        return set()


def git_last_change(root: Path, folder: Path, boundaries: set[str]) -> dt.date | None:
    """Date of the last commit that touched folder; None when git cannot say it truthfully."""
    line = _git(root, "log", "-1", "--format=%H %cs", "--", str(folder))
    if not line:
        return None  # not committed yet, or not in this repository
    commit, _, date = line.partition(" ")
    if commit in boundaries:
        return None  # a shallow clone's cut-off: its date is not this module's change
    try:
        return dt.date.fromisoformat(date)
    except ValueError:
        return None


def changelog_last_change(slug: str, releases: tuple[Release, ...]) -> LastChange | None:
    """The newest version in the changelog that lists the module."""
    for release in releases:
        if slug in release.modules:
            return LastChange(release.date, release.version)
    return None


def with_last_changes(root: Path, modules: tuple[Module, ...],
                      releases: tuple[Release, ...]) -> tuple[Module, ...]:
    """Each module with its last_change filled in."""
    boundaries = shallow_boundaries(root)
    out = []
    for module in modules:
        change = None
        if boundaries is not None:
            date = git_last_change(root, module.folder, boundaries)
            if date is not None:
                change = LastChange(date)
        if change is None:
            change = changelog_last_change(module.slug, releases)
        out.append(dataclasses.replace(module, last_change=change))
    return tuple(out)
