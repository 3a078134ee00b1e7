"""Shared benchmark helpers: throwaway databases at a scale, ready datasets, timing.

Used by bench/run.py (pages under gunicorn), bench/search/run.py and bench/planning/run.py.
Standard library only at import time; Django is set up only when asked (``setup_django``).

Throwaway database at a scale
-----------------------------
::

    from bench import common          # (sys.path.insert(0, ROOT) first when run as a script)

    with common.database("sqlite") as db:        # or "postgres": a private cluster
        db.ensure(10_000)                          # 10,000 articles, ready to use
        db.manage("warm_renditions")              # any manage.py command, on this database
        print(db.url, db.env["MEDIA_ROOT"])       # DATABASE_URL and folders for subprocesses
        common.setup_django(db)                    # or: in this process (settings.test)
        ...
        db.ensure(100_000)                         # swaps in the 100k dataset (same URL)

``database(kind)`` makes an empty database in a temporary folder (SQLite: a file;
PostgreSQL: a cluster started with scripts/pg_cluster.py's ``Cluster``, ``fsync`` off), with
its own MEDIA_ROOT and STATIC_ROOT, and removes everything when the ``with`` ends (also on
errors and Ctrl-C). ``db.ensure(n)`` gives it exactly ``n`` articles (``ArticlePage`` rows,
the ~36 of the demo site included):

1. when /work/bench-data (or ``$LANTOA_BENCH_DATA``) holds a ready dataset of ``n`` articles
   for that database (``sqlite-<n>.sqlite3`` / ``postgres-<n>.dump``), it REPLACES the
   database's content with it (a file copy; ``pg_restore`` into a fresh database) and copies
   the dataset's media folder; Django's connections in this process are closed first, so an
   in-process benchmark simply carries on with the new data;
2. otherwise, on an empty database it loads the base dataset (``sqlite-base.sqlite3`` /
   ``postgres-base.dump``) or, without one, runs ``migrate``, ``setup_editorial`` and
   ``seed_demo``; then ``seed_bulk`` adds the missing articles (it never removes any: ask for
   scales in increasing order, or rely on datasets).

After loading a dataset it runs ``migrate`` so that migrations added since the dataset was
made are applied. ``ensure(n, reuse=False)`` never loads a dataset (to time the seeding
itself). ``db.articles`` is the current count; ``db.vendor`` is "sqlite" or "postgresql";
``db.label`` "SQLite"/"PostgreSQL". Management commands run in a subprocess with
``settings.dev`` (``db.manage(..., production=True)`` for production settings).

Timing
------
::

    durations = common.time_requests(client, "/tim-kiem/", data={"q": "cong doan"}, repeat=20)
    common.summary(durations.wall)   # {"n", "min", "mean", "p50", "p95", "p99", "max"} in ms
    common.summary(durations.cpu)    # this process's CPU ms (SQLite: what the request costs)
    wall_ms, cpu_ms, result = common.timed(lambda: report.get_queryset().count())
    common.percentile([...], 95)

``time_requests`` uses a Django test ``Client`` (``common.client()`` makes one), does
``warmup`` untimed requests, then ``repeat`` timed ones, and raises if a response's status
is not ``status`` (200). ``machine()`` describes the machine and its load for a report.
"""

import contextlib
import dataclasses
import datetime
import os
import platform
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = str(ROOT / ".venv" / "bin" / "python")
DATA = Path(os.environ.get("LANTOA_BENCH_DATA", "/work/bench-data"))
COUNT_SCRIPT = (
    "from articles.models import ArticlePage; print('COUNT', ArticlePage.objects.count())"
)


def log(message):
    print(f"[bench] {message}", file=sys.stderr, flush=True)


# Timing ---------------------------------------------------------------------------------------


def percentile(values, pct):
    """The ``pct`` percentile (0–100) of ``values``, linear between the nearest ranks."""
    ordered = sorted(values)
    if not ordered:
        raise ValueError("no values")
    position = (len(ordered) - 1) * pct / 100
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def summary(values, digits=1):
    """n, min, mean, p50, p95, p99 and max of ``values`` (milliseconds), rounded."""
    values = list(values)
    figures = {
        "min": min(values),
        "mean": sum(values) / len(values),
        "p50": percentile(values, 50),
        "p95": percentile(values, 95),
        "p99": percentile(values, 99),
        "max": max(values),
    }
    return {"n": len(values), **{k: round(v, digits) for k, v in figures.items()}}


def timed(function):
    """Run ``function()``; return (wall ms, this process's CPU ms, its result).

    On a loaded machine the wall clock mostly measures waiting for a core; with SQLite (the
    database runs in this process) CPU time is what the work costs.
    """
    started, cpu = time.perf_counter(), time.process_time()
    result = function()
    return (time.perf_counter() - started) * 1000, (time.process_time() - cpu) * 1000, result


