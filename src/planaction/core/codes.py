"""The plan file's vocabulary: enum codes, with the French and English words that read as them.

A code is what planaction writes (``done``); its two labels and its synonyms are
what a team may write instead (``Terminé``, ``fait``). The labels are part of the
file format, so they live here with the codes; people see them through
``words.labels.label``. Pure Python: importing the vocabulary costs no schema.
"""

import re
import unicodedata
from enum import Enum, StrEnum
from typing import Any

SCHEMA_VERSION = 1


def normalise_word(text: str) -> str:
    """Fold case, accents and punctuation: "À faire" -> "a_faire"."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"[^0-9a-z]+", "_", bare.casefold()).strip("_")


_LOOKUPS: dict[type, dict[str, Enum]] = {}


class Coded(StrEnum):
    """An enum whose value is a stable English code, with French and English labels.

    Reading accepts the code, either label and a few synonyms, ignoring case,
    accents and punctuation: ``Terminé``, ``termine``, ``done`` and ``Done`` are
    all ``done``. Files written by planaction use the code.
    """

    fr: str
    en: str
    aliases: tuple[str, ...]

    def __new__(cls, code: str, fr: str, en: str, *aliases: str) -> "Coded":
        member = str.__new__(cls, code)
        member._value_ = code
        member.fr = fr
        member.en = en
        member.aliases = aliases
        return member

    def __str__(self) -> str:
        return self.value

    def label(self, lang: str) -> str:
        return self.fr if lang == "fr" else self.en

    @classmethod
    def lookup(cls) -> "dict[str, Enum]":
        table = _LOOKUPS.get(cls)
        if table is None:
            table = {}
            for member in cls:
                for word in (member.value, member.en, member.fr, *member.aliases):
                    table.setdefault(normalise_word(word), member)
            _LOOKUPS[cls] = table
        return table

    @classmethod
    def _missing_(cls, value: object) -> Enum | None:
        if isinstance(value, str):
            return cls.lookup().get(normalise_word(value))
        return None

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: Any, handler: Any) -> dict[str, Any]:
        schema = handler(core_schema)
        schema = handler.resolve_ref_schema(schema)
        words: list[str] = []
        for member in cls:
            for word in (member.value, member.fr, member.en):
                if word not in words:
                    words.append(word)
        schema["enum"] = words
        schema["description"] = (
            (cls.__doc__ or "").strip() + " Codes: " + ", ".join(f"{m.value} ({m.fr} / {m.en})" for m in cls)
        )
        return schema


class PlanType(Coded):
    """The kind of plan, after the classification of the method guides."""

    STRATEGIC = "strategic", "Stratégique", "Strategic", "plan strategique"
    OPERATIONAL = "operational", "Opérationnel", "Operational", "plan operationnel"
    CONTINUOUS_IMPROVEMENT = (
        "continuous_improvement",
        "Amélioration continue",
        "Continuous improvement",
        "qualite",
        "quality",
        "capa",
        "iso",
        "lean",
    )
    HR = "hr", "RH / managérial", "HR / management", "rh", "managerial"
    CSR = "csr", "RSE / environnement", "CSR / environment", "rse", "environnement", "esg"
    CRISIS = (
        "crisis",
        "Urgence / gestion de crise",
        "Crisis / continuity",
        "crise",
        "urgence",
        "continuity",
        "pca",
        "continuite",
    )
    TRAINING = "training", "Pédagogique / formation", "Training", "formation", "pedagogique"
    ONBOARDING = (
        "onboarding",
        "Intégration client",
        "Customer onboarding",
        "integration",
        "integration client",
    )
    COOPERATION = "cooperation", "Coopération", "Cooperation", "projet de cooperation"


class PlanStatus(Coded):
    """Whether a plan is still run: a closed plan stops reminding and leaves the portfolio's default view."""

    OPEN = "open", "Ouvert", "Open", "en cours", "actif", "active"
    CLOSED = "closed", "Clos", "Closed", "clot", "cloture", "ferme", "termine", "done", "finished"


