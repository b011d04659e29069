"""Make docs/serve.png: the serve page with the jargon issue's sample message typed and highlighted.

    python tools/serve_screenshot.py [OUT.png] [--chromium PATH]

Drives the system's Chromium the way the browser tests do (tests/test_server.py),
against a server on a free loopback port, at 1000x900.
"""

from __future__ import annotations

import argparse
import base64
import shutil
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", default=str(ROOT / "docs" / "serve.png"))
    parser.add_argument("--chromium", default=shutil.which("chromium") or shutil.which("chromium-browser"))
    args = parser.parse_args()
    if not args.chromium:
        sys.exit("Chromium not found (Debian: apt-get install chromium)")
    sys.path.insert(0, str(ROOT / "tests"))
    from plainspeak.server.http import make_server
    from test_server import OUTREACH, _Browser

    server = make_server("127.0.0.1", 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    browser = _Browser(args.chromium, f"http://127.0.0.1:{server.server_address[1]}/", Path(tempfile.mkdtemp()) / "p")
    try:
        browser.send("Emulation.setDeviceMetricsOverride", {"width": 1000, "height": 900, "deviceScaleFactor": 1, "mobile": False})
        browser.wait_for("document.documentElement.dataset.ready === '1'")
        browser.js("document.getElementById('draft').focus()")
        browser.type(OUTREACH)
        browser.wait_for("document.querySelectorAll('#shown mark').length >= 12")
        browser.js("document.activeElement.blur()")
        browser.send("Emulation.setScrollbarsHidden", {"hidden": True})
        browser.wait_for("document.fonts.status === 'loaded'")
        Path(args.out).write_bytes(base64.b64decode(browser.send("Page.captureScreenshot", {"format": "png"})["data"]))
        print(f"wrote {args.out}")
    finally:
        browser.close()
        server.shutdown()


if __name__ == "__main__":
    main()
