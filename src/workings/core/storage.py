"""Local file storage that writes a file whole or not at all.

Django's FileSystemStorage writes straight into the final name, so a full disk leaves a
truncated file there; our attachment paths are named by their SHA-256, and a later upload of
the same file would find the name taken and point at the broken copy. This storage writes
to a hidden temporary file in the same folder, syncs it, and only then links it into place.
A full disk (or a quota) leaves nothing behind and becomes a plain-English refusal, which
rolls back the transaction around it, so no row points at a file that is not there.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from typing import Any

from django.core.files.storage import FileSystemStorage
from django.utils.translation import gettext as _

from workings.core.exceptions import ValidationFailed

NO_ROOM = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}


def no_room() -> ValidationFailed:
    return ValidationFailed(
        _(
            "The site has no room to keep this file just now, so nothing was saved. "
            "Please try again later, and tell the site's administrator."
        )
    )


class WholeFileSystemStorage(FileSystemStorage):
    def _save(self, name: str, content: Any) -> str:
        full_path = self.path(name)
        directory = os.path.dirname(full_path)
        try:
            os.makedirs(directory, exist_ok=True)
            fd, partial = tempfile.mkstemp(dir=directory, prefix=".partial-")
        except OSError as error:
            if error.errno in NO_ROOM:
                raise no_room() from error
            raise
        try:
            with os.fdopen(fd, "wb") as out:
                if hasattr(content, "seek"):
                    content.seek(0)
                for chunk in content.chunks():
                    out.write(chunk if isinstance(chunk, bytes) else chunk.encode())
                out.flush()
                os.fsync(out.fileno())
            while True:
                try:
                    os.link(partial, full_path)
                    break
                except FileExistsError:
                    name = self.get_available_name(name)
                    full_path = self.path(name)
        except OSError as error:
            if error.errno in NO_ROOM:
                raise no_room() from error
            raise
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(partial)
        if self.file_permissions_mode is not None:
            os.chmod(full_path, self.file_permissions_mode)
        return str(name).replace("\\", "/")
