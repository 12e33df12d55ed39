#!/usr/bin/env bash
# Every test, in CI order: types, the forms/ folder, the citizen build, then all vitest
# projects (unit, store contract, HTTP, browser journeys). Ends with one summary line
# "Tests: N passed, N failed, N skipped" so CI can read the outcome.
set -uo pipefail
cd "$(dirname "$0")/../.."
bash scripts/ci/ensure-chromium.sh || exit 1
pnpm -r --workspace-concurrency=1 typecheck || exit 1
pnpm forms:check || exit 1
pnpm --filter @samform/client build || exit 1
report=$(mktemp -d)/vitest.json
pnpm exec vitest run --reporter=default --reporter=json --outputFile.json="$report"
status=$?
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const skipped = r.numPendingTests + r.numTodoTests;
  console.log(`Tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`);
' "$report" || echo "Tests: 0 passed, 1 failed"
exit $status
