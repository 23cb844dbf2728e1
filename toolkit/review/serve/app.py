"""The review server's Starlette app: the pages (an index of the bundle's documents, one page
per document, plain forms that save without JavaScript), the JSON API behind them, and the
toolkit's own script and stylesheet. See the README's `review serve` section for the API."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import resources
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode

import jinja2
from markupsafe import Markup
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from ...formats.bundle import BundleEntry
from ...glossary.model import Glossary
from ...qa.model import Finding
from .cells import cell_html
from .checking import SegmentChecker
from .security import CSRF_FIELD, CSRF_HEADER, BodyTooLarge, Guard, allowed_hosts, new_token, read_body, token_ok
from .store import BadText, BundleStore, Conflict, NotFound, version_of
from .view import lang_label, source_pieces, target_data

FILTERS = ("all", "unconfirmed", "findings")
VIEW_MARK = "\x00view\x00"  # where a cached cell takes the page's view (a NUL is never in a PO text)
STATIC = {"review.js": "text/javascript; charset=utf-8", "review.css": "text/css; charset=utf-8"}


def _asset_dir() -> Any:
    return resources.files("toolkit") / "data" / "serve"


@dataclass
class Review:
    """What the handlers share: the bundle, the checks, the glossary and the CSRF token."""

    store: BundleStore
    checker: SegmentChecker
    glossary: Glossary | None
    token: str
    templates: jinja2.Environment
    _cells: dict[tuple[str, ...], tuple[str, list[Finding], str]] = field(default_factory=dict)
    _sources: dict[tuple[Any, ...], Markup] = field(default_factory=dict)

    def progress(self, doc: str) -> dict[str, dict[str, int]]:
        """Confirmed and total segments per target language of doc."""
        out = {}
        for lang in self.store.langs(doc):
            entries = [e for e in self.store.read(doc, lang).entries if e.source]
            out[lang] = {"confirmed": sum(e.confirmed for e in entries), "total": len(entries)}
        return out

    def segment(self, doc: str, lang: str, seg_id: str, after_save: bool = False) -> dict[str, Any]:
        po = self.store.read(doc, lang)
        entry = self.store.entry(doc, lang, seg_id)
        found = self.checker.segment_findings(po, seg_id) if after_save else self.checker.file_findings(po)[seg_id]
        return target_data(entry, found)

    def rows(self, doc: str, langs: list[str], only: str, view_lang: str = "") -> list[dict[str, Any]]:
        """The rows of a document page: a segment's id, its source cell and a cell per language
        (HTML fragments, cached until the entry's version or findings change; the page's view,
        which a plain form sends back, is put into the cached cell as it is shown)."""
        pos = {lang: self.store.read(doc, lang) for lang in self.store.langs(doc)}
        findings = {lang: self.checker.file_findings(po) for lang, po in pos.items()}
        by_lang = {lang: {e.id: e for e in po.entries} for lang, po in pos.items()}
        source_lang = next(iter(pos.values())).source_lang
        ids = list(dict.fromkeys(e.id for po in pos.values() for e in po.entries))
        view = str(self.render("view.html", {"only": only, "lang": view_lang}))
        rows = []
        for seg_id in ids:
            entries = {lang: by_lang[lang][seg_id] for lang in langs if seg_id in by_lang[lang]}
            if not entries:
                continue
            if only == "unconfirmed" and all(e.confirmed for e in entries.values()):
                continue
            if only == "findings" and not any(findings[lang].get(seg_id) for lang in entries):
                continue
            cells = {
                lang: Markup(self._cell(doc, lang, entry, findings[lang].get(seg_id, [])).replace(VIEW_MARK, view))
                for lang, entry in entries.items()
            }
            source = next(by_lang[lang][seg_id].source for lang in pos if seg_id in by_lang[lang])
            rows.append({"id": seg_id, "source": self._source(source, source_lang, list(pos)), "cells": cells})
        return rows

    def _cell(self, doc: str, lang: str, entry: BundleEntry, found: list[Finding]) -> str:
        key = (doc, lang, entry.id)
        version = version_of(entry)
        cached = self._cells.get(key)
        if cached is not None and cached[0] == version and cached[1] is found:
            return cached[2]
        html = cell_html(doc, lang, target_data(entry, found), CSRF_FIELD, self.token, VIEW_MARK)
        self._cells[key] = (version, found, html)
        return html

    def _source(self, source: str, lang: str, targets: list[str]) -> Markup:
        key = (source, lang, tuple(targets))
        html = self._sources.get(key)
        if html is None:
            pieces = source_pieces(source, lang, targets, self.glossary)
            html = self._sources[key] = Markup(self.render("source.html", {"pieces": pieces, "source_lang": lang}))
        return html

    def render(self, name: str, context: dict[str, Any]) -> str:
        return self.templates.get_template(name).render(csrf=self.token, csrf_field=CSRF_FIELD, **context)


def _templates() -> jinja2.Environment:
    folder = _asset_dir() / "templates"
    env = jinja2.Environment(
        loader=jinja2.DictLoader({p.name: p.read_text(encoding="utf-8") for p in folder.iterdir()}),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    env.globals["lang_label"] = lang_label
    return env


def _html(review: Review, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    return HTMLResponse(review.render(name, context), status)


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status)


def _review(request: Request) -> Review:
    review: Review = request.app.state.review
    return review


def index(request: Request) -> Response:
    review = _review(request)
    store = review.store
    docs = [{"id": doc, "progress": review.progress(doc)} for doc in store.documents()]
    return _html(review, "index.html", docs=docs)


def document(request: Request) -> Response:
    review = _review(request)
    store = review.store
    doc = request.path_params["doc"]
    if doc not in store.files:
        return HTMLResponse("no such document", 404)
    all_langs = store.langs(doc)
    only = request.query_params.get("filter", "all")
    only = only if only in FILTERS else "all"
    lang = request.query_params.get("lang", "")
    langs = [lang] if lang in all_langs else all_langs
    source_lang = store.read(doc, all_langs[0]).source_lang
    return _html(
        review,
        "document.html",
        doc=doc,
        source_lang=source_lang,
        langs=langs,
        all_langs=all_langs,
        only=only,
        lang=lang if lang in all_langs else "",
        filters=FILTERS,
        rows=review.rows(doc, langs, only, lang if lang in all_langs else ""),
        missing=Markup('<td class="cell missing"></td>'),
        progress=review.progress(doc),
    )


async def save_form(request: Request) -> Response:
    review = _review(request)
    store = review.store
    doc = request.path_params["doc"]
    try:
        body = await read_body(request)
    except BodyTooLarge:
        return HTMLResponse("request body too large", 413)
    form = dict(parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True))
    if not token_ok(form.get(CSRF_FIELD), review.token):
        return HTMLResponse("missing or wrong CSRF token: reload the page", 403)
    lang, seg_id = form.get("lang", ""), form.get("id", "")
    confirmed = form.get("action", "confirm") == "confirm"
    view = {k: form[k] for k in ("filter", "view_lang") if form.get(k)}
    query = urlencode({"filter": view.get("filter", "all"), "lang": view.get("view_lang", "")})
    try:
        saved = store.save(doc, lang, seg_id, form.get("text", ""), confirmed, form.get("version", ""))
    except NotFound as exc:
        return HTMLResponse(str(exc), 404)
    except BadText as exc:
        return HTMLResponse(str(exc), 400)
    except Conflict as exc:
        current = review.segment(doc, lang, exc.current.id)
        mine = form.get("text", "")
        return _html(review, "conflict.html", 409, doc=doc, lang=lang, current=current, mine=mine, query=query)
    review.checker.segment_findings(store.read(doc, lang), saved.id)
    anchor = _next_unconfirmed(store, doc, lang, saved.id) or saved.id
    return RedirectResponse(f"/doc/{quote(doc)}?{query}#s-{lang}-{quote(anchor)}", 303)


def api_documents(request: Request) -> Response:
    review = _review(request)
    store = review.store
    docs = []
    for doc in store.documents():
        langs = store.langs(doc)
        source = store.read(doc, langs[0]).source_lang
        docs.append({"id": doc, "source_lang": source, "langs": langs, "progress": review.progress(doc)})
    return JSONResponse({"documents": docs})


def api_segments(request: Request) -> Response:
    review = _review(request)
    store = review.store
    doc, lang = request.path_params["doc"], request.path_params["lang"]
    try:
        po = store.read(doc, lang)
    except NotFound as exc:
        return _error(404, str(exc))
    found = review.checker.file_findings(po)
    segments = [target_data(e, found.get(e.id, [])) for e in po.entries]
    return JSONResponse({"document": doc, "lang": lang, "source_lang": po.source_lang, "segments": segments})


async def api_save(request: Request) -> Response:
    review = _review(request)
    store = review.store
    doc, lang, seg_id = (request.path_params[k] for k in ("doc", "lang", "seg"))
    if not token_ok(request.headers.get(CSRF_HEADER), review.token):
        return _error(403, "missing or wrong X-CSRF-Token header")
    if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
        return _error(415, "send application/json")
    try:
        data = json.loads(await read_body(request))
    except BodyTooLarge:
        return _error(413, "request body too large")
    except ValueError:
        return _error(400, "the body is not JSON")
    if not isinstance(data, dict):
        return _error(400, "the body must be a JSON object")
    target, confirmed, version = data.get("target"), data.get("confirmed"), data.get("version")
    if not isinstance(target, str) or not isinstance(confirmed, bool) or not isinstance(version, str):
        return _error(400, "give target (string), confirmed (true/false) and version (string)")
    try:
        store.save(doc, lang, seg_id, target, confirmed, version)
    except NotFound as exc:
        return _error(404, str(exc))
    except BadText as exc:
        return _error(400, str(exc))
    except Conflict as exc:
        current = review.segment(doc, lang, exc.current.id)
        return JSONResponse({"error": str(exc), "current": current}, 409)
    segment = review.segment(doc, lang, seg_id, after_save=True)
    return JSONResponse({"segment": segment, "progress": review.progress(doc)[lang]})


def static(request: Request) -> Response:
    name = request.path_params["name"]
    if name not in STATIC:
        return Response("not found", 404)
    data = (_asset_dir() / "static" / name).read_bytes()
    return Response(data, media_type=STATIC[name])


def create_app(
    store: BundleStore, glossary: Glossary | None, host: str = "127.0.0.1", port: int = 8765, token: str | None = None
) -> Guard:
    """The app for store, answering only Host headers naming host:port."""
    review = Review(store, SegmentChecker(glossary), glossary, token or new_token(), _templates())
    for doc in store.documents():  # glossary recognisers and every file's findings, before the first request
        review.rows(doc, store.langs(doc), "all")
    routes = [
        Route("/", index),
        Route("/doc/{doc}", document),
        Route("/doc/{doc}/save", save_form, methods=["POST"]),
        Route("/static/{name}", static),
        Route("/favicon.ico", lambda request: Response(status_code=204)),
        Route("/api/documents", api_documents),
        Route("/api/documents/{doc}/{lang}/segments", api_segments),
        Route("/api/documents/{doc}/{lang}/segments/{seg}", api_save, methods=["PUT"]),
    ]
    app = Starlette(routes=routes)
    app.state.review = review
    return Guard(app, allowed_hosts(host, port))


def _next_unconfirmed(store: BundleStore, doc: str, lang: str, after: str) -> str | None:
    """The id of the first unconfirmed segment of doc in lang after `after` (wrapping round)."""
    entries = [e for e in store.read(doc, lang).entries if e.source]
    ids = [e.id for e in entries]
    start = ids.index(after) + 1 if after in ids else 0
    for entry in entries[start:] + entries[:start]:
        if not entry.confirmed:
            return entry.id
    return None
