"""`python -m bot.ops.healthcheck`: the image's HEALTHCHECK. Asks the running bot's
`/healthz` on OPS_LISTEN (127.0.0.1:9090 unless set), or on HTTP_LISTEN where OPS_LISTEN is
empty, or on the webhook's server where both are; exits 0 when it answers 200, else 1 with
one line saying why (`docker inspect` shows it).

It reads only those variables from the environment: the container's, which the bot read too.
"""

from __future__ import annotations

import os
import sys
import urllib.error
import urllib.request

from bot.settings import Settings, parse_listen

TIMEOUT = 5.0
# A server listening on every address is asked on loopback.
ANY_ADDRESS = {"0.0.0.0", "::", ""}  # noqa: S104


def target(environ: dict[str, str]) -> str:
    """The /healthz URL to ask; ValueError saying what is missing."""
    fields = Settings.model_fields
    listen = environ.get("OPS_LISTEN", str(fields["ops_listen"].default)).strip()
    listen = listen or environ.get("HTTP_LISTEN", "").strip()
    if not listen and environ.get("WEBHOOK_URL", "").strip():
        default = str(fields["webhook_listen"].default)
        listen = environ.get("WEBHOOK_LISTEN", "").strip() or default
    if not listen:
        raise ValueError("OPS_LISTEN and HTTP_LISTEN are empty, so nothing serves /healthz")
    host, port = parse_listen(listen)
    host = "127.0.0.1" if host in ANY_ADDRESS else host
    return f"http://[{host}]:{port}/healthz" if ":" in host else f"http://{host}:{port}/healthz"


def check(environ: dict[str, str]) -> str | None:
    """None when the bot answers healthy, else why not."""
    try:
        url = target(environ)
    except ValueError as error:
        return str(error)
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT) as answer:  # noqa: S310  # http(s) only
            status = int(answer.status)
    except urllib.error.HTTPError as error:
        status = error.code
    except (OSError, ValueError) as error:
        return f"{url}: {getattr(error, 'reason', None) or error}"
    return None if status == 200 else f"{url}: HTTP {status}"


def main() -> int:
    problem = check(dict(os.environ))
    if problem is not None:
        print(f"unhealthy: {problem}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
