"""Settings from `[tool.samlint]` in pyproject.toml or from samlint.toml.

Discovered from the first checked path upwards (or given with `--config`). Unknown keys
and unknown rule ids are usage errors: a misspelled setting must never be ignored silently.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lint.errors import UsageError

KNOWN_KEYS = frozenset(
    {
        "select",
        "ignore",
        "per-file-ignores",
        "severity",
        "stage",
        "pack",
        "fail-on",
        "lang",
        "as-of",
        "jobs",
        "no-cache",
        "format",
    }
)
CHOICES = {
    "stage": ("signed", "draft"),
    "fail-on": ("error", "warning", "info"),
    "lang": ("sv", "en"),
    "format": ("text", "json", "sarif", "html"),
}
SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class FileConfig:
    path: Path | None = None
    values: Mapping[str, Any] = field(default_factory=dict)

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)


def discover_config(start: Path) -> Path | None:
    """The nearest samlint.toml, or pyproject.toml with a [tool.samlint] table, from `start` up."""
    folder = start if start.is_dir() else start.parent
    for candidate in (folder.resolve(), *folder.resolve().parents):
        own = candidate / "samlint.toml"
        if own.is_file():
            return own
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file() and "samlint" in _read_toml(pyproject).get("tool", {}):
            return pyproject
    return None


def load_config(path: Path) -> FileConfig:
    data = _read_toml(path)
    values = data.get("tool", {}).get("samlint", {}) if path.name == "pyproject.toml" else data
    if not isinstance(values, dict):
        raise UsageError(f"{path}: [tool.samlint] must be a table")
    validate_values(values, path)
    return FileConfig(path, values)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise UsageError(f"cannot read configuration {path}: {exc}") from exc


def validate_values(values: Mapping[str, Any], path: Path) -> None:
    unknown = sorted(set(values) - KNOWN_KEYS)
    if unknown:
        raise UsageError(
            f"{path}: unknown setting(s) {', '.join(unknown)}; "
            f"known settings are {', '.join(sorted(KNOWN_KEYS))}"
        )
    for key, choices in CHOICES.items():
        if key in values and values[key] not in choices:
            raise UsageError(f"{path}: {key} must be one of {', '.join(choices)}")
    severity = values.get("severity", {})
    if not isinstance(severity, dict):
        raise UsageError(f"{path}: severity must be a table of rule id = severity")
    for rule_id, level in severity.items():
        if level not in SEVERITIES:
            raise UsageError(
                f"{path}: severity of {rule_id} must be one of {', '.join(SEVERITIES)}"
            )
    if not isinstance(values.get("per-file-ignores", {}), dict):
        raise UsageError(f"{path}: per-file-ignores must be a table of glob = [rule ids]")


def as_patterns(value: str | Iterable[str] | None) -> tuple[str, ...]:
    """Comma-separated text or a list of ids/prefixes, normalized to upper case."""
    if value is None:
        return ()
    items = value.split(",") if isinstance(value, str) else list(value)
    return tuple(str(item).strip().upper() for item in items if str(item).strip())


def check_rule_patterns(patterns: Iterable[str], known_ids: Iterable[str], origin: str) -> None:
    """Every pattern must be a rule id or a prefix of one."""
    known = tuple(known_ids)
    for pattern in patterns:
        if not any(rule_id.startswith(pattern) for rule_id in known):
            raise UsageError(
                f"{origin}: unknown rule id or prefix '{pattern}' (see `samlint rules`)"
            )
