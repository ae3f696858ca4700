# syntax=docker/dockerfile:1
# Build stage: install the package and its dependencies into a virtual environment.
FROM python:3.11-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
RUN python -m venv /opt/venv
COPY pyproject.toml README.md ./
COPY app ./app
RUN /opt/venv/bin/pip install .

# Runtime stage: the venv, the migrations, an unprivileged user.
FROM python:3.11-slim
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    SUPPORTDESK_ENVIRONMENT=production \
    SUPPORTDESK_HOST=0.0.0.0 \
    SUPPORTDESK_PORT=8000 \
    SUPPORTDESK_MIGRATE_ON_START=false
RUN useradd --system --uid 10001 --home /srv supportdesk
WORKDIR /srv
COPY --from=build /opt/venv /opt/venv
COPY migrations ./migrations
# The CLI finds migrations next to the installed package's parent; point it here.
ENV SUPPORTDESK_MIGRATIONS_DIR=/srv/migrations
USER supportdesk
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s CMD python -c "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz').status != 200)"
# `serve` migrates first when SUPPORTDESK_MIGRATE_ON_START=true; `worker` runs the outbox.
CMD ["supportdesk", "serve"]
