"""`planaction ics --owner NAME`: one person's calendar, read back with ``icalendar``: organiser and
attendees with their e-mails, a daily reminder for an overdue open item, rituals and KPI cadences
as recurring events, decisions as events, ``-o -`` on standard output."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar
from dateutil.rrule import rrulestr

from tests.conftest import run_cli

TODAY = "2025-05-12"
PLAN = """\
schema: 1
id: qualite
title: Plan qualité
owner: Ana Martin
sponsor: Paul Durand
language: fr
period: {start: 2025-04-01, end: 2025-12-31}
people:
  - {name: Ana Martin, email: ana@example.org}
  - {name: Léo Petit, email: leo@example.org}
  - {name: Chloé Roux}
  - {name: 'Zoé "la boss"; Blanc', email: zoe@example.org}
actions:
  - {id: A1, title: Former les agents, owner: Léo Petit, co_owners: [Chloé Roux, Ana Martin], due: 2025-05-05}
  - {id: A2, title: Publier la charte, owner: Léo Petit, due: 2025-06-01}
  - {id: A3, title: Fini en retard, owner: Léo Petit, due: 2025-05-01, completed: 2025-05-03, status: done, progress: 100}
  - {id: A4, title: Relire, owner: 'Zoé "la boss"; Blanc', due: 2025-06-02}
kpis:
  - {id: K1, name: Délai, owner: Léo Petit, frequency: biweekly, deadline: 2025-10-31, measurements: [{date: 2025-05-02, value: 9}]}
  - {id: K2, name: Satisfaction, frequency: quarterly}
milestones:
  - {id: J1, title: Mi-parcours, due: 2025-05-10}
decisions:
  - {id: D1, title: Valider le budget, due: 2025-05-30}
  - {id: D2, title: Choisir, owner: Léo Petit, status: taken, date: 2025-04-20}
rituals:
  - {name: Point hebdo, frequency: weekly, participants: [Léo Petit, Chloé Roux], last_held: 2025-05-07}
  - {name: Comité de pilotage, frequency: monthly, participants: [Paul Durand]}
"""


def feed(tmp_path: Path, *args: str) -> dict[str, icalendar.Event]:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    done = run_cli("ics", path, "-o", "-", "--today", TODAY, *args)
    assert done.returncode == 0, done.stderr
    calendar = icalendar.Calendar.from_ical(done.stdout.encode("utf-8"))
    return {str(e["UID"]).removeprefix("qualite-").removesuffix("@planaction"): e for e in calendar.walk("VEVENT")}


def attendees(event: icalendar.Event) -> dict[str, str]:
    found = event.get("ATTENDEE", [])
    found = found if isinstance(found, list) else [found]
    return {str(a).removeprefix("mailto:"): str(a.params["CN"]) for a in found}


def test_one_persons_feed_holds_their_items_only(tmp_path: Path) -> None:
    leo = feed(tmp_path, "--owner", "LEO PETIT")
    assert set(leo) == {
        "action-A1",
        "overdue-A1",
        "action-A2",
        "action-A3",
        "overdue-A3",  # A3 was late and is done: its daily reminder is sent cancelled
        "measure-K1",
        "decision-D2",
        "ritual-Point-hebdo",
    }
    assert str(leo["overdue-A3"]["STATUS"]) == "CANCELLED" and not leo["overdue-A3"].walk("VALARM")
    ana = feed(tmp_path, "--owner", "Ana Martin")
    # co-pilot of A1, owner of the plan (milestone, K2 without owner, rituals she organises)
    assert {"action-A1", "overdue-A1", "milestone-J1", "overdue-milestone-J1", "measure-K2"} <= set(ana)
    assert "action-A2" not in ana and "decision-D1" not in ana  # D1 goes to the sponsor
    paul = feed(tmp_path, "--owner", "Paul Durand")
    assert set(paul) == {"decision-D1", "ritual-Comité-de-pilotage"}


def test_organiser_and_attendees_carry_the_emails(tmp_path: Path) -> None:
    events = feed(tmp_path)
    a1 = events["action-A1"]
    assert str(a1["ORGANIZER"]) == "mailto:ana@example.org" and str(a1["ORGANIZER"].params["CN"]) == "Ana Martin"
    # Chloé has no e-mail: she is not an attendee; the others are, once each
    assert attendees(a1) == {"leo@example.org": "Léo Petit", "ana@example.org": "Ana Martin"}
    # a name with a double quote and a semicolon stays one parameter value
    assert attendees(events["action-A4"]) == {"zoe@example.org": "Zoé 'la boss'; Blanc"}


def test_an_overdue_item_alarms_every_day_until_done(tmp_path: Path) -> None:
    events = feed(tmp_path)
    overdue = events["overdue-A1"]
    assert overdue["DTSTART"].dt == dt.date(2025, 5, 12)  # from today
    assert overdue["RRULE"]["FREQ"] == ["DAILY"] and "UNTIL" not in overdue["RRULE"]
    (alarm,) = overdue.walk("VALARM")
    assert alarm["TRIGGER"].dt == dt.timedelta(hours=9)  # 9:00 each day
    assert "En retard" in str(alarm["DESCRIPTION"])
    assert "overdue-A2" not in events  # not due yet


def test_rituals_and_measurements_recur(tmp_path: Path) -> None:
    events = feed(tmp_path)
    weekly = events["ritual-Point-hebdo"]
    assert weekly["DTSTART"].dt == dt.date(2025, 5, 14)  # last held 05-07, weekly
    assert weekly["RRULE"]["FREQ"] == ["WEEKLY"] and weekly["RRULE"]["UNTIL"] == [dt.date(2025, 12, 31)]
    assert set(attendees(weekly)) == {"leo@example.org"}
    monthly = events["ritual-Comité-de-pilotage"]
    assert monthly["DTSTART"].dt == dt.date(2025, 4, 1)  # never held: from the plan's start
    k1 = events["measure-K1"]
    assert k1["DTSTART"].dt == dt.date(2025, 5, 16)  # measured 05-02, every two weeks
    assert (k1["RRULE"]["FREQ"], k1["RRULE"]["INTERVAL"]) == (["WEEKLY"], [2])
    assert k1["RRULE"]["UNTIL"] == [dt.date(2025, 10, 31)]  # the KPI's deadline comes before the plan's end
    assert attendees(k1) == {"leo@example.org": "Léo Petit"}
    k2 = events["measure-K2"]
    assert (k2["RRULE"]["FREQ"], k2["RRULE"]["INTERVAL"]) == (["MONTHLY"], [3])
    # recurrence expands as a calendar would: the next three measurements of K1
    rule = rrulestr(k1["RRULE"].to_ical().decode(), dtstart=dt.datetime(2025, 5, 16))
    assert [d.date() for d in rule[:3]] == [dt.date(2025, 5, 16), dt.date(2025, 5, 30), dt.date(2025, 6, 13)]
    assert rule[-1].date() == dt.date(2025, 10, 31)  # 5/16 + 12 x 14 days: the deadline itself


def test_decisions_are_events(tmp_path: Path) -> None:
    events = feed(tmp_path)
    d1 = events["decision-D1"]
    assert d1["DTSTART"].dt == dt.date(2025, 5, 30)
    assert "Valider le budget" in str(d1["SUMMARY"]) and d1.walk("VALARM")
    d2 = events["decision-D2"]
    assert d2["DTSTART"].dt == dt.date(2025, 4, 20) and not d2.walk("VALARM")  # taken: history


def test_owner_must_be_a_name(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    done = run_cli("ics", path, "-o", "-", "--owner", "  ")
    assert done.returncode == 2 and done.stdout == ""
