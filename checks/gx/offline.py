"""Make a built Data Docs site open offline: every CDN asset is rewritten to a copy vendored here.

Stock Data Docs pages load Bootstrap, jQuery, Popper, bootstrap-table,
Font Awesome, Vega and a logo from other hosts; offline they render
unstyled with script errors. The vendored copies (see vendor/LICENSES.md)
are copied into the site's static/vendor folder and each page's URLs are
replaced by paths relative to that page.
"""
from __future__ import annotations

import os
import re
import shutil
from importlib import resources
from pathlib import Path

# CDN URL (as GX's templates write it) -> file under vendor/
ASSETS = {
    "https://maxcdn.bootstrapcdn.com/bootstrap/4.3.1/css/bootstrap.min.css": "bootstrap/bootstrap.min.css",
    "https://stackpath.bootstrapcdn.com/bootstrap/4.3.1/js/bootstrap.min.js": "bootstrap/bootstrap.min.js",
    "https://code.jquery.com/jquery-3.7.1.min.js": "jquery/jquery.min.js",
    "https://cdnjs.cloudflare.com/ajax/libs/popper.js/1.12.9/umd/popper.min.js": "popper/popper.min.js",
    "https://unpkg.com/bootstrap-table@1.19.1/dist/bootstrap-table.min.css": "bootstrap-table/bootstrap-table.min.css",
    "https://unpkg.com/bootstrap-table@1.19.1/dist/bootstrap-table.min.js": "bootstrap-table/bootstrap-table.min.js",
    "https://unpkg.com/bootstrap-table@1.19.1/dist/extensions/filter-control/bootstrap-table-filter-control.min.js":
        "bootstrap-table/bootstrap-table-filter-control.min.js",
    "https://unpkg.com/bootstrap-table@1.19.0/dist/extensions/filter-control/bootstrap-table-filter-control.css":
        "bootstrap-table/bootstrap-table-filter-control.min.css",
    "https://unpkg.com/bootstrap-table@1.19.0/dist/extensions/filter-control/bootstrap-table-filter-control.min.css":
        "bootstrap-table/bootstrap-table-filter-control.min.css",
    "https://cdnjs.cloudflare.com/ajax/libs/bootstrap-datepicker/1.9.0/css/bootstrap-datepicker.min.css":
        "bootstrap-datepicker/bootstrap-datepicker.min.css",
    "https://cdnjs.cloudflare.com/ajax/libs/bootstrap-datepicker/1.9.0/js/bootstrap-datepicker.min.js":
        "bootstrap-datepicker/bootstrap-datepicker.min.js",
    "https://cdn.jsdelivr.net/npm/@forevolve/bootstrap-dark@1.1.0/dist/css/bootstrap-prefers-dark.css":
        "bootstrap-dark/bootstrap-prefers-dark.min.css",
    "https://cdnjs.cloudflare.com/ajax/libs/font-awesome/6.6.0/css/all.min.css": "fontawesome/css/all.min.css",
    "https://cdn.jsdelivr.net/npm/vega@5": "vega/vega.min.js",
    "https://cdn.jsdelivr.net/npm/vega-lite@5": "vega/vega-lite.min.js",
    "https://cdn.jsdelivr.net/npm/vega-embed@6": "vega/vega-embed.min.js",
}
# The navbar logo comes from an S3 bucket; the same image ships in the site's own static/images.
LOGO = re.compile(r"https://great-expectations-web-assets\.s3\.us-east-2\.amazonaws\.com/logo-long\.png\?d=[0-9A-Za-z.]{1,40}")
# Integrity hashes and crossorigin belong to the CDN copies; a file:// page must not carry them.
SRI = re.compile(r'\s(?:integrity="[^"]{0,200}"|crossorigin="[^"]{0,40}")')
# The site's own static files, at whatever depth GX wrote (its validation pages miss one level for the favicon).
STATIC_REF = re.compile(r'((?:src|href)=")(?:\./|(?:\.\./){0,8})static/')
# Any attribute that would still load from another host (links a person clicks are left alone).
REMOTE_LOAD = re.compile(r'<(?:script|link|img)\b[^>]{0,2000}?(?:src|href)="(https?:)?//', re.I)


def vendor_dir():
    return resources.files("checks.gx").joinpath("vendor")


def rewrite_page(html: str, to_static: str) -> str:
    """One page's CDN URLs replaced by `to_static` + local path (to_static ends with '/')."""
    for url, local in ASSETS.items():
        html = html.replace(f'"{url}"', f'"{to_static}vendor/{local}"')
    html = LOGO.sub(f"{to_static}images/logo-long.png", html)
    html = STATIC_REF.sub(lambda m: m.group(1) + to_static, html)
    return SRI.sub("", html)


def remote_loads(html: str) -> list[str]:
    """Tags that would still fetch from another host; empty when the page is offline."""
    return [m.group(0)[:120] for m in REMOTE_LOAD.finditer(html)]


def make_offline(site_dir: Path) -> None:
    """Copy the vendored assets into site_dir/static/vendor and rewrite every page to use them."""
    static = site_dir / "static"
    with resources.as_file(vendor_dir()) as source:
        shutil.copytree(source, static / "vendor", dirs_exist_ok=True)
    for page in sorted(site_dir.rglob("*.html")):
        if static in page.parents:
            continue
        to_static = Path(os.path.relpath(static, page.parent)).as_posix() + "/"
        text = page.read_text(encoding="utf-8")
        page.write_text(rewrite_page(text, to_static), encoding="utf-8")
