"""`toolkit glossary suggest`: concepts a glossary lacks, proposed from an aligned memory.

units (the TMX's units with the source and target texts), russian (noun phrases, names and
titles of a Russian text in their nominative form, counted by lemmas), others (capitalised
sequences of an English, French or Kazakh source), phrases (the n-grams of a target text over
stems), associate (Dice over units: the target n-gram that goes with a source candidate),
heads (the rendering of a term's head word, found over all its units), names (words compared
across scripts), domains (title and institution words, the domain guess), run (the work:
read, extract, skip what the glossary has, associate, rank), draft (the draft glossary's
concepts), command (the command's text and summary).
"""

from __future__ import annotations

from .run import Suggestion, suggest

__all__ = ["Suggestion", "suggest"]
