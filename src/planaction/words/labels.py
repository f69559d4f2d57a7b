"""Every word shown to a person, in French and English, in one place.

Enum values carry their own labels (see ``model.Coded``); this module holds
the other words (column titles, section names) and the sentences that explain
a rule's verdict (``explain``), so that a reason computed once in ``rules``
reads the same in the app, the reports and the workbook.
"""

from __future__ import annotations

import datetime as dt
import math
from enum import Enum
from typing import Any

from planaction.core.model import Coded, Level, Rag
from planaction.core.rules import Assessment, Why

LANGS = ("fr", "en")

WORDS: dict[str, tuple[str, str]] = {
    "id": ("Id", "Id"),
    "title": ("Titre", "Title"),
    "action": ("Action", "Action"),
    "actions": ("Actions", "Actions"),
    "owner": ("Responsable", "Owner"),
    "co_owners": ("Co-pilotes", "Co-owners"),
    "sponsor": ("Sponsor", "Sponsor"),
    "period": ("Période", "Period"),
    "start": ("Début", "Start"),
    "end": ("Fin", "End"),
    "due": ("Échéance", "Due"),
    "completed": ("Terminée le", "Completed"),
    "status": ("Statut", "Status"),
    "priority": ("Priorité", "Priority"),
    "progress": ("Avancement", "Progress"),
    "rag": ("Météo", "RAG"),
    "stream": ("Flux", "Stream"),
    "objective": ("Objectif", "Objective"),
    "indicator": ("Indicateur", "Indicator"),
    "indicators": ("Indicateurs", "Indicators"),
    "resources": ("Ressources", "Resources"),
    "budget": ("Budget", "Budget"),
    "comment": ("Commentaire", "Comment"),
    "origin": ("Origine", "Origin"),
    "imperative": ("Impératif", "Imperative"),
    "log": ("Suivi", "Follow-up log"),
    "date": ("Date", "Date"),
    "result": ("Résultat obtenu", "Result"),
    "author": ("Auteur", "Author"),
    "kpis": ("Indicateurs clés", "KPIs"),
    "risks": ("Risques", "Risks"),
    "milestones": ("Jalons", "Milestones"),
    "value": ("Valeur", "Value"),
    "health": ("Santé", "Health"),
    "baseline": ("Base", "Baseline"),
    "target": ("Cible", "Target"),
    "current": ("Actuel", "Current"),
    "synthesis": ("Synthèse", "Synthesis"),
    "recommendations": ("Recommandations", "Recommendations"),
    "overdue": ("En retard", "Overdue"),
    "due_soon": ("Échéance proche", "Due soon"),
    "roi": ("ROI", "ROI"),
    "why": ("Pourquoi", "Why"),
    "summary": ("Synthèse", "Summary"),
    "measurements": ("Mesures", "Measurements"),
    "unit": ("Unité", "Unit"),
    "direction": ("Sens", "Direction"),
    "attainment": ("Atteinte", "Attainment"),
    "value_per_year": ("Valeur / an", "Value / year"),
    "line_roi": ("ROI seul", "ROI alone"),
    "hypothesis": ("Hypothèse de valeur", "Value hypothesis"),
    "actual": ("Réel", "Actual"),
    "notes": ("Notes", "Notes"),
    "risk": ("Risque", "Risk"),
    "probability": ("Probabilité", "Probability"),
    "impact": ("Impact", "Impact"),
    "score": ("P × I", "P × I"),
    "priority_score": ("I×U÷E", "I×U÷E"),
    "mitigation": ("Mitigation", "Mitigation"),
    "milestone": ("Jalon", "Milestone"),
    "done": ("Atteint", "Done"),
    "done_on": ("Atteint le", "Done on"),
    "criteria": ("Critère", "Criterion"),
    "deliverables": ("Livrables", "Deliverables"),
    "evidence": ("Preuves", "Evidence"),
    "kpi": ("KPI", "KPI"),
    "name": ("Nom", "Name"),
    "exported": ("Exporté le", "Exported on"),
    "health_score": ("Score de santé", "Health score"),
    "counts": ("Actions par statut", "Actions by status"),
    "top_risks": ("Risques principaux", "Top risks"),
    "fired_playbooks": ("Playbooks déclenchés", "Fired playbooks"),
    "next_milestones": ("Prochains jalons", "Next milestones"),
    "plan_rag": ("Météo du plan", "Plan RAG"),
    "next_decision": ("Décision attendue", "Next decision"),
    "total": ("Total", "Total"),
    "time_to_value": ("Délai de création de valeur", "Time to value"),
    "editable": ("modifiable", "editable"),
    "yes": ("oui", "yes"),
    "no": ("non", "no"),
}


