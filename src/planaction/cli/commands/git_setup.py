"""``planaction git-setup [DIR]``: git shows and merges the plans of DIR with planaction.

Two things, each written only when missing, so that running it twice changes nothing:

* ``DIR/.gitattributes`` gets ``*.yaml diff=planaction merge=planaction`` (and ``*.yml``): it is
  committed, so every clone routes the plans through planaction; lines already there are kept;
* the repository's own git config (``.git/config``, never the global one) gets
  ``diff.planaction.textconv`` and ``merge.planaction.driver``, which git does not take from a
  commit: each clone runs ``git-setup`` once.

The commands written name this very planaction by its full path, so that git finds it from a
hook, an editor or a shell without the virtualenv (run ``git-setup`` again after moving it).
"""

from __future__ import annotations

import argparse

from planaction.cli.output import EXIT_INVALID, EXIT_OK, tell
from planaction.words.cli import say

NAME = "git-setup"
SUMMARY = "summary_git_setup"
EXAMPLE = "planaction git-setup plans/"

PATTERNS = ("*.yaml", "*.yml")
ATTRIBUTES = "diff=planaction merge=planaction"


def arguments(parser: argparse.ArgumentParser, lang: str) -> None:
    parser.add_argument("folder", nargs="?", metavar="DIR", help=say("help_git_setup_dir", lang))


def run(args: argparse.Namespace) -> int:
    import shutil
    import subprocess
    from pathlib import Path

    from planaction.store import SaveError, write_atomic
    from planaction.words.merging import say as said

    lang = args.ui
    folder = Path(args.folder) if args.folder else (Path("plans") if Path("plans").is_dir() else Path("."))
    git = shutil.which("git")
    if git is None:
        tell(f"planaction: {said('no_git', lang)}")
        return EXIT_INVALID

    def git_config(*words: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([git, "-C", str(folder), *words], capture_output=True, text=True, check=False)

    if not folder.is_dir() or git_config("rev-parse", "--git-dir").returncode != 0:
        tell(f"planaction: {said('not_a_repository', lang, folder=folder)}")
        return EXIT_INVALID
    attributes = folder / ".gitattributes"
    try:
        old = attributes.read_bytes().decode("utf-8") if attributes.exists() else ""
    except (OSError, UnicodeDecodeError) as exc:
        tell(said("cannot_write", lang, file=attributes, reason=exc))
        return EXIT_INVALID
    newline = "\r\n" if "\r\n" in old else "\n"
    present = {tuple(line.split()) for line in old.splitlines()}
    wanted = [f"{pattern} {ATTRIBUTES}" for pattern in PATTERNS]
    missing = [line for line in wanted if tuple(line.split()) not in present]
    if missing:
        text = old + ("" if not old or old.endswith("\n") else newline) + newline.join(missing) + newline
        try:
            write_atomic(attributes, text.encode("utf-8"))
        except (SaveError, OSError) as exc:
            tell(said("cannot_write", lang, file=attributes, reason=exc))
            return EXIT_INVALID
        for line in missing:
            tell(said("attributes_added", lang, file=attributes, line=line))
    else:
        tell(said("attributes_kept", lang, file=attributes))
    command = _planaction()
    settings = {
        "diff.planaction.textconv": f"{command} textconv",
        "merge.planaction.name": said("driver_name", lang),
        "merge.planaction.driver": f"{command} merge %O %A %B -o %A -L %L -p %P",
    }
    for key, value in settings.items():
        if git_config("config", "--local", "--get", key).stdout.strip() == value:
            tell(said("config_kept", lang, key=key))
            continue
        if git_config("config", "--local", key, value).returncode != 0:
            tell(f"planaction: {said('not_a_repository', lang, folder=folder)}")
            return EXIT_INVALID
        tell(said("config_set", lang, key=key, value=value))
    tell(said("setup_done", lang, folder=folder, file=attributes))
    return EXIT_OK


def _planaction() -> str:
    """How git should call this planaction: its full path (git runs drivers from hooks, editors and
    GUIs, whose PATH may not hold the virtualenv), else ``planaction``, else this Python's module."""
    import shlex
    import shutil
    import sys
    from pathlib import Path

    here = Path(sys.argv[0]).resolve() if sys.argv and sys.argv[0] else None
    if here is not None and here.name == "planaction" and here.is_file():
        return shlex.quote(str(here))
    if shutil.which("planaction") is not None:
        return "planaction"
    return f"{shlex.quote(sys.executable)} -m planaction"
