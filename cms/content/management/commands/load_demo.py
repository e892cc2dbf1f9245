import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand

from cms.content.models import OrganisationPage
from cms.content.publishing import run_build


class Command(BaseCommand):
    help = "Demo: lees content/ in de CMS (alleen als de database nog leeg is), maak de groepen en een beheerder, bouw de site."

    def handle(self, *args, **options):
        root = Path(settings.HULPWIJZER_ROOT)
        if OrganisationPage.objects.exists():
            self.stdout.write("De demo-inhoud staat al in de CMS; niets geïmporteerd.")
        else:
            call_command("import_content", root=root, stdout=self.stdout)
            call_command("setup_groups", stdout=self.stdout)
        User = get_user_model()
        if not User.objects.filter(username="demo").exists():
            password = secrets.token_urlsafe(12)
            User.objects.create_superuser("demo", "demo@example.org", password)
            self.stdout.write(self.style.WARNING(
                f"\nBeheerder aangemaakt. Log in op http://127.0.0.1:8000/admin/ met\n  gebruikersnaam: demo\n  wachtwoord:     {password}\n"
                "Dit wachtwoord wordt maar één keer getoond.\n"
            ))
        result = run_build()
        self.stdout.write(self.style.SUCCESS(f"Site gebouwd: {result.outputs} bestanden in {settings.HULPWIJZER_PUBLIC}."))
