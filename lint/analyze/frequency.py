"""How often something happens, as written in Swedish: "vid minst två tillfällen per år",
"en gång i kvartalet", "varje månad", "årligen", "vartannat år", "var 18:e månad".

Every expression is read as an interval in months between two occurrences; meetings per
year are 12 divided by it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lint.model import Span
from lint.numerals import CARDINALS

_ORDINALS = {
    "andra": 2,
    "annat": 2,
    "annan": 2,
    "tredje": 3,
    "fjärde": 4,
    "femte": 5,
    "sjätte": 6,
    "sjunde": 7,
    "åttonde": 8,
    "nionde": 9,
    "tionde": 10,
    "elfte": 11,
    "tolfte": 12,
    "artonde": 18,
    "tjugofjärde": 24,
}
# Months per unit of time.
_UNITS = {
    "år": 12.0,
    "kalenderår": 12.0,
    "verksamhetsår": 12.0,
    "läsår": 12.0,
    "skolår": 12.0,
    "mandatperiod": 48.0,
    "termin": 6.0,
    "halvår": 6.0,
    "tertial": 4.0,
    "kvartal": 3.0,
    "månad": 1.0,
    "vecka": 12.0 / 52.0,
}
_ADVERBS = {
    "årligen": 12.0,
    "årsvis": 12.0,
    "årlig": 12.0,
    "årliga": 12.0,
    "årligt": 12.0,
    "halvårsvis": 6.0,
    "terminsvis": 6.0,
    "tertialvis": 4.0,
    "kvartalsvis": 3.0,
    "månadsvis": 1.0,
    "veckovis": 12.0 / 52.0,
}

_NUM = r"(?P<num>\d{1,2}|" + "|".join(CARDINALS) + r")(?:\s*\(\s*\d{1,2}\s*\))?"
_ORD = r"(?P<ord>\d{1,2}\s*:?\s*(?:e|a|de)|" + "|".join(_ORDINALS) + ")"
_UNIT = (
    r"(?P<unit>kalenderår|verksamhetsår|läsår|skolår|halvår|år|mandatperiod|termin|tertial|kvartal"
    r"|månad|vecka)(?:et|en|n|er|erna|ar|arna|or)?"
)
_TIMES = r"(?:gång(?:er|en)?|ggr|tillfällen|tillfälle|möten|möte|sammanträden|sammanträde|träffar)"
_END = r"(?![\wåäö])"
# One adjective between the number and the meetings: "två ordinarie sammanträden", "fyra fasta
# möten".
_ADJECTIVE = r"(?:[a-zåäö]{4,}[ae]\s+)?"
_START = r"(?<![\wåäö])"

_PATTERNS = (
    # "två gånger per år", "vid minst två tillfällen per år", "en gång i kvartalet", "2 ggr/år"
    re.compile(
        _START
        + _NUM
        + r"\s+"
        + _ADJECTIVE
        + _TIMES
        + r"\s*(?:per|om|i|varje|under|/|(?P<every_other>varannan|vartannat|vart\s+annat))\s*"
        + _UNIT
        + _END,
        re.IGNORECASE,
    ),
    # "fyra gånger årligen", "fyra årliga möten"
    re.compile(_START + _NUM + r"\s+" + _TIMES + r"\s+(?P<adverb>årligen)" + _END, re.IGNORECASE),
    re.compile(_START + _NUM + r"\s+(?P<adverb>årliga)\s+" + _TIMES + _END, re.IGNORECASE),
    # "vartannat år", "varannan månad"
    re.compile(
        _START + r"(?P<every_other>varannan|vartannat|varannat|vart\s+annat)\s+" + _UNIT + _END,
        re.IGNORECASE,
    ),
    # "vart tredje år", "var 18:e månad", "var sjätte månad"
    re.compile(_START + r"var(?:t|je)?\s+" + _ORD + r"\s+" + _UNIT + _END, re.IGNORECASE),
    # "varje månad", "varje år"
    re.compile(_START + r"varje\s+(?:nytt?\s+|nya\s+)?" + _UNIT + _END, re.IGNORECASE),
    # "årligen", "kvartalsvis"
    re.compile(_START + r"(?P<adverb>" + "|".join(_ADVERBS) + r")" + _END, re.IGNORECASE),
    # "en gång på våren och en gång på hösten", "varje vår och höst": twice a year
    re.compile(
        _START
        + r"(?P<seasons>(?:vår|höst)(?:en|terminen)?\s+och\s+(?:en\s+gång\s+)?(?:på|under|varje)?"
        + r"\s*(?:vår|höst)(?:en|terminen)?)"
        + _END,
        re.IGNORECASE,
    ),
    # "varje höst", "varje vårtermin": once a year
    re.compile(
        _START + r"varje\s+(?P<season>vår|höst)(?:en|termin|terminen)?" + _END, re.IGNORECASE
    ),
)
# Deadlines are intervals only for revisions: "senast två år efter undertecknandet".
_DEADLINE = re.compile(
    _START
    + r"(?:(?:inom|senast|efter)\s+"
    + _NUM
    + r"\s+"
    + _UNIT
    + "|"
    + _NUM.replace("num", "num2")
    + r"\s+"
    + _UNIT.replace("unit", "unit2")
    + r"\s+efter)"
    + _END,
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Interval:
    months: float
    span: Span
    text: str

    @property
    def per_year(self) -> float:
        return 12.0 / self.months


def find_intervals(text: str, offset: int = 0, *, deadlines: bool = False) -> list[Interval]:
    """Every frequency expression in `text`, in order; spans are shifted by `offset`."""
    found: list[Interval] = []
    patterns = (*_PATTERNS, _DEADLINE) if deadlines else _PATTERNS
    for pattern in patterns:
        for match in pattern.finditer(text):
            months = _months(match, deadline=pattern is _DEADLINE)
            if months is None or any(_overlaps(match, i, offset) for i in found):
                continue
            span = Span(offset + match.start(), offset + match.end())
            found.append(Interval(months, span, " ".join(match.group(0).split())))
    return sorted(found, key=lambda i: i.span.start)


def _overlaps(match: re.Match[str], interval: Interval, offset: int) -> bool:
    return match.start() + offset < interval.span.end and interval.span.start < match.end() + offset


def _months(match: re.Match[str], *, deadline: bool) -> float | None:
    groups = match.groupdict()
    number = groups.get("num") or groups.get("num2")
    unit = groups.get("unit") or groups.get("unit2")
    if groups.get("seasons"):
        first, second = re.findall(r"vår|höst", groups["seasons"].lower())
        return 6.0 if first != second else None
    if groups.get("season"):
        return 12.0
    if groups.get("adverb") and not number:
        return _ADVERBS[groups["adverb"].lower()]
    unit_months = _UNITS[unit.lower()] if unit else 12.0
    if groups.get("every_other"):
        unit_months *= 2
    if groups.get("ord"):
        return unit_months * _ordinal(groups["ord"])
    if number:
        count = _cardinal(number)
        if count <= 0:
            return None
        return unit_months * count if deadline else unit_months / count
    return unit_months


def _cardinal(word: str) -> int:
    word = word.lower()
    return int(word) if word.isdigit() else CARDINALS[word]


def _ordinal(word: str) -> int:
    word = word.lower()
    digits = re.match(r"\d+", word)
    return int(digits.group(0)) if digits else _ORDINALS[word]
