"""The command registry: one line per command, one module per line, and everything else read from it."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import pytest

from planaction.cli import commands, registry
from planaction.words.cli import say
from tests.conftest import PLANS, run_cli

ENGLISH = {"LANG": "C", "PLANACTION_LANG": ""}


def test_every_module_is_registered_and_every_line_has_its_module() -> None:
    modules = {info.name for info in pkgutil.iter_modules(commands.__path__)}
    assert modules == {registry.module_name(name) for name in registry.COMMANDS}
    assert len(set(registry.COMMANDS)) == len(registry.COMMANDS)


@pytest.mark.parametrize("name", registry.COMMANDS)
def test_each_command_declares_what_the_help_shows(name: str) -> None:
    module = registry.load(name)
    assert name == module.NAME
    assert module.SUMMARY in say
    assert module.EXAMPLE.strip() and callable(module.run) and callable(module.arguments)
    for lang in ("fr", "en"):
        parser = registry.parser_for(name, lang)
        assert parser.prog == f"planaction {name}"
        for action in parser._actions:  # every option and argument is explained, in both languages
            assert action.help, (name, action.dest, lang)


def test_the_help_lists_every_command_with_its_summary_and_example() -> None:
    done = run_cli("--help", env=ENGLISH)
    assert done.returncode == 0, done.stderr
    assert "planaction [PATH] opens the app on a plan file or a folder of plans" in done.stdout
    for name in registry.COMMANDS:
        module = registry.load(name)
        assert f"  {name}" in done.stdout
        assert say(module.SUMMARY, "en") in done.stdout
        assert module.EXAMPLE in done.stdout


def test_the_app_usage_names_every_command() -> None:
    done = run_cli("--theme", "purple", env=ENGLISH)
    assert done.returncode == 2
    usage = done.stderr.split("planaction: error")[0]
    for name in registry.COMMANDS:
        assert name in usage


def test_an_unknown_command_names_the_closest_ones(tmp_path) -> None:
    done = run_cli("valdate", cwd=tmp_path, env=ENGLISH)
    assert done.returncode == 2
    assert "unknown command 'valdate'" in done.stderr
    assert "did you mean: validate" in done.stderr
    assert "Traceback" not in done.stderr
    assert done.stdout == ""
    french = run_cli("rapport", cwd=tmp_path, env={"LANG": "fr_FR.UTF-8", "PLANACTION_LANG": ""})
    assert french.returncode == 2
    assert "commande inconnue « rapport »" in french.stderr and "report" in french.stderr


def test_an_existing_path_named_like_no_command_still_opens_the_app(tmp_path) -> None:
    (tmp_path / "valdate").mkdir()
    done = run_cli("valdate", cwd=tmp_path, env=ENGLISH)  # a folder: the app, which needs a terminal here
    assert done.returncode == 2
    assert "the app needs a terminal" in done.stderr
    missing = run_cli("nowhere.yaml", cwd=tmp_path, env=ENGLISH)  # a file name: said missing, as before
    assert missing.returncode == 1
    assert "nowhere.yaml:1:1: error: no such file or folder" in missing.stderr


def test_version_is_written_once() -> None:
    import planaction

    done = run_cli("--version")
    assert done.returncode == 0
    assert done.stdout.strip() == f"planaction {planaction.__version__}"
    from importlib.metadata import version

    assert version("planaction") == planaction.__version__


def test_validate_imports_only_its_own_command() -> None:
    code = (
        "import sys\n"
        "from planaction.cli import main\n"
        f"assert main(['validate', {str(PLANS / 'support-it.yaml')!r}]) == 0\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('planaction.cli.commands.'))\n"
        "assert loaded == ['planaction.cli.commands.validate'], loaded\n"
        "heavy = [m for m in ('textual', 'openpyxl', 'python_calamine', 'rich', 'planaction.report',"
        " 'planaction.exchange', 'planaction.tui') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
