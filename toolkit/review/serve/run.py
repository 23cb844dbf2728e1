"""Opening a bundle for review and serving it with uvicorn on a local address."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Sequence
from pathlib import Path

from ...errors import UsageError
from ...glossary.model import Glossary
from ...qa.runner import load_check_glossary
from .store import BundleStore

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765


def open_bundle(bundle: Path, glossary_paths: Sequence[Path] | None = None) -> tuple[BundleStore, Glossary | None]:
    """The bundle's store (every PO file read and checked) and the glossary (default: the
    project's glossaries/, None when there is none); InputError for bad input."""
    store = BundleStore(bundle)
    return store, load_check_glossary(glossary_paths)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_port(host: str, port: int) -> None:
    """UsageError when host:port cannot be bound (in use, or not an address of this machine)."""
    if not 0 < port < 65536:
        raise UsageError(f"--port {port}: give a port between 1 and 65535")
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise UsageError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None


def serve(
    bundle: Path,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    glossary_paths: Sequence[Path] | None = None,
    say: Callable[[str], None] = print,
) -> None:
    """Serve the bundle until interrupted (Ctrl-C)."""
    import uvicorn

    from .app import create_app

    store, glossary = open_bundle(bundle, glossary_paths)
    check_port(host, port)
    app = create_app(store, glossary, host, port)
    for path in store.skipped:
        say(f"warning: {path} links outside the bundle; it is not served")
    if not is_loopback(host):
        say(f"warning: listening on {host}, not on this machine only: anyone who reaches it can edit the bundle")
    shown = f"[{host}]" if ":" in host else host
    count = sum(len(langs) for langs in store.files.values())
    say(f"reviewing {store.root} ({len(store.files)} document(s), {count} PO file(s)) at http://{shown}:{port}/")
    say("Ctrl-C stops the server")
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False, server_header=False)
