"""plainspeak serve: the API answers as the CLI does, LanguageTool clients get LanguageTool's
shape with UTF-16 offsets, and a local server refuses what a local server must."""

from __future__ import annotations

import http.client
import json
import threading
from typing import ClassVar
from urllib.parse import urlencode

import pytest

from plainspeak.server.http import MAX_BODY, make_server


@pytest.fixture(scope="module")
def server():
    srv = make_server("127.0.0.1", 0)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()


def request(server, method: str, path: str, body: bytes | str | None = None, headers: dict | None = None):
    host, port = server.server_address[:2]
    connection = http.client.HTTPConnection(host, port, timeout=60)
    data = body.encode("utf-8") if isinstance(body, str) else body
    sent = {"Host": f"127.0.0.1:{port}", **(headers or {})}
    connection.request(method, path, body=data, headers=sent)
    response = connection.getresponse()
    payload = response.read()
    connection.close()
    return response, payload


def post_json(server, path: str, fields, headers: dict | None = None):
    response, payload = request(server, "POST", path, json.dumps(fields), {"Content-Type": "application/json", **(headers or {})})
    return response.status, json.loads(payload)


def test_api_check_gives_the_clis_report(server):
    from click.testing import CliRunner

    from plainspeak.cli.app import cli

    text = "We will utilize the portal prior to your IOP intake."
    status, report = post_json(server, "/api/check", {"text": text})
    assert status == 200
    cli_report = json.loads(CliRunner().invoke(cli, ["check", "-", "--format", "json", "--isolated", "--fail-on", "never"],
                                               input=text).stdout)["reports"][0]
    assert report["findings"] == cli_report["findings"] and report["summary"] == cli_report["summary"]
    assert report["schema_version"] == "2.2"
    # The whole answer is the one line check --format jsonl gives, encoding and all (docs/server.md says so)
    jsonl = CliRunner().invoke(cli, ["check", "-", "--format", "jsonl", "--isolated", "--fail-on", "never"], input=text)
    assert report == json.loads(jsonl.stdout) and report["encoding"] == "utf-8"


def test_api_options_are_checked(server):
    status, report = post_json(server, "/api/check", {"text": "Your eligibility is the same.", "audience": "professional"})
    assert status == 200 and "eligibility" not in [f["text"] for f in report["findings"]]
    for fields, message in [({"text": 3}, "'text' must be a string"), ({"txt": "x"}, "unknown field 'txt'"),
                            ({"text": "Hi.", "audience": "kids"}, "'audience' must be one of"),
                            ({"text": "Hi.", "target_grade": "8"}, "'target_grade' must be a number"),
                            ({"text": "  "}, "the text is empty"), ({"text": "Hi.", "select": ["nonsense"]}, "nonsense")]:
        status, answer = post_json(server, "/api/check", fields)
        assert status == 400 and message in answer["error"], (fields, answer)


def test_malformed_bodies_are_400_never_500(server):
    for body in (b"{not json", b"[1, 2]", b"\xff\xfe", b""):
        response, payload = request(server, "POST", "/api/check", body, {"Content-Type": "application/json"})
        assert response.status == 400, body
        assert "Traceback" not in payload.decode("utf-8", "replace")


def test_languagetool_check_counts_offsets_as_java_does(server):
    text = "Hi 😀 Sam, we will utilize the portal."
    response, payload = request(server, "POST", "/v2/check", urlencode({"text": text, "language": "en-US"}),
                                {"Content-Type": "application/x-www-form-urlencoded"})
    assert response.status == 200
    data = json.loads(payload)
    match = next(m for m in data["matches"] if m["rule"]["subId"] == "jargon.utilize")
    utf16 = text.encode("utf-16-le")
    assert utf16[match["offset"] * 2:(match["offset"] + match["length"]) * 2].decode("utf-16-le") == "utilize"
    assert match["offset"] == text.index("utilize") + 1  # the emoji is two UTF-16 units
    assert match["replacements"] == [{"value": "use"}]
    assert {"id", "category"} <= set(match["rule"]) and match["shortMessage"] and match["context"]["text"]
    assert data["language"]["code"] == "en-US"


def test_languagetool_annotated_data_keeps_the_documents_offsets(server):
    data = json.dumps({"annotation": [{"markup": "<p>"}, {"text": "We will utilize it."}, {"markup": "</p>"}]})
    response, payload = request(server, "POST", "/v2/check", urlencode({"data": data, "language": "en-US"}),
                                {"Content-Type": "application/x-www-form-urlencoded"})
    assert response.status == 200
    match = json.loads(payload)["matches"][0]
    assert (match["offset"], match["length"]) == (len("<p>We will "), len("utilize"))


def test_languagetool_languages(server):
    response, payload = request(server, "GET", "/v2/languages")
    assert response.status == 200 and {"name": "English (US)", "code": "en", "longCode": "en-US"} in json.loads(payload)


def test_the_page_loads_nothing_from_elsewhere(server):
    response, payload = request(server, "GET", "/")
    assert response.status == 200
    policy = response.getheader("Content-Security-Policy")
    assert "default-src 'none'" in policy and "connect-src 'self'" in policy
    page = payload.decode("utf-8")
    assert "http://" not in page and "https://" not in page
    script = request(server, "GET", "/page.js")[1].decode("utf-8")
    assert "innerHTML" not in script and "textContent" in script  # the writer's text never becomes markup


