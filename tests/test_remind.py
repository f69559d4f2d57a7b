"""`planaction remind` against a real SMTP server on localhost (aiosmtpd), as cron would run it.

Every message is parsed back with the standard library's ``email`` and its calendar with
``icalendar``: one message per person, their items only, in their plans' language; a second run
the same day sends nothing, ``--force`` sends again; a refused recipient is reported and the others
are sent; a name with CR/LF adds no header; ``--outbox`` writes .eml files; ``--dry-run`` sends nothing.
"""

from __future__ import annotations

import email
import socket
from email import policy
from email.message import EmailMessage
from pathlib import Path

import icalendar
import pytest
from aiosmtpd.controller import Controller

from tests.conftest import run_cli

TODAY = "2025-05-12"

FRENCH = """\
schema: 1
id: qualite
title: Plan qualité
owner: Ana Martin
language: fr
people:
  - {name: Ana Martin, email: ana@example.org}
  - {name: Léo Petit, email: leo@example.org}
  - {name: "Eve\\r\\nBcc: victim@evil.example", email: eve@example.org}
  - {name: Refusé Durand, email: refused@example.org}
actions:
  - {id: A1, title: "Former les agents <script>alert(1)</script>", owner: Léo Petit, co_owners: [Ana Martin], due: 2025-05-05}
  - {id: A2, title: Publier la charte, owner: Léo Petit, due: 2025-05-15}
  - {id: A3, title: Loin devant, owner: Léo Petit, due: 2025-09-01}
  - {id: A4, title: "Signer\\r\\nX-Injected: yes", owner: "Eve\\r\\nBcc: victim@evil.example", due: 2025-05-13}
  - {id: A5, title: Relancer le fournisseur, owner: Refusé Durand, due: 2025-05-14}
  - {id: A6, title: Sans adresse, owner: Nadia Sans Mail, due: 2025-05-14}
  - {id: A7, title: Fait, owner: Léo Petit, due: 2025-05-01, status: done, completed: 2025-05-01, progress: 100}
milestones:
  - {id: J1, title: Revue de mi-parcours, due: 2025-05-16}
decisions:
  - {id: D1, title: Valider le budget, owner: Léo Petit, due: 2025-05-18}
"""

ENGLISH = """\
schema: 1
id: launch
title: Product launch
owner: Grace Kim
language: en
people:
  - {name: Grace Kim, email: grace@example.org}
  - {name: Léo Petit, email: leo@example.org}
period: {start: 2025-04-01, end: 2025-12-31}
kpis:
  - {id: K1, name: Weekly sign-ups, owner: Grace Kim, frequency: weekly, measurements: [{date: 2025-05-06, value: 10}]}
actions:
  - {id: B1, title: Brief the agency, owner: Grace Kim, due: 2025-05-10}
"""


class Recorder:
    """An aiosmtpd handler that keeps every message and refuses one recipient, as a real server can."""

    def __init__(self, refuse: str = "refused@example.org") -> None:
        self.refuse = refuse
        self.messages: list[tuple[str, list[str], bytes]] = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address == self.refuse:
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return "250 Message accepted for delivery"

    def parsed(self) -> dict[str, EmailMessage]:
        """Each message by its one recipient."""
        found: dict[str, EmailMessage] = {}
        for _origin, recipients, content in self.messages:
            assert len(recipients) == 1
            found[recipients[0]] = email.message_from_bytes(content, policy=policy.default)
        return found


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def server():
    recorder = Recorder()
    controller = Controller(recorder, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield recorder, f"127.0.0.1:{controller.port}"
    finally:
        controller.stop()


@pytest.fixture
def folders(tmp_path: Path) -> dict[str, str]:
    """The user's config and state folders, in the test's own directory."""
    return {"XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_STATE_HOME": str(tmp_path / "state")}


@pytest.fixture
def plans(tmp_path: Path) -> Path:
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "qualite.yaml").write_text(FRENCH, encoding="utf-8")
    (folder / "launch.yaml").write_text(ENGLISH, encoding="utf-8")
    return folder


