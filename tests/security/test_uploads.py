"""Uploads through the admin: only documented types, checked by content, names made ASCII."""

import io
import zipfile

import pytest
from PIL import Image

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from security.uploads import safe_filename
from tests.factories import root_collection


def png_bytes(size=(8, 8)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "#1f6f5c").save(buffer, format="PNG")
    return buffer.getvalue()


def zip_bytes(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


DOCX = zip_bytes({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"})
ODT = zip_bytes({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"})
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>'


def upload_image(client, name, data, content_type="image/png"):
    return client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Ảnh thử",
            "collection": root_collection().pk,
            "file": SimpleUploadedFile(name, data, content_type=content_type),
        },
    )


def upload_document(client, name, data, content_type="application/octet-stream"):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Tài liệu thử",
            "collection": root_collection().pk,
            "file": SimpleUploadedFile(name, data, content_type=content_type),
        },
    )


def errors(response):
    return response.context["form"].errors.get("file", []) if response.context else []


def test_a_real_png_is_accepted_with_an_ascii_name(admin_client):
    response = upload_image(admin_client, "Ảnh Đại hội (2026).PNG", png_bytes())
    assert response.status_code == 302, errors(response)
    image = get_image_model().objects.get()
    assert image.file.name.startswith("original_images/anh-dai-hoi-2026")
    assert image.file.name.endswith(".png")


@pytest.mark.parametrize(
    "name, data",
    [
        ("logo.svg", SVG),
        ("anh.png", SVG),
        ("anh.png", b"GIF89a" + b"\x00" * 40),
        ("anh.png", png_bytes()[:60]),  # truncated
        ("anh.jpg", png_bytes()),  # a PNG named .jpg
        ("anh.png", b"<?php system($_GET['c']); ?>"),
    ],
)
def test_images_that_are_not_what_they_say_are_refused(admin_client, name, data):
    response = upload_image(admin_client, name, data)
    assert response.status_code == 200
    assert errors(response), name
    assert not get_image_model().objects.exists()


def test_a_decompression_bomb_is_refused(admin_client, settings):
    # A small file that would decode to more pixels than the limit.
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 1_000_000
    response = upload_image(admin_client, "bom.png", png_bytes((2000, 1000)))
    assert response.status_code == 200
    assert "điểm ảnh" in " ".join(errors(response)) or errors(response)
    assert not get_image_model().objects.exists()


@pytest.mark.parametrize(
    "name, data",
    [
        ("Quyết định số 12.pdf", b"%PDF-1.7\n1 0 obj<<>>endobj\n%%EOF"),
        ("Báo cáo.docx", DOCX),
        ("Biên bản.odt", ODT),
        ("Danh sách.csv", "họ tên,đơn vị\nNguyễn An,Khoa Toán\n".encode()),
        ("Ghi chú.txt", "Văn bản thuần".encode()),
        ("Tờ trình.rtf", b"{\\rtf1\\ansi Hello}"),
        ("Cũ.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100),
        ("Ảnh.zip", zip_bytes({"a.txt": "xin chào"})),
    ],
)
def test_real_documents_are_accepted_with_ascii_names(admin_client, name, data):
    response = upload_document(admin_client, name, data)
    assert response.status_code == 302, errors(response)
    document = get_document_model().objects.get()
    assert document.file.name.split("/")[-1].isascii()
    assert document.filename == safe_filename(name) or document.filename.startswith(
        safe_filename(name).rsplit(".", 1)[0]
    )


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("trang.html", b"<script>alert(1)</script>", "Không được tải lên tệp loại"),
        ("anh.svg", SVG, "Không được tải lên tệp loại"),
        ("chuong-trinh.exe", b"MZ\x90\x00", "Không được tải lên tệp loại"),
        ("gia-mao.pdf", b"<html><script>alert(1)</script></html>", "không thực sự là tệp .pdf"),
        ("gia-mao.docx", b"MZ\x90\x00 not a zip", "không thực sự là tệp .docx"),
        ("zip-khac.docx", zip_bytes({"a.txt": "x"}), "không thực sự là tệp .docx"),
        ("nhi-phan.txt", b"abc\x00\x01\x02", "không phải văn bản thuần"),
        ("latin1.csv", "họ tên".encode("utf-16"), ""),
        ("bom.zip", zip_bytes({"zeros.bin": b"\x00" * 5_000_000}), "giải nén ra lớn bất thường"),
    ],
)
def test_documents_that_are_not_what_they_say_are_refused(admin_client, name, data, message):
    response = upload_document(admin_client, name, data)
    assert response.status_code == 200
    text = " ".join(errors(response))
    assert text, name
    assert message in text
    assert not get_document_model().objects.exists()


def test_documents_over_the_size_limit_are_refused(admin_client, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    response = upload_document(admin_client, "lon.txt", b"a" * 2048)
    assert response.status_code == 200
    assert errors(response)


def test_safe_filename_folds_vietnamese_and_drops_paths():
    assert safe_filename("../../etc/Quyết định số 12/QĐ-CĐ.PDF") == "qd-cd.pdf"
    assert safe_filename("Đơn xin nghỉ phép.docx") == "don-xin-nghi-phep.docx"
    assert safe_filename("???.pdf", default="tai-lieu") == "tai-lieu.pdf"
    assert safe_filename("C:\\Users\\an\\Ảnh thẻ.jpg") == "anh-the.jpg"
