// Adds up the vitest and Playwright JSON reports into one closing line for CI:
// "tests: N passed, N failed". A missing report counts as a failure (that runner crashed).
import fs from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
// Named again at the very end, where a CI excerpt (the output's tail) still shows them.
const failures = [];
const [vitestFile, playwrightFile] = process.argv.slice(2);

function read(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    console.error(`no report at ${file}: that test run did not finish`);
    failed += 1;
    return null;
  }
}

const vitest = read(vitestFile);
if (vitest) {
  passed += vitest.numPassedTests ?? 0;
  // A suite can fail without a failing test (an import error); count it only then, not twice.
  failed += (vitest.numFailedTests ?? 0) || (vitest.numFailedTestSuites ?? 0);
  skipped += (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
  for (const file of vitest.testResults ?? []) {
    const failedTests = (file.assertionResults ?? []).filter((t) => t.status === 'failed');
    for (const t of failedTests) failures.push(`vitest ${file.name}: ${t.fullName}`);
    if (failedTests.length === 0 && file.status === 'failed') failures.push(`vitest ${file.name}: ${(file.message ?? '').split('\n')[0]}`);
  }
}
const playwright = read(playwrightFile);
if (playwright) {
  const stats = playwright.stats ?? {};
  passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
  failed += stats.unexpected ?? 0;
  skipped += stats.skipped ?? 0;
  if ((playwright.errors ?? []).length > 0) failed += playwright.errors.length;
  const walk = (suite, path) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status === 'unexpected') failures.push(`playwright ${spec.file}:${spec.line}: ${[...path, spec.title].join(' › ')}`);
      }
    }
    for (const child of suite.suites ?? []) walk(child, [...path, child.title]);
  };
  for (const suite of playwright.suites ?? []) walk(suite, []);
  if (stats.flaky) console.warn(`${stats.flaky} end-to-end test(s) passed only on their retry (flaky): see the list above`);
}
console.log('');
for (const failure of failures) console.log(`failed: ${failure}`);
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
