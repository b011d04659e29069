"""Start-up: the command loads only what a run needs (spaCy's own command line is deferred)."""

from __future__ import annotations

import json
import subprocess
import sys


def _run(code: str, cwd) -> dict:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=cwd)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_a_check_run_never_imports_spacys_command_line(tmp_path):
    (tmp_path / "note.txt").write_text("Please utilize the form.\n", encoding="utf-8")
    code = (
        "import json, os, sys\n"
        "os._exit = lambda code: (print(json.dumps({'code': code, 'loaded': sorted(m for m in sys.modules"
        " if m.split('.')[0] in ('typer', 'weasel') or m == 'spacy.cli._util')})), sys.stdout.flush(),"
        " sys.exit(0))\n"
        "sys.argv = ['plainspeak', 'check', '--format', 'json', '--fail-on', 'suggestion', 'note.txt']\n"
        "from plainspeak.cli.app import main\n"
        "main()\n"
    )
    got = _run(code, tmp_path)
    assert got == {"code": 1, "loaded": []}  # exit 1: the run did its work


def test_first_use_of_spacys_command_line_loads_it(tmp_path):
    code = (
        "import json, sys\n"
        "from plainspeak.cli.deferred import defer_spacy_cli\n"
        "defer_spacy_cli()\n"
        "import spacy\n"
        "nlp = spacy.blank('en')\n"
        "before = 'spacy.cli._util' in sys.modules\n"
        "import spacy.cli\n"
        "app = spacy.cli.app\n"  # the first attribute loads the real module
        "import spacy.cli as again\n"
        "print(json.dumps({'before': before, 'after': 'spacy.cli._util' in sys.modules,"
        " 'real': again.__file__.endswith('__init__.py'), 'info': callable(spacy.info),"
        " 'tokens': [t.text for t in nlp('Hi, Sam.')]}))\n"
    )
    got = _run(code, tmp_path)
    assert got == {"before": False, "after": True, "real": True, "info": True, "tokens": ["Hi", ",", "Sam", "."]}


def test_nothing_is_deferred_once_spacy_is_loaded(tmp_path):
    code = (
        "import json, sys, spacy\n"
        "real = sys.modules['spacy.cli']\n"
        "from plainspeak.cli.deferred import defer_spacy_cli\n"
        "defer_spacy_cli()\n"
        "print(json.dumps({'same': sys.modules['spacy.cli'] is real}))\n"
    )
    assert _run(code, tmp_path) == {"same": True}
