"""Term recognition: find glossary concepts in text, inflected forms included.

`find_terms(text, lang, glossary)` returns TermHits (concept, character span, surface, the
variant that matched and its kind: preferred, allowed, derived (a person's initials forms, see
Concept.derived) or forbidden). Every term of a concept
is turned into a sequence of per-word keys by the language's model (ru: pymorphy3 lemmas, kk:
generated inflected forms, en/fr: Snowball stems checked against an inflection; `stem|` and
`stem*` markers become prefix keys); text words get the same keys, and a token trie
(matcher.py) finds every occurrence. Rules common to all languages:
- words of one term may be separated by spaces, hyphens, dashes or apostrophes (Lieutenant
  Governor = Lieutenant-Governor, d'affaires), by a dot after a 1-2 letter word (Ф.Бенжамин,
  в т.ч.), and by a comma only where the term has one; other punctuation ends a term;
- an all-capitals glossary word (WHO, IT, МИД) matches only capitals (not «who», «its»);
- the longest match wins; nested and overlapping shorter matches are dropped; at equal
  length a preferred or allowed term wins over a forbidden one.
Concepts of every status are found (the hit carries the concept, hence its status).
"""
