from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cms.clock import clock
from cms.content.transfer import import_site
from sitegen.problems import ContentError


class Command(BaseCommand):
    help = "Lees content/ (site.yaml, lijsten en alle items) in de CMS en publiceer de pagina's."

    def add_arguments(self, parser):
        parser.add_argument("--root", type=Path, default=None, help="Map met content/ (standaard HULPWIJZER_ROOT).")

    def handle(self, *args, **options):
        root = (options["root"] or Path(settings.HULPWIJZER_ROOT)).resolve()
        try:
            import_site(root, clock(), stdout=self.stdout)
        except ContentError as error:
            raise CommandError("De inhoud kon niet geïmporteerd worden:\n" + "\n".join(p.format() for p in error.problems)) from None
        self.stdout.write(self.style.SUCCESS(f"Geïmporteerd uit {root / 'content'}."))
