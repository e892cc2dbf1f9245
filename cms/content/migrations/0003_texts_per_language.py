"""Texts per language for any language of the site: {language: text} instead of _nl/_en/_ar columns.

The site name, the vocabulary names and the term labels, descriptions and everyday words
move into one JSON value each (cms/content/langtext.py); the data migration carries the
Dutch, English and Arabic texts over, leaving out empty ones as the YAML files do.
"""

from django.db import migrations, models

OLD_LANGUAGES = ("nl", "en", "ar")
MOVED = {  # model: {new field: old field prefix}
    "sitesettings": {"name": "name"},
    "vocabulary": {"title": "title"},
    "term": {"label": "label", "description": "description", "everyday": "everyday"},
}


def to_json(apps, schema_editor):
    for model_name, fields in MOVED.items():
        model = apps.get_model("content", model_name)
        for row in model.objects.all():
            for new, prefix in fields.items():
                setattr(row, new, {lang: getattr(row, f"{prefix}_{lang}").strip() for lang in OLD_LANGUAGES
                                   if (getattr(row, f"{prefix}_{lang}") or "").strip()})
            row.save(update_fields=list(fields))


def to_columns(apps, schema_editor):
    # Back to three columns: texts in other languages cannot be kept there.
    for model_name, fields in MOVED.items():
        model = apps.get_model("content", model_name)
        for row in model.objects.all():
            for new, prefix in fields.items():
                for lang in OLD_LANGUAGES:
                    setattr(row, f"{prefix}_{lang}", (getattr(row, new) or {}).get(lang, ""))
            row.save(update_fields=[f"{prefix}_{lang}" for prefix in fields.values() for lang in OLD_LANGUAGES])


class Migration(migrations.Migration):

    dependencies = [
        ("content", "0002_texts_out_of_migrations"),
    ]

    operations = [
        migrations.AddField(
            model_name='sitesettings',
            name='name',
            field=models.JSONField(blank=True, default=dict),
        ),
        migrations.AddField(
            model_name='term',
            name='description',
            field=models.JSONField(blank=True, default=dict),
        ),
        migrations.AddField(
            model_name='term',
            name='everyday',
            field=models.JSONField(blank=True, default=dict),
        ),
        migrations.AddField(
            model_name='term',
            name='label',
            field=models.JSONField(blank=True, default=dict),
        ),
        migrations.AddField(
            model_name='vocabulary',
            name='title',
            field=models.JSONField(blank=True, default=dict),
        ),
        migrations.RunPython(to_json, to_columns),
        migrations.RemoveField(
            model_name='sitesettings',
            name='name_ar',
        ),
        migrations.RemoveField(
            model_name='sitesettings',
            name='name_en',
        ),
        migrations.RemoveField(
            model_name='sitesettings',
            name='name_nl',
        ),
        migrations.RemoveField(
            model_name='term',
            name='description_ar',
        ),
        migrations.RemoveField(
            model_name='term',
            name='description_en',
        ),
        migrations.RemoveField(
            model_name='term',
            name='description_nl',
        ),
        migrations.RemoveField(
            model_name='term',
            name='everyday_ar',
        ),
        migrations.RemoveField(
            model_name='term',
            name='everyday_en',
        ),
        migrations.RemoveField(
            model_name='term',
            name='everyday_nl',
        ),
        migrations.RemoveField(
            model_name='term',
            name='label_ar',
        ),
        migrations.RemoveField(
            model_name='term',
            name='label_en',
        ),
        migrations.RemoveField(
            model_name='term',
            name='label_nl',
        ),
        migrations.RemoveField(
            model_name='vocabulary',
            name='title_ar',
        ),
        migrations.RemoveField(
            model_name='vocabulary',
            name='title_en',
        ),
        migrations.RemoveField(
            model_name='vocabulary',
            name='title_nl',
        ),
    ]
