# A patch release on a Debian release, so a rebuild gets the same Python on the same base.
FROM python:3.11.14-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONPATH=/app \
    DATABASE_PATH=/data/bot.sqlite3 \
    BACKUP_DIR=/data/backups

WORKDIR /app
# The locked dependencies first (every file checked against its hash), so a code change
# does not reinstall them. The project itself is run from /app, not installed: nothing is
# built, so nothing unlocked is downloaded.
COPY requirements/runtime.txt ./requirements/runtime.txt
RUN pip install --require-hashes --no-deps -r requirements/runtime.txt

COPY bot ./bot
COPY handlers ./handlers
COPY locales ./locales

RUN useradd --create-home --uid 10001 shop && mkdir -p /data && chown shop /data
USER shop
VOLUME ["/data"]

# /healthz on OPS_LISTEN (127.0.0.1:9090 inside the container unless set): `docker ps`
# shows healthy or unhealthy with a plain `docker run` as with compose.
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 \
    CMD ["python", "-m", "bot.ops.healthcheck"]
# SIGTERM: the bot stops taking updates and lets a placement waiting on the panel record its
# outcome (PANEL_TIMEOUT, 15 s by default, plus a margin) before it exits. Docker waits only
# 10 s unless told: `docker run --stop-timeout 60`, `docker stop -t 60`, `docker restart -t 60`.
STOPSIGNAL SIGTERM

# Settings come from the environment: see compose.yaml, or
# docker run -d --env-file .env --stop-timeout 60 --restart on-failure:10 \
#     -v smm-bot-data:/data IMAGE
CMD ["python", "-m", "bot"]
