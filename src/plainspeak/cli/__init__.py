"""The command line: one module per command, over shared options (Click).

``plainspeak.cli:main`` is the console entry point; ``cli`` is the Click group.
"""

from .app import cli, main

__all__ = ["cli", "main"]