class Status(Coded):
    """Where an action stands."""

    TODO = "todo", "À faire", "To do", "a venir", "not started", "pas commence", "planned"
    IN_PROGRESS = "in_progress", "En cours", "In progress", "ongoing", "started"
    DONE = "done", "Terminé", "Done", "fait", "realise", "termine", "acheve", "completed"
    BLOCKED = "blocked", "Bloqué", "Blocked", "bloque", "en attente", "on hold"
    CANCELLED = "cancelled", "Annulé", "Cancelled", "annule", "abandonne", "canceled"


class Level(Coded):
    """A three-step scale (L/M/H): priority, risk probability and impact."""

    LOW = "low", "Faible", "Low", "l", "f", "basse", "bas"
    MEDIUM = "medium", "Moyen", "Medium", "m", "moyenne", "normal", "normale"
    HIGH = "high", "Élevé", "High", "h", "e", "elevee", "haute", "haut", "forte", "fort"


class Direction(Coded):
    """Which way an indicator should move."""

    UP = "up", "À la hausse", "Up", "hausse", "increase", "higher is better", "augmenter"
    DOWN = "down", "À la baisse", "Down", "baisse", "decrease", "lower is better", "reduire"


class Frequency(Coded):
    """How often an indicator is measured."""

    DAILY = "daily", "Quotidienne", "Daily", "quotidien", "jour"
    WEEKLY = "weekly", "Hebdomadaire", "Weekly", "hebdo", "semaine"
    BIWEEKLY = "biweekly", "Bimensuelle", "Every two weeks", "quinzaine", "bimensuel"
    MONTHLY = "monthly", "Mensuelle", "Monthly", "mensuel", "mois"
    QUARTERLY = "quarterly", "Trimestrielle", "Quarterly", "trimestriel", "qbr"
    YEARLY = "yearly", "Annuelle", "Yearly", "annuel", "annual"
    ONCE = "once", "Ponctuelle", "Once", "fin de projet", "end of project", "ponctuel"


class RiskStatus(Coded):
    """Where a risk stands."""

    OPEN = "open", "Ouvert", "Open", "ouvert", "actif", "active"
    MITIGATED = "mitigated", "Maîtrisé", "Mitigated", "maitrise", "attenue"
    OCCURRED = "occurred", "Survenu", "Occurred", "survenu", "realised", "issue"
    CLOSED = "closed", "Clos", "Closed", "ferme", "clos"


class OriginKind(Coded):
    """Where an action comes from (its diagnosis), as quality frameworks require."""

    AUDIT = "audit", "Audit", "Audit", "audit interne", "internal audit"
    SELF_ASSESSMENT = "self_assessment", "Auto-évaluation", "Self-assessment", "autoevaluation"
    EXTERNAL_EVALUATION = (
        "external_evaluation",
        "Évaluation externe",
        "External evaluation",
        "evaluation has",
        "evaluation",
    )
    COMPLAINT = "complaint", "Réclamation", "Complaint", "plainte"
    INCIDENT = (
        "incident",
        "Événement indésirable",
        "Adverse event",
        "evenement indesirable",
        "ei",
        "dysfonctionnement",
    )
    REGULATORY = (
        "regulatory",
        "Critère réglementaire",
        "Regulatory criterion",
        "reglementaire",
        "critere imperatif",
        "referentiel",
    )
    FEEDBACK = "feedback", "Retour de terrain", "Feedback", "retour", "cvs", "enquete"
    STRATEGY = (
        "strategy",
        "Orientation stratégique",
        "Strategic orientation",
        "projet d etablissement",
        "cpom",
        "strategie",
    )
    PLAYBOOK = "playbook", "Playbook déclenché", "Fired playbook", "playbook"
    OTHER = "other", "Autre", "Other", "autre"


class Rag(Coded):
    """Red / amber / green: the steering signal."""

    GREEN = "green", "Vert", "Green", "g", "v", "on track"
    AMBER = "amber", "Orange", "Amber", "a", "o", "at risk", "a risque", "orange"
    RED = "red", "Rouge", "Red", "r", "alert", "alerte", "en alerte"


class DecisionStatus(Coded):
    """Where a decision stands."""

    EXPECTED = "expected", "Attendue", "Expected", "attendu", "pending", "a prendre"
    TAKEN = "taken", "Prise", "Taken", "pris", "decided", "decidee"
    DROPPED = "dropped", "Abandonnée", "Dropped", "abandonne", "rejected"
