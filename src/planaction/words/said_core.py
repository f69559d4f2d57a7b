"""What the core says, by code: the cross-checks, the operations and the schema's diagnoses.

Merged into ``words.messages``; each entry is ``code: (french, english)``, the English
being the program's sentence word for word (tests and scripts read it).
"""

from __future__ import annotations

NOUNS = {
    "noun.item": ("élément", "item"),
    "noun.person": ("personne", "person"),
    "noun.stake": ("enjeu", "stake"),
    "noun.objective": ("objectif", "objective"),
    "noun.partner": ("partenaire", "partner"),
    "noun.stream": ("flux", "stream"),
    "noun.action": ("action", "action"),
    "noun.log_entry": ("entrée de suivi", "log entry"),
    "noun.measurement": ("mesure", "measurement"),
    "noun.KPI": ("KPI", "KPI"),
    "noun.risk": ("risque", "risk"),
    "noun.milestone": ("jalon", "milestone"),
    "noun.dimension": ("dimension", "dimension"),
    "noun.playbook": ("playbook", "playbook"),
    "noun.value_line": ("ligne de valeur", "value line"),
    "noun.RACI_row": ("ligne RACI", "RACI row"),
    "noun.decision": ("décision", "decision"),
    "noun.ritual": ("rituel", "ritual"),
    "noun.plan": ("plan", "plan"),
    # with their article: "an action", "a KPI"
    "a.item": ("un élément", "an item"),
    "a.person": ("une personne", "a person"),
    "a.stake": ("un enjeu", "a stake"),
    "a.objective": ("un objectif", "an objective"),
    "a.partner": ("un partenaire", "a partner"),
    "a.stream": ("un flux", "a stream"),
    "a.action": ("une action", "an action"),
    "a.log_entry": ("une entrée de suivi", "a log entry"),
    "a.measurement": ("une mesure", "a measurement"),
    "a.KPI": ("un KPI", "a KPI"),
    "a.risk": ("un risque", "a risk"),
    "a.milestone": ("un jalon", "a milestone"),
    "a.dimension": ("une dimension", "a dimension"),
    "a.playbook": ("un playbook", "a playbook"),
    "a.value_line": ("une ligne de valeur", "a value line"),
    "a.RACI_row": ("une ligne RACI", "a RACI row"),
    "a.decision": ("une décision", "a decision"),
    "a.ritual": ("un rituel", "a ritual"),
    "a.plan": ("un plan", "a plan"),
    "word.above": ("au-dessus de", "above"),
    "word.below": ("au-dessous de", "below"),
    "did_you_mean": ("vouliez-vous dire « {value} » ?", 'did you mean "{value}"?'),
}

