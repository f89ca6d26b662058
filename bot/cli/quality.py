"""Measuring and drafting: ``eval`` (accuracy per article, sweep, plot, training, ablation) and ``extract``."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from bot.cli.common import add_knowledge_option
from bot.errors import BotError

if TYPE_CHECKING:
    from bot.answerer import Answerer
    from bot.knowledge.model import Knowledge
    from bot.upkeep.evaluation import Case, EvalSet, Report, SweepRow


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The eval and extract commands."""
    eval_parser = commands.add_parser(
        "eval",
        help="measure the bot's accuracy on evaluation files, one row per article",
        description=(
            "Ask every question of each FILE (cases with q, kind and expect; see knowledge/eval.yaml), print the "
            "accuracy per kind and every miss, then one row per article. Each file asks about the knowledge "
            "named by --knowledge, else by its own 'knowledge:' field, else the facts.yaml beside it, else the "
            "default. Exit non-zero when an article's answerable accuracy is below --min."
        ),
    )
    eval_parser.add_argument(
        "files", type=Path, nargs="+", metavar="FILE", help="evaluation files, e.g. knowledge/eval*.yaml"
    )
    eval_parser.add_argument(
        "--min", type=share, metavar="SHARE", help="fail below this answerable accuracy: 0.95, 95%% or 95"
    )
    eval_parser.add_argument(
        "--sweep",
        action="store_true",
        help="also print, per article, answers and declines at each threshold from 0.05 to 0.95",
    )
    eval_parser.add_argument(
        "--plot", type=Path, metavar="PNG", help="draw answered-right and declined against the threshold (bench extra)"
    )
    eval_parser.add_argument(
        "--train",
        type=Path,
        metavar="JSON",
        help="learn the decision from these files, print its leave-one-article-out figures and write its weights "
        "(bot/matching/decision.json is the one the bot uses)",
    )
    eval_parser.add_argument(
        "--ablate",
        nargs="?",
        const="",
        metavar="NAME",
        help="take out each rule (word-list entry, list, weight) whose name contains NAME (all when omitted), "
        "and print what each one changes per article",
    )
    eval_parser.add_argument(
        "--drafts",
        action="store_true",
        help="ask each file's questions of the draft `extract` writes from its article, unedited, instead of its "
        "knowledge: what a draft is worth",
    )
    eval_parser.add_argument("--quiet", action="store_true", help="do not list the misses")
    add_knowledge_option(eval_parser)
    eval_parser.set_defaults(handler=eval_files)

    extract_parser = commands.add_parser(
        "extract",
        help="draft a knowledge file from a new article",
        description=(
            "Split ARTICLE into sentences and write a draft knowledge file with one fact per sentence "
            "(id, verbatim source, the sentence as the answer, keywords, generated questions), "
            "ready for a maintainer to complete."
        ),
    )
    extract_parser.add_argument("article", type=Path, metavar="ARTICLE", help="the article, a UTF-8 text file")
    extract_parser.add_argument(
        "-o", "--output", type=Path, required=True, metavar="PATH", help="the draft to write, e.g. knowledge/draft.yaml"
    )
    extract_parser.add_argument("--force", action="store_true", help="overwrite PATH if it exists")
    extract_parser.set_defaults(handler=extract)


def share(text: str) -> float:
    """An accuracy given as 0-1 (0.95), a percentage (95%) or a number of percent (95)."""
    number = text.strip().removesuffix("%")
    try:
        value = float(number)
    except ValueError:
        value = -1.0
    if text.strip().endswith("%") or value > 1:
        value /= 100
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError(f"{text!r} is no accuracy: give 0.95, 95% or 95")
    return value


