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

import contextlib
import json
import socket
import sys
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from .requests import Analyzers, RequestError, first_invalid_field, overrides, text_of

DEFAULT_PORT = 8765
MAX_BODY = 1_000_000  # bytes: far above any message, far below what would hurt
MAX_FILE = 20_000_000  # a dropped document (a Word file with pictures), as check's default --max-bytes
MAX_FIELDS = 100  # form fields in one request (LanguageTool's clients send about ten)
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
LOOPBACK = frozenset({"localhost", "127.0.0.1", "[::1]"})
WILDCARD = frozenset({"0.0.0.0", "::", ""})  # every address of this machine
ALLOW = "GET, HEAD, POST"


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # socketserver's 5 resets connections when an editor sends many checks at once

    def __init__(self, host: str, port: int, analyzers: Analyzers) -> None:
        if ":" in host:
            self.address_family = socket.AF_INET6
        super().__init__((host, port), Handler)
        self.analyzers = analyzers
        self.lock = threading.Lock()  # one analysis at a time: spaCy pipelines are not meant to be shared across threads
        self.wildcard = host in WILDCARD
        self.host_names = _host_names(host)
        self._fqdn: str | None = None

    def server_bind(self) -> None:
        if self.address_family == socket.AF_INET6:
            with contextlib.suppress(OSError):  # "::" answers IPv4 too, where the system allows it
                self.socket.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
        super().server_bind()

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    @property
    def origin(self) -> str:
        """The address to give the writer: loopback for a server on every address."""
        host = str(self.server_address[0])
        if self.wildcard:
            host = "[::1]" if self.address_family == socket.AF_INET6 else "127.0.0.1"
        elif ":" in host:
            host = f"[{host}]"
        return f"http://{host}:{self.port}"

    @property
    def fqdn(self) -> str:
        """This machine's full name (looked up once, and only when a client uses a name it does not know)."""
        if self._fqdn is None:
            self._fqdn = socket.getfqdn().lower()
        return self._fqdn

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that went away (a closed tab, a cancelled check) is no error; anything
        else is one line, never a traceback, the client's address or its text."""
        error = sys.exc_info()[1]
        if isinstance(error, (ConnectionError, TimeoutError)):
            return
        sys.stderr.write(f"plainspeak: a request failed ({type(error).__name__}): a bug, please report it\n")


