"""Bulk changes to the CMS (a whole-site import): the per-save side work, done once at the end.

Every page save normally updates Wagtail's search index and its reference index (what uses
what) and publishing writes the page's file. At 10,000 items those per-save steps took most of
the 9 minutes an import took; here they are switched off while the pages are made, and the two
indexes are rebuilt in bulk afterwards with Wagtail's own commands, which read the database as
it is then (so nothing saved meanwhile is missed). The files are written by the caller's export.
"""

from __future__ import annotations

import contextlib
import io

from django.core.management import call_command
from django.db.models.signals import post_save
from modelsearch.index import get_indexed_models
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.signal_handlers import disable_reference_index_auto_update


@contextlib.contextmanager
def bulk_changes(say=lambda text: None):
    """Inside: saves skip the search and reference index updates. On leaving without an error,
    both indexes are rebuilt; after an error (the transaction is rolled back) nothing is."""
    models = [model for model in get_indexed_models() if getattr(model, "search_auto_update", True)]
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        for model in models:
            post_save.connect(post_save_signal_handler, sender=model)
    say("Zoekindex en verwijzingen van de CMS bijwerken…\n")
    quiet = io.StringIO()
    call_command("update_index", verbosity=0, stdout=quiet)
    call_command("rebuild_references_index", verbosity=0, stdout=quiet)
