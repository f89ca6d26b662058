"""Benchmarks: matching speed on the article and at scale, end to end in Telegram, start-up, batch answering.

``python -m benchmarks`` runs every section and compares the matcher with two
baselines (BM25 and rapidfuzz's extractOne, see ``benchmarks.baselines``) on the same
knowledge and questions. Whole processes are timed as subprocesses, and each
synthetic size runs in a fresh process, so load times and peak memory are
those of a real ``python -m bot`` process, not of this one.
The end-to-end section imports the fake Bot API from ``tests/fake_bot_api.py``:
run it from a checkout.
Timings are medians of repeated runs; the machine is shared, so the load
average at the start and end is recorded with them.
"""

from __future__ import annotations

import contextlib
import datetime
import importlib
import json
import math
import os
import platform
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks import baselines, synthetic
from bot.answerer import Answerer
from bot.errors import BotError
from bot.knowledge.reading import load
from bot.upkeep.evaluation import Case, evaluate, judge, load_cases

ROOT = Path(__file__).resolve().parent.parent
EVAL_FILES = (ROOT / "knowledge" / "eval.yaml", ROOT / "knowledge" / "eval-holdout.yaml")
BASELINE_NAMES = ("bm25", "extractone")
FAKE_TOKEN_ENV = ("PATH", "HOME", "LANG", "LC_ALL", "SYSTEMROOT", "VIRTUAL_ENV")

Results = dict[str, Any]
Progress = Callable[[str], None]


@dataclass(frozen=True)
class Plan:
    """How much to measure: the full run, or ``--quick`` (seconds, for CI)."""

    quick: bool
    knowledge: Path
    article_repeats: int
    sizes: tuple[int, ...]
    scale_questions: int
    baseline_questions_large: int
    messages: int
    users: int
    paced_rate: float
    ask_runs: int
    run_runs: int
    batch_runs: int

    @classmethod
    def make(cls, *, quick: bool, knowledge: Path) -> Plan:
        if quick:
            return cls(True, knowledge, 1, (300,), 60, 60, 60, 10, 200.0, 2, 1, 1)
        return cls(False, knowledge, 20, (1_000, 10_000, 100_000), 500, 100, 1_000, 100, 100.0, 11, 5, 7)


def missing_extras() -> list[str]:
    """The ``bench`` extra's modules that are not installed."""
    missing = []
    for module in ("rank_bm25", "matplotlib"):
        try:
            importlib.import_module(module)
        except ImportError:
            missing.append(module)
    return missing


def run(plan: Plan, progress: Progress) -> Results:
    """Every section; baselines that need a missing extra are skipped (``--quick``) or refused."""
    missing = missing_extras()
    if missing and not plan.quick:
        raise BotError(
            f"the benchmarks need {', '.join(missing)}: install the bench extra with {baselines.BENCH_INSTALL} "
            "(or run --quick, which skips what needs them)"
        )
    names = [name for name in BASELINE_NAMES if name != "bm25" or baselines.bm25_available()]
    results: Results = {"machine": machine(), "quick": plan.quick, "skipped": {}}
    if "bm25" not in names:
        results["skipped"]["bm25"] = f"rank_bm25 is not installed ({baselines.BENCH_INSTALL})"
    progress("matching on the article's knowledge")
    results["article"] = article(plan, names)
    progress("scale: synthetic knowledge of " + ", ".join(f"{size:,}" for size in plan.sizes) + " facts")
    results["scale"] = scale(plan, names, progress)
    progress(f"end to end: python -m bot run, {plan.messages} messages from {plan.users} users")
    results["end_to_end"] = end_to_end(plan)
    progress("start-up")
    results["startup"] = startup(plan)
    progress("batch answering: ask --json < questions against the baselines' processes")
    results["batch"] = batch(plan, names)
    results["machine"]["load_average_end"] = os.getloadavg()
    results["targets"] = targets(results)
    return results


# -- statistics ------------------------------------------------------------------------------------


def summary(seconds: Sequence[float]) -> dict[str, float]:
    """Median, p99 (nearest rank) and mean, in milliseconds."""
    ordered = sorted(seconds)
    rank = max(0, math.ceil(0.99 * len(ordered)) - 1)
    return {
        "median_ms": round(1000 * statistics.median(ordered), 4),
        "p99_ms": round(1000 * ordered[rank], 4),
        "mean_ms": round(1000 * statistics.fmean(ordered), 4),
        "n": len(ordered),
    }


