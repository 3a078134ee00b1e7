"""Feeds (in each language, under i18n_patterns) and the language-neutral extras."""

from django.urls import path, re_path

from channels import views

KIND = r"^(?P<kind>rss|atom)/"

# Inside i18n_patterns: /rss/… for Vietnamese, /en/rss/… for English.
feed_patterns = [
    re_path(KIND + r"$", views.feed, name="feed"),
    re_path(
        KIND + r"don-vi/(?P<slug>[-\w]+)/$",
        views.feed,
        {"source": "department"},
        name="feed_department",
    ),
    re_path(
        KIND + r"chien-dich/(?P<slug>[-\w]+)/$",
        views.feed,
        {"source": "campaign"},
        name="feed_campaign",
    ),
    re_path(KIND + r"the/(?P<slug>[^/]+)/$", views.feed, {"source": "tag"}, name="feed_tag"),
]

urlpatterns = [
    path("robots.txt", views.robots_txt, name="robots_txt"),
    re_path(r"^ma-qr/(?P<page_id>\d+)\.(?P<fmt>svg|png)$", views.page_qr, name="page_qr"),
]
