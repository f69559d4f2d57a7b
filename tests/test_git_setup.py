"""``planaction git-setup``: .gitattributes and the repository's config, written once, never twice."""

from __future__ import annotations

from pathlib import Path

from tests.merge_helpers import cli, git


def _repo(tmp_path: Path) -> Path:
    folder = tmp_path / "repo"
    (folder / "plans").mkdir(parents=True)
    git(folder, "init", "-q", "-b", "main")
    return folder


def test_setup_writes_attributes_and_config_once(tmp_path: Path) -> None:
    folder = _repo(tmp_path)
    attributes = folder / "plans" / ".gitattributes"
    attributes.write_text("*.xlsx binary\n# ours\n", encoding="utf-8")
    first = cli("git-setup", "plans", cwd=folder)
    assert first.returncode == 0, first.stderr
    text = attributes.read_text(encoding="utf-8")
    assert (
        text
        == "*.xlsx binary\n# ours\n*.yaml diff=planaction merge=planaction\n*.yml diff=planaction merge=planaction\n"
    )
    config = git(folder, "config", "--local", "--get-regexp", "planaction").stdout
    assert "merge.planaction.driver " in config and " merge %O %A %B -o %A -L %L -p %P" in config
    assert "diff.planaction.textconv " in config and config.split("diff.planaction.textconv ")[1].split("\n")[
        0
    ].endswith(" textconv")
    before = (attributes.read_bytes(), (folder / ".git" / "config").read_bytes())
    second = cli("git-setup", "plans", cwd=folder)
    assert second.returncode == 0
    assert "already set" in second.stderr
    assert (attributes.read_bytes(), (folder / ".git" / "config").read_bytes()) == before
    # git itself reads the attributes
    check = git(folder, "check-attr", "merge", "diff", "--", "plans/a.yaml").stdout
    assert "merge: planaction" in check and "diff: planaction" in check


def test_setup_defaults_to_plans_and_refuses_outside_a_repository(tmp_path: Path) -> None:
    folder = _repo(tmp_path)
    assert cli("git-setup", cwd=folder).returncode == 0
    assert (folder / "plans" / ".gitattributes").exists()
    outside = tmp_path / "outside"
    outside.mkdir()
    done = cli(
        "git-setup",
        outside,
        cwd=tmp_path,
    )
    assert done.returncode == 1
    assert "is not in a git repository" in done.stderr
    assert not (outside / ".gitattributes").exists()
    assert "Traceback" not in done.stderr


def test_setup_keeps_crlf_attributes_in_crlf(tmp_path: Path) -> None:
    folder = _repo(tmp_path)
    attributes = folder / "plans" / ".gitattributes"
    attributes.write_bytes(b"*.yaml diff=planaction merge=planaction\r\n")
    assert cli("git-setup", "plans", cwd=folder).returncode == 0
    assert (
        attributes.read_bytes()
        == b"*.yaml diff=planaction merge=planaction\r\n*.yml diff=planaction merge=planaction\r\n"
    )
