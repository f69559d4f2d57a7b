"""The method's advice (``core/advice.py``): each mistake of the guides, placed in a copy of an example
plan, is reported by the real ``planaction validate`` at its line with its code.

The copies are checked in one run of the command per date (a run costs a second), then each file's
problems are read from the JSON: ``code`` is the stable name a script (or a plan's ``advice: ignore``)
uses, ``line`` the line a person opens.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import PLANS, run_cli

ESSMS = (PLANS / "essms-qualite.yaml").read_text(encoding="utf-8")
SIAE = (PLANS / "siae-cooperation.yaml").read_text(encoding="utf-8")
#: A date inside the quality plan's period, a week after its last follow-up (2026-09-24).
IN_TIME = "2026-10-01"
#: The quality plan's own ignores, less the ones on the date: its overlaps stay set aside.
OVERLAPS = """
advice:
  ignore:
    - code: advice.starts_before_predecessor
      ids: [A2, A4, A12]
      reason: Chevauchements voulus.
"""


def base(text: str = ESSMS) -> str:
    """The quality plan without the ignores of the advice on dates (it keeps its overlaps); the
    cooperation plan as it is (it sets aside only the advice on dates)."""
    if text is not ESSMS:
        return text
    return text[: text.index("\n# Conseils de la méthode")] + "\n" + OVERLAPS


def in_action(text: str, action_id: str, old: str, new: str) -> str:
    """``old`` replaced by ``new`` inside one action's block only."""
    start = text.index(f"  - id: {action_id}\n")
    end = text.find("\n  - id: ", start + 1)
    end = len(text) if end < 0 else end
    block = text[start:end]
    assert old in block, (action_id, old)
    return text[:start] + block.replace(old, new, 1) + text[end:]


def line_of(text: str, marker: str, occurrence: int = 0) -> int:
    """1-based line where ``marker`` (text, or a regex with ``re:``) starts."""
    found = [m.start() for m in re.finditer(re.escape(marker), text)]
    return text.count("\n", 0, found[occurrence]) + 1


def action_line(text: str, action_id: str) -> int:
    return line_of(text, f"  - id: {action_id}\n")


def key_line(text: str, action_id: str, key: str) -> int:
    start = text.index(f"  - id: {action_id}\n")
    return text.count("\n", 0, text.index(f"    {key}:", start)) + 1


# name -> (the mutated plan, the code expected, the line expected) -------------------------------------


def _objective(drop: list[str]) -> Callable[[], tuple[str, int]]:
    def make() -> tuple[str, int]:
        text = base()
        for line in drop:
            text = text.replace(line, "", 1)
        return text, line_of(text, "  statement: >-")

    return make


def _no_origin() -> tuple[str, int]:
    text = in_action(
        base(),
        "A11",
        re.search(r"    origins:\n(      .*\n|        .*\n)+", base()[base().index("  - id: A11\n") :]).group(0),
        "",
    )
    return text, action_line(text, "A11")


def _collective() -> tuple[str, int]:
    text = in_action(base(), "A11", "owner: Karine Blanc", "owner: L'équipe de nuit")
    return text, key_line(text, "A11", "owner")


def _drop(action_id: str, line: str, at: str | None = None) -> Callable[[], tuple[str, int]]:
    def make() -> tuple[str, int]:
        text = in_action(base(), action_id, line, "")
        return text, key_line(text, action_id, at) if at else action_line(text, action_id)

    return make


def _no_indicator() -> tuple[str, int]:
    text = base()
    block = text[text.index("  - id: A11\n") :]
    indicators = re.search(r"    indicators:\n(      - .*\n)+", block).group(0)
    text = in_action(text, "A11", indicators, "")
    return text, action_line(text, "A11")


def _kpis(extra: int) -> str:
    kpi = "  - id: K{n}\n    name: Indicateur {n}\n    source: Tableur\n    frequency: yearly\n"
    return "".join(kpi.format(n=n) for n in range(4, 4 + extra))