@dataclasses.dataclass
class Durations:
    wall: list
    cpu: list
    last_response: object = None


def client():
    """A Django test Client that accepts any host (call after setup_django)."""
    from django.test import Client

    return Client(HTTP_HOST="localhost")


def time_requests(client, path, data=None, repeat=20, warmup=1, status=200):
    """GET ``path`` ``warmup`` times untimed, then ``repeat`` times timed: a Durations."""
    durations = Durations([], [])
    for number in range(warmup + repeat):
        wall, cpu, response = timed(lambda: client.get(path, data or {}))
        if response.status_code != status:
            raise AssertionError(f"GET {path} {data or ''}: {response.status_code}")
        if number >= warmup:
            durations.wall.append(wall)
            durations.cpu.append(cpu)
        durations.last_response = response
    return durations


def machine():
    """CPUs, model, Python and load average: what a figure was measured on."""
    model = ""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return {
        "cpus": os.cpu_count(),
        "cpu": model,
        "python": platform.python_version(),
        "load_1min_at_start": os.getloadavg()[0] if hasattr(os, "getloadavg") else None,
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
    }


# Databases ------------------------------------------------------------------------------------


def dataset(vendor, scale):
    """The ready dataset file for ``vendor`` ("sqlite"/"postgresql") and ``scale``, or None.

    ``scale`` is an article count or "base" (migrated, setup_editorial, seed_demo).
    """
    name = f"sqlite-{scale}.sqlite3" if vendor == "sqlite" else f"postgres-{scale}.dump"
    path = DATA / name
    return path if path.is_file() else None


def _clean_environment():
    return {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "PAGE_CACHE", "REDIS_URL", "DATABASE_URL"))
    }


class Database:
    """A throwaway database and its folders; see the module docstring."""

    def __init__(self, kind, folder):
        self.kind = kind
        self.vendor = "sqlite" if kind == "sqlite" else "postgresql"
        self.label = "SQLite" if kind == "sqlite" else "PostgreSQL"
        self.folder = Path(folder)
        self.cluster = None
        self.articles = 0
        self.empty = True
        self.env = _clean_environment()
        self.env.update(
            MEDIA_ROOT=str(self.folder / "media"),
            STATIC_ROOT=str(self.folder / "static"),
            TEST_MEDIA_ROOT=str(self.folder / "media"),
            BENCH_TMP=str(self.folder),
        )
        for name in ("media", "static"):
            (self.folder / name).mkdir(parents=True, exist_ok=True)

    # Lifecycle

    def start(self):
        if self.kind == "sqlite":
            self.path = self.folder / "bench.sqlite3"
            self.url = f"sqlite:///{self.path}"
        else:
            sys.path.insert(0, str(ROOT / "scripts"))
            import pg_cluster

            bindir = pg_cluster.find_bindir()
            if bindir is None:
                raise SystemExit("PostgreSQL (initdb, pg_ctl) not found")
            self.cluster = pg_cluster.Cluster(bindir, pg_cluster.server_user())
            self.cluster.init()
            self.cluster.start()
            self.cluster.create_database()
            self.url = self.cluster.url
            log(f"PostgreSQL cluster on 127.0.0.1:{self.cluster.port}")
        self.env["DATABASE_URL"] = self.url
        return self

    def stop(self):
        if self.cluster is not None:
            _close_django_connections()
            self.cluster.stop()
            self.cluster = None

    # Commands

    def manage(self, *args, production=False, quiet=True, settings="settings.dev"):
        """Run ``manage.py *args`` on this database in a subprocess; return its output."""
        env = (
            production_env(self.env)
            if production
            else {
                **self.env,
                "DJANGO_SETTINGS_MODULE": settings,
            }
        )
        started = time.monotonic()
        result = subprocess.run(
            [PY, "manage.py", *args],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE if quiet else None,
            stderr=subprocess.STDOUT if quiet else None,
            text=True,
        )
        if result.returncode != 0:
            raise SystemExit(f"manage.py {' '.join(args)} failed:\n{result.stdout}")
        log(f"manage.py {' '.join(args)}: {time.monotonic() - started:.0f} s")
        return result.stdout or ""

    def count(self):
        out = self.manage("shell", "-c", COUNT_SCRIPT)
        self.articles = int(out.rsplit("COUNT", 1)[1].split()[0])
        return self.articles

    def ensure(self, scale, reuse=True):
        """Give the database exactly ``scale`` articles (see the module docstring)."""
        if not self.empty and self.articles == scale:
            return self
        ready = dataset(self.vendor, scale) if reuse else None
        if ready is not None:
            self.load(ready)
        else:
            if self.empty:
                base = dataset(self.vendor, "base") if reuse else None
                if base is not None:
                    self.load(base)
                else:
                    self.manage("migrate", "--noinput")
                    self.manage("setup_editorial")
                    self.manage("seed_demo")
                    self.empty = False
                self.count()
            if scale < self.articles:
                raise SystemExit(
                    f"{self.articles} articles already, {scale} asked: seed_bulk only adds"
                )
            if scale > self.articles:
                self.manage("seed_bulk", "--articles", str(scale - self.articles), quiet=False)
        self.count()
        if self.articles != scale:
            log(f"asked for {scale} articles, the database has {self.articles}")
        return self

    def load(self, path):
        """Replace the database's content with a dataset file, then migrate."""
        started = time.monotonic()
        _close_django_connections()
        if self.vendor == "sqlite":
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)
            shutil.copyfile(path, self.path)
        else:
            self._restore(path)
        media = DATA / "media"
        if media.is_dir():
            shutil.rmtree(self.folder / "media", ignore_errors=True)
            shutil.copytree(media, self.folder / "media")
        self.empty = False
        log(f"loaded {path.name} in {time.monotonic() - started:.0f} s")
        self.manage("migrate", "--noinput")

    def _restore(self, path):
        cluster = self.cluster
        common = ["-h", "127.0.0.1", "-p", str(cluster.port), "-U", "lantoa"]
        run = {"env": cluster.env, "check": True, "stdout": subprocess.DEVNULL}
        psql = _pg_tool(cluster, "psql")
        drop = "DROP DATABASE IF EXISTS lantoa WITH (FORCE)"
        subprocess.run([psql, *common, "-d", "postgres", "-c", drop], **run)
        subprocess.run([psql, *common, "-d", "postgres", "-c", "CREATE DATABASE lantoa"], **run)
        restore = [_pg_tool(cluster, "pg_restore"), *common, "-d", "lantoa", "--no-owner"]
        subprocess.run([*restore, "--jobs", "2", str(path)], **run)
        subprocess.run([psql, *common, "-d", "lantoa", "-c", "ANALYZE"], **run)

    def dump(self, path):
        """Write this PostgreSQL database to ``path`` (``pg_dump -Fc``); SQLite: a copy."""
        _close_django_connections()
        if self.vendor == "sqlite":
            shutil.copyfile(self.path, path)
            return
        cluster = self.cluster
        subprocess.run(
            [
                _pg_tool(cluster, "pg_dump"),
                *("-h", "127.0.0.1", "-p", str(cluster.port), "-U", "lantoa", "-Fc"),
                *("-f", str(path), "lantoa"),
            ],
            env=cluster.env,
            check=True,
        )


