#!/usr/bin/env python3
"""Run a command against a throwaway PostgreSQL cluster, then remove the cluster.

    python scripts/pg_cluster.py -- .venv/bin/python -m pytest

Starts a private cluster (initdb + pg_ctl from PATH or /usr/lib/postgresql/*/bin) in a temporary
folder, listening on a free 127.0.0.1 port with its unix socket in that folder; creates the
database; runs the command with DATABASE_URL pointing at it; always stops the server and deletes
the folder, and exits with the command's exit code.

PostgreSQL refuses to run as root, so under root the server runs as an unprivileged system user
(``lantoa-pg``, created if missing; ``nobody`` if it cannot be created).

Without PostgreSQL's binaries it warns and exits 0, except under CI=true where that is a failure.
Standard library only, so it runs before any virtualenv exists.
"""

import contextlib
import glob
import os
import pwd
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

DB_NAME = "lantoa"
DB_USER = "lantoa"
SYSTEM_USER = "lantoa-pg"
FALLBACK_USER = "nobody"


def log(message):
    print(f"[pg_cluster] {message}", file=sys.stderr, flush=True)


def _version_key(path):
    version = os.path.basename(os.path.dirname(os.path.dirname(path)))
    try:
        return (1, float(version))
    except ValueError:
        return (0, 0.0)


