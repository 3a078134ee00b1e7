"""An index for the commendation shortlist's page titles: each person's first pages of the
period, read in order (owner, then first publication) instead of sorting all their pages."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("planning", "0005_report_summary_bucket_index")]

    operations = [
        migrations.RunSQL(
            sql=(
                "CREATE INDEX IF NOT EXISTS planning_page_owner_pub_idx"
                " ON wagtailcore_page (owner_id, first_published_at)"
            ),
            reverse_sql="DROP INDEX IF EXISTS planning_page_owner_pub_idx",
        )
    ]
