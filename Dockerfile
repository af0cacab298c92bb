# One image for the API + SPA (and, later, the outbox worker). Configure it by environment.
# syntax=docker/dockerfile:1

FROM node:20-bookworm-slim AS spa
WORKDIR /src/frontend
COPY frontend/package.json frontend/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY frontend/ ./
COPY openapi.yaml /src/openapi.yaml
RUN npm run build

FROM python:3.11-slim-bookworm AS app
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 \
    DONGHANH_ENVIRONMENT=production DONGHANH_SPA_DIST=/app/frontend/dist
WORKDIR /app
RUN useradd --system --uid 10001 --home /app donghanh
COPY pyproject.toml README.md alembic.ini ./
COPY backend/ backend/
COPY migrations/ migrations/
RUN pip install --no-cache-dir -e .
COPY --from=spa /src/frontend/dist frontend/dist
USER donghanh
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz')"
# `docker run IMAGE donghanh migrate` once per release, then the default command serves.
CMD ["donghanh", "serve", "--host", "0.0.0.0", "--port", "8000", "--workers", "2"]
