"""``plainspeak config``: the settings that apply to a file or folder, and where each comes from."""

from __future__ import annotations

import sys

import click

from ..exitcode import ExitCode, done
from .options import analysis_options, overrides


@click.command(epilog="\b\nExamples:\n  plainspeak config\n  plainspeak config letters/intake.md\n"
               "  plainspeak config --format json\n\n"
               "Configuration files: the nearest plainspeak.toml, .plainspeak.toml or pyproject.toml\n"
               "[tool.plainspeak] at or above each input (docs/config.md).")
@click.argument("path", required=False, type=click.Path(readable=False))
@click.option("-f", "--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True)
@click.option("--fail-on", type=click.Choice(("suggestion", "warning", "error", "never")), default=None,
              help="As on check.")
@analysis_options
def config(path: str | None, fmt: str, **params) -> ExitCode:
    """Show the effective settings for PATH (default: the current folder) and where
    each one comes from: the command line, a configuration file, or the default."""
    from ..config.settings import make_settings
    from .session import Session

    session = Session(overrides(params))
    options = session.options_for(path)
    audience = make_settings(audience=options.audience)  # the audience's own defaults, shown as values
    values = {
        "audience": options.audience or "general",
        "target-grade": options.target_grade if options.target_grade is not None else audience.target_grade,
        "max-sentence-words": options.max_sentence_words if options.max_sentence_words is not None else audience.max_sentence_words,
        "accept": list(options.accept),
        "accept-file": [str(p) for p in options.accept_files],
        "lexicon": [str(p) for p in options.lexicons],
        "default-lexicon": options.default_lexicon,
        "model": options.model,
        "select": list(options.select) if options.select is not None else None,
        "ignore": list(options.ignore),
        "extend-select": list(options.extend_select),
        "severity": {rule: severity.label for rule, severity in options.severity},
        "fail-on": options.fail_on,
        "format": options.format,
        "encoding": options.encoding,
        "max-bytes": options.max_bytes,
        "rubric": str(options.rubric) if options.rubric else None,
    }
    origin_keys = {"target-grade": "target_grade", "max-sentence-words": "max_sentence_words",
                   "accept-file": "accept_file", "lexicon": "lexicon", "default-lexicon": "default_lexicon",
                   "extend-select": "extend_select", "fail-on": "fail_on", "max-bytes": "max_bytes"}
    origins = {key: options.origins.get(origin_keys.get(key, key), "default") for key in values}
    from ..render.rules import write_settings

    write_settings(str(options.config) if options.config else None, values, origins, fmt, sys.stdout)
    return done()
