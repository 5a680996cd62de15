import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "workings.settings")
application = get_wsgi_application()


def _refuse_unsafe_database() -> None:
    """gunicorn does not run Django's system checks, so the durability checks run here:
    an app server must not start on settings that can lose acknowledged writes."""
    from django.core import checks
    from django.core.exceptions import ImproperlyConfigured

    errors = [
        e for e in checks.run_checks(databases=["default"], tags=["database"]) if e.is_serious()
    ]
    if errors:
        raise ImproperlyConfigured("; ".join(str(e.msg) for e in errors))


_refuse_unsafe_database()
