import os
import secrets
import shutil
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand

from cms.clock import clock
from cms.content.models import OrganisationPage
from cms.content.publishing import run_build
from sitegen.content.rebase import DEMO_DATED_AROUND, rebase_content


class Command(BaseCommand):
    help = (
        "Demo: zet een kopie van content/ met de data verschoven naar vandaag in HULPWIJZER_ROOT, lees die in de CMS "
        "(alleen als de database nog leeg is), maak de groepen en een beheerder, bouw de site."
    )

    def add_arguments(self, parser):
        # scripts/demo.sh serves on $PORT; the message must name the address that works.
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT") or 8000), help="poort van de demo (standaard $PORT of 8000)")

    def handle(self, *args, **options):
        root = Path(settings.HULPWIJZER_ROOT)
        source = Path(settings.REPO_ROOT) / "content"
        target = root / "content"
        if OrganisationPage.objects.exists():
            self.stdout.write("De demo-inhoud staat al in de CMS; niets geïmporteerd.")
            if not target.is_dir():  # the CMS is the source of truth: write its content again
                call_command("export_content", stdout=self.stdout)
        else:
            if target.resolve() != source.resolve():
                # A working copy: the demo stays as lively as on the day it was written, and
                # editing in the demo never changes the repository's content/.
                if target.exists():
                    shutil.rmtree(target)
                shutil.copytree(source, target)
                days = rebase_content(target, DEMO_DATED_AROUND, clock().today)
                weeks = abs(days) // 7
                self.stdout.write(f"Demo-inhoud in {target}; alle data {weeks} {'week' if weeks == 1 else 'weken'} verschoven naar vandaag.")
            call_command("import_content", root=root, stdout=self.stdout)
            call_command("setup_groups", stdout=self.stdout)
        User = get_user_model()
        if not User.objects.filter(username="demo").exists():
            password = secrets.token_urlsafe(12)
            User.objects.create_superuser("demo", "demo@example.org", password)
            self.stdout.write(
                self.style.WARNING(
                    f"\nBeheerder aangemaakt. Log in op http://127.0.0.1:{options['port']}/admin/ met\n  gebruikersnaam: demo\n  wachtwoord:     {password}\n"
                    "Dit wachtwoord wordt maar één keer getoond.\n"
                )
            )
        result = run_build()
        self.stdout.write(self.style.SUCCESS(f"Site gebouwd: {result.outputs} bestanden in {settings.HULPWIJZER_PUBLIC}."))