def remind(plans: Path, folders: dict[str, str], *args: str):
    return run_cli("remind", plans, "--today", TODAY, "--from", "Plans <plans@example.org>", *args, env=folders)


def text_of(message: EmailMessage) -> str:
    return message.get_body(("plain",)).get_content()


def html_of(message: EmailMessage) -> str:
    return message.get_body(("html",)).get_content()


def calendar_of(message: EmailMessage) -> icalendar.Calendar:
    parts = [p for p in message.iter_attachments() if p.get_content_type() == "text/calendar"]
    assert len(parts) == 1 and parts[0].get_filename() == "planaction.ics"
    return icalendar.Calendar.from_ical(parts[0].get_content())


def test_one_message_per_person_with_their_items_only(server, folders, plans) -> None:
    recorder, address = server
    done = remind(plans, folders, "--smtp", address)
    assert done.returncode == 4, done.stdout + done.stderr  # one recipient refused: non-zero
    messages = recorder.parsed()
    assert set(messages) == {"ana@example.org", "leo@example.org", "eve@example.org", "grace@example.org"}
    assert all(origin == "plans@example.org" for origin, _to, _content in recorder.messages)

    leo = messages["leo@example.org"]
    assert leo["To"].addresses[0].display_name == "Léo Petit"
    body = text_of(leo)
    # Léo: A1 overdue (pilot), A2 due soon, D1 due in 6 days; not A3 (beyond 7 days), not A7 (done),
    # nothing of Ana's milestone, nothing of the English plan (he has nothing there)
    assert "A1 Former les agents" in body and "A2 Publier la charte" in body and "D1 Valider le budget" in body
    for other in ("A3", "A4", "A5", "A6", "A7", "J1", "B1", "K1"):
        assert f"{other} " not in body
    assert "Bonjour Léo Petit," in body and "En retard (1)" in body and "Bientôt (2)" in body  # his plans: French
    assert str(leo["Subject"]) == "planaction : 1 en retard, 2 bientôt — 12/05/2025"
    uids = {str(e["UID"]) for e in calendar_of(leo).walk("VEVENT")}
    assert {"qualite-action-A1@planaction", "qualite-action-A2@planaction", "qualite-decision-D1@planaction"} <= uids
    assert "qualite-overdue-A1@planaction" in uids  # A1 is overdue: a daily reminder until done
    summaries = {str(e["SUMMARY"]) for e in calendar_of(leo).walk("VEVENT")}
    assert "[A2] Publier la charte — Léo Petit" in summaries  # UTF-8 read back as written
    assert not any("milestone" in uid or "launch-" in uid for uid in uids)

    ana = text_of(messages["ana@example.org"])
    assert "A1 Former les agents" in ana and "co-pilote" in ana and "jalon J1 Revue de mi-parcours" in ana
    assert "A2 " not in ana

    grace = messages["grace@example.org"]
    assert "Hello Grace Kim," in text_of(grace)  # an English plan: English
    assert "measurement K1 Measure Weekly sign-ups" in text_of(grace)  # measured 2025-05-06, weekly: due 05-13
    kinds = {str(e["UID"]).split("-")[1] for e in calendar_of(grace).walk("VEVENT")}
    assert kinds == {"action", "overdue", "measure"}
    measure = next(e for e in calendar_of(grace).walk("VEVENT") if "measure" in str(e["UID"]))
    assert measure["RRULE"]["FREQ"] == ["WEEKLY"]

    # the refused one is reported, the missing address located, the summary says it all
    assert "refused@example.org" in done.stderr and "550" in done.stderr
    assert (
        "qualite.yaml:17:42: warning: no e-mail for Nadia Sans Mail" in done.stderr
        and "no e-mail for Nadia Sans Mail" in done.stderr
    )
    assert done.stdout.strip().splitlines()[-1] == "4 sent, 0 already sent today, 1 failed, 1 without an address"


