# Sesizări: one image for the web process and the worker.
# Debian's Python 3.11, as on a single machine: it loads SpatiaLite too.
FROM debian:12-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PATH=/opt/venv/bin:$PATH

RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        python3 python3-venv gdal-bin libsqlite3-mod-spatialite binutils \
        libproj-dev \
    && rm -rf /var/lib/apt/lists/*

COPY requirements.txt /tmp/requirements.txt
RUN python3 -m venv /opt/venv \
    && pip install --no-cache-dir --disable-pip-version-check \
        -r /tmp/requirements.txt

WORKDIR /app
COPY . .
# Static files are part of the image; WhiteNoise serves them. The key only
# lets the settings load for this step.
RUN SESIZARI_SECRET_KEY=collectstatic-only \
    python manage.py collectstatic --noinput --verbosity 0

RUN useradd --system --uid 1000 --home-dir /app sesizari \
    && mkdir -p /data/media \
    && chown sesizari /data/media
USER sesizari
ENV SESIZARI_MEDIA_ROOT=/data/media

EXPOSE 8000
CMD ["gunicorn", "sesizari.wsgi:application", "--bind", "0.0.0.0:8000", \
     "--workers", "3", "--access-logfile", "-", "--forwarded-allow-ips", "*"]
