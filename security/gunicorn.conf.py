"""gunicorn settings for production (README "Deploying"): ``gunicorn -c security/gunicorn.conf.py``.

Why these values (measured with ``bench/load/run.py``, 32 connections on 2 cores):

- Pages are Python-bound (~0.1–0.4 s uncached), cached pages cost a few milliseconds. With
  *sync* workers every connection waits in line behind whatever its worker is doing, so one
  slow search holds up the cached pages queued behind it. ``gthread`` workers run a few
  requests each: a cached page is answered while a search renders in another thread.
- ``workers``: CPU count + 1 (the Python is CPU-bound; more processes only add memory and
  context switches). ``threads``: 4 per worker (time spent in the database, the cache or
  sending the answer is overlapped).
- ``backlog``: connections beyond the threads wait in the kernel's queue (2048) instead of
  being refused during a burst.
- ``timeout``: a worker whose main loop is stuck for 60 s is killed and replaced (with
  gthread, a slow request alone does not trigger it); ``graceful_timeout`` lets requests in
  flight finish on reload or shutdown.
- ``max_requests``: workers are recycled after ~2000 requests, with jitter so they do not
  restart together, keeping memory flat.
- Request limits stay at gunicorn's safe defaults (line 4094 bytes, 100 header fields).
- Each worker, once the site is loaded, moves every object then alive out of the garbage
  collector's reach (``gc.freeze``): the modules, templates and settings live as long as the
  worker, and a full collection walked them all, ~130 ms every ~100 searches (1.3 ms a
  search on average, measured with ``gc.callbacks``).

Every value can be overridden from the environment (``GUNICORN_WORKERS``, ``GUNICORN_THREADS``,
``GUNICORN_TIMEOUT``, ``GUNICORN_BIND``) or on the command line.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
worker_class = "gthread"
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
backlog = 2048
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
# Idle keep-alive connections wait in the poller, not in a thread, so keeping them is cheap; a
# short value let a starved worker close a connection whose next request had just arrived
# (one read error in a load run). Behind nginx (no upstream keep-alive) it does not matter.
keepalive = 20
max_requests = 2000
max_requests_jitter = 200
limit_request_line = 4094
limit_request_fields = 100
# The address nginx gives in X-Forwarded-Proto/-For is trusted only from nginx on this host.
forwarded_allow_ips = "127.0.0.1"


def post_worker_init(worker):
    """The loaded site's objects are never garbage: kept out of every collection (the views
    imported first, as Django would on the first request)."""
    import gc

    from django.urls import get_resolver

    get_resolver().check()  # imports every view of the address map
    gc.collect()
    gc.freeze()
