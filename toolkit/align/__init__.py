"""Sentence alignment of published versions of one release (`toolkit align`): version (reading
and segmenting each version), evidence (what a sentence offers: length, anchors, words, glossary
concepts), score (a group of sentences against another), search (dynamic programming over 1-1,
1-2, 2-1, 2-2, 1-0 and 0-1 groups, then moved paragraphs), merge (several versions around a pivot),
evaluate (precision and recall against a gold alignment), output (JSON, TMX units, HTML view),
archive (many documents from a list)."""
