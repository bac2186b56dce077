#!/usr/bin/env bash
# The GitHub Action's lint step (action.yml), runnable locally: annotations on stdout in the
# workflow-command format, SARIF in factlint.sarif, exit status that of `factlint check`.
# Inputs come as environment variables: INPUT_PATHS, INPUT_FAIL_ON, INPUT_ARGS, INPUT_SARIF;
# FACTLINT (default: factlint on PATH) names the command; GITHUB_OUTPUT receives sarif-file=.
set -uo pipefail
factlint=${FACTLINT:-factlint}
read -r -a paths <<< "${INPUT_PATHS:-.}"
read -r -a args <<< "${INPUT_ARGS:-}"
fail_on=${INPUT_FAIL_ON:-error}
sarif_file=""
if [ "${INPUT_SARIF:-true}" = "true" ]; then
  sarif_file=factlint.sarif
  "$factlint" check --format sarif --fail-on never --output-file "$sarif_file" "${args[@]}" -- "${paths[@]}"
  rc=$?
  if [ "$rc" -ne 0 ]; then echo "::error::factlint could not write the SARIF report (exit $rc)"; exit "$rc"; fi
fi
if [ -n "${GITHUB_OUTPUT:-}" ]; then echo "sarif-file=$sarif_file" >> "$GITHUB_OUTPUT"; fi
"$factlint" check --format github --fail-on "$fail_on" "${args[@]}" -- "${paths[@]}"
