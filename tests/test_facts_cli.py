"""The `facts` commands: add (its exact contract, concurrency, prompts), check, list, show."""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from bot.answerer import Answerer
from bot.cli import build_parser, main
from bot.knowledge.reading import load
from bot.knowledge.store import backup_path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = "Publié à 6h38"


def bot_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "bot", *args]


def run_bot(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        bot_command(*args),
        capture_output=True,
        text=True,
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def add_args(knowledge_copy: Path, fact_id: str, *extra: str) -> list[str]:
    return [
        "facts",
        "add",
        "--id",
        fact_id,
        "--lang",
        "en",
        "--answer",
        f"The answer of {fact_id}.",
        "--question",
        f"What about {fact_id}?",
        *extra,
        "--knowledge",
        str(knowledge_copy),
    ]


def test_facts_add_exits_zero_and_the_fact_loads(knowledge_copy: Path) -> None:
    result = run_bot(*add_args(knowledge_copy, "cli-added", "--source", SOURCE))
    assert result.returncode == 0, result.stderr
    assert "added fact 'cli-added'" in result.stdout
    fact = load(knowledge_copy).get("cli-added")
    assert fact is not None and fact.sources == (SOURCE,)


def test_twenty_concurrent_facts_add_all_land(knowledge_copy: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    processes = [
        subprocess.Popen(
            bot_command(*add_args(knowledge_copy, f"concurrent-{n}")),
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(20)
    ]
    outcomes = [(process.wait(timeout=120), process.communicate()[1]) for process in processes]
    assert [code for code, _ in outcomes] == [0] * 20, [err for _, err in outcomes]
    knowledge = load(knowledge_copy)
    assert [n for n in range(20) if knowledge.get(f"concurrent-{n}") is None] == []


def test_bad_source_is_refused_in_one_line_with_the_file_untouched(knowledge_copy: Path) -> None:
    before = knowledge_copy.read_text(encoding="utf-8")
    result = run_bot(*add_args(knowledge_copy, "invented", "--source", "Mars invades Venus"))
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().count("\n") == 0
    assert "not verbatim in the article" in result.stderr
    assert knowledge_copy.read_text(encoding="utf-8") == before


def test_facts_add_without_a_terminal_names_the_missing_options(
    knowledge_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["facts", "add", "--id", "x", "--knowledge", str(knowledge_copy)])
    assert code == 1
    assert "missing --lang, --answer or --question" in capsys.readouterr().err


class TerminalInput:
    """Standard input that is a terminal, answering prompts from a script and recording them."""

    def __init__(self, answers: list[str]) -> None:
        self.answers = answers
        self.prompts: list[str] = []

    def isatty(self) -> bool:
        return True

    def input(self, prompt: str = "") -> str:
        self.prompts.append(prompt)
        return self.answers.pop(0)


def test_facts_add_in_a_terminal_asks_for_what_is_missing(
    knowledge_copy: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    terminal = TerminalInput(["prompted-fact", "fr", "Une réponse.", "Une question posée ?", "", SOURCE])
    monkeypatch.setattr(sys, "stdin", terminal)
    monkeypatch.setattr("builtins.input", terminal.input)
    assert main(["facts", "add", "--knowledge", str(knowledge_copy)]) == 0
    fact = load(knowledge_copy).get("prompted-fact")
    assert fact is not None
    assert fact.questions["fr"] == ("Une question posée ?",)
    assert fact.sources == (SOURCE,)
    assert len(terminal.prompts) == 6


def test_facts_check_on_a_valid_file_exits_zero(knowledge_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["facts", "check", "--knowledge", str(knowledge_copy)]) == 0
    assert re.search(r"OK, \d+ facts, \d+ example questions, \d+ synonym groups", capsys.readouterr().out)


def test_facts_check_lists_every_problem_with_file_and_line_and_no_traceback(knowledge_copy: Path) -> None:
    broken = knowledge_copy.with_name("broken.yaml")
    broken.write_text(
        "article: ../seeds/article.txt\nfacts:\n"
        '  - id: Bad_Id\n    en:\n      answer: x\n    source:\n      - "not in the article"\n'
        "  - id: no-answer\n    source: []\n",
        encoding="utf-8",
    )
    result = run_bot("facts", "check", "--knowledge", str(broken))
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert f"{broken}:3: id 'Bad_Id'" in result.stderr
    assert f"{broken}:7: the source of fact 'Bad_Id'" in result.stderr
    assert f"{broken}:8: fact 'no-answer' has no answer" in result.stderr


def test_facts_list_shows_each_id_its_languages_and_first_question(
    knowledge_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["facts", "list", "--knowledge", str(knowledge_copy)]) == 0
    lines = capsys.readouterr().out.splitlines()
    knowledge = load(knowledge_copy)
    assert len(lines) == len(knowledge.facts)
    first = knowledge.facts[0]
    assert lines[0].split()[:2] == [first.id, ",".join(first.answers)]
    assert lines[0].endswith(first.first_question("en"))


def test_facts_show_prints_answers_questions_and_sources(
    knowledge_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["facts", "show", "summary", "--knowledge", str(knowledge_copy)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("id: summary")
    assert "en question: What is the article about?" in out
    assert "source: " in out


def test_facts_show_of_an_unknown_id_suggests_the_closest(
    knowledge_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["facts", "show", "sumary", "--knowledge", str(knowledge_copy)]) == 1
    assert "did you mean 'summary'?" in capsys.readouterr().err


def subcommands(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], str]]:
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                found.append(((*path, name), child.description or ""))
                found += subcommands(child, (*path, name))
    return found


@pytest.mark.parametrize(
    "command",
    [
        "facts",
        "facts add",
        "facts remove",
        "facts check",
        "facts list",
        "facts show",
        "unanswered",
        "unanswered attach",
        "unanswered clear",
        "eval",
        "extract",
    ],
)
def test_maintenance_command_has_help_text(command: str) -> None:
    descriptions = dict(subcommands(build_parser()))
    assert len(descriptions[tuple(command.split())]) > 30


def test_an_error_never_prints_the_token_whatever_it_quotes(tmp_path: Path) -> None:
    token = "123456789:AAFakeTokenForTestsOnly_abcdefghijkl"
    env = {**os.environ, "TELEGRAM_BOT_TOKEN": token}
    missing = tmp_path / f"{token.lower()}.yaml"
    done = subprocess.run(
        [sys.executable, "-m", "bot", "facts", "check", "--knowledge", str(missing)],
        capture_output=True,
        text=True,
        env=env,
        timeout=30,
    )
    assert done.returncode == 1 and "[REDACTED]" in done.stderr
    assert token.split(":")[1].casefold() not in done.stderr.casefold()


def test_thousands_of_problems_print_a_few_dozen_and_a_count(tmp_path: Path) -> None:
    (tmp_path / "article.txt").write_text("Nothing here.\n", encoding="utf-8")
    facts = "".join(f"  - {{id: fact-{n}, en: {{answer: A.}}, source: not in it}}\n" for n in range(3000))
    (tmp_path / "facts.yaml").write_text(f"article: article.txt\nfacts:\n{facts}", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "bot", "facts", "check", "--knowledge", str(tmp_path / "facts.yaml")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    lines = done.stderr.splitlines()
    assert len(lines) <= 60 and lines[-1].strip() == "and 2,950 more"


def on(knowledge: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """A command on the given knowledge file."""
    return run_bot(*args, "--knowledge", str(knowledge))


def test_questions_alone_are_added_to_an_existing_fact_in_their_language(knowledge_copy: Path) -> None:
    before = load(knowledge_copy).get("vostok-dates")
    assert before is not None
    done = on(
        knowledge_copy, "facts", "add", "--id", "vostok-dates", "--question", "Quand se terminent les manœuvres ?"
    )
    assert done.returncode == 0, done.stderr
    after = load(knowledge_copy).get("vostok-dates")
    assert after is not None and after.answers == before.answers
    assert after.questions["fr"][-1] == "Quand se terminent les manœuvres ?"


def test_questions_of_two_languages_in_one_call_each_go_to_their_own_language(knowledge_copy: Path) -> None:
    done = on(
        knowledge_copy,
        "facts",
        "add",
        "--id",
        "vostok-dates",
        "--question",
        "Total length?",
        "--question",
        "Durée totale ?",
    )
    assert done.returncode == 0, done.stderr
    after = load(knowledge_copy).get("vostok-dates")
    assert after is not None
    assert after.questions["en"][-1] == "Total length?" and after.questions["fr"][-1] == "Durée totale ?"
    assert "Total length?" not in after.questions["fr"]


def test_a_one_word_question_goes_to_the_language_whose_side_of_the_knowledge_uses_the_word(
    knowledge_copy: Path,
) -> None:
    # reported by a maintainer: "Tortues ?" was filed as English, a word of no language to the function words
    done = on(knowledge_copy, "facts", "add", "--id", "vostok-dates", "--question", "Soldats?")
    assert done.returncode == 0, done.stderr
    after = load(knowledge_copy).get("vostok-dates")
    assert after is not None and after.questions["fr"][-1] == "Soldats?"


def test_questions_of_two_languages_are_one_change_whose_backup_is_the_file_as_it_was(knowledge_copy: Path) -> None:
    before = knowledge_copy.read_text(encoding="utf-8")
    args = ("facts", "add", "--id", "vostok-dates", "--question", "Total length?", "--question", "Durée totale ?")
    done = on(knowledge_copy, *args)
    assert done.returncode == 0, done.stderr
    assert backup_path(knowledge_copy).read_text(encoding="utf-8") == before
    assert done.stdout.count("the previous version is kept") == 1


def test_adding_what_a_fact_already_has_writes_nothing_and_says_so(knowledge_copy: Path) -> None:
    before = knowledge_copy.read_bytes()
    question = load(knowledge_copy).get("vostok-dates").questions["en"][0]  # type: ignore[union-attr]
    done = on(knowledge_copy, "facts", "add", "--id", "vostok-dates", "--question", question)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("nothing to change: fact 'vostok-dates' already has that")
    assert knowledge_copy.read_bytes() == before
    assert not knowledge_copy.with_name("facts.yaml.bak").exists()


def test_questions_alone_cannot_create_a_fact(knowledge_copy: Path) -> None:
    done = on(knowledge_copy, "facts", "add", "--id", "new-fact", "--question", "Who knows?")
    assert done.returncode == 1 and "give its answer" in done.stderr


def test_a_fact_is_removed_safely_and_an_unknown_one_is_a_clear_error(knowledge_copy: Path) -> None:
    assert on(knowledge_copy, "facts", "remove", "publication-time").returncode == 0
    assert load(knowledge_copy).get("publication-time") is None
    assert knowledge_copy.with_name("facts.yaml.bak").exists()
    done = on(knowledge_copy, "facts", "remove", "publication-time")
    assert done.returncode == 1 and "no fact 'publication-time'" in done.stderr


def test_a_declined_question_is_attached_from_the_command_line_and_the_log_cleared(
    knowledge_copy: Path, tmp_path: Path
) -> None:
    done = on(knowledge_copy, "unanswered", "attach", "vostok kick-off?", "--to", "vostok-dates")
    assert done.returncode == 0, done.stderr
    fact = load(knowledge_copy).get("vostok-dates")
    assert fact is not None and "vostok kick-off?" in fact.questions["en"]
    log = tmp_path / "unanswered.jsonl"
    log.write_text('{"time": "2026-01-01T00:00:00+00:00", "text": "x", "lang": "en"}\n', encoding="utf-8")
    cleared = subprocess.run(
        [sys.executable, "-m", "bot", "unanswered", "clear", "--log", str(log)], capture_output=True, text=True
    )
    assert cleared.returncode == 0 and "cleared 1" in cleared.stdout and not log.exists()


def test_interactive_add_asks_again_for_each_wrong_answer_and_keeps_the_right_ones(
    knowledge_copy: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from bot.cli import facts
    from bot.knowledge.reading import load as load_knowledge

    typed = iter(
        [
            "Not An Id",
            "late-hour",  # a bad id, then a good one
            "de",
            "en",  # no such language
            "",
            "The article was published at 6:38.",  # an empty answer
            "When is Vostok?",
            "At what time was it published?",
            "",  # a question another fact asks
            "Published at 6h38",
            "Publié à 6h38",  # not verbatim, then verbatim
        ]
    )
    monkeypatch.setattr("builtins.input", lambda prompt="": next(typed))
    args = argparse.Namespace(id=None, lang=None, answer=None, question=[], source=None)
    facts._prompt_missing(args, load_knowledge(knowledge_copy))
    assert (args.id, args.lang, args.answer) == ("late-hour", "en", "The article was published at 6:38.")
    assert (args.question, args.source) == (["At what time was it published?"], "Publié à 6h38")
    said = capsys.readouterr().out
    assert "lower-case words" in said and "already asked in fact 'vostok-dates'" in said and "closest passage" in said


def test_ctrl_d_during_interactive_add_writes_nothing_and_says_so(
    knowledge_copy: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def end_of_input(prompt: str = "") -> str:
        raise EOFError

    before = knowledge_copy.read_text(encoding="utf-8")
    monkeypatch.setattr("builtins.input", end_of_input)
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    assert main(["facts", "add", "--knowledge", str(knowledge_copy)]) == 1
    assert "nothing was written" in capsys.readouterr().err
    assert knowledge_copy.read_text(encoding="utf-8") == before


@pytest.mark.parametrize(("given", "share"), [("0.95", 0.95), ("95%", 0.95), ("95", 0.95), ("1", 1.0)])
def test_eval_min_takes_a_share_or_a_percentage(given: str, share: float) -> None:
    args = build_parser().parse_args(["eval", "knowledge/eval.yaml", "--min", given])
    assert args.min == pytest.approx(share)


@pytest.mark.parametrize("given", ["abc", "-1", "150", "95%%"])
def test_eval_min_refuses_anything_else_in_one_line(given: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        build_parser().parse_args(["eval", "knowledge/eval.yaml", "--min", given])
    assert "is no accuracy" in capsys.readouterr().err


def test_run_help_lists_every_setting_the_bot_reads(capsys: pytest.CaptureFixture[str]) -> None:
    import re

    sources = [ROOT / "bot" / "config.py", ROOT / "bot" / "cache.py", ROOT / "bot" / "knowledge" / "files.py"]
    read = set()
    for source in sources:
        read |= set(re.findall(r'"((?:TELEGRAM|BOT|WEBHOOK)_[A-Z_]+|LOG_LEVEL)"', source.read_text(encoding="utf-8")))
    with pytest.raises(SystemExit):
        main(["run", "--help"])
    shown = capsys.readouterr().out
    assert read and all(name in shown for name in read), read


def test_ask_help_lists_every_json_field(capsys: pytest.CaptureFixture[str], answerer: Any) -> None:
    with pytest.raises(SystemExit):
        main(["ask", "--help"])
    shown = capsys.readouterr().out
    assert all(f"  {field} " in shown for field in answerer.reply("When is Vostok?").as_json())


def checked_with_groups(knowledge: Path, capsys: pytest.CaptureFixture[str], *groups: str) -> str:
    """What ``facts check`` says of the knowledge once ``groups`` open its synonyms."""
    added = "".join(f"  - {group}\n" for group in groups)
    text = knowledge.read_text(encoding="utf-8")
    knowledge.write_text(text.replace("synonyms:\n", "synonyms:\n" + added, 1), encoding="utf-8")
    assert main(["facts", "check", "--knowledge", str(knowledge)]) == 0
    return capsys.readouterr().out


def test_facts_check_warns_when_two_synonym_groups_share_a_stem(
    knowledge_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shown = checked_with_groups(knowledge_copy, capsys, "[enrolment, inscription]", "[enrol, s'inscrire]")
    assert "synonym 'enrol' shares its stem with 'enrolment'" in shown


def test_facts_check_warns_of_a_word_listed_twice_in_one_synonym_group(
    knowledge_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # reported by a maintainer: [decide, decision, ..., decide] passed the check without a word
    assert "listed twice" not in checked_with_groups(knowledge_copy, capsys, "[choose, choisir]")
    shown = checked_with_groups(knowledge_copy, capsys, "[decide, decision, décider, Decide]")
    assert "synonym 'Decide' is listed twice in its group" in shown


def test_facts_check_says_nothing_of_a_shared_stem_once_the_group_lists_the_words_forms(
    knowledge_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """ "centrale" (the central beach) is no care "centre": listing its forms says which are its own."""
    shown = checked_with_groups(knowledge_copy, capsys, "[centre, center]", "[central, centrale, centraux]")
    assert "synonym 'central" not in shown and "synonym 'centraux'" not in shown


def with_example(knowledge: Path, question: str) -> None:
    """Give the knowledge's summary fact one more example question."""
    text = knowledge.read_text(encoding="utf-8")
    text = text.replace("        - What is this news about?\n", f"        - {question}\n", 1)
    knowledge.write_text(text, encoding="utf-8")


def test_an_example_question_that_is_only_small_talk_stays_small_talk(knowledge_copy: Path) -> None:
    # reported by a maintainer: a fact about who was thanked listed "Thanks?", and "thanks!" got that fact
    with_example(knowledge_copy, "Thanks?")
    answerer = Answerer(load(knowledge_copy))
    assert answerer.reply("thanks!").kind == "small_talk"
    assert answerer.reply("Who won? thanks").kind != "small_talk"


def checked_with_example(knowledge: Path, capsys: pytest.CaptureFixture[str], question: str) -> str:
    """What ``facts check`` says of the knowledge once its summary fact lists ``question`` too."""
    with_example(knowledge, question)
    assert main(["facts", "check", "--knowledge", str(knowledge)]) == 0
    return capsys.readouterr().out


def test_facts_check_warns_of_an_example_question_that_is_only_small_talk(
    knowledge_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shown = checked_with_example(knowledge_copy, capsys, "Thanks?")
    assert "warning: 'Thanks?' (fact 'summary') is small talk" in shown


def test_facts_check_warns_of_an_example_question_asking_what_its_answer_does_not_give(
    knowledge_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # reported by a maintainer: "How much will the floodlights cost?" reached its fact, whose answer gave no
    # currency, but "how much will the lights cost?" was declined, and the check had said nothing
    shown = checked_with_example(knowledge_copy, capsys, "How much did the exercises cost?")
    assert "warning: 'How much did the exercises cost?' (fact 'summary') asks for a price" in shown
    assert shown.count("asks for") == 1  # the shipped examples ask nothing their answers do not give
