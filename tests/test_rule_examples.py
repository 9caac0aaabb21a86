"""Every rule's `example_bad` triggers it and its `example_good` does not, in every pack.

An example is checked as a local agreement (or as the kind its rule applies to) with only
its own rule selected, so a fragment that shows one clause is enough where the rule
looks at one clause; rules that need a whole agreement have a whole (small) one.
"""

from __future__ import annotations

import pytest

from lint.analyze import analyze
from lint.check import Settings, run_checks
from lint.model import Kind
from lint.pack import Pack, load_pack, rules_dir
from lint.read import read_bytes
from tests.conftest import AS_OF

PACKS = sorted(p.stem for p in rules_dir().glob("*.yaml"))


def _cases() -> list[object]:
    cases = []
    for name in PACKS:
        pack = load_pack(name)
        for rule in pack.rules:
            for which in ("bad", "good"):
                cases.append(pytest.param(name, rule.id, which, id=f"{name}:{rule.id}:{which}"))
    return cases


_PACKS: dict[str, Pack] = {}


def _pack(name: str) -> Pack:
    if name not in _PACKS:
        _PACKS[name] = load_pack(name)
    return _PACKS[name]


def findings_of(pack: Pack, rule_id: str, text: str) -> list[str]:
    rule = pack.rule(rule_id)
    assert rule is not None
    kind = None if rule.check == "document_recognised" else Kind.LOCAL_AGREEMENT
    document = analyze(read_bytes(text.encode("utf-8"), ".txt", "<example>"), pack, kind)
    settings = Settings(as_of=AS_OF, select=(rule_id,))
    found = run_checks(document, pack, settings)
    return [f.message_in(settings.lang) for f in found if f.rule == rule_id]


@pytest.mark.parametrize(("pack_name", "rule_id", "which"), _cases())
def test_rule_example(pack_name: str, rule_id: str, which: str) -> None:
    pack = _pack(pack_name)
    rule = pack.rule(rule_id)
    assert rule is not None
    text = rule.doc.example_bad if which == "bad" else rule.doc.example_good
    assert text.strip(), f"{rule_id} has no example_{which}"
    found = findings_of(pack, rule_id, text)
    if which == "bad":
        assert found, f"{pack_name} {rule_id}: example_bad does not trigger the rule"
    else:
        assert not found, f"{pack_name} {rule_id}: example_good triggers it: {found}"
