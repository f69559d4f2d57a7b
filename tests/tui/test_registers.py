"""Every register and part of a plan edited in the app as a person would, checked on the saved file.

One story per register: open the tab (its digit), pick the section (shift+tab to the list of
sections, arrows, enter), ``a`` and type the required fields in one burst, ctrl+s (the form),
ctrl+s (the plan): the file holds the new item and nothing else changed; ``e`` and one field
changed: exactly that line changed; ``d`` and yes: the item's lines are gone; ``d`` on an item
something refers to: refused, saying who, in the plan's language; ctrl+z after an add: as before.
"""

from __future__ import annotations

import difflib
import random
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from planaction import store
from planaction.core import entries
from planaction.core.registers import PART, REGISTER
from planaction.tui.forms.generated import EntryForm
from planaction.tui.screens.plan import PlanScreen
from planaction.tui.widgets.questions import ConfirmModal
from tests.conftest import PLANS
from tests.tui.conftest import KEY_NAMES, SIZE, TODAY, discard_form, make_app

ONBOARDING = "onboarding-client.yaml"
SIAE = "siae-cooperation.yaml"
ENGLISH = "product-launch-en.yaml"


def keys(text: str) -> list[str]:
    """The keys that type ``text``."""
    return [KEY_NAMES.get(ch, ch) for ch in text]


