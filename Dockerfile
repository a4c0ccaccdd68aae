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

# Settings come from the environment: see compose.yaml, or
# docker run --env-file .env -v smm-bot-data:/data IMAGE
CMD ["python", "-m", "bot"]