def _timed(function: Callable[[str], object], questions: Iterable[str]) -> list[float]:
    clock = time.perf_counter
    spent = []
    for question in questions:
        start = clock()
        function(question)
        spent.append(clock() - start)
    return spent


def _seconds(times: Sequence[float]) -> dict[str, float]:
    return {"median": round(statistics.median(times), 3), "max": round(max(times), 3), "runs": len(times)}


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    cpu = ""
    memory_gb = 0.0
    try:
        cpuinfo = Path("/proc/cpuinfo").read_text().splitlines()
        cpu = next(line.split(":", 1)[1].strip() for line in cpuinfo if line.startswith("model name"))
        meminfo = Path("/proc/meminfo").read_text().splitlines()
        kilobytes = next(int(line.split()[1]) for line in meminfo if line.startswith("MemTotal"))
        memory_gb = round(kilobytes / 1024**2, 1)
    except (OSError, StopIteration):
        cpu = platform.processor()
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    return {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": memory_gb,
        "platform": platform.platform(),
        "python": platform.python_version(),
        "commit": commit.stdout.strip(),
        "load_average_start": os.getloadavg(),
    }


# -- 1. the article ------------------------------------------------------------------------------------


def article(plan: Plan, names: Sequence[str]) -> Results:
    """Per-question latency over the evaluation questions repeated, and accuracy on eval.yaml, side by side."""
    knowledge = load(plan.knowledge)
    questions = [case.q.replace("\n", " ") for path in EVAL_FILES for case in load_cases(path)]
    answerer = Answerer(knowledge)
    systems: dict[str, Callable[[str], object]] = {"project": answerer.reply}
    built = {name: baselines.build(name, knowledge) for name in names}
    systems.update({name: baseline.best for name, baseline in built.items()})
    spent: dict[str, list[float]] = defaultdict(list)
    for _ in range(plan.article_repeats):  # interleaved, so noise from other processes falls on every system
        for name, function in systems.items():
            spent[name] += _timed(function, questions)
    latency = {name: summary(times) for name, times in spent.items()}
    project = latency["project"]
    ratios = {
        name: {
            "median": round(latency[name]["median_ms"] / project["median_ms"], 2),
            "p99": round(latency[name]["p99_ms"] / project["p99_ms"], 2),
        }
        for name in names
    }
    cases = load_cases(EVAL_FILES[0])
    accuracy = {"project": _project_accuracy(answerer, cases)}
    accuracy.update({name: _baseline_accuracy(baseline, cases) for name, baseline in built.items()})
    return {
        "facts": len(knowledge.facts),
        "questions": len(questions),
        "repeats": plan.article_repeats,
        "latency": latency,
        "ratio_to_project": ratios,
        "accuracy_eval": accuracy,
    }


def _project_accuracy(answerer: Answerer, cases: Sequence[Case]) -> Results:
    report = evaluate(answerer, cases)
    overall = sum(report.good.values()) / sum(report.total.values())
    return {
        "cutoff": answerer.matcher.score_cutoff,
        "answerable": round(report.answerable, 4),
        "refused": round(report.refused, 4),
        "near_refused": round(report.near_refused, 4),
        "overall": round(overall, 4),
    }


def _baseline_accuracy(baseline: baselines.Baseline, cases: Sequence[Case]) -> Results:
    """Accuracy at the decline threshold that maximises the baseline's own overall score on these cases."""
    outcomes = []
    for case in cases:
        guess = baseline.best(case.q.replace("\n", " "))
        fact_id = guess.fact.id if guess.fact else None
        outcomes.append((case, guess.score, judge(case, fact_id, guess.answer(case.q)), judge(case, None, "")))
    thresholds = sorted({score for _, score, _, _ in outcomes} | {math.inf})

    def good_at(cutoff: float) -> list[tuple[Case, bool]]:
        return [(case, answered if score >= cutoff else declined) for case, score, answered, declined in outcomes]

    cutoff = max(thresholds, key=lambda value: (sum(ok for _, ok in good_at(value)), -value))
    judged = good_at(cutoff)

    def share(kinds: tuple[str, ...]) -> float:
        chosen = [ok for case, ok in judged if case.kind in kinds]
        return round(sum(chosen) / len(chosen), 4) if chosen else 0.0

    return {
        "cutoff": round(cutoff, 3) if cutoff != math.inf else None,
        "answerable": share(("en", "typo", "fr")),
        "refused": share(("oos", "small")),
        "near_refused": share(("near",)),
        "overall": round(sum(ok for _, ok in judged) / len(judged), 4),
    }


