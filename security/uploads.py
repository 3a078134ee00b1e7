"""Upload validation for Wagtail images and documents: by content, not by name alone.

Wagtail already checks image extensions against the decoded format, image size and pixel
count (``WAGTAILIMAGES_MAX_IMAGE_PIXELS``), document extensions and document size. On top of
that, here: every image is fully decoded by Pillow (truncated or malformed files and
decompression bombs are refused), every document must look like what its extension says,
zip-based files are checked against zip bombs, and every file name becomes plain ASCII.

The form bases are set in ``WAGTAILIMAGES_IMAGE_FORM_BASE`` and
``WAGTAILDOCS_DOCUMENT_FORM_BASE``; a custom document form must subclass ``SafeDocumentForm``
(or call ``validate_document``) so that nothing reaches the library unchecked.
"""

import io
import os
import warnings
import zipfile

from PIL import Image

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

from cms.text import slugify_vi

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# What a zip-based office file must contain, by extension.
OFFICE_ZIP_MEMBERS = {
    "docx": "word/document.xml",
    "xlsx": "xl/workbook.xml",
    "pptx": "ppt/presentation.xml",
}
ODF_MIMETYPES = {"odt": b"application/vnd.oasis.opendocument.text"}
ZIP_MAX_MEMBERS = 5000
ZIP_MAX_RATIO = 100


def safe_filename(name, default="tep"):
    """ASCII, lower case, no path: "Quyết định số 12/QĐ-CĐ.PDF" -> "quyet-dinh-so-12-qd-cd.pdf"."""
    base = os.path.basename(str(name).replace("\\", "/"))
    stem, ext = os.path.splitext(base)
    stem = slugify_vi(stem, max_length=80) or default
    ext = slugify_vi(ext, max_length=10)
    return f"{stem}.{ext}" if ext else stem


def _read_all(uploaded):
    uploaded.seek(0)
    data = uploaded.read()
    uploaded.seek(0)
    return data


def _check_zip(data, ext):
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise ValidationError(
            _("This .%(ext)s file is damaged or is not really a .%(ext)s file."),
            code="invalid_document",
            params={"ext": ext},
        ) from error
    total = sum(member.file_size for member in members)
    if len(members) > ZIP_MAX_MEMBERS or total > max(len(data), 1) * ZIP_MAX_RATIO:
        raise ValidationError(
            _("This archive expands to far more than its size; it cannot be uploaded."),
            code="zip_bomb",
        )
    names = {member.filename for member in members}
    if ext in OFFICE_ZIP_MEMBERS and (
        "[Content_Types].xml" not in names or OFFICE_ZIP_MEMBERS[ext] not in names
    ):
        raise ValidationError(
            _("This .%(ext)s file is damaged or is not really a .%(ext)s file."),
            code="invalid_document",
            params={"ext": ext},
        )
    if ext in ODF_MIMETYPES and (
        "mimetype" not in names or archive.read("mimetype").strip() != ODF_MIMETYPES[ext]
    ):
        raise ValidationError(
            _("This .%(ext)s file is damaged or is not really a .%(ext)s file."),
            code="invalid_document",
            params={"ext": ext},
        )


def _check_text(data, ext):
    if b"\x00" in data:
        raise ValidationError(
            _("This .%(ext)s file is not plain text."), code="invalid_document", params={"ext": ext}
        )
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValidationError(
            _("Save this .%(ext)s file as UTF-8 text (Unicode) and upload it again."),
            code="invalid_encoding",
            params={"ext": ext},
        ) from error


def validate_document(uploaded):
    """Refuse a document whose content does not match its extension."""
    ext = os.path.splitext(uploaded.name)[1].lower().lstrip(".")
    if ext not in settings.WAGTAILDOCS_EXTENSIONS:
        raise ValidationError(
            _("Files of type .%(ext)s cannot be uploaded. Allowed types: %(allowed)s."),
            code="invalid_extension",
            params={"ext": ext or "?", "allowed": ", ".join(settings.WAGTAILDOCS_EXTENSIONS)},
        )
    data = _read_all(uploaded)
    mismatch = ValidationError(
        _("This .%(ext)s file is damaged or is not really a .%(ext)s file."),
        code="invalid_document",
        params={"ext": ext},
    )
    if ext == "pdf":
        if b"%PDF-" not in data[:1024]:
            raise mismatch
    elif ext == "doc":
        if not data.startswith(OLE2):
            raise mismatch
    elif ext == "rtf":
        if not data.lstrip(b"\xef\xbb\xbf \r\n\t").startswith(b"{\\rtf"):
            raise mismatch
    elif ext in ("txt", "csv"):
        _check_text(data, ext)
    elif ext in ("docx", "xlsx", "pptx", "odt", "zip"):
        _check_zip(data, ext)
    else:
        raise mismatch


def validate_image(uploaded):
    """Decode the whole image with Pillow: truncated, malformed and bomb images are refused."""
    data = _read_all(uploaded)
    invalid = ValidationError(
        _("This image is damaged or is not an image we accept (JPEG, PNG, GIF, WebP)."),
        code="invalid_image",
    )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                image.verify()
            with Image.open(io.BytesIO(data)) as image:
                image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise ValidationError(
            _("This image has too many pixels to be processed safely."), code="image_bomb"
        ) from error
    except Exception as error:  # noqa: BLE001  (Pillow raises many kinds for bad input)
        raise invalid from error


class SafeImageForm(BaseImageForm):
    """Wagtail's image form, plus a full decode and an ASCII file name."""

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded and "file" in self.changed_data:
            validate_image(uploaded)
            uploaded.name = safe_filename(uploaded.name, default="anh")
        return uploaded


class SafeDocumentForm(BaseDocumentForm):
    """Wagtail's document form, plus a content check and an ASCII file name."""

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded and "file" in self.changed_data:
            validate_document(uploaded)
            uploaded.name = safe_filename(uploaded.name, default="tai-lieu")
        return uploaded
