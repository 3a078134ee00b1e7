"""Members' photos: checked by content (security.uploads), size-limited, re-saved without EXIF.

Re-saving with Pillow drops every metadata block (EXIF with its GPS position, XMP, comments);
the orientation EXIF carried is applied to the pixels first so the photo stays upright.
"""

import io

from PIL import Image, ImageOps

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.utils.translation import gettext_lazy as _

from wagtail.images import get_image_model
from wagtail.models import Collection

from security.uploads import safe_filename, validate_image

FORMATS = {"JPEG": "jpg", "PNG": "png", "GIF": "gif", "WEBP": "webp"}


def max_photos():
    return getattr(settings, "CONTRIBUTIONS_MAX_PHOTOS", 5)


def max_photo_bytes():
    return getattr(settings, "CONTRIBUTIONS_MAX_PHOTO_BYTES", 8 * 1024 * 1024)


def check_photo(uploaded):
    """Refuse anything but a sound image under the size limit (Vietnamese messages)."""
    if uploaded.size > max_photo_bytes():
        raise ValidationError(
            _("The photo “%(name)s” is larger than %(mb)s MB. Please send a smaller one."),
            code="photo_too_large",
            params={"name": uploaded.name, "mb": max_photo_bytes() // (1024 * 1024)},
        )
    validate_image(uploaded)


def without_metadata(uploaded):
    """(bytes, extension) of the photo re-encoded with no EXIF, GPS or other metadata."""
    uploaded.seek(0)
    with Image.open(uploaded) as source:
        fmt = source.format if source.format in FORMATS else "PNG"
        image = ImageOps.exif_transpose(source) if fmt != "GIF" else source.copy()
        image.info = {}
        if fmt == "JPEG" and image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        output = io.BytesIO()
        options = {"quality": 90} if fmt in ("JPEG", "WEBP") else {}
        image.save(output, format=fmt, **options)
    return output.getvalue(), FORMATS[fmt]


def save_photos(files, title, department):
    """Wagtail images in the department's collection (the root one if it has none)."""
    collection = (department.original.collection if department else None) or (
        Collection.get_first_root_node()
    )
    Image = get_image_model()
    images = []
    for number, uploaded in enumerate(files, start=1):
        data, ext = without_metadata(uploaded)
        name = safe_filename(f"{title[:60]}-{number}.{ext}", default="anh")
        image = Image(title=f"{title[:200]} ({number})", collection=collection)
        image.file = ImageFile(io.BytesIO(data), name=name)
        image.save()
        images.append(image)
    return images
