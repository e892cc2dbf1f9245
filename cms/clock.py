"""The CMS's clock: Django's ``timezone.now()``, read once per request or command.

Views, commands and publishing ask for a ``Clock`` here and pass it on (to the build,
the preview and the freshness report), so the CMS and the generator always agree on
what "today" is. Tests move it with time-machine, like every other clock.
"""

from django.utils import timezone

from sitegen.clock import Clock


def clock() -> Clock:
    return Clock(timezone.now())
