"""The data flows one way: every import of every module (those inside functions too) obeys the layering.

cli -> api -> {pipeline, batch}; batch -> pipeline; pipeline -> {read, segment, nlp, analyse, infra, model};
the stages never reach back up, and nlp and analyse never read files (no read, no segment).
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "lspkit"

# Room -> rooms it must never import.  A room is the first component under lspkit ("nlp", "api", ...).
UPPER = {"api", "pipeline", "batch", "cli", "render", "__main__"}
FORBIDDEN = {
    "model": UPPER | {"read", "segment", "nlp", "analyse", "infra", "results"},
    "infra": UPPER | {"read", "segment", "nlp", "analyse", "results"},
    "results": UPPER | {"read", "segment", "nlp", "analyse"},
    "read": UPPER | {"segment", "nlp", "analyse", "results"},
    "segment": UPPER | {"nlp", "analyse", "results"},
    "nlp": UPPER | {"read", "segment", "analyse", "results"},
    "analyse": UPPER | {"read", "segment", "results"},
    "render": UPPER | {"read", "segment"},
    "pipeline": {"api", "batch", "cli", "render", "__main__", "results"},
    "batch": {"api", "cli", "__main__"},
    "api": {"cli", "__main__"},
}


def _room(module: str) -> str:
    """'lspkit.analyse.summary' -> 'analyse'; the package root is '' (it only re-exports the api lazily)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path, source: str | None = None) -> set[str]:
    """Every lspkit module `path` imports, wherever the import statement is (module level or in a function)."""
    module = _module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    text = path.read_text(encoding="utf-8") if source is None else source
    for node in ast.walk(ast.parse(text, str(path))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.split(".")[0] == "lspkit")
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] != "lspkit":
                continue
            # `from . import pipeline` imports the module lspkit.pipeline, not the package root
            for alias in node.names:
                candidate = f"{target}.{alias.name}"
                is_module = (PACKAGE.parent / Path(*candidate.split("."))).with_suffix(".py").exists() or (
                    PACKAGE.parent / Path(*candidate.split("."))
                ).is_dir()
                found.add(candidate if is_module else target)
    return found


def graph() -> dict[str, set[str]]:
    return {_module_name(p): imports_of(p) for p in sorted(PACKAGE.rglob("*.py"))}


def violations(edges: dict[str, set[str]]) -> list[str]:
    out = []
    for module, targets in edges.items():
        forbidden = FORBIDDEN.get(_room(module), set()) - {_room(module)}
        for target in sorted(targets):
            if _room(target) in forbidden:
                out.append(f"{module} imports {target}")
    return out


def test_every_import_follows_the_layering():
    assert violations(graph()) == []


def test_rooms_import_each_other_one_way():
    """No cycle between rooms (the package root, which only re-exports the api lazily, is left out)."""
    rooms: dict[str, set[str]] = {}
    for module, targets in graph().items():
        rooms.setdefault(_room(module), set()).update(
            _room(t) for t in targets if _room(t) not in ("", _room(module))
        )
    rooms.pop("", None)
    seen: dict[str, int] = {}  # 1 visiting, 2 done

    def visit(room: str, path: list[str]) -> None:
        seen[room] = 1
        for nxt in sorted(rooms.get(room, ())):
            assert seen.get(nxt) != 1, "import cycle: " + " -> ".join(path + [room, nxt])
            if nxt not in seen:
                visit(nxt, path + [room])
        seen[room] = 2

    for room in sorted(rooms):
        if room not in seen:
            visit(room, [])


@pytest.mark.parametrize(
    "where, statement",
    [
        ("analyse/summary.py", "def _document(path):\n    from ..api import extract\n"),
        ("nlp/tagger.py", "def tag_file(path):\n    from ..pipeline import extract\n"),
        ("analyse/diff.py", "from ..read import read_lines\n"),
        ("render/batch.py", "from ..batch.worker import FileResult\n"),
    ],
)
def test_the_check_catches_a_reach_back_up(where, statement):
    """The check itself can fail: the same file with one backwards import added is reported."""
    path = PACKAGE / where
    source = path.read_text(encoding="utf-8") + "\n\n" + statement
    assert violations({_module_name(path): imports_of(path, source)}), f"{statement!r} in {where} went unnoticed"
