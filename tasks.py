"""The README's two commands: `python3 tasks.py run` and `python3 tasks.py test`.

Needs only Python 3.11+ and git: it makes `.venv`, installs the project into it from
pyproject.toml (again only when pyproject.toml changes), then runs the bot or the checks.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".installed"


def ensure_venv() -> None:
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == wanted and PYTHON.exists():
        return
    if not PYTHON.exists():
        print("Creating .venv ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    print("Installing dependencies into .venv ...", flush=True)
    pip = [str(PYTHON), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    subprocess.run([*pip, "--upgrade", "pip"], check=True)  # noqa: S603
    subprocess.run([*pip, "-e", f"{ROOT}[dev]"], check=True)  # noqa: S603
    STAMP.write_text(wanted)


def run(*args: str) -> int:
    print("$", " ".join(args), flush=True)
    return subprocess.call(args, cwd=ROOT)  # noqa: S603


def main(argv: list[str]) -> int:
    command = argv[0] if argv else ""
    if command not in {"run", "test"}:
        print("usage: python3 tasks.py run | test [pytest arguments]", file=sys.stderr)
        return 2
    ensure_venv()
    py = str(PYTHON)
    if command == "run":
        os.execv(py, [py, "-m", "bot", *argv[1:]])  # noqa: S606
    for step in (
        [py, "-m", "ruff", "check", "."],
        [py, "-m", "ruff", "format", "--check", "."],
        [py, "-m", "mypy"],
    ):
        if code := run(*step):
            return code
    return run(py, "-m", "pytest", *argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
