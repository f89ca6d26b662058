"""What ``pip install .`` ships: the package with its decision, synonyms, article and knowledge; not the benchmarks."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel ``pip install .`` would install, built from a copy of the checkout."""
    folder = tmp_path_factory.mktemp("wheel")
    source = folder / "source"  # a copy: building writes build/ and *.egg-info beside the sources
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info", "build", ".*")
    for name in ("bot", "benchmarks", "knowledge", "seeds"):
        shutil.copytree(ROOT / name, source / name, ignore=ignore, symlinks=True)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(source), "--no-deps", "-q", "-w", str(folder)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert built.returncode == 0, built.stderr
    (found,) = folder.glob("*.whl")
    return found


def test_the_wheel_ships_weights_synonyms_article_and_knowledge_but_no_benchmarks(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    weights = {f"bot/matching/{path.name}" for path in (ROOT / "bot" / "matching").glob("*.json")}
    assert {"bot/matching/decision.json", "bot/matching/decision-sparse.json"} <= weights
    shipped = {"bot/matching/bilingual.txt", "bot/data/knowledge/facts.yaml", "bot/data/seeds/article.txt"}
    assert weights | shipped <= set(names)
    assert not [name for name in names if name.startswith("benchmarks/")]


def test_an_installed_bot_answers_from_any_folder_and_keeps_its_packaged_copy_intact(
    wheel: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    installed = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(site), str(wheel)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert installed.returncode == 0, installed.stderr
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(site), "BOT_CACHE_DIR": "off"}
    env.pop("BOT_KNOWLEDGE", None)

    def bot(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "bot", *args], capture_output=True, text=True, cwd=elsewhere, env=env, timeout=60
        )

    asked = bot("ask", "--json", "when is vostok")
    assert asked.returncode == 0, asked.stderr
    assert json.loads(asked.stdout)["fact_id"] == "vostok-dates"
    added = bot("facts", "add", "--id", "x", "--lang", "en", "--answer", "A.", "--question", "Q?")
    assert added.returncode == 1 and "copy it" in added.stderr and "Traceback" not in added.stderr
    assert bot("--version").stdout.startswith("python -m bot ")