#: What each key binding of the app does, by binding id (shown in the footer and palette).
KEYS: dict[str, tuple[str, str]] = {
    "add_action": ("Ajouter", "Add"),
    "add_entry": ("Ajouter", "Add"),
    "edit_entry": ("Modifier", "Edit"),
    "delete_entry": ("Supprimer", "Delete"),
    "to_sections": ("Registres", "Registers"),
    "to_table": ("Tableau", "Table"),
    "edit_action": ("Modifier", "Edit"),
    "delete_action": ("Supprimer", "Delete"),
    "cycle_status": ("Statut", "Status"),
    "progress_up": ("+10 %", "+10%"),
    "progress_down": ("-10 %", "-10%"),
    "log_entry": ("Suivi", "Log"),
    "measure": ("Mesure KPI", "Measure KPI"),
    "answer_playbook": ("Agir", "Act"),
    "filter": ("Filtrer", "Filter"),
    "clear_filter": ("Sans filtre", "Clear filter"),
    "save": ("Enregistrer", "Save"),
    "undo": ("Annuler", "Undo"),
    "redo": ("Rétablir", "Redo"),
    "quit": ("Quitter", "Quit"),
    "back": ("Retour", "Back"),
    "open_plan": ("Ouvrir", "Open"),
    "rescan": ("Relire", "Rescan"),
    "toggle_theme": ("Clair/sombre", "Light/dark"),
    "toggle_detail": ("Détail", "Detail"),
    "export": ("Exporter le classeur", "Export workbook"),
    "form_submit": ("Enregistrer", "Save"),
    "form_cancel": ("Annuler", "Cancel"),
    "form_next": ("Champ suivant", "Next field"),
    "form_previous": ("Champ précédent", "Previous field"),
}


def key_label(binding_id: str, lang: str) -> str:
    fr, en = KEYS.get(binding_id, (binding_id, binding_id))
    return fr if lang == "fr" else en


def word(key: str, lang: str) -> str:
    fr, en = WORDS[key]
    return fr if lang == "fr" else en


def label(value: Any, lang: str) -> str:
    """The label of an enum value, or the value itself."""
    if isinstance(value, Coded):
        return value.label(lang)
    if isinstance(value, Enum):
        return str(value.value)
    return str(value)


#: A French adjective agrees with its noun: a priority or a probability (feminine) is "élevée", an
#: impact (masculine) "élevé". The scale's own label (``Level.fr``) is the masculine one.
_LEVEL_FEMININE = {Level.LOW: "Faible", Level.MEDIUM: "Moyenne", Level.HIGH: "Élevée"}
#: The fields a level qualifies whose French noun is feminine: "la priorité", "la probabilité".
FEMININE_LEVEL_FIELDS = frozenset({"priority", "probability"})


def level_label(level: Level | None, lang: str, *, feminine: bool) -> str:
    """A level's label agreeing with the noun it qualifies ("priorité élevée", "impact élevé")."""
    if level is None:
        return ""
    if feminine and lang == "fr":
        return _LEVEL_FEMININE[level]
    return level.label(lang)


def _plural(count: int, one: str, many: str) -> str:
    return one if abs(count) == 1 else many


