"""A static file server behind one slow link: every response shares one bandwidth limit, and every request
waits out the link's round trip, as on a phone's connection.

- Bandwidth: all bytes of all connections go through one queue that sends `rate` bytes per second, in
  16 KB slices taken in turn, so parallel downloads share the link the way TCP flows share a radio link
  (Chromium's DevTools throttling limits each request on its own, which is not a shared link).
- Latency: a new connection waits one round trip (the TCP handshake) before its first request is read,
  and each request waits one round trip before its response starts (the request's way up and the first
  byte's way down). TLS and TCP slow start are left out: they add the same to every page measured.
- Files are answered as deploy/preview.py answers them: the headers of the site's `_headers` (so the
  versioned files are cached for a year and pages revalidate), the precompressed `.br` or `.gz` the build
  wrote, 304 for an unchanged page, 404.html for a missing one.

Used by bench/first_visit.py and the browser tests of the progress and the watchdog.
`ThrottledServer(directory, mbit, rtt_ms).start()` runs it on a thread; `.sent` counts the bytes sent
(headers included, as they leave) and `.requests` records (path, status, bytes) for each response
(the bytes of a response, whether or not all of them were sent). `.stall(suffix, after)`
makes the next response whose path ends with `suffix` stop after `after` bytes, as a connection that dies
without closing does, until `.release()`.
"""

from __future__ import annotations

import asyncio
import email.utils
import importlib.util
import mimetypes
import threading
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("preview", ROOT / "deploy" / "preview.py")
preview = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(preview)

SLICE = 16 * 1024
TYPES = {".wasm": "application/wasm", ".mjs": "text/javascript", ".js": "text/javascript", ".json": "application/json",
         ".zip": "application/zip", ".xml": "application/xml", ".svg": "image/svg+xml"}


class Link:
    """One link of `rate` bytes per second shared by every connection, slice by slice in arrival order."""

    def __init__(self, rate: float):
        self.rate = rate
        self.free_at = 0.0
        self.lock = asyncio.Lock()

    async def send(self, writer: asyncio.StreamWriter, data: bytes, stall_at: int | None = None,
                   released: asyncio.Event | None = None, sent=lambda n: None) -> None:
        for at in range(0, len(data), SLICE):
            if stall_at is not None and at >= stall_at:
                await released.wait()
                stall_at = None
            piece = data[at:at + SLICE]
            async with self.lock:
                now = time.monotonic()
                self.free_at = max(now, self.free_at) + len(piece) / self.rate
                done = self.free_at
            await asyncio.sleep(max(0.0, done - time.monotonic()))
            writer.write(piece)
            await writer.drain()
            sent(len(piece))


