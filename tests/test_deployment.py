"""The deployment files: the Dockerfile passes hadolint and runs the bot as a user with a mounted knowledge;
the systemd unit runs it as a service. Docker itself is not on this machine, so the image is not built here."""

from __future__ import annotations

import configparser
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_the_dockerfile_passes_hadolint() -> None:
    hadolint = shutil.which("hadolint")
    if hadolint is None:
        pytest.fail("hadolint is missing: pip install -e '.[test]' installs it")
    done = subprocess.run([hadolint, str(ROOT / "Dockerfile")], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_image_runs_the_bot_as_a_numeric_user_with_the_knowledge_on_a_volume_and_no_token() -> None:
    lines = [line.strip() for line in (ROOT / "Dockerfile").read_text(encoding="utf-8").splitlines()]
    instructions = [line for line in lines if line and not line.startswith("#")]
    assert any(
        line.startswith("USER ") and line.split()[1].isdigit() and line.split()[1] != "0" for line in instructions
    )
    assert 'VOLUME ["/data"]' in instructions
    assert instructions[-1] == 'CMD ["article-bot", "run"]'
    assert not any("TELEGRAM_BOT_TOKEN" in line for line in instructions)
    for line in instructions:
        if line.startswith("COPY "):
            for source in line.split()[1:-1]:
                assert (ROOT / source).exists(), source


def test_the_systemd_unit_runs_the_bot_as_its_own_user_and_stops_it_with_sigterm() -> None:
    unit = configparser.ConfigParser(strict=False, interpolation=None)
    unit.read(ROOT / "deploy" / "article-bot.service", encoding="utf-8")
    service = unit["Service"]
    assert service["ExecStart"].endswith("article-bot run")
    assert service["User"] and service["User"] != "root"
    assert service["KillSignal"] == "SIGTERM" and service["Restart"] == "on-failure"
    assert unit["Install"]["WantedBy"] == "multi-user.target"