def changed(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def git_diff(before: Path, after: Path) -> list[str]:
    """What ``git diff --no-index`` says changed, as +/- lines."""
    done = subprocess.run(
        ["git", "diff", "--no-index", "--no-color", "-U0", str(before), str(after)],
        capture_output=True,
        text=True,
        check=False,
    )
    return [line for line in done.stdout.splitlines() if line[:1] in "+-" and not line.startswith(("+++", "---"))]


@dataclass(frozen=True)
class Place:
    """Where a register is in the app: its plan, its tab's digit and its place in the list of sections."""

    plan: str
    tab: str
    section: int | None  # None: the tab shows one register only
    register: str


@dataclass(frozen=True)
class Story:
    place: Place
    #: Keys typed in one burst once the new item's form is open (the first required field has the focus).
    typed: list[str]
    #: What the new item holds, read back from the saved file.
    expected: dict[str, Any]
    #: A text field changed on the first item: its key and the new text.
    edit: tuple[str, str] = ("", "")
    extra: dict[str, Any] = field(default_factory=dict)


def choose(downs: int) -> list[str]:
    """Open a select, go down ``downs`` options (from the blank one, when it has one), take it."""
    return ["enter", *["down"] * downs, "enter"]


STORIES = [
    Story(
        Place(ONBOARDING, "7", 1, "people"),
        [*keys("Zoe Martin"), "tab", *keys("Pilote data")],
        {"name": "Zoe Martin", "role": "Pilote data"},
        ("role", "Directrice des operations"),
    ),
    Story(
        Place(SIAE, "7", 2, "partners"),
        [*keys("Banque des territoires"), "tab", *keys("financier")],
        {"name": "Banque des territoires", "kind": "financier"},
        ("name", "Region Nord"),
    ),
    Story(
        Place(ONBOARDING, "7", 3, "streams"),
        keys("Securite"),
        {"id": "S1", "name": "Securite"},
        ("name", "Technique"),
    ),
    Story(
        Place(SIAE, "7", 4, "stakes"),
        [*keys("Emploi local"), "tab", "tab", *keys("SIAE A"), "enter", *keys("SIAE B")],  # one a line
        {"title": "Emploi local", "holders": ("SIAE A", "SIAE B")},
        ("title", "Chiffre d'affaires commun"),
    ),
    Story(
        Place(SIAE, "7", 5, "objectives"),
        [*keys("Signer 3 contrats"), "tab", *choose(1)],  # the first stake
        {"title": "Signer 3 contrats", "stake": "S1"},
        ("owner", "Coordinatrice"),
    ),
    # cooperation across structures (issue 18): a structure, and an approval of the first objective
    Story(
        Place(SIAE, "7", 6, "structures"),
        [*keys("Regie de quartier"), "tab", *keys("association")],
        {"id": "S1", "name": "Regie de quartier", "kind": "association"},
        ("kind", "Chantier d'insertion"),
    ),
    Story(
        Place(SIAE, "7", 7, "approvals"),
        [*choose(2), "tab", *keys("Bureau")],  # ETTI (a required link: no blank option)
        {"structure": "ETTI", "by": "Bureau"},
        ("by", "Assemblee generale"),
    ),
    Story(
        Place(ONBOARDING, "8", 0, "milestones"),
        [*keys("T+120 Bilan"), "tab", *keys("15/12/2026")],
        {"title": "T+120 Bilan", "due": TODAY.replace(2026, 12, 15)},
        ("title", "T0 Lancement"),
    ),
    Story(
        Place(ENGLISH, "8", 1, "decisions"),
        [*keys("Go or no go"), "tab", *keys("Dana Lee")],
        {"title": "Go or no go", "owner": "Dana Lee"},
        ("title", "Pricing approved"),
    ),
    Story(
        Place(ONBOARDING, "9", 0, "dimensions"),
        [*keys("Securite"), "tab", "0", "tab", "4"],
        {"name": "Securite", "weight": 0, "rating": 4},
        ("name", "Usage"),
    ),
    Story(
        Place(ONBOARDING, "9", 1, "playbooks"),
        [
            *keys("Budget"),
            "tab",
            *choose(1),  # green
            "tab",
            *keys("Depassement 10"),
            "tab",
            *keys("Alerter le sponsor"),
            "tab",
            *keys("CSM"),
        ],
        {"signal": "Budget", "level": "green", "trigger": "Depassement 10", "action": "Alerter le sponsor"},
        ("trigger", "Actifs 30j sous 35"),
    ),
    Story(
        Place(ONBOARDING, "9", 2, "raci"),
        [*keys("Valider le budget"), "tab", *keys("CSM, IT client")],
        {"activity": "Valider le budget", "responsible": ("CSM", "IT client")},
        ("activity", "Kick-off"),
    ),
    Story(
        Place(ONBOARDING, "9", 3, "rituals"),
        keys("Revue mensuelle"),
        {"name": "Revue mensuelle"},
        ("name", "Point hebdo"),
    ),
    Story(
        Place(ENGLISH, "5", None, "risks"),
        [*keys("Supplier delay"), "tab", *choose(1), "tab", *choose(3)],  # low, high
        {"title": "Supplier delay", "probability": "low", "impact": "high"},
        ("title", "Late supplier"),
    ),
    Story(
        Place(ONBOARDING, "6", 0, "kpis"),
        [*keys("NPS client"), "tab", *keys("points")],
        {"name": "NPS client", "unit": "points"},
        ("name", "Delai de traitement"),
    ),
    Story(
        Place(ONBOARDING, "6", 1, "measurements"),
        keys("6,4"),  # the date starts at today: the form starts in the value
        {"date": TODAY, "value": 6.4},
        ("comment", "Mesure de mai"),
    ),
    Story(
        Place(ONBOARDING, "6", 2, "value"),
        keys("Moins de rappels"),
        {"id": "V4", "hypothesis": "Moins de rappels"},
        ("hypothesis", "Moins de ressaisies"),
    ),
    Story(
        Place(ONBOARDING, "3", None, "log"),
        keys("Point fait"),  # today, no action: the form starts in the result
        {"date": TODAY, "result": "Point fait", "action": None},
        ("result", "Kick-off tenu"),
    ),
    # the improvement loop (issue 18), on the Governance tab after the rituals
    Story(
        Place(ONBOARDING, "9", 4, "retros"),
        ["tab", *keys("Validation des acces")],  # the date starts at today
        {"date": TODAY, "process": "Validation des acces"},
        ("content", "Video de 90 secondes"),
    ),
    Story(
        Place(ONBOARDING, "9", 5, "lessons"),
        keys("Former les champions tot"),
        {"title": "Former les champions tot"},
        ("owner", "Julie Saunier"),
    ),
]
STORY_IDS = [s.place.register for s in STORIES]


def test_every_register_has_its_story() -> None:
    assert set(REGISTER) - set(STORY_IDS) == {"actions"}  # actions have their own stories (test_stories)


async def open_section(pilot, place: Place) -> None:
    """The tab by its digit, then the section from the list on the left (shift+tab, arrows, enter)."""
    await pilot.press(place.tab)
    await pilot.pause()
    if place.section is not None:
        await pilot.press("shift+tab", "home", *["down"] * place.section, "enter")
        await pilot.pause()
    panel = shown_panel(pilot.app)
    assert panel.section.key == place.register
    assert pilot.app.focused is panel.table()


def shown_panel(app) -> Any:
    return app.screen.query_one(f"#{app.screen.current_tab}-panel")


async def focus_field(pilot, key: str) -> None:
    """Tab through the form to the field ``key``, as a person would."""
    for _ in range(30):
        if pilot.app.focused is not None and pilot.app.focused.id == f"f-{key}":
            return
        await pilot.press("tab")
    raise AssertionError(f"no field {key} in the form")


async def submit_and_save(pilot) -> None:
    await pilot.press("ctrl+s")  # the form
    await pilot.pause()
    assert isinstance(pilot.app.screen, PlanScreen), "the form stayed open: " + form_error(pilot.app)
    await pilot.press("ctrl+s")  # the plan
    await pilot.pause()


def form_error(app) -> str:
    found = app.screen.query("#form-error")
    return str(found.first().render()) if found else ""


def notifications(app) -> str:
    return "\n".join(str(n.message) for n in app._notifications)


def items(path: Path, register: str) -> tuple:
    plan = store.load(path).plan
    owners = {"kpis": plan.kpis, "objectives": plan.objectives}.get(REGISTER[register].parent or "", ())
    parent = owners[0].id if owners else None
    return entries.entries(plan, register, parent)


def as_read(value: Any) -> Any:
    return getattr(value, "value", value)


def key_of(found: tuple, item: Any, register: str) -> Any:
    """An item's key in its register: its id, or its position."""
    return item.id if REGISTER[register].by_id else found.index(item)


def item_at(found: tuple, key: Any, register: str) -> Any:
    return next(i for i in found if i.id == key) if REGISTER[register].by_id else found[key]


def row_of(app, key: Any) -> int:
    """Where the row of ``key`` is in the table shown."""
    return next(n for n, row in enumerate(shown_panel(app).table().rows) if row.key == key)


@pytest.mark.parametrize("story", STORIES, ids=STORY_IDS)
async def test_add_edit_delete(plan_copy, tmp_path: Path, story: Story) -> None:
    """``a`` adds an item with only its lines; ``e`` changes one line; ``d`` takes the item's lines away."""
    place = story.place
    key, text = story.edit
    path = plan_copy(place.plan)
    original = tmp_path / "original.yaml"
    original.write_bytes(path.read_bytes())
    before = items(path, place.register)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await open_section(pilot, place)

        # a: the new item, and nothing else, in the saved file
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, EntryForm)
        await pilot.press(*story.typed)
        await submit_and_save(pilot)
        assert not app.screen.session.dirty
        added = items(path, place.register)
        assert len(added) == len(before) + 1
        new = next(item for item in added if item not in before)
        assert {k: as_read(getattr(new, k)) for k in story.expected} == story.expected
        diff = git_diff(original, path)
        assert diff and all(line.startswith("+") for line in diff), diff
        text_added = path.read_text(encoding="utf-8")

        # e on the first row (the second, if the first is the new item): that line only
        new_key = key_of(added, new, place.register)
        await pilot.press("home")
        if shown_panel(app).table().current.key == new_key:
            await pilot.press("down")
        edited_key = shown_panel(app).table().current.key
        first = item_at(added, edited_key, place.register)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, EntryForm)
        await focus_field(pilot, key)
        await pilot.press("home", "ctrl+k", *keys(text))
        await submit_and_save(pilot)
        assert getattr(item_at(items(path, place.register), edited_key, place.register), key) == text
        diff = changed(text_added, path.read_text(encoding="utf-8"))
        if getattr(first, key) is None:  # a field added: its line only
            assert len(diff) == 1 and re.match(rf"^\+\s*(- )?{key}: ", diff[0]) and diff[0].endswith(text), diff
        else:
            assert len(diff) == 2, diff
            removed, put = diff
            assert removed.startswith("-") and put.startswith("+")
            assert removed[1:].split(":")[0] == put[1:].split(":")[0]  # the same key, at the same indent
            assert put.endswith(text), diff
        edit_diff = diff

        # d on the item added, and yes: the file is the original plus the edit
        await pilot.press("home", *["down"] * row_of(app, new_key), "d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("shift+tab", "enter")  # from "keep" to "delete"
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert len(items(path, place.register)) == len(before)
    assert git_diff(original, path) == edit_diff


@pytest.mark.parametrize(
    ("plan_name", "place", "item_id", "said"),
    [
        (
            ONBOARDING,
            Place(ONBOARDING, "6", 0, "kpis"),
            "K1",
            "KPI K1 est cité par : objectif SMART, action A6, action A12, ligne de valeur V1 et playbook Valeur\n"
            "changez d'abord ces renvois, ou gardez l'élément",
        ),
        (
            ONBOARDING,
            Place(ONBOARDING, "7", 3, "streams"),
            "tech",
            "flux tech est cité par : action A2, action A3 et action A6\n"
            "changez d'abord ces renvois, ou gardez l'élément",
        ),
        (
            ENGLISH,
            Place(ENGLISH, "6", 0, "kpis"),
            None,
            "is referred to by: ",
        ),
    ],
)
async def test_deleting_what_is_referred_to_is_refused(plan_copy, plan_name, place, item_id, said) -> None:
    path = plan_copy(plan_name)
    before = path.read_bytes()
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await open_section(pilot, place)
        table = shown_panel(app).table()
        if item_id is not None:
            assert table.current.key == item_id
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("shift+tab", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
        assert said in notifications(app)
        assert not app.screen.session.dirty
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert path.read_bytes() == before


async def test_undo_after_an_add(plan_copy) -> None:
    story = next(s for s in STORIES if s.place.register == "risks")
    path = plan_copy(story.place.plan)
    before = path.read_bytes()
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await open_section(pilot, story.place)
        original = app.screen.session.plan
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*story.typed, "ctrl+s")
        await pilot.pause()
        assert app.screen.session.dirty
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.screen.session.plan is original
        assert not app.screen.session.dirty
        assert len(shown_panel(app).table().rows) == len(original.risks)
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert path.read_bytes() == before


# --- the plan's single parts -------------------------------------------------------------------

PART_ROWS = {part: n for n, part in enumerate(PART)}


async def edit_part(pilot, part: str, key: str, typed: list[str]) -> None:
    """On the Plan tab (the parts are its first section): the part's row, e, the field, typed keys, saved."""
    await pilot.press("home", *["down"] * PART_ROWS[part], "e")
    await pilot.pause()
    assert isinstance(pilot.app.screen, EntryForm)
    await focus_field(pilot, key)
    await pilot.press(*typed)
    await submit_and_save(pilot)


async def test_edit_the_parts(plan_copy) -> None:
    """The header's sponsor, the period's end, the SMART target with a decimal comma, the context's "what"
    on two lines: each saved, each changing its lines only."""
    path = plan_copy(ONBOARDING)
    steps = [
        (
            "header",
            "sponsor",
            ["home", "ctrl+k", *keys("Nadia Roux")],
            ["-sponsor: Inès Caron", "+sponsor: Nadia Roux"],
        ),
        ("period", "end", ["home", "ctrl+k", *keys("31/12/2026")], ["-  end: 2026-11-22", "+  end: 2026-12-31"]),
        ("objective", "target", ["home", "ctrl+k", *keys("4,5")], ["-  target: 6", "+  target: 4.5"]),
        (
            "context",
            "what",
            ["f7", *keys("Ligne une"), "enter", *keys("Ligne deux")],  # f7: select all in a text area
            [
                "-  what: Déploiement de l'outil de gestion des dossiers et des nouveaux process de traitement.",
                "+  what: |-",
                "+    Ligne une",
                "+    Ligne deux",
            ],
        ),
    ]
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("7")
        await pilot.pause()
        for part, key, typed, expected in steps:
            before = path.read_text(encoding="utf-8")
            await edit_part(pilot, part, key, typed)
            assert changed(before, path.read_text(encoding="utf-8")) == expected, part
    plan = store.load(path).plan
    assert plan.objective.target == 4.5
    assert plan.context.what == "Ligne une\nLigne deux"


async def test_edit_a_part_in_english(plan_copy) -> None:
    path = plan_copy(ENGLISH)
    before = path.read_text(encoding="utf-8")
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("7")
        await pilot.pause()
        await edit_part(pilot, "period", "end", ["home", "ctrl+k", *keys("12/31/2027")])
        await edit_part(pilot, "objective", "target", ["home", "ctrl+k", *keys("4.5")])
    diff = changed(before, path.read_text(encoding="utf-8"))
    assert "+  end: 2027-12-31" in diff and "+  target: 4.5" in diff and len(diff) == 4, diff


# --- each field says what is wrong beside it, in the interface's language --------------------


@pytest.mark.parametrize(
    ("plan_name", "problems"),
    [
        (
            ONBOARDING,
            [
                (Place(ONBOARDING, "8", 0, "milestones"), "due", "31/02/2026", "date"),
                (Place(ONBOARDING, "9", 0, "dimensions"), "weight", "1O", "nombre"),
                (Place(ONBOARDING, "9", 0, "dimensions"), "rating", "7", "5"),
            ],
        ),
        (
            ENGLISH,
            [
                (Place(ENGLISH, "8", 0, "milestones"), "due", "next week", "date"),
            ],
        ),
    ],
)
async def test_a_field_says_what_is_wrong_beside_it(plan_copy, plan_name, problems) -> None:
    path = plan_copy(plan_name)
    before = path.read_bytes()
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        for place, key, typed, said in problems:
            await open_section(pilot, place)
            await pilot.press("e")
            await pilot.pause()
            await focus_field(pilot, key)
            await pilot.press("home", "ctrl+k", *keys(typed))
            await pilot.pause()
            error = app.screen.query_one(f"#f-{key}-error")
            text = str(error.render())
            assert error.display and said in text.lower(), text
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert isinstance(app.screen, EntryForm)  # refused: the form stays open
            await discard_form(pilot)
            await pilot.pause()
            assert isinstance(app.screen, PlanScreen)
    assert path.read_bytes() == before


# --- saving an item's form unchanged changes nothing --------------------------------------------


def sampled(plan_path: Path) -> list[tuple[Place, int]]:
    """Half the parts and one item of half the registers of a plan, so that every register is tried on
    about half the plans (seeded: the same each run; the whole sample takes about a minute)."""
    number = sorted(PLANS.glob("*.yaml")).index(plan_path)
    pick = random.Random(13 + number)
    plan = store.load(plan_path).plan
    chosen = [(Place(plan_path.name, "7", 0, "parts"), n) for n in sorted(pick.sample(range(len(PART)), 3))]
    for index, story in enumerate(STORIES):
        register = story.place.register
        owners = {"kpis": plan.kpis, "objectives": plan.objectives}.get(REGISTER[register].parent or "", ())
        parent = owners[0].id if owners else None
        if (index + number) % 2 or (REGISTER[register].parent and parent is None):
            continue
        count = len(entries.entries(plan, register, parent))
        if count:
            chosen.append(
                (Place(plan_path.name, story.place.tab, story.place.section, register), pick.randrange(count))
            )
    return chosen


@pytest.mark.parametrize("plan_path", sorted(PLANS.glob("*.yaml")), ids=lambda p: p.stem)
async def test_an_unchanged_form_changes_nothing(plan_copy, plan_path: Path) -> None:
    path = plan_copy(plan_path.name)
    before = path.read_bytes()
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        for place, position in sampled(plan_path):
            await open_section(pilot, place)
            await pilot.press("home", *["down"] * position, "e")
            await pilot.pause()
            assert isinstance(app.screen, EntryForm), (place, position)
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert isinstance(app.screen, PlanScreen), (place, position, form_error(app))
            assert not app.screen.session.dirty, (place, position)
            assert not app.screen.session.can_undo, (place, position)
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert path.read_bytes() == before


# --- typed fast, as a terminal sends a quick typist's keys (or a paste): all at once -------------


async def test_keys_sent_at_once_fill_field_after_field(plan_copy) -> None:
    """The terminal hands the app a burst of keys: a tab in it moves to the next field before the keys
    after it are given to a field (they all went into the first one)."""
    from textual import events

    path = plan_copy(ONBOARDING)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await open_section(pilot, Place(ONBOARDING, "8", 1, "decisions"))
        await pilot.press("a")
        await pilot.pause()
        assert app.screen.query_one("#f-date").value == ""  # a new decision is not taken today
        for key in [*keys("Valider"), "tab", *keys("Ines"), "tab", *keys("15/01/2027")]:
            char = next((ch for ch, name in KEY_NAMES.items() if name == key), key if len(key) == 1 else None)
            app.post_message(events.Key(key, char))
        await pilot.pause()
        await submit_and_save(pilot)
    decision = store.load(path).plan.decisions[-1]
    assert (decision.title, decision.owner, str(decision.due), decision.date) == ("Valider", "Ines", "2027-01-15", None)
