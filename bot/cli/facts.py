"""Maintaining the knowledge: ``facts`` (add, remove, check, list, show) and ``unanswered`` (list, attach, clear)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from bot.cli.common import MAX_SHOWN, add_knowledge_option, knowledge_path
from bot.errors import BotError
from bot.knowledge.model import (
    ID_RULE,
    LANGUAGES,
    Knowledge,
    answer_problem,
    id_problem,
    taken_problem,
    unquoted,
)

if TYPE_CHECKING:
    from bot.knowledge.store import Added

_DETAIL_NAMES = {
    "price": "a price",
    "date": "a date",
    "day": "a day of a month",
    "moment": "a day of a month or a clock time",
    "hour": "an hour",
    "year": "a year",
    "number": "a number",
    "name": "a name",
}


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The facts and unanswered commands."""
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
            "questions; to an existing fact, --question alone adds ways to ask it. Checked before writing; the "
            "file is locked, written whole and renamed into place, its comments are kept, and the previous "
            "version is saved as FILE.bak. Run in a terminal without the options to be asked for them, each "
            "answer checked as you type it (Ctrl-D stops, writing nothing)."
        ),
    )
    add_parser.add_argument("--id", help=f"the fact's id: {ID_RULE}")
    add_parser.add_argument(
        "--lang", choices=("en", "fr"), help="the language of the answer and questions (default: as they read)"
    )
    add_parser.add_argument(
        "--answer", metavar="TEXT", help="the answer users will read, a complete sentence (kept when omitted)"
    )
    add_parser.add_argument(
        "--question", action="append", metavar="Q", help="a question people would ask; repeat for more"
    )
    add_parser.add_argument(
        "--source", metavar="QUOTE", help="the sentence of the article the fact rests on, copied verbatim"
    )
    add_knowledge_option(add_parser)
    add_parser.set_defaults(handler=facts_add)
    remove_parser = facts_commands.add_parser(
        "remove",
        help="take a fact out of the knowledge file",
        description="Take fact ID out of the knowledge file, as safely as add (lock, backup in FILE.bak, rename).",
    )
    remove_parser.add_argument("id", metavar="ID", help="the fact's id (see: python -m bot facts list)")
    add_knowledge_option(remove_parser)
    remove_parser.set_defaults(handler=facts_remove)
    check_parser = facts_commands.add_parser(
        "check",
        help="validate the knowledge file",
        description="Validate the knowledge file: exit 0 when it is valid, else list every problem with its line.",
    )
    add_knowledge_option(check_parser)
    check_parser.set_defaults(handler=facts_check)
    list_parser = facts_commands.add_parser(
        "list", help="list the facts", description="One line per fact: its id, its languages, its first question."
    )
    add_knowledge_option(list_parser)
    list_parser.set_defaults(handler=facts_list)
    show_parser = facts_commands.add_parser(
        "show", help="show one fact", description="Show a fact's answers, questions, keywords and sources."
    )
    show_parser.add_argument("id", metavar="ID", help="the fact's id (see: python -m bot facts list)")
    add_knowledge_option(show_parser)
    show_parser.set_defaults(handler=facts_show)

    unanswered_parser = commands.add_parser(
        "unanswered",
        help="show the questions the bot could not answer; attach one to a fact; clear them",
        description=(
            "Show the questions the bot declined, near-duplicates grouped with a count, most frequent first, "
            "with the fact that came closest, and the answers users disputed with 👎, with the fact they got. "
            "Read from $BOT_UNANSWERED_LOG, else knowledge/unanswered.jsonl. "
            "'unanswered attach QUESTION --to ID' adds a question to a fact as another way to ask it; "
            "'unanswered clear' forgets them all."
        ),
    )
    unanswered_parser.add_argument("--json", action="store_true", help="print one JSON object per group")
    unanswered_parser.add_argument("--limit", type=int, metavar="N", help="show only the N most frequent groups")
    unanswered_parser.add_argument("--log", type=Path, metavar="PATH", help="the log file to read")
    unanswered_parser.set_defaults(handler=unanswered)
    unanswered_commands = unanswered_parser.add_subparsers(dest="unanswered_command", metavar="ACTION")
    attach_parser = unanswered_commands.add_parser(
        "attach",
        help="add a declined question to a fact, as another way to ask it",
        description="Add QUESTION to fact ID's example questions, in the question's language when the fact "
        "answers in it; the bot answers it at once (a running bot picks the edit up).",
    )
    attach_parser.add_argument("question", metavar="QUESTION", help="the question, as users typed it")
    attach_parser.add_argument("--to", required=True, metavar="ID", help="the fact that answers it")
    add_knowledge_option(attach_parser)
    attach_parser.set_defaults(handler=unanswered_attach)
    clear_parser = unanswered_commands.add_parser(
        "clear", help="forget every declined question", description="Delete the unanswered log and its older file."
    )
    clear_parser.add_argument("--log", type=Path, metavar="PATH", help="the log file to clear")
    clear_parser.set_defaults(handler=unanswered_clear)

    stats_parser = commands.add_parser(
        "stats",
        help="count answered, declined, disputed and liked questions per fact and per day",
        description=(
            "Count what the running bot recorded in $BOT_STATS_LOG, else knowledge/stats.jsonl: questions "
            "answered, declined (counted for the closest fact, '-' when none), answers disputed with 👎 and "
            "liked with 👍, per fact and per day."
        ),
    )
    stats_parser.add_argument("--days", type=_positive, metavar="N", help="only the last N days (UTC)")
    stats_parser.add_argument("--log", type=Path, metavar="PATH", help="the stats log to read")
    stats_parser.add_argument("--json", action="store_true", help="print the counts as one JSON object")
    stats_parser.add_argument("--plot", type=Path, metavar="PNG", help="also draw the counts per day (bench extra)")
    stats_parser.set_defaults(handler=stats)


