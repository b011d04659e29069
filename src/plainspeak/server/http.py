"""The socket side of ``plainspeak serve``: the standard library's threading HTTP
server (no dependency to install on a locked-down machine; one user's editor
or browser is its whole load), guarded as a local service must be.

Every request: the Host header must name this server (a web page elsewhere
cannot reach it through DNS rebinding), an Origin header must be this
server's own, a body over the limit is refused with 413 before it is read,
bad JSON or form data is a 400 with a message, never a traceback. Nothing is
logged and nothing is kept: the text lives for one request.
"""

from __future__ import annotations

import json
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from .requests import Analyzers, RequestError, overrides, text_of

DEFAULT_PORT = 8765
MAX_BODY = 1_000_000  # bytes: far above any message, far below what would hurt
MAX_FILE = 20_000_000  # a dropped document (a Word file with pictures), as check's default --max-bytes
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, host: str, port: int, analyzers: Analyzers) -> None:
        super().__init__((host, port), Handler)
        self.analyzers = analyzers
        self.lock = threading.Lock()  # one analysis at a time: spaCy pipelines are not meant to be shared across threads
        self.allowed_hosts = _allowed_hosts(host, self.server_address[1])

    @property
    def origin(self) -> str:
        host, port = str(self.server_address[0]), self.server_address[1]
        return f"http://{host}:{port}"


def _allowed_hosts(host: str, port: int) -> frozenset[str]:
    names = {host, "localhost", "127.0.0.1", "[::1]"} if host in ("127.0.0.1", "localhost", "::1") else {host}
    return frozenset({*names, *(f"{n}:{port}" for n in names)})


