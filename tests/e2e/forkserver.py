"""Start `python -m bot` by forking an interpreter that has already imported the bot.

A start of `python -m bot` spent about 5 s of CPU on imports (aiogram's ~300 pydantic
models alone 4 s), and the end-to-end tests start the bot some fifty times. This server
imports once; each start is a fork of it that takes the environment, working folder and
log given, and runs `bot`'s `__main__` as `python -m bot` does. The child is still a
process of its own: it gets its signals, exits through the interpreter's ordinary shutdown
(so "Unclosed" and "Task was destroyed" still reach its log) and has its exit code read.

    python -m tests.e2e.forkserver     # one JSON request a line on stdin, answers on stdout

A request is {"env": {...}, "cwd": "...", "log": "..."}; the answers are {"started": pid}
and, when a child ends, {"exited": pid, "code": code} (a signal's code is negative, as
asyncio reports it).
"""

from __future__ import annotations

import asyncio
import json
import os
import queue
import random
import runpy
import select
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import IO, Any

# What `python -m bot` imports: bot/__main__.py's own imports, and once the settings are
# read, bot.app (aiogram and every module of the bot come with it). Not bot.__main__ itself:
# runpy runs it afresh as __main__, as `python -m bot` does.
import bot.app
import bot.logs
import bot.settings  # noqa: F401

# The first answer waits for the server's imports: seconds, more on a loaded machine.
ANSWER_WITHIN = 60.0
_POLL = 0.01


# --- the server (its own process) -----------------------------------------------------------


def _serve() -> None:
    pending = b""
    while True:
        _reap()
        readable, _, _ = select.select([0], [], [], _POLL)
        if not readable:
            continue
        chunk = os.read(0, 65536)
        if not chunk:  # the tests are over
            return
        pending += chunk
        while b"\n" in pending:
            line, pending = pending.split(b"\n", 1)
            request = json.loads(line)
            pid = os.fork()
            if pid == 0:
                _become_the_bot(request)  # never returns
            _answer({"started": pid})


def _reap() -> None:
    while True:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        _answer({"exited": pid, "code": os.waitstatus_to_exitcode(status)})


def _answer(message: dict[str, int]) -> None:
    os.write(1, json.dumps(message).encode() + b"\n")


def _become_the_bot(request: dict[str, Any]) -> None:
    """In the child: `python -m bot` with the request's environment, folder and log. Ends
    by raising SystemExit through the server's frames, so the interpreter shuts down as a
    `python -m bot` process would."""
    log = os.open(request["log"], os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    nothing = os.open(os.devnull, os.O_RDONLY)
    os.dup2(nothing, 0)
    os.dup2(log, 1)
    os.dup2(log, 2)
    os.close(log)
    os.close(nothing)
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    random.seed()  # a fresh process's own, not the server's copied state
    sys.argv = [""]  # run_module puts bot/__main__.py's path first
    runpy.run_module("bot", run_name="__main__", alter_sys=True)
    sys.exit(0)


# --- the tests' side ------------------------------------------------------------------------


class Child:
    """A forked bot, as much of `asyncio.subprocess.Process` as BotProcess uses."""

    def __init__(self, pid: int, server: ForkServer) -> None:
        self.pid = pid
        self._server = server

    @property
    def returncode(self) -> int | None:
        return self._server.exit_code(self.pid)

    async def wait(self) -> int:
        # The exit is read by another thread: nothing on this loop to wait on.
        while (code := self.returncode) is None:  # noqa: ASYNC110
            await asyncio.sleep(_POLL)
        return code

    def send_signal(self, signum: int) -> None:
        if self.returncode is None:
            os.kill(self.pid, signum)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)


class ForkServer:
    def __init__(self, env: dict[str, str], cwd: Path) -> None:
        # Only what Python reads at start-up comes from here (PYTHONPATH, PYTHONUNBUFFERED):
        # each child gets its own environment.
        self._process = subprocess.Popen(  # our own interpreter and module
            [sys.executable, "-m", "tests.e2e.forkserver"],
            cwd=cwd,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        self._started: queue.Queue[int] = queue.Queue()
        self._codes: dict[int, int] = {}
        self._lock = threading.Lock()  # one request at a time: answers come in order
        self._reader = threading.Thread(target=self._read, name="forkserver", daemon=True)
        self._reader.start()

    def _read(self) -> None:
        answers: IO[bytes] | None = self._process.stdout
        assert answers is not None
        for line in answers:
            message = json.loads(line)
            if "started" in message:
                # A pid may be used again once the old child was reaped: its code is old.
                self._codes.pop(message["started"], None)
                self._started.put(message["started"])
            else:
                self._codes[message["exited"]] = message["code"]

    async def start(self, env: dict[str, str], cwd: Path, log: Path) -> Child:
        request = json.dumps({"env": env, "cwd": str(cwd), "log": str(log)}).encode() + b"\n"
        return Child(await asyncio.to_thread(self._fork, request), self)

    def _fork(self, request: bytes) -> int:
        requests = self._process.stdin
        assert requests is not None
        with self._lock:
            requests.write(request)
            requests.flush()
            waited = 0.0
            while waited < ANSWER_WITHIN:
                try:
                    return self._started.get(timeout=_POLL * 10)
                except queue.Empty:
                    waited += _POLL * 10
                if (code := self._process.poll()) is not None:
                    raise AssertionError(f"the fork server exited with {code} (its stderr above)")
            raise AssertionError("the fork server does not answer")

    def exit_code(self, pid: int) -> int | None:
        return self._codes.get(pid)

    def close(self) -> None:
        if self._process.stdin is not None:
            self._process.stdin.close()
        self._process.wait(timeout=ANSWER_WITHIN)
        self._reader.join(timeout=ANSWER_WITHIN)


if __name__ == "__main__":
    _serve()
