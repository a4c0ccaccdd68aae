"""Every module of `bot/` and `handlers/` imports on its own, first, in a fresh interpreter.

An import cycle can hide behind a lucky order: `bot.app` imported everything in an order
that worked, while `import bot.storage` alone failed on a partially initialised module.
Each module here is imported with nothing of ours loaded before it (third-party packages
stay loaded: they are not what can break, and re-importing them would cost minutes).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("bot", "handlers")

# Run in each subprocess: import every module named in argv, each after forgetting all of
# ours; print the failures as JSON.
IMPORT_EACH = """
import importlib, json, sys, traceback
ours = {packages!r}
failures = {{}}
for name in sys.argv[1:]:
    for loaded in [m for m in sys.modules if m.split(".")[0] in ours]:
        del sys.modules[loaded]
    try:
        importlib.import_module(name)
    except BaseException:
        failures[name] = traceback.format_exc(limit=-3)
print(json.dumps(failures))
"""


def modules() -> list[str]:
    """Every module of the packages, found by walking their folders (importing nothing)."""
    found = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            found.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return found


def test_the_walk_finds_every_package_and_module() -> None:
    found = modules()
    assert {"bot", "bot.app", "bot.storage", "bot.storage.shop", "handlers"} <= set(found)
    assert "handlers.customer.order.confirm" in found
    assert len(found) == len(set(found)) > 100


def test_every_module_imports_on_its_own(tmp_path: Path) -> None:
    names = modules()
    # Each module is executed afresh every time, but its source need be compiled only once:
    # bytecode kept apart from the tree (and written even where the environment says not
    # to) halves the time.
    env = {**os.environ, "PYTHONPYCACHEPREFIX": str(tmp_path)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    # A few interpreters share the modules (each keeps the third-party imports it made).
    workers = max(2, min(4, os.cpu_count() or 1))
    chunks = [names[i::workers] for i in range(workers)]
    script = IMPORT_EACH.format(packages=PACKAGES)
    runs = [
        subprocess.Popen(  # noqa: S603
            [sys.executable, "-c", script, *chunk],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for chunk in chunks
    ]
    failures: dict[str, str] = {}
    for run in runs:
        out, err = run.communicate(timeout=300)
        assert run.returncode == 0, err
        failures |= json.loads(out.strip().splitlines()[-1])
    assert not failures, "\n".join(f"{name}:\n{trace}" for name, trace in failures.items())
