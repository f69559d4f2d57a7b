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
    "check.known_ids": ("déjà déclarés sous `{section}:` : {ids}", "known {section}: {ids}"),
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


WHERE = {
    "where.item": ("{noun} {id}", "{noun} {id}"),
    "where.index": ("{section}[{n}]", "{section}[{n}]"),
    "where.in": ("{outer} {inner}", "{outer} {inner}"),
    "where.new_item": ("{noun} {id} (à ajouter)", "new {noun} {id}"),
    "where.new_log_entry": ("entrée de suivi (à ajouter)", "new log entry"),
    "where.kpi_measurement": ("mesure du KPI {id}", "KPI {id} measurement"),
}

SCHEMA = {
    "schema.this_item": ("cet élément", "this item"),
    "schema.value": ("valeur", "value"),
    "schema.unknown_key": ("{at} : clé inconnue « {key} »", '{at}: unknown key "{key}"'),
    "schema.allowed_keys": ("clés permises : {keys}", "allowed keys: {keys}"),
    "schema.missing": ("{at} : clé obligatoire « {key} » absente", '{at}: missing required key "{key}"'),
    "schema.add_key": ("ajoutez `{key}: ...`", "add `{key}: ...`"),
    "schema.add_key_described": ("ajoutez `{key}: ...` : {description}", "add `{key}: ...`: {description}"),
    "schema.not_valid": (
        "{at} : « {written} » n'est pas une valeur permise pour {what}",
        '{at}: "{written}" is not a valid {what}',
    ),
    "schema.allowed": ("valeurs permises : {allowed}", "allowed: {allowed}"),
    "schema.unsupported_version": (
        "{at} : version de schéma « {written} » non prise en charge",
        '{at}: unsupported schema version "{written}"',
    ),
    "schema.unsupported_version.hint": (
        "ce planaction lit le schéma {expected} ; mettez planaction à jour ou corrigez la version",
        "this planaction reads schema {expected}; upgrade planaction or fix the version",
    ),
    "schema.not_allowed": (
        "{at} : « {written} » n'est pas permis pour {key}",
        '{at}: "{written}" is not allowed for {key}',
    ),
    "schema.not_a_date": ("{at} : {key} « {written} » n'est pas une date", '{at}: {key} "{written}" is not a date'),
    "schema.date_hint_converted": ("écrivez les dates AAAA-MM-JJ : {date}", "write dates as YYYY-MM-DD: {date}"),
    "schema.date_hint": (
        "écrivez les dates AAAA-MM-JJ, par exemple 2025-05-01",
        "write dates as YYYY-MM-DD, e.g. 2025-05-01",
    ),
    "schema.time_of_day": ("{at} : {key} comporte une heure", "{at}: {key} has a time of day"),
    "schema.time_of_day.hint": ("donnez la date seule, AAAA-MM-JJ", "give the date only, as YYYY-MM-DD"),
    "schema.not_whole": (
        "{at} : {key} « {written} » n'est pas un nombre entier",
        '{at}: {key} "{written}" is not a whole number',
    ),
    "schema.not_whole.hint": ("écrivez des chiffres seulement, par exemple 40", "write digits only, e.g. 40"),
    "schema.not_a_number": (
        "{at} : {key} « {written} » n'est pas un nombre",
        '{at}: {key} "{written}" is not a number',
    ),
    "schema.decimal_dot": ("mettez un point pour les décimales : {number}", "use a dot for decimals: {number}"),
    "schema.write_number": ("écrivez un nombre, par exemple 4.2", "write a number, e.g. 4.2"),
    "schema.not_finite": (
        "{at} : {key} {written} n'est pas un nombre fini",
        "{at}: {key} {written} is not a finite number",
    ),
    "schema.not_bool": (
        "{at} : {key} « {written} » n'est ni true ni false",
        '{at}: {key} "{written}" is not true or false',
    ),
    "schema.not_bool.hint": ("écrivez true ou false", "write true or false"),
    "schema.range": ("{key} va de {low} à {high}", "{key} goes from {low} to {high}"),
    "schema.bound.ge": ("{value} ou plus", "{value} or more"),
    "schema.bound.gt": ("plus de {value}", "more than {value}"),
    "schema.bound.le": ("{value} ou moins", "{value} or less"),
    "schema.bound.lt": ("moins de {value}", "less than {value}"),
    "schema.and": ("{first} et {second}", "{first} and {second}"),
    "schema.must_be": ("la valeur doit être {bounds}", "it must be {bounds}"),
    "schema.out_of_range": ("{at} : {key} {written} est hors limites", "{at}: {key} {written} is out of range"),
    "schema.reads_as.number": ("un nombre", "a number"),
    "schema.reads_as.bool": ("vrai/faux", "true/false"),
    "schema.reads_as.empty": ("une valeur vide", "an empty value"),
    "schema.reads_as.date": ("une date", "a date"),
    "schema.must_be_text_reads": (
        "{at} : {key} doit être du texte, et {shown} se lit comme {reads_as}",
        "{at}: {key} must be text, and {shown} reads as {reads_as}",
    ),
    "schema.quote_it": (
        'mettez-le entre guillemets pour garder du texte : "{shown}"',
        'quote it to keep it as text: "{shown}"',
    ),
    "schema.must_be_text": ("{at} : {key} doit être du texte", "{at}: {key} must be text"),
    "schema.must_be_text.hint": (
        "écrivez-le comme une chaîne simple ou entre guillemets",
        "write it as a plain or quoted string",
    ),
    "schema.empty": ("{at} : {key} est vide", "{at}: {key} is empty"),
    "schema.empty.hint_list": (
        "écrivez un texte, ou retirez-le de la liste",
        "write some text, or remove it from the list",
    ),
    "schema.empty.hint_required": ("écrivez un texte", "write some text"),
    "schema.empty.hint_optional": ("écrivez un texte, ou retirez la clé", "write some text, or remove the key"),
    "schema.bad_id": ("{at} : « {written} » n'est pas un identifiant valable", '{at}: "{written}" is not a valid id'),
    "schema.bad_id.hint": (
        'utilisez lettres, chiffres, "-", "_" ou ".", en commençant par une lettre ou un chiffre (par exemple A3)',
        'use letters, digits, "-", "_" or ".", starting with a letter or digit (e.g. A3)',
    ),
    "schema.too_long_text": (
        "{at} : {key} dépasse {limit} caractères",
        "{at}: {key} is longer than {limit} characters",
    ),
    "schema.shorten": ("raccourcissez-le", "shorten it"),
    "schema.too_many": ("{at} : {count} {key}, {limit} au plus", "{at}: {count} {key}, {limit} at most"),
    "schema.too_many.hint": (
        "gardez ceux qui disent le mieux si l'action a marché",
        "keep the ones that best tell whether the action worked",
    ),
    "schema.too_many.hint_indicators": (
        "une action a un ou deux indicateurs au plus : gardez les deux qui disent le mieux si elle a marché",
        "an action has one or two indicators at most: keep the two that best tell whether it worked",
    ),
    "schema.must_be_list": ("{at} : {key} doit être une liste", "{at}: {key} must be a list"),
    "schema.must_be_list.hint": (
        "écrivez `{key}: [premier, second]` ou un `- élément` par ligne",
        "write `{key}: [first, second]` or one `- item` per line",
    ),
    "schema.not_a_plan": (
        "le fichier n'est pas un plan : son premier niveau doit être des clés et des valeurs",
        "the file is not a plan: its top level must be keys and values",
    ),
    "schema.not_a_plan.hint": (
        "partez de `planaction new` ou d'un plan de plans/",
        "start from `planaction new` or a plan in plans/",
    ),
    "schema.must_be_map": (
        "{at} : {what} doit être un ensemble de clés et de valeurs",
        "{at}: {what} must be a set of keys and values",
    ),
    "schema.must_be_map.hint": (
        "indentez ses clés sous lui, une `clé: valeur` par ligne",
        "indent its keys under it, one `key: value` per line",
    ),
    "schema.other": ("{at} : {what} : {said}", "{at}: {what}: {said}"),
}