def test_html_is_escaped_and_names_inject_no_header(server, folders, plans) -> None:
    recorder, address = server
    remind(plans, folders, "--smtp", address)
    messages = recorder.parsed()
    html = html_of(messages["leo@example.org"])
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    eve = messages["eve@example.org"]
    assert eve["Bcc"] is None and eve["X-Injected"] is None
    assert [(a.display_name, a.addr_spec) for a in eve["To"].addresses] == [
        ("Eve Bcc: victim@evil.example", "eve@example.org")
    ]
    raw = next(content for _o, to, content in recorder.messages if to == ["eve@example.org"])
    assert b"\nBcc:" not in raw and b"\nX-Injected:" not in raw
    assert all(to != ["victim@evil.example"] for _o, to, _c in recorder.messages)


def test_a_second_run_the_same_day_sends_nothing_and_force_sends_again(server, folders, plans) -> None:
    recorder, address = server
    remind(plans, folders, "--smtp", address)
    first = len(recorder.messages)
    assert first == 4
    again = remind(plans, folders, "--smtp", address)
    assert len(recorder.messages) == first
    assert "0 sent, 4 already sent today, 1 failed" in again.stdout
    # a new item for Léo makes a new digest: he alone gets it
    text = (plans / "qualite.yaml").read_text(encoding="utf-8")
    (plans / "qualite.yaml").write_text(text.replace("due: 2025-09-01", "due: 2025-05-17"), encoding="utf-8")
    remind(plans, folders, "--smtp", address)
    assert [to for _o, to, _c in recorder.messages[first:]] == [["leo@example.org"]]
    forced = remind(plans, folders, "--smtp", address, "--force")
    assert len(recorder.messages) == first + 1 + 4
    assert "4 sent, 0 already sent today" in forced.stdout
    assert (Path(folders["XDG_STATE_HOME"]) / "planaction" / "remind-journal.json").is_file()


def test_owner_sends_to_one_person(server, folders, plans) -> None:
    recorder, address = server
    done = remind(plans, folders, "--smtp", address, "--owner", "leo petit")
    assert done.returncode == 0, done.stderr
    assert [to for _o, to, _c in recorder.messages] == [["leo@example.org"]]


def test_dry_run_sends_nothing(server, folders, plans) -> None:
    recorder, address = server
    done = remind(plans, folders, "--smtp", address, "--dry-run")
    assert done.returncode == 0, done.stderr
    assert recorder.messages == []
    assert "would send to Léo Petit <leo@example.org>: 1 overdue, 2 due soon" in done.stdout
    assert not (Path(folders["XDG_STATE_HOME"]) / "planaction").exists()  # nothing journalled


def test_outbox_writes_parseable_eml(folders, plans, tmp_path: Path) -> None:
    outbox = tmp_path / "outbox"
    outbox.mkdir()
    done = remind(plans, folders, "--outbox", outbox)
    assert done.returncode == 0, done.stderr
    files = sorted(p.name for p in outbox.iterdir())
    assert "2025-05-12-leo-at-example.org.eml" in files and len(files) == 5  # the refused one too: no server here
    leo = email.message_from_bytes((outbox / "2025-05-12-leo-at-example.org.eml").read_bytes(), policy=policy.default)
    assert "A1 Former les agents" in text_of(leo)
    assert calendar_of(leo).walk("VEVENT")
    again = remind(plans, folders, "--outbox", outbox)  # the day's file is written over, never doubled
    assert again.returncode == 0 and len(list(outbox.iterdir())) == 5


def test_settings_from_the_config_file(server, folders, plans) -> None:
    recorder, address = server
    config = Path(folders["XDG_CONFIG_HOME"]) / "planaction"
    config.mkdir(parents=True)
    (config / "remind.toml").write_text(f'smtp = "{address}"\nfrom = "plans@example.org"\n', encoding="utf-8")
    done = run_cli("remind", plans, "--today", TODAY, env=folders)
    assert done.returncode == 4, done.stderr  # the refused recipient, as above
    assert len(recorder.messages) == 4
    (config / "remind.toml").write_text('smtp = "x"\npassword = "secret"\n', encoding="utf-8")
    bad = run_cli("remind", plans, "--today", TODAY, env=folders)
    assert bad.returncode == 2 and 'unknown key "password"' in bad.stderr


