"""Settings shared by every environment; safe to run in production.

Everything deploy-specific comes from environment variables; each optional integration
(SMTP, Redis cache, S3 media, Elasticsearch/OpenSearch, CDN purge) switches on only when
its variable is present.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent

env = os.environ.get


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


SECRET_KEY = env("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "cms",
    "home",
    "articles",
    "exemplars",
    "search",
    "perf",
    "channels",
    "listings",
    "planning",
    "library",
    "members",
    "security",
    "engage",
    "contributions",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.api.v2",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "axes",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "security.middleware.ContentSecurityPolicyMiddleware",
    "security.middleware.PermissionsPolicyMiddleware",
    "security.middleware.AdminFrameOptionsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous readers get whole pages from the cache before sessions are even read (perf/).
    "perf.middleware.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "security.twofactor.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Answers a locked-out login with the Vietnamese lockout page (security/views.py).
    "axes.middleware.AxesMiddleware",
    "security.middleware.PasswordResetThrottleMiddleware",
    "security.middleware.PagePasswordThrottleMiddleware",
    "security.middleware.HostileInputMiddleware",
    # Each POST is one transaction: a publish or a submission is all there, or not at all.
    "security.middleware.AtomicWritesMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# SQLite is the embedded default; DATABASE_URL (postgres://…) switches to PostgreSQL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(env("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Readers never wait for a writer (WAL), a commit does not wait for the disk twice
    # (synchronous=NORMAL is safe in WAL mode), and a writer waits up to 5 s for another
    # one instead of failing; IMMEDIATE takes the write lock when a transaction starts, so
    # two writers never deadlock upgrading their read locks. The file is read through memory
    # mapping (up to SQLite's maximum, 2 GB): a page is read where the system already holds
    # it, not copied into each connection's own cache (a search at 100,000 articles reads
    # pages all over a 2 GB file: ~10% less time in SQL).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;"
                " PRAGMA mmap_size=2147418112;"
            ),
            "transaction_mode": "IMMEDIATE",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Vietnamese first; English under /en/.
LANGUAGE_CODE = "vi"
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    ("vi", "Tiếng Việt"),
    ("en", "English"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["cms.formats"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = env("MEDIA_URL", "/media/")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# S3-compatible media (AWS, MinIO, DigitalOcean Spaces …) through django-storages.
if env("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME")
    AWS_S3_ENDPOINT_URL = env("AWS_S3_ENDPOINT_URL")
    AWS_S3_REGION_NAME = env("AWS_S3_REGION_NAME")
    AWS_S3_CUSTOM_DOMAIN = env("AWS_S3_CUSTOM_DOMAIN")
    AWS_QUERYSTRING_AUTH = False
    AWS_DEFAULT_ACL = None
    AWS_S3_FILE_OVERWRITE = False

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    }
}
if env("REDIS_URL"):
    CACHES["default"] = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": env("REDIS_URL"),
        "KEY_PREFIX": "lantoa",
    }
elif env("CACHE_DB_TABLE"):
    # Shared by every worker without Redis; `manage.py createcachetable` creates the table.
    CACHES["default"] = {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": env("CACHE_DB_TABLE"),
        "OPTIONS": {"MAX_ENTRIES": 20000},
    }
# Whole pages for anonymous readers (perf/), invalidated exactly on publish and edits. Local
# memory belongs to one process: with several gunicorn workers, a worker that did not handle
# the publish would keep the old page (so would `make run`, whose scheduler publishes from
# another process), so the page cache is on by default only with a shared cache (Redis or the
# database cache); PAGE_CACHE=true turns it on anyway.
_SHARED_CACHE = bool(env("REDIS_URL") or env("CACHE_DB_TABLE"))
PAGE_CACHE_ENABLED = env("PAGE_CACHE", "true" if _SHARED_CACHE else "false").lower() == "true"
PAGE_CACHE_SECONDS = int(env("PAGE_CACHE_SECONDS", "3600"))

# E-mail: SMTP when EMAIL_HOST is set, otherwise the console.
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
if env("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = env("EMAIL_HOST")
    EMAIL_PORT = int(env("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env("EMAIL_USE_TLS", "true").lower() == "true"
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Lan Tỏa <khong-tra-loi@lantoa.local>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Search: Wagtail's database backend unless Elasticsearch/OpenSearch is configured
# (search.backends: the same, SQLite's title norms refreshed for the saved page only).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends"}}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # No JIT: it compiles any statement the planner costs above 100,000 (a filtered search's
    # subplans, looped per row), 300-650 ms a statement for queries that run in 15-50 ms.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("options", "-c jit=off")
    # PostgreSQL's default "english" config drops folded Vietnamese syllables that are English
    # stop words (the, to, an, do, so, me); "simple" keeps every word.
    WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = "simple"
# A search's matches are kept in the cache (like the kept lists, so the cache must be shared
# in production) until a page changes or the index gains an entry: search.views.kept_matches.
SEARCH_KEEP_MATCHES = env("SEARCH_KEEP_MATCHES", "true").lower() == "true"
# Elasticsearch/OpenSearch: every text field folds marks (asciifolding also maps đ to d) and
# keeps the original token too, so "nguoi" finds "người" and "người" ranks exact matches first.
SEARCH_INDEX_SETTINGS = {
    "settings": {
        "analysis": {
            "filter": {"vi_folding": {"type": "asciifolding", "preserve_original": True}},
            "analyzer": {
                "default": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["lowercase", "vi_folding"],
                }
            },
        }
    }
}
if env("SEARCH_URL"):
    WAGTAILSEARCH_BACKENDS["default"] = {
        "BACKEND": env("SEARCH_BACKEND", "wagtail.search.backends.elasticsearch8"),
        "URLS": [env("SEARCH_URL")],
        "INDEX_PREFIX": env("SEARCH_INDEX", "lantoa") + "_",
        "TIMEOUT": int(env("SEARCH_TIMEOUT", "5")),
        "AUTO_UPDATE": True,
        "INDEX_SETTINGS": SEARCH_INDEX_SETTINGS,
    }

# CDN or caching-proxy purge through Wagtail's frontend cache: Cloudflare when its token is
# set, a Varnish/nginx/Squid PURGE endpoint when FRONTEND_CACHE_PURGE_URL is. perf/ purges
# the pages it invalidates in its own cache; FRONTEND_CACHE_MAX_AGE is the s-maxage sent
# with anonymous pages so that the frontend keeps them.
WAGTAILFRONTENDCACHE = {}
if env("CLOUDFLARE_API_TOKEN"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": env("CLOUDFLARE_API_TOKEN"),
        "ZONEID": env("CLOUDFLARE_ZONE_ID"),
    }
if env("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env("FRONTEND_CACHE_PURGE_URL"),
    }
FRONTEND_CACHE_MAX_AGE = 0
if WAGTAILFRONTENDCACHE:
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")
    FRONTEND_CACHE_MAX_AGE = int(env("FRONTEND_CACHE_MAX_AGE", "600"))

WAGTAIL_SITE_NAME = "Lan Tỏa"
# Members-only pages send readers to Wagtail's front-end login, in the site's own layout.
WAGTAIL_FRONTEND_LOGIN_TEMPLATE = "pages/login_page.html"
# After logging in without a page to return to, and after logging out: the home page.
LOGIN_REDIRECT_URL = "/"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "doc", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILSEARCH_HITS_MAX_AGE = 30
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"webp": "webp", "bmp": "jpeg"}

TAGGIT_CASE_INSENSITIVE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
}

# Editorial workflow: any edit after an approval sends the page through every step again,
# so what the board approved is exactly what goes live. Reviewers are told by e-mail and on
# the dashboard; superusers are not copied on every notification.
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAIL_WORKFLOW_CANCEL_ON_PUBLISH = True
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
WAGTAILADMIN_NOTIFICATION_USE_HTML = True
# A translation starts as a draft whatever the original's state: English pages go public only
# through the board, like every other page.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# No third-party avatar requests from the admin (the network may be closed, and privacy).
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Security (the security app; README "Security"). Throttled logins: django-axes locks an
# account at one address after LANTOA_LOGIN_FAILURE_LIMIT failures, for 15 minutes.
AUTHENTICATION_BACKENDS = [
    "security.backends.LoginThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(env("LANTOA_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_USERNAME_CALLABLE = "security.backends.throttled_username"
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "security.ip.client_ip"
AXES_LOCKOUT_CALLABLE = "security.views.locked_out"
AXES_VERBOSE = False
LANTOA_TRUSTED_PROXIES = int(env("LANTOA_TRUSTED_PROXIES", "0"))
LANTOA_PASSWORD_RESET_LIMIT = 5  # reset e-mails an hour from one address
# Second factor (TOTP) for everyone who can publish or administer; off in dev and tests.
LANTOA_REQUIRE_2FA = env("LANTOA_REQUIRE_2FA", "true").lower() == "true"
OTP_TOTP_ISSUER = "Lan Tỏa"
# Where `manage.py backup` writes its archives when no --output is given.
LANTOA_BACKUP_DIR = Path(env("BACKUP_DIR", str(BASE_DIR / "backups")))

# Sessions end after 8 hours, and when the browser closes.
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True

# Headers on every response. No nonces: public pages are cached whole for anonymous readers.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Nothing is framed, except the admin's live preview (Wagtail marks it SAMEORIGIN itself).
X_FRAME_OPTIONS = "DENY"
_MEDIA_ORIGINS = [f"https://{env('AWS_S3_CUSTOM_DOMAIN')}"] if env("AWS_S3_CUSTOM_DOMAIN") else []
_VIDEO_FRAMES = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
    "https://www.facebook.com",
]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        # Wagtail's responsive embeds size their frame with a style attribute.
        "style-src-attr": ["'unsafe-inline'"],
        "img-src": ["'self'", "data:", *_MEDIA_ORIGINS],
        "media-src": ["'self'", *_MEDIA_ORIGINS],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", *_VIDEO_FRAMES],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
LANTOA_ADMIN_PATH = "/admin/"
# The Wagtail admin: inline styles (Draftail, the editor's panels) and inline scripts, which
# Wagtail 8's InlinePanel and multiple chooser panel still print (found by bench/load/run.py
# --browser in Chromium); the public pages keep the strict policy above.
LANTOA_ADMIN_CSP = {
    **CONTENT_SECURITY_POLICY["DIRECTIVES"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "style-src-attr": ["'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", *_MEDIA_ORIGINS],
    "worker-src": ["'self'", "blob:"],
    "frame-ancestors": ["'self'"],
}
LANTOA_PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)

# Uploads: only these types, checked by content (security/uploads.py); no SVG.
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_IMAGE_FORM_BASE = "security.uploads.SafeImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "security.uploads.SafeDocumentForm"
# Documents always go through Wagtail's serve view, so collection privacy applies, with
# Content-Disposition and Wagtail's own "default-src 'none'" policy on the file.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf", "text/plain"]
