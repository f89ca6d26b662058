"""The plots of ``eval --plot`` and ``stats --plot``: matplotlib, from the bench extra, imported only here."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from bot.errors import BotError
from bot.upkeep.evaluation import SweepRow
from bot.upkeep.stats import EVENTS, Counts


def _pyplot() -> Any:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        raise BotError("--plot needs matplotlib: pip install -e '.[bench]'") from None
    return plt


def sweep_plot(rows: Mapping[str, Sequence[SweepRow]], current: float, path: Path) -> None:
    """Answered right (solid) and declined off-topic and near misses (dashed) against the threshold, per article."""
    plt = _pyplot()
    figure, axes = plt.subplots(figsize=(9, 5.5))
    for index, (name, found) in enumerate(rows.items()):
        color = f"C{index % 10}"
        thresholds = [row.cutoff / 100 for row in found]
        declined = []
        for row in found:
            good, total = row.report.count(("oos", "small", "near"))
            declined.append(good / total if total else 1.0)
        axes.plot(thresholds, [row.report.answerable for row in found], color=color, label=f"{name}: answered right")
        axes.plot(thresholds, declined, color=color, linestyle="--", label=f"{name}: declined (not answerable)")
    axes.axvline(current / 100, color="grey", linewidth=0.8)
    axes.set_xlabel("threshold (probability that the best fact answers)")
    axes.set_ylabel("share of questions")
    axes.set_ylim(0, 1.02)
    axes.grid(alpha=0.3)
    axes.legend(fontsize=7, loc="lower left")
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)


def usage_plot(counts: Counts, path: Path) -> None:
    """Answered, declined, disputed and liked questions per day."""
    plt = _pyplot()
    days = sorted(counts.by_day)
    figure, axes = plt.subplots(figsize=(7, 3.5))
    for event in EVENTS:
        axes.plot(days, [counts.by_day[day][event] for day in days], marker="o", label=event)
    axes.set_ylabel("questions")
    axes.set_title("Questions per day")
    axes.grid(alpha=0.3)
    axes.legend(fontsize=8)
    figure.autofmt_xdate()
    figure.tight_layout()
    figure.savefig(path, dpi=100)
    plt.close(figure)
