"""What the files say, by code: YAML text, reading, saving, locks and merge conflicts.

Merged into ``words.messages``; each entry is ``code: (french, english)``, the English
being the program's sentence word for word (tests and scripts read it).
"""

from __future__ import annotations

READ = {
    "read.first_at": ("{message} (première à la ligne {line})", "{message} (first at line {line})"),
    "read.utf16": ("le fichier est en UTF-16", "the file is in UTF-16"),
    "read.utf16.hint": ("enregistrez-le en UTF-8 (l'encodage des plans)", "save it as UTF-8 (the encoding plans use)"),
    "read.not_utf8": (
        "le fichier n'est pas de l'UTF-8 valable : octet 0x{byte}",
        "the file is not valid UTF-8: byte 0x{byte}",
    ),
    "read.not_utf8_guess": (
        "le fichier n'est pas de l'UTF-8 valable : octet 0x{byte} (en Windows-1252 / Latin-1 cet octet est « {guess} »)",
        'the file is not valid UTF-8: byte 0x{byte} (in Windows-1252 / Latin-1 this byte is "{guess}")',
    ),
    "read.not_utf8.hint": (
        "enregistrez le fichier en UTF-8 (dans la plupart des éditeurs : Enregistrer avec l'encodage > UTF-8)",
        "save the file as UTF-8 (in most editors: Save with encoding > UTF-8)",
    ),
    "read.no_such_file": ("fichier introuvable", "no such file"),
    "read.no_such_file.hint": (
        "vérifiez le chemin (`planaction validate plans/` vérifie un dossier)",
        "check the path (run `planaction validate plans/` to check a folder)",
    ),
    "read.cannot_read": ("impossible de lire le fichier ({reason})", "cannot read the file ({reason})"),
    "read.cannot_read.hint_path": ("vérifiez le chemin et ses droits", "check the path and its permissions"),
    "read.cannot_read.hint": ("vérifiez ses droits", "check its permissions"),
    "read.folder": ("c'est un dossier, pas un fichier de plan", "this is a folder, not a plan file"),
    "read.folder.hint": (
        "donnez un fichier .yaml ; `planaction validate` accepte aussi les dossiers",
        "give a .yaml file; `planaction validate` also accepts folders",
    ),
    "read.too_big": (
        "le fichier fait {size} Mo ; les plans de plus de {limit} Mo sont refusés",
        "the file is {size} MB; plans above {limit} MB are refused",
    ),
    "read.too_big.hint": (
        "découpez-le en plusieurs plans (un par équipe ou par flux)",
        "split it into several plans (one per team or per stream)",
    ),
    "read.not_a_plan_file": ("c'est {kind}, pas un fichier de plan", "this is {kind}, not a plan file"),
    "read.not_a_plan_file.hint": ("donnez le chemin d'un fichier de plan .yaml", "give the path of a .yaml plan file"),
    "read.grew_too_big": ("le fichier dépasse {limit} Mo", "the file is larger than {limit} MB"),
    "read.grew_too_big.hint": ("découpez-le en plusieurs plans", "split it into several plans"),
    "read.empty": ("le fichier est vide", "the file is empty"),
    "read.empty.hint": (
        "un plan a au moins `schema: 1`, `title:` et `owner:` (`planaction new FICHIER` en écrit un)",
        "a plan needs at least `schema: 1`, `title:` and `owner:` (`planaction new FILE` writes one)",
    ),
    "read.top_level": (
        "le premier niveau d'un plan doit être des clés et des valeurs",
        "the top level of a plan must be keys and values",
    ),
    "read.top_level.hint": (
        "commencez par `schema: 1`, `title:` et `owner:`",
        "start with `schema: 1`, `title:` and `owner:`",
    ),
}

FILE_KINDS = {
    "file.not_a_file": ("{path} : c'est {kind}, pas un fichier", "{path}: this is {kind}, not a file"),
    "file.kind.folder": ("un dossier", "a folder"),
    "file.kind.fifo": ("un tube nommé (FIFO)", "a named pipe (FIFO)"),
    "file.kind.socket": ("une socket", "a socket"),
    "file.kind.device": ("un périphérique", "a device"),
    "file.kind.other": ("pas un fichier ordinaire", "not a regular file"),
}

