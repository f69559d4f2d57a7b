"""The words of changes between two plans (``present.describe``): what ``planaction diff``, the
reports' "since the last steering committee" and the app say about an edit."""

from __future__ import annotations

from planaction.words.catalog import Catalog

#: The sections whose items have ids, by their model's noun: a new one, a removed one.
_ITEMS = {
    "action": ("nouvelle action", "action", "supprimée"),
    "KPI": ("nouveau KPI", "KPI", "supprimé"),
    "risk": ("nouveau risque", "risque", "supprimé"),
    "milestone": ("nouveau jalon", "jalon", "supprimé"),
    "stake": ("nouveau enjeu", "enjeu", "supprimé"),
    "objective": ("nouveau objectif", "objectif", "supprimé"),
    "stream": ("nouveau flux", "flux", "supprimé"),
    "value line": ("nouvelle ligne de valeur", "ligne de valeur", "supprimée"),
    "decision": ("nouvelle décision", "décision", "supprimée"),
}
#: The sections whose items have no id: named by their content.
_ENTRIES = {
    "log": ("suivi", "log"),
    "people": ("personne", "person"),
    "raci": ("RACI", "RACI"),
    "playbooks": ("playbook", "playbook"),
    "rituals": ("rituel", "ritual"),
    "partners": ("partenaire", "partner"),
}

say = Catalog(
    "changes",
    {
        "yes": ("oui", "yes"),
        "no": ("non", "no"),
        "quoted": ("« {text} »", '"{text}"'),
        "percent": ("{value} %", "{value}%"),
        "new_plan": ("nouveau plan", "new plan"),
        "new_field": ("nouveau champ {field} : {value}", "new {field}: {value}"),
        "field_changed": ("{subject} : {before} → {after}", "{subject}: {before} -> {after}"),
        "measurement_removed": (
            "{name} mesure du {when} ({value}) supprimée",
            "{name} measurement of {when} ({value}) removed",
        ),
        "measured": ("{name} mesuré {value} le {when}", "{name} measured {value} on {when}"),
        "log_added": ("suivi {when} {target} : {result}", "log {when} {target}: {result}"),
        "log_removed": ("suivi supprimé : {when} {target} {result}", "removed log entry {when} {target}: {result}"),
        **{
            f"new_entry.{section}": (f"nouveau {fr} : {{value}}", f"new {en}: {{value}}")
            for section, (fr, en) in _ENTRIES.items()
        },
        **{
            f"removed_entry.{section}": (f"{fr} supprimé : {{value}}", f"removed {en}: {{value}}")
            for section, (fr, en) in _ENTRIES.items()
        },
        **{
            f"new_item.{noun}": (f"{new} {{id}} {{title}}", f"new {noun} {{id}} {{title}}")
            for noun, (new, _n, _r) in _ITEMS.items()
        },
        **{
            f"removed_item.{noun}": (f"{fr} {{id}} {gone}", f"removed {noun} {{id}}")
            for noun, (_new, fr, gone) in _ITEMS.items()
        },
        "new_other": ("nouveau {noun} {id} {title}", "new {noun} {id} {title}"),
        "removed_other": ("{noun} {id} supprimé", "removed {noun} {id}"),
    },
)

#: The sections named by their content rather than an id.
ENTRY_SECTIONS = tuple(_ENTRIES)
