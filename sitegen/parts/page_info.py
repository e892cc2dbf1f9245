"""What every page template gets as ``page``: its title, address, languages and breadcrumbs."""

from __future__ import annotations

from dataclasses import dataclass, field

from sitegen import languages
from sitegen.i18n import N_, gettext_for

NOT_TRANSLATED = N_("Deze pagina is niet vertaald. U gaat naar de startpagina.")


@dataclass
class PageInfo:
    title: str
    url: str
    lang: str
    alternates: dict[str, str] = field(default_factory=dict)  # lang -> url of the same page
    breadcrumbs: list[tuple[str, str]] = field(default_factory=list)  # (title, url)
    description: str = ""
    noindex: bool = False
    image: str = ""  # site path of an image for Open Graph
    og_type: str = "website"

    def language_links(self, graph) -> list[dict]:
        """The language switcher. Without a translation the link goes to that language's home
        page, with a note in that language that explains why."""
        links = []
        for other in graph.languages:
            translated = other in self.alternates
            links.append({
                "lang": other,
                "name": languages.language(other).name,
                "url": self.alternates.get(other) or languages.url(other, graph.default_lang),
                "current": other == self.lang,
                "note": "" if translated or other == self.lang else gettext_for(other)(NOT_TRANSLATED),
            })
        return links

    def og_locale(self) -> str:
        return languages.language(self.lang).og_locale

    def og_alternate_locales(self) -> list[str]:
        return [languages.language(lang).og_locale for lang in self.alternates if lang != self.lang]


def all_languages(graph, path: str) -> dict[str, str]:
    """The same site path in every language of the site: lang -> url."""
    return {lang: languages.url(lang, graph.default_lang, path) for lang in graph.languages}