YAML = {
    "yaml.bad_char": (
        "le caractère U+{code} n'est pas permis dans un fichier YAML",
        "the character U+{code} is not allowed in a YAML file",
    ),
    "yaml.bad_char.hint": (
        "retirez-le (les caractères de contrôle et les octets NUL ne peuvent pas figurer dans du YAML)",
        "remove it (control characters and NUL bytes cannot appear in YAML text)",
    ),
    "yaml.syntax": ("syntaxe YAML : {problem}", "YAML syntax: {problem}"),
    "yaml.syntax_context": (
        "syntaxe YAML : {problem} ({context} commencé en {at})",
        "YAML syntax: {problem} ({context} started at {at})",
    ),
    "yaml.hint.tab": ("indentez avec des espaces, jamais des tabulations", "indent with spaces, never tabs"),
    "yaml.hint.colon_in_value": (
        'mettez entre guillemets une valeur qui contient ": ", par exemple title: "Phase 1: cadrage"',
        'quote a value that contains ": ", e.g. title: "Phase 1: cadrage"',
    ),
    "yaml.hint.align_key": (
        "alignez cette ligne sur les clés au-dessus, ou mettez entre guillemets une valeur qui commence par un caractère spécial",
        "align this line with the keys above it, or quote a value that starts with a special character",
    ),
    "yaml.hint.align_item": (
        "alignez cet élément de liste sur ceux du dessus",
        "align this list item with the items above it",
    ),
    "yaml.hint.key_colon": (
        "une clé doit être suivie de ':' et d'une espace",
        "a key must be followed by ':' and a space",
    ),
    "yaml.hint.backslash": (
        "entre guillemets doubles une barre oblique inverse commence un échappement (\\n, \\t) : écrivez \\\\ pour une barre, ou utilisez des guillemets simples",
        "inside double quotes a backslash starts an escape (\\n, \\t): write \\\\ for a backslash, or use single quotes",
    ),
    "yaml.hint.quote_never_closed": (
        "un guillemet ouvert ici n'est jamais fermé",
        "a quote opened here is never closed",
    ),
    "yaml.hint.special_start": (
        "mettez entre guillemets les valeurs qui commencent par @, ` ou un autre caractère spécial",
        "quote values that start with @, ` or another special character",
    ),
    "yaml.hint.close_list": (
        "fermez la liste par ']' ou mettez ses éléments sur leurs propres lignes",
        "close the list with ']' or put its items on their own lines",
    ),
    "yaml.hint.close_map": ("fermez le dictionnaire par '}}'", "close the mapping with '}}'"),
    "yaml.hint.value_missing": (
        "il manque une valeur ici : fermez les crochets ou guillemets ouverts plus haut",
        "a value is missing here: close the brackets or quotes opened above",
    ),
    "yaml.hint.indentation": (
        "vérifiez l'indentation de cette ligne par rapport aux lignes du dessus",
        "check the indentation of this line against the lines above it",
    ),
    "yaml.hint.tag": (
        "retirez l'étiquette '!' : les plans utilisent des valeurs YAML simples",
        "remove the '!' tag: plans use plain YAML values",
    ),
    "yaml.hint.fix_here": ("corrigez la syntaxe YAML ici", "fix the YAML syntax here"),
    "yaml.hint.fix": ("corrigez la syntaxe YAML", "fix the YAML syntax"),
    "yaml.char.nbsp": ("une espace insécable (U+00A0)", "a no-break space (U+00A0)"),
    "yaml.char.narrow_nbsp": ("une espace fine insécable (U+202F)", "a narrow no-break space (U+202F)"),
    "yaml.char.figure_space": ("une espace tabulaire (U+2007)", "a figure space (U+2007)"),
    "yaml.char.ideographic_space": ("une espace idéographique (U+3000)", "an ideographic space (U+3000)"),
    "yaml.char.bom": ("une marque d'ordre des octets (U+FEFF)", "a byte order mark (U+FEFF)"),
    "yaml.char.space": ("un caractère d'espacement (U+{code})", "a space character (U+{code})"),
    "yaml.bom_inside": (
        "{what} commence cette ligne, à l'intérieur du fichier",
        "{what} starts this line, inside the file",
    ),
    "yaml.bom_inside.hint": (
        "retirez-la : une marque d'ordre des octets ne peut qu'ouvrir un fichier (celle-ci vient de deux fichiers mis bout à bout)",
        "remove it: a byte order mark may only open a file (this one comes from joining two files)",
    ),
    "yaml.odd_indent": (
        "cette ligne est indentée avec {what}, que YAML lit comme du texte, pas comme une indentation",
        "this line is indented with {what}, which YAML reads as text, not as indentation",
    ),
    "yaml.odd_indent.hint": (
        "remplacez-la par des espaces ordinaires (les traitements de texte et certains claviers tapent des espaces insécables)",
        "replace it with ordinary spaces (word processors and some keyboards type no-break spaces)",
    ),
    "yaml.quote_closed_late": (
        "syntaxe YAML : le guillemet ouvert ici ne se ferme qu'à la ligne {line}, et les lignes entre les deux sont lues comme son texte",
        "YAML syntax: the quote opened here closes only at line {line}, so the lines between are read as its text",
    ),
    "yaml.quote_closed_late.hint": (
        "fermez le guillemet sur cette ligne (dans '...' écrivez un guillemet '', dans \"...\" \\\")",
        "close the quote on this line (inside '...' write a quote as '', inside \"...\" as \\\")",
    ),
    "yaml.char.nel": ("un caractère de ligne suivante (NEL, U+0085)", "a next-line character (NEL, U+0085)"),
    "yaml.char.line_separator": ("un séparateur de ligne (U+2028)", "a line separator (U+2028)"),
    "yaml.char.paragraph_separator": ("un séparateur de paragraphe (U+2029)", "a paragraph separator (U+2029)"),
    "yaml.char.lone_cr": ("un retour chariot (CR) seul", "a carriage return (CR) alone"),
    "yaml.unusual_break": (
        "{what} ici est lu par YAML comme un saut de ligne, mais pas par git ni la plupart des éditeurs : le fichier ne se lirait pas comme il s'affiche",
        "{what} here is read by YAML as a line break, but not by git and most editors: the file would not read as it looks",
    ),
    "yaml.unusual_break.hint_cr": (
        "enregistrez le fichier avec des fins de ligne LF (Unix) ou CRLF (Windows)",
        "save the file with LF (Unix) or CRLF (Windows) line endings",
    ),
    "yaml.unusual_break.hint": (
        "remplacez-le par un vrai saut de ligne ou une espace ; pour le garder dans un texte, écrivez-le entre guillemets doubles : \\u{code}",
        "replace it with a real line break or a space; to keep it in a text, write it inside double quotes as \\u{code}",
    ),
    "yaml.tag_unsupported": ("l'étiquette {tag} n'est pas prise en charge", "the tag {tag} is not supported"),
    "yaml.tag_unsupported.hint": (
        "retirez l'étiquette : les plans utilisent des valeurs YAML simples",
        "remove the tag: plans use plain YAML values",
    ),
    "yaml.kind.int": ("un entier", "an integer"),
    "yaml.kind.float": ("un nombre", "a number"),
    "yaml.kind.tag": ("un {tag}", "a {tag}"),
    "yaml.unreadable_scalar": ("{shown} ne peut pas se lire comme {kind}", "{shown} cannot be read as {kind}"),
    "yaml.unreadable_scalar.hint": (
        "écrivez un nombre simple comme 1500 ou 2.5, ou retirez l'étiquette",
        "write a plain number such as 1500 or 2.5, or remove the tag",
    ),
    "yaml.too_deep": ("le fichier s'imbrique sur plus de {depth} niveaux", "the file nests deeper than {depth} levels"),
    "yaml.too_deep.hint": (
        "un plan a quelques niveaux ; vérifiez l'indentation ou les crochets ici",
        "a plan is a few levels deep; check the indentation or the brackets here",
    ),
    "yaml.second_document": (
        "un fichier de plan contient un seul document YAML, et un second commence ici",
        "a plan file holds one YAML document, and a second one starts here",
    ),
    "yaml.second_document.hint": (
        "séparez le fichier en deux plans, ou retirez cette ligne '---'",
        "split the file in two plans, or remove this '---' line",
    ),
    "yaml.unknown_alias": (
        "l'alias *{anchor} ne renvoie à aucune ancre définie au-dessus",
        "the alias *{anchor} refers to no anchor defined above it",
    ),
    "yaml.unknown_alias.hint": (
        "définissez &{anchor} avant d'utiliser *{anchor}, ou écrivez la valeur en entier",
        "define &{anchor} before using *{anchor}, or write the value out",
    ),
    "yaml.too_expanded": (
        "ce fichier dépasse {limit:,} valeurs une fois ses alias suivis",
        "this file expands to more than {limit:,} values once its aliases are followed",
    ),
    "yaml.too_expanded.hint": (
        "retirez les alias (*nom) qui répètent de grandes parties du fichier",
        "remove the aliases (*name) that repeat large parts of the file",
    ),
    "yaml.key_not_text": ("une clé doit être un texte simple", "a key must be a plain text value"),
    "yaml.key_not_text.hint": (
        "écrivez les clés comme des mots simples, comme title: ou owner:",
        "write keys as simple words, like title: or owner:",
    ),
    "yaml.merge_key": (
        "les clés de fusion (<<) ne sont pas prises en charge dans les plans",
        "merge keys (<<) are not supported in plans",
    ),
    "yaml.merge_key.hint": (
        "écrivez les clés en entier au lieu de fusionner une ancre",
        "write the keys out in full instead of merging an anchor",
    ),
    "yaml.duplicate_key": (
        "clé « {key} » en double (définie d'abord à la ligne {line})",
        'duplicate key "{key}" (first defined at line {line})',
    ),
    "yaml.duplicate_key.hint": (
        "gardez l'une des deux et supprimez l'autre",
        "keep one of the two and delete the other",
    ),
}