# -- 2. scale ----------------------------------------------------------------------------------------------


def scale(plan: Plan, names: Sequence[str], progress: Progress) -> Results:
    """For each size: the project loading the YAML in a fresh process, then each baseline in its own."""
    rows: list[Results] = []
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as temporary:
        for size in plan.sizes:
            directory = Path(temporary) / str(size)
            started = time.perf_counter()
            generated = synthetic.generate(size, base=load(plan.knowledge), questions=plan.scale_questions)
            path = synthetic.write(generated, directory)
            questions = directory / "questions.json"
            questions.write_text(json.dumps([[q.text, q.fact_id] for q in generated.questions]), encoding="utf-8")
            progress(f"  {size:,} facts generated and written in {time.perf_counter() - started:.1f} s")
            del generated
            row: Results = {"facts": size, "yaml_mb": round(path.stat().st_size / 1024**2, 1)}
            row["project"] = _worker("project", path, questions, plan, size, plan.scale_questions)
            cache = {"BOT_CACHE_DIR": str(directory / "cache")}
            row["project_cold_cache"] = _worker("cached", path, questions, plan, size, plan.scale_questions, cache)
            row["project_cached"] = _worker("cached", path, questions, plan, size, plan.scale_questions, cache)
            progress(f"  {size:,} facts: project done (load and build, then the load cache written and read)")
            count = plan.scale_questions if size <= 10_000 else plan.baseline_questions_large
            for name in names:
                row[name] = _worker(name, path, questions, plan, size, count)
                progress(f"  {size:,} facts: {name} done")
            rows.append(row)
    return {"sizes": rows}


def _worker(
    system: str, path: Path, questions: Path, plan: Plan, size: int, count: int, env: dict[str, str] | None = None
) -> Results:
    arguments = json.dumps([system, str(path), str(questions), str(plan.knowledge), size, count])
    code = f"import sys, benchmarks.bench; benchmarks.bench.scale_worker({arguments!r})"
    environment = {**os.environ, "BOT_CACHE_DIR": "off", **(env or {})}
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=1800
    )
    if done.returncode != 0:
        raise BotError(f"the {system} scale worker for {size} facts failed:\n{done.stderr[-2000:]}")
    result: Results = json.loads(done.stdout)
    return result


def scale_worker(arguments: str) -> None:
    """One system on one size, in its own process: prints build or load time, latency, hit rate, peak memory.

    The project loads the YAML file: "project" parses and indexes it (the
    time split in two), "cached" goes through ``bot.cache.load_answerer`` as
    ``python -m bot`` does (the first such process writes the cache, the next
    reads it). The baselines regenerate the same facts in memory (the
    generator is deterministic), so their figures hold nothing of the YAML parser.
    """
    system, path, questions_path, base_path, size, count = json.loads(arguments)
    asked = [(text, fact_id) for text, fact_id in json.loads(Path(questions_path).read_text(encoding="utf-8"))]
    asked = asked[:count]
    result: Results = {}
    function: Callable[[str], str | None]
    if system == "project":
        started = time.perf_counter()
        knowledge = load(path)
        loaded = time.perf_counter()
        answerer = Answerer(knowledge)
        result["load_s"] = round(loaded - started, 3)
        result["build_s"] = round(time.perf_counter() - loaded, 3)
        result["load_and_build_s"] = round(time.perf_counter() - started, 3)

        def function(question: str) -> str | None:
            return answerer.reply(question).fact_id

    elif system == "cached":
        from bot.cache import load_answerer

        started = time.perf_counter()
        cached = load_answerer(path)
        result["load_and_build_s"] = round(time.perf_counter() - started, 3)

        def function(question: str) -> str | None:
            return cached.reply(question).fact_id

    else:
        knowledge = synthetic.generate(size, base=load(base_path), questions=0).knowledge
        started = time.perf_counter()
        baseline = baselines.build(system, knowledge)
        result["build_s"] = round(time.perf_counter() - started, 3)

        def function(question: str) -> str | None:
            guess = baseline.best(question)
            return guess.fact.id if guess.fact else None

    clock = time.perf_counter
    spent = []
    hits = 0
    for text, expected in asked:
        start = clock()
        found = function(text)
        spent.append(clock() - start)
        hits += expected is not None and found == expected
    on_topic = sum(expected is not None for _, expected in asked)
    result.update(summary(spent))
    result["top_fact_hit_rate"] = round(hits / on_topic, 3) if on_topic else None
    result["peak_rss_mb"] = peak_rss_mb()
    sys.stdout.write(json.dumps(result))