def test_usage_errors(folders, plans) -> None:
    nothing = run_cli("remind", plans, "--today", TODAY, env=folders)
    assert nothing.returncode == 2 and "--smtp HOST" in nothing.stderr
    no_from = run_cli("remind", plans, "--smtp", "localhost:1", env=folders)
    assert no_from.returncode == 2 and "--from" in no_from.stderr
    bad_from = run_cli("remind", plans, "--smtp", "localhost:1", "--from", "a@b.org\r\nBcc: x@y.org", env=folders)
    assert bad_from.returncode == 2 and "not an e-mail address" in bad_from.stderr
    no_password = run_cli(
        "remind",
        plans,
        "--smtp",
        "localhost:1",
        "--from",
        "a@b.org",
        "--user",
        "u",
        env={**folders, "PLANACTION_SMTP_PASSWORD": ""},
    )
    assert no_password.returncode == 2 and "PLANACTION_SMTP_PASSWORD" in no_password.stderr


def test_a_server_that_is_down_fails_every_message_without_a_traceback(folders, plans) -> None:
    done = remind(plans, folders, "--smtp", f"127.0.0.1:{free_port()}")
    assert done.returncode == 4
    assert "Traceback" not in done.stderr
    assert "0 sent, 0 already sent today, 5 failed, 1 without an address" in done.stdout


def test_a_bad_address_in_a_plan_is_located_and_never_used(server, folders, plans) -> None:
    recorder, address = server
    text = (plans / "qualite.yaml").read_text(encoding="utf-8")
    (plans / "qualite.yaml").write_text(
        text.replace("email: leo@example.org}", 'email: "leo@example.org, boss@example.org"}', 1), encoding="utf-8"
    )
    (plans / "launch.yaml").unlink()
    done = remind(plans, folders, "--smtp", address)
    assert done.returncode == 4  # Refusé Durand is still refused by the server: that comes first
    assert "qualite.yaml:8:" in done.stderr and "Léo Petit will get nothing" in done.stderr
    assert all("boss@example.org" not in to and "leo@example.org" not in to for _o, to, _c in recorder.messages)
    alone = remind(plans, folders, "--smtp", address, "--owner", "Ana Martin", "--force")
    assert alone.returncode == 1  # all sent, but the plan holds an address that cannot be used


def test_due_lists_decisions_and_measurements_as_remind_mails_them(plans) -> None:
    import json

    done = run_cli("due", plans, "--today", TODAY, "--format", "json")
    people = {p["name"]: p for p in json.loads(done.stdout)["people"]}
    leo = [(r["kind"], r["id"], r["role"]) for r in people["Léo Petit"]["due_soon"]]
    assert ("decision", "D1", "decision owner") in leo
    grace = [(r["kind"], r["id"], r["role"]) for r in people["Grace Kim"]["due_soon"]]
    assert grace == [("measurement", "K1", "KPI owner")]
    text = run_cli("due", plans, "--today", TODAY, "--owner", "Grace Kim", "--lang", "en").stdout
    assert "measurement K1 Measure Weekly sign-ups — Product launch (KPI owner, in 1 day)" in text


def test_an_invalid_plan_is_reported_and_the_others_still_sent(server, folders, plans) -> None:
    recorder, address = server
    (plans / "broken.yaml").write_text("schema: 1\ntitle: Cassé\nowner: Ana\nactions:\n  - id: A1\n", encoding="utf-8")
    (plans / "qualite.yaml").unlink()
    done = remind(plans, folders, "--smtp", address)
    assert done.returncode == 1
    assert "broken.yaml:5:" in done.stderr
    assert [to for _o, to, _c in recorder.messages] == [["grace@example.org"]]
