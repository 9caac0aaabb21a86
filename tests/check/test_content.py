"""Required content (the national pack's NAT rules): where the evidence is looked for."""

from __future__ import annotations

from lint.analyze import analyze
from lint.check.content import required_content
from lint.pack import load_pack
from lint.read.limits import ReadLimits
from lint.read.text import read_text_bytes

GOALS = (
    "Samverkansöverenskommelse mellan Gävle kommun och lokalpolisområde Gävle\n\n"
    "5 Fokusområden, orsaker och mål\n\n"
    "För varje problem anges orsakerna och de mål som arbetet ska nå.\n\n"
    "5.1 Narkotikaförsäljning i centrum\n\n"
    "Mål. Andelen som undviker centrum kvällstid ska minska från 41 till högst 30 procent.\n\n"
    "6 Organisation\n\nSamverkan sker i en styrgrupp.\n"
)


def test_a_heading_reaches_over_its_sub_headings() -> None:
    """The goals under "5.1" belong to "5 Fokusområden, orsaker och mål"."""
    pack = load_pack("national")
    rule = next(r for r in pack.rules if r.id == "NAT003")
    doc = analyze(read_text_bytes(GOALS.encode(), "t.txt", ReadLimits()), pack)
    assert list(required_content(doc, rule.params)) == []
    without = GOALS.replace("ska minska från 41 till högst 30 procent", "ska bli tryggare")
    doc = analyze(read_text_bytes(without.encode(), "t.txt", ReadLimits()), pack)
    assert len(list(required_content(doc, rule.params))) == 1
