#!/usr/bin/env bash
# Debian's Chromium drives the browser tests. Install it when we can (root); otherwise say
# so loudly. Under CI=true its absence fails the run later, in scripts/test.sh.
set -u
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium for the browser tests..."
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null \
    && exit 0
fi
echo "!!! Chromium is not installed and cannot be installed here: browser tests will be skipped. !!!" >&2
exit 0
