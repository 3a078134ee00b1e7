"""Fill the counts once (one GROUP BY per kind: seconds at 100,000 articles).

It runs the app's own ``rebuild`` (the current models): should a later change of the page
models make that impossible here, this step can become a no-op, since the counts are also
filled on first read when never filled (listings.tally.counts).
"""

from django.db import migrations


def fill(apps, schema_editor):
    from listings.tally import rebuild

    rebuild(using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [
        ("listings", "0001_initial"),
        ("articles", "0006_date_index"),
        ("home", "0004_block_labels_english"),
        ("cms", "0008_block_labels_english"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
