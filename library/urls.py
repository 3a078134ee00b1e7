from django.urls import re_path

from library import views

# Wagtail's own document address and name, with the view wrapped (library/views.py); cms/urls.py
# lists it before Wagtail's include, which keeps the password form for restricted collections.
urlpatterns = [
    re_path(r"^(\d+)/(.*)$", views.serve_document, name="wagtaildocs_serve"),
]
