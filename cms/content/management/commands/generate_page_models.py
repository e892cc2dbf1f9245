from django.core.management.base import BaseCommand, CommandError

from cms.content import codegen


class Command(BaseCommand):
    help = (
        "Schrijf de paginamodellen in cms/content/pages/ opnieuw uit sitegen/content/model.py en de lijst met "
        "inhoudstypen (sitegen/content/types.py). Maak daarna een migratie met makemigrations content."
    )

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true", help="Schrijf niets; meld alleen of de bestanden verouderd zijn.")

    def handle(self, *args, **options):
        if options["check"]:
            stale = codegen.stale_files()
            if stale:
                raise CommandError(f"Verouderd in cms/content/pages/: {', '.join(stale)}. Voer {codegen.COMMAND} uit.")
            self.stdout.write(self.style.SUCCESS("De paginamodellen kloppen met het inhoudsmodel."))
            return
        written = []
        for name, text in codegen.render_all().items():
            path = codegen.PAGES_DIR / name
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                path.write_text(text, encoding="utf-8")
                written.append(name)
        self.stdout.write(self.style.SUCCESS(f"{len(written)} bestanden geschreven: {', '.join(written) or 'geen'}."))
