"""Run summaries of `translate` for people (lines) and CI (a JSON-ready dict)."""

from __future__ import annotations

from pathlib import Path

from .model import RunResult


def summary_dict(run: RunResult, out_dir: Path) -> dict:
    """Counts per document and per target language, the missing pairs and the signature."""
    return {
        "source": run.source,
        "targets": run.targets,
        "documents": [
            {
                "doc": r.document.doc_id,
                "path": str(r.document.path),
                "segments": len(r.segments),
                "glossary_hits": sum(len(s.terms) for s in r.segments),
            }
            for r in run.documents
        ],
        "segments": run.segment_count,
        "glossary_hits": run.term_hits,
        "languages": {
            lang: {
                "memory": st.memory,
                "glossary": st.glossary,
                "mt": st.mt,
                "untranslated": st.untranslated,
                "routes": sorted(st.routes),
            }
            for lang, st in run.stats.items()
        },
        "mt": {"decoded": run.mt_decoded, "cached": run.mt_cached},
        "missing_pairs": run.missing_pairs,
        "signature": run.signature.render(),
        "out": str(out_dir),
        "files": [str(p) for p in run.files],
    }


def summary_lines(run: RunResult, out_dir: Path) -> list[str]:
    """A short table for the terminal."""
    lines = [
        f"{len(run.documents)} document(s), {run.segment_count} segments, "
        f"{run.term_hits} glossary hits; bundle in {out_dir}/",
        f"{'lang':5} {'memory':>7} {'glossary':>9} {'mt':>5} {'untranslated':>13}  route",
    ]
    for lang, st in run.stats.items():
        routes = "; ".join(sorted(st.routes)) or ("no model" if st.untranslated else "-")
        lines.append(f"{lang:5} {st.memory:7} {st.glossary:9} {st.mt:5} {st.untranslated:13}  {routes}")
    if run.mt_decoded or run.mt_cached:
        lines.append(f"MT: {run.mt_decoded} unique segment translations decoded, {run.mt_cached} from the cache")
    return lines
