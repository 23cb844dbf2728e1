"""`toolkit check`: the terminology and consistency gate (argument handling only; see toolkit.qa)."""

from __future__ import annotations

import os
from pathlib import Path

import typer

from .cli_output import write_output
from .errors import UsageError


def check_command(
    paths: list[Path] = typer.Argument(
        None, help="PO, TMX or <doc>.<lang>.txt files, or folders of them.", metavar="PATH"
    ),
    glossary: list[Path] | None = typer.Option(
        None, "--glossary", help="Glossary CSV files or folders (default: glossaries/).", metavar="PATH"
    ),
    fmt: str = typer.Option("text", "--format", help="text, json, junit, sarif or github", metavar="FORMAT"),
    fail_on: str | None = typer.Option(
        None,
        "--fail-on",
        help="Exit 1 when a finding is at least this severe: error (default), warning or info.",
        metavar="SEVERITY",
    ),
    config: Path | None = typer.Option(
        None, "--config", help="Configuration file (default: ./toolkit.toml if present).", metavar="FILE"
    ),
    baseline: Path | None = typer.Option(
        None, "--baseline", help="Findings recorded here do not count.", metavar="FILE"
    ),
    update_baseline: bool = typer.Option(
        False, "--update-baseline", help="Record the current findings in the baseline file and exit 0."
    ),
    source_lang: str | None = typer.Option(
        None, "--source-lang", help="Source language (overrides X-Source-Language and TMX srclang).", metavar="LANG"
    ),
    ignore_rule: list[str] | None = typer.Option(
        None, "--ignore-rule", help="Skip a rule (repeatable).", metavar="RULE"
    ),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Write the report to a file instead of stdout.", metavar="FILE"
    ),
    jobs: int = typer.Option(min(2, os.cpu_count() or 1), "--jobs", "-j", min=1, help="Worker processes.", metavar="N"),
    list_rules: bool = typer.Option(False, "--list-rules", help="Print the rules with their severity and description."),
) -> None:
    """Check translations (terms, consistency, numbers, punctuation, script); exit 1 on errors."""
    from .langs import check_lang
    from .qa.baseline import apply_baseline, read_baseline, write_baseline
    from .qa.checks import all_checks
    from .qa.config import load_config
    from .qa.model import Severity
    from .qa.report import REPORTERS, summary_line
    from .qa.runner import CheckOptions, reaches, run_check

    known = all_checks()
    if list_rules:
        for name, chk in known.items():
            typer.echo(f"{name:20} {chk.severity.label:8} {chk.description}")
        return
    if not paths:
        raise UsageError("no files or folders to check")
    if fmt not in REPORTERS:
        raise UsageError(f"unknown --format {fmt!r}; one of {', '.join(REPORTERS)}")
    settings = load_config(config, set(known))
    try:
        threshold = Severity.parse(fail_on) if fail_on else settings.fail_on
    except ValueError as exc:
        raise UsageError(f"--fail-on: {exc}") from None
    unknown = set(ignore_rule or ()) - set(known)
    if unknown:
        raise UsageError(f"unknown rule(s): {', '.join(sorted(unknown))} (see --list-rules)")
    source = source_lang or settings.source_lang
    options = CheckOptions(
        glossary_paths=glossary if glossary else settings.glossary,
        source_lang=check_lang(source) if source else None,
        severities=settings.severities,
        ignore_rules=settings.ignore_rules | set(ignore_rule or ()),
        ignore_paths=settings.ignore_paths,
        jobs=jobs,
    )
    baseline_path = baseline or settings.baseline
    if update_baseline and baseline_path is None:
        raise UsageError("--update-baseline needs --baseline FILE (or baseline in toolkit.toml)")
    known_findings = read_baseline(baseline_path) if baseline_path and not update_baseline else None
    result = run_check(paths, options)
    if update_baseline and baseline_path is not None:
        write_baseline(baseline_path, result.findings)
        typer.echo(f"recorded {len(result.findings)} findings in {baseline_path}", err=True)
        return
    findings, suppressed = result.findings, 0
    if known_findings is not None and baseline_path is not None:
        findings, suppressed = apply_baseline(result.findings, known_findings, baseline_path.parent)
    report = REPORTERS[fmt](findings, result.rules, result.files)
    write_output(report, output)
    summary = summary_line(findings, len(result.files), result.segments, suppressed)
    if result.glossary_concepts == 0 and "term-missing" in result.rules:
        summary += "; no glossary, term checks skipped"
    typer.echo(summary, err=True)
    if reaches(findings, threshold):
        raise typer.Exit(1)
