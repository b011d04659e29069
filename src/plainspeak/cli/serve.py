"""``plainspeak serve``: a private page and API on this machine."""

from __future__ import annotations

import click

from ..exitcode import ExitCode, done

SERVE_EPILOG = """\b
Examples:
  plainspeak serve                 # http://127.0.0.1:8765: paste a message, see what to change
  plainspeak serve --open          # and open it in the browser
  plainspeak serve --port 8081

\b
The API (docs/server.md): POST /api/check with JSON {"text": ..., "audience": ...}
returns check's JSON report, POST /api/fix fix's rewrite; POST /v2/check and
GET /v2/languages answer as LanguageTool's server does, so LanguageTool
clients can use plainspeak.

\b
It listens on this computer only (127.0.0.1) unless --host says otherwise;
nothing is logged or kept. Ctrl-C stops it.
"""


@click.command(epilog=SERVE_EPILOG)
@click.option("--host", default="127.0.0.1", show_default=True,
              help="The address to listen on. Anything but 127.0.0.1/localhost lets other computers send text to it.")
@click.option("--port", type=click.IntRange(0, 65535), default=None, metavar="N",
              help="The port (default: 8765; 0: any free port).")
@click.option("--open", "open_browser", is_flag=True, help="Open the page in the browser.")
def serve(host: str, port: int | None, open_browser: bool) -> ExitCode:
    """Serve a private page and API on this computer."""
    import sys

    from ..errors import PlainspeakError
    from ..server.http import DEFAULT_PORT, make_server

    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"plainspeak: warning: listening on {host}: other computers that can reach it can send it text",
                   err=True)
    try:
        server = make_server(host, DEFAULT_PORT if port is None else port)
    except OSError as err:
        raise PlainspeakError(f"cannot listen on {host}:{port or DEFAULT_PORT}: {err.strerror or err}") from None
    address = server.origin
    sys.stdout.write(f"plainspeak is serving {address}/ (Ctrl-C stops it)\n")
    sys.stdout.flush()
    if open_browser:
        import webbrowser

        webbrowser.open(address + "/")
    import signal

    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return done()
