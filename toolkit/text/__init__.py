"""Press-release text: reading a release into blocks (document: headline, dateline, meta,
source and chrome lines, paragraphs, notes), datelines (dateline), lines that are no prose
(lines), month names (months), and splitting blocks into sentences (sentences, with the
language data of rules, inline lists of lists and omissions of omissions)."""
