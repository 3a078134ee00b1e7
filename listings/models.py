"""How many public, live articles each language has per month, parent page, campaign and tag.

The archive hub, the news index's paginator and the archives read these rows instead of
counting the whole archive (issue #8: the first reader after a change paid a ``COUNT(*)`` or a
``GROUP BY`` over every article). They are kept exact by ``listings.signals`` in the same
transaction as the change, and rebuilt from scratch by ``manage.py rebuild_article_counts``.
"""

from django.db import models


class ArticleTally(models.Model):
    """One count: the public live articles of a language with one month, parent, campaign or
    tag. ``kind`` "month" (key "2025-11"), "parent" (the parent page's tree path: the
    department or news index the article sits in), "campaign" and "tag" (their ids). A row
    with kind "built" (language 0) says the rows were filled once."""

    locale_id = models.IntegerField()
    kind = models.CharField(max_length=10)
    key = models.CharField(max_length=255)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["locale_id", "kind", "key"], name="article_tally_key")
        ]

    def __str__(self):
        return f"{self.locale_id} {self.kind} {self.key}: {self.count}"
