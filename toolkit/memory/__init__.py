"""Translation memories: loading the TMX files of memories/ and looking up exact, in-context,
number-adjusted and fuzzy matches (model, with the n-gram index of index), and importing
reviewed PO, TMX and CSV/TSV files into a memory, exporting it and its statistics (exchange)."""