class ThrottledServer:
    def __init__(self, directory: Path, mbit: float, rtt_ms: float, extra: dict[str, tuple[str, bytes]] | None = None):
        self.directory = Path(directory)
        self.rate = mbit * 1e6 / 8
        self.rtt = rtt_ms / 1000
        self.extra = extra or {}  # path -> (content type, body): pages the benchmark adds
        self.rules = preview.deploy_headers.parse_headers((self.directory / "_headers").read_text(encoding="utf-8"))
        self.sent = 0
        self.requests: list[tuple[str, int, int]] = []
        self.stalls: list[tuple[str, int]] = []
        self.writers: set[asyncio.StreamWriter] = set()
        self.loop = asyncio.new_event_loop()
        self.port = 0

    # ---- running ------------------------------------------------------------------------------------------
    def start(self) -> str:
        ready = threading.Event()

        def run():
            asyncio.set_event_loop(self.loop)
            self.link = Link(self.rate)
            self.released = asyncio.Event()
            self.server = self.loop.run_until_complete(asyncio.start_server(self.connection, "127.0.0.1", 0))
            self.port = self.server.sockets[0].getsockname()[1]
            ready.set()
            self.loop.run_forever()

        self.thread = threading.Thread(target=run, daemon=True)
        self.thread.start()
        ready.wait()
        return f"http://127.0.0.1:{self.port}/"

    def stop(self) -> None:
        async def close():
            self.server.close()
            for writer in list(self.writers):
                writer.close()
            tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            await self.server.wait_closed()
        asyncio.run_coroutine_threadsafe(close(), self.loop).result(timeout=10)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(timeout=10)
        self.loop.close()

    def count(self, n: int) -> None:
        self.sent += n

    def reset(self) -> None:
        self.sent = 0
        self.requests = []

    def stall(self, suffix: str, after: int) -> None:
        self.loop.call_soon_threadsafe(self.released.clear)
        self.stalls.append((suffix, after))

    def release(self) -> None:
        self.loop.call_soon_threadsafe(self.released.set)

    # ---- HTTP ---------------------------------------------------------------------------------------------
    async def connection(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.writers.add(writer)
        try:
            await asyncio.sleep(self.rtt)  # the handshake
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                lines = head.decode("latin-1").split("\r\n")
                method, target, _ = lines[0].split(" ", 2)
                headers = {}
                for line in lines[1:]:
                    if ":" in line:
                        name, value = line.split(":", 1)
                        headers[name.strip().lower()] = value.strip()
                await asyncio.sleep(self.rtt)  # the request's way up and the first byte's way down
                status, response_headers, body = self.answer(method, target, headers)
                lines = [f"HTTP/1.1 {status} {'OK' if status == 200 else 'Other'}"]
                lines += [f"{name}: {value}" for name, value in response_headers]
                data = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + (b"" if method == "HEAD" else body)
                path = urlsplit(target).path
                self.requests.append((path, status, len(data)))
                stall = next((s for s in self.stalls if path.endswith(s[0])), None)
                if stall:
                    self.stalls.remove(stall)
                await self.link.send(writer, data, stall[1] if stall else None, self.released, self.count)
                if headers.get("connection", "").lower() == "close":
                    break
        except (asyncio.IncompleteReadError, ConnectionError, asyncio.CancelledError):
            pass
        finally:
            self.writers.discard(writer)
            writer.close()

    def answer(self, method: str, target: str, headers: dict[str, str]) -> tuple[int, list[tuple[str, str]], bytes]:
        path = unquote(urlsplit(target).path)
        common = [("Connection", "keep-alive")]
        if path in self.extra:
            kind, body = self.extra[path]
            return 200, [*common, ("Content-Type", kind), ("Content-Length", str(len(body))),
                         ("Cache-Control", "no-cache")], body
        file = (self.directory / path.lstrip("/")).resolve()
        if not file.is_relative_to(self.directory.resolve()):
            file = self.directory / "404.html"
        if file.is_dir():
            if not path.endswith("/"):
                return 301, [*common, ("Location", path + "/"), ("Content-Length", "0")], b""
            file = file / "index.html"
        status = 200
        if not file.is_file():
            status, file, path = 404, self.directory / "404.html", "/404.html"
        rules = preview.deploy_headers.headers_for(self.rules, path)
        extra = [(name, value) for name, value in rules if name != "Content-Type"]
        if not any(name == "Cache-Control" for name, _ in rules):
            extra.append(("Cache-Control", preview.HOST_DEFAULT_CACHE))
        mtime = int(file.stat().st_mtime)
        since = headers.get("if-modified-since")
        if status == 200 and since and email.utils.parsedate_to_datetime(since).timestamp() >= mtime:
            return 304, [*common, *extra, ("Content-Length", "0")], b""
        sent, encoding = preview.precompressed(file, headers.get("accept-encoding", ""))
        kind = TYPES.get(file.suffix) or mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        if kind.startswith("text/"):
            kind += "; charset=utf-8"
        body = sent.read_bytes()
        response = [*common, ("Content-Type", kind), ("Content-Length", str(len(body))),
                    ("Last-Modified", email.utils.formatdate(mtime, usegmt=True)), *extra]
        if encoding:
            response += [("Content-Encoding", encoding), ("Vary", "Accept-Encoding")]
        return status, response, body
