"""The command line: parsing and output only; the work is done by the core modules.

argparse rather than a richer framework keeps ``ask`` starting fast, and
``telegram`` is imported only by the commands that talk to Telegram.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import bot
from bot.errors import BotError, KnowledgeError
from bot.knowledge.model import ID_RULE

if TYPE_CHECKING:
    from bot.answerer import Answerer
    from bot.config import Settings
    from bot.upkeep.evaluation import Case, EvalSet, SweepRow

Command = Callable[[argparse.Namespace], int]
_MAX_SHOWN = 50  # problems and warnings listed at most; the rest are counted
_MAX_LINE = 2_000  # characters of one error line: a problem may quote a huge value


def _add_knowledge_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--knowledge",
        type=Path,
        default=None,
        metavar="PATH",
        help="the knowledge file (default: $BOT_KNOWLEDGE, else knowledge/facts.yaml)",
    )


def _knowledge_path(args: argparse.Namespace) -> Path:
    from bot.knowledge.model import default_path

    return args.knowledge if args.knowledge is not None else default_path()


def _stdin_lines() -> Iterable[str]:
    """Lines split on newline only: a stray carriage return inside a question must not make two answers."""
    stream: TextIO = sys.stdin
    if hasattr(stream, "reconfigure"):
        stream.reconfigure(encoding="utf-8", errors="replace", newline="\n")
    for line in stream:
        yield line.rstrip("\r\n")


def _json_line(data: object) -> str:
    """One JSON object on one line, even for readers that also split lines on U+2028, U+2029 and NEL;
    ASCII-escaped when standard output cannot take UTF-8 (``PYTHONIOENCODING=ascii``)."""
    utf8 = (getattr(sys.stdout, "encoding", "") or "").lower().replace("-", "") == "utf8"
    text = json.dumps(data, ensure_ascii=not utf8)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").replace("\x85", "\\u0085")


def _valid(text: str) -> str:
    """Text from the command line as valid Unicode: bytes that are no UTF-8 ("\\xff") become U+FFFD."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def ask(args: argparse.Namespace) -> int:
    """Answer one question, or one per line of standard input."""
    from bot.cache import load_answerer

    answerer = load_answerer(_knowledge_path(args))
    questions: Iterable[str] = [_valid(" ".join(args.question))] if args.question else _stdin_lines()
    interactive = sys.stdin.isatty() and not args.question
    for question in questions:
        reply = answerer.reply(question, lang=args.lang)
        if args.json:
            line = _json_line(reply.as_json())
        else:
            line = reply.answer if args.question else reply.answer.replace("\n", " ")
        sys.stdout.write(line + "\n")
        if interactive:
            sys.stdout.flush()
    return 0


def _prompt_missing(args: argparse.Namespace) -> None:
    """Ask in the terminal for what ``facts add`` needs and was not given as options."""
    if args.id is None:
        args.id = input(f"Fact id ({ID_RULE}): ").strip()
    if args.lang is None:
        args.lang = input("Language of the answer (en or fr): ").strip().lower()
    if args.answer is None:
        args.answer = input("Answer (what users will read): ").strip()
    if not args.question:
        print("Questions people would ask, one per line; an empty line ends:")
        while question := input("  ? ").strip():
            args.question.append(question)
    if args.source is None:
        args.source = input("Source, copied verbatim from the article (empty to skip): ").strip() or None


