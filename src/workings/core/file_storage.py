"""The setting for uploaded files, read from the environment (no Django import: settings.py
uses it before Django starts)."""

from __future__ import annotations

from collections.abc import Mapping


def file_storage_from_env(environ: Mapping[str, str]) -> dict[str, object]:
    """Uploaded files: local disk by default (written whole or not at all), or an
    S3-compatible store with WORKINGS_STORAGE=s3 (needs `pip install '.[s3]'`)."""
    if environ.get("WORKINGS_STORAGE", "local") != "s3":
        return {"BACKEND": "workings.core.storage.WholeFileSystemStorage"}
    options = {
        "bucket_name": environ["S3_BUCKET"],
        "endpoint_url": environ.get("S3_ENDPOINT_URL") or None,
        "region_name": environ.get("S3_REGION") or None,
        "access_key": environ.get("S3_ACCESS_KEY_ID") or None,
        "secret_key": environ.get("S3_SECRET_ACCESS_KEY") or None,
        "location": environ.get("S3_PREFIX", ""),
        # Files are private: every download goes through a permission check and a
        # short-lived signed address; a name is never reused.
        "default_acl": None,
        "querystring_auth": True,
        "querystring_expire": 300,
        "file_overwrite": False,
    }
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}