def test_another_host_or_origin_is_refused(server):
    """DNS rebinding: a page elsewhere that resolves its name to 127.0.0.1 still sends its own Host."""
    response, _ = request(server, "GET", "/", headers={"Host": "evil.example"})
    assert response.status == 403
    status, answer = post_json(server, "/api/check", {"text": "Hi."}, {"Origin": "https://evil.example"})
    assert status == 403 and "other origins" in answer["error"]
    port = server.server_address[1]
    status, _ = post_json(server, "/api/check", {"text": "Hi there."}, {"Origin": f"http://127.0.0.1:{port}"})
    assert status == 200
    assert request(server, "OPTIONS", "/api/check")[0].status == 403
    extension = {"Origin": "chrome-extension://oldceeleldhonbafppcapldpdifcinji",
                 "Content-Type": "application/x-www-form-urlencoded"}
    assert request(server, "POST", "/v2/check", "text=Hi+there.&language=en-US", extension)[0].status == 200
    assert post_json(server, "/api/check", {"text": "Hi there."}, {"Origin": extension["Origin"]})[0] == 403


def test_a_body_over_the_limit_is_413(server):
    host, port = server.server_address[:2]
    connection = http.client.HTTPConnection(host, port, timeout=60)
    connection.putrequest("POST", "/api/check", skip_host=True)
    connection.putheader("Host", f"127.0.0.1:{port}")
    connection.putheader("Content-Length", str(MAX_BODY + 1))
    connection.endheaders()  # the body is never sent: the server answers from the header
    response = connection.getresponse()
    assert response.status == 413
    connection.close()


def test_unknown_paths_are_404(server):
    assert request(server, "GET", "/etc/passwd")[0].status == 404
    assert request(server, "GET", "/../README.md")[0].status == 404


