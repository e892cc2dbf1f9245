from django.core.management.base import BaseCommand

from cms.editorial.groups import setup_all


class Command(BaseCommand):
    help = "Maak de groep Coördinatoren, een groep per partnerorganisatie en de goedkeuringsworkflow."

    def handle(self, *args, **options):
        groups = setup_all()
        self.stdout.write(self.style.SUCCESS(f"{len(groups)} groepen klaar."))
