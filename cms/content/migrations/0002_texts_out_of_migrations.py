"""Labels and help texts leave the migration state (cms/content/dbfields.py).

State only: every field keeps its column and type; only verbose_name and help_text (and the
labels and help texts of StreamField blocks) are dropped, so a wording change in
sitegen/content/model.py never needs a migration again.
"""

import django.db.models.deletion
import wagtail.fields
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('content', '0001_initial'),
        ('wagtailimages', '0027_image_description'),
    ]

    operations = [
        migrations.AlterField(
            model_name='activitypage',
            name='activity_type',
            field=models.CharField(default='', max_length=100),
        ),
        migrations.AlterField(
            model_name='activitypage',
            name='audiences',
            field=models.JSONField(blank=True, default=list),
        ),
        migrations.AlterField(
            model_name='activitypage',
            name='body',
            field=wagtail.fields.RichTextField(blank=True, default=''),
        ),
        migrations.AlterField(
            model_name='activitypage',
            name='cost',
            field=models.CharField(blank=True, default='', max_length=300),
        ),
        migrations.AlterField(
            model_name='activitypage',
            name='end',
            field=models.DateTimeField(),
        ),
        migrations.AlterField(
            model_name='activitypage',
            name='file_name',
            field=models.CharField(blank=True, editable=False, max_length=200),
        ),
        migrations.AlterField(
            model_name='activitypage',
            name='image',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image'),
        ),
        migrations.AlterField(
            model_name='activitypage',
            name='image_alt',
            field=models.CharField(blank=True, default='', max_length=300),
        ),
        migrations.AlterField(
            model_name='activitypage',
            name='last_reviewed',
            field=models.DateField(),
        ),
        migrations.AlterField(
            model_name='activitypage',
            name='location',
            field=wagtail.fields.StreamField([('location', 2)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'required': False}), 1: ('wagtail.blocks.FloatBlock', (), {'required': False}), 2: ('wagtail.blocks.StructBlock', [[('name', 0), ('address', 0), ('postcode', 0), ('place', 0), ('latitude', 1), ('longitude', 1)]], {})}),
        ),
        migrations.AlterField(
            model_name='activitypage',
            name='needs',
            field=models.JSONField(blank=True, default=list),
        ),
        migrations.AlterField(
            model_name='activitypage',
            name='online',
            field=models.BooleanField(default=False),
        ),
        migrations.AlterField(
            model_name='activitypage',
            name='recurrence',
            field=wagtail.fields.StreamField([('recurrence', 3)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'required': False}), 1: ('wagtail.blocks.DateTimeBlock', (), {}), 2: ('wagtail.blocks.ListBlock', (1,), {}), 3: ('wagtail.blocks.StructBlock', [[('rrule', 0), ('dates', 2), ('exdates', 2)]], {})}),
        ),
        migrations.AlterField(
            model_name='activitypage',
            name='registration',
            field=wagtail.fields.StreamField([('registration', 3)], blank=True, block_lookup={0: ('wagtail.blocks.BooleanBlock', (), {'required': False}), 1: ('wagtail.blocks.CharBlock', (), {'required': False}), 2: ('wagtail.blocks.StructBlock', [[('name', 1), ('phone', 1), ('email', 1), ('url', 1)]], {}), 3: ('wagtail.blocks.StructBlock', [[('required', 0), ('how', 1), ('contact', 2)]], {})}),
        ),
        migrations.AlterField(
            model_name='activitypage',
            name='start',
            field=models.DateTimeField(),
        ),
        migrations.AlterField(
            model_name='activitypage',
            name='summary',
            field=models.TextField(default=''),
        ),
        migrations.AlterField(
            model_name='infopagepage',
            name='audiences',
            field=models.JSONField(blank=True, default=list),
        ),
        migrations.AlterField(
            model_name='infopagepage',
            name='body',
            field=wagtail.fields.RichTextField(blank=True, default=''),
        ),
        migrations.AlterField(
            model_name='infopagepage',
            name='contact',
            field=wagtail.fields.StreamField([('contact', 1)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'required': False}), 1: ('wagtail.blocks.StructBlock', [[('name', 0), ('phone', 0), ('email', 0), ('url', 0)]], {})}),
        ),
        migrations.AlterField(
            model_name='infopagepage',
            name='faq',
            field=wagtail.fields.StreamField([('question', 2)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'required': True}), 1: ('wagtail.blocks.TextBlock', (), {'required': True}), 2: ('wagtail.blocks.StructBlock', [[('question', 0), ('answer', 1)]], {})}),
        ),
        migrations.AlterField(
            model_name='infopagepage',
            name='file_name',
            field=models.CharField(blank=True, editable=False, max_length=200),
        ),
        migrations.AlterField(
            model_name='infopagepage',
            name='image',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image'),
        ),
        migrations.AlterField(
            model_name='infopagepage',
            name='image_alt',
            field=models.CharField(blank=True, default='', max_length=300),
        ),
        migrations.AlterField(
            model_name='infopagepage',
            name='last_reviewed',
            field=models.DateField(),
        ),
        migrations.AlterField(
            model_name='infopagepage',
            name='life_phases',
            field=models.JSONField(blank=True, default=list),
        ),
        migrations.AlterField(
            model_name='infopagepage',
            name='needs',
            field=models.JSONField(blank=True, default=list),
        ),
        migrations.AlterField(
            model_name='infopagepage',
            name='related_links',
            field=wagtail.fields.StreamField([('link', 1)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'required': True}), 1: ('wagtail.blocks.StructBlock', [[('title', 0), ('url', 0)]], {})}),
        ),
        migrations.AlterField(
            model_name='infopagepage',
            name='summary',
            field=models.TextField(default=''),
        ),
        migrations.AlterField(
            model_name='infopagepage',
            name='weight',
            field=models.IntegerField(blank=True, default=100),
        ),
        migrations.AlterField(
            model_name='organisationpage',
            name='accessibility',
            field=models.TextField(blank=True, default=''),
        ),
        migrations.AlterField(
            model_name='organisationpage',
            name='audiences',
            field=models.JSONField(blank=True, default=list),
        ),
        migrations.AlterField(
            model_name='organisationpage',
            name='body',
            field=wagtail.fields.RichTextField(blank=True, default=''),
        ),
        migrations.AlterField(
            model_name='organisationpage',
            name='email',
            field=models.CharField(blank=True, default='', max_length=300),
        ),
        migrations.AlterField(
            model_name='organisationpage',
            name='file_name',
            field=models.CharField(blank=True, editable=False, max_length=200),
        ),
        migrations.AlterField(
            model_name='organisationpage',
            name='image',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image'),
        ),
        migrations.AlterField(
            model_name='organisationpage',
            name='image_alt',
            field=models.CharField(blank=True, default='', max_length=300),
        ),
        migrations.AlterField(
            model_name='organisationpage',
            name='kind',
            field=models.CharField(blank=True, default='', max_length=300),
        ),
        migrations.AlterField(
            model_name='organisationpage',
            name='languages',
            field=models.JSONField(blank=True, default=list),
        ),
        migrations.AlterField(
            model_name='organisationpage',
            name='last_reviewed',
            field=models.DateField(),
        ),
        migrations.AlterField(
            model_name='organisationpage',
            name='locations',
            field=wagtail.fields.StreamField([('location', 2)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'required': False}), 1: ('wagtail.blocks.FloatBlock', (), {'required': False}), 2: ('wagtail.blocks.StructBlock', [[('name', 0), ('address', 0), ('postcode', 0), ('place', 0), ('latitude', 1), ('longitude', 1)]], {})}),
        ),
        migrations.AlterField(
            model_name='organisationpage',
            name='logo',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image'),
        ),
        migrations.AlterField(
            model_name='organisationpage',
            name='logo_alt',
            field=models.CharField(blank=True, default='', max_length=300),
        ),
        migrations.AlterField(
            model_name='organisationpage',
            name='needs',
            field=models.JSONField(blank=True, default=list),
        ),
        migrations.AlterField(
            model_name='organisationpage',
            name='opening_hours',
            field=models.TextField(blank=True, default=''),
        ),
        migrations.AlterField(
            model_name='organisationpage',
            name='phone',
            field=models.CharField(blank=True, default='', max_length=300),
        ),
        migrations.AlterField(
            model_name='organisationpage',
            name='places_served',
            field=models.JSONField(blank=True, default=list),
        ),
        migrations.AlterField(
            model_name='organisationpage',
            name='summary',
            field=models.TextField(default=''),
        ),
        migrations.AlterField(
            model_name='organisationpage',
            name='website',
            field=models.CharField(blank=True, default='', max_length=300),
        ),
        migrations.AlterField(
            model_name='respiteofferpage',
            name='age_max',
            field=models.IntegerField(blank=True, default=None, null=True),
        ),
        migrations.AlterField(
            model_name='respiteofferpage',
            name='age_min',
            field=models.IntegerField(blank=True, default=None, null=True),
        ),
        migrations.AlterField(
            model_name='respiteofferpage',
            name='audiences',
            field=models.JSONField(blank=True, default=list),
        ),
        migrations.AlterField(
            model_name='respiteofferpage',
            name='body',
            field=wagtail.fields.RichTextField(blank=True, default=''),
        ),
        migrations.AlterField(
            model_name='respiteofferpage',
            name='contact',
            field=wagtail.fields.StreamField([('contact', 1)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'required': False}), 1: ('wagtail.blocks.StructBlock', [[('name', 0), ('phone', 0), ('email', 0), ('url', 0)]], {})}),
        ),
        migrations.AlterField(
            model_name='respiteofferpage',
            name='cost',
            field=models.CharField(blank=True, default='', max_length=300),
        ),
        migrations.AlterField(
            model_name='respiteofferpage',
            name='file_name',
            field=models.CharField(blank=True, editable=False, max_length=200),
        ),
        migrations.AlterField(
            model_name='respiteofferpage',
            name='for_whom',
            field=models.TextField(default=''),
        ),
        migrations.AlterField(
            model_name='respiteofferpage',
            name='forms',
            field=models.JSONField(blank=True, default=list),
        ),
        migrations.AlterField(
            model_name='respiteofferpage',
            name='frequency',
            field=models.CharField(blank=True, default='', max_length=300),
        ),
        migrations.AlterField(
            model_name='respiteofferpage',
            name='funding',
            field=models.JSONField(blank=True, default=list),
        ),
        migrations.AlterField(
            model_name='respiteofferpage',
            name='how_to_apply',
            field=models.TextField(default=''),
        ),
        migrations.AlterField(
            model_name='respiteofferpage',
            name='image',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image'),
        ),
        migrations.AlterField(
            model_name='respiteofferpage',
            name='image_alt',
            field=models.CharField(blank=True, default='', max_length=300),
        ),
        migrations.AlterField(
            model_name='respiteofferpage',
            name='last_reviewed',
            field=models.DateField(),
        ),
        migrations.AlterField(
            model_name='respiteofferpage',
            name='location',
            field=wagtail.fields.StreamField([('location', 2)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'required': False}), 1: ('wagtail.blocks.FloatBlock', (), {'required': False}), 2: ('wagtail.blocks.StructBlock', [[('name', 0), ('address', 0), ('postcode', 0), ('place', 0), ('latitude', 1), ('longitude', 1)]], {})}),
        ),
        migrations.AlterField(
            model_name='respiteofferpage',
            name='needs',
            field=models.JSONField(blank=True, default=list),
        ),
        migrations.AlterField(
            model_name='respiteofferpage',
            name='places',
            field=models.JSONField(blank=True, default=list),
        ),
        migrations.AlterField(
            model_name='respiteofferpage',
            name='referral_needed',
            field=models.BooleanField(default=False),
        ),
        migrations.AlterField(
            model_name='respiteofferpage',
            name='summary',
            field=models.TextField(default=''),
        ),
        migrations.AlterField(
            model_name='sitesettings',
            name='base_url',
            field=models.URLField(),
        ),
        migrations.AlterField(
            model_name='sitesettings',
            name='languages',
            field=models.CharField(default='nl, en, ar', max_length=60),
        ),
        migrations.AlterField(
            model_name='sitesettings',
            name='municipality',
            field=models.CharField(max_length=200),
        ),
        migrations.AlterField(
            model_name='sitesettings',
            name='review_period_months',
            field=models.PositiveIntegerField(default=12),
        ),
        migrations.AlterField(
            model_name='sitesettings',
            name='structured_yaml',
            field=models.TextField(blank=True),
        ),
        migrations.AlterField(
            model_name='sitesettings',
            name='theme',
            field=models.CharField(default='default', max_length=60),
        ),
        migrations.AlterField(
            model_name='term',
            name='slug',
            field=models.SlugField(max_length=80),
        ),
        migrations.AlterField(
            model_name='term',
            name='synonyms',
            field=models.TextField(blank=True),
        ),
        migrations.AlterField(
            model_name='vacancypage',
            name='audiences',
            field=models.JSONField(blank=True, default=list),
        ),
        migrations.AlterField(
            model_name='vacancypage',
            name='benefits',
            field=models.JSONField(blank=True, default=list),
        ),
        migrations.AlterField(
            model_name='vacancypage',
            name='body',
            field=wagtail.fields.RichTextField(blank=True, default=''),
        ),
        migrations.AlterField(
            model_name='vacancypage',
            name='commitment',
            field=models.CharField(default='', max_length=100),
        ),
        migrations.AlterField(
            model_name='vacancypage',
            name='contact',
            field=wagtail.fields.StreamField([('contact', 1)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'required': False}), 1: ('wagtail.blocks.StructBlock', [[('name', 0), ('phone', 0), ('email', 0), ('url', 0)]], {})}),
        ),
        migrations.AlterField(
            model_name='vacancypage',
            name='file_name',
            field=models.CharField(blank=True, editable=False, max_length=200),
        ),
        migrations.AlterField(
            model_name='vacancypage',
            name='hours',
            field=models.CharField(blank=True, default='', max_length=300),
        ),
        migrations.AlterField(
            model_name='vacancypage',
            name='image',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image'),
        ),
        migrations.AlterField(
            model_name='vacancypage',
            name='image_alt',
            field=models.CharField(blank=True, default='', max_length=300),
        ),
        migrations.AlterField(
            model_name='vacancypage',
            name='last_reviewed',
            field=models.DateField(),
        ),
        migrations.AlterField(
            model_name='vacancypage',
            name='location',
            field=wagtail.fields.StreamField([('location', 2)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'required': False}), 1: ('wagtail.blocks.FloatBlock', (), {'required': False}), 2: ('wagtail.blocks.StructBlock', [[('name', 0), ('address', 0), ('postcode', 0), ('place', 0), ('latitude', 1), ('longitude', 1)]], {})}),
        ),
        migrations.AlterField(
            model_name='vacancypage',
            name='needs',
            field=models.JSONField(blank=True, default=list),
        ),
        migrations.AlterField(
            model_name='vacancypage',
            name='posted',
            field=models.DateField(),
        ),
        migrations.AlterField(
            model_name='vacancypage',
            name='remote',
            field=models.BooleanField(default=False),
        ),
        migrations.AlterField(
            model_name='vacancypage',
            name='sectors',
            field=models.JSONField(blank=True, default=list),
        ),
        migrations.AlterField(
            model_name='vacancypage',
            name='suitable_for',
            field=models.JSONField(blank=True, default=list),
        ),
        migrations.AlterField(
            model_name='vacancypage',
            name='summary',
            field=models.TextField(default=''),
        ),
        migrations.AlterField(
            model_name='vacancypage',
            name='times',
            field=models.JSONField(blank=True, default=list),
        ),
        migrations.AlterField(
            model_name='vacancypage',
            name='valid_through',
            field=models.DateField(),
        ),
        migrations.AlterField(
            model_name='vacancypage',
            name='what_we_ask',
            field=wagtail.fields.RichTextField(blank=True, default=''),
        ),
        migrations.AlterField(
            model_name='vacancypage',
            name='what_we_offer',
            field=wagtail.fields.RichTextField(blank=True, default=''),
        ),
        migrations.AlterField(
            model_name='vacancypage',
            name='what_you_do',
            field=wagtail.fields.RichTextField(default=''),
        ),
        migrations.AlterField(
            model_name='vocabulary',
            name='name',
            field=models.CharField(choices=[('needs', 'needs'), ('audiences', 'audiences'), ('life_phases', 'life_phases'), ('respite_forms', 'respite_forms'), ('funding', 'funding'), ('sectors', 'sectors'), ('activity_types', 'activity_types'), ('places', 'places'), ('commitments', 'commitments'), ('times', 'times'), ('suitable_for', 'suitable_for'), ('benefits', 'benefits')], max_length=40, unique=True),
        ),
        migrations.AlterField(
            model_name='vocabulary',
            name='source_text',
            field=models.TextField(blank=True, editable=False),
        ),
    ]