SAVE = {
    "save.advice.disk_full": (
        "Libérez de la place sur le disque, ou enregistrez ailleurs",
        "Free some space on the disk, or save elsewhere",
    ),
    "save.advice.quota": (
        "Votre quota disque est atteint : libérez de la place, ou enregistrez ailleurs",
        "Your disk quota is used up: free some space, or save elsewhere",
    ),
    "save.advice.too_large": (
        "Le système de fichiers refuse un fichier de cette taille (une limite ou un disque plein) : enregistrez ailleurs",
        "The file system refuses a file this large (a size limit or a full disk): save elsewhere",
    ),
    "save.advice.read_only_disk": (
        "Le disque est monté en lecture seule : enregistrez ailleurs",
        "The disk is mounted read-only: save elsewhere",
    ),
    "save.advice.folder_writable": (
        "Rendez le dossier modifiable, ou enregistrez ailleurs",
        "Make the folder writable, or save elsewhere",
    ),
    "save.read_only": (
        "{path} : le fichier est en lecture seule ; rendez-le modifiable (chmod u+w) ou enregistrez ailleurs",
        "{path}: the file is read-only; make it writable (chmod u+w) or save elsewhere",
    ),
    "save.hard_links": (
        "{path} : ce fichier a {count} noms (liens physiques), et un enregistrement écrit un nouveau fichier : "
        "les autres noms garderaient l'ancienne version, donc rien n'a été écrit. Donnez-lui un fichier à lui "
        "(cp {name} {name}.copy && mv {name}.copy {name}) et reliez les autres noms à celui-ci par un lien "
        "symbolique (ln -s), que les enregistrements suivent",
        "{path}: this file has {count} names (hard links), and a save writes a new file: "
        "the other names would keep the old version, so nothing was written. Give it a file of its own "
        "(cp {name} {name}.copy && mv {name}.copy {name}) and link the other "
        "names to it with a symbolic link (ln -s), which saves follow",
    ),
    "save.cannot_write_in": (
        "{path} : impossible d'écrire dans {folder} ({reason}) ; rien n'a changé. "
        "Rendez le dossier modifiable ou enregistrez ailleurs",
        "{path}: cannot write in {folder} ({reason}); nothing was changed. Make the folder writable or save elsewhere",
    ),
    "save.cannot_build_workbook": (
        "{path} : impossible de construire le classeur ({reason}) ; rien n'a été écrit. "
        "Libérez de la place (dans le dossier temporaire aussi) et exportez à nouveau",
        "{path}: cannot build the workbook ({reason}); nothing was written. "
        "Free some disk space (the temporary folder too) and export again",
    ),
    "save.failed": (
        "{path} : l'enregistrement a échoué ({reason}) ; le fichier sur le disque n'a pas changé",
        "{path}: could not save ({reason}); the file on disk is unchanged",
    ),
    "save.failed_advice": (
        "{path} : l'enregistrement a échoué ({reason}) ; le fichier sur le disque n'a pas changé. {advice}",
        "{path}: could not save ({reason}); the file on disk is unchanged. {advice}",
    ),
    "save.locked": (
        "{path} : un autre programme enregistre dans {folder} depuis {seconds} s ; rien n'a changé, réessayez",
        "{path}: another program has been saving in {folder} for {seconds} s; nothing was changed, try again",
    ),
    "save.xattr": (
        "{path} : impossible de garder son attribut étendu {name} ({reason}) ; rien n'a été écrit. "
        "Retirez cet attribut (setfattr -x {name} {file}) s'il peut partir, ou enregistrez ailleurs",
        "{path}: cannot keep its extended attribute {name} ({reason}); nothing was written. "
        "Remove that attribute (setfattr -x {name} {file}) if it may go, or save elsewhere",
    ),
    "save.cannot_patch": (
        "{file} : planaction ne sait pas écrire cette modification dans le fichier tel qu'il est disposé ({reason}) ; "
        "rien n'a été écrit. Annulez-la, ou faites-la dans un éditeur de texte",
        "{file}: planaction cannot write this change into the file as it is laid out ({reason}); "
        "nothing was written. Undo it, or make it in a text editor",
    ),
    "save.changed_on_disk": (
        "{path} : le fichier a changé sur le disque depuis sa lecture ; rechargez-le (vos modifications seraient perdues) "
        "ou enregistrez ailleurs",
        "{path}: the file changed on disk since it was read; reload it (your edits would be lost) or save elsewhere",
    ),
    "save.not_exact": (
        "{file}:{line} : planaction n'a pas pu écrire cette modification exactement : {what}, donc rien n'a été écrit. "
        "Annulez cette modification ou faites-la dans un éditeur de texte, et signalez-le aux développeurs de "
        "planaction avec le fichier",
        "{file}:{line}: planaction could not write this change exactly: {what}, so nothing was written. "
        "Undo this edit or make it in a text editor, and please report this to planaction's developers with the file",
    ),
    "save.exists": (
        "{path} : le fichier existe déjà ; choisissez un autre nom",
        "{path}: the file already exists; choose another name",
    ),
    "savecheck.not_yaml": (
        "le texte écrit là ne serait pas du YAML valable",
        "the text written there would not be valid YAML",
    ),
    "savecheck.not_plan": (
        "le texte écrit là ne se lirait pas comme un plan valable",
        "the text written there would not read as a valid plan",
    ),
    "savecheck.differs": ("{what} se relirait autrement", "{what} would read back differently"),
    "savecheck.the_plan": ("le plan", "the plan"),
    "savecheck.place_key": ("{place} : {key}", "{place}: {key}"),
}