def peak_rss_mb() -> float:
    """This process's peak resident memory, in MB.

    On Linux ``ru_maxrss`` also counts the parent's memory at the fork that
    started this process (the bench process holding 100,000 generated facts),
    so the kernel's high-water mark of this program's own memory is read instead.
    """
    with contextlib.suppress(OSError):
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


# -- 3. end to end -------------------------------------------------------------------------------------------


def _fake_bot_api() -> Any:
    """tests/fake_bot_api.py, the fake Bot API server the Telegram tests use."""
    tests = ROOT / "tests"
    if not (tests / "fake_bot_api.py").exists():
        raise BotError(f"the end-to-end benchmark needs tests/fake_bot_api.py: run it from a checkout ({tests})")
    if str(tests) not in sys.path:
        sys.path.insert(0, str(tests))
    return importlib.import_module("fake_bot_api")


class _Recorder:
    """Wraps the fake API's ``handle`` to note when each chat's replies and the first getUpdates arrive."""

    def __init__(self, api: Any) -> None:
        self.api = api
        self.first_poll: float | None = None
        self.sent: dict[int, list[float]] = defaultdict(list)
        self.pushed: dict[int, list[float]] = defaultdict(list)
        self._handle = api.handle
        api.handle = self.handle

    def handle(self, token: str, method: str, params: dict[str, str]) -> Any:
        now = time.perf_counter()
        if method == "sendMessage":
            self.sent[int(params["chat_id"])].append(now)
        elif method == "getUpdates" and self.first_poll is None:
            self.first_poll = now
        return self._handle(token, method, params)

    def push(self, chat_id: int, update: Any) -> None:
        self.pushed[chat_id].append(time.perf_counter())
        self.api.push(update)

    def answered(self) -> int:
        return sum(len(times) for times in self.sent.values())

    def latencies(self) -> list[float]:
        """Each reply's delay after its question, pairing a chat's n-th reply with its n-th question (order kept)."""
        return [
            sent - pushed
            for chat, times in self.pushed.items()
            for pushed, sent in zip(times, self.sent[chat], strict=False)
        ]


