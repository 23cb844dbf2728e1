"""`toolkit check`: the terminology and consistency gate (argument handling only; see toolkit.qa)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..errors import UsageError
from .common import GlossaryPaths, write_output

if TYPE_CHECKING:
    from ..qa.config import CheckConfig
    from ..qa.model import Severity
    from ..qa.registry import Check
    from ..qa.runner import CheckOptions

Paths = Annotated[
    list[Path] | None,
    typer.Argument(help="PO, TMX or <doc>.<lang>.txt files, or folders of them.", metavar="PATH"),
]
Format = Annotated[str, typer.Option("--format", help="text, json, junit, sarif or github", metavar="FORMAT")]
FailOn = Annotated[
    str | None,
    typer.Option(
        "--fail-on",
        help="Exit 1 when a finding is at least this severe: error (default), warning or info.",
        metavar="SEVERITY",
    ),
]
Config = Annotated[
    Path | None,
    typer.Option("--config", help="Configuration file (default: ./toolkit.toml if present).", metavar="FILE"),
]
Baseline = Annotated[
    Path | None, typer.Option("--baseline", help="Findings recorded here do not count.", metavar="FILE")
]
UpdateBaseline = Annotated[
    bool, typer.Option("--update-baseline", help="Record the current findings in the baseline file and exit 0.")
]
SourceLang = Annotated[
    str | None,
    typer.Option(
        "--source-lang", help="Source language (overrides X-Source-Language and TMX srclang).", metavar="LANG"
    ),
]
IgnoreRule = Annotated[
    list[str] | None, typer.Option("--ignore-rule", help="Skip a rule (repeatable).", metavar="RULE")
]
Output = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Write the report to a file instead of stdout.", metavar="FILE"),
]
Jobs = Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes.", metavar="N")]
ListRules = Annotated[bool, typer.Option("--list-rules", help="Print the rules with their severity and description.")]


def check_command(
    paths: Paths = None,
    glossary: GlossaryPaths = None,
    fmt: Format = "text",
    fail_on: FailOn = None,
    config: Config = None,
    baseline: Baseline = None,
    update_baseline: UpdateBaseline = False,
    source_lang: SourceLang = None,
    ignore_rule: IgnoreRule = None,
    output: Output = None,
    jobs: Jobs = min(2, os.cpu_count() or 1),
    list_rules: ListRules = False,
) -> None:
    """Check translations (terms, consistency, numbers, punctuation, script); exit 1 on errors."""
    from ..qa.baseline import apply_baseline, read_baseline, write_baseline
    from ..qa.checks import all_checks
    from ..qa.config import load_config
    from ..qa.report import REPORTERS, summary_line
    from ..qa.runner import reaches, run_check

    known = all_checks()
    if list_rules:
        _print_rules(known)
        return
    if not paths:
        raise UsageError("no files or folders to check")
    if fmt not in REPORTERS:
        raise UsageError(f"unknown --format {fmt!r}; one of {', '.join(REPORTERS)}")
    settings = load_config(config, set(known))
    options, threshold = _options(settings, known, glossary, source_lang, ignore_rule, fail_on, jobs)
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
    write_output(REPORTERS[fmt](findings, result.rules, result.files), output)
    summary = summary_line(findings, len(result.files), result.segments, suppressed)
    if result.glossary_concepts == 0 and "term-missing" in result.rules:
        summary += "; no glossary, term checks skipped"
    typer.echo(summary, err=True)
    if reaches(findings, threshold):
        raise typer.Exit(1)


def _print_rules(known: dict[str, Check]) -> None:
    for name, chk in known.items():
        typer.echo(f"{name:20} {chk.severity.label:8} {chk.description}")


def _options(
    settings: CheckConfig,
    known: dict[str, Check],
    glossary: list[Path] | None,
    source_lang: str | None,
    ignore_rule: list[str] | None,
    fail_on: str | None,
    jobs: int,
) -> tuple[CheckOptions, Severity]:
    """The check options and the failing severity: the command line over toolkit.toml."""
    from ..langs import check_lang
    from ..qa.model import Severity
    from ..qa.runner import CheckOptions

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
    return options, threshold
