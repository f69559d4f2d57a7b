"""The words of the app run in a browser page (``textual serve "planaction plans/"``).

There, a file written beside the plan is on the server; the person at the browser gets it as a
download. This sentence says so.
"""

from __future__ import annotations

from planaction.words.catalog import Catalog

say = Catalog(
    "web",
    {
        "download_offered": (
            "{name} est aussi proposé en téléchargement dans le navigateur",
            "{name} is also offered as a download in the browser",
        ),
    },
)
