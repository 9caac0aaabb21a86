from __future__ import annotations

import re

from lint.check.engine import check_types
from lint.pack import Pack
from tests.conftest import OVERARCHING


def _normalized(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_every_citation_quote_occurs_verbatim_in_the_overarching_agreement(pack: Pack) -> None:
    overarching = _normalized(OVERARCHING.read_text(encoding="utf-8"))
    cited = [rule for rule in pack.rules if rule.citation is not None]
    assert len(cited) >= 15
    for rule in cited:
        assert rule.citation.quote, rule.id
        assert _normalized(rule.citation.quote) in overarching, rule.id


def test_rules_from_o_and_t_sources_cite_a_clause(pack: Pack) -> None:
    for rule in pack.rules:
        if rule.source in ("O", "T"):
            assert rule.citation is not None, rule.id


def test_every_rule_has_a_registered_check_type_and_both_languages(pack: Pack) -> None:
    registry = check_types()
    for rule in pack.rules:
        assert rule.check in registry, rule.id
        for key, variants in rule.messages.items():
            assert variants.get("sv") and variants.get("en"), (rule.id, key)


def test_vocab_digest_changes_with_vocabulary(pack: Pack) -> None:
    import yaml

    from lint.pack import parse_pack

    data = yaml.safe_load(pack.path.read_text(encoding="utf-8"))
    data["vocabularies"] = dict(data.get("vocabularies") or {}, extra={"x": 1})
    other = parse_pack(data, pack.path)
    assert other.vocab_digest != pack.vocab_digest


def test_every_citation_says_why_it_fits_the_rule_in_both_languages(pack: Pack) -> None:
    for rule in pack.rules:
        if rule.citation is not None:
            assert rule.citation.why.get("sv") and rule.citation.why.get("en"), rule.id


def test_citations_fit_what_the_rule_checks(pack: Pack) -> None:
    """Issue 15: a clause about something else must not stand as a rule's ground."""
    by_id = {rule.id: rule for rule in pack.rules}
    # The overarching agreement says nothing on signing local agreements: SIG001 must say
    # that it derives from the template's signature part, not pretend the clause is about it.
    sig = by_id["SIG001"].citation
    assert sig is not None and "signature" in sig.why["en"] and "underskrift" in sig.why["sv"]
    assert "no clause" in sig.why["en"]
    # The lägesbild revision rule cites a clause about the lägesbild being kept current.
    assert "lägesbild" in by_id["REV002"].citation.quote
    # The group-missing rule cites a clause that names the groups.
    assert "arbetsgrupperna" in by_id["GRP005"].citation.quote


def test_explain_shows_why_the_clause_fits() -> None:
    from tests.conftest import run_cli

    code, out, _ = run_cli("explain", "SIG001", "--lang", "en")
    assert code == 0
    assert "Why this clause: The overarching agreement has no clause on signing" in out


def test_the_pack_says_which_section_plays_which_role(pack: Pack) -> None:
    import yaml

    from lint.analyze import analyze
    from lint.pack import parse_pack
    from lint.pipeline import read_source
    from lint.read import ReadLimits
    from tests.conftest import SKARPNACK

    roles = {h.key: h.roles for h in pack.template if h.roles}
    assert roles == {
        key: (key,) for key in ("parties", "annexes", "term", "organisation", "situation_picture")
    }
    source = read_source(str(SKARPNACK), ReadLimits())
    document = analyze(source, pack)
    assert document.section_for("parties") is document.section("parties") is not None
    # Without `section_roles` no section plays a role: the analyzers read the parties from
    # the title block only, and the template's "parties" heading is just a heading.
    data = yaml.safe_load(pack.path.read_text(encoding="utf-8"))
    data.pop("section_roles")
    plain = parse_pack(data, pack.path)
    assert not any(h.roles for h in plain.template)
    document = analyze(source, plain)
    assert document.section("parties") is not None and document.section_for("parties") is None


def test_organisation_types_and_their_names_come_from_the_pack(pack: Pack) -> None:
    from lint.pack import organisation_types

    types = organisation_types(pack.vocab)
    assert set(types) >= {"district_administration", "police_area", "company", "other"}
    assert [k for k, t in types.items() if t.unspecific] == ["other"]
    assert pack.organisation_label("company", "sv") == "bolag"
    assert pack.organisation_label("company", "en") == "company"
    assert pack.organisation_label("undeclared", "sv") == "undeclared"
