"""The README's commands: `python3 tasks.py run`, `python3 tasks.py test` and
`python3 tasks.py lock`.

Needs only Python 3.11+ and git: it makes `.venv`, installs the locked dependencies into it
(requirements/dev.txt, every file checked against its hash) and the project itself, again
only when the lock or pyproject.toml changes, then runs the bot or the checks. `lock`
compiles requirements/runtime.txt (what the Docker image installs) and requirements/dev.txt
from pyproject.toml; `lock --upgrade` moves every pin to the newest release allowed.
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
LOCKS = ROOT / "requirements"
# The lock files, each with the extras it holds; resolved for every platform, Python 3.11 up.
# The browser the Mini App's tests drive (Debian's package; Playwright downloads nothing).
CHROMIUM = Path("/usr/bin/chromium")
LOCK_FILES = {"runtime.txt": [], "dev.txt": ["--extra", "dev"]}


def ensure_venv() -> None:
    inputs = (ROOT / "pyproject.toml").read_bytes() + (LOCKS / "dev.txt").read_bytes()
    wanted = hashlib.sha256(inputs).hexdigest()
    if STAMP.exists() and STAMP.read_text() == wanted and PYTHON.exists():
        return
    if not PYTHON.exists():
        print("Creating .venv ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    print("Installing dependencies into .venv ...", flush=True)
    pip = [str(PYTHON), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    subprocess.run([*pip, "--upgrade", "pip"], check=True)  # noqa: S603
    subprocess.run([*pip, "--require-hashes", "-r", str(LOCKS / "dev.txt")], check=True)  # noqa: S603
    # The project itself: its dependencies are all in the lock already.
    subprocess.run([*pip, "--no-deps", "-e", str(ROOT)], check=True)  # noqa: S603
    STAMP.write_text(wanted)


def lock(args: list[str]) -> int:
    for name, extras in LOCK_FILES.items():
        compile_ = [str(BIN / "uv"), "pip", "compile", "pyproject.toml", "--quiet"]
        options = ["--universal", "--python-version", "3.11", "--generate-hashes"]
        if code := run(*compile_, *options, *extras, *args, "-o", f"requirements/{name}"):
            return code
    return 0


def run(*args: str) -> int:
    print("$", " ".join(args), flush=True)
    return subprocess.call(args, cwd=ROOT)  # noqa: S603


def main(argv: list[str]) -> int:
    command = argv[0] if argv else ""
    if command not in {"run", "test", "lock"}:
        print(
            "usage: python3 tasks.py run | test [pytest arguments] | lock [--upgrade]",
            file=sys.stderr,
        )
        return 2
    ensure_venv()
    py = str(PYTHON)
    if command == "lock":
        return lock(argv[1:])
    if command == "run":
        os.execv(py, [py, "-m", "bot", *argv[1:]])  # noqa: S606
    for step in (
        [py, "-m", "ruff", "check", "."],
        [py, "-m", "ruff", "format", "--check", "."],
        [py, "-m", "mypy"],
        # The layers in pyproject.toml's [tool.importlinter]: which package may import which.
        [str(BIN / "lint-imports")],
    ):
        if code := run(*step):
            return code
    code = run(py, "-m", "pytest", *argv[1:])
    if not CHROMIUM.exists():
        print(f"NOTE: no {CHROMIUM}: the Mini App's browser tests were skipped", flush=True)
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
