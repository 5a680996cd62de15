#!/usr/bin/env bash
# GNU gettext (xgettext, msgfmt) builds the translation catalogue and checks it in
# tests/core/test_translation.py. Install Debian's when we can (root); otherwise say so.
set -u
if command -v xgettext >/dev/null && command -v msgfmt >/dev/null; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing GNU gettext for the translation checks..."
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext >/dev/null \
    && exit 0
fi
echo "!!! GNU gettext is not installed and cannot be installed here: the translation checks will fail. !!!" >&2
exit 0