CONFLICTS = {
    "conflict.nothing": ("rien", "nothing"),
    "conflict.quoted": ("« {text} »", '"{text}"'),
    "conflict.one_side": ("un côté", "one side"),
    "conflict.other_side": ("l'autre côté", "the other side"),
    "conflict.unresolved": (
        "conflit de fusion non résolu : {ours} a {ours_line}, {theirs} a {theirs_line}",
        "unresolved merge conflict: {ours} has {ours_line}, {theirs} has {theirs_line}",
    ),
    "conflict.hint": (
        "gardez les lignes voulues et supprimez les lignes de marque <<<<<<<, ======= et >>>>>>> ; "
        "ou prenez une version du fichier entier : git checkout --ours {file} ({ours}) ou git checkout --theirs {file} ({theirs})",
        "keep the lines you want and delete the marker lines <<<<<<<, ======= and >>>>>>>; "
        "or take one version of the whole file: git checkout --ours {file} ({ours}) or git checkout --theirs {file} ({theirs})",
    ),
    "conflict.hint_lines": (
        "gardez les lignes voulues et supprimez les lignes de marque <<<<<<<, ======= et >>>>>>> (lignes {first}-{last}) ; "
        "ou prenez une version du fichier entier : git checkout --ours {file} ({ours}) ou git checkout --theirs {file} ({theirs})",
        "keep the lines you want and delete the marker lines <<<<<<<, ======= and >>>>>>> (lines {first}-{last}); "
        "or take one version of the whole file: git checkout --ours {file} ({ours}) or git checkout --theirs {file} ({theirs})",
    ),
}