def _pg_tool(cluster, name):
    path = os.path.join(cluster.bindir, name)
    return path if os.access(path, os.X_OK) else (shutil.which(name) or name)


def _close_django_connections():
    if "django.db" in sys.modules:
        from django.db import connections

        with contextlib.suppress(Exception):
            connections.close_all()


def production_env(env, cached=False):
    """Environment for the production settings on a benchmark machine (no TLS, no 2FA)."""
    return {
        **env,
        "DJANGO_SETTINGS_MODULE": "settings.production",
        "SECRET_KEY": "bench-only-secret-key-not-for-production-use-0123456789",
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        "PAGE_CACHE": "true" if cached else "false",
        "LOG_LEVEL": "WARNING",
        "LANTOA_REQUIRE_2FA": "false",
    }


class _Terminated(Exception):
    pass


def _terminate(signum, frame):
    raise _Terminated(signum)


@contextlib.contextmanager
def database(kind="sqlite"):
    """A throwaway ``Database`` ("sqlite" or "postgres"), removed when the block ends."""
    if kind not in ("sqlite", "postgres", "postgresql"):
        raise ValueError(f"unknown database kind {kind!r}")
    kind = "postgres" if kind.startswith("postgres") else "sqlite"
    folder = tempfile.mkdtemp(prefix=f"lantoa-bench-{kind}-")
    db = Database(kind, folder)
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        db.start()
        log(f"{db.label} database in {folder}")
        yield db
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        try:
            db.stop()
            shutil.rmtree(folder, ignore_errors=True)
            log("database stopped and its folder removed")
        finally:
            signal.signal(signal.SIGINT, signal.default_int_handler)
            signal.signal(signal.SIGTERM, previous)


def setup_django(db, settings="settings.test"):
    """Point this process's Django at ``db`` and set it up (once per process)."""
    for key in ("DATABASE_URL", "MEDIA_ROOT", "STATIC_ROOT", "TEST_MEDIA_ROOT"):
        os.environ[key] = db.env[key]
    os.environ["DJANGO_SETTINGS_MODULE"] = settings
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    import django

    django.setup()