def _bot_environment(base_url: str, knowledge: Path, directory: Path, token: str) -> dict[str, str]:
    environment = {name: os.environ[name] for name in FAKE_TOKEN_ENV if name in os.environ}
    environment.update(
        TELEGRAM_BOT_TOKEN=token,
        TELEGRAM_API_BASE_URL=base_url,
        BOT_KNOWLEDGE=str(knowledge),
        BOT_UNANSWERED_LOG=str(directory / "unanswered.jsonl"),
        BOT_STATS_LOG=str(directory / "stats.jsonl"),
        BOT_PERSISTENCE=str(directory / "bot-state.pickle"),  # never beside the project's knowledge
        PYTHONPATH=str(ROOT),
        # The fake is not Telegram: without this the bot paces its sends to Telegram's 30 a second
        # (bot.config's default), and that limit, not the bot, would be measured.
        BOT_MAX_RATE="0",
    )
    return environment


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def end_to_end(plan: Plan) -> Results:
    """The real ``python -m bot run`` against the fake Bot API over HTTP: paced, then a burst."""
    fake = _fake_bot_api()
    questions = [case.q.replace("\n", " ") for path in EVAL_FILES for case in load_cases(path)]
    api = fake.FakeBotApi()
    recorder = _Recorder(api)
    with tempfile.TemporaryDirectory(prefix="bench-e2e-") as temporary, api.serve() as base_url:
        environment = _bot_environment(base_url, plan.knowledge, Path(temporary), fake.TOKEN)
        log = Path(temporary) / "bot.log"  # a file, not a pipe: a pipe nobody reads fills up and blocks the bot
        started = time.perf_counter()
        with log.open("wb") as output:
            process = subprocess.Popen(
                [sys.executable, "-m", "bot", "run"], cwd=temporary, env=environment, stdout=output, stderr=output
            )
        try:
            if not api.wait_for(lambda: recorder.first_poll is not None, timeout=30):
                raise BotError("python -m bot run never polled the fake Bot API")

            def send(phase_start: float, rate: float | None, first_user: int) -> Results:
                # each phase has its own users, so that none goes over the per-user flood control (20 a minute)
                users = [first_user + number for number in range(plan.users)]
                recorder.pushed.clear()
                recorder.sent.clear()
                first = time.perf_counter()
                for index in range(plan.messages):
                    if rate:
                        time.sleep(max(0.0, phase_start + index / rate - time.perf_counter()))
                    user_id = users[index % len(users)]
                    text = questions[index % len(questions)]
                    recorder.push(user_id, fake.message_update(text, sender=fake.user(user_id)))
                answered = api.wait_for(lambda: recorder.answered() >= plan.messages, timeout=120)
                last = max((times[-1] for times in recorder.sent.values() if times), default=first)
                return {
                    "messages": plan.messages,
                    "users": plan.users,
                    "all_answered": answered and recorder.answered() == plan.messages,
                    "answered": recorder.answered(),
                    "offered_rate_per_s": rate,
                    "messages_per_s": round(plan.messages / (last - first), 1),
                    **summary(recorder.latencies()),
                }

            ready = (recorder.first_poll or started) - started
            paced = send(time.perf_counter(), plan.paced_rate, 50_000)
            burst = send(time.perf_counter(), None, 60_000)
        finally:
            _stop(process)
            errors = log.read_text(errors="replace")
    return {
        "ready_to_poll_s": round(ready, 3),
        "paced": paced,
        "burst": burst,
        "unexpected_api_calls": list(api.unexpected),
        "bot_errors": [line for line in errors.splitlines() if "ERROR" in line][:5],
    }


# -- 4. start-up ---------------------------------------------------------------------------------------------