def eval_files(args: argparse.Namespace) -> int:
    """Judge the bot on evaluation files, one row per article; non-zero when one is below --min."""
    from bot.answerer import Answerer
    from bot.knowledge.reading import load
    from bot.upkeep.evaluation import (
        ANSWERABLE,
        REFUSABLE,
        article_name,
        evaluate,
        evaluate_conversations,
        load_set,
    )

    sets = [load_set(path, knowledge=args.knowledge) for path in args.files]
    answerers: dict[Path, Answerer] = {}
    by_article: dict[Path, Report] = {}
    for evaluation in sets:
        key = evaluation.knowledge.resolve()
        if key not in answerers:
            answerers[key] = Answerer(
                _drafted(load(evaluation.knowledge)) if args.drafts else load(evaluation.knowledge)
            )
        report = evaluate(answerers[key], evaluation.cases)
        if evaluation.conversations:
            report = report.merge(evaluate_conversations(answerers[key], evaluation.conversations))
        by_article[key] = by_article[key].merge(report) if key in by_article else report
        if len(sets) > 1:
            print(f"== {evaluation.path} ({article_name(evaluation.knowledge)})")
        print(" ".join(f"{kind}={report.good[kind]}/{report.total[kind]}" for kind in sorted(report.total)))
        if not args.quiet:
            for miss in report.misses:
                kind = f"{miss.case.kind} follow-up" if miss.case.follow else miss.case.kind
                print(f"  MISS [{kind}] {miss.case.q!r} -> {miss.fact_id}: {miss.answer[:160]!r}")
        answered, answerable = report.count(ANSWERABLE)
        refused, refusable = report.count(REFUSABLE)
        near, near_total = report.count(("near",))
        print(
            f"answerable {answered}/{answerable} = {report.answerable:.1%}; "
            f"refused out-of-scope+small {refused}/{refusable} = {report.refused:.1%}; "
            f"near-miss refused {near}/{near_total} = {report.near_refused:.1%}"
        )
        if evaluation.conversations:
            _print_follow_ups(report, quiet=args.quiet)
    if len(sets) > 1:
        print(f"\n{'article':<40} {'answerable':>16} {'off-topic+small':>16} {'near misses':>16}")
        for key, report in by_article.items():
            cells = [_cell(*report.count(kinds)) for kinds in (ANSWERABLE, REFUSABLE, ("near",))]
            print(f"{article_name(key):<40} " + " ".join(f"{cell:>16}" for cell in cells))
    if args.sweep or args.plot:
        _sweep(sets, answerers, args)
    if args.train:
        _train(sets, answerers, args.train)
    if args.ablate is not None:
        _ablate(sets, answerers, args.ablate)
    if args.min is not None:
        low = [key for key, report in by_article.items() if report.answerable < args.min]
        for key in low:
            share = by_article[key].answerable
            print(
                f"error: {article_name(key)}: answerable accuracy {share:.1%} is below --min {args.min:.1%}",
                file=sys.stderr,
            )
        return 1 if low else 0
    return 0


def _drafted(knowledge: Knowledge) -> Knowledge:
    from bot.upkeep.extract import draft_knowledge

    drafted = draft_knowledge(knowledge.article)
    if drafted is None:
        raise BotError(f"{knowledge.article_path}: no sentence to draft facts from")
    return drafted


def _print_follow_ups(report: Report, *, quiet: bool) -> None:
    """What conversations add: follow-up turns, and the turns the context bent."""
    from bot.upkeep.evaluation import ANSWERABLE

    answered, answerable = report.follow_count(ANSWERABLE)
    near, near_total = report.follow_count(("near",))
    print(
        f"follow-ups answered {_cell(answered, answerable)}; follow-up near misses refused {_cell(near, near_total)}; "
        f"turns without context bent by it: {len(report.bent)}"
    )
    if not quiet:
        for miss in report.bent:
            print(f"  BENT [{miss.case.kind}] {miss.case.q!r} -> {miss.fact_id}: {miss.answer[:160]!r}")


def _cell(good: int, total: int) -> str:
    return f"{good}/{total} = {good / total:.1%}" if total else "-"


def _sweep(sets: Sequence[EvalSet], answerers: dict[Path, Answerer], args: argparse.Namespace) -> None:
    """Accuracy and declines per article at each threshold, and the plot of them when asked."""
    from bot.upkeep.evaluation import SWEEP_CUTOFFS, SweepRow, article_name, sweep

    current = next(iter(answerers.values())).matcher.score_cutoff
    rows: dict[Path, list[SweepRow]] = {}
    for evaluation in sets:
        key = evaluation.knowledge.resolve()
        found = sweep(answerers[key].knowledge, evaluation.cases, SWEEP_CUTOFFS)
        rows[key] = (
            [SweepRow(row.cutoff, row.report.merge(other.report)) for row, other in zip(rows[key], found, strict=True)]
            if key in rows
            else found
        )
    if args.sweep:
        print("\nthreshold: answerable right / off-topic+small declined / near misses declined, per article")
        names = {key: article_name(key) for key in rows}
        for index, cutoff in enumerate(SWEEP_CUTOFFS):
            cells = [
                f"{r.answerable:.0%}/{r.refused:.0%}/{r.near_refused:.0%}"
                for r in (rows[k][index].report for k in rows)
            ]
            mark = "  <- current" if cutoff == current else ""
            print(f"{cutoff / 100:>5.2f}  " + "  ".join(cells) + mark)
        print("columns: " + ", ".join(names.values()))
    if args.plot:
        from bot.upkeep.plots import sweep_plot

        sweep_plot({article_name(key): found for key, found in rows.items()}, current, args.plot)
        print(f"plot written to {args.plot}")