def _asked(prompt: str, check: Callable[[str], str | None]) -> str:
    """What the maintainer types at ``prompt``, asked again until ``check`` finds nothing wrong with it."""
    while True:
        value = input(prompt).strip()
        problem = check(value)
        if problem is None:
            return value
        print(f"  {problem}")


def _prompt_missing(args: argparse.Namespace, knowledge: Knowledge) -> None:
    """Ask in the terminal for what ``facts add`` was not given, checking each answer as it is typed, so a
    mistake costs that answer, not everything typed before it."""
    if args.id is None:
        args.id = _asked(f"Fact id ({ID_RULE}): ", id_problem)
    existing = knowledge.get(args.id)
    if args.lang is None:
        args.lang = _asked(
            "Language of the answer and questions (en or fr): ",
            lambda lang: None if lang in LANGUAGES else f"type one of: {', '.join(LANGUAGES)}",
        )
    if args.answer is None and (existing is None or args.lang not in existing.answers):
        args.answer = _asked("Answer (what users will read): ", answer_problem)
    if not args.question:
        print("Questions people would ask, one per line; an empty line ends:")
        while question := input("  ? ").strip():
            other = knowledge.asking(question)
            if other is not None and other.id != args.id:
                print(f"  {taken_problem(question, other.id)}")
            else:
                args.question.append(question)
    if args.source is None:
        args.source = (
            _asked(
                "Source, copied verbatim from the article (empty to skip): ",
                lambda source: None if not source or knowledge.quotes(source) else unquoted(source, knowledge.article),
            )
            or None
        )


