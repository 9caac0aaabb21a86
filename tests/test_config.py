"""Configuration: [tool.samlint] / samlint.toml, discovered upwards or given with --config.

The checks run on a test pack whose rules use a check type registered here (one finding on
the document's first heading), so the tests do not depend on which real rules fire today.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from lint.check import engine
from lint.check.engine import Violation, register
from lint.model import Document
from lint.pack import rules_dir
from tests.conftest import AS_OF, SKARPNACK, run_cli

CHECK_TYPE = "config_test_marker"


def _marker(document: Document, params: dict[str, Any]):
    heading = next(s.heading for s in document.sections if s.title)
    yield Violation(heading)


@pytest.fixture(autouse=True, scope="module")
def _marker_check_type():
    """Registered for this module only, so that no other test sees an unused check type."""
    engine.check_types()
    register(CHECK_TYPE)(_marker)
    yield
    engine._REGISTRY.pop(CHECK_TYPE, None)


def _rule(rule_id: str, severity: str) -> dict[str, Any]:
    return {
        "id": rule_id,
        "name": f"test-{rule_id.lower()}",
        "severity": severity,
        "source": "C",
        "applies": "local",
        "check": CHECK_TYPE,
        "messages": {"default": {"sv": f"svensk {rule_id}", "en": f"english {rule_id}"}},
    }


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """tmp/pack.yaml (AAA001 error, AAA002 warning, BBB001 info) and tmp/docs/sub/a.txt."""
    data = yaml.safe_load((rules_dir() / "stockholm-2019.yaml").read_text(encoding="utf-8"))
    data["vocabularies"] = {
        key: str((rules_dir() / ref).resolve()) for key, ref in data["vocabularies"].items()
    }
    data["name"] = "config-test"
    data["rules"] = [_rule("AAA001", "error"), _rule("AAA002", "warning"), _rule("BBB001", "info")]
    (tmp_path / "pack.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    (tmp_path / "docs" / "sub").mkdir(parents=True)
    shutil.copy(SKARPNACK, tmp_path / "docs" / "sub" / "a.txt")
    return tmp_path


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _check(tree: Path, *extra: str, target: str = "docs") -> tuple[int, dict[str, Any], str]:
    code, out, err = run_cli(
        "check", str(tree / target), "--format", "json", "--as-of", AS_OF, "--jobs", "1",
        "--no-cache", *extra,
    )  # fmt: skip
    return code, (json.loads(out) if out.strip() else {}), err


def _found(report: dict[str, Any]) -> dict[str, str]:
    return {f["rule"]: f["severity"] for f in report["files"][0]["findings"]}


def _config(tree: Path, body: str, name: str = "samlint.toml", folder: str = "") -> Path:
    return _write(tree / folder / name, f'pack = "{tree / "pack.yaml"}"\n{body}')


def test_without_configuration_every_rule_runs(tree: Path) -> None:
    code, report, _ = _check(tree, "--pack", str(tree / "pack.yaml"))
    assert _found(report) == {"AAA001": "error", "AAA002": "warning", "BBB001": "info"}
    assert code == 1


def test_select_ignore_and_severity_from_samlint_toml(tree: Path) -> None:
    _config(tree, 'select = ["AAA"]\nignore = ["AAA002"]\nseverity = { AAA001 = "info" }\n')
    code, report, _ = _check(tree)
    assert _found(report) == {"AAA001": "info"}
    assert code == 0  # only info left, below the default fail-on warning


def test_severity_override_by_prefix_and_fail_on(tree: Path) -> None:
    _config(tree, 'severity = { AAA = "warning", AAA002 = "error" }\nfail-on = "error"\n')
    code, report, _ = _check(tree)
    assert _found(report) == {"AAA001": "warning", "AAA002": "error", "BBB001": "info"}
    assert code == 1


def test_lang_and_stage_from_configuration(tree: Path) -> None:
    _config(tree, 'lang = "en"\nstage = "draft"\n')
    _, report, _ = _check(tree)
    assert report["stage"] == "draft"
    assert report["files"][0]["findings"][0]["message"].startswith("english")


def test_pyproject_tool_table_is_found_from_the_checked_path_upwards(tree: Path) -> None:
    _write(tree / "pyproject.toml", f'[tool.samlint]\npack = "{tree / "pack.yaml"}"\n'
           'ignore = ["BBB001"]\n')  # fmt: skip
    _write(tree / "docs" / "pyproject.toml", '[project]\nname = "not-samlint"\n')  # skipped
    _, report, _ = _check(tree, target="docs/sub/a.txt")
    assert set(_found(report)) == {"AAA001", "AAA002"}


def test_nearest_samlint_toml_wins(tree: Path) -> None:
    _config(tree, 'ignore = ["BBB001"]\n')
    _config(tree, 'ignore = ["AAA"]\n', folder="docs")
    _, report, _ = _check(tree)
    assert set(_found(report)) == {"BBB001"}


def test_explicit_config_file(tree: Path) -> None:
    (tree / "elsewhere").mkdir()
    config = _config(tree, 'select = ["BBB001"]\n', name="custom.toml", folder="elsewhere")
    _, report, _ = _check(tree, "--config", str(config))
    assert set(_found(report)) == {"BBB001"}


def test_command_line_wins(tree: Path) -> None:
    _config(tree, 'select = ["AAA"]\nignore = ["BBB001"]\nlang = "en"\n')
    _, report, _ = _check(tree, "--select", "BBB001", "--lang", "sv")
    assert _found(report) == {"BBB001": "info"}
    assert report["files"][0]["findings"][0]["message"].startswith("svensk")
    _, report, _ = _check(tree, "--ignore", "AAA001")
    assert set(_found(report)) == {"AAA002"}


def test_per_file_ignores_are_relative_to_the_config_file(tree: Path) -> None:
    _config(tree, '[per-file-ignores]\n"docs/sub/*" = ["AAA001"]\n"*.pdf" = ["AAA002"]\n')
    _, report, _ = _check(tree)
    assert set(_found(report)) == {"AAA002", "BBB001"}


@pytest.mark.parametrize(
    ("body", "needle"),
    [
        ('selekt = ["AAA"]\n', "selekt"),
        ('select = ["ZZZ9"]\n', "ZZZ9"),
        ('ignore = ["AAA009"]\n', "AAA009"),
        ('severity = { QQQ001 = "info" }\n', "QQQ001"),
        ('severity = { AAA001 = "fatal" }\n', "fatal"),
        ('[per-file-ignores]\n"x/*" = ["NOPE1"]\n', "NOPE1"),
        ('stage = "final"\n', "stage"),
        ("select = 5\n", "select"),
        ("jobs = 0\n", "jobs"),
        ('pack = "no-such-pack"\n', "no-such-pack"),
        ("select = [\n", "cannot read configuration"),
    ],
)
def test_configuration_errors_exit_2_with_a_clear_message(
    tree: Path, body: str, needle: str
) -> None:
    if body.startswith("pack"):
        _write(tree / "samlint.toml", body)
    else:
        _config(tree, body)
    code, report, err = _check(tree)
    assert code == 2
    assert not report
    assert needle in err and "Traceback" not in err
    assert err.startswith("samlint: ")


def test_unknown_rule_on_the_command_line(tree: Path) -> None:
    code, _, err = _check(tree, "--pack", str(tree / "pack.yaml"), "--ignore", "AAA0099")
    assert code == 2 and "AAA0099" in err


def test_missing_config_file(tree: Path) -> None:
    code, _, err = _check(tree, "--config", str(tree / "none.toml"))
    assert code == 2 and "none.toml" in err


def test_bare_toml_date_as_of(tree: Path) -> None:
    _config(tree, "as-of = 2025-01-31\n")
    code, out, err = run_cli("check", str(tree / "docs"), "--format", "json", "--no-cache")
    assert code == 1 and json.loads(out)["as_of"] == "2025-01-31", err


def test_the_readme_block_pasted_into_samlint_toml_works(tmp_path: Path) -> None:
    """Issue 15: `[tool.samlint]` in samlint.toml failed with "unknown setting(s) tool"."""
    from lint.config import load_config

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    block = readme.split("```toml\n[tool.samlint]\n", 1)[1].split("```", 1)[0]
    config = tmp_path / "samlint.toml"
    config.write_text("[tool.samlint]\n" + block, encoding="utf-8")
    loaded = load_config(config)
    assert loaded.get("fail-on") == "error" and loaded.get("lang") == "en"
    config.write_text('lang = "en"\n', encoding="utf-8")  # top-level keys still work
    assert load_config(config).get("lang") == "en"


@pytest.mark.parametrize(
    ("written", "meant"), [("fail_on", "fail-on"), ("per_file_ignores", "per-file-ignores"),
                           ("selct", "select")],
)  # fmt: skip
def test_an_unknown_key_gets_did_you_mean(tmp_path: Path, written: str, meant: str) -> None:
    from lint.config import load_config
    from lint.errors import UsageError

    config = tmp_path / "samlint.toml"
    config.write_text(f'{written} = "x"\n', encoding="utf-8")
    with pytest.raises(UsageError, match=f"unknown setting.*{written}; did you mean {meant}\\?"):
        load_config(config)
