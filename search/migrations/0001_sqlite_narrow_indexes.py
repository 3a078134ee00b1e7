"""On SQLite, narrow indexes for what the search engine reads row by row (search.engine).

SQLite looks a row up by its key in the table itself, where a row holds every column: an
index entry's whole text, a page's title, address and descriptions. The engine walks the
full-text index's matches and, for each, reads the entry's page (type and id) and checks the
page (live, language, type, depth, path, first publication) against the search's filters.
From these indexes, which hold only those columns, a few hundred entries fill a database
page instead of a few (at 100,000 articles, a year's filtered search walks ~1,650 matches:
18 -> 7.5 ms of SQL). PostgreSQL keeps long values out of the row (TOAST) and plans its
own way; it needs neither.
"""

from django.db import migrations

INDEXES = {
    "search_entry_page": "wagtailsearch_indexentry (id, content_type_id, object_id)",
    "search_page_scope": (
        "wagtailcore_page (id, live, locale_id, content_type_id, depth, first_published_at, path)"
    ),
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for name, columns in INDEXES.items():
            schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {columns}")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for name in INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("wagtailsearch", "0010_add_text_fields"), ("wagtailcore", "0098_apitoken")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