def facts_add(args: argparse.Namespace) -> int:
    """Add a fact, or a language's answer and questions to an existing one."""
    from bot.knowledge.reading import load
    from bot.knowledge.store import add_fact, add_questions

    path = knowledge_path(args)
    args.question = list(args.question or [])
    if sys.stdin.isatty() and (args.id is None or args.lang is None or args.answer is None or not args.question):
        try:
            _prompt_missing(args, load(path))
        except EOFError:  # Ctrl-D: the maintainer left
            print()
            raise BotError("stopped: nothing was written") from None
    language = _language_reader(path) if args.lang is None and args.question else None
    if language and args.answer is not None:
        args.lang = language(" ".join([*args.question, args.answer]))
    # questions alone are each added in their own language ("Total cost?", "Coût total ?")
    batches = [(args.lang, args.question)] if args.lang else _by_language(args.question, language) if language else []
    missing = [flag for flag, value in (("--id", args.id), ("--lang", batches)) if not value]
    if not args.question and args.answer is None:
        missing.append("--answer or --question")
    if missing:
        raise BotError(
            f"missing {', '.join(missing)}; see python -m bot facts add --help (or run it in a terminal to be asked)"
        )
    if len(batches) > 1:  # questions alone, in both languages: one write, so the backup is the file as it was
        done = add_questions(path, args.id, dict(batches))
    else:
        lang, questions = batches[0]
        done = [add_fact(path, args.id, lang=lang, answer=args.answer, questions=questions, source=args.source)]
    changed = [added for added in done if _report(added, path)]
    if changed:
        print(f"the previous version is kept in {changed[0].backup}")
    return 0


def _report(added: Added, path: Path) -> bool:
    """What ``facts add`` changed, in one line; whether it changed anything."""
    if added.created:
        print(f"added fact '{added.fact_id}' ({added.lang}) with {len(added.questions_added)} question(s) to {path}")
        if not added.source_added:
            print(f"note: fact '{added.fact_id}' has no source yet; add one with --source QUOTE", file=sys.stderr)
        return True
    if not (added.questions_added or added.answer_replaced or added.source_added):
        print(f"nothing to change: fact '{added.fact_id}' already has that ({added.lang}); {path} is unchanged")
        return False
    changes = [f"{len(added.questions_added)} {added.lang} question(s) added"]
    if added.answer_replaced:
        changes.insert(0, f"{added.lang} answer replaced")
    if added.source_added:
        changes.append("source added")
    print(f"updated fact '{added.fact_id}' in {path}: {', '.join(changes)}")
    return True


def _by_language(questions: list[str], language: Callable[[str], str]) -> list[tuple[str, list[str]]]:
    """The questions grouped by the language each is written in, in the order they come."""
    groups: dict[str, list[str]] = {}
    for question in questions:
        groups.setdefault(language(question), []).append(question)
    return list(groups.items())


def _language_reader(path: Path) -> Callable[[str], str]:
    """How the bot reads a text's language: with the knowledge's own words when it loads ("Tortues ?" is
    French where only the French answers say "tortues"), else from the text alone."""
    from bot.cache import load_answerer
    from bot.folding import tokenize
    from bot.matching.text import detect_language

    try:
        matcher = load_answerer(path).matcher  # the cached answerer, as `unanswered attach` uses
    except BotError:  # add_fact says what is wrong with the file
        return lambda text: detect_language(text, tokenize(text))
    return lambda text: matcher.analyse(text).lang


def facts_remove(args: argparse.Namespace) -> int:
    """Take a fact out of the knowledge file, safely."""
    from bot.knowledge.store import remove_fact

    path = knowledge_path(args)
    backup = remove_fact(path, args.id)
    print(f"removed fact '{args.id}' from {path}; the previous version is kept in {backup}")
    return 0


