"""The layers contract (`[tool.importlinter]` in pyproject.toml) holds, and it can fail: an
import against its arrows makes `lint-imports` exit non-zero. The test command runs
`lint-imports` on the real tree before pytest; here it runs on copies given one back-import
each."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def lint_imports(tree: Path) -> subprocess.CompletedProcess[str]:
    # The copy comes first on the path, ahead of the project installed in .venv.
    env = {**os.environ, "PYTHONPATH": str(tree)}
    return subprocess.run(  # noqa: S603
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


@pytest.fixture(scope="module")
def copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tree = tmp_path_factory.mktemp("layers")
    for package in ("bot", "handlers"):
        shutil.copytree(ROOT / package, tree / package, ignore=shutil.ignore_patterns("*.pyc"))
    shutil.copy(ROOT / "pyproject.toml", tree / "pyproject.toml")
    return tree


def test_the_real_tree_keeps_every_contract(copy: Path) -> None:
    result = lint_imports(copy)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "back_import", "contract"),
    [
        ("bot/telegram/callbacks.py", "bot.orders.draft", "The Telegram plumbing knows no feature"),
        ("bot/telegram/replies.py", "bot.catalogue", "The Telegram plumbing knows no feature"),
        ("bot/storage/ledger.py", "bot.catalogue", "Storage knows no feature and no Telegram"),
        ("bot/storage/users.py", "bot.telegram.callbacks", "Storage knows no feature"),
        ("bot/orders/texts.py", "handlers.fallback", "Only the composition root imports"),
        ("bot/catalogue/cache.py", "bot.orders.steps", "Layers, top to bottom"),
        ("bot/notify/sender.py", "bot.orders.keyboards", "Layers, top to bottom"),
    ],
)
def test_a_back_import_breaks_the_build(
    copy: Path, module: str, back_import: str, contract: str
) -> None:
    path = copy / module
    original = path.read_text()
    try:
        path.write_text(f"{original}\nimport {back_import}  # noqa\n")
        result = lint_imports(copy)
    finally:
        path.write_text(original)
    assert result.returncode != 0, result.stdout
    broken = result.stdout.split("Broken contracts", 1)[-1]
    assert contract in broken
    importer = module.removesuffix(".py").replace("/", ".")
    assert f"{importer} -> {back_import} " in broken
