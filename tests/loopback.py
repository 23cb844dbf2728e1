"""A loopback HTTP server (127.0.0.1, a thread of the test process) serving what a test puts in
its routes: bytes, a status, a redirect, a body cut short or a stall. Used by the download tests
and to make the README's transcript by hand (`python tests/loopback.py`)."""

from __future__ import annotations

import hashlib
import json
import sys
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    location: str | None = None  # a redirect
    cut: bool = False  # announce the whole body, send half, close
    stall: float = 0.0  # send the headers and a little, then wait this long
    length: bool = True  # send Content-Length (without it, the body ends when the connection does)
    trickle: float = 0.0  # send the body 100 bytes at a time, this many seconds apart


@dataclass
class Loopback:
    server: ThreadingHTTPServer
    routes: dict[str, Route] = field(default_factory=dict)
    hits: list[str] = field(default_factory=list)

    @property
    def base(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host!s}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def start() -> Loopback:
    loop: Loopback

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            loop.hits.append(self.path)
            route = loop.routes.get(self.path)
            if route is None:
                self.send_error(404)
                return
            self.send_response(route.status)
            if route.location is not None:
                self.send_header("Location", route.location)
            if route.length:
                self.send_header("Content-Length", str(len(route.body)))
            else:
                self.close_connection = True
            self.end_headers()
            if route.cut:
                self.wfile.write(route.body[: len(route.body) // 2])
                self.wfile.flush()
                self.close_connection = True
                return
            if route.trickle:
                for start in range(0, len(route.body), 100):
                    self.wfile.write(route.body[start : start + 100])
                    self.wfile.flush()
                    time.sleep(route.trickle)
                return
            if route.stall:
                self.wfile.write(route.body[:100])
                self.wfile.flush()
                time.sleep(route.stall)
                return
            self.wfile.write(route.body)

    class Server(ThreadingHTTPServer):
        def handle_error(self, request: object, client_address: object) -> None:
            pass  # a client that hangs up early (a size cap, a timeout) is expected here

    server = Server(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    loop = Loopback(server)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return loop


def serve_fixtures(loop: Loopback, packages: list[Path], with_sha256: bool = True) -> str:
    """Serve packages under /pkg/NAME and an index of them at /index.json; return its URL."""
    index = []
    for package in packages:
        data = package.read_bytes()
        loop.routes[f"/pkg/{package.name}"] = Route(data)
        stem = package.stem.split("-")[1]  # translate-ru_en-1_0 -> ru_en
        from_code, to_code = stem.split("_")
        entry: dict[str, object] = {
            "from_code": from_code,
            "to_code": to_code,
            "package_version": "1.0",
            "type": "translate",
            "links": [loop.url(f"/pkg/{package.name}")],
        }
        if with_sha256:
            entry["sha256"] = hashlib.sha256(data).hexdigest()
        index.append(entry)
    loop.routes["/index.json"] = Route(json.dumps(index, indent=1).encode())
    return loop.url("/index.json")


if __name__ == "__main__":  # serve the fixture packages until Ctrl-C
    root = Path(__file__).resolve().parent / "fixtures" / "models"
    loop = start()
    url = serve_fixtures(loop, sorted(root.glob("*.argosmodel")))
    entries = json.loads(loop.routes["/index.json"].body)
    for item in entries:  # the ru->en package's first link is gone: the second one serves it
        if (item["from_code"], item["to_code"]) == ("ru", "en"):
            item["links"].insert(0, loop.url("/gone/translate-ru_en-1_0.argosmodel"))
    loop.routes["/index.json"] = Route(json.dumps(entries, indent=1).encode())
    # two broken indexes: one with a wrong sha256 for every package, one that is not JSON
    loop.routes["/wrong-sha256.json"] = Route(json.dumps([{**e, "sha256": "0" * 64} for e in entries]).encode())
    loop.routes["/not-json.json"] = Route(b"<html>Moved</html>")
    print(url, flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        loop.close()
        sys.exit(0)
