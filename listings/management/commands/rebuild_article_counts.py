"""Recount every kept article count from scratch (listings.tally.rebuild).

The counts are kept exact by every change made through Django and Wagtail; run this after
writing articles behind their back (raw SQL, a restored dump from before the counts existed,
bulk inserts). ``--check`` compares them with a fresh count instead and fails if they differ.
"""

from django.core.management.base import BaseCommand, CommandError

from listings import tally


class Command(BaseCommand):
    help = "Recount the kept article counts (archive hub, news index, archives) from scratch."

    def add_arguments(self, parser):
        parser.add_argument(
            "--check", action="store_true", help="compare with a fresh count, change nothing"
        )

    def handle(self, *args, check=False, **options):
        if check:
            stored, fresh = tally.stored_counts(), tally.fresh_counts()
            wrong = sorted(set(stored.items()) ^ set(fresh.items()))
            if wrong:
                raise CommandError(f"Số đếm bài viết sai ở {len(wrong)} dòng: {wrong[:10]}")
            self.stdout.write(f"Số đếm bài viết đúng ({len(fresh)} dòng).")
            return
        rows = tally.rebuild()
        self.stdout.write(f"Đã đếm lại bài viết: {rows} dòng.")