def _ablate(sets: Sequence[EvalSet], answerers: dict[Path, Answerer], pattern: str) -> None:
    """Each rule taken out in turn: right answers lost per article (positive: the rule helps)."""
    from bot.upkeep.ablation import Article, ablate
    from bot.upkeep.evaluation import article_name

    cases: dict[Path, list[Case]] = {}
    for evaluation in sets:
        cases.setdefault(evaluation.knowledge.resolve(), []).extend(evaluation.cases)
    articles = [Article(article_name(key), answerers[key].knowledge, tuple(found)) for key, found in cases.items()]
    effects = ablate(articles, only=lambda name: pattern.casefold() in name.casefold())
    names = [article.name for article in articles]
    print("\nablation: right answers lost without each rule (positive: it helps), per article: " + ", ".join(names))
    for effect in effects:
        verdict = "general" if len(effect.helps) >= 2 else "one article" if effect.helps else "no help"
        lost = " ".join(f"{effect.lost[name]:+d}" for name in names)
        print(f"{verdict:<12} {lost}  flips {effect.flipped:<3} {effect.variant}")
    general = sum(len(effect.helps) >= 2 for effect in effects)
    single = sum(len(effect.helps) == 1 for effect in effects)
    none = len(effects) - general - single
    print(f"{len(effects)} rules: {general} help two articles or more, {single} only one, {none} none")


def _train(sets: Sequence[EvalSet], answerers: dict[Path, Answerer], out: Path) -> None:
    """Learn the decision from these sets, show how it does on each article held out, and write it."""
    import json

    from bot.upkeep import calibration
    from bot.upkeep.evaluation import article_name

    data = []
    for evaluation in sets:
        key = evaluation.knowledge.resolve()
        data += calibration.examples(answerers[key], evaluation.cases, article_name(key))
    held_out = calibration.held_out_probabilities(data)
    articles = sorted({example.article for example in data})
    print(f"\nleave one article out ({len(articles)} articles, {len(data)} questions):")
    means_at: dict[float, tuple[float, float, float]] = {}
    for threshold in [t / 100 for t in range(5, 100, 5)]:
        outcomes = [
            calibration.outcome(
                [e for e in data if e.article == a],
                [p for e, p in zip(data, held_out, strict=True) if e.article == a],
                threshold,
            )
            for a in articles
        ]
        means = [sum(o.share(part) for o in outcomes) / len(outcomes) for part in ("answerable", "refused", "near")]
        means_at[threshold] = (means[0], means[1], means[2])
        print(f"{threshold:>5.2f}  answerable {means[0]:.1%}  off-topic+small {means[1]:.1%}  near {means[2]:.1%}")
    threshold = calibration.best_threshold(means_at)
    decision = calibration.train(data, threshold)
    out.write_text(json.dumps(decision.as_json(), indent=2) + "\n", encoding="utf-8")
    print(
        f"threshold {threshold:.2f} (best answerable + declined on held-out articles, declining at least "
        f"{calibration.OFF_TOPIC_DECLINED:.0%} of off-topic questions); weights written to {out}"
    )


def extract(args: argparse.Namespace) -> int:
    """Write a draft knowledge file with one fact per sentence of an article."""
    from bot.knowledge import files
    from bot.knowledge.reading import check
    from bot.knowledge.store import write_atomic
    from bot.upkeep.extract import draft, drafts

    try:
        article = files.read_text(args.article, limit=files.MAX_ARTICLE_BYTES, what="the article")
    except files.Refused as refused:
        raise BotError(str(refused)) from None
    except OSError as error:
        raise BotError(f"cannot read the article {args.article} ({error.strerror or error})") from None
    if args.output.exists() and not args.force:
        raise BotError(f"{args.output} already exists; use --force to overwrite it")
    items = drafts(article)
    if not items:
        raise BotError(f"no sentence found in {args.article}")
    roots = files.article_roots(args.output)
    if not files.within(args.article, roots):
        allowed = ", ".join(str(root) for root in roots)
        raise BotError(
            f"a draft at {args.output} could not read its article {args.article}: a knowledge file's article must "
            f"be in the folder above the knowledge's folder, here {allowed}; write the draft nearer the article "
            f"(-o {args.article.parent / 'facts.yaml'}), or name the article's folder in {files.ARTICLE_DIRS_VARIABLE}"
        )
    relative = os.path.relpath(args.article.resolve(), args.output.parent.resolve())
    text = draft(article, items, path=Path(relative).as_posix(), origin=str(args.article))
    try:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(args.output, text, validate=check)
    except OSError as error:
        reason = error.strerror or error
        raise BotError(f"cannot write the draft {args.output} ({reason}); choose another place") from None
    print(f"wrote {len(items)} draft facts to {args.output}; complete them, then check them with:")
    print(f"  python -m bot facts check --knowledge {args.output}")
    return 0
