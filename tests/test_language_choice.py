"""One decision for the interface's language: --lang, else the plans' one language, else the locale.

Tested without Textual (the function lives in ``present``); the app's and the command line's use of it
are checked by running them.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from planaction.present.language import folder_languages, interface_language, locale_language
from tests.conftest import PLANS, REPO


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "en"),
        ({"LANG": "fr_FR.UTF-8"}, "fr"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "fr_CA"}, "fr"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "fr_FR.UTF-8"}, "fr"),  # the messages' own locale wins
        ({"LANG": "fr_FR.UTF-8", "LC_ALL": "C"}, "en"),  # LC_ALL over everything
        ({"LC_ALL": "fr_BE.UTF-8", "LANG": "en_GB"}, "fr"),
        ({"LC_ALL": "", "LANG": "fr_FR"}, "fr"),  # an empty variable says nothing
        ({"PLANACTION_LANG": "en", "LC_ALL": "fr_FR.UTF-8"}, "en"),  # planaction's own setting first
    ],
)
def test_the_locale(environ: dict[str, str], expected: str) -> None:
    assert locale_language(environ) == expected


def test_the_choice_first_then_the_plans_then_the_locale() -> None:
    french_machine = {"LANG": "fr_FR.UTF-8"}
    english_machine = {"LANG": "en_US.UTF-8"}
    assert interface_language("en", ["fr"], french_machine) == "en"  # --lang wins
    assert interface_language("fr", ["en", "en"], english_machine) == "fr"
    assert interface_language(None, ["en"], french_machine) == "en"  # a single English plan
    assert interface_language(None, ["en", "en", "en"], french_machine) == "en"  # a folder of English plans
    assert interface_language(None, ["fr", "fr"], english_machine) == "fr"
    assert interface_language(None, ["fr", "en"], french_machine) == "fr"  # mixed: the machine's
    assert interface_language(None, ["fr", "en"], english_machine) == "en"
    assert interface_language(None, [], french_machine) == "fr"  # an empty folder: the machine's
    assert interface_language(None, [], {}) == "en"
    assert interface_language("de", ["fr"], {}) == "fr"  # an unknown choice is no choice


def test_the_languages_of_a_folder(tmp_path: Path) -> None:
    # with the closed examples (a move, and plans/stages/: the SIAE project's previous stage)
    assert sorted(folder_languages(PLANS)) == ["en", "fr", "fr", "fr", "fr", "fr", "fr", "fr"]
    english = tmp_path / "english"
    english.mkdir()
    shutil.copyfile(PLANS / "product-launch-en.yaml", english / "launch.yaml")
    (english / "broken.yaml").write_text("schema: 1\ntitle: [\n", encoding="utf-8")  # unreadable: says nothing
    assert folder_languages(english) == ["en"]
    assert interface_language(None, folder_languages(english), {"LANG": "fr_FR.UTF-8"}) == "en"


def app_language(target: Path, *args: str, env: dict[str, str]) -> str:
    """The language the real app chose for ``target`` (headless, in a child with only ``env``)."""
    script = (
        "import asyncio, sys; from pathlib import Path; from planaction.tui.app import PlanactionApp\n"
        "async def main():\n"
        "    app = PlanactionApp(Path(sys.argv[1]), today=None, lang=(sys.argv[2] or None))\n"
        "    async with app.run_test() as pilot:\n"
        "        await pilot.pause()\n"
        "        print(app.screen.lang)\n"
        "asyncio.run(main())\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(target), *(args or ("",))],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={"PATH": "/usr/bin:/bin", "PLANACTION_KEYS": "/nonexistent/keys.toml", **env},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.strip().splitlines()[-1]


def test_the_app_follows_the_same_rule(tmp_path: Path) -> None:
    english = tmp_path / "english"
    english.mkdir()
    shutil.copyfile(PLANS / "product-launch-en.yaml", english / "launch.yaml")
    french_machine = {"LANG": "fr_FR.UTF-8"}
    assert app_language(english, env=french_machine) == "en"  # a folder of English plans, on a French machine
    assert app_language(english, "fr", env=french_machine) == "fr"
    assert app_language(PLANS, env=french_machine) == "fr"  # mixed folder: the machine's
    assert app_language(PLANS, env={"LANG": "en_US.UTF-8"}) == "en"
    assert app_language(PLANS / "support-it.yaml", env={"LC_ALL": "en_US.UTF-8"}) == "fr"  # the plan's
