"""`toolkit glossary suggest`: concepts a glossary lacks, proposed from an aligned memory.

units (the TMX's units with the source and target texts), russian (noun phrases, names and
titles of a Russian text in their nominative form, counted by lemmas), phrases (the n-grams of
an English, French or Kazakh text over stems), associate (Dice over units: the target n-gram
that goes with a source candidate), draft (ranking, the draft glossary's concepts), run (the
command's work: read, extract, skip what the glossary has, associate, rank).
"""

from __future__ import annotations

from .run import Suggestion, suggest

__all__ = ["Suggestion", "suggest"]
