"""A persistent MT cache in SQLite: (model id, decoding options, source segment) -> translation.

The database is opened in WAL mode and each batch is committed in one transaction, so a run
killed at any moment (SIGINT or kill -9) keeps every batch it finished and loses nothing else;
the next run reads those translations back and decodes only the rest.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..errors import ToolkitError

CACHE_ENV = "TOOLKIT_MT_CACHE"
SCHEMA = """
CREATE TABLE IF NOT EXISTS translations (
    model TEXT NOT NULL,
    options TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    PRIMARY KEY (model, options, source)
) WITHOUT ROWID
"""
_CHUNK = 500  # SQLite host-parameter limit is 999 in old builds; 2 are taken by model and options


def default_cache_path() -> Path:
    """$TOOLKIT_MT_CACHE, else mt-cache.sqlite3 in the user's cache dir."""
    env = os.environ.get(CACHE_ENV)
    if env:
        return Path(env)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("press-toolkit")) / "mt-cache.sqlite3"


class MTCache:
    """Translations already decoded, by model id, options key and source text. The database is
    opened at its first use, so a run refused for bad input creates no cache file."""

    def __init__(self, path: Path | None = None):
        self.path = Path(path) if path else default_cache_path()
        self._connection: sqlite3.Connection | None = None

    @property
    def _db(self) -> sqlite3.Connection:
        if self._connection is None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(str(self.path), timeout=30.0, isolation_level=None)
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("PRAGMA synchronous=NORMAL")
                db.execute(SCHEMA)
            except (sqlite3.DatabaseError, OSError) as exc:
                raise ToolkitError(f"cannot open the MT cache: {exc}", self.path) from None
            self._connection = db
        return self._connection

    def get_many(self, model: str, options: str, sources: Iterable[str]) -> dict[str, str]:
        """The cached translations among sources."""
        wanted = list(dict.fromkeys(sources))
        found: dict[str, str] = {}
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start : start + _CHUNK]
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                f"SELECT source, target FROM translations WHERE model=? AND options=? AND source IN ({marks})",
                (model, options, *chunk),
            )
            found.update(rows)
        return found

    def put_many(self, model: str, options: str, pairs: Sequence[tuple[str, str]]) -> None:
        """Store one batch of (source, target) in a single committed transaction."""
        if not pairs:
            return
        with self._db:  # BEGIN ... COMMIT, or ROLLBACK on error
            self._db.execute("BEGIN")
            self._db.executemany(
                "INSERT OR REPLACE INTO translations (model, options, source, target) VALUES (?, ?, ?, ?)",
                [(model, options, s, t) for s, t in pairs],
            )

    def count(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM translations").fetchone()[0]

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def __enter__(self) -> MTCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
