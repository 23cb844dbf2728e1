"""The `[check]` table of `toolkit.toml`: glossaries, severities, ignored rules and paths.

[check]
glossary = ["glossaries"]          # files or folders, relative to toolkit.toml
fail-on = "error"                  # error, warning or info
ignore-rules = ["identical"]
ignore-paths = ["review/archive/*"] # fnmatch globs on paths (or file names)
baseline = "qa-baseline.json"
source-lang = "ru"                 # overrides X-Source-Language / TMX srclang

[check.severity]
double-space = "info"
quotes = "off"                     # off = the rule does not run
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..fsutil import read_utf8
from .model import Severity

KEYS = {"glossary", "fail-on", "ignore-rules", "ignore-paths", "baseline", "source-lang", "severity"}
DEFAULT_FILE = "toolkit.toml"


@dataclass
class CheckConfig:
    """Settings from toolkit.toml (command-line options override them)."""

    glossary: list[Path] | None = None
    fail_on: Severity = Severity.ERROR
    ignore_rules: set[str] = field(default_factory=set)
    ignore_paths: list[str] = field(default_factory=list)
    severities: dict[str, Severity] = field(default_factory=dict)
    baseline: Path | None = None
    source_lang: str | None = None
    path: Path | None = None


def load_config(path: Path | None = None, known_rules: set[str] | None = None) -> CheckConfig:
    """Read the [check] table of path (default: ./toolkit.toml if it exists)."""
    if path is None:
        path = Path(DEFAULT_FILE)
        if not path.is_file():
            return CheckConfig()
    try:
        data = tomllib.loads(read_utf8(Path(path), "configuration file"))
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"invalid TOML: {exc}", path) from None
    table = data.get("check", {})
    if not isinstance(table, dict):
        raise InputError("[check] must be a table", path)
    unknown = set(table) - KEYS
    if unknown:
        raise InputError(f"unknown key(s) in [check]: {', '.join(sorted(unknown))}", path)
    base = Path(path).parent
    config = CheckConfig(path=Path(path))
    if "glossary" in table:
        config.glossary = [base / p for p in _strings(table, "glossary", path)]
    if "fail-on" in table:
        config.fail_on = _severity(table["fail-on"], "fail-on", path)
    config.ignore_rules = set(_strings(table, "ignore-rules", path))
    config.ignore_paths = _strings(table, "ignore-paths", path)
    if "baseline" in table:
        config.baseline = base / _string(table["baseline"], "baseline", path)
    if "source-lang" in table:
        config.source_lang = _string(table["source-lang"], "source-lang", path)
    severity = table.get("severity", {})
    if not isinstance(severity, dict):
        raise InputError("[check.severity] must be a table of rule = severity", path)
    for rule, value in severity.items():
        if _string(value, f"severity.{rule}", path).lower() == "off":
            config.ignore_rules.add(rule)
        else:
            config.severities[rule] = _severity(value, f"severity.{rule}", path)
    if known_rules is not None:
        bad = (config.ignore_rules | set(config.severities)) - known_rules
        if bad:
            raise InputError(f"unknown rule(s): {', '.join(sorted(bad))}", path)
    return config


def _string(value: object, key: str, path: Path) -> str:
    if not isinstance(value, str):
        raise InputError(f"[check] {key} must be a string", path)
    return value


def _strings(table: dict, key: str, path: Path) -> list[str]:
    value = table.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InputError(f"[check] {key} must be a list of strings", path)
    return list(value)


def _severity(value: object, key: str, path: Path) -> Severity:
    try:
        return Severity.parse(_string(value, key, path))
    except ValueError as exc:
        raise InputError(f"[check] {key}: {exc}", path) from None
