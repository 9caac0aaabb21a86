"""Settings from `[tool.samlint]` in pyproject.toml or from samlint.toml.

Discovered from the first checked path upwards (or given with `--config`). Unknown keys
and unknown rule ids are usage errors: a misspelled setting must never be ignored silently.
"""

from __future__ import annotations

import datetime as dt
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
        "exclude",
        "severity",
        "stage",
        "kind",
        "pack",
        "fail-on",
        "lang",
        "as-of",
        "jobs",
        "no-cache",
        "cache-max-mb",
        "format",
        "pdf-engine",
        "limits",  # a table checked by lint.read.limits.ReadLimits.from_mapping
    }
)
CHOICES = {
    "stage": ("signed", "draft"),
    "kind": ("auto", "local", "overarching", "memo"),
    "fail-on": ("error", "warning", "info"),
    "lang": ("sv", "en"),
    "format": ("text", "json", "sarif", "html"),
    "pdf-engine": ("pdfium", "pdfplumber"),
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
    """The settings of `path`: `[tool.samlint]` of a pyproject.toml; in samlint.toml either
    top-level keys or the same `[tool.samlint]` table (so the README's block can be pasted)."""
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        values = data.get("tool", {}).get("samlint", {})
    else:
        tool = data.get("tool")
        nested = tool.get("samlint") if isinstance(tool, dict) else None
        if isinstance(tool, dict) and set(tool) == {"samlint"} and isinstance(nested, dict):
            values = {**{k: v for k, v in data.items() if k != "tool"}, **nested}
        else:
            values = data
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
        hints = [_did_you_mean(key) for key in unknown]
        raise UsageError(
            f"{path}: unknown setting(s) {', '.join(unknown)}"
            + "".join(f"; {hint}" for hint in hints if hint)
            + f"; known settings are {', '.join(sorted(KNOWN_KEYS))}"
        )
    for key, choices in CHOICES.items():
        if key in values and values[key] not in choices:
            raise UsageError(
                f"{path}: {key} is '{values[key]}', but must be one of {', '.join(choices)}"
            )
    for key in ("select", "ignore"):
        if key in values and not _is_rule_list(values[key]):
            raise UsageError(f"{path}: {key} must be a list of rule ids or prefixes")
    if "exclude" in values and not _is_rule_list(values["exclude"]):
        raise UsageError(f"{path}: exclude must be a list of globs")
    if "pack" in values and not isinstance(values["pack"], str):
        raise UsageError(f"{path}: pack must be a pack name or a YAML file")
    if "as-of" in values and not isinstance(values["as-of"], (str, dt.date)):
        raise UsageError(f"{path}: as-of must be a date YYYY-MM-DD")
    jobs = values.get("jobs", 1)
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise UsageError(f"{path}: jobs must be a whole number of at least 1")
    cap = values.get("cache-max-mb", 1)
    if isinstance(cap, bool) or not isinstance(cap, (int, float)) or cap < 0:
        raise UsageError(f"{path}: cache-max-mb must be a number of megabytes (0 or more)")
    if not isinstance(values.get("no-cache", False), bool):
        raise UsageError(f"{path}: no-cache must be true or false")
    severity = values.get("severity", {})
    if not isinstance(severity, dict):
        raise UsageError(f"{path}: severity must be a table of rule id = severity")
    for rule_id, level in severity.items():
        if level not in SEVERITIES:
            raise UsageError(
                f"{path}: severity of {rule_id} is '{level}', "
                f"but must be one of {', '.join(SEVERITIES)}"
            )
    per_file = values.get("per-file-ignores", {})
    if not isinstance(per_file, dict) or not all(map(_is_rule_list, per_file.values())):
        raise UsageError(f"{path}: per-file-ignores must be a table of glob = [rule ids]")


def _did_you_mean(key: str) -> str | None:
    """`did you mean fail-on?` for `fail_on`, `failon` or `fail-onn`."""
    import difflib

    normal = key.strip().lower().replace("_", "-").replace(" ", "-")
    if normal in KNOWN_KEYS:
        return f"did you mean {normal}?"
    close = difflib.get_close_matches(normal, sorted(KNOWN_KEYS), n=1, cutoff=0.7)
    return f"did you mean {close[0]}?" if close else None


def _is_rule_list(value: Any) -> bool:
    """A list of strings, or one comma-separated string."""
    if isinstance(value, str):
        return True
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def anchored_globs(globs: Iterable[str], config: FileConfig) -> dict[str, str]:
    """Each per-file-ignores glob, also anchored at the folder of the file that sets it.

    Maps every glob to be tried to the glob as written, so that `arkiv/*` in
    /x/samlint.toml matches /x/arkiv/a.pdf however the path is given on the command line.
    """
    out: dict[str, str] = {}
    for glob in globs:
        out[glob] = glob
        if config.path is not None and not Path(glob).is_absolute():
            out[str(config.path.parent.resolve() / glob)] = glob
    return out


def expand_severity(overrides: Mapping[str, str], known_ids: Iterable[str]) -> dict[str, str]:
    """Severity overrides by id or prefix, as overrides by id; the longest prefix wins."""
    out: dict[str, str] = {}
    for pattern in sorted(overrides, key=len):
        for rule_id in known_ids:
            if rule_id.startswith(pattern.upper()):
                out[rule_id] = overrides[pattern]
    return out


def as_globs(value: str | Iterable[str] | None) -> tuple[str, ...]:
    """A glob or a list of globs, as written."""
    if value is None:
        return ()
    items = [value] if isinstance(value, str) else list(value)
    return tuple(str(item).strip() for item in items if str(item).strip())


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
