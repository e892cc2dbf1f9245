from django.core.management.base import BaseCommand

from cms.clock import clock
from cms.editorial.freshness import unpublish_expired


class Command(BaseCommand):
    help = "Haal verlopen vacatures en voorbije activiteiten offline (voor cron, elke nacht)."

    def handle(self, *args, **options):
        pages = unpublish_expired(clock().today)
        for page in pages:
            self.stdout.write(f"Offline gehaald: {page.title}")
        self.stdout.write(self.style.SUCCESS(f"{len(pages)} pagina's offline gehaald."))
