"""``planaction completion bash|zsh|fish``: scripts the shells accept, completing from the registry."""

from __future__ import annotations

import functools
import shutil
import subprocess
from pathlib import Path

import pytest

from planaction.cli import registry
from tests.conftest import planaction_command, run_cli


@functools.cache
def script(shell: str) -> str:
    """The script the real command prints, run once per shell and worker: the same command gives the
    same script, and a cold process costs about 0.35 s of CPU (bash's script was asked for 9 times)."""
    done = run_cli("completion", shell, env={"LANG": "C", "PLANACTION_LANG": ""})
    assert done.returncode == 0, done.stderr
    return done.stdout


def bash_complete(tmp_path: Path, *words: str) -> list[str]:
    path = tmp_path / "planaction.bash"
    path.write_text(script("bash"), encoding="utf-8")
    quoted = " ".join(f"'{word}'" for word in words)
    code = f"source {path}; COMP_WORDS=({quoted}); COMP_CWORD={len(words) - 1}; _planaction; printf '%s\\n' \"${{COMPREPLY[@]}}\""
    work = tmp_path / "work"  # where file names are completed
    work.mkdir(exist_ok=True)
    done = subprocess.run(["bash", "-c", code], capture_output=True, text=True, cwd=work)
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


def test_bash_script_is_valid_and_completes_commands_options_and_choices(tmp_path: Path) -> None:
    path = tmp_path / "planaction.bash"
    path.write_text(script("bash"), encoding="utf-8")
    assert subprocess.run(["bash", "-n", str(path)]).returncode == 0
    assert bash_complete(tmp_path, "planaction", "va") == ["validate"]
    assert bash_complete(tmp_path, "planaction", "t") == ["textconv", "templates"]
    assert bash_complete(tmp_path, "planaction", "validate", "--st") == ["--strict"]
    assert bash_complete(tmp_path, "planaction", "report", "--format", "") == ["text", "markdown", "json"]
    assert bash_complete(tmp_path, "planaction", "diff", "--lang", "f") == ["fr"]
    (tmp_path / "work" / "plan.yaml").write_text("", encoding="utf-8")
    assert bash_complete(tmp_path, "planaction", "validate", "pl") == ["plan.yaml"]  # paths are files
    assert bash_complete(tmp_path, "planaction", "pl") == ["plan.yaml"]  # the app opens a path


def test_bash_completes_through_process_substitution(tmp_path: Path) -> None:
    """The install line the README gives: ``source <(planaction completion bash)``."""
    command = " ".join(planaction_command())
    code = f"source <({command} completion bash); COMP_WORDS=(planaction va); COMP_CWORD=1; _planaction; echo ${{COMPREPLY[@]}}"
    done = subprocess.run(["bash", "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert done.stdout.strip() == "validate", done.stderr


def test_every_command_and_option_is_in_every_script() -> None:
    scripts = {shell: script(shell) for shell in ("bash", "zsh", "fish")}
    for name in registry.COMMANDS:
        parser = registry.parser_for(name, "en")
        for text in scripts.values():
            assert name in text
        for action in parser._actions:
            for flag in action.option_strings:
                assert flag in scripts["bash"], (name, flag)
                assert flag in scripts["zsh"], (name, flag)
                assert (f"-l {flag[2:]}" if flag.startswith("--") else f"-s {flag[1:]}") in scripts["fish"]


@pytest.mark.parametrize("shell", ["zsh", "fish"])
def test_zsh_and_fish_accept_their_script(tmp_path: Path, shell: str) -> None:
    if shutil.which(shell) is None:
        pytest.skip(f"{shell} is not installed (apt-get install -y {shell})")
    path = tmp_path / f"planaction.{shell}"
    path.write_text(script(shell), encoding="utf-8")
    done = subprocess.run([shell, "-n", str(path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_fish_completes_commands_and_choices(tmp_path: Path) -> None:
    if shutil.which("fish") is None:
        pytest.skip("fish is not installed (apt-get install -y fish)")
    path = tmp_path / "planaction.fish"
    path.write_text(script("fish"), encoding="utf-8")

    def complete(line: str) -> list[str]:
        done = subprocess.run(
            ["fish", "--no-config", "-c", f"source {path}; complete -C '{line}'"],
            capture_output=True,
            text=True,
            cwd=tmp_path,
        )
        return [row.split("\t")[0] for row in done.stdout.splitlines()]

    assert complete("planaction va") == ["validate"]
    assert sorted(complete("planaction due --format ")) == ["json", "markdown", "text"]
    assert "--strict" in complete("planaction validate --st")