def date_text(value: Any, lang: str) -> str:
    """25/05/2025 in French, 2025-05-25 in English; empty for no date."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        # not strftime: glibc writes the year 205 as "205", which no one can type back
        return f"{value.day:02d}/{value.month:02d}/{value.year:04d}" if lang == "fr" else value.isoformat()
    return str(value)


_date = date_text

#: French groups thousands with a narrow no-break space and writes a decimal comma.
_THIN = "\u202f"


def number(value: float | int | None, lang: str, *, decimals: int | None = None) -> str:
    """136 800 / 4,2 in French; 136,800 / 4.2 in English; empty for None."""
    if value is None:
        return ""
    if decimals is None:
        decimals = 0 if float(value).is_integer() else (2 if abs(value) < 10 else 1)
    text = f"{value:,.{decimals}f}"
    if decimals:
        text = text.rstrip("0").rstrip(".") if "." in text else text
    if lang == "fr":
        text = text.replace(",", _THIN).replace(".", ",")
    return text


def percent(ratio: float | None, lang: str, *, signed: bool = False) -> str:
    """A ratio as a percentage: 0.45 -> 45 % (fr) / 45% (en); empty when there is none to show."""
    if ratio is None or not math.isfinite(ratio * 100):  # a finite ratio above 1.8e306 overflows here
        return ""
    value = round(ratio * 100)
    body = number(abs(value) if signed else value, lang, decimals=0)
    sign = ("+" if value >= 0 else "-") if signed else ""
    return f"{sign}{body}\u00a0%" if lang == "fr" else f"{sign}{body}%"


def bar(ratio: float | None, width: int = 20) -> str:
    """A ratio from 0 to 1 as a bar of ``width`` cells (clamped; empty for None)."""
    if ratio is None:
        return ""
    filled = round(max(0.0, min(1.0, ratio)) * width)
    return "█" * filled + "░" * (width - filled)


def money(value: float | None, currency: str, lang: str) -> str:
    if value is None:
        return ""
    symbol = {"EUR": "€", "USD": "$", "GBP": "£"}.get(currency, currency)
    body = number(value, lang, decimals=0)
    return f"{body}\u00a0{symbol}" if lang == "fr" else f"{symbol}{body}"


def explain(why: Why, lang: str) -> str:
    """A rule's reason as a sentence."""
    fr = lang == "fr"
    a = dict(why.args)
    days = a.get("days", 0)
    d_fr = f"{number(days, 'fr')} {_plural(days, 'jour', 'jours')}"  # 3 577 487 jours, as every figure
    d_en = f"{number(days, 'en')} {_plural(days, 'day', 'days')}"
    code = why.code
    if code == "cancelled":
        return "annulée" if fr else "cancelled"
    if code == "done":
        if a.get("date"):
            return f"terminée le {_date(a['date'], lang)}" if fr else f"done on {_date(a['date'], lang)}"
        return "terminée" if fr else "done"
    if code == "done_late":
        return (
            f"terminée le {_date(a['date'], lang)}, {d_fr} après l'échéance"
            if fr
            else f"done on {_date(a['date'], lang)}, {d_en} late"
        )
    if code == "blocked":
        return "bloquée" if fr else "blocked"
    if code == "overdue":
        return f"{d_fr} de retard" if fr else f"{d_en} overdue"
    if code == "no_due_date":
        return "pas d'échéance" if fr else "no due date"
    if code == "due_today":
        return f"échéance aujourd'hui, {a['progress']} % fait" if fr else f"due today, {a['progress']}% done"
    if code == "not_started":
        return f"aurait dû commencer il y a {d_fr}" if fr else f"should have started {d_en} ago"
    if code == "behind":
        return (
            f"{a['progress']} % fait, {a['expected']} % attendu à ce jour"
            if fr
            else f"{a['progress']}% done, {a['expected']}% expected by today"
        )
    if code == "due_soon_low":
        return f"échéance dans {d_fr}, {a['progress']} % fait" if fr else f"due in {d_en}, only {a['progress']}% done"
    if code == "starts_later":
        return f"commence dans {d_fr}" if fr else f"starts in {d_en}"
    if code == "on_track":
        return f"dans les temps (échéance dans {d_fr})" if fr else f"on track (due in {d_en})"
    if code == "no_actions":
        return "aucune action suivie" if fr else "no actions to judge"
    if code == "imperative_red":
        return f"action impérative en rouge : {a['ids']}" if fr else f"imperative action in red: {a['ids']}"
    if code == "share_red":
        return (
            f"{a['red']} {_plural(a['red'], 'action', 'actions')} sur {a['total']} en rouge ({a['ids']})"
            if fr
            else f"{a['red']} of {a['total']} {_plural(a['total'], 'action', 'actions')} red ({a['ids']})"
        )
    if code == "some_at_risk":
        return (
            f"{a['red']} en rouge et {a['amber']} en orange sur {a['total']} {_plural(a['total'], 'action', 'actions')}"
            if fr
            else f"{a['red']} red and {a['amber']} amber of {a['total']} {_plural(a['total'], 'action', 'actions')}"
        )
    if code == "all_on_track":
        if a["total"] == 1:
            return "1 action dans les temps" if fr else "1 action on track"
        return f"les {a['total']} actions sont dans les temps" if fr else f"all {a['total']} actions on track"
    if code == "health":
        return f"score de santé {a['score']}/100" if fr else f"health score {a['score']}/100"
    if code == "milestone_overdue":
        return f"jalon {a['id']} en retard de {d_fr}" if fr else f"milestone {a['id']} {d_en} late"
    if code == "playbook":
        from planaction.words.playbooks import say as said

        return said("playbook.rag", lang, signal=a["signal"], reason=a["reason"].text(lang))
    if code == "kpi_below":
        from planaction.words.advice import say as said

        return said("rag.kpi_below", lang, id=a["id"], share=a["share"], expected=a["expected"])
    return code


