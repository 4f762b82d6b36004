// Prints one closing line over Vitest's JSON reports ("total: N passed, N failed"), the
// form CI reads, and fails when a suite ran no test at all.
import { readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of process.argv.slice(2)) {
  const r = JSON.parse(readFileSync(file, 'utf8'));
  if (r.numTotalTests === 0) {
    console.error(`${file}: no test ran`);
    process.exitCode = 1;
  }
  console.log(`${file}: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`);
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + r.numTodoTests;
}
console.log(`total: ${passed} passed, ${failed} failed, ${skipped} skipped`);
if (failed) process.exitCode = 1;