def find_bindir():
    """The folder holding initdb and pg_ctl (and the postgres server beside them)."""
    candidates = []
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(os.path.dirname(os.path.realpath(on_path)))
    found = glob.glob("/usr/lib/postgresql/*/bin/initdb")
    candidates += [os.path.dirname(p) for p in sorted(found, key=_version_key, reverse=True)]
    candidates += ["/usr/local/pgsql/bin"]
    for bindir in candidates:
        if all(os.access(os.path.join(bindir, name), os.X_OK) for name in ("initdb", "pg_ctl")):
            return bindir
    return None


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_user():
    """None when we may run the server ourselves; otherwise the unprivileged user to run it as."""
    if os.geteuid() != 0:
        return None
    try:
        pwd.getpwnam(SYSTEM_USER)
        return SYSTEM_USER
    except KeyError:
        pass
    useradd = shutil.which("useradd") or "/usr/sbin/useradd"
    result = subprocess.run(
        [useradd, "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", SYSTEM_USER],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode == 0:
        log(f"created system user {SYSTEM_USER}")
        return SYSTEM_USER
    log(f"could not create {SYSTEM_USER} ({result.stderr.strip()}); using {FALLBACK_USER}")
    return FALLBACK_USER


def as_user(user, argv):
    if user is None:
        return argv
    runuser = shutil.which("runuser") or "/usr/sbin/runuser"
    if os.access(runuser, os.X_OK):
        return [runuser, "-u", user, "--", *argv]
    return ["su", "-s", "/bin/sh", user, "-c", shlex.join(argv)]


class Cluster:
    def __init__(self, bindir, user):
        self.bindir = bindir
        self.user = user
        self.folder = tempfile.mkdtemp(prefix="lantoa-pg-")
        self.data = os.path.join(self.folder, "data")
        self.logfile = os.path.join(self.folder, "server.log")
        self.port = None
        self.started = False
        if user is not None:
            entry = pwd.getpwnam(user)
            os.chown(self.folder, entry.pw_uid, entry.pw_gid)
        # The server's own environment: C locale, no inherited PG* settings.
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
        self.env.update(LC_ALL="C", LANG="C")

    def _run(self, argv, **kwargs):
        return subprocess.run(
            as_user(self.user, argv),
            cwd=self.folder,
            env=self.env,
            check=True,
            stdin=subprocess.DEVNULL,
            **kwargs,
        )

    def tool(self, name):
        return os.path.join(self.bindir, name)

    def init(self):
        self._run(
            [
                self.tool("initdb"),
                "--pgdata",
                self.data,
                "--username",
                DB_USER,
                "--auth",
                "trust",
                "--encoding",
                "UTF8",
                "--no-locale",
                "--no-sync",
            ],
            stdout=subprocess.DEVNULL,
        )

    def start(self, attempts=3):
        for attempt in range(1, attempts + 1):
            self.port = free_port()
            options = " ".join(
                [
                    "-c listen_addresses=127.0.0.1",
                    f"-c port={self.port}",
                    f"-c unix_socket_directories={self.folder}",
                    # Throwaway data: durability buys nothing and costs test time.
                    "-c fsync=off",
                    "-c synchronous_commit=off",
                    "-c full_page_writes=off",
                ]
            )
            try:
                self._run(
                    [
                        self.tool("pg_ctl"),
                        "--pgdata",
                        self.data,
                        "--log",
                        self.logfile,
                        "--options",
                        options,
                        "--wait",
                        "--timeout",
                        "60",
                        "start",
                    ],
                    stdout=subprocess.DEVNULL,
                )
                self.started = True
                return
            except subprocess.CalledProcessError:
                log(f"server did not start on port {self.port} (attempt {attempt})")
                self._print_log()
        raise RuntimeError("PostgreSQL did not start")

    def create_database(self):
        createdb = self.tool("createdb")
        argv = ["-h", "127.0.0.1", "-p", str(self.port), "-U", DB_USER, DB_NAME]
        if os.access(createdb, os.X_OK):
            subprocess.run([createdb, *argv], env=self.env, check=True)
            return
        psql = shutil.which("psql") or self.tool("psql")
        subprocess.run(
            [psql, *argv[:-1], "-d", "postgres", "-c", f"CREATE DATABASE {DB_NAME}"],
            env=self.env,
            check=True,
            stdout=subprocess.DEVNULL,
        )

    @property
    def url(self):
        return f"postgres://{DB_USER}@127.0.0.1:{self.port}/{DB_NAME}"

    def stop(self):
        if self.started:
            try:
                self._run(
                    [self.tool("pg_ctl"), "--pgdata", self.data, "--mode", "immediate", "stop"],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    timeout=60,
                )
            except (subprocess.SubprocessError, OSError) as exc:
                log(f"pg_ctl stop failed: {exc}")
            self.started = False
        shutil.rmtree(self.folder, ignore_errors=True)

    def _print_log(self):
        with contextlib.suppress(OSError), open(self.logfile, encoding="utf-8") as fh:
            sys.stderr.write(fh.read()[-4000:])


class Terminated(Exception):
    def __init__(self, signum):
        self.signum = signum


def _raise_terminated(signum, frame):
    raise Terminated(signum)


def run(command):
    bindir = find_bindir()
    if bindir is None:
        banner = "!" * 72
        if os.environ.get("CI", "").lower() == "true":
            log(banner)
            log("PostgreSQL (initdb, pg_ctl) not found, and CI=true: failing.")
            log(banner)
            return 1
        log(banner)
        log("WARNING: PostgreSQL (initdb, pg_ctl) not found: SKIPPING the PostgreSQL run.")
        log("Install it (Debian: apt-get install postgresql) to test what production runs.")
        log(banner)
        return 0

    signal.signal(signal.SIGTERM, _raise_terminated)
    signal.signal(signal.SIGHUP, _raise_terminated)
    cluster = Cluster(bindir, server_user())
    child = None
    try:
        started = time.monotonic()
        cluster.init()
        cluster.start()
        cluster.create_database()
        log(
            f"PostgreSQL from {bindir} on 127.0.0.1:{cluster.port} "
            f"(ready in {time.monotonic() - started:.1f}s, data in {cluster.folder})"
        )
        env = dict(os.environ, DATABASE_URL=cluster.url)
        child = subprocess.Popen(command, env=env)
        returncode = child.wait()
        return returncode if returncode >= 0 else 128 - returncode
    except KeyboardInterrupt:
        _stop_child(child, signal.SIGINT)
        return 130
    except Terminated as exc:
        _stop_child(child, exc.signum)
        return 128 + exc.signum
    except (subprocess.CalledProcessError, RuntimeError, OSError) as exc:
        log(f"could not run the cluster: {exc}")
        cluster._print_log()
        _stop_child(child, signal.SIGTERM)
        return 1
    finally:
        # Ignore further interrupts while cleaning up, so cleanup always finishes.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        cluster.stop()
        log("cluster stopped and removed")


def _stop_child(child, signum):
    if child is None or child.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        child.send_signal(signum)
    try:
        child.wait(timeout=20)
    except subprocess.TimeoutExpired:
        child.kill()
        child.wait()


def main(argv):
    if argv and argv[0] == "--":
        argv = argv[1:]
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__.strip())
        return 0 if argv else 2
    return run(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
