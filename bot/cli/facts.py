"""Maintaining the knowledge: ``facts`` (add, remove, check, list, show) and ``unanswered`` (list, attach, clear)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bot.cli.common import MAX_SHOWN, add_knowledge_option, knowledge_path
from bot.errors import BotError
from bot.knowledge.model import ID_RULE


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
    add_knowledge_option(add_parser)
    add_parser.set_defaults(handler=facts_add)
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
    path = knowledge_path(args)
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

    knowledge = load(knowledge_path(args))
    print(f"{knowledge.path}: OK, {len(knowledge.facts)} facts")
    found = list(collisions(Answerer(knowledge)))
    for collision in found[:MAX_SHOWN]:
        winner = f"fact '{collision.winner}' answers it" if collision.winner else "it is declined"
        print(f"warning: {collision.question!r} (fact '{collision.fact_id}') does not reach its fact: {winner}")
    if len(found) > MAX_SHOWN:
        print(f"warning: ... and {len(found) - MAX_SHOWN} more example question(s) that do not reach their fact")
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
        best = f"best: {group.candidate} ({group.score:g})" if group.candidate else "best: none"
        print(f"{group.count:>5}  {group.text}  [{','.join(group.langs)}] {best}")
        for example in group.examples[1:]:
            print(f"       also: {example}")
    return 0