def startup(plan: Plan) -> Results:
    """``ask`` as a whole process, and ``run`` from process start to its first getUpdates."""
    ask = [sys.executable, "-m", "bot", "ask", "--knowledge", str(plan.knowledge), "When is Vostok?"]
    ask_times = []
    for _ in range(plan.ask_runs):
        started = time.perf_counter()
        subprocess.run(ask, cwd=ROOT, capture_output=True, check=True)
        ask_times.append(time.perf_counter() - started)
    fake = _fake_bot_api()
    ready = []
    for _ in range(plan.run_runs):
        api = fake.FakeBotApi()
        recorder = _Recorder(api)
        with tempfile.TemporaryDirectory(prefix="bench-run-") as temporary, api.serve() as base_url:
            environment = _bot_environment(base_url, plan.knowledge, Path(temporary), fake.TOKEN)
            started = time.perf_counter()
            process = subprocess.Popen(
                [sys.executable, "-m", "bot", "run"],
                cwd=temporary,
                env=environment,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            try:
                if not api.wait_for(lambda: recorder.first_poll is not None, timeout=30):  # noqa: B023
                    raise BotError("python -m bot run never polled the fake Bot API")
                ready.append((recorder.first_poll or started) - started)
            finally:
                _stop(process)
    return {
        "ask_s": _seconds(ask_times),
        "run_ready_s": _seconds(ready),
    }


# -- 5. batch answering -----------------------------------------------------------------------------------------


def batch(plan: Plan, names: Sequence[str]) -> Results:
    """``ask --json`` reading every evaluation question from stdin, against each baseline's process, alternately."""
    questions = [case.q.replace("\n", " ") for path in EVAL_FILES for case in load_cases(path)]
    commands = {"project": [sys.executable, "-m", "bot", "ask", "--json", "--knowledge", str(plan.knowledge)]}
    for name in names:
        commands[name] = [
            sys.executable, "-m", "benchmarks", "--answer-with", name, "--knowledge", str(plan.knowledge),
        ]  # fmt: skip
    stdin = ("\n".join(questions) + "\n").encode()
    spent: dict[str, list[float]] = defaultdict(list)
    for _ in range(plan.batch_runs):
        for name, command in commands.items():
            started = time.perf_counter()
            done = subprocess.run(command, cwd=ROOT, input=stdin, capture_output=True, check=False)
            spent[name].append(time.perf_counter() - started)
            if done.returncode != 0 or done.stdout.count(b"\n") != len(questions):
                raise BotError(f"{' '.join(command[2:])} failed:\n{done.stderr.decode(errors='replace')[-2000:]}")
    result: Results = {"questions": len(questions), "runs": plan.batch_runs}
    for name, times in spent.items():
        result[name] = {"median_s": round(statistics.median(times), 3), "max_s": round(max(times), 3)}
    return result


# -- targets, text and plot ---------------------------------------------------------------------------------------


def targets(results: Results) -> list[Results]:
    """Each target of issue 5 with the measured value and whether it is met (None when not measured)."""
    by_size = {row["facts"]: row["project"] for row in results["scale"]["sizes"]}
    cached = {row["facts"]: row["project_cached"] for row in results["scale"]["sizes"]}
    first = {row["facts"]: row["project_cold_cache"] for row in results["scale"]["sizes"]}
    e2e = results["end_to_end"]
    startup_ = results["startup"]
    rows: list[tuple[str, float | None, float, str]] = [
        ("10,000 facts: median per question", by_size.get(10_000, {}).get("median_ms"), 2.0, "ms"),
        ("10,000 facts: p99 per question", by_size.get(10_000, {}).get("p99_ms"), 10.0, "ms"),
        ("100,000 facts: median per question", by_size.get(100_000, {}).get("median_ms"), 20.0, "ms"),
        ("100,000 facts: load, from the load cache", cached.get(100_000, {}).get("load_and_build_s"), 5.0, "s"),
        ("100,000 facts: load, YAML + index (no cache)", by_size.get(100_000, {}).get("load_and_build_s"), 5.0, "s"),
        ("100,000 facts: peak memory, from the load cache", cached.get(100_000, {}).get("peak_rss_mb"), 500.0, "MB"),
        ("100,000 facts: peak memory, YAML + index", by_size.get(100_000, {}).get("peak_rss_mb"), 500.0, "MB"),
        (
            "100,000 facts: peak memory, first run writing the cache",
            first.get(100_000, {}).get("peak_rss_mb"),
            500.0,
            "MB",
        ),
        ("end to end: reply latency median (paced)", e2e["paced"]["median_ms"], 20.0, "ms"),
        ("end to end: reply latency p99 (paced)", e2e["paced"]["p99_ms"], 100.0, "ms"),
        ("ask: whole process", startup_["ask_s"]["median"], 0.4, "s"),
        ("run: ready to poll", startup_["run_ready_s"]["median"], 1.5, "s"),
    ]
    found = [
        {"target": name, "value": value, "limit": limit, "unit": unit, "met": None if value is None else value < limit}
        for name, value, limit, unit in rows
    ]
    rate = e2e["burst"]["messages_per_s"]
    burst = "end to end: messages per second (burst)"
    found.append({"target": burst, "value": rate, "limit": 300.0, "unit": "/s", "met": rate >= 300})
    batch_ = results["batch"]
    if "bm25" in batch_:
        project, bm25 = batch_["project"]["median_s"], batch_["bm25"]["median_s"]
        batch_target = "batch: ask --json process vs the BM25 process"
        found.append({"target": batch_target, "value": project, "limit": bm25, "unit": "s", "met": project <= bm25})
    return found


def text_report(results: Results) -> str:
    """The figures as aligned text, for a terminal."""
    lines = []
    machine_ = results["machine"]
    load_average = f"{machine_['load_average_start'][0]:.2f} -> {machine_['load_average_end'][0]:.2f}"
    lines.append(
        f"{machine_['date']}  {machine_['cpu']} ({machine_['cores']} cores, {machine_['memory_gb']} GB), "
        f"Python {machine_['python']}, commit {machine_['commit']}, load average {load_average}"
    )
    for name, reason in results["skipped"].items():
        lines.append(f"skipped {name}: {reason}")
    part = results["article"]
    lines.append(f"\n1. The article: {part['facts']} facts, {part['questions']} questions x {part['repeats']}")
    lines.append(f"   {'system':<11} {'median ms':>10} {'p99 ms':>9} {'x project':>10}  accuracy on eval.yaml")
    for name, latency in part["latency"].items():
        ratio = part["ratio_to_project"].get(name, {"median": 1.0})
        acc = part["accuracy_eval"][name]
        lines.append(
            f"   {name:<11} {latency['median_ms']:>10.3f} {latency['p99_ms']:>9.3f} {ratio['median']:>9.2f}x  "
            f"answerable {acc['answerable']:.1%}, refused {acc['refused']:.1%}, near {acc['near_refused']:.1%}, "
            f"overall {acc['overall']:.1%} (cutoff {acc['cutoff']})"
        )
    lines.append("\n2. Scale (synthetic; project loads the YAML file, baselines build in memory)")
    lines.append(
        f"   {'facts':>7} {'system':<18} {'load+build s':>12} {'median ms':>10} {'p99 ms':>9} "
        f"{'hit rate':>8} {'peak MB':>8}"
    )
    for row in results["scale"]["sizes"]:
        for name in ("project", "project_cold_cache", "project_cached", *BASELINE_NAMES):
            if name in row:
                figures = row[name]
                seconds = figures.get("load_and_build_s", figures.get("build_s", 0.0))
                hit_rate = figures["top_fact_hit_rate"] or 0
                lines.append(
                    f"   {row['facts']:>7,} {name:<18} {seconds:>12.2f} {figures['median_ms']:>10.3f} "
                    f"{figures['p99_ms']:>9.3f} {hit_rate:>8.1%} {figures['peak_rss_mb']:>8.0f}"
                )
    e2e = results["end_to_end"]
    lines.append("\n3. End to end (python -m bot run against the fake Bot API over HTTP)")
    for phase in ("paced", "burst"):
        figures = e2e[phase]
        offered = f"offered {figures['offered_rate_per_s']:g}/s" if figures["offered_rate_per_s"] else "all at once"
        lines.append(
            f"   {phase:<6} {figures['answered']}/{figures['messages']} answered ({offered}): "
            f"median {figures['median_ms']:.1f} ms, p99 {figures['p99_ms']:.1f} ms, "
            f"{figures['messages_per_s']:.0f} msg/s"
        )
    startup_ = results["startup"]
    ask, ready = startup_["ask_s"], startup_["run_ready_s"]
    lines.append(
        f"\n4. Start-up: ask {ask['median']:.3f} s (median of {ask['runs']}), "
        f"run ready to poll {ready['median']:.3f} s (median of {ready['runs']})"
    )
    batch_ = results["batch"]
    lines.append(f"\n5. Batch: {batch_['questions']} questions on stdin, whole process, median of {batch_['runs']}")
    for name in ("project", *BASELINE_NAMES):
        if name in batch_:
            lines.append(f"   {name:<11} {batch_[name]['median_s']:.3f} s")
    lines.append("\nTargets")
    for row in results["targets"]:
        verdict = {True: "met", False: "MISSED", None: "not measured"}[row["met"]]
        value = "-" if row["value"] is None else f"{row['value']:g}"
        lines.append(f"   {verdict:<12} {row['target']}: {value} {row['unit']} (target {row['limit']:g})")
    return "\n".join(lines)


def plot(results: Results, path: Path) -> None:
    """Median and p99 per question against knowledge size, log-log, the project and the baselines."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    rows = results["scale"]["sizes"]
    figure, axes = plt.subplots(figsize=(8, 5.5), dpi=120)
    colours = {"project": "tab:blue", "bm25": "tab:orange", "extractone": "tab:green"}
    labels = {"project": "this bot (matcher + reply)", "bm25": "BM25 (rank_bm25)", "extractone": "rapidfuzz extractOne"}
    for name, colour in colours.items():
        points = [(row["facts"], row[name]) for row in rows if name in row]
        if not points:
            continue
        sizes = [size for size, _ in points]
        axes.plot(sizes, [f["median_ms"] for _, f in points], "o-", color=colour, label=f"{labels[name]}: median")
        axes.plot(sizes, [f["p99_ms"] for _, f in points], "s--", color=colour, alpha=0.7, label=f"{labels[name]}: p99")
    axes.plot([10_000, 10_000, 100_000], [2, 10, 20], "kx", markersize=9, label="targets (10k: 2/10 ms, 100k: 20 ms)")
    axes.set_xscale("log")
    axes.set_yscale("log")
    axes.set_xlabel("facts in the knowledge (synthetic, 5 example questions each)")
    axes.set_ylabel("time per question (ms)")
    axes.set_title(f"Matching latency against knowledge size ({results['machine']['cores']} cores)")
    axes.grid(True, which="both", alpha=0.3)
    axes.legend(fontsize=8, loc="upper left")
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path)
    plt.close(figure)
