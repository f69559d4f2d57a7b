"""`planaction ics`: the calendar of due dates and milestones, read back with an independent RFC 5545 reader."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import icalendar
import pytest

from tests.conftest import TODAY, run_cli

#: Long text of two-, three- and four-octet characters: where a byte-counting fold would cut a character.
LONG = "Événement à coordonner entre l'équipe 東京 et l'équipe 🎯 ; " * 4 + "ça déborde, forcément"
PLAN_TITLE = "Plan qualité\nsite Nord, bâtiment B; étage 2 \\ annexe"
A1_TITLE = "Former les agents, puis; évaluer \\ ajuster\nDeuxième ligne, fin"
J1_TITLE = "Comité, mi-parcours; validation\nétape 2"
CO_OWNERS = ["Dupont, Jean", "Martin; Léa"]
INDICATORS = ["Taux > 80 %, mesuré", "Délai; moyen \\ cible"]
CRITERIA = "Santé >= 70, sans; réserve"
DELIVERABLES = ["Compte rendu, signé", "Tableau; de bord"]


def quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML): newlines, backslashes and all."""
    return json.dumps(text, ensure_ascii=False)


def plan_text(plan_id: str | None = "qualite-2025") -> str:
    head = f"id: {plan_id}\n" if plan_id else ""
    return f"""schema: 1
{head}title: {quoted(PLAN_TITLE)}
owner: Ana Martin
actions:
  - id: A1
    title: {quoted(A1_TITLE)}
    owner: Léo Petit
    co_owners: [{", ".join(quoted(c) for c in CO_OWNERS)}]
    due: 2025-06-11
    indicators: [{", ".join(quoted(i) for i in INDICATORS)}]
  - id: A2
    title: Auditer les dossiers
    owner: Léo Petit
    due: 2025-04-01
    completed: 2025-03-30
    status: done
    progress: 100
  - id: A3
    title: Ancienne piste
    owner: Zoé Blanc
    due: 2025-05-20
    status: cancelled
  - id: A4
    title: Obtenir l'accès
    owner: Ana Martin
    due: 2025-05-25
    status: blocked
  - id: A5
    title: Sans date
    owner: Ana Martin
  - id: A6
    title: {quoted(LONG)}
    owner: {quoted("Éloïse Ŋgô-漢字 🎯")}
    due: 2025-07-01
milestones:
  - id: J1
    title: {quoted(J1_TITLE)}
    due: 2025-06-15
    criteria: {quoted(CRITERIA)}
    deliverables: [{", ".join(quoted(d) for d in DELIVERABLES)}]
  - id: J0
    title: Lancement
    due: 2025-01-15
    done: true
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def export(*paths: Path, output: Path, today: dt.date | str = TODAY) -> icalendar.Calendar:
    done = run_cli("ics", *paths, "-o", output, "--today", today)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(output)
    return icalendar.Calendar.from_ical(output.read_bytes())


def by_uid(calendar: icalendar.Calendar) -> dict[str, icalendar.Event]:
    events = calendar.walk("VEVENT")
    uids = [str(e["UID"]) for e in events]
    assert len(uids) == len(set(uids)), f"duplicate UIDs: {uids}"
    return dict(zip(uids, events, strict=True))


def calendar_name(calendar: icalendar.Calendar) -> str:
    """X-WR-CALNAME, unescaped as RFC 5545 TEXT (icalendar leaves X- properties raw)."""
    raw = str(calendar["X-WR-CALNAME"])
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), raw)


def uid(kind: str, item: str, plan: str = "qualite-2025") -> str:
    return f"{plan}-{kind}-{item}@planaction"


def test_calendar_has_one_event_per_dated_item(tmp_path: Path) -> None:
    path = write(tmp_path, "plan.yaml", plan_text())
    calendar = export(path, output=tmp_path / "plan.ics")
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]).strip()
    assert calendar_name(calendar) == PLAN_TITLE  # one plan: the calendar is named after it
    events = by_uid(calendar)
    # Five dated actions (A5 has no due date) and both milestones.
    assert set(events) == {uid("action", a) for a in ("A1", "A2", "A3", "A4", "A6")} | {
        uid("milestone", m) for m in ("J1", "J0")
    }
    for event in events.values():
        start, end = event["DTSTART"].dt, event["DTEND"].dt
        assert type(start) is dt.date and type(end) is dt.date  # all-day: dates, not date-times
        assert end - start == dt.timedelta(days=1)
        assert event["DTSTART"].params.get("VALUE") == "DATE"
        assert isinstance(event["DTSTAMP"].dt, dt.datetime) and event["DTSTAMP"].dt.utcoffset() == dt.timedelta(0)
    assert events[uid("action", "A1")]["DTSTART"].dt == dt.date(2025, 6, 11)
    assert events[uid("milestone", "J1")]["DTSTART"].dt == dt.date(2025, 6, 15)
    assert events[uid("milestone", "J0")]["DTSTART"].dt == dt.date(2025, 1, 15)


def test_open_items_have_an_alarm_and_closed_ones_say_so(tmp_path: Path) -> None:
    path = write(tmp_path, "plan.yaml", plan_text())
    events = by_uid(export(path, output=tmp_path / "plan.ics"))

    def alarms(key: str) -> list:
        return events[key].walk("VALARM")

    # Open: to do (A1, A6), blocked (A4), pending milestone (J1): a display alarm the day before at 9:00,
    # i.e. 15 hours before the all-day event starts at midnight.
    for key in (uid("action", "A1"), uid("action", "A4"), uid("action", "A6"), uid("milestone", "J1")):
        (alarm,) = alarms(key)
        assert str(alarm["ACTION"]) == "DISPLAY"
        assert alarm["TRIGGER"].dt == -dt.timedelta(hours=15)
        assert str(events[key]["STATUS"]) == "CONFIRMED"
    assert str(alarms(uid("action", "A1"))[0]["DESCRIPTION"]) == f"Échéance demain : A1 {A1_TITLE}"
    assert str(alarms(uid("milestone", "J1"))[0]["DESCRIPTION"]) == f"Jalon demain : {J1_TITLE}"
    # Done action: ticked, no alarm, still a confirmed event (it happened).
    done = events[uid("action", "A2")]
    assert alarms(uid("action", "A2")) == []
    assert str(done["SUMMARY"]) == "✓ [A2] Auditer les dossiers — Léo Petit"
    assert str(done["STATUS"]) == "CONFIRMED"
    # Cancelled action: a cancelled event, so calendars drop it; no alarm.
    assert str(events[uid("action", "A3")]["STATUS"]) == "CANCELLED"
    assert alarms(uid("action", "A3")) == []
    # Reached milestone: ticked, no alarm.
    assert str(events[uid("milestone", "J0")]["SUMMARY"]) == "◆ Lancement ✓"
    assert alarms(uid("milestone", "J0")) == []
    for event in events.values():
        categories = event["CATEGORIES"].cats
        assert [str(c) for c in categories] == ["planaction", "qualite-2025"]


def test_text_round_trips_exactly(tmp_path: Path) -> None:
    path = write(tmp_path, "plan.yaml", plan_text())
    events = by_uid(export(path, output=tmp_path / "plan.ics"))
    a1 = events[uid("action", "A1")]
    assert str(a1["SUMMARY"]) == f"[A1] {A1_TITLE} — Léo Petit"
    # A1 is to do with no start, due 2025-06-11: 30 days after 2025-05-12, so green, on track.
    assert str(a1["DESCRIPTION"]) == "\n".join(
        [
            "Statut : À faire — 0 %",
            f"Plan : {PLAN_TITLE}",
            "Météo : vert : dans les temps (échéance dans 30 jours)",
            f"Co-pilotes : {', '.join(CO_OWNERS)}",
            f"Indicateurs : {' ; '.join(INDICATORS)}",
        ]
    )
    j1 = events[uid("milestone", "J1")]
    assert str(j1["SUMMARY"]) == f"◆ {J1_TITLE}"
    assert str(j1["DESCRIPTION"]) == "\n".join(
        [f"Plan : {PLAN_TITLE}", f"Critère : {CRITERIA}", f"Livrables : {' ; '.join(DELIVERABLES)}"]
    )
    assert str(events[uid("action", "A6")]["SUMMARY"]) == f"[A6] {LONG} — Éloïse Ŋgô-漢字 🎯"


def test_file_is_folded_crlf_utf8_without_escapes(tmp_path: Path) -> None:
    path = write(tmp_path, "plan.yaml", plan_text())
    output = tmp_path / "plan.ics"
    export(path, output=output)
    data = output.read_bytes()
    data.decode("utf-8")  # strict: a fold inside a character would not decode
    assert data.endswith(b"\r\n")
    lines = data[: -len(b"\r\n")].split(b"\r\n")
    assert all(b"\n" not in line and b"\r" not in line for line in lines), "bare CR or LF"
    too_long = [line for line in lines if len(line) > 75]
    assert too_long == [], "lines over 75 octets"
    for line in lines:
        line.decode("utf-8")  # every physical line holds whole characters
    assert sum(line.startswith(b" ") for line in lines) >= 5  # the long texts were folded, not cut
    assert b"\x1b" not in data
    assert lines[0] == b"BEGIN:VCALENDAR" and lines[-1] == b"END:VCALENDAR"


@pytest.mark.parametrize("char", ["a", "é", "東", "🎯"])
def test_fold_keeps_characters_whole(char: str) -> None:
    from planaction.exchange.ics import fold

    for count in range(60, 100):
        line = "SUMMARY:" + char * count
        physical = fold(line).split("\r\n")
        assert all(len(p.encode("utf-8")) <= 75 for p in physical), (char, count)
        assert all(p.startswith(" ") for p in physical[1:])
        assert physical[0] + "".join(p[1:] for p in physical[1:]) == line
        if len(line.encode("utf-8")) <= 75:
            assert physical == [line]


def test_uids_are_stable_when_titles_and_dates_change(tmp_path: Path) -> None:
    path = write(tmp_path, "plan.yaml", plan_text())
    before = by_uid(export(path, output=tmp_path / "before.ics"))
    edit = run_cli("set", path, "A1", "title=Former tous les agents", "due=2025-07-01", "--today", TODAY)
    assert edit.returncode == 0, edit.stderr
    after = by_uid(export(path, output=tmp_path / "after.ics", today="2025-07-05"))
    # on 2025-07-05 the open items are overdue: each also gets its daily reminder (issue 16), UIDs of their own
    assert {key for key in after if "-overdue-" not in key} == set(before)
    a1 = after[uid("action", "A1")]
    assert a1["DTSTART"].dt == dt.date(2025, 7, 1)
    assert a1["DTEND"].dt == dt.date(2025, 7, 2)
    assert str(a1["SUMMARY"]) == "[A1] Former tous les agents — Léo Petit"
    # --today moves the RAG of the description: 2025-07-05 is 4 days after the new due date.
    assert "Météo : rouge : 4 jours de retard" in str(a1["DESCRIPTION"]).split("\n")
    for key, event in before.items():
        if key != uid("action", "A1"):
            assert after[key]["DTSTART"].dt == event["DTSTART"].dt
            assert str(after[key]["SUMMARY"]) == str(event["SUMMARY"])


def test_several_plans_share_a_calendar_with_distinct_uids(tmp_path: Path) -> None:
    first = write(tmp_path, "qualite.yaml", plan_text())
    second = write(tmp_path / "autre", "suivi-rh.yaml", plan_text(plan_id=None))  # id: the file's name
    output = tmp_path / "all.ics"
    calendar = export(first, second, output=output)
    events = by_uid(calendar)
    assert len(events) == 2 * 7
    assert uid("action", "A1") in events
    assert uid("action", "A1", plan="suivi-rh") in events
    assert uid("milestone", "J1", plan="suivi-rh") in events
    assert calendar_name(calendar) == f"planaction — {first}, {second}"

    # Two plans with one id would overwrite each other's events: refused, nothing written.
    twin = write(tmp_path / "twin", "qualite.yaml", plan_text())
    refused = run_cli("ics", first, twin, "-o", tmp_path / "twins.ics")
    assert refused.returncode == 1
    assert "qualite-2025" in refused.stderr and "Traceback" not in refused.stderr
    assert not (tmp_path / "twins.ics").exists()


def test_plan_text_cannot_inject_escapes(tmp_path: Path) -> None:
    evil = (
        "schema: 1\nid: evil\n"
        'title: "Plan \\e[31mrouge\\e]8;;http://evil\\e\\\\lien\\x07"\n'
        "owner: Ana\nactions:\n"
        '  - id: A1\n    title: "\\e[2Jefface\\x9b31m tout\\rretour"\n    owner: "Eve\\e[1m"\n    due: 2025-06-01\n'
    )
    path = write(tmp_path, "evil.yaml", evil)
    output = tmp_path / "evil.ics"
    calendar = export(path, output=output)
    data = output.read_bytes()
    assert b"\x1b" not in data and b"\x07" not in data and "\x9b".encode() not in data
    (event,) = calendar.walk("VEVENT")
    summary = str(event["SUMMARY"])
    # The escapes show as replacement marks; the words stay.
    assert summary == "[A1] \ufffd[2Jefface\ufffd31m tout\nretour — Eve\ufffd[1m"
    assert calendar_name(calendar) == "Plan \ufffd[31mrouge\ufffd]8;;http://evil\ufffd\\lien\ufffd"


def test_invalid_plan_writes_nothing(tmp_path: Path) -> None:
    good = write(tmp_path, "good.yaml", plan_text())
    bad = write(tmp_path, "bad.yaml", plan_text().replace("    status: blocked", "    status: Finished"))
    output = tmp_path / "plan.ics"
    kept = b"BEGIN:VCALENDAR\r\nX-KEEP:me\r\nEND:VCALENDAR\r\n"
    output.write_bytes(kept)
    done = run_cli("ics", good, bad, "-o", output, "--today", TODAY)
    assert done.returncode == 1
    line = plan_text().splitlines().index("    status: blocked") + 1
    assert f"{bad}:{line}:13: error:" in done.stderr
    assert "no calendar written" in done.stderr
    assert output.read_bytes() == kept  # the existing file is untouched
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary file left

    fresh = tmp_path / "fresh.ics"
    assert run_cli("ics", bad, "-o", fresh).returncode == 1
    assert not fresh.exists()


def test_output_folder_must_exist(tmp_path: Path) -> None:
    path = write(tmp_path, "plan.yaml", plan_text())
    output = tmp_path / "missing" / "plan.ics"
    done = run_cli("ics", path, "-o", output, "--today", TODAY)
    assert done.returncode == 1
    assert done.stderr.startswith("planaction: ")
    assert "missing" in done.stderr and "nothing was changed" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "missing").exists()


def test_usage_errors(tmp_path: Path) -> None:
    path = write(tmp_path, "plan.yaml", plan_text())
    assert run_cli("ics", path).returncode == 2  # -o is required
    assert run_cli("ics", path, "-o", tmp_path / "x.ics", "--today", "11/06/2025").returncode == 2
    empty = tmp_path / "empty"
    empty.mkdir()
    nothing = run_cli("ics", empty, "-o", tmp_path / "x.ics")
    assert nothing.returncode == 1
    assert "no plan files" in nothing.stderr
    assert not (tmp_path / "x.ics").exists()


def test_output_never_replaces_a_plan(tmp_path: Path) -> None:
    path = write(tmp_path, "plan.yaml", plan_text())
    before = path.read_bytes()
    done = run_cli("ics", path, "-o", path, "--today", TODAY)
    assert path.read_bytes() == before, "the plan was overwritten by the calendar"
    assert done.returncode in (1, 2)
    assert "Traceback" not in done.stderr
