"""Rendering findings: text, json, junit (JUnit XML), sarif (SARIF 2.1.0), github (annotations)."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from lxml import etree

from .. import __version__
from .model import Finding, Severity
from .registry import Check

TOOL = "press-toolkit check"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
GITHUB_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def render_text(findings: Sequence[Finding], rules: dict[str, Check], files: Sequence[Path]) -> str:
    """`file:line:col: severity rule: message`, one per line."""
    return "".join(f"{f.file}:{f.line}:{f.col}: {f.severity.label} {f.rule}: {f.message}\n" for f in findings)


def render_json(findings: Sequence[Finding], rules: dict[str, Check], files: Sequence[Path]) -> str:
    """A JSON list of findings (rule, severity, file, line, col, message, segment, languages)."""
    return json.dumps([f.as_dict() for f in findings], ensure_ascii=False, indent=1) + "\n"


def render_junit(findings: Sequence[Finding], rules: dict[str, Check], files: Sequence[Path]) -> str:
    """JUnit XML: a testsuite per checked file, a failing testcase per finding (a passing one for
    a clean file)."""
    by_file: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_file[finding.file].append(finding)
    names = list(dict.fromkeys([str(p) for p in files] + list(by_file)))
    cases = sum(max(1, len(by_file.get(name, []))) for name in names)
    root = etree.Element("testsuites", name="toolkit check", tests=str(cases), failures=str(len(findings)))
    for name in names:
        items = by_file.get(name, [])
        suite = etree.SubElement(
            root,
            "testsuite",
            name=name,
            tests=str(max(1, len(items))),
            failures=str(len(items)),
            errors="0",
            skipped="0",
        )
        if not items:
            etree.SubElement(suite, "testcase", classname=name, name="all checks")
        for f in items:
            case = etree.SubElement(
                suite, "testcase", classname=f"{name}", name=f"{f.rule} {f.line}:{f.col}", file=name, line=str(f.line)
            )
            failure = etree.SubElement(case, "failure", message=f.message, type=f"{f.severity.label} {f.rule}")
            failure.text = f"{f.file}:{f.line}:{f.col}: {f.severity.label} {f.rule}: {f.message}"
    return etree.tostring(root, pretty_print=True, xml_declaration=True, encoding="UTF-8").decode("utf-8")


def _uri(file: str) -> str:
    path = Path(file)
    return path.as_posix() if not path.is_absolute() else path.as_uri()


def sarif_log(findings: Sequence[Finding], rules: dict[str, Check], files: Sequence[Path]) -> dict:
    """The SARIF 2.1.0 log as a dict."""
    rule_ids = sorted(rules)
    index = {rule: i for i, rule in enumerate(rule_ids)}
    descriptors = [
        {
            "id": rule,
            "name": "".join(part.capitalize() for part in rule.split("-")),
            "shortDescription": {"text": rules[rule].description.split(". ")[0].rstrip(".") + "."},
            "fullDescription": {"text": rules[rule].description},
            "defaultConfiguration": {"level": SARIF_LEVEL[rules[rule].severity]},
        }
        for rule in rule_ids
    ]
    results = []
    for f in findings:
        result: dict[str, Any] = {
            "ruleId": f.rule,
            "level": SARIF_LEVEL[f.severity],
            "message": {"text": f.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": _uri(f.file)},
                        "region": {"startLine": max(1, f.line), "startColumn": max(1, f.col)},
                    }
                }
            ],
            "partialFingerprints": {"toolkitFinding/v1": f.fingerprint()},
        }
        if f.rule in index:
            result["ruleIndex"] = index[f.rule]
        results.append(result)
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": TOOL, "version": __version__, "rules": descriptors}},
                "results": results,
            }
        ],
    }


def render_sarif(findings: Sequence[Finding], rules: dict[str, Check], files: Sequence[Path]) -> str:
    return json.dumps(sarif_log(findings, rules, files), ensure_ascii=False, indent=1) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(findings: Sequence[Finding], rules: dict[str, Check], files: Sequence[Path]) -> str:
    """GitHub Actions workflow commands: `::error file=F,line=L,col=C,title=RULE::message`."""
    lines = []
    for f in findings:
        props = f"file={_escape_property(f.file)},line={f.line},col={f.col},title={_escape_property(f.rule)}"
        lines.append(f"::{GITHUB_COMMAND[f.severity]} {props}::{_escape_data(f.message)}\n")
    return "".join(lines)


REPORTERS: dict[str, Callable[..., str]] = {
    "text": render_text,
    "json": render_json,
    "junit": render_junit,
    "sarif": render_sarif,
    "github": render_github,
}


def summary_line(findings: Sequence[Finding], files: int, segments: int, suppressed: int) -> str:
    """`3 findings (1 error, 2 warnings, 0 info) in 4 files, 120 segments; 2 in the baseline`."""
    counts = {s: sum(1 for f in findings if f.severity == s) for s in Severity}
    text = (
        f"{len(findings)} finding{'s' * (len(findings) != 1)} ({counts[Severity.ERROR]} error, "
        f"{counts[Severity.WARNING]} warning, {counts[Severity.INFO]} info) in {files} file"
        f"{'s' * (files != 1)}, {segments} segments"
    )
    return text + (f"; {suppressed} suppressed by the baseline" if suppressed else "")