def facts_check(args: argparse.Namespace) -> int:
    """Validate the knowledge file; every problem is listed with its line."""
    from bot.answerer import Answerer
    from bot.knowledge.reading import load
    from bot.upkeep.collisions import collisions, missing_details, repeated_synonyms, shared_stems

    knowledge = load(knowledge_path(args))
    asked = sum(len(questions) for fact in knowledge.facts for questions in fact.questions.values())
    groups = len(knowledge.synonyms)
    print(f"{knowledge.path}: OK, {len(knowledge.facts)} facts, {asked} example questions, {groups} synonym groups")
    answerer = Answerer(knowledge)
    found = list(collisions(answerer))
    for collision in found[:MAX_SHOWN]:
        where = f"{collision.question!r} (fact '{collision.fact_id}')"
        if collision.small_talk:
            print(
                f"warning: {where} is small talk ({collision.small_talk}): users who type it mean that, and get "
                "the small-talk reply; ask it with a word of the fact"
            )
            continue
        winner = f"fact '{collision.winner}' answers it" if collision.winner else "it is declined"
        print(f"warning: {where} does not reach its fact: {winner}")
    if len(found) > MAX_SHOWN:
        print(f"warning: ... and {len(found) - MAX_SHOWN} more example question(s) that do not reach their fact")
    for missing in list(missing_details(answerer))[:MAX_SHOWN]:
        wanted = " and ".join(_DETAIL_NAMES.get(detail, detail) for detail in missing.details)
        print(
            f"warning: {missing.question!r} (fact '{missing.fact_id}') asks for {wanted}, which its answer does not "
            "give: asked in other words, it is declined; give it in the answer, or take the question out"
        )
    for repeated in list(repeated_synonyms(knowledge))[:MAX_SHOWN]:
        print(f"warning: synonym {repeated!r} is listed twice in its group; was one meant for another group?")
    for shared in list(shared_stems(knowledge))[:MAX_SHOWN]:
        if shared.word == shared.taken_by:
            print(f"warning: synonym {shared.word!r} is already in an earlier group; keep it in one")
        else:
            print(
                f"warning: synonym {shared.word!r} shares its stem with {shared.taken_by!r} of an earlier group: "
                f"the forms of {shared.word!r} you did not list are read as {shared.taken_by!r}; "
                "merge the groups if they mean the same, or list its other forms in its group"
            )
    return 0


def facts_list(args: argparse.Namespace) -> int:
    """One line per fact: id, languages, first question."""
    from bot.knowledge.model import LANGUAGES
    from bot.knowledge.reading import load

    knowledge = load(knowledge_path(args))
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

    knowledge = load(knowledge_path(args))
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
        if group.kind == "disputed":
            best = f"disputed: the answer of {group.candidate}"
        else:
            best = f"best: {group.candidate} ({group.score:g})" if group.candidate else "best: none"
        print(f"{group.count:>5}  {group.text}  [{','.join(group.langs)}] {best}")
        for example in group.examples[1:]:
            print(f"       also: {example}")
    return 0


def _positive(text: str) -> int:
    number = int(text) if text.isdigit() else 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of days, at least 1, not {text[:20]!r}")
    return number


def stats(args: argparse.Namespace) -> int:
    """Usage counts per fact and per day."""
    from bot.upkeep.stats import StatsLog, last_days, table

    log = StatsLog(args.log)
    counts = log.counts(days=last_days(args.days) if args.days else None)
    if args.json:
        print(json.dumps({"by_fact": counts.by_fact, "by_day": counts.by_day}, ensure_ascii=False))
    elif not counts.by_day:
        print(f"no questions recorded in {log.path}")
    else:
        print("\n".join(table(counts.by_fact, heading="fact")))
        print()
        print("\n".join(table(counts.by_day, heading="day", by_name=True)))
    if args.plot and counts.by_day:
        from bot.upkeep.plots import usage_plot

        usage_plot(counts, args.plot)
        print(f"plot written to {args.plot}")
    return 0


def unanswered_attach(args: argparse.Namespace) -> int:
    """Add a declined question to a fact."""
    from bot.cache import load_answerer
    from bot.upkeep.unanswered import attach

    path = knowledge_path(args)
    added = attach(load_answerer(path), args.question, args.to)
    if added.questions_added:
        print(f"attached {args.question!r} to fact '{args.to}' ({added.lang}) in {path}")
    else:
        print(f"fact '{args.to}' already asks {args.question!r}")
    return 0


def unanswered_clear(args: argparse.Namespace) -> int:
    """Forget the declined questions."""
    from bot.upkeep.unanswered import UnansweredLog

    log = UnansweredLog(args.log)
    print(f"cleared {log.clear()} unanswered question(s) from {log.path}")
    return 0
