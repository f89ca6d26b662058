"""What ``pip install .`` ships: the package with its learned decision, and not the benchmarks."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_wheel_ships_the_decision_weights_and_leaves_the_benchmarks_out(tmp_path: Path) -> None:
    source = tmp_path / "source"  # a copy: building writes build/ and *.egg-info beside the sources
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info", "build", ".*")
    for name in ("bot", "benchmarks"):
        shutil.copytree(ROOT / name, source / name, ignore=ignore)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(source), "--no-deps", "-q", "-w", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = tmp_path.glob("*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "bot/matching/decision.json" in names
    assert "bot/matching/matcher.py" in names
    assert not [name for name in names if name.startswith("benchmarks/")]
