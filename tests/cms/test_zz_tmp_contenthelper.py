import difflib, sys
from pathlib import Path
import pytest
pytestmark = pytest.mark.django_db

def test_diff(tmp_path, settings):
    from support import copy_site, REPO
    from cms.content.transfer import export_site, import_site
    from wagtail.models import Page
    source = copy_site(REPO, tmp_path / "demo")
    settings.MEDIA_ROOT = tmp_path / "media"
    Page.objects.filter(depth__gt=2).delete()
    import_site(source)
    export_site(tmp_path / "out")
    out = []
    for p in sorted((source / "content").rglob("*.md")):
        key = p.relative_to(source / "content")
        q = tmp_path / "out" / "content" / key
        a, b = p.read_text(), q.read_text() if q.exists() else "MISSING"
        if a != b:
            out.append(f"=== {key}\n" + "".join(difflib.unified_diff(a.splitlines(True), b.splitlines(True), n=0)))
    Path("/tmp/content-helper/rt_diff.txt").write_text("\n".join(out))
