from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.static_site import serve_public

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("cms-documents/", include(wagtaildocs_urls)),
    path("cms-pages/", include(wagtail_urls)),
]

if settings.DEBUG or getattr(settings, "HULPWIJZER_SERVE_PUBLIC", False):
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# The static site itself: in production your web server serves public/ instead.
if settings.DEBUG or getattr(settings, "HULPWIJZER_SERVE_PUBLIC", False):
    urlpatterns += [re_path(r"^(?P<path>.*)$", serve_public)]
