"""The words of plans in git, together: ``planaction merge`` (and git's merge driver) and ``git-setup``.

``COMMAND_WORDS`` are the commands' summaries and argument help, which ``words/cli.py`` takes in
(the parser reads them there, as every command's); ``say`` is what the merge and the setup tell.
"""

from __future__ import annotations

from planaction.words.catalog import Catalog

COMMAND_WORDS = {
    "summary_merge": (
        "fusionne deux versions d'un plan par le sens : par identifiant, champ par champ (pilote de fusion git)",
        "merge two versions of a plan by meaning: by id, field by field (git's merge driver)",
    ),
    "summary_git_setup": (
        "configure git pour montrer et fusionner les plans avec planaction (.gitattributes, git config)",
        "set git up to show and merge plans with planaction (.gitattributes, git config)",
    ),
    "help_merge_base": ("le plan d'origine commun (%O pour git)", "the common original plan (%O for git)"),
    "help_merge_ours": ("notre version (%A pour git)", "our version (%A for git)"),
    "help_merge_theirs": ("leur version (%B pour git)", "their version (%B for git)"),
    "help_merge_output": (
        "écrit le résultat dans ce fichier (git : -o %A) ; sans -o, sur la sortie standard",
        "write the result to this file (git: -o %A); without -o, to standard output",
    ),
    "help_merge_marker_size": (
        "longueur des marques de conflit (%L pour git ; 7 par défaut)",
        "length of the conflict markers (%L for git; 7 by default)",
    ),
    "help_merge_path": (
        "le nom du fichier dans les messages (%P pour git)",
        "the file's name in messages (%P for git)",
    ),
    "help_merge_lang": ("langue des messages", "language of the messages"),
    "help_baseline": (
        "mesure le glissement des actions ouvertes depuis cette révision (l'étiquette d'un comité) ou cette date",
        "measure the open actions' slippage since this revision (a committee's tag) or this date",
    ),
    "baseline_one_plan": (
        "--baseline s'applique à un plan, pas à un dossier",
        "--baseline applies to one plan, not to a folder",
    ),
    "help_git_setup_dir": (
        "le dossier des plans, dans un dépôt git (par défaut : plans/ s'il existe, sinon le dossier courant)",
        "the plans' folder, in a git repository (default: plans/ if it exists, else the current folder)",
    ),
}

say = Catalog(
    "merging",
    {
        "clean": (
            "{file} : fusionné par le sens, sans conflit",
            "{file}: merged by meaning, no conflict",
        ),
        "same_as": (
            "{file} : un seul côté a changé ; le résultat est {side}, octet pour octet",
            "{file}: only one side changed; the result is {side}, byte for byte",
        ),
        "side_ours": ("notre version", "ours"),
        "side_theirs": ("leur version", "theirs"),
        "renumbered": (
            "{file} : les deux côtés ont ajouté {noun} {old} ; celui de l'autre côté devient {new} "
            "(ce qui s'y réfère suit)",
            "{file}: both sides added {noun} {old}; theirs is now {new} (and what refers to it follows)",
        ),
        "conflict": (
            "{file} : conflit : {what} : nous {ours}, eux {theirs}",
            "{file}: conflict: {what}: ours {ours}, theirs {theirs}",
        ),
        "absent": ("(supprimé)", "(deleted)"),
        "conflict_lines": (
            "{file} : conflits marqués : {count}, ligne {lines} ; résolvez-les, puis planaction validate {file}",
            "{file}: conflicts marked: {count}, at line {lines}; resolve them, then planaction validate {file}",
        ),
        "unreadable": (
            "{file} : {side} ne se lit pas comme un plan ; fusion ligne à ligne, comme git sans planaction : vérifiez le résultat",
            "{file}: {side} does not read as a plan; merged line by line, as git does without planaction: check the result",
        ),
        "side_base": ("l'origine commune", "the common base"),
        "unmerged": (
            "{file} : fusion impossible ; le fichier n'est pas modifié",
            "{file}: cannot merge; the file is left as it was",
        ),
        "invalid": (
            "{file} : le plan fusionné n'est pas valable ({reason}) ; votre version est gardée telle quelle",
            "{file}: the merged plan is not valid ({reason}); your version is kept as it was",
        ),
        "not_exact": (
            "{file} : le texte fusionné ne se relirait pas comme le plan fusionné ; votre version est gardée telle quelle",
            "{file}: the merged text would not read back as the merged plan; your version is kept as it was",
        ),
        "result_invalid": (
            "{file} : le plan fusionné a des erreurs (ci-dessus) ; corrigez-les avant de valider le commit",
            "{file}: the merged plan has errors (above); fix them before committing",
        ),
        "cannot_write": ("{file} : écriture impossible : {reason}", "{file}: cannot write: {reason}"),
        # report --baseline
        "baseline_heading": ("Glissement depuis la référence {revision}", "Slippage since the baseline {revision}"),
        "slip_line": (
            "{id} {title} : échéance {before} → {after} ({days}), replanifiée {count} fois",
            "{id} {title}: due {before} → {after} ({days}), re-planned {count} times",
        ),
        "slip_days": ("{days} j", "{days} days"),
        "no_slip": ("aucune action ouverte n'a glissé", "no open action slipped"),
        # git-setup
        "driver_name": ("planaction : plans fusionnés par le sens", "planaction: plans merged by meaning"),
        "not_a_repository": (
            "{folder} n'est pas dans un dépôt git (git init, ou git clone)",
            "{folder} is not in a git repository (git init, or git clone)",
        ),
        "no_git": ("git n'est pas installé", "git is not installed"),
        "attributes_added": ("{file} : ajouté {line}", "{file}: added {line}"),
        "attributes_kept": ("{file} : déjà en place", "{file}: already set"),
        "config_set": ("git config {key} = {value}", "git config {key} = {value}"),
        "config_kept": ("git config {key} : déjà en place", "git config {key}: already set"),
        "setup_done": (
            "git montre et fusionne désormais les plans du dossier {folder} avec planaction ; validez {file} dans le dépôt, "
            "chaque clone lance planaction git-setup une fois",
            "git now shows and merges the plans in the folder {folder} with planaction; commit {file}, "
            "and run planaction git-setup once in each clone",
        ),
    },
)
