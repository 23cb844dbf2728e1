"""File formats, one module each, reading and writing: PO (syntax and charset), TMX, TBX, CSV
rows, safe XML; the review bundle and its HTML view."""
