"""Indexes on what the reports filter and group by, in Wagtail's own tables.

Wagtail's apps cannot take a migration from this project, so the indexes are plain SQL that
SQLite and PostgreSQL both understand, created only when missing and dropped on the way back.
Several are covering (every column the report's query reads), so a report over a period reads
the index alone and never the wide page rows.
"""

from django.db import migrations

INDEXES = [
    # Contributions, shortlist, exemplars, plan targets: pages first published in a range,
    # grouped by owner, type and department (tree path prefix).
    (
        "planning_page_first_pub_idx",
        "wagtailcore_page",
        "locale_id, first_published_at, content_type_id, owner_id, path",
    ),
    ("planning_page_last_pub_idx", "wagtailcore_page", "last_published_at"),
    # Moderation: workflow actions of a period, grouped by action, reviewer and page.
    (
        "planning_log_action_time_idx",
        "wagtailcore_pagelogentry",
        "action, timestamp, page_id, user_id",
    ),
    # Moderation: decisions of a period; pages waiting now.
    ("planning_taskstate_finished_idx", "wagtailcore_taskstate", "finished_at"),
    ("planning_taskstate_status_idx", "wagtailcore_taskstate", "status, workflow_state_id"),
    ("planning_workflowstate_status_idx", "wagtailcore_workflowstate", "status"),
]


class Migration(migrations.Migration):
    dependencies = [
        ("planning", "0002_seed_occasions"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunSQL(
            sql=f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({columns})",
            reverse_sql=f"DROP INDEX IF EXISTS {name}",
        )
        for name, table, columns in INDEXES
    ]