def _host_names(host: str) -> frozenset[str]:
    """The names a Host header may give for a server bound to ``host`` (the port apart)."""
    if host in WILDCARD:  # plus, per request, the address the client reached (see Handler._names_this_server)
        hostname = socket.gethostname().lower()
        names = {*LOOPBACK, hostname, f"{hostname}.local"}
    elif host.lower() in ("127.0.0.1", "localhost", "::1"):
        names = set(LOOPBACK)
    else:
        names = {host.lower()}
    return frozenset(f"[{n}]" if ":" in n and not n.startswith("[") else n for n in names if n)


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
        self._answer(self._get)

    def do_HEAD(self) -> None:  # GET's answer, headers only (_send leaves the body out)
        self._answer(self._get)

    def do_POST(self) -> None:
        self._answer(self._post)

    def _other_method(self) -> None:
        self._error(HTTPStatus.METHOD_NOT_ALLOWED, "use GET or POST", {"Allow": ALLOW})

    do_PUT = do_DELETE = do_PATCH = _other_method

    def _answer(self, route) -> None:
        """Run ``route`` for the request's path: every failure is an answer with a message
        (or, for a client that has gone, silence), never a traceback."""
        if not self._guarded():
            return
        try:
            route(urlsplit(self.path).path)
        except RequestError as err:
            self._error(HTTPStatus.BAD_REQUEST, str(err))
        except _TooLarge:
            self._error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "the request is over the size limit "
                        f"({MAX_BODY:,} bytes; a dropped file {MAX_FILE:,})")
        except ConnectionError:  # the client went away (a closed tab, a cancelled check): no one to answer
            self.close_connection = True
        except TimeoutError:  # the client stopped sending mid-request
            self.close_connection = True
            self._last_word(HTTPStatus.REQUEST_TIMEOUT, f"the request was not sent within {self.timeout} seconds")
        except Exception:  # a bug: a plain 500, never a traceback (nor the text) in the response
            self.close_connection = True
            self._last_word(HTTPStatus.INTERNAL_SERVER_ERROR, "internal error (a bug: please report it)")

    def _last_word(self, status: HTTPStatus, message: str) -> None:
        """An error answer on a connection that may be broken: if it cannot be sent, nothing more."""
        with contextlib.suppress(OSError):
            self._error(status, message)

    def _get(self, path: str) -> None:
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
        elif path == "/v2/check":  # LanguageTool takes its fields in the query string too
            self._v2_check(self._form(urlsplit(self.path).query))
        else:
            self._error(HTTPStatus.NOT_FOUND, "not found")

    def _post(self, path: str) -> None:
        from ..report import SCHEMA_VERSION

        if path == "/api/check":
            fields = self._json_body()
            options = overrides(fields, ignore=("text", "name"))
            report = self._analyze(text_of(fields, "text"), options, str(fields.get("name", "-")))
            # the text came as JSON, so UTF-8: the report check --format jsonl gives for it
            self._json(HTTPStatus.OK, {"schema_version": SCHEMA_VERSION, **report.to_dict(), "encoding": "utf-8"})
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

            query = {k: v[0] for k, v in self._form(urlsplit(self.path).query, lists=True).items() if v[0]}
            if "target_grade" in query:
                try:
                    query["target_grade"] = float(query["target_grade"])
                except ValueError:
                    raise RequestError("'target_grade' must be a number from 0 to 30") from None
            options = overrides(query)
            source = read_upload(unquote(self.headers.get("X-Filename") or ""), self._body(MAX_FILE), MAX_FILE)
            report = self._analyze(source.text, options, source.source.name, source)
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
            self._v2_check(self._form_body())
        else:
            self._error(HTTPStatus.NOT_FOUND, "not found")

    def _v2_check(self, fields: dict[str, Any]) -> None:
        """LanguageTool's check: English only, blank text is no matches (as LanguageTool
        answers), and the rules a client turns off stay off."""
        from .languagetool import check_response, language_of, rule_filter, text_of_data

        language = language_of(fields.get("language"))
        keep = rule_filter(fields)
        if "data" in fields and "text" not in fields:
            text = text_of_data(fields["data"])
        else:
            text = text_of(fields, "text", "data")
        findings = self._analyze(text, overrides({})).findings if text.strip() else []
        self._json(HTTPStatus.OK, check_response(text, findings, language, keep))

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
        if not self._names_this_server(host):
            self._error(HTTPStatus.FORBIDDEN, "unknown Host: this server answers only requests addressed to it")
            return False
        origin = (self.headers.get("Origin") or "").rstrip("/").lower()
        # Only this server's own scheme://host:port: another web server on this machine (http://localhost,
        # port 80) is another origin.
        own = origin.startswith("http://") and self._names_this_server(origin[len("http://"):])
        # A browser add-on (LanguageTool's) sends its extension's origin; web pages cannot send one of these.
        extension = origin.startswith(_EXTENSIONS) and urlsplit(self.path).path.startswith("/v2/")
        if origin and not own and not extension:
            self._error(HTTPStatus.FORBIDDEN, "requests from other origins are refused")
            return False
        return True

    def _names_this_server(self, netloc: str) -> bool:
        """Whether ``netloc`` (a Host header, or an Origin's host and port) is this server:
        one of its names, with its port (left out only when that is 80)."""
        if netloc.endswith("]") or ":" not in netloc:
            name, port = netloc, "80"
        else:
            name, _, port = netloc.rpartition(":")
        if not name or port != str(self.server.port):
            return False
        if name in self.server.host_names:
            return True
        if not self.server.wildcard:
            return False
        # Bound to every address: also the address the client reached (the machine's LAN address, say).
        local = str(self.connection.getsockname()[0]).lower()
        reached = {local.removeprefix("::ffff:")} if "." in local else {f"[{local}]"}
        return name in reached or name == self.server.fqdn

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
        body = self._body()
        try:
            fields = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise RequestError("the body must be a JSON object, in UTF-8") from None
        except RecursionError:
            raise RequestError("the body's JSON is nested too deeply") from None
        if not isinstance(fields, dict):
            raise RequestError("the body must be a JSON object")
        invalid = first_invalid_field(fields)
        if invalid is not None:
            raise RequestError(f"'{invalid}' is not valid Unicode (it has a lone surrogate)")
        return fields

    def _form_body(self) -> dict[str, Any]:
        """LanguageTool's form fields (and the query string's). The body is a form whatever
        its Content-Type says (LTeX labels its form ``application/json``, and LanguageTool
        does not look); only a body that is a JSON object is read as JSON."""
        try:
            decoded = self._body().decode("utf-8")
        except UnicodeDecodeError:
            raise RequestError("the form must be UTF-8") from None
        if decoded.lstrip().startswith("{"):
            try:
                fields = json.loads(decoded)
            except ValueError:
                raise RequestError("the body must be a JSON object") from None
            except RecursionError:
                raise RequestError("the body's JSON is nested too deeply") from None
            if not isinstance(fields, dict):
                raise RequestError("the body must be a JSON object")
            invalid = first_invalid_field(fields)
            if invalid is not None:
                raise RequestError(f"'{invalid}' is not valid Unicode (it has a lone surrogate)")
            return {str(k): v for k, v in fields.items()}
        query = urlsplit(self.path).query
        return self._form(decoded + ("&" + query if query and decoded else query))

    @staticmethod
    def _form(data: str, lists: bool = False) -> dict[str, Any]:
        """Form fields (the first value of each, or every value with ``lists``)."""
        try:
            parsed = parse_qs(data, keep_blank_values=True, max_num_fields=MAX_FIELDS)
        except ValueError:
            raise RequestError(f"too many form fields (at most {MAX_FIELDS})") from None
        return dict(parsed) if lists else {k: v[0] for k, v in parsed.items()}

    def _analyze(self, text: str, options, name: str = "-", source=None):
        if not text.strip():
            raise RequestError("the text is empty")
        with self.server.lock:
            return self.server.analyzers.report(text, options, name, source)

    # --- responses

    def _json(self, status: HTTPStatus, data: Any) -> None:
        try:
            body = json.dumps(data, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate that got past the checks: escaped, still valid JSON
            body = json.dumps(data).encode("ascii")
        self._send(status, body, "application/json; charset=utf-8")

    def _error(self, status: HTTPStatus, message: str, headers: dict[str, str] | None = None) -> None:
        if urlsplit(getattr(self, "path", "") or "").path.startswith("/v2/"):
            # LanguageTool's errors are plain text, which its clients show (a JSON body they would read as matches)
            body = f"Error: {message}\n".encode("utf-8", "replace")
            self._send(status, body, "text/plain; charset=utf-8", headers)
        else:
            self._send(status, json.dumps({"error": message}, ensure_ascii=False).encode("utf-8", "replace"),
                       "application/json; charset=utf-8", headers)

    def _send(self, status: HTTPStatus, body: bytes, kind: str, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Content-Security-Policy", CSP)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Cache-Control", "no-store")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if getattr(self, "command", "") != "HEAD":
            self.wfile.write(body)


_EXTENSIONS = ("chrome-extension://", "moz-extension://", "safari-web-extension://")


class _TooLarge(Exception):
    pass


def make_server(host: str = "127.0.0.1", port: int = DEFAULT_PORT, analyzers: Analyzers | None = None) -> Server:
    """A server bound to ``host``:``port`` (0: any free port), not yet serving."""
    return Server(host, port, analyzers or Analyzers())
