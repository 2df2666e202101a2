#!/usr/bin/env bash
# What a data repository's CI runs: install checks, run its tests, validate the datasets, keep the reports.
#
#   ci/check-data.sh [INPUT ...]
#
# Exit status is that of `checks run` (0 clean, 1 findings at or above --fail-on, 2 the run could not be
# done), so the job fails when the data does. Reports are always written to reports/ for the artifact
# step, even when the run fails.
set -uo pipefail
cd "$(dirname "$0")/.."

python3 -m pip install -q -e '.[test]' || exit 2
python3 -m pytest -q
tests=$?
# 5 means the repository has no tests of its own, which is not a failure of the data
if [ "$tests" -ne 0 ] && [ "$tests" -ne 5 ]; then exit 1; fi

format=text
if [ "${GITHUB_ACTIONS:-}" = "true" ]; then format=github; fi
checks run "$@" --report-dir reports --format "$format"
status=$?
echo "checks run exited with $status; reports are in reports/ (index.html, findings.json, junit.xml, gx/)"
exit $status