GIT = {
    "git.not_installed": ("git n'est pas installé", "git is not installed"),
    "git.too_large": (
        "{name} à {revision} fait {size} ; les plans de plus de {limit} sont refusés (PLANACTION_MAX_BYTES change la limite)",
        "{name} at {revision} is {size}; plans above {limit} are refused (PLANACTION_MAX_BYTES changes the limit)",
    ),
    "git.megabytes": ("{count} Mo", "{count} MB"),
    "git.bytes": ("{count} octets", "{count} bytes"),
    "git.could_not_run": ("git n'a pas pu s'exécuter ({reason})", "git could not run ({reason})"),
    "git.could_not_give": ("git n'a pas pu donner {name} à {revision}", "git could not give {name} at {revision}"),
    "git.not_a_file": (
        "{name} à {revision} est un {kind}, pas un fichier",
        "{name} at {revision} is a {kind}, not a file",
    ),
    "git.not_a_repository": ("{path} n'est pas dans un dépôt git", "{path} is not in a git repository"),
    "git.unknown_revision": (
        "{revision} n'est pas une révision de ce dépôt git (essayez HEAD~1, une étiquette ou un hash)",
        "{revision} is not a revision of this git repository (try HEAD~1, a tag or a hash)",
    ),
    "git.absent": ("{name} n'existait pas à {revision}", "{name} did not exist at {revision}"),
    "git.cannot_read": (
        "impossible de lire {name} à {revision} : {reason}",
        "cannot read {name} at {revision}: {reason}",
    ),
    "git.failed": ("git a échoué", "git failed"),
    "git.not_a_revision": (
        "{revision} n'est pas une révision git (essayez HEAD~1, une étiquette ou un hash)",
        "{revision} is not a git revision (try HEAD~1, a tag or a hash)",
    ),
}

PATCH = {
    "patch.no_node": ("pas de nœud en {path}", "no node at {path}"),
    "patch.root": ("impossible de remplacer la racine", "cannot replace the root"),
    "patch.into_scalar": ("impossible d'insérer dans une valeur simple", "cannot insert into a scalar"),
    "patch.overlap": ("modifications qui se chevauchent", "overlapping edits"),
    "patch.anchor_removed": (
        "cette modification retire l'ancre &{anchor} (ligne {line}), que *{anchor} utilise encore à la ligne "
        "{used_at} ; écrivez d'abord cette valeur en entier",
        "this change removes the anchor &{anchor} (line {line}), which *{anchor} still uses at line {used_at}; "
        "write that value out in full first",
    ),
}

FILES = {**PATCH, **READ, **FILE_KINDS, **YAML, **SAVE, **CONFLICTS, **GIT}
