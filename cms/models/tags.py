from django.db import models
from django.utils.translation import gettext_lazy as _

from taggit.models import ItemBase, TagBase

from cms.text import slugify_vi


class Tag(TagBase):
    """A tag shared by articles, exemplars and campaigns, with an ASCII slug (đ -> d)."""

    free_tagging = True

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        ordering = ["name"]

    def slugify(self, tag, i=None):
        slug = slugify_vi(tag, max_length=90) or "the"
        return f"{slug}-{i}" if i is not None else slug


class TaggedPageBase(ItemBase):
    """Base of each page type's tag through-model."""

    tag = models.ForeignKey(
        Tag, related_name="%(app_label)s_%(class)s_items", on_delete=models.CASCADE
    )

    class Meta:
        abstract = True
