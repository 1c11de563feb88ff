// Electronegativity over electron/ (part of `npm test`). The tool reports
// findings but exits 0 whatever it finds, so this script reads its results
// through its API and fails on any HIGH finding, and on any shell file it
// could not parse (a file it cannot read is a file it did not check; only
// electron/shell/ may import 'electron', so elsewhere that is a warning).
//
// The tool fetches translations and Electron's release list from the
// internet on every run; this check runs offline, so those fetches are
// answered locally with a failure and the bundled English strings are used.
//
// The tool reads a CSP only when it is a string literal at the call site;
// ours is one constant (security.ts) used by the protocol, the harness and
// the session, so the policy itself is also run through the tool's own
// evaluator (csp-evaluator) here, failing on anything worse than "maybe".
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(root, 'package.json'));
const input = join(root, process.argv[2] ?? 'electron');

function offlineGot() {
  const refuse = () => Promise.reject(new Error('offline: Fairsite runs this check without network'));
  refuse.head = refuse;
  const pkgDir = dirname(require.resolve('@doyensec/electronegativity/package.json'));
  for (const from of ['dist/locales', 'dist/finder/checks/GlobalChecks']) {
    const file = require.resolve('got', { paths: [join(pkgDir, from)] });
    require.cache[file] = { id: file, filename: file, loaded: true, exports: refuse, children: [], paths: [] };
  }
}

async function evaluateAppCsp() {
  const { build } = await import('esbuild');
  const out = await build({ entryPoints: [join(root, 'electron', 'shell', 'security.ts')], bundle: true, format: 'esm', platform: 'neutral', write: false, logLevel: 'error' });
  const { CSP } = await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].contents).toString('base64')}`);
  const evaluatorRequire = createRequire(require.resolve('@doyensec/electronegativity/package.json'));
  const csp = evaluatorRequire('@doyensec/csp-evaluator');
  const findings = new csp.CspEvaluator(new csp.CspParser(CSP).csp, csp.Version.CSP3).evaluate();
  const names = Object.fromEntries(Object.entries(csp.severities).map(([k, v]) => [v, k]));
  return { policy: CSP, findings: findings.map((f) => ({ severity: names[f.severity] ?? String(f.severity), bad: f.severity < csp.severities.STRICT_CSP, directive: f.directive, description: f.description })) };
}

async function main() {
  offlineGot();
  const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  const run = require('@doyensec/electronegativity');
  const quiet = console.log;
  console.log = () => {}; // the tool's own chatter about translations and connectivity
  let result;
  try {
    result = await run({
      input, output: undefined, isSarif: false, customScan: [], excludeFromScan: [],
      severitySet: undefined, confidenceSet: undefined, isRelative: true, isVerbose: false,
      electronUpgrade: undefined, electronVersionOverride: electronVersion, parserPlugins: [],
    }, false);
  } finally {
    console.log = quiet;
  }

  const issues = result.issues.map((i) => ({
    id: i.id,
    severity: i.severity.name,
    confidence: i.confidence.name,
    where: i.file === 'N/A' ? '(whole app)' : `${relative(root, resolve(input, i.file))}:${i.location.line}`,
    review: i.manualReview,
    description: String(i.description ?? '').replace(/\s+/g, ' ').slice(0, 160),
  }));
  const order = { HIGH: 0, MEDIUM: 1, LOW: 2, INFORMATIONAL: 3 };
  issues.sort((a, b) => order[a.severity] - order[b.severity] || a.id.localeCompare(b.id));
  const unparsed = result.errors.filter((e) => !e.tolerable);
  const shellDir = join(root, 'electron', 'shell');
  const inShell = (file) => !relative(shellDir, resolve(input, file)).startsWith('..');
  const parseErrors = unparsed.filter((e) => inShell(e.file));

  console.log(`Electronegativity ${require('@doyensec/electronegativity/package.json').version} over ${relative(root, input)}/ (Electron ${electronVersion}): ${result.globalChecks + result.atomicChecks} checks`);
  for (const i of issues) {
    console.log(`  ${i.severity.padEnd(13)} ${i.confidence.padEnd(9)} ${i.id} ${i.where}${i.review ? ' [review]' : ''}\n      ${i.description}`);
  }
  for (const e of unparsed) console.log(`  ${inShell(e.file) ? 'PARSE ERROR' : 'NOT PARSED '}   ${relative(root, resolve(input, e.file))}: ${e.message}`);
  const policy = await evaluateAppCsp();
  console.log(`App CSP (electron/shell/security.ts): ${policy.policy}`);
  for (const f of policy.findings) console.log(`  csp-evaluator ${f.severity.padEnd(12)} ${f.directive}: ${f.description}`);
  const badCsp = policy.findings.filter((f) => f.bad);
  const high = issues.filter((i) => i.severity === 'HIGH');
  const counts = Object.keys(order).map((s) => `${issues.filter((i) => i.severity === s).length} ${s}`).join(', ');
  console.log(`Findings: ${counts}; ${parseErrors.length} unparsed shell files (${unparsed.length - parseErrors.length} elsewhere); ${badCsp.length} CSP weaknesses.`);
  if (high.length || parseErrors.length || badCsp.length) {
    console.log('FAILED: HIGH findings, unparsed shell files or a weak CSP.');
    process.exit(1);
  }
  console.log('OK: no HIGH findings.');
}

main().catch((err) => {
  console.error(`electronegativity could not run: ${err.stack ?? err}`);
  process.exit(1);
});