def verdict(assessment: Assessment, lang: str) -> str:
    """'red: 5 days overdue' / 'rouge : 5 jours de retard'."""
    reason = explain(assessment.why, lang)
    if assessment.rag is None:
        return reason
    name = assessment.rag.label(lang).lower()
    return f"{name} : {reason}" if lang == "fr" else f"{name}: {reason}"


def rag_symbol(rag: Rag | None) -> str:
    """A symbol beside the colour, for colour-blind readers and monochrome output."""
    return {Rag.GREEN: "●", Rag.AMBER: "▲", Rag.RED: "■"}.get(rag, "·") if rag else "·"


#: Why typed text is not the value asked for, and how to write it: (message, hint) in French and English.
INPUT_PROBLEMS: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "number_empty": (("aucun nombre", "écrivez un nombre, par ex. 4,2"), ("no number", "write a number, e.g. 4.2")),
    "number": (
        ("« {text} » n'est pas un nombre", "écrivez par ex. 1 234,5"),
        ('"{text}" is not a number', "write e.g. 1,234.5"),
    ),
    "number_spaces": (
        ("« {text} » : les espaces ne séparent que des groupes de trois chiffres", "écrivez par ex. 1 234 567,5"),
        ('"{text}": spaces only separate groups of three digits', "write e.g. 1 234 567.5"),
    ),
    "number_ambiguous": (
        (
            "« {text} » peut se lire {grouped} ou {decimal}",
            "écrivez {grouped} pour un entier, ou {decimal} avec la virgule décimale",
        ),
        ('"{text}" could be {grouped} or {decimal}', "write {grouped} (1,234 is one thousand here) or a decimal point"),
    ),
    "number_comma": (
        ("« {text} » : la virgule n'est pas décimale ici", "écrivez {decimal}"),
        ('"{text}": a comma is not a decimal mark in English', "write {decimal}"),
    ),
    "number_infinite": (
        ("« {text} » est trop grand", "écrivez un nombre fini"),
        ('"{text}" is too large', "write a finite number"),
    ),
    "whole": (
        ("« {text} » n'est pas un nombre entier", "écrivez un nombre sans décimales"),
        ('"{text}" is not a whole number', "write a number without decimals"),
    ),
    "too_small": (
        ("« {text} » est trop petit", "écrivez un nombre supérieur ou égal à {low}"),
        ('"{text}" is too small', "write a number of at least {low}"),
    ),
    "too_large": (
        ("« {text} » est trop grand", "écrivez un nombre inférieur ou égal à {high}"),
        ('"{text}" is too large', "write a number of at most {high}"),
    ),
    "id": (
        ("« {text} » n'est pas un identifiant", "lettres, chiffres, « - », « _ » ou « . », par ex. R4"),
        ('"{text}" is not an id', 'letters, digits, "-", "_" or ".", e.g. R4'),
    ),
    "range": (
        ("« {text} » est hors limites", "de {low} à {high}"),
        ('"{text}" is out of range', "from {low} to {high}"),
    ),
    "date_empty": (
        ("aucune date", "écrivez une date, par ex. 15/01/2027"),
        ("no date", "write a date, e.g. 2027-01-15"),
    ),
    "date": (
        ("« {text} » n'est pas une date", "écrivez JJ/MM/AAAA ou AAAA-MM-JJ, par ex. 15/01/2027"),
        ('"{text}" is not a date', "write YYYY-MM-DD, e.g. 2027-01-15"),
    ),
    "date_impossible": (
        ("« {text} » : cette date n'existe pas", "vérifiez le jour et le mois"),
        ('"{text}": no such date', "check the day and the month"),
    ),
    "date_ambiguous": (
        ("« {text} » peut se lire {day_first} ou {month_first}", "écrivez la date en AAAA-MM-JJ"),
        ('"{text}" could be {day_first} or {month_first}', "write the date as YYYY-MM-DD"),
    ),
}


def input_problem(code: str, lang: str, **values: str) -> tuple[str, str]:
    """The message and hint for typed text that could not be read, in ``lang``."""
    fr, en = INPUT_PROBLEMS[code]
    message, hint = fr if lang == "fr" else en
    return message.format(**values), hint.format(**values)
