from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from api.router import api_router
from channels import urls as channels_urls
from channels.sitemaps import SITEMAPS
from cms import views
from search import views as search_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include("library.urls")),
    path("documents/", include(wagtaildocs_urls)),
    # The editorial calendar's feed: phones subscribe with a signed address, without a session.
    path("lich-bien-tap/", include("planning.urls")),
    path("api/v2/", api_router.urls),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}),
    path("", include(channels_urls)),
    # English addresses of the non-page views; Vietnamese ones are below, without a prefix.
    path("en/search/", search_views.search, name="search_en"),
    path("en/tag/<str:slug>/", views.tag_detail, name="tag_en"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# A lost database answers 503, not 500 (security/views.py).
handler500 = "security.views.server_error"

urlpatterns += i18n_patterns(
    path("tim-kiem/", search_views.search, name="search"),
    path("the/<str:slug>/", views.tag_detail, name="tag"),
    path("", include("members.urls")),
    path("gop-tin/", include("contributions.urls")),
    *channels_urls.feed_patterns,
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
