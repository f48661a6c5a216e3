"""'Over deze gids' (the colophon): whose guide this is, its licence, how to report a mistake.

Everything comes from content/pakket.yml (beheerder, contact, repository, adres) and, for the
repository, from the environment variable GIDS_REPO_URL that also gives the edit button. Nothing
is invented: without a maintainer the page says the guide is an open project; without a
repository or a contact it says to ask the person who shared the guide.
"""

from __future__ import annotations

from childcare_guide.content.model import Package

PAGE = "over-deze-gids.md"
CONTENT_LICENCE = "CC BY 4.0"
CODE_LICENCE = "EUPL-1.2"
CONTENT_LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/deed.nl"
CODE_LICENCE_URL = "https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12"


def repository(package: Package, repo_env: str | None) -> str | None:
    """The repository's address: pakket.yml 'repository' first, else GIDS_REPO_URL, else None."""
    for candidate in (package.repository, repo_env):
        if candidate and candidate.strip():
            return candidate.strip().rstrip("/")
    return None


def _shown(url: str) -> str:
    return url.removeprefix("https://").rstrip("/")


def colophon(package: Package, repo_env: str | None = None) -> str:
    """The Markdown of the colophon's sections (under the page's own title and intro)."""
    repo = repository(package, repo_env)
    out = ["## Wat is deze gids?\n",
           f"*{package.title}* is een open gids voor wie een Lokaal Overleg Kinderopvang voorzit of "
           "een ander lokaal netwerk rond kinderopvang trekt. Je vindt er modules om een overleg te "
           "begeleiden, met presentaties en werkbladen die je aanvult met de gegevens van je gemeente.\n",
           f"De gids bouwt verder op het doe-pakket *{package.title}*. We zetten dat pakket hier om "
           "naar een website, in klare taal, met bronnen bij de cijfers.\n",
           f"Dit is de **{package.edition_text}**. Wat er in elke uitgave veranderde, lees je op "
           "[Wat is er nieuw](wat-is-er-nieuw.md).\n"]
    if package.address:
        out.append(f"De gids staat online op [{_shown(package.address)}]({package.address}). Daar "
                   "vind je altijd de nieuwste editie.\n")

    out.append("## Wie beheert de gids?\n")
    if package.maintainer:
        out.append(f"De gids wordt beheerd door {package.maintainer}.\n")
    else:
        out.append("De gids is een open project: wie wil, kan hem verbeteren.\n")
    if repo:
        out.append(f"De teksten en de code staan in een open repository: [{_shown(repo)}]({repo}).\n")

    out.append("## Mag je de gids gebruiken en aanpassen?\n")
    out.append(f"Ja. De teksten, presentaties en werkbladen vallen onder de licentie "
               f"[Creative Commons Naamsvermelding 4.0 ({CONTENT_LICENCE})]({CONTENT_LICENCE_URL}). "
               "Je mag ze kopiëren, aanpassen en verder verspreiden, ook in je eigen gemeente. Vermeld "
               f"dan wel dat ze uit *{package.title}* komen.\n")
    out.append(f"De code die de website, de presentaties en de werkbladen maakt, valt onder de "
               f"[Europese open-sourcelicentie ({CODE_LICENCE})]({CODE_LICENCE_URL}).\n")

    out.append("## Een fout gezien?\n")
    if repo:
        out.append(f"Meld het via de [lijst met meldingen (issues) van de repository]({repo}/issues). "
                   "Schrijf erbij op welke pagina je de fout zag en wat er volgens jou moet staan.\n")
    elif package.contact:
        out.append(f"Stuur een e-mail naar [{package.contact}](mailto:{package.contact}). Schrijf "
                   "erbij op welke pagina je de fout zag en wat er volgens jou moet staan.\n")
    else:
        out.append("Vraag het aan wie je de gids bezorgde. Zeg op welke pagina je de fout zag en "
                   "wat er volgens jou moet staan.\n")
    return "\n".join(out)
