"""Hostile input: any text gets a reply, never an exception, and the work per question is bounded."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bot.answerer import Answerer
from bot.errors import KnowledgeError
from bot.folding import MAX_QUESTION_CHARS, normalize, tokenize
from bot.knowledge.model import Knowledge
from bot.knowledge.reading import load
from bot.matching.text import detect_language
from bot.replies import ABOUT_THE_ARTICLE

ROOT = Path(__file__).resolve().parent.parent
FACTS = ROOT / "knowledge" / "facts.yaml"
NASTY = (
    "\u200b\u200c\u200d\u2060\ufeff"  # zero-width
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"  # bidi controls
    "\u0301\u0308\u0327\u20dd"  # combining marks
    "\x00\x07\x1b\x7f\x85\u2028\u2029\r\t\v\f"  # controls and odd line breaks
    "👨‍👩‍👧‍👦🇨🇳🏳️‍🌈✊🏿"  # emoji sequences
    "Восток中国演习العربيةעברית"  # other scripts
    "@#<>&\"'`\\/"
)
hostile_text = st.one_of(
    st.text(),
    st.text(alphabet=st.sampled_from(NASTY + "vostok quand who "), max_size=300),
    st.text(min_size=4096, max_size=4096, alphabet=st.characters(blacklist_categories=("Cs",))),
    st.builds(lambda c, n: c * n, st.characters(blacklist_categories=("Cs",)), st.integers(1, 5000)),
    st.just(""),
)
REPLY_KINDS = {"answer", "decline", "small_talk", "empty"}


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return load(FACTS)


@pytest.fixture(scope="module")
def answerer(knowledge: Knowledge) -> Answerer:
    return Answerer(knowledge)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=hostile_text)
@example(text="ARTICE")  # read as "article": the header's ~about, a fact of no knowledge file
def test_any_text_gets_a_reply_and_never_an_exception(answerer: Answerer, text: str) -> None:
    reply = answerer.reply(text)
    assert reply.answer.strip()
    assert reply.kind in REPLY_KINDS and reply.lang in ("en", "fr")
    header = {f"~{field}" for field in ABOUT_THE_ARTICLE}
    assert reply.fact_id is None or reply.fact_id in header or answerer.knowledge.get(reply.fact_id) is not None
    json.dumps(reply.as_json())


@settings(max_examples=300, deadline=None)
@given(text=hostile_text)
def test_normalisation_is_bounded_folded_and_stable(text: str) -> None:
    normalized = normalize(text)
    assert len(normalized) <= MAX_QUESTION_CHARS
    assert normalized == normalized.strip() and "  " not in normalized
    assert normalize(normalized) == normalized
    assert all(token.isalnum() for token in tokenize(text))


@settings(max_examples=300, deadline=None)
@given(text=hostile_text)
def test_language_detection_always_says_english_or_french(text: str) -> None:
    assert detect_language(text, tokenize(text)) in ("en", "fr")


def test_a_huge_question_is_cut_before_matching(answerer: Answerer) -> None:
    query = answerer.matcher.analyse("when is vostok " * 2000)
    assert len(" ".join(query.tokens)) <= MAX_QUESTION_CHARS


def _mutations(text: str, rng: random.Random) -> str:
    lines = text.splitlines(keepends=True)
    choice = rng.randrange(6)
    index = rng.randrange(len(lines))
    if choice == 0:
        del lines[index]
    elif choice == 1:
        lines[index] = "\t" + lines[index]
    elif choice == 2:
        lines.insert(index, rng.choice(["- [", "  id: 3\n", ": :\n", "facts: 7\n", "  - \n", "&a *b\n", "%TAG\n"]))
    elif choice == 3:
        lines[index] = lines[index].replace(":", "", 1)
    elif choice == 4:
        lines = lines[: rng.randrange(len(lines))]
    else:
        position = rng.randrange(len(text))
        return text[:position] + rng.choice("{}[]:'\"\x00é\t") + text[position:]
    return "".join(lines)


def test_mangled_knowledge_files_fail_with_located_problems_never_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "knowledge").mkdir()
    shutil.copy(ROOT / "seeds" / "article.txt", tmp_path / "seeds" / "article.txt")
    original = FACTS.read_text(encoding="utf-8")
    path = tmp_path / "knowledge" / "facts.yaml"
    rng = random.Random(20261126)
    failures = 0
    for _ in range(150):
        path.write_text(_mutations(original, rng), encoding="utf-8")
        try:
            knowledge = load(path)
        except KnowledgeError as error:
            failures += 1
            assert error.problems and all(str(problem).startswith(str(path)) for problem in error.problems)
        else:
            assert knowledge.facts and all(fact.answers for fact in knowledge.facts)
    assert failures > 50


@settings(max_examples=100, deadline=None)
@given(text=st.text())
def test_any_text_as_a_knowledge_file_is_refused_with_located_problems(
    tmp_path_factory: pytest.TempPathFactory, text: str
) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "facts.yaml"
    path.write_text(text, encoding="utf-8", errors="replace")
    with pytest.raises(KnowledgeError) as caught:
        load(path)
    assert caught.value.problems and all(str(p).startswith(str(path)) for p in caught.value.problems)


def test_ask_answers_thousands_of_hostile_lines_with_one_json_object_each() -> None:
    rng = random.Random(7)
    alphabet = NASTY.replace("\r", "") + "abcdefghijklmnopqrstuvwxyz éàüœ?!. "
    lines = ["".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 200))) for _ in range(3000)]
    lines += ["a" * 10_000, "", " ", "\u202e" * 500]
    result = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "--json"],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    replies = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(replies) == len(lines)
    assert all(reply["answer"] for reply in replies)
