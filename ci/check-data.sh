#!/usr/bin/env bash
# What a data repository's CI runs (the composite action ci/action.yml runs this script): install checks,
# check the inputs, print findings (as GitHub annotations under GitHub Actions) and write the reports.
#
#   ci/check-data.sh [INPUT ...]
#
# Settings come from the environment (the action sets them from its inputs); all are optional:
#   CHECKS_INSTALL     what to pip install: a version (checks==0.1.0), a git URL with a ref
#                      (git+https://github.com/OWNER/checks@v0.1.0), or a folder; default: the checkout
#                      this script belongs to, i.e. the ref named in `uses: OWNER/checks/ci@REF`
#   CHECKS_INPUTS      files or folders to check, separated by spaces (default: the [tool.checks] inputs)
#   CHECKS_CONFIG      a TOML file with [tool.checks] (default: ./pyproject.toml)
#   CHECKS_BASELINE    a baseline file of accepted findings
#   CHECKS_FAIL_ON     error | warning | info | never
#   CHECKS_REPORT_DIR  where the reports go (default: reports)
#   CHECKS_ARGS        more arguments for `checks run`, separated by spaces (e.g. --column body=content)
#   CHECKS_PYTHON      the Python to install into and run (default: python3)
#
# Exit status is that of `checks run` (0 clean, 1 findings at or above fail-on, 2 the run could not be done),
# or 2 when checks cannot be installed. The reports are written even when the run fails.
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
python="${CHECKS_PYTHON:-python3}"
install="${CHECKS_INSTALL:-$here}"

if ! "$python" -m pip install --quiet --disable-pip-version-check "$install"; then
  echo "checks: error: could not install checks from $install" >&2
  exit 2
fi

args=(run)
read -r -a inputs <<< "${CHECKS_INPUTS:-}"
args+=("${inputs[@]}" "$@")
if [ -n "${CHECKS_CONFIG:-}" ]; then args+=(--config "$CHECKS_CONFIG"); fi
if [ -n "${CHECKS_BASELINE:-}" ]; then args+=(--baseline "$CHECKS_BASELINE"); fi
if [ -n "${CHECKS_FAIL_ON:-}" ]; then args+=(--fail-on "$CHECKS_FAIL_ON"); fi
read -r -a extra <<< "${CHECKS_ARGS:-}"
args+=("${extra[@]}")
report_dir="${CHECKS_REPORT_DIR:-reports}"
format=text
if [ "${GITHUB_ACTIONS:-}" = "true" ]; then format=github; fi

"$python" -m checks "${args[@]}" --report-dir "$report_dir" --format "$format"
status=$?
echo "checks run exited with $status; reports are in $report_dir/ (index.html, findings.json, junit.xml)"
exit $status
