"""Who is who across plans: one person, one spelling, one e-mail, however a name was typed.

"Léa Fontaine" typed in NFC or NFD, in capitals or with a no-break space is
one person (``folding.person_key`` says so); the reminders, the reports and
``--owner`` group and match people through this directory, and show each
person under one spelling: the one in a plan's ``people:`` list (where the
e-mail is), or else the spelling used most often (the first seen on a tie).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from email.errors import HeaderParseError
from email.headerregistry import Address

from planaction.core.model import Plan
from planaction.words.folding import person_key

#: An address a mail server and a calendar take: one word before the @, a domain with a dot after it,
#: no space, no control character, no angle bracket, quote, comma or semicolon (which would start
#: another address or header).
_ADDRESS = re.compile(r"[^\s@<>\"(),;:\\\[\]]+@[^\s@<>\"(),;:\\\[\]]+\.[^\s@<>\"(),;:\\\[\].]+")


def usable_email(text: str | None) -> str | None:
    """The address, stripped, when it is one address alone that mail and calendars take, else None.

    ``email.headerregistry.Address`` must read it back as exactly itself: a line break, a second
    address or a display name hidden in a plan's ``email:`` is refused, never sent.
    """
    if not text:
        return None
    address = text.strip()
    if not _ADDRESS.fullmatch(address) or not address.isprintable():
        return None
    try:
        parsed = Address(addr_spec=address)
    except (HeaderParseError, ValueError, IndexError):
        return None
    return address if parsed.addr_spec == address else None


class Directory:
    """The people named in some plans: their spelling to show and their e-mail, by ``person_key``."""

    def __init__(self, plans: Iterable[Plan] = ()) -> None:
        self._listed: dict[str, str] = {}  # key -> the spelling in a people: list (the first one)
        self._emails: dict[str, str] = {}
        self._seen: dict[str, Counter[str]] = {}  # key -> how often each spelling is used
        for plan in plans:
            self.add_plan(plan)

    def add_plan(self, plan: Plan) -> None:
        for person in plan.people:
            key = person_key(person.name)
            if not key:
                continue
            self._listed.setdefault(key, person.name)
            if person.email:
                self._emails.setdefault(key, person.email)
        for name in (plan.owner, *(a.owner for a in plan.actions), *(c for a in plan.actions for c in a.co_owners)):
            self._note(name)
        for decision in plan.decisions:
            if decision.owner:
                self._note(decision.owner)

    def _note(self, name: str) -> None:
        key = person_key(name)
        if key:
            self._seen.setdefault(key, Counter())[name] += 1

    def name(self, name: str) -> str:
        """The spelling to show for ``name``: the listed one, else the most used (``name`` if unknown)."""
        key = person_key(name)
        if key in self._listed:
            return self._listed[key]
        spellings = self._seen.get(key)
        if not spellings:
            return name
        return spellings.most_common(1)[0][0]  # Counter keeps first-seen order on ties

    def email(self, name: str) -> str | None:
        return self._emails.get(person_key(name))
