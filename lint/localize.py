"""Message arguments that stay language-neutral until a report is written.

A check reports a message key and its arguments. An argument that reads differently in
each language is a reference that the report resolves in the language it is written in
(`--lang`):

- `Text`: a text the pack gives per language (`{sv: …, en: …}`), with the text shown when
  the pack gives none for the language;
- `Phrase`: one of the report's own phrases (`lint.messages.PHRASES`) with its fields;
- `Interval`: an interval in months ("vartannat år", "every second year");
- `Joined`: arguments joined with ", ", or another argument when there are none.

Every other argument (a number, a date, words quoted from the document) is the same in
every language.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from lint.messages import LANGS, describe_months, phrase

# The suffix of a placeholder that packs written before 0.3 use for the English text of a
# translated argument ("{subject_en}"); it still names that argument in English.
ENGLISH_SUFFIX = "_en"


@runtime_checkable
class Localized(Protocol):
    """An argument that a report resolves in its language."""

    def resolve(self, lang: str) -> str: ...


@dataclass(frozen=True)
class Text:
    """A text the pack gives per language; `count` fills a "{n}" in it."""

    variants: tuple[tuple[str, str], ...]
    default: str
    count: int | None = None

    @classmethod
    def of(cls, texts: Mapping[str, Any] | None, default: str, count: int | None = None) -> Text:
        """From a pack's mapping, which may hold other keys beside the languages."""
        variants = tuple((lang, texts[lang]) for lang in LANGS if texts and lang in texts)
        return cls(variants, default, count)

    def resolve(self, lang: str) -> str:
        text = str(dict(self.variants).get(lang, self.default))
        return text if self.count is None else text.replace("{n}", str(self.count))


@dataclass(frozen=True)
class Phrase:
    """One of the report's phrases (`lint.messages.PHRASES`) with its fields filled in."""

    key: str
    fields: tuple[tuple[str, str], ...] = ()

    def resolve(self, lang: str) -> str:
        return phrase(self.key, lang, **dict(self.fields))


@dataclass(frozen=True)
class Interval:
    """A number of months, said as people say an interval ("en gång per år")."""

    months: float

    def resolve(self, lang: str) -> str:
        return describe_months(self.months, lang)


@dataclass(frozen=True)
class Joined:
    """Arguments joined with ", "; `empty` when they come to nothing."""

    parts: tuple[Localized, ...]
    empty: Localized

    def resolve(self, lang: str) -> str:
        return ", ".join(part.resolve(lang) for part in self.parts) or self.empty.resolve(lang)


def resolve(value: Any, lang: str) -> Any:
    """The argument as a report in `lang` shows it; plain values are returned unchanged."""
    return value.resolve(lang) if isinstance(value, Localized) else value


def resolved_args(args: Mapping[str, Any], lang: str) -> dict[str, Any]:
    """Every argument resolved in `lang`, and each translated one also in English under its
    old placeholder name (`subject_en`)."""
    out = {name: resolve(value, lang) for name, value in args.items()}
    for name, value in args.items():
        if isinstance(value, Localized):
            out.setdefault(name + ENGLISH_SUFFIX, value.resolve("en"))
    return out


class _Missing(dict):  # type: ignore[type-arg]
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def format_message(texts: Mapping[str, str], args: Mapping[str, Any], lang: str) -> str:
    """A rule's message (`texts`: language -> template) with its arguments, in `lang`."""
    template = texts.get(lang) or texts["sv"]
    return template.format_map(_Missing(resolved_args(args, lang)))


def english_aliases(names: Iterable[str]) -> frozenset[str]:
    """The old placeholder names of translated arguments ("subject" -> "subject_en")."""
    return frozenset(name + ENGLISH_SUFFIX for name in names)
