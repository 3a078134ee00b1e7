"""Make every image rendition the templates ask for, before a reader does.

The sizes and formats are read from the templates themselves (``{% picture %}``,
``{% srcset_image %}`` and ``{% image %}`` tags), so a template edit needs no change here.
Each tag's image expression says which images it is used with: ``*.hero_image`` for page
heroes, ``*.portrait`` for exemplar portraits, ``*.image`` for departments, ``*.logo`` for the
site logo and ``value.image``/``item.image`` for images in page bodies (found through Wagtail's
reference index). Existing renditions are left alone, so running it twice does nothing new.

    python manage.py warm_renditions            # all of them, with a progress bar
    python manage.py warm_renditions --dry-run  # only say how many images and sizes
"""

import contextlib
import itertools
import re
import sys
import time
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand
from django.db import models

from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex

TAG = re.compile(r"{%\s*(?:picture|srcset_image|image)\s+(\S+)\s+(.*?)%}")
BRACES = re.compile(r"{([^{}]*)}")


def expand(token):
    """``fill-{320x180,640x360}-c75`` -> ``fill-320x180-c75``, ``fill-640x360-c75``."""
    match = BRACES.search(token)
    if not match:
        return [token]
    head, tail = token[: match.start()], token[match.end() :]
    return [v for option in match.group(1).split(",") for v in expand(head + option + tail)]


def specs_in(text):
    """(role, filter spec) for every image tag in a template's text."""
    found = set()
    for expression, rest in TAG.findall(text):
        operations = []
        for token in rest.split():
            if "=" in token or token == "as":
                break
            operations.append(expand(token))
        if not operations:
            continue
        role = expression.rsplit(".", 1)[-1]
        if expression.startswith(("value.", "item.")):
            role = "body"
        elif expression == "image":
            role = "include"  # a component's parameter, e.g. hero_image.html's ``image``
        for combination in itertools.product(*operations):
            found.add((role, "|".join(combination)))
    return found


def template_dirs():
    dirs = [Path(d) for engine in settings.TEMPLATES for d in engine.get("DIRS", [])]
    dirs += [Path(app.path) / "templates" for app in apps.get_app_configs()]
    base = Path(settings.BASE_DIR)
    return [d for d in dirs if d.is_dir() and base in d.resolve().parents]


def code_specs():
    """Renditions made in Python rather than templates (structured data, the API)."""
    specs = {}
    with contextlib.suppress(ImportError):
        from channels import structured_data

        specs["hero_image"] = {structured_data.SHARE_SPEC}
        specs["image"] = {structured_data.SHARE_SPEC}
        specs["portrait"] = {structured_data.PORTRAIT_SPEC}
        specs["logo"] = {structured_data.LOGO_SPEC}
    with contextlib.suppress(ImportError):
        from api.views import RENDITIONS

        for role in ("hero_image", "portrait", "image"):
            specs.setdefault(role, set()).update(RENDITIONS.values())
    return specs


def template_specs():
    specs = code_specs()
    for directory in template_dirs():
        for path in directory.rglob("*.html"):
            for role, spec in specs_in(path.read_text(encoding="utf-8")):
                specs.setdefault(role, set()).add(spec)
    # Components take their image as a parameter: heroes and department images go through them.
    for role in ("hero_image", "image"):
        specs.setdefault(role, set()).update(specs.get("include", set()))
    return specs


def images_for(role):
    """Ids of the images used in ``role``."""
    image_model = get_image_model()
    if role == "body":
        image_type = ContentType.objects.get_for_model(image_model)
        page_type = ContentType.objects.get_for_model(Page)
        return set(
            ReferenceIndex.objects.filter(
                to_content_type=image_type, base_content_type=page_type
            ).values_list("to_object_id", flat=True)
        )
    ids = set()
    for model in apps.get_models():
        try:
            field = model._meta.get_field(role)
        except Exception:  # no such field on this model
            continue
        if isinstance(field, models.ForeignKey) and field.related_model is image_model:
            ids |= set(
                model.objects.filter(**{f"{role}__isnull": False}).values_list(
                    field.attname, flat=True
                )
            )
    return ids


class Command(BaseCommand):
    help = "Tạo trước mọi kích cỡ ảnh (rendition) mà giao diện dùng, kèm thanh tiến độ."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Chỉ đếm, không tạo ảnh.")

    def handle(self, *args, dry_run=False, **options):
        per_image = {}
        for role, specs in template_specs().items():
            for image_id in images_for(role):
                per_image.setdefault(int(image_id), set()).update(specs)
        total = len(per_image)
        sizes = sum(len(specs) for specs in per_image.values())
        self.stdout.write(f"{total} ảnh, {sizes} kích cỡ cần có.")
        if dry_run or not total:
            return
        images = get_image_model().objects.in_bulk(list(per_image))
        made = 0
        start = time.monotonic()
        for done, (image_id, specs) in enumerate(sorted(per_image.items()), start=1):
            image = images.get(image_id)
            if image is not None:
                before = image.renditions.count()
                try:
                    image.get_renditions(*sorted(specs))
                except Exception as exc:  # a missing or broken file: report, keep going
                    self.stderr.write(f"\nẢnh #{image_id} ({image.title}): {exc}")
                made += image.renditions.count() - before
            self._progress(done, total, start)
        self.stdout.write(
            f"\nXong: {made} kích cỡ mới cho {total} ảnh trong {time.monotonic() - start:.1f} s."
        )

    def _progress(self, done, total, start):
        width = 30
        filled = width * done // total
        bar = "█" * filled + "░" * (width - filled)
        line = f"\r[{bar}] {done}/{total} ảnh  {time.monotonic() - start:5.1f} s"
        stream = self.stdout
        stream.write(line, ending="")
        if hasattr(sys.stdout, "flush"):
            stream.flush()