CHECKS = {
    "check.duplicate_id": ("identifiant de {noun} « {id} » en double", 'duplicate {noun} id "{id}"'),
    "check.duplicate_id.hint": ("donnez à chacun son propre identifiant", "give each one its own id"),
    "check.known_ids": ("{section} connus : {ids}", "known {section}: {ids}"),
    "check.declare_first": ("déclarez-le d'abord sous `{section}:`", "declare it under `{section}:` first"),
    "check.unknown_link": ("{noun} « {value} » inconnu(e)", 'unknown {noun} "{value}"'),
    "check.cycle": ("dépendance circulaire : {cycle}", "dependency cycle: {cycle}"),
    "check.cycle.hint": (
        "une action ne peut pas s'attendre elle-même, même indirectement ; retirez un lien",
        "an action cannot wait, even indirectly, for itself; remove one link",
    ),
    "check.period_reversed": (
        "la période finit ({end}) avant de commencer ({start})",
        "the period ends ({end}) before it starts ({start})",
    ),
    "check.period_reversed.hint": (
        "échangez les deux dates ou corrigez l'une d'elles",
        "swap the two dates or correct one of them",
    ),
    "check.due_before_start": (
        "l'action {id} est due ({due}) avant de commencer ({start})",
        "action {id} is due ({due}) before it starts ({start})",
    ),
    "check.due_before_start.hint": (
        "placez l'échéance après la date de début",
        "move the due date after the start date",
    ),
    "check.completed_before_start": (
        "l'action {id} a été terminée ({completed}) avant de commencer ({start})",
        "action {id} was completed ({completed}) before it started ({start})",
    ),
    "check.completed_before_start.hint": (
        "corrigez la date de début ou de fin",
        "correct the start or the completion date",
    ),
    "check.no_due": ("l'action {id} n'a pas d'échéance", "action {id} has no due date"),
    "check.no_due.hint": (
        "chaque action a besoin d'une échéance : ajoutez `due: AAAA-MM-JJ`",
        "every action needs a deadline: add `due: YYYY-MM-DD`",
    ),
    "check.measurement_order": (
        "KPI {id} : la mesure du {date} n'est pas après celle du {previous}",
        "KPI {id}: measurement of {date} is not after the one of {previous}",
    ),
    "check.measurement_order.hint": (
        "gardez les mesures dans l'ordre des dates, une par date",
        "keep measurements in date order, one per date",
    ),
    "check.done_not_100": (
        "l'action {id} est terminée mais son avancement est de {progress} %",
        "action {id} is done but its progress is {progress}%",
    ),
    "check.done_not_100.hint": (
        "mettez progress: 100, ou changez le statut",
        "set progress: 100, or change the status",
    ),
    "check.todo_started": (
        "l'action {id} est à faire mais son avancement est de {progress} %",
        "action {id} is to do but its progress is {progress}%",
    ),
    "check.todo_started.hint": (
        "mettez status: in_progress, ou progress: 0",
        "set status: in_progress, or progress: 0",
    ),
    "check.100_not_done": (
        "l'action {id} est à 100 % mais son statut est {status}",
        "action {id} is at 100% but its status is {status}",
    ),
    "check.100_not_done.hint": ("mettez status: done", "set status: done"),
    "check.completed_not_done": (
        "l'action {id} a une date de fin mais son statut est {status}",
        "action {id} has a completion date but its status is {status}",
    ),
    "check.completed_not_done.hint": (
        "mettez status: done, ou retirez la date de fin",
        "set status: done, or remove the completion date",
    ),
    "check.health_weights": (
        "les poids de santé totalisent {total:g}, pas 100",
        "the health weights sum to {total:g}, not 100",
    ),
    "check.health_weights.hint": (
        "ajustez les poids pour que leur somme fasse 100",
        "adjust the weights so that they sum to 100",
    ),
    "check.amber_above_green": (
        "le seuil orange ({amber:g}) est au-dessus du vert ({green:g})",
        "the amber threshold ({amber:g}) is above the green one ({green:g})",
    ),
    "check.amber_above_green.hint": (
        "l'orange doit être le plus bas des deux, par exemple green: 80, amber: 60",
        "amber must be the lower of the two, e.g. green: 80, amber: 60",
    ),
    "check.kpi_direction": (
        "le KPI {id} va vers {direction} mais sa cible ({target:g}) est {side} sa référence ({baseline:g})",
        "KPI {id} goes {direction} but its target ({target:g}) is {side} its baseline ({baseline:g})",
    ),
    "check.kpi_direction.hint": ("mettez direction: {direction}", "set direction: {direction}"),
    "check.value_mismatch": (
        "ligne de valeur {id} : {stated:,.0f} par an sont annoncés, mais gain unitaire x volume x marge = {computed:,.0f}",
        "value line {id}: {stated:,.0f} per year is stated, but unit gain x volume x margin = {computed:,.0f}",
    ),
    "check.value_mismatch.hint": (
        "corrigez les chiffres, ou retirez value_per_year pour utiliser la valeur calculée",
        "correct the figures, or remove value_per_year to use the computed value",
    ),
}

CORE = {**NOUNS, **CHECKS}
