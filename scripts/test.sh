#!/usr/bin/env bash
# Lint, the layers and the migrations check, then the whole suite on SQLite, then every test
# that reaches the database again on PostgreSQL when one is reachable.
# Under CI=true, a missing PostgreSQL or Chromium fails the run instead of skipping.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=.venv
export WORKINGS_TESTING=1
ARTIFACTS=${ARTIFACTS:-artifacts}
mkdir -p "$ARTIFACTS"
export ARTIFACTS

echo "== ruff and mypy =="
$VENV/bin/ruff check src tests bench
$VENV/bin/ruff format --check src tests bench
$VENV/bin/mypy src/workings/ledger src/workings/verifier

echo "== layers (lint-imports: pyproject.toml [tool.importlinter]) =="
$VENV/bin/lint-imports

echo "== migrations match the models =="
# With the test settings (WORKINGS_TESTING=1 above) on SQLite: a model change without its
# migration fails here, before any test runs.
env -u DATABASE_URL $VENV/bin/python -m django makemigrations --check --dry-run \
  --settings=workings.settings

echo "== the in-browser record checker under Node (tests/events/js) =="
if command -v node >/dev/null; then
  node --test tests/events/js/
else
  if [ "${CI:-}" = "true" ]; then echo "CI=true but Node is missing: failing." >&2; exit 1; fi
  echo "!!! No Node: the in-browser checker's tests were skipped. !!!" >&2
fi

if [ ! -x /usr/bin/chromium ]; then
  if [ "${CI:-}" = "true" ]; then echo "CI=true but Chromium is missing: failing." >&2; exit 1; fi
  echo "!!! No Chromium: browser tests will be skipped. !!!" >&2
fi

PYTEST_ARGS=(-q -n 2 --dist loadgroup --durations=15 "$@")

echo "== tests on SQLite =="
env -u DATABASE_URL $VENV/bin/pytest "${PYTEST_ARGS[@]}"

PG_URL=${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/workings}
if $VENV/bin/python scripts/pg_reachable.py "$PG_URL"; then
  # Every test that reaches a database runs again here; the browser journeys (they test
  # pages, not the database) and the tests that touch no database at all (the pure ledger
  # and verifier, the catalogue, ...) ran on SQLite and would find nothing new
  # (tests/conftest.py: WORKINGS_DATABASE_TESTS_ONLY).
  echo "== tests on PostgreSQL: every test that reaches the database =="
  DATABASE_URL=$PG_URL WORKINGS_DATABASE_TESTS_ONLY=1 \
    $VENV/bin/pytest "${PYTEST_ARGS[@]}" --ignore=tests/browser
else
  if [ "${CI:-}" = "true" ]; then echo "CI=true but PostgreSQL is not reachable at $PG_URL: failing." >&2; exit 1; fi
  echo "!!! PostgreSQL not reachable at $PG_URL: the PostgreSQL run was skipped. !!!" >&2
fi