def _too_many_kpis() -> tuple[str, int]:
    text = base().replace("\nrisks:\n", "\n" + _kpis(3) + "\nrisks:\n", 1)
    return text, line_of(text, "  - id: K6\n")


def _kpi_no(key: str) -> Callable[[], tuple[str, int]]:
    def make() -> tuple[str, int]:
        text = base()
        start = text.index("  - id: K3\n")
        line = re.search(rf"    {key}: .*\n", text[start:]).group(0)
        text = text[:start] + text[start:].replace(line, "", 1)
        return text, line_of(text, "  - id: K3\n")

    return make


def _too_many_high() -> tuple[str, int]:
    text = in_action(base(), "A5", "priority: medium", "priority: high")
    text = in_action(text, "A7", "priority: medium", "priority: high")
    return text, action_line(text, "A1")


def _overloaded() -> tuple[str, int]:
    text = in_action(base(), "A5", "owner: Sophie Bernard", "owner: Claire Martin")
    text = in_action(text, "A8", "owner: Julien Moreau", "owner: Claire Martin")
    text = in_action(text, "A9", "owner: Paul Lefèvre", "owner: Claire Martin")
    return text, key_line(text, "A5", "owner")


def _starts_before() -> tuple[str, int]:
    text = in_action(base(), "A9", "start: 2026-05-04", "start: 2026-04-01")  # A2, its predecessor, ends 04-28
    return text, key_line(text, "A9", "start")


def _done_before() -> tuple[str, int]:
    text = in_action(base(), "A1", "    completed: 2026-03-27\n    status: done", "    status: in_progress")
    text = in_action(text, "A1", "progress: 100", "progress: 90")
    start = text.index("  - id: A2\n")
    return text, text.count("\n", 0, text.index("      - A1", start)) + 1


def _no_result() -> tuple[str, int]:
    text = base()
    comment = re.search(r"    comment: .*\n", text[text.index("  - id: A11\n") :]).group(0)
    text = in_action(text, "A11", comment, "")
    return text, key_line(text, "A11", "status")


def _unlinked_action() -> tuple[str, int]:
    text = in_action(base(SIAE), "A3", "    objective: O2\n", "")
    return text, action_line(text, "A3")


def _unlinked_objective() -> tuple[str, int]:
    text = base(SIAE)
    start = text.index("  - id: O2\n")
    text = text[:start] + text[start:].replace("    stake: S1\n", "", 1)
    return text, line_of(text, "  - id: O2\n") + 1  # at its title


MISTAKES: dict[str, tuple[Callable[[], tuple[str, int]], str]] = {
    "objective without target": (_objective(["  baseline: 0\n  target: 80\n"]), "advice.objective_no_target"),
    "objective without deadline": (_objective(["  deadline: 2026-12-31\n  kpi: K1\n"]), "advice.objective_no_deadline"),
    "objective without measure": (
        _objective(["  indicator: Taux de réalisation des actions du plan\n", '  unit: "%"\n', "  kpi: K1\n"]),
        "advice.objective_no_measure",
    ),
    "collective owner": (_collective, "advice.collective_owner"),
    "no start date": (_drop("A11", "    start: 2026-03-02\n"), "advice.no_start"),
    "no priority": (_drop("A11", "    priority: medium\n"), "advice.no_priority"),
    "no indicator": (_no_indicator, "advice.no_indicator"),
    "no origin in a quality plan": (_no_origin, "advice.no_origin"),
    "too many KPIs": (_too_many_kpis, "advice.too_many_kpis"),
    "KPI without source": (_kpi_no("source"), "advice.kpi_no_source"),
    "KPI without frequency": (_kpi_no("frequency"), "advice.kpi_no_frequency"),
    "most open actions high": (_too_many_high, "advice.too_many_high"),
    "one owner holds far more": (_overloaded, "advice.owner_overloaded"),
    "starts before its predecessor ends": (_starts_before, "advice.starts_before_predecessor"),
    "done while its predecessor is open": (_done_before, "advice.done_before_predecessor"),
    "under way with no result": (_no_result, "advice.no_result"),
    "action serving no objective": (_unlinked_action, "advice.unlinked_action"),
    "objective serving no stake": (_unlinked_objective, "advice.unlinked_objective"),
}


