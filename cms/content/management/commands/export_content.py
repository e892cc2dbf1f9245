from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from cms.content.transfer import export_site


class Command(BaseCommand):
    help = "Schrijf alle gepubliceerde pagina's, de instellingen en de lijsten naar content/."

    def add_arguments(self, parser):
        parser.add_argument("--root", type=Path, default=None, help="Map waarin content/ komt (standaard HULPWIJZER_ROOT).")
        parser.add_argument("--prune", action="store_true", help="Haal bestanden weg die niet (meer) in de CMS staan.")

    def handle(self, *args, **options):
        root = (options["root"] or Path(settings.HULPWIJZER_ROOT)).resolve()
        written = export_site(root, prune=options["prune"])
        self.stdout.write(self.style.SUCCESS(f"{len(written)} bestanden geschreven in {root / 'content'}."))