class Handler(BaseHTTPRequestHandler):
    server: Server
    server_version = "plainspeak"
    sys_version = ""
    timeout = 30  # seconds a client may stall mid-request before its connection is dropped

    def version_string(self) -> str:
        return "plainspeak"

    def log_message(self, format: str, *args: Any) -> None:
        """Nothing is logged: a request line can carry text."""

    # --- routing

    def do_GET(self) -> None:
        if not self._guarded():
            return
        path = urlsplit(self.path).path
        if path == "/":
            from .page import PAGE

            self._send(HTTPStatus.OK, PAGE.encode("utf-8"), "text/html; charset=utf-8")
        elif path == "/page.js":
            from .page import SCRIPT

            self._send(HTTPStatus.OK, SCRIPT.encode("utf-8"), "text/javascript; charset=utf-8")
        elif path == "/page.css":
            from .page import STYLE

            self._send(HTTPStatus.OK, STYLE.encode("utf-8"), "text/css; charset=utf-8")
        elif path == "/v2/languages":
            from .languagetool import LANGUAGES

            self._json(HTTPStatus.OK, LANGUAGES)
        else:
            self._error(HTTPStatus.NOT_FOUND, "not found")

    def do_POST(self) -> None:
        if not self._guarded():
            return
        path = urlsplit(self.path).path
        try:
            if path == "/api/check":
                fields = self._json_body()
                options = overrides(fields, ignore=("text", "name"))
                report = self._analyze(text_of(fields, "text"), options, str(fields.get("name", "-")))
                from ..report import SCHEMA_VERSION

                self._json(HTTPStatus.OK, {"schema_version": SCHEMA_VERSION, **report.to_dict()})
            elif path == "/api/fix":
                fields = self._json_body()
                options = overrides(fields, ignore=("text", "name", "all"))
                everything = fields.get("all", False)
                if not isinstance(everything, bool):
                    raise RequestError("'all' must be true or false")
                text = text_of(fields, "text")
                if not text.strip():
                    raise RequestError("the text is empty")
                with self.server.lock:
                    answer = self.server.analyzers.fixed(text, options, everything, str(fields.get("name", "-")))
                self._json(HTTPStatus.OK, answer)
            elif path == "/api/check-file":
                from urllib.parse import unquote

                from .requests import read_upload

                query = {k: v[0] for k, v in parse_qs(urlsplit(self.path).query).items()}
                if "target_grade" in query:
                    try:
                        query["target_grade"] = float(query["target_grade"])  # type: ignore[assignment]
                    except ValueError:
                        raise RequestError("'target_grade' must be a number from 0 to 30") from None
                options = overrides(query)
                source = read_upload(unquote(self.headers.get("X-Filename") or ""), self._body(MAX_FILE), MAX_FILE)
                report = self._analyze(source.text, options, source.source.name, source)
                from ..report import SCHEMA_VERSION

                self._json(HTTPStatus.OK, {"schema_version": SCHEMA_VERSION, **report.to_dict(), "text": source.text})
            elif path == "/api/accept":
                fields = self._json_body()
                word = fields.get("word")
                if not isinstance(word, str) or set(fields) - {"word"}:
                    raise RequestError("give the word in 'word' (and nothing else)")
                with self.server.lock:
                    saved = self.server.analyzers.accept(word)
                self._json(HTTPStatus.OK, {"word": " ".join(word.split()), "saved": str(saved)})
            elif path == "/v2/check":
                fields = self._form_body()
                if "data" in fields and "text" not in fields:
                    from .languagetool import text_of_data

                    text = text_of_data(fields["data"])
                else:
                    text = text_of(fields, "text", "data")
                from .languagetool import check_response

                report = self._analyze(text, overrides({}))
                self._json(HTTPStatus.OK, check_response(text, report, fields.get("language", "en-US")))
            else:
                self._error(HTTPStatus.NOT_FOUND, "not found")
        except RequestError as err:
            self._error(HTTPStatus.BAD_REQUEST, str(err))
        except _TooLarge:
            self._error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "the request is over the size limit "
                        f"({MAX_BODY:,} bytes; a dropped file {MAX_FILE:,})")
        except Exception:  # a bug: a plain 500, never a traceback (nor the text) in the response
            self._error(HTTPStatus.INTERNAL_SERVER_ERROR, "internal error (a bug: please report it)")

    def do_HEAD(self) -> None:
        self._error(HTTPStatus.METHOD_NOT_ALLOWED, "use GET or POST")

    do_PUT = do_DELETE = do_PATCH = do_HEAD

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """The base class's errors (a malformed request line, an unknown method) as ours:
        JSON with the same headers, never its HTML page."""
        try:
            status = HTTPStatus(code)
        except ValueError:
            status = HTTPStatus.BAD_REQUEST
        self.close_connection = True
        if getattr(self, "request_version", None) is None or not hasattr(self, "command"):
            self.request_version = "HTTP/1.0"
        self._error(status, message or status.phrase.lower())

    def do_OPTIONS(self) -> None:  # no cross-origin use: no CORS preflight passes
        self._error(HTTPStatus.FORBIDDEN, "requests from other origins are refused")

    # --- guards

    def _guarded(self) -> bool:
        host = (self.headers.get("Host") or "").strip().lower()
        if host not in self.server.allowed_hosts:
            self._error(HTTPStatus.FORBIDDEN, "unknown Host: this server answers only requests addressed to it")
            return False
        origin = (self.headers.get("Origin") or "").rstrip("/").lower()
        own = origin in {f"http://{h}" for h in self.server.allowed_hosts}
        # A browser add-on (LanguageTool's) sends its extension's origin; web pages cannot send one of these.
        extension = origin.startswith(_EXTENSIONS) and urlsplit(self.path).path.startswith("/v2/")
        if origin and not own and not extension:
            self._error(HTTPStatus.FORBIDDEN, "requests from other origins are refused")
            return False
        return True

    def _body(self, limit: int = MAX_BODY) -> bytes:
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            raise RequestError("bad Content-Length") from None
        if length > limit:
            self.close_connection = True
            raise _TooLarge
        if length < 0:
            raise RequestError("bad Content-Length")
        return self.rfile.read(length)

    def _json_body(self) -> dict[str, Any]:
        try:
            fields = json.loads(self._body().decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise RequestError("the body must be a JSON object, in UTF-8") from None
        if not isinstance(fields, dict):
            raise RequestError("the body must be a JSON object")
        return fields

    def _form_body(self) -> dict[str, str]:
        body = self._body()
        try:
            decoded = body.decode("utf-8")
        except UnicodeDecodeError:
            raise RequestError("the form must be UTF-8") from None
        kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if kind == "application/json":
            try:
                fields = json.loads(decoded) if decoded.strip() else {}
            except ValueError:
                raise RequestError("the body must be a JSON object") from None
            if not isinstance(fields, dict):
                raise RequestError("the body must be a JSON object")
            return {str(k): v for k, v in fields.items()}
        query = urlsplit(self.path).query
        parsed = parse_qs(decoded + ("&" + query if query else ""), keep_blank_values=True, max_num_fields=100)
        return {k: v[0] for k, v in parsed.items()}

    def _analyze(self, text: str, options, name: str = "-", source=None):
        if not text.strip():
            raise RequestError("the text is empty")
        with self.server.lock:
            return self.server.analyzers.report(text, options, name, source)

    # --- responses

    def _json(self, status: HTTPStatus, data: Any) -> None:
        self._send(status, json.dumps(data, ensure_ascii=False).encode("utf-8"), "application/json; charset=utf-8")

    def _error(self, status: HTTPStatus, message: str) -> None:
        self._json(status, {"error": message})

    def _send(self, status: HTTPStatus, body: bytes, kind: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Content-Security-Policy", CSP)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)


_EXTENSIONS = ("chrome-extension://", "moz-extension://", "safari-web-extension://")


class _TooLarge(Exception):
    pass


def make_server(host: str = "127.0.0.1", port: int = DEFAULT_PORT, analyzers: Analyzers | None = None) -> Server:
    """A server bound to ``host``:``port`` (0: any free port), not yet serving."""
    return Server(host, port, analyzers or Analyzers())
