"""The package's folders are layers: every import points down (or within a layer), and no import makes a cycle."""

from __future__ import annotations

import ast
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "bot"
LAYERS = (
    ("bot.errors", "bot.folding"),
    ("bot.knowledge",),
    ("bot.matching",),
    ("bot.answerer", "bot.replies", "bot.cache", "bot.conversation"),
    ("bot.upkeep",),
    ("bot.config",),
    ("bot.console", "bot.telegram"),
    ("bot.cli", "bot.__main__"),
)


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer(module: str) -> int:
    for rank, prefixes in enumerate(LAYERS):
        if any(module == prefix or module.startswith(prefix + ".") for prefix in prefixes):
            return rank
    raise AssertionError(f"{module} is in no layer: add it to LAYERS")


def imports() -> dict[str, set[str]]:
    """Every bot module and the bot modules it imports, at the top or inside a function."""
    modules = {module_name(path): path for path in PACKAGE.rglob("*.py")}
    found: dict[str, set[str]] = {}
    for name, path in modules.items():
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("bot"):
                for alias in node.names:
                    child = f"{node.module}.{alias.name}"
                    targets.add(child if child in modules else node.module)
            elif isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names if alias.name.startswith("bot"))
        found[name] = {target for target in targets if target in modules and target != name}
    return found


def test_every_module_belongs_to_a_layer() -> None:
    for module in imports():
        if module != "bot":
            layer(module)


@pytest.mark.parametrize("module", sorted(m for m in imports() if m != "bot"))
def test_a_module_imports_only_its_own_layer_or_those_below(module: str) -> None:
    upward = [target for target in imports()[module] if target != "bot" and layer(target) > layer(module)]
    assert not upward, f"{module} imports {upward} from a layer above it"


def test_no_import_cycle() -> None:
    graph = {module: targets - {"bot"} for module, targets in imports().items()}
    try:
        tuple(TopologicalSorter(graph).static_order())
    except CycleError as error:
        pytest.fail(f"import cycle: {' -> '.join(error.args[1])}")


def test_the_top_of_the_package_holds_at_most_twelve_modules() -> None:
    assert len(list(PACKAGE.glob("*.py"))) <= 12
