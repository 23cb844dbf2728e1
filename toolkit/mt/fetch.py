"""HTTP(S) downloads for model packages: streamed to a file with a size cap, timeouts, retries
and a bounded number of redirects (stdlib urllib only).

Nothing here is called unless the user runs `toolkit models download`.
"""

from __future__ import annotations

import hashlib
import http.client
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

CHUNK = 1 << 16
MAX_REDIRECTS = 5
USER_AGENT = "press-toolkit (models download)"
# a status worth asking again for: the server is busy or briefly broken; a 404 is not
RETRY_STATUS = {408, 425, 429, 500, 502, 503, 504}

Progress = Callable[[int, int | None], None]  # (bytes so far, total or None)


class FetchError(Exception):
    """One failed attempt at one URL; `retry` says whether asking again may help."""

    def __init__(self, url: str, reason: str, retry: bool):
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.retry = retry


@dataclass(frozen=True)
class FetchOptions:
    """Timeout (seconds, for the connection and for each read), retries per URL, the backoff
    before retry n (backoff * 2**n seconds), the largest body accepted, and the slowest average
    rate (bytes a second, from `timeout` seconds on) a body may come at: a server that trickles
    a byte now and then never times out a read, but it is abandoned."""

    timeout: float = 20.0
    retries: int = 2
    backoff: float = 1.0
    max_bytes: int = 4 << 30
    min_rate: int = 16 * 1024


@dataclass(frozen=True)
class Fetched:
    url: str
    size: int
    sha256: str


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS
    max_repeats = 1

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        scheme = urllib.parse.urlsplit(newurl).scheme
        if scheme not in ("http", "https"):
            raise FetchError(req.full_url, f"redirect to a {scheme or 'relative'} URL refused", retry=False)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def check_url(url: str) -> None:
    """Only http and https URLs are fetched."""
    if urllib.parse.urlsplit(url).scheme not in ("http", "https"):
        raise InputError("not an http(s) URL", url)


def _opener() -> urllib.request.OpenerDirector:
    # no ProxyHandler from the environment is dropped: proxies set by the user are honoured
    return urllib.request.build_opener(_Redirects())


def _check_rate(url: str, done: int, elapsed: float, options: FetchOptions) -> None:
    """FetchError when the body has come slower than options.min_rate on average (once the
    download has run for options.timeout seconds)."""
    if elapsed > options.timeout and done < options.min_rate * elapsed:
        rate = done / elapsed / 1024
        limit = options.min_rate / 1024
        raise FetchError(url, f"too slow: {rate:,.1f} KiB/s on average, below {limit:,.0f} KiB/s", retry=True)


def fetch_once(
    url: str, dest: Path, options: FetchOptions, expected_size: int | None, progress: Progress | None
) -> Fetched:
    """Stream url into dest (truncated first); FetchError on any failure."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    digest = hashlib.sha256()
    done = 0
    try:
        with _opener().open(request, timeout=options.timeout) as response:
            length_header = response.headers.get("Content-Length")
            length = int(length_header) if length_header and length_header.isdigit() else None
            cap = options.max_bytes if expected_size is None else min(options.max_bytes, expected_size)
            if length is not None and length > cap:
                raise FetchError(url, f"{length:,} bytes announced, more than the {cap:,} bytes allowed", retry=False)
            total = length if length is not None else expected_size
            started = time.monotonic()
            with open(dest, "wb") as out:
                while True:
                    chunk = response.read1(CHUNK)  # what has arrived: a trickle is seen as one
                    if not chunk:
                        break
                    done += len(chunk)
                    _check_rate(url, done, time.monotonic() - started, options)
                    if done > cap:
                        raise FetchError(url, f"more than the {cap:,} bytes allowed", retry=False)
                    digest.update(chunk)
                    out.write(chunk)
                    if progress is not None:
                        progress(done, total)
            if length is not None and done != length:
                raise FetchError(url, f"body cut short: {done:,} of {length:,} bytes", retry=True)
    except FetchError:
        raise
    except urllib.error.HTTPError as exc:
        reason = f"HTTP {exc.code} {exc.reason}"
        if 300 <= exc.code < 400:
            reason = f"too many redirects or a redirect loop ({reason})"
        raise FetchError(url, reason, retry=exc.code in RETRY_STATUS) from None
    except urllib.error.URLError as exc:
        inner = exc.reason
        if isinstance(inner, TimeoutError):
            raise FetchError(url, f"timed out after {options.timeout:g} s", retry=True) from None
        raise FetchError(url, f"cannot connect: {getattr(inner, 'strerror', None) or inner}", retry=True) from None
    except TimeoutError:
        raise FetchError(url, f"timed out after {options.timeout:g} s (after {done:,} bytes)", retry=True) from None
    except http.client.IncompleteRead as exc:
        raise FetchError(url, f"body cut short after {done + len(exc.partial):,} bytes", retry=True) from None
    except (http.client.HTTPException, ConnectionError) as exc:
        raise FetchError(url, f"connection failed: {type(exc).__name__} {exc}".strip(), retry=True) from None
    except OSError as exc:
        raise FetchError(url, f"{exc.strerror or exc}", retry=True) from None
    return Fetched(url=url, size=done, sha256=digest.hexdigest())


def fetch_first(
    urls: list[str],
    dest: Path,
    options: FetchOptions,
    *,
    expected_size: int | None = None,
    expected_sha256: str | None = None,
    progress: Progress | None = None,
    warn: Callable[[str], None] | None = None,
) -> Fetched:
    """Try the URLs in order, each up to 1 + retries times; the first complete body (of the
    expected size and sha256, when given) wins. Every failed attempt is reported through warn;
    when all fail, FetchError describes the last failure."""
    if not urls:
        raise FetchError("(no link)", "the index gives no link for this package", retry=False)
    last: FetchError | None = None
    pending: str | None = None  # a failure is reported when another attempt follows it
    for url in urls:
        for attempt in range(options.retries + 1):
            if pending is not None and warn is not None:
                warn(pending)
            pending = None
            if attempt:
                time.sleep(options.backoff * 2 ** (attempt - 1))
            try:
                check_url(url)
                fetched = fetch_once(url, dest, options, expected_size, progress)
                if expected_size is not None and fetched.size != expected_size:
                    raise FetchError(url, f"{fetched.size:,} bytes, the index says {expected_size:,}", retry=True)
                if expected_sha256 is not None and fetched.sha256 != expected_sha256.lower():
                    raise FetchError(
                        url, f"sha256 {fetched.sha256} differs from the index's {expected_sha256}", retry=False
                    )
                return fetched
            except InputError:
                last = FetchError(url, "not an http(s) URL", retry=False)
            except FetchError as exc:
                last = exc
            tries = f" (try {attempt + 1} of {options.retries + 1})" if last.retry else ""
            pending = f"warning: {last}{tries}"
            if not last.retry:
                break
    assert last is not None
    raise last
