"""The review bundle: PO per target language, a multilingual TMX, a side-by-side HTML view, texts."""
