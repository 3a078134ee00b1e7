"""Security headers on real responses: public pages, the admin, documents."""

import re

import pytest

from django.urls import reverse

from tests import factories


@pytest.fixture
def article(news_index):
    return factories.ArticlePageFactory(parent=news_index, title="Hội nghị người lao động")


def directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def test_public_page_carries_every_header_and_a_strict_policy(client, article):
    response = client.get(article.url)
    assert response.status_code == 200
    csp = directives(response)
    assert csp["script-src"] == ["'self'"]
    assert csp["default-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert "nonce-" not in response["Content-Security-Policy"]  # safe to cache whole
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_public_pages_have_no_inline_script(client, article, home_page):
    for url in (home_page.url, article.url, "/tim-kiem/?q=công+đoàn"):
        html = client.get(url).content.decode()
        for tag in re.findall(r"<script\b[^>]*>", html):
            # Only external files and JSON-LD data blocks, which the policy does not run.
            assert "src=" in tag or 'type="application/ld+json"' in tag, (url, tag)
        assert not re.search(r"\son[a-z]+\s*=", html), url


def test_admin_has_its_own_policy_and_the_preview_can_be_framed(admin_client, article):
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))
    assert response.status_code == 200
    csp = directives(response)
    # Wagtail 8's InlinePanel prints inline scripts in the page editor.
    assert csp["script-src"] == ["'self'", "'unsafe-inline'"]
    assert "'unsafe-inline'" in csp["style-src"]
    assert csp["frame-ancestors"] == ["'self'"]
    preview = admin_client.get(reverse("wagtailadmin_pages:preview_on_edit", args=[article.pk]))
    assert preview["X-Frame-Options"] == "SAMEORIGIN"


def test_documents_are_attachments_with_a_safe_type_and_no_active_content(client, db):
    pdf = factories.DocumentFactory(title="Báo cáo")
    response = client.get(pdf.url)
    assert response.status_code == 200
    # PDFs open in the browser's viewer, under a policy that lets nothing in them run.
    assert response["Content-Disposition"].startswith("inline")
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "default-src 'none'" in response["Content-Security-Policy"]

    zip_file = factories.DocumentFactory(
        title="Hồ sơ", file__filename="ho-so.zip", file__data=b"PK\x05\x06" + b"\x00" * 18
    )
    response = client.get(zip_file.url)
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Content-Type"] == "application/zip"


def test_hsts_in_production_settings(client, article, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    response = client.get(article.url, secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
