"""`toolkit review serve`: a local web application to review a bundle in the browser, the
source and every target language side by side, saving into the bundle's PO files.

store: the bundle's PO files, read and saved under a lock; checking: `check`'s segment rules
per file and per saved segment; view: what a segment shows (provenance, terms, findings);
cells: a target cell of the page as HTML; security: Host check, CSRF token, body cap, CSP;
app: the Starlette app (pages, JSON API); run: open a bundle and serve it with uvicorn.
"""
