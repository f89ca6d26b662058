"""``python -m benchmarks --quick --json`` works and reports every section with numbers; timings are never judged."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from benchmarks import synthetic
from benchmarks.baselines import bm25_available
from bot.knowledge.reading import load

ROOT = Path(__file__).resolve().parent.parent


def number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and value >= 0


@pytest.fixture
def without_bench_extra(tmp_path: Path) -> dict[str, str]:
    """An environment where rank_bm25 and matplotlib cannot be imported, as in CI (only the test extra)."""
    for module in ("rank_bm25", "matplotlib"):
        (tmp_path / f"{module}.py").write_text("raise ImportError('hidden by the test')\n")
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT)])}


def test_quick_bench_without_the_bench_extra_reports_every_section_and_says_what_it_skipped(
    without_bench_extra: dict[str, str],
) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick", "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env=without_bench_extra,
    )
    assert done.returncode == 0, done.stderr
    results = json.loads(done.stdout)

    assert results["quick"] is True
    assert "pip install -e '.[bench]'" in results["skipped"]["bm25"]
    baselines = ["extractone"]
    article = results["article"]
    for name in ("project", *baselines):
        assert number(article["latency"][name]["median_ms"]) and number(article["latency"][name]["p99_ms"])
        assert 0 <= article["accuracy_eval"][name]["answerable"] <= 1
    for name in baselines:
        assert number(article["ratio_to_project"][name]["median"])
    for row in results["scale"]["sizes"]:
        assert number(row["project"]["load_and_build_s"]) and number(row["project"]["peak_rss_mb"])
        for name in ("project", *baselines):
            assert number(row[name]["median_ms"]) and number(row[name]["p99_ms"])
    e2e = results["end_to_end"]
    for phase in ("paced", "burst"):
        assert e2e[phase]["all_answered"], e2e
        assert number(e2e[phase]["median_ms"]) and number(e2e[phase]["messages_per_s"])
    assert e2e["unexpected_api_calls"] == []
    assert number(results["startup"]["ask_s"]["median"]) and number(results["startup"]["run_ready_s"]["median"])
    for name in ("project", *baselines):
        assert number(results["batch"][name]["median_s"])
    assert all("target" in row and "met" in row for row in results["targets"])


def test_the_full_bench_without_the_bench_extra_says_how_to_install_it(without_bench_extra: dict[str, str]) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks"], cwd=ROOT, capture_output=True, text=True, env=without_bench_extra
    )
    assert done.returncode == 1
    assert "pip install -e '.[bench]'" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("baseline", ["extractone", "bm25"])
def test_answer_with_a_baseline_prints_one_json_line_per_question(baseline: str) -> None:
    if baseline == "bm25" and not bm25_available():
        pytest.skip("rank_bm25 is not installed (pip install -e '.[bench]')")
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--answer-with", baseline],
        cwd=ROOT,
        input="When is Vostok?\n\nqui participe ?\n",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert [row["question"] for row in rows] == ["When is Vostok?", "", "qui participe ?"]
    assert rows[0]["fact_id"] and rows[1]["fact_id"] is None


def test_synthetic_knowledge_is_deterministic_and_loads_back(tmp_path: Path) -> None:
    base = load(ROOT / "knowledge" / "facts.yaml")
    first = synthetic.generate(50, base=base, questions=20)
    assert first == synthetic.generate(50, base=base, questions=20)
    assert all(sum(len(qs) for qs in fact.questions.values()) == 5 for fact in first.knowledge.facts)

    loaded = load(synthetic.write(first, tmp_path))

    assert [fact.id for fact in loaded.facts] == [fact.id for fact in first.knowledge.facts]
    assert [dict(fact.questions) for fact in loaded.facts] == [dict(f.questions) for f in first.knowledge.facts]


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads Linux's /proc")
def test_a_workers_peak_memory_leaves_out_what_its_parent_held() -> None:
    held = b"x" * 300 * 1024**2  # resident in this process when it starts the worker
    done = subprocess.run(
        [sys.executable, "-c", "import benchmarks.bench; print(benchmarks.bench.peak_rss_mb())"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert len(held) and float(done.stdout) < 200