def validate(folder: Path, *options: str) -> dict[str, list[dict]]:
    """Each file's problems, from one run of ``planaction validate --format json``."""
    done = run_cli("validate", "--format", "json", *options, folder)
    assert done.returncode in (0, 1), done.stderr
    by_file: dict[str, list[dict]] = {}
    for problem in json.loads(done.stdout)["problems"]:
        by_file.setdefault(Path(problem["file"]).name, []).append(problem)
    return by_file


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, list[dict]], dict[str, tuple[str, int]]]:
    folder = tmp_path_factory.mktemp("mistakes")
    made = {}
    for index, (name, (make, _code)) in enumerate(MISTAKES.items()):
        text, line = make()
        (folder / f"m{index:02d}.yaml").write_text(text, encoding="utf-8")
        made[name] = (f"m{index:02d}.yaml", line)
    (folder / "base.yaml").write_text(base(), encoding="utf-8")
    (folder / "base-siae.yaml").write_text(base(SIAE), encoding="utf-8")
    (folder / "stages").mkdir()  # the stage the SIAE plan continues (issue 18), beside it as in plans/
    shutil.copy(PLANS / "stages" / "siae-prefiguration.yaml", folder / "stages")
    return validate(folder, "--today", IN_TIME), made


def test_the_unchanged_copies_follow_the_method(checked) -> None:
    by_file, _ = checked
    assert by_file.get("base.yaml", []) == []
    assert by_file.get("base-siae.yaml", []) == []


@pytest.mark.parametrize("name", list(MISTAKES))
def test_each_mistake_is_reported_at_its_line_with_its_code(checked, name: str) -> None:
    by_file, made = checked
    file, line = made[name]
    code = MISTAKES[name][1]
    found = [(p["line"], p["level"]) for p in by_file.get(file, []) if p["code"] == code]
    assert (line, "warning") in found, (name, by_file.get(file))
    problem = next(p for p in by_file[file] if p["code"] == code and p["line"] == line)
    assert problem["hint"], "a piece of advice says what to do"


