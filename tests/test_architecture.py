"""The shape of the code: the exit code is decided in exitcode.py and nowhere else,
and the modules import each other without cycles (lazy imports included)."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "src" / "plainspeak"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts}


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """Every plainspeak module ``name`` imports, at the top or inside functions."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            submodules = [f"{target}.{alias.name}" for alias in node.names if f"{target}.{alias.name}" in known]
            # "from . import options" needs the options module, not the package's __init__ again
            candidates = submodules + ([target] if len(submodules) < len(node.names) else [])
        elif isinstance(node, ast.Import):
            candidates = [alias.name for alias in node.names]
        else:
            continue
        for candidate in candidates:
            while candidate and candidate not in known:
                candidate = candidate.rpartition(".")[0]
            if candidate and candidate != name and candidate != "plainspeak":
                found.add(candidate)
    return found


def test_no_import_cycles():
    mods = modules()
    known = set(mods)
    graph = {name: imports_of(name, path, known) for name, path in mods.items()}
    cycles = []
    state: dict[str, int] = {}

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append([*stack[stack.index(nxt):], nxt])
            elif nxt not in state:
                visit(nxt, stack)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [])
    assert cycles == [], "\n".join(" -> ".join(c) for c in cycles)


def test_exit_codes_are_decided_in_exitcode_py_only():
    """No command picks a number or an ExitCode member itself, or calls sys.exit:
    each returns what an exitcode.for_* function decided."""
    offenders = []
    for path in sorted((PACKAGE / "cli").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "ExitCode":
                offenders.append(f"{path.name}:{node.lineno}: ExitCode.{node.attr}")
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "exit" \
                    and path.name != "app.py":
                offenders.append(f"{path.name}:{node.lineno}: sys.exit")
            if isinstance(node, ast.Return) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, int) \
                    and not isinstance(node.value.value, bool):
                offenders.append(f"{path.name}:{node.lineno}: return {node.value.value}")
    assert offenders == []


def test_every_command_returns_an_exit_code():
    """Walk the commands: each one's callback returns an ExitCode (checked by
    running each with --help-free arguments that succeed)."""
    from click.testing import CliRunner

    from plainspeak.cli import cli
    from plainspeak.exitcode import ExitCode

    def walk(group, prefix=()):
        for name, command in group.commands.items():
            if hasattr(command, "commands"):
                yield from walk(command, (*prefix, name))
            else:
                yield (*prefix, name), command

    calls = {
        ("check",): ["check", "-"], ("fix",): ["fix", "-"], ("grade",): ["grade", "--print-rubric"],
        ("explain",): ["explain", "utilize"], ("rules",): ["rules"], ("config",): ["config"],
        ("lexicon", "list"): ["lexicon", "list", "--category", "technology"],
        ("lexicon", "search"): ["lexicon", "search", "portal"],
    }
    seen = set()
    for path, command in walk(cli):
        seen.add(path)
        args = calls.get(path)
        if args is None:
            continue
        returned = []
        original = command.callback

        def spy(*a, _original=original, returned=returned, **k):
            value = _original(*a, **k)
            returned.append(value)
            return value

        command.callback = spy
        try:
            CliRunner().invoke(cli, args, input="We will utilize the portal.\n", catch_exceptions=False)
        finally:
            command.callback = original
        assert returned and isinstance(returned[0], ExitCode), path
    assert set(calls) <= seen


def test_the_public_names_are_the_lazy_ones():
    """``__all__`` is spelled out for linters; it must name exactly what ``__getattr__`` serves."""
    import plainspeak

    assert set(plainspeak.__all__) == {"__version__", *plainspeak._LAZY}
    for name in plainspeak.__all__:
        assert getattr(plainspeak, name) is not None