def facts_add(args: argparse.Namespace) -> int:
    """Add a fact, or a language's answer and questions to an existing one."""
    from bot.knowledge.store import add_fact

    args.question = list(args.question or [])
    if sys.stdin.isatty() and (args.id is None or args.lang is None or args.answer is None or not args.question):
        _prompt_missing(args)
    given = (("--id", args.id), ("--lang", args.lang), ("--answer", args.answer))
    missing = [flag for flag, value in given if not value]
    if not args.question:
        missing.append("--question")
    if missing:
        raise BotError(
            f"missing {', '.join(missing)}; see python -m bot facts add --help (or run it in a terminal to be asked)"
        )
    path = _knowledge_path(args)
    added = add_fact(path, args.id, lang=args.lang, answer=args.answer, questions=args.question, source=args.source)
    if added.created:
        print(f"added fact '{added.fact_id}' ({added.lang}) with {len(added.questions_added)} question(s) to {path}")
    else:
        changes = [f"{len(added.questions_added)} question(s) added"]
        if added.answer_replaced:
            changes.insert(0, f"{added.lang} answer replaced")
        if added.source_added:
            changes.append("source added")
        print(f"updated fact '{added.fact_id}' in {path}: {', '.join(changes)}")
    print(f"the previous version is kept in {added.backup}")
    if added.created and not added.source_added:
        print(f"note: fact '{added.fact_id}' has no source yet; add one with --source QUOTE", file=sys.stderr)
    return 0


def facts_check(args: argparse.Namespace) -> int:
    """Validate the knowledge file; every problem is listed with its line."""
    from bot.answerer import Answerer
    from bot.knowledge.reading import load
    from bot.upkeep.collisions import collisions

    knowledge = load(_knowledge_path(args))
    print(f"{knowledge.path}: OK, {len(knowledge.facts)} facts")
    found = list(collisions(Answerer(knowledge)))
    for collision in found[:_MAX_SHOWN]:
        winner = f"fact '{collision.winner}' answers it" if collision.winner else "it is declined"
        print(f"warning: {collision.question!r} (fact '{collision.fact_id}') does not reach its fact: {winner}")
    if len(found) > _MAX_SHOWN:
        print(f"warning: ... and {len(found) - _MAX_SHOWN} more example question(s) that do not reach their fact")
    return 0


def facts_list(args: argparse.Namespace) -> int:
    """One line per fact: id, languages, first question."""
    from bot.knowledge.model import LANGUAGES
    from bot.knowledge.reading import load

    knowledge = load(_knowledge_path(args))
    width = max(len(fact.id) for fact in knowledge.facts)
    for fact in knowledge.facts:
        langs = ",".join(lang for lang in LANGUAGES if lang in fact.answers)
        first = next((qs[0] for lang in LANGUAGES if (qs := fact.questions.get(lang))), "(no question yet)")
        print(f"{fact.id:<{width}}  {langs:<5}  {first}")
    return 0


def facts_show(args: argparse.Namespace) -> int:
    """Everything about one fact."""
    from rapidfuzz import process

    from bot.knowledge.model import LANGUAGES
    from bot.knowledge.reading import load

    knowledge = load(_knowledge_path(args))
    fact = knowledge.get(args.id)
    if fact is None:
        close = process.extractOne(args.id, [f.id for f in knowledge.facts], score_cutoff=60)
        hint = f"did you mean '{close[0]}'? " if close else ""
        raise BotError(f"no fact '{args.id}' in {knowledge.path}; {hint}see python -m bot facts list")
    print(f"id: {fact.id}  ({knowledge.path}:{fact.line})")
    for lang in LANGUAGES:
        if lang in fact.answers:
            print(f"{lang} answer: {fact.answers[lang]}")
        for question in fact.questions.get(lang, ()):
            print(f"{lang} question: {question}")
    if fact.keywords:
        print(f"keywords: {', '.join(fact.keywords)}")
    for source in fact.sources:
        print(f"source: {source}")
    return 0


def unanswered(args: argparse.Namespace) -> int:
    """The questions the bot declined, grouped with their near-duplicates, most frequent first."""
    from bot.upkeep.unanswered import UnansweredLog

    log = UnansweredLog(args.log)
    groups = log.groups()[: args.limit] if args.limit else log.groups()
    if args.json:
        for group in groups:
            print(json.dumps(group.as_json(), ensure_ascii=False))
        return 0
    if not groups:
        print(f"no unanswered questions in {log.path}")
        return 0
    for group in groups:
        best = f"best: {group.candidate} ({group.score:g})" if group.candidate else "best: none"
        print(f"{group.count:>5}  {group.text}  [{','.join(group.langs)}] {best}")
        for example in group.examples[1:]:
            print(f"       also: {example}")
    return 0