def test_the_plan_language_speaks_unless_lang_says(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(in_action(base(), "A11", "    start: 2026-03-02\n", ""), encoding="utf-8")
    french = validate(tmp_path, "--today", IN_TIME)["plan.yaml"][0]
    assert french["message"] == "l'action A11 n'a pas de date de début"
    assert french["hint"].startswith("planifiez-la dans le temps : `start: AAAA-MM-JJ`")
    english = validate(tmp_path, "--today", IN_TIME, "--lang", "en")["plan.yaml"][0]
    assert english["message"] == "action A11 has no start date"
    text = run_cli("validate", "--today", IN_TIME, path).stdout
    assert f"{path}:{action_line(path.read_text(encoding='utf-8'), 'A11')}:5: warning: l'action A11" in text


def test_strict_makes_advice_an_error(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(in_action(base(), "A11", "    priority: medium\n", ""), encoding="utf-8")
    assert run_cli("validate", "--today", IN_TIME, path).returncode == 0
    strict = run_cli("validate", "--strict", "--today", IN_TIME, path)
    assert strict.returncode == 1
    assert ": error: l'action A11 n'a pas de priorité" in strict.stdout


def _silence(text: str, entries: str) -> str:
    return text.replace("\nadvice:\n  ignore:\n", "\nadvice:\n  ignore:\n" + entries, 1)


def test_an_ignore_with_a_reason_silences_its_code_only(tmp_path: Path) -> None:
    text = in_action(base(), "A11", "    priority: medium\n", "")
    text = in_action(text, "A10", "    priority: medium\n", "")
    (tmp_path / "loud.yaml").write_text(text, encoding="utf-8")
    everywhere = "    - code: advice.no_priority\n      reason: Priorités fixées au prochain comité.\n"
    (tmp_path / "quiet.yaml").write_text(_silence(text, everywhere), encoding="utf-8")
    one = everywhere + "      ids: [A10]\n"
    (tmp_path / "one.yaml").write_text(_silence(text, one), encoding="utf-8")
    by_file = validate(tmp_path, "--today", IN_TIME, "--strict")
    assert [p["code"] for p in by_file["loud.yaml"]] == ["advice.no_priority"] * 2
    assert "quiet.yaml" not in by_file
    assert [p["message"] for p in by_file["one.yaml"]] == ["l'action A11 n'a pas de priorité"]


def test_an_ignore_without_a_reason_or_with_an_unknown_code_is_reported(tmp_path: Path) -> None:
    text = _silence(base(), "    - code: advice.no_priority\n    - code: advice.no_prority\n      reason: Une faute.\n")
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    problems = validate(tmp_path, "--today", IN_TIME, "--lang", "en")["plan.yaml"]
    assert [(p["code"], p["line"]) for p in problems] == [
        ("advice.ignore_no_reason", line_of(text, "    - code: advice.no_priority")),
        ("advice.ignore_unknown_code", line_of(text, "advice.no_prority")),
    ]
    assert problems[0]["message"] == "advice advice.no_priority is ignored without a reason"
    assert problems[1]["hint"].startswith('did you mean "advice.no_priority"?')


def test_today_moves_the_advice_on_dates(tmp_path: Path) -> None:
    """Not followed up for 30 days, a KPI late for its frequency, a ritual late for its cadence:
    nothing on the first of October, each of them on the first of December; nothing once the plan is over."""
    text = base().replace(
        "    frequency: monthly\n", "    frequency: monthly\n    last_held: 2026-09-24\n", 1
    )  # the CREX, held monthly
    text = text.replace("    frequency: quarterly\n", "    frequency: monthly\n", 1)  # K1, measured monthly
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    assert validate(tmp_path, "--today", IN_TIME) == {}
    late = validate(tmp_path, "--today", "2027-01-01")
    assert late == {}, "the plan ended on 2026-12-31"
    problems = validate(tmp_path, "--today", "2026-12-26")["plan.yaml"]
    found = {(p["code"], p["line"]) for p in problems}
    last_entry = line_of(text, "  - date: 2026-09-24\n    action: A8")
    assert ("advice.stale", last_entry) in found
    assert ("advice.ritual_overdue", line_of(text, "    last_held: 2026-09-24")) in found
    k1_last = line_of(text, "      - date: 2026-09-24")
    assert ("advice.kpi_late", k1_last) in found
    stale = next(p for p in problems if p["code"] == "advice.stale")
    assert "2026-09-24" in stale["message"] and "93" in stale["message"]
    # a plan may say how long it goes without follow-up
    path.write_text(
        text.replace("\nadvice:\n", "\nadvice:\n  stale_days: 120\n", 1).replace(
            "frequency: quarterly", "frequency: yearly"
        ),
        encoding="utf-8",
    )
    assert "advice.stale" not in {p["code"] for p in validate(tmp_path, "--today", "2026-12-26").get("plan.yaml", [])}


def test_the_example_plans_are_clean_under_strict_on_any_day() -> None:
    for day in ("2025-03-01", "2026-01-20", "2026-06-01", "2026-09-15", "2026-10-01", "2027-01-15", "2027-11-30"):
        done = run_cli("validate", "--strict", "--today", day, PLANS)
        assert done.returncode == 0, (day, done.stdout)


def test_the_example_plans_have_no_advice_on_any_week_from_2025_to_2028() -> None:
    """In-process, every week: the example plans' advice on dates is set aside with its reason."""
    import datetime as dt

    from planaction import store
    from planaction.store.reading import advice

    documents = [store.load(path) for path in sorted(PLANS.glob("*.yaml"))]
    day = dt.date(2025, 1, 1)
    while day <= dt.date(2028, 1, 31):
        for document in documents:
            assert advice(document, day) == [], (document.name, day)
        day += dt.timedelta(days=7)
