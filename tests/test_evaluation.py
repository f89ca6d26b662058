"""The evaluation judge (as the external judge ../shared/eval/score.py judges) and the `eval` command."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.answerer import Reply
from bot.cli import main
from bot.upkeep.evaluation import Case, EvaluationError, evaluate, judge, load_cases

ROOT = Path(__file__).resolve().parent.parent
KNOWLEDGE = ROOT / "knowledge" / "facts.yaml"


class FakeAnswerer:
    """Answers from a table and records every question it was asked."""

    def __init__(self, answers: dict[str, tuple[str | None, str]]) -> None:
        self.answers = answers
        self.asked: list[str] = []

    def reply(self, question: str, *, lang: str | None = None) -> Reply:
        self.asked.append(question)
        fact_id, text = self.answers.get(question, (None, "Sorry, the article doesn't say."))
        kind = "answer" if fact_id else "decline"
        return Reply(question, text, fact_id, 60.0 if fact_id else 20.0, "en", (), kind)


def test_expected_words_match_without_accents_or_case() -> None:
    case = Case("Until when?", "fr", (("5",), ("september", "septembre")))
    assert judge(case, "vostok-dates", "Jusqu'au 5 SEPTEMBRE.")


def test_expected_words_must_be_whole_words() -> None:
    case = Case("Until when?", "en", (("5",),))
    assert not judge(case, "vostok-dates", "Until the 15th.")


def test_every_group_must_be_matched() -> None:
    case = Case("When?", "en", (("30",), ("august",)))
    assert not judge(case, "vostok-dates", "On the 30th of July... 30 July")


def test_answerable_case_without_a_fact_is_a_miss_even_with_the_words() -> None:
    assert not judge(Case("When?", "en", (("august",),)), None, "Not in August, sorry")


@pytest.mark.parametrize("kind", ["oos", "near", "small"])
def test_cases_without_expect_need_no_fact(kind: str) -> None:
    assert judge(Case("Who invented the telephone?", kind), None, "Sorry")
    assert not judge(Case("Who invented the telephone?", kind), "summary", "China...")


def test_report_counts_per_kind_and_lists_misses() -> None:
    cases = [
        Case("When?", "en", (("august",),)),
        Case("Quand ?", "fr", (("aout",),)),
        Case("Telephone?", "oos"),
        Case("Tanks?", "near"),
    ]
    fake = FakeAnswerer({"When?": ("dates", "In August."), "Tanks?": ("summary", "Troops.")})
    report = evaluate(fake, cases)
    assert fake.asked == ["When?", "Quand ?", "Telephone?", "Tanks?"]
    assert (report.answerable, report.refused, report.near_refused) == (0.5, 1.0, 0.0)
    assert [miss.case.q for miss in report.misses] == ["Quand ?", "Tanks?"]
    assert report.declined == 2


def test_questions_are_asked_on_one_line_like_score_py() -> None:
    fake = FakeAnswerer({})
    evaluate(fake, [Case("When\ndoes it start?", "oos")])
    assert fake.asked == ["When does it start?"]


def test_eval_file_without_cases_is_refused_with_an_example(tmp_path: Path) -> None:
    path = tmp_path / "eval.yaml"
    path.write_text("questions: []\n", encoding="utf-8")
    with pytest.raises(EvaluationError, match="needs a non-empty 'cases:' list"):
        load_cases(path)


def test_case_with_an_unknown_kind_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "eval.yaml"
    path.write_text("cases:\n- {q: hi, kind: chat}\n", encoding="utf-8")
    with pytest.raises(EvaluationError, match="case 1 needs"):
        load_cases(path)


@pytest.fixture
def eval_path(tmp_path: Path) -> Path:
    path = tmp_path / "eval.yaml"
    path.write_text(
        "cases:\n"
        "- {q: 'Is China sending troops to Russia?', kind: en, expect: [[russia, russie]]}\n"
        "- {q: 'Zzyzx qwv?', kind: en, expect: [[zzyzx]]}\n"
        "- {q: 'Who invented the telephone?', kind: oos}\n",
        encoding="utf-8",
    )
    return path


def test_eval_below_the_floor_exits_non_zero(eval_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", str(eval_path), "--knowledge", str(KNOWLEDGE), "--min", "0.9"]) == 1
    captured = capsys.readouterr()
    assert "en=1/2 oos=1/1" in captured.out
    assert "MISS [en] 'Zzyzx qwv?'" in captured.out
    assert "answerable 1/2 = 50.0%" in captured.out
    assert "below --min" in captured.err


def test_eval_at_or_above_the_floor_exits_zero(eval_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", str(eval_path), "--knowledge", str(KNOWLEDGE), "--min", "0.5"]) == 0
    assert "refused out-of-scope+small 1/1 = 100.0%" in capsys.readouterr().out


def test_sweep_prints_a_row_per_threshold_and_marks_the_current_one(
    eval_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["eval", str(eval_path), "--knowledge", str(KNOWLEDGE), "--sweep"]) == 0
    rows = [line for line in capsys.readouterr().out.splitlines() if re.match(r"\s*0\.\d\d ", line)]
    assert [row.split()[0] for row in rows] == [f"{cutoff / 100:.2f}" for cutoff in range(5, 100, 5)]
    assert sum("<- current" in row for row in rows) == 1


def test_missing_eval_file_is_one_clear_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", str(tmp_path / "none.yaml")]) == 1
    assert capsys.readouterr().err.strip().endswith("none.yaml: file not found")


def test_an_evaluation_file_whose_aliases_explode_is_refused_at_once(tmp_path: Path) -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"{chr(98 + n)}: &{chr(98 + n)} [{', '.join(['*' + chr(97 + n)] * 10)}]" for n in range(8)]
    lines.append("cases:")
    lines += ["- {q: 'When?', kind: en, expect: *i}"] * 3
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(EvaluationError, match="lists of words"):
        load_cases(path)


def test_an_evaluation_file_with_thousands_of_aliased_cases_is_refused(tmp_path: Path) -> None:
    expect = "[" + ", ".join(f"[w{n}]" for n in range(500)) + "]"
    path = tmp_path / "many.yaml"
    path.write_text(f"e: &e {expect}\ncases:\n" + "- {q: 'When?', kind: en, expect: *e}\n" * 2000, encoding="utf-8")
    with pytest.raises(EvaluationError, match="aliases"):
        load_cases(path)
