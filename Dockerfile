# A small image of the bot. Build and run:
#   docker build -t article-bot .
#   docker run -e TELEGRAM_BOT_TOKEN=... -v "$PWD/knowledge:/data/knowledge" -v "$PWD/seeds:/data/seeds" article-bot
# The knowledge (and its article, at ../seeds/ from it) is mounted at /data; the token comes from the environment,
# never from the image. Without a mount, the bot answers from the article shipped in the package.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    BOT_KNOWLEDGE=/data/knowledge/facts.yaml \
    BOT_UNANSWERED_LOG=/data/knowledge/unanswered.jsonl \
    BOT_STATS_LOG=/data/knowledge/stats.jsonl \
    BOT_PERSISTENCE=/data/knowledge/bot-state.pickle \
    BOT_CACHE_DIR=/home/bot/.cache/article-bot

WORKDIR /app
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY knowledge/facts.yaml ./knowledge/facts.yaml
COPY seeds/article.txt ./seeds/article.txt
RUN pip install --no-cache-dir . \
    && useradd --create-home --uid 10001 bot \
    && mkdir -p /data/knowledge /data/seeds \
    && cp knowledge/facts.yaml /data/knowledge/ \
    && cp seeds/article.txt /data/seeds/ \
    && chown -R 10001:10001 /data

USER 10001
WORKDIR /data
VOLUME ["/data"]
# In webhook mode (WEBHOOK_URL set) the bot serves WEBHOOK_PORT; GET /healthz answers 200 there.
EXPOSE 8080
CMD ["article-bot", "run"]