def eval_files(args: argparse.Namespace) -> int:
    """Judge the bot on evaluation files, one row per article; non-zero when one is below --min."""
    from bot.answerer import Answerer
    from bot.knowledge.reading import load
    from bot.upkeep.evaluation import ANSWERABLE, REFUSABLE, Report, article_name, evaluate, load_set

    sets = [load_set(path, knowledge=args.knowledge) for path in args.files]
    answerers: dict[Path, Answerer] = {}
    by_article: dict[Path, Report] = {}
    for evaluation in sets:
        key = evaluation.knowledge.resolve()
        if key not in answerers:
            answerers[key] = Answerer(load(evaluation.knowledge))
        report = evaluate(answerers[key], evaluation.cases)
        by_article[key] = by_article[key].merge(report) if key in by_article else report
        if len(sets) > 1:
            print(f"== {evaluation.path} ({article_name(evaluation.knowledge)})")
        print(" ".join(f"{kind}={report.good[kind]}/{report.total[kind]}" for kind in sorted(report.total)))
        if not args.quiet:
            for miss in report.misses:
                print(f"  MISS [{miss.case.kind}] {miss.case.q!r} -> {miss.fact_id}: {miss.answer[:160]!r}")
        answered, answerable = report.count(ANSWERABLE)
        refused, refusable = report.count(REFUSABLE)
        near, near_total = report.count(("near",))
        print(
            f"answerable {answered}/{answerable} = {report.answerable:.1%}; "
            f"refused out-of-scope+small {refused}/{refusable} = {report.refused:.1%}; "
            f"near-miss refused {near}/{near_total} = {report.near_refused:.1%}"
        )
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
    best: tuple[float, float] = (-1.0, 0.5)
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
        objective = means[0] + (means[1] + means[2]) / 2
        best = max(best, (objective, threshold))
        print(f"{threshold:>5.2f}  answerable {means[0]:.1%}  off-topic+small {means[1]:.1%}  near {means[2]:.1%}")
    decision = calibration.train(data, best[1])
    out.write_text(json.dumps(decision.as_json(), indent=2) + "\n", encoding="utf-8")
    print(f"threshold {best[1]:.2f} (best answerable + declined on held-out articles); weights written to {out}")


def extract(args: argparse.Namespace) -> int:
    """Write a draft knowledge file with one fact per sentence of an article."""
    from bot.knowledge import files
    from bot.knowledge.reading import check
    from bot.knowledge.store import write_atomic
    from bot.upkeep.extract import drafts, render, synonyms

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
    relative = os.path.relpath(args.article.resolve(), args.output.parent.resolve())
    text = render(items, article=Path(relative).as_posix(), origin=str(args.article), synonyms=synonyms(article))
    try:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(args.output, text, validate=check)
    except OSError as error:
        reason = error.strerror or error
        raise BotError(f"cannot write the draft {args.output} ({reason}); choose another place") from None
    print(f"wrote {len(items)} draft facts to {args.output}; complete them, then check them with:")
    print(f"  python -m bot facts check --knowledge {args.output}")
    return 0


def run(args: argparse.Namespace) -> int:
    """Run the bot in Telegram; without a token, say how to get one and chat in the console instead."""
    from bot.cache import load_answerer
    from bot.config import load_settings

    settings = load_settings(os.environ)
    answerer = load_answerer(args.knowledge or settings.knowledge_path)
    if not settings.token:
        from bot.console import NO_TOKEN

        print(NO_TOKEN, file=sys.stderr, flush=True)
        return _console_chat(answerer, settings)

    from telegram.error import InvalidToken, TelegramError

    from bot.telegram import app
    from bot.telegram.redact import configure_logging

    redact = configure_logging(settings.log_level_number, settings.secrets())
    try:
        app.run(settings, answerer)
    except InvalidToken as error:
        raise BotError("Telegram rejected TELEGRAM_BOT_TOKEN; copy it again from @BotFather (/token)") from error
    except TelegramError as error:
        raise BotError(f"cannot talk to the Telegram Bot API: {redact(str(error))}") from error
    return 0