PLURALS = {
    "nouns.actions": ("actions", "actions"),
    "nouns.risks": ("risques", "risks"),
    "nouns.kpis": ("KPI", "KPIs"),
    "nouns.milestones": ("jalons", "milestones"),
    "nouns.decisions": ("décisions", "decisions"),
    "nouns.value": ("lignes de valeur", "value lines"),
    "nouns.stakes": ("enjeux", "stakes"),
    "nouns.objectives": ("objectifs", "objectives"),
    "nouns.streams": ("flux", "streams"),
}

OPS = {
    "op.key_missing": (
        "il manque une clé avant « = » (les clés d'{a_noun} sont ci-dessous)",
        'a key is missing before "=" (the keys of {a_noun} are below)',
    ),
    "op.unknown_key": ("clé « {key} » inconnue pour {a_noun}", 'unknown key "{key}" for {a_noun}'),
    "op.known": ("connus : {ids}", "known: {ids}"),
    "op.none_yet": ("le plan n'a pas encore de {nouns}", "the plan has no {nouns} yet"),
    "op.no_such": ("{noun} « {id} » introuvable dans ce plan", 'no {noun} "{id}" in this plan'),
    "op.bad_status": ("« {status} » n'est pas un statut valable", '"{status}" is not a valid status'),
    "op.action_exists": ("une action « {id} » existe déjà", 'an action "{id}" already exists'),
    "op.action_exists.hint": (
        "omettez l'identifiant pour obtenir le prochain libre",
        "leave the id out to get the next free one",
    ),
    "op.id_fixed": ("l'identifiant d'une action ne peut pas changer ici", "an action's id cannot be changed here"),
    "op.id_fixed.hint": (
        "les identifiants sont ce à quoi renvoient les liens et l'historique",
        "ids are what links and history refer to",
    ),
    "op.ref.log_entry": ("{count} entrée de suivi", "{count} log entry"),
    "op.ref.log_entries": ("{count} entrées de suivi", "{count} log entries"),
    "op.ref.risk": ("le risque {ids}", "risk {ids}"),
    "op.ref.dependent": ("l'action dépendante {ids}", "dependent action {ids}"),
    "op.referred": ("l'action {id} est citée par {by}", "action {id} is referred to by {by}"),
    "op.referred.hint": (
        "passez son statut à annulé pour garder son historique, ou retirez d'abord ces renvois",
        "set its status to cancelled to keep its history, or remove those references first",
    ),
    "op.use_update_action": ("utilisez update_action pour les actions", "use update_action for actions"),
    "op.exists": ("{a_noun} « {id} » existe déjà", '{a_noun} "{id}" already exists'),
    "op.entry_referred": ("{noun} {id} est cité par : {by}", "{noun} {id} is referred to by: {by}"),
    "op.entry_referred.hint": (
        "changez d'abord ces renvois, ou gardez l'élément",
        "change those references first, or keep the item",
    ),
    "op.no_entry": ("{noun} n° {position} introuvable dans ce plan", "no {noun} number {position} in this plan"),
    "list.comma": ("{first}, {second}", "{first}, {second}"),
    "where.part": ("{part}", "{part}"),
    "part.header": ("en-tête du plan", "plan header"),
    "part.period": ("période", "period"),
    "part.context": ("contexte QQOQCP", "QQOQCP context"),
    "part.objective": ("objectif SMART", "SMART objective"),
    "part.budget": ("budget", "budget"),
    "part.thresholds": ("seuils de santé", "health thresholds"),
}

CORE = {**NOUNS, **CHECKS, **WHERE, **SCHEMA, **PLURALS, **OPS}
