"""`toolkit check`: terminology and consistency checks of translated material for CI.

Public API: `run_check(paths, options) -> CheckResult` (toolkit.qa.runner), the check registry
(toolkit.qa.checks.all_checks), readers of PO/TMX/text pairs (toolkit.qa.readers), the
`toolkit.toml` configuration (toolkit.qa.config), baselines (toolkit.qa.baseline) and reporters
(toolkit.qa.report).
"""