def chat(args: argparse.Namespace) -> int:
    """Chat with the bot in this terminal: the same replies as in Telegram."""
    from bot.cache import load_answerer
    from bot.config import load_settings

    settings = load_settings(os.environ)
    return _console_chat(load_answerer(args.knowledge or settings.knowledge_path), settings)


def _console_chat(answerer: Answerer, settings: Settings) -> int:
    from bot.console import run_chat
    from bot.upkeep.unanswered import UnansweredLog

    log = UnansweredLog(settings.unanswered_path)
    interactive = sys.stdin.isatty()
    return run_chat(answerer, _stdin_lines(), sys.stdout, interactive=interactive, unanswered=log, watch=True)


def build_parser() -> argparse.ArgumentParser:
    """Every command, with help a newcomer can follow."""
    parser = argparse.ArgumentParser(
        prog="python -m bot",
        description="A chat bot that answers questions about one news article, in English and French.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {bot.__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    ask_parser = commands.add_parser(
        "ask",
        help="answer a question from the command line",
        description=(
            "Answer QUESTION, or when no QUESTION is given, read one question per line from "
            "standard input and print one answer per line, in the same order."
        ),
    )
    ask_parser.add_argument("question", nargs="*", metavar="QUESTION", help="the question, in English or French")
    ask_parser.add_argument(
        "--json",
        action="store_true",
        help="print one JSON object per question: question, answer, fact_id, score, lang, suggestions, kind",
    )
    ask_parser.add_argument("--lang", choices=("en", "fr"), help="answer in this language instead of the question's")
    _add_knowledge_option(ask_parser)
    ask_parser.set_defaults(handler=ask)

    run_parser = commands.add_parser(
        "run",
        help="run the bot in Telegram (or chat in the console when no token is set)",
        description=(
            "Run the Telegram bot with long polling, or as a webhook server when WEBHOOK_URL is set, "
            "until Ctrl-C or SIGTERM. Settings come from the environment or a .env file: "
            "TELEGRAM_BOT_TOKEN, TELEGRAM_API_BASE_URL, BOT_KNOWLEDGE, LOG_LEVEL, WEBHOOK_URL, "
            "WEBHOOK_LISTEN, WEBHOOK_PORT, WEBHOOK_SECRET (see .env.example). Without "
            "TELEGRAM_BOT_TOKEN it explains how to get one from @BotFather and starts the console chat."
        ),
    )
    _add_knowledge_option(run_parser)
    run_parser.set_defaults(handler=run)

    chat_parser = commands.add_parser(
        "chat",
        help="chat with the bot in this terminal",
        description=(
            "Chat with the bot in the terminal, with the same replies as in Telegram. Suggested "
            "questions are numbered: type the number to pick one. /source shows the article's "
            "sentence behind the last answer, /help the commands, /quit leaves."
        ),
    )
    _add_knowledge_option(chat_parser)
    chat_parser.set_defaults(handler=chat)

    facts_parser = commands.add_parser(
        "facts",
        help="add, check, list or show the facts of the knowledge file",
        description="Maintain the knowledge file: add facts safely, check it, list or show its facts.",
    )
    facts_commands = facts_parser.add_subparsers(dest="facts_command", metavar="ACTION", required=True)
    add_parser = facts_commands.add_parser(
        "add",
        help="add a fact, or a language's answer and questions to an existing fact",
        description=(
            "Add fact ID, or give an existing fact ID this language's answer (replacing the old one) and more "
            "questions. Checked before writing; the file is locked, written whole and renamed into place, its "
            "comments are kept, and the previous version is saved as FILE.bak. Run in a terminal without the "
            "options to be asked for them."
        ),
    )
    add_parser.add_argument("--id", help=f"the fact's id: {ID_RULE}")
    add_parser.add_argument("--lang", choices=("en", "fr"), help="the language of the answer and questions")
    add_parser.add_argument("--answer", metavar="TEXT", help="the answer users will read, a complete sentence")
    add_parser.add_argument(
        "--question", action="append", metavar="Q", help="a question people would ask; repeat for more"
    )
    add_parser.add_argument(
        "--source", metavar="QUOTE", help="the sentence of the article the fact rests on, copied verbatim"
    )
    _add_knowledge_option(add_parser)
    add_parser.set_defaults(handler=facts_add)
    check_parser = facts_commands.add_parser(
        "check",
        help="validate the knowledge file",
        description="Validate the knowledge file: exit 0 when it is valid, else list every problem with its line.",
    )
    _add_knowledge_option(check_parser)
    check_parser.set_defaults(handler=facts_check)
    list_parser = facts_commands.add_parser(
        "list", help="list the facts", description="One line per fact: its id, its languages, its first question."
    )
    _add_knowledge_option(list_parser)
    list_parser.set_defaults(handler=facts_list)
    show_parser = facts_commands.add_parser(
        "show", help="show one fact", description="Show a fact's answers, questions, keywords and sources."
    )
    show_parser.add_argument("id", metavar="ID", help="the fact's id (see: python -m bot facts list)")
    _add_knowledge_option(show_parser)
    show_parser.set_defaults(handler=facts_show)

    unanswered_parser = commands.add_parser(
        "unanswered",
        help="show the questions the bot could not answer, most frequent first",
        description=(
            "Show the questions the bot declined, near-duplicates grouped with a count, most frequent first, "
            "with the fact that came closest. Read from $BOT_UNANSWERED_LOG, else knowledge/unanswered.jsonl."
        ),
    )
    unanswered_parser.add_argument("--json", action="store_true", help="print one JSON object per group")
    unanswered_parser.add_argument("--limit", type=int, metavar="N", help="show only the N most frequent groups")
    unanswered_parser.add_argument("--log", type=Path, metavar="PATH", help="the log file to read")
    unanswered_parser.set_defaults(handler=unanswered)

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
        "--min", type=float, metavar="SHARE", help="fail below this answerable accuracy, e.g. 0.95 for 95%%"
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
    eval_parser.add_argument("--quiet", action="store_true", help="do not list the misses")
    _add_knowledge_option(eval_parser)
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

    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; user mistakes become a message and a non-zero exit code, never a traceback."""
    for stream in (sys.stdout, sys.stderr):  # a terminal that cannot show a letter gets an escape, not a traceback
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Command = args.handler
    try:
        return handler(args)
    except KnowledgeError as error:
        lines = [f"error: the knowledge file has {len(error.problems)} problem(s):"]
        lines += [f"  {problem}" for problem in error.problems[:_MAX_SHOWN]]
        if len(error.problems) > _MAX_SHOWN:
            lines.append(f"  and {len(error.problems) - _MAX_SHOWN:,} more")
        _print_error(lines)
        return 1
    except BotError as error:
        _print_error([f"error: {error}"])
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _print_error(lines: Sequence[str]) -> None:
    """Error lines on stderr, with the token and the webhook secret redacted whatever the error quotes."""
    from bot.config import ENV_FILE, read_env_file
    from bot.telegram.redact import Redactor

    secrets = [os.environ.get(name, "") for name in ("TELEGRAM_BOT_TOKEN", "WEBHOOK_SECRET")]
    with contextlib.suppress(BotError):
        env = read_env_file(ENV_FILE)
        secrets += [env.get("TELEGRAM_BOT_TOKEN", ""), env.get("WEBHOOK_SECRET", "")]
    redact = Redactor(secret for secret in secrets if secret)
    for line in lines:
        print(redact(line[:_MAX_LINE]), file=sys.stderr)
