# Production image for the web, worker and scheduler services of docker-compose.yml.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# WeasyPrint (Pango, HarfBuzz), fonts for Arabic, Cyrillic and Chinese, gettext for msgfmt.
RUN apt-get update \
    && apt-get install -y --no-install-recommends gettext \
       libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 \
       fonts-dejavu-core fonts-noto-core fonts-noto-cjk \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY requirements.lock .
RUN pip install --no-cache-dir -r requirements.lock

COPY . .
RUN useradd --system --home /app gcm \
    && DJANGO_SECRET_KEY=build-only-key DJANGO_DEBUG=false python manage.py collectstatic --noinput \
    && python manage.py compilemessages --ignore .venv -v0 \
    && mkdir -p /data/media /data/private /var/lib/gcm-beat \
    && chown -R gcm /data /var/lib/gcm-beat

USER gcm
EXPOSE 8000
CMD ["gunicorn", "config.wsgi:application", "--config", "config/gunicorn.py"]
