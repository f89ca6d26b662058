"""``python -m benchmarks``: every benchmark, or ``--quick`` (what CI runs), or one baseline answering stdin."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from bot.cli.common import add_knowledge_option
from bot.errors import BotError, KnowledgeError
from bot.knowledge.model import default_path


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description=(
            "Benchmark from a checkout: per-question latency on the article with BM25 and rapidfuzz extractOne "
            "baselines, synthetic knowledge of 1,000 to 100,000 facts (load time, latency, peak memory), the real "
            "'run' against the fake Bot API of tests/ (latency, messages per second), start-up, and batch 'ask' "
            "against a BM25 process. Needs the bench extra: pip install -e '.[bench]'. Takes about ten minutes; "
            "--quick takes seconds. Progress goes to stderr."
        ),
    )
    parser.add_argument("--quick", action="store_true", help="a small run in seconds (what CI runs)")
    parser.add_argument("--json", action="store_true", help="print every figure as one JSON object")
    parser.add_argument(
        "--plot", type=Path, metavar="PNG", help="also draw latency against knowledge size, e.g. benchmarks/latency.png"
    )
    parser.add_argument(
        "--answer-with",
        choices=("bm25", "extractone"),
        help="instead of benchmarking, answer each line of stdin with this baseline, one JSON line each "
        "(the process the batch benchmark times)",
    )
    add_knowledge_option(parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmarks; a missing extra or a broken knowledge file is one line, not a traceback."""
    args = build_parser().parse_args(argv)
    knowledge = args.knowledge or default_path()
    try:
        if args.answer_with:
            from benchmarks.baselines import answer_with
            from bot.knowledge.reading import load

            for row in answer_with(args.answer_with, load(knowledge), (line.rstrip("\r\n") for line in sys.stdin)):
                sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
            return 0
        from benchmarks import bench

        plan = bench.Plan.make(quick=args.quick, knowledge=knowledge.resolve())
        results = bench.run(plan, lambda message: print(message, file=sys.stderr, flush=True))
        if args.plot:
            bench.plot(results, args.plot)
        print(json.dumps(results) if args.json else bench.text_report(results))
        return 0
    except KnowledgeError as error:
        print(f"error: the knowledge file has {len(error.problems)} problem(s):", file=sys.stderr)
        for problem in error.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    except BotError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