def test_serve_prints_its_address_and_stops_on_sigterm():
    import signal
    import subprocess
    import sys

    proc = subprocess.Popen([sys.executable, "-m", "plainspeak", "serve", "--port", "0"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        assert line.startswith("plainspeak is serving http://127.0.0.1:"), line + proc.stderr.read()
        port = int(line.split("127.0.0.1:")[1].split("/")[0])
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        connection.request("GET", "/v2/languages")
        assert connection.getresponse().status == 200
        connection.close()
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0
        assert proc.stderr.read() == ""
    finally:
        proc.kill()


def test_a_languagetool_client_uses_plainspeak_as_its_server(server):
    """language-tool-python, LanguageTool's own Python client, pointed at plainspeak:
    its matches land on the right words (it converts Java's UTF-16 offsets back), and
    its correct() applies plainspeak's first suggestions."""
    language_tool_python = pytest.importorskip("language_tool_python")
    tool = language_tool_python.LanguageTool("en-US", remote_server=f"http://127.0.0.1:{server.server_address[1]}")
    text = "Hi 😀 Sam, we will utilize the portal prior to your visit."
    found = [(m.rule_id, text[m.offset:m.offset + m.error_length], m.replacements[0]) for m in tool.check(text)]
    assert found == [("JARGON_UTILIZE", "utilize", "use"), ("JARGON_PORTAL", "portal", "website"),
                     ("JARGON_PRIOR_TO", "prior to", "before")]
    assert tool.correct(text) == "Hi 😀 Sam, we will use the website before your visit."
    assert tool.check("  \n") == []  # blank text: no matches, as LanguageTool answers (was a KeyError)


def test_the_page_runs_in_a_real_browser(server, tmp_path):
    """Chromium loads the page from the server, its script runs under the page's
    Content-Security-Policy (it marks the page ready) and nothing else is fetched."""
    import shutil
    import subprocess

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("Chromium is not installed (Debian: apt-get install chromium; .ci/run does this)")
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
             "--disable-sync", "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=3000"]
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    dom = subprocess.run([chromium, *flags, "--dump-dom", url], capture_output=True, text=True, timeout=90).stdout
    assert 'data-ready="1"' in dom, dom[:500]
    assert 'id="draft"' in dom and "Nothing leaves this computer" in dom


def test_my_readers_know_this_word_is_saved_only_when_asked(tmp_path):
    """The accept list is written only by an explicit request, says where, and the word
    is not flagged again; nothing is written by checking."""
    from plainspeak.server.requests import Analyzers

    srv = make_server("127.0.0.1", 0, Analyzers(folder=tmp_path))
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        status, report = post_json(srv, "/api/check", {"text": "Your IOP group meets today."})
        assert status == 200 and "IOP" in [f["text"] for f in report["findings"]]
        assert not (tmp_path / ".plainspeak-accept.txt").exists()
        status, answer = post_json(srv, "/api/accept", {"word": "IOP"})
        assert status == 200 and answer == {"word": "IOP", "saved": str(tmp_path / ".plainspeak-accept.txt")}
        assert "IOP" in (tmp_path / ".plainspeak-accept.txt").read_text(encoding="utf-8").split()
        status, report = post_json(srv, "/api/check", {"text": "Your IOP group meets today."})
        assert "IOP" not in [f["text"] for f in report["findings"]]
        for bad in ({"word": "a # b"}, {"word": ""}, {"word": "x", "more": 1}, {"words": "x"}):
            assert post_json(srv, "/api/accept", bad)[0] == 400, bad
        # invisible characters are no word a reader knows: NUL, a bidi override, a byte order mark, a zero-width space
        for word in ("a\x00b", "\u202eevil", "\ufeffIOP", "IO\u200bP", "\x1b[31mred"):
            status, answer = post_json(srv, "/api/accept", {"word": word})
            assert status == 400 and "control or format characters" in answer["error"], word
        response, payload = request(srv, "POST", "/api/accept", '{"word": "\\ud800"}', {"Content-Type": "application/json"})
        assert response.status == 400 and "'word' is not valid Unicode" in json.loads(payload)["error"]
        assert post_json(srv, "/api/accept", {"word": "warm\nhandoff"}) == (200, {"word": "warm handoff", "saved": str(
            tmp_path / ".plainspeak-accept.txt")})  # a phrase across a line break: its spaces, as before
        assert "\x00" not in (tmp_path / ".plainspeak-accept.txt").read_text(encoding="utf-8")
    finally:
        srv.shutdown()
        srv.server_close()


def test_a_dropped_file_is_read_as_check_reads_it(server, tmp_path):
    from docbuilders import write_docx

    path = write_docx(tmp_path / "letter.docx", ["Hi Sam,", "We will utilize the portal."])
    response, payload = request(server, "POST", "/api/check-file?audience=general", path.read_bytes(),
                                {"X-Filename": "letter.docx", "Content-Type": "application/octet-stream"})
    assert response.status == 200
    report = json.loads(payload)
    assert report["format"] == "docx" and report["text"] == "Hi Sam,\n\nWe will utilize the portal."
    utilize = next(f for f in report["findings"] if f["rule"] == "jargon.utilize")
    assert report["text"][utilize["start"]:utilize["end"]] == "utilize" and utilize["where"] == "paragraph 2"
    cp1252 = "We will utilize the caf\u00e9.".encode("cp1252")
    report = json.loads(request(server, "POST", "/api/check-file", cp1252, {"X-Filename": "note.txt"})[1])
    assert report["encoding"] == "cp1252"
    response, payload = request(server, "POST", "/api/check-file", b"not a zip", {"X-Filename": "..%2Fbad.docx"})
    assert response.status == 400 and json.loads(payload)["error"].startswith("bad.docx: is not a valid")


def test_api_fix_gives_fixs_rewrite(server):
    from click.testing import CliRunner

    from plainspeak.cli.app import cli

    text = "We will utilize the portal prior to your visit."
    status, answer = post_json(server, "/api/fix", {"text": text})
    assert status == 200
    assert answer["text"] == CliRunner().invoke(cli, ["fix", "-", "--isolated"], input=text).stdout
    assert {(c["text"], c["replacement"]) for c in answer["changes"]} >= {("utilize", "use"), ("prior to", "before")}
    assert all(text[c["start"]:c["end"]] == c["text"] for c in answer["changes"])
    assert post_json(server, "/api/fix", {"text": text, "all": "yes"})[0] == 400


class _Browser:
    """Headless Chromium driven over its DevTools pipe (fds 3 and 4): no driver to install.

    It starts on a blank page, turns on the Network domain and only then opens ``url``,
    so every request the page makes is in ``events`` (as are all DevTools events seen)."""

    KEYS: ClassVar[dict[str, tuple[int, str]]] = {"Enter": (13, "\r"), "Tab": (9, ""), "Escape": (27, "")}

    def __init__(self, chromium: str, url: str, profile) -> None:
        import os
        import subprocess

        to_read, self._to = os.pipe()
        self._from, from_write = os.pipe()

        def pipes() -> None:
            os.dup2(to_read, 3)
            os.dup2(from_write, 4)

        self.proc = subprocess.Popen(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={profile}", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, preexec_fn=pipes,
            close_fds=False)
        os.close(to_read)
        os.close(from_write)
        self._buffer = b""
        self._id = 0
        self.events: list[dict] = []
        targets = self._call("Target.getTargets")["targetInfos"]
        page = next(t for t in targets if t["type"] == "page")
        self._session = self._call("Target.attachToTarget", {"targetId": page["targetId"], "flatten": True})["sessionId"]
        self.send("Network.enable")  # before the page loads: every request it makes is recorded
        self.send("Page.enable")
        self.send("Page.navigate", {"url": url})

    def _call(self, method: str, params: dict | None = None, session: str | None = None) -> dict:
        import os
        import time

        self._id += 1
        message = {"id": self._id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._to, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            while b"\0" in self._buffer:
                raw, self._buffer = self._buffer.split(b"\0", 1)
                answer = json.loads(raw)
                if answer.get("id") == self._id:
                    if "error" in answer:
                        raise AssertionError(f"{method}: {answer['error']}")
                    return answer.get("result", {})
                if "method" in answer:
                    self.events.append(answer)
            chunk = os.read(self._from, 65536)
            if not chunk:
                break
            self._buffer += chunk
        raise AssertionError(f"Chromium did not answer {method}")

    def send(self, method: str, params: dict | None = None) -> dict:
        """A DevTools command to the page."""
        return self._call(method, params, self._session)

    def to_browser(self, method: str, params: dict | None = None) -> dict:
        """A DevTools command to the browser itself (permissions, say)."""
        return self._call(method, params)

    def js(self, expression: str):
        result = self.send("Runtime.evaluate", {"expression": expression, "awaitPromise": True, "returnByValue": True,
                                                "userGesture": True})
        return result.get("result", {}).get("value")

    def wait_for(self, expression: str):
        import time

        for _ in range(200):
            value = self.js(expression)
            if value:
                return value
            time.sleep(0.05)
        raise AssertionError(f"never true: {expression}")

    def press(self, key: str, shift: bool = False) -> None:
        """A real key press, as the keyboard gives it: the page sees keydown, keypress (for Enter) and keyup."""
        code, text = self.KEYS[key]
        keys = {"key": key, "code": key, "windowsVirtualKeyCode": code, "nativeVirtualKeyCode": code,
                "modifiers": 8 if shift else 0}
        self.send("Input.dispatchKeyEvent", {"type": "keyDown" if text else "rawKeyDown", **keys,
                                             **({"text": text, "unmodifiedText": text} if text else {})})
        self.send("Input.dispatchKeyEvent", {"type": "keyUp", **keys})

    def type(self, text: str) -> None:
        """Text typed into whatever has the focus (the input events a keyboard's typing gives)."""
        self.send("Input.insertText", {"text": text})

    def requested(self) -> list[str]:
        """Every URL the page has asked for so far (documents, script, style, fetches, anything)."""
        self.js("1")  # a round trip: the events sent before its answer are in
        return [e["params"]["request"]["url"] for e in self.events if e["method"] == "Network.requestWillBeSent"]

    def close(self) -> None:
        import os

        self.proc.kill()
        self.proc.wait()
        os.close(self._to)
        os.close(self._from)


def test_typing_on_the_page_highlights_and_a_choice_is_put_in_place(server, tmp_path):
    """In a real browser: type a message, the findings appear highlighted in the terminal's
    colours; choose one and its suggestion is put in place; undo takes it back; text that
    looks like markup stays text."""
    import shutil

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("Chromium is not installed (Debian: apt-get install chromium; .ci/run does this)")
    browser = _Browser(chromium, f"http://127.0.0.1:{server.server_address[1]}/", tmp_path / "profile")
    try:
        browser.wait_for("document.documentElement.dataset.ready === '1'")
        _set_draft(browser, "We will utilize the portal. <img src=x onerror=alert(1)> He is an addict.")
        browser.wait_for("document.querySelectorAll('#shown mark').length >= 3")
        marks = _marks(browser)
        assert "jargon:utilize" in marks and "person-first:an addict" in marks, marks
        assert browser.js("document.querySelectorAll('#shown img').length") == 0  # the writer's text stays text
        assert "things to look at" in browser.js("document.getElementById('status').textContent")
        browser.js("document.querySelector('#shown mark.jargon').click()")
        assert browser.js("document.activeElement.textContent") == "Use \u201cuse\u201d"  # focus moves to the choices
        browser.js("document.activeElement.click()")
        assert browser.js("document.getElementById('draft').value").startswith("We will use the portal.")
        browser.wait_for("![...document.querySelectorAll('#shown mark')].some(m => m.textContent === 'utilize')")
        browser.js("document.getElementById('undo').click()")
        assert browser.js("document.getElementById('draft').value").startswith("We will utilize the portal.")
        _set_draft(browser, "Notwithstanding the aforementioned biopsychosocial considerations, comprehensive "
                            "interdisciplinary reassessment necessitates substantiation of eligibility determinations.")
        browser.wait_for("document.querySelectorAll('#shown span.hard').length === 1")  # underlined, as in the terminal
        assert browser.js("document.querySelectorAll('#shown span.hard mark').length") >= 2  # its words still marked

        # An emoji is one character in the report's offsets but two in a JavaScript string: the highlights
        # still hold exactly their words, and a suggestion still goes in place.
        _set_draft(browser, "Hi \U0001F600 Sam \U0001F44B\U0001F3FD, we will utilize the portal.")
        browser.wait_for("document.getElementById('shown').textContent.startsWith('Hi ')")
        marks = _marks(browser)
        assert "jargon:utilize" in marks and "jargon:portal" in marks, marks
        assert browser.js("document.getElementById('shown').textContent") == \
            "Hi \U0001F600 Sam \U0001F44B\U0001F3FD, we will utilize the portal."
        browser.js("[...document.querySelectorAll('#shown mark')].find(m => m.textContent === 'utilize').click()")
        browser.js("document.activeElement.click()")
        assert browser.js("document.getElementById('draft').value") == \
            "Hi \U0001F600 Sam \U0001F44B\U0001F3FD, we will use the portal."
        browser.wait_for("[...document.querySelectorAll('#shown mark')].map(m => m.textContent).join('|') === 'portal'")
    finally:
        browser.close()


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_the_pages_colours_meet_wcag_aa_contrast():
    """Text on every highlight and control colour the page uses: at least 4.5:1 (WCAG AA)."""
    import re

    from plainspeak.server.page import STYLE

    ink = re.search(r"body \{[^}]*color: (#[0-9a-f]{6})", STYLE).group(1)
    backgrounds = [*re.findall(r"mark\.[\w-]+ \{ background: (#[0-9a-f]{6})", STYLE), "#ffffff", "#fafbfd"]
    pairs = [(ink, bg) for bg in backgrounds]
    pairs += [(re.search(r"button \{[^}]*color: (#[0-9a-f]{6})", STYLE).group(1), "#ffffff"),
              (re.search(r"button:disabled \{[^}]*color: (#[0-9a-f]{6})", STYLE).group(1), "#ffffff"),
              (re.search(r"\.try \{ color: (#[0-9a-f]{6})", STYLE).group(1), "#ffffff"),
              (re.search(r"\.hint \{ color: (#[0-9a-f]{6})", STYLE).group(1), "#ffffff")]
    assert len(pairs) >= 10
    for fg, bg in pairs:
        light, dark = sorted((_luminance(fg), _luminance(bg)), reverse=True)
        assert (light + 0.05) / (dark + 0.05) >= 4.5, (fg, bg)


def test_other_methods_and_bad_request_lines_get_our_json(server):
    response, payload = request(server, "PUT", "/api/check", b"{}")
    assert response.status == 405 and json.loads(payload) == {"error": "use GET or POST"}
    assert response.getheader("Content-Security-Policy") and response.getheader("Server") == "plainspeak"


OUTREACH = ("Hi Sam, per our last session I wanted to follow up re: your IOP intake. We can utilize the warm handoff to "
            "facilitate your transition to MAT and address any barriers to engagement. Please ensure you are compliant "
            "with the treatment plan so we can maintain continuity of care.")  # the jargon issue's sample message


def _open_page(server, tmp_path) -> _Browser:
    import shutil

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("Chromium is not installed (Debian: apt-get install chromium; .ci/run does this)")
    browser = _Browser(chromium, f"http://127.0.0.1:{server.server_address[1]}/", tmp_path / "profile")
    browser.wait_for("document.documentElement.dataset.ready === '1'")
    return browser


def _set_draft(browser: _Browser, text: str) -> None:
    """Put ``text`` in the message box as a paste would, and let the page check it."""
    browser.js(f"(() => {{ const d = document.getElementById('draft'); d.value = {json.dumps(text)};"
               " d.dispatchEvent(new Event('input')); })()")


def _marks(browser: _Browser) -> list[str]:
    """Each highlight on the page as 'kind:words'."""
    return browser.js("[...document.querySelectorAll('#shown mark')].map(m => m.className + ':' + m.textContent)")


def _type_the_outreach_message(browser: _Browser) -> list[str]:
    """Typed into the box; the highlights the page shows once it has checked it."""
    browser.js("document.getElementById('draft').focus()")
    browser.type(OUTREACH)
    browser.wait_for("document.querySelectorAll('#shown mark').length >= 12")
    return _marks(browser)


def test_the_outreach_message_by_keyboard_copied_and_nothing_asked_of_elsewhere(server, tmp_path):
    """The issue's browser test: type the sample outreach message, see its highlights, put a
    suggestion in place with the keyboard alone, copy the text, and the page asked nothing of
    any origin but plainspeak's own."""
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    browser = _open_page(server, tmp_path)
    try:
        browser.to_browser("Browser.grantPermissions", {"origin": origin,
                                                        "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]})
        marks = _type_the_outreach_message(browser)
        assert {"jargon:utilize", "jargon:facilitate", "jargon:warm handoff", "jargon:barriers to engagement",
                "jargon:ensure", "acronym:IOP", "acronym:MAT", "person-first:compliant"} <= set(marks), marks
        assert browser.js("document.querySelectorAll('#shown span.hard').length") == 2  # both long sentences
        assert "16 things to look at" in browser.js("document.getElementById('status').textContent")

        for _ in range(20):  # Tab from the box to the highlight, as a keyboard user would
            browser.press("Tab")
            if browser.js("document.activeElement.textContent") == "utilize":
                break
        assert browser.js("document.activeElement.getAttribute('aria-label')") == "jargon: utilize, choose for suggestions"
        browser.press("Enter")
        assert browser.js("document.activeElement.textContent") == "Use \u201cuse\u201d"  # focus moves to the choices
        assert browser.js("document.activeElement.parentElement.getAttribute('aria-label')") == "Suggestions for \u201cutilize\u201d"
        browser.press("Enter")
        changed = OUTREACH.replace("utilize", "use")
        assert browser.js("document.getElementById('draft').value") == changed
        assert browser.js("document.activeElement.id") == "draft"  # back to writing
        browser.wait_for("![...document.querySelectorAll('#shown mark')].some(m => m.textContent === 'utilize')")
        assert browser.js("document.getElementById('status').textContent").startswith(  # read out with the new verdict
            "Changed \u201cutilize\u201d to \u201cuse\u201d. Reading grade")

        browser.press("Tab")
        browser.press("Tab")  # past Undo, now that there is something to undo
        assert browser.js("document.activeElement.id") == "copy"
        browser.press("Enter")
        browser.wait_for("document.getElementById('status').textContent === 'Copied the text.'")
        assert browser.js("navigator.clipboard.readText()") == changed
        # Off a secure origin (served with --host) there is no Clipboard API: the older way copies the selected text.
        browser.js("navigator.clipboard.writeText('').then(() => { document.getElementById('status').textContent = '';"
                   " navigator.clipboard.writeText = () => Promise.reject(new TypeError('no Clipboard API')); })")
        browser.js("document.getElementById('copy').focus()")
        browser.press("Enter")
        browser.wait_for("document.getElementById('status').textContent === 'Copied the text.'")
        assert browser.js("navigator.clipboard.readText()") == changed

        requested = browser.requested()
        assert {f"{origin}/", f"{origin}/page.js", f"{origin}/page.css", f"{origin}/api/check"} <= set(requested)
        assert all(url.startswith(origin + "/") for url in requested), requested
        assert not [e for e in browser.events if e["method"].startswith("Network.webSocket")]
    finally:
        browser.close()


def test_the_page_fits_a_phone(server, tmp_path):
    """At a phone's width (375 CSS pixels) the page, with the message and its highlights, never
    scrolls sideways, not even for a word too long for the line (a link, a reference number)."""
    browser = _open_page(server, tmp_path)
    try:
        browser.send("Emulation.setDeviceMetricsOverride", {"width": 375, "height": 740, "deviceScaleFactor": 2,
                                                            "mobile": True})
        browser.wait_for("window.innerWidth === 375")
        _type_the_outreach_message(browser)
        browser.type(" Your referral: https://clinic.example/referral?id=20240001234567890000123456789ABCDEF")
        browser.wait_for("document.getElementById('shown').textContent.includes('ABCDEF')")
        browser.js("document.querySelector('#shown mark').click()")  # and the suggestions open
        assert browser.js("document.getElementById('choice').hidden") is False
        # A phone widens its layout to fit what is too wide (then the page is zoomed out, or scrolls): not here.
        widths = browser.js("[document.documentElement.scrollWidth, window.innerWidth]")
        assert widths[0] <= widths[1] == 375, widths
        wide = browser.js("[...document.querySelectorAll('main *')].filter(e => e.scrollWidth > e.clientWidth + 1 "
                          "|| e.getBoundingClientRect().right > 375.5).map(e => e.tagName + '#' + e.id)")
        assert wide == [], wide
    finally:
        browser.close()


def test_every_control_has_a_name_for_screen_readers(server, tmp_path):
    """Chromium's accessibility tree: every control the keyboard reaches (the highlights and
    the suggestions too) has a name; the status line is a polite live region; Escape closes the
    suggestions and puts the focus back on the highlight."""
    browser = _open_page(server, tmp_path)
    try:
        _type_the_outreach_message(browser)
        browser.js("document.querySelector('#shown mark').focus()")
        browser.press("Enter")  # the suggestions are open: their buttons are in the tree too
        assert browser.js("document.getElementById('choice').hidden") is False
        nodes = [n for n in browser.send("Accessibility.getFullAXTree")["nodes"] if not n.get("ignored")]
        controls = [n for n in nodes if n.get("role", {}).get("value") in
                    ("button", "textbox", "combobox", "spinbutton", "checkbox", "radio", "link", "slider", "menuitem")]
        unnamed = [(n["role"]["value"], n.get("backendDOMNodeId")) for n in controls
                   if not str(n.get("name", {}).get("value", "")).strip()]
        assert unnamed == []
        names = [n["name"]["value"] for n in controls]
        focusable = browser.js("document.querySelectorAll('button:not([disabled]), select, input, textarea, "
                               "[tabindex]:not([tabindex=\"-1\"])').length")
        assert len(controls) >= focusable  # each one the keyboard reaches is a named control
        assert {"Readers", "Target grade", "Copy the text", "Undo", "Close"} <= set(names), names
        assert any(name.startswith("Your message") for name in names)
        assert "jargon: per our last session, choose for suggestions" in names and "acronym: IOP, choose for suggestions" in names
        assert "stigmatising: compliant, choose for suggestions" in names
        live = [n for n in nodes if n.get("role", {}).get("value") == "status"]
        assert live and any(p["name"] == "live" and p["value"]["value"] == "polite" for p in live[0].get("properties", []))

        assert browser.js("document.querySelector('#shown mark').getAttribute('aria-expanded')") == "true"
        browser.press("Escape")
        assert browser.js("document.getElementById('choice').hidden") is True
        assert browser.js("document.activeElement.textContent") == "per our last session"  # back on the highlight
        assert browser.js("document.activeElement.getAttribute('aria-expanded')") == "false"
    finally:
        browser.close()


def test_the_servers_analyzers_are_rebuilt_when_spacy_has_met_too_many_words(monkeypatch):
    """Memory stays flat: past MAX_VOCAB words the analyzers are built afresh, and the
    answers stay the same."""
    from plainspeak.config.effective import Overrides
    from plainspeak.server import requests

    analyzers = requests.Analyzers(Overrides(isolated=True))
    text = "We will utilize the portal prior to your IOP intake."
    first = analyzers.report(text, Overrides()).to_dict()
    monkeypatch.setattr(requests, "MAX_VOCAB", 0)
    again = analyzers.report(text, Overrides()).to_dict()
    assert not analyzers._sessions  # dropped: the next request builds new ones
    assert analyzers.report(text, Overrides()).to_dict() == first == again


def test_word_memos_are_bounded_and_still_right(monkeypatch):
    """The components' per-word memos (arrays.per_distinct) start again past MEMO_LIMIT."""
    import numpy

    from plainspeak.pipeline.components import arrays

    monkeypatch.setattr(arrays, "MEMO_LIMIT", 3)
    memo: dict = {}
    for values in ([1, 2, 3, 4, 5], [5, 6, 7, 1], [9, 9, 8]):
        out = arrays.per_distinct(numpy.array(values), lambda v: v * 10, memo, numpy.int64)
        assert out.tolist() == [v * 10 for v in values]
        assert len(memo) <= 3 + len(set(values))


def _form(server, path: str, body: str, content_type: str = "application/x-www-form-urlencoded", method: str = "POST"):
    response, payload = request(server, method, path, body, {"Content-Type": content_type})
    return response, payload.decode("utf-8")


def test_ltex_s_form_labelled_json_is_read_as_a_form(server):
    """LTeX (ltex-ls, LanguageToolHttpInterface.kt) posts a URL-encoded form with
    ``Content-Type: application/json``; LanguageTool does not look at the label, nor does plainspeak."""
    from urllib.parse import quote_plus

    data = json.dumps({"annotation": [{"markup": "\\textbf{"}, {"text": "We will utilize the portal."},
                                      {"markup": "}"}]}, separators=(",", ":"))
    entries = {"language": "en-US", "data": data, "motherTongue": "de-DE", "level": "picky",
               "enabledRules": "SOME_RULE,OTHER_RULE"}
    body = "&".join(f"{quote_plus(k)}={quote_plus(v, safe='*')}" for k, v in entries.items())  # Java's URLEncoder
    response, payload = _form(server, "/v2/check", body, "application/json")
    assert response.status == 200, payload
    matches = {m["rule"]["id"]: (m["offset"], m["length"]) for m in json.loads(payload)["matches"]}
    assert matches["JARGON_UTILIZE"] == (len("\\textbf{We will "), len("utilize"))
    # a body that is a JSON object is still read as one
    response, payload = _form(server, "/v2/check", json.dumps({"text": "We will utilize it.", "language": "en-US"}),
                              "application/json")
    assert response.status == 200 and json.loads(payload)["matches"][0]["rule"]["id"] == "JARGON_UTILIZE"


def test_requests_that_used_to_be_500s_are_400s_with_a_message(server):
    cases = [  # (path, raw body, content type, what the message says)
        ("/api/check", '{"text": "We utilize \\ud800 it."}', "application/json", "'text' is not valid Unicode"),
        ("/api/fix", '{"text": "We utilize \\udfff it."}', "application/json", "'text' is not valid Unicode"),
        ("/api/check", '{"text": "Hi.", "accept": ["\\ud83d"]}', "application/json", "'accept' is not valid Unicode"),
        ("/v2/check", '{"text": "We utilize \\ud800 it."}', "application/json", "'text' is not valid Unicode"),
        ("/v2/check", urlencode({"data": '{"annotation": [{"text": "We \\ud800 it."}]}'}),
         "application/x-www-form-urlencoded", "'data' is not valid Unicode"),
        ("/api/check", json.dumps({"text": "Hi.", "max_sentence_words": 10**32}), "application/json",
         "'max_sentence_words' must be a whole number from 1 to 10,000"),
        ("/api/check", '{"text": "hi", "accept": ' + "[" * 100_000 + "]" * 100_000 + "}", "application/json",
         "nested too deeply"),
        ("/v2/check", '{"text": "hi", "x": ' + "[" * 100_000 + "]" * 100_000 + "}", "application/json", "nested too deeply"),
        ("/v2/check", "&".join(f"f{i}=x" for i in range(101)) + "&text=hi", "application/x-www-form-urlencoded",
         "too many form fields (at most 100)"),
        ("/v2/check", json.dumps({"data": {"annotation": [{"text": "We utilize it."}]}}), "application/json",
         "'data' must be a string"),
        ("/v2/check", "data=" + "[" * 100_000 + "]" * 100_000, "application/x-www-form-urlencoded",
         "'data' must be JSON"),
    ]
    for path, body, kind, message in cases:
        response, payload = _form(server, path, body, kind)
        assert response.status == 400 and message in payload, (path, body[:80], payload)
    # a huge number is refused before it reaches the analysis; the largest allowed one works
    assert post_json(server, "/api/check", {"text": "Hi there.", "max_sentence_words": 10_000})[0] == 200


def test_languagetool_check_by_get(server):
    """LanguageTool serves GET /v2/check with the fields in the query string, as POST."""
    query = urlencode({"text": "Hi 😀, we will utilize it.", "language": "en-US"})
    response, payload = request(server, "GET", "/v2/check?" + query)
    assert response.status == 200
    posted = _form(server, "/v2/check", query)[1]
    assert json.loads(payload) == json.loads(posted) and json.loads(payload)["matches"][0]["offset"] == 15


def test_languagetool_blank_text_is_no_matches(server):
    """As LanguageTool answers: 200 and no matches (language-tool-python reads 'matches' from any answer)."""
    data = json.dumps({"annotation": [{"markup": "<p>"}, {"text": " \n "}, {"markup": "</p>"}]})
    for body in ("text=&language=en-US", "text=+%0A+&language=en-US", urlencode({"data": data, "language": "en-US"})):
        response, payload = _form(server, "/v2/check", body)
        answer = json.loads(payload)
        assert response.status == 200 and answer["matches"] == [], body
        assert answer["software"]["name"] == "plainspeak" and answer["language"]["code"] == "en-US"
    response, payload = request(server, "GET", "/v2/check?text=%20&language=auto")
    assert response.status == 200 and json.loads(payload)["matches"] == []


def test_languagetool_checks_english_only_and_says_so(server):
    """Another language is LanguageTool's 400 for a language it lacks, as plain text (LanguageTool's
    errors are text, which its clients show); ``auto`` is English; the answer names what was checked."""
    response, payload = _form(server, "/v2/check", urlencode({"text": "Wir utilize das Portal.", "language": "de-DE"}))
    assert response.status == 400 and response.getheader("Content-Type").startswith("text/plain")
    assert payload.startswith("Error: ") and "'de-DE'" in payload and "English only" in payload
    for language, code in (("auto", "en-US"), ("en", "en-US"), ("en-GB", "en-GB"), ("en_US", "en-US"), ("EN-AU", "en-US")):
        response, payload = _form(server, "/v2/check", urlencode({"text": "We will utilize it.", "language": language}))
        answer = json.loads(payload)
        assert response.status == 200 and answer["language"]["code"] == code and answer["matches"], language
        assert answer["language"]["name"].startswith("English")
    response, payload = _form(server, "/v2/check", json.dumps({"text": "Hi.", "language": 5}), "application/json")
    assert response.status == 400 and "'language' must be a language code" in payload


def test_languagetool_clients_can_turn_rules_off(server):
    """disabledRules and disabledCategories by LanguageTool's ids or plainspeak's own (a rule or its family);
    enabledOnly keeps only the rules named; LanguageTool's own rule ids are ignored."""
    text = "We will utilize the portal prior to your IOP intake."

    def rules(**fields):
        response, payload = _form(server, "/v2/check", urlencode({"text": text, "language": "en-US", **fields}))
        assert response.status == 200, payload
        return [m["rule"]["id"] for m in json.loads(payload)["matches"]]

    every = rules()
    assert {"JARGON_UTILIZE", "JARGON_PORTAL", "JARGON_PRIOR_TO"} <= set(every)
    assert rules(disabledRules="JARGON_UTILIZE,UPPERCASE_SENTENCE_START") == [r for r in every if r != "JARGON_UTILIZE"]
    assert rules(disabledRules="jargon.portal") == [r for r in every if r != "JARGON_PORTAL"]
    assert not [r for r in rules(disabledRules="jargon") if r.startswith("JARGON_")]
    assert not [r for r in rules(disabledCategories="PLAINSPEAK_JARGON") if r.startswith("JARGON_")]
    assert rules(enabledOnly="true", enabledRules="JARGON_PORTAL,jargon.prior-to") == ["JARGON_PORTAL", "JARGON_PRIOR_TO"]
    assert rules(enabledRules="JARGON_PORTAL") == every  # without enabledOnly: every rule is on already
    response, payload = _form(server, "/v2/check", urlencode({"text": text, "enabledOnly": "true"}))
    assert response.status == 400 and "'enabledOnly' needs 'enabledRules'" in payload


def test_only_this_servers_own_origin_is_own(server):
    """Another web server on this machine (http://localhost, port 80, or another port) is another origin."""
    port = server.server_address[1]
    for origin in ("http://localhost", "http://127.0.0.1", "http://[::1]", "http://localhost:1", f"https://127.0.0.1:{port}",
                   f"http://127.0.0.1:{port + 1}", f"http://evil.example:{port}", f"http://127.0.0.1:{port}.evil.example"):
        status, answer = post_json(server, "/api/check", {"text": "Hi there."}, {"Origin": origin})
        assert status == 403 and "other origins" in answer["error"], origin
    for origin in (f"http://127.0.0.1:{port}", f"http://localhost:{port}", f"http://[::1]:{port}/"):
        assert post_json(server, "/api/check", {"text": "Hi there."}, {"Origin": origin})[0] == 200, origin


def _raw(address: tuple, data: bytes, timeout: float = 30) -> bytes:
    import socket

    with socket.create_connection(address[:2], timeout=timeout) as connection:
        connection.sendall(data)
        chunks = []
        while chunk := connection.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def test_on_every_address_the_machines_names_are_its_own():
    """--host 0.0.0.0: loopback names, this machine's name and the address a client reached, with the
    server's port; no other name, no Host at all, not the wildcard address itself."""
    import socket

    from plainspeak.server.http import Handler

    srv = make_server("0.0.0.0", 0)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        port = srv.server_address[1]
        assert srv.origin == f"http://127.0.0.1:{port}"  # what serve prints and --open opens: a name it answers

        def status(host: str | None, address: str = "127.0.0.1") -> int:
            line = "GET /v2/languages HTTP/1.1\r\n" + (f"Host: {host}\r\n" if host is not None else "")
            return int(_raw((address, port), (line + "Connection: close\r\n\r\n").encode()).split()[1])

        for host in (f"127.0.0.1:{port}", f"localhost:{port}", f"LOCALHOST:{port}", f"[::1]:{port}",
                     f"{socket.gethostname()}:{port}"):
            assert status(host) == 200, host
        for host in (f"192.168.1.20:{port}", f"0.0.0.0:{port}", f"evil.example:{port}", "localhost", f"localhost:{port + 1}",
                     "", None):
            assert status(host) == 403, host

        # The address the client reached (the machine's LAN address, which the tests may not connect to) is its own.
        class Reached:
            def __init__(self, *address) -> None:
                self.address = address

            def getsockname(self):
                return self.address

        def own(netloc: str, *reached) -> bool:
            handler = Handler.__new__(Handler)
            handler.server, handler.connection = srv, Reached(*reached)
            return handler._names_this_server(netloc)

        assert own(f"192.168.1.20:{port}", "192.168.1.20", port)
        assert own(f"192.168.1.20:{port}", "::ffff:192.168.1.20", port, 0, 0)  # IPv4 on an IPv6 socket ("::")
        assert own(f"[fe80::1]:{port}", "fe80::1", port, 0, 0)
        assert not own(f"192.168.1.21:{port}", "192.168.1.20", port)
        assert not own(f"192.168.1.20:{port + 1}", "192.168.1.20", port)
        assert not own("192.168.1.20", "192.168.1.20", port)
    finally:
        srv.shutdown()
        srv.server_close()
    srv = make_server("", 0)  # "" is every address too: a missing Host is still refused
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        answer = _raw(("127.0.0.1", srv.server_address[1]), b"GET /v2/languages HTTP/1.1\r\nConnection: close\r\n\r\n")
        assert answer.startswith(b"HTTP/1.0 403")
    finally:
        srv.shutdown()
        srv.server_close()


def test_an_ipv6_address_can_be_served():
    try:
        srv = make_server("::1", 0)
    except OSError:
        pytest.skip("no IPv6 here")
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        port = srv.server_address[1]
        assert srv.origin == f"http://[::1]:{port}"
        line = f"GET /v2/languages HTTP/1.1\r\nHost: [::1]:{port}\r\nConnection: close\r\n\r\n"
        answer = _raw(srv.server_address, line.encode())
        assert answer.startswith(b"HTTP/1.0 200")
    finally:
        srv.shutdown()
        srv.server_close()


def test_many_clients_at_once_are_queued_not_reset():
    from plainspeak.server.http import Server

    assert Server.request_queue_size >= 128


def test_a_client_that_goes_away_leaves_nothing_on_stderr(server, capsys):
    """A closed tab or a cancelled check (the connection reset mid-request): no traceback, no client address."""
    import socket
    import struct
    import time

    from plainspeak.server.http import Server

    port = server.server_address[1]
    body = json.dumps({"text": "We will utilize the portal prior to your visit. " * 150}).encode()
    head = (f"POST /api/check HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\n\r\n").encode()
    for data in (head + body, head + body[:100], f"GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode()):
        for _ in range(3):
            connection = socket.create_connection(("127.0.0.1", port))
            connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # reset on close
            connection.sendall(data)
            connection.close()
    time.sleep(0.3)
    assert post_json(server, "/api/check", {"text": "Hi there."})[0] == 200  # after the others' analyses
    time.sleep(0.3)
    for error in (ConnectionResetError(), BrokenPipeError(), TimeoutError()):
        try:
            raise error
        except OSError:
            Server.handle_error(server, None, ("127.0.0.1", 1234))
    captured = capsys.readouterr()
    assert captured.err == "" and captured.out == ""


def test_a_client_that_stalls_gets_408(server, monkeypatch):
    from plainspeak.server.http import Handler

    monkeypatch.setattr(Handler, "timeout", 0.3)
    port = server.server_address[1]
    answer = _raw(server.server_address, (f"POST /api/check HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
                                          "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"text\"").encode())
    assert answer.startswith(b"HTTP/1.0 408") and b"not sent within" in answer and b"bug" not in answer


def test_head_answers_as_get_without_the_body(server):
    for path in ("/", "/page.js", "/page.css", "/v2/languages"):
        got, body = request(server, "GET", path)
        head, nothing = request(server, "HEAD", path)
        assert head.status == 200 and nothing == b"", path
        assert head.getheader("Content-Length") == str(len(body))
        assert head.getheader("Content-Type") == got.getheader("Content-Type")
    assert request(server, "HEAD", "/nothing-here")[0].status == 404
    response, _ = request(server, "DELETE", "/")
    assert response.status == 405 and response.getheader("Allow") == "GET, HEAD, POST"
