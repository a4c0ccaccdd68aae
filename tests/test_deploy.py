"""What ships for running it agrees with itself: .env.example, the Dockerfile, compose.yaml,
the lock files, and `python -m bot` on a data folder it cannot write."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from bot.app import DRAIN_MARGIN
from bot.settings import Settings
from tests.helpers import run_bot_once

ROOT = Path(__file__).resolve().parent.parent
DOCKERFILE = (ROOT / "Dockerfile").read_text()
COMPOSE = (ROOT / "compose.yaml").read_text()
ENV_EXAMPLE = (ROOT / ".env.example").read_text()
VOLUME = "/data"


def dockerfile_env() -> dict[str, str]:
    return dict(re.findall(r"\b([A-Z_]+)=(\S+)", DOCKERFILE.split("WORKDIR")[0]))


def env_example() -> dict[str, str]:
    """The settings a copied .env sets (lines not commented out)."""
    return dict(re.findall(r"^([A-Z_]+)=(.*)$", ENV_EXAMPLE, re.MULTILINE))


def test_env_example_leaves_the_volume_paths_to_the_image() -> None:
    image = dockerfile_env()
    assert image["DATABASE_PATH"] == f"{VOLUME}/bot.sqlite3"
    assert image["BACKUP_DIR"] == f"{VOLUME}/backups"
    assert f'VOLUME ["{VOLUME}"]' in DOCKERFILE
    assert not {"DATABASE_PATH", "BACKUP_DIR"} & env_example().keys()
    # Everything else .env.example sets is a real setting with a value the bot accepts.
    names = {name.upper() for name in Settings.model_fields}
    assert env_example().keys() <= names


def test_compose_runs_the_image_as_the_readme_says() -> None:
    assert re.search(r"^\s+env_file: \.env$", COMPOSE, re.MULTILINE)
    volume = re.search(r"^\s+- (\S+):(\S+)$", COMPOSE, re.MULTILINE)
    assert volume is not None
    assert volume[2] == VOLUME
    assert re.search(rf"^  {re.escape(volume[1])}:$", COMPOSE, re.MULTILINE), "a named volume"
    assert re.search(r"^\s+restart: unless-stopped$", COMPOSE, re.MULTILINE)
    grace = re.search(r"^\s+stop_grace_period: (\d+)s$", COMPOSE, re.MULTILINE)
    assert grace is not None
    # Long enough for a placement in flight at the default PANEL_TIMEOUT to finish.
    default_timeout = Settings.model_fields["panel_timeout"].default
    assert int(grace[1]) >= default_timeout + DRAIN_MARGIN
    assert f"docker stop -t {grace[1]}" in (ROOT / "README.md").read_text()
    listen = re.search(r"OPS_LISTEN: [0-9.]+:(\d+)", COMPOSE)
    assert listen is not None
    assert f"127.0.0.1:{listen[1]}/healthz" in COMPOSE


def test_the_image_installs_the_lock_and_a_pinned_base() -> None:
    base = re.search(r"^FROM (\S+)$", DOCKERFILE, re.MULTILINE)
    assert base is not None
    assert re.fullmatch(r"python:\d+\.\d+\.\d+-slim-[a-z]+(@sha256:[0-9a-f]{64})?", base[1])
    assert "pip install --require-hashes --no-deps -r requirements/runtime.txt" in DOCKERFILE
    ignored = (ROOT / ".dockerignore").read_text().splitlines()
    assert ignored[ignored.index("*") :][:2] == ["*", "!requirements/runtime.txt"]


def test_the_lock_files_pin_every_dependency_with_hashes() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    for lock, wanted in (
        ("runtime.txt", project["dependencies"]),
        ("dev.txt", project["dependencies"] + project["optional-dependencies"]["dev"]),
    ):
        text = (ROOT / "requirements" / lock).read_text()
        pinned = {
            re.sub(r"[-_.]+", "-", name).lower()
            for name in re.findall(r"^([A-Za-z0-9_.-]+)==\S+ \\$", text, re.MULTILINE)
        }
        for requirement in wanted:
            name = re.split(r"[<>=!~\[ ;]", requirement, maxsplit=1)[0]
            assert re.sub(r"[-_.]+", "-", name).lower() in pinned, (lock, name)
        blocks = re.split(r"\n(?=\S)", text.split("\n", 2)[2].strip())
        assert all("--hash=sha256:" in block for block in blocks if "==" in block), lock


def test_an_unwritable_data_folder_is_one_clear_line(tmp_path) -> None:
    # Root can write anywhere, so the folder is made impossible, not forbidden: a file
    # stands where the folder should be.
    (tmp_path / "data").write_text("not a folder")
    done = run_bot_once(
        tmp_path,
        BOT_TOKEN="123456:AAE-test-token",
        PANEL_API_URL="http://127.0.0.1:1/api/v2",
        PANEL_API_KEY="test-key",
        DATABASE_PATH="data/bot.sqlite3",
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    (line,) = done.stderr.strip().splitlines()
    assert line.startswith("DATABASE_PATH: cannot write to ")
