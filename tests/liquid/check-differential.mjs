// The Liquid differential suite's "liquidjs" cases, proven against STOCK liquidjs (the version pinned in
// package.json, installed in node_modules by `npm ci`): every expectation marked `"source": "liquidjs"`
// in tests/liquid/differential.json must be what plain liquidjs gives, so the suite cannot drift into our
// own reading of standard Liquid. The other cases (doc:…, decision:…) are only checked for form here;
// tst_liquid_differential renders all of them through the preview's own path.
//
// Run from the repository root (CTest liquid_differential_stock does): node tests/liquid/check-differential.mjs
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const root = process.cwd();
const require = createRequire(path.join(root, 'package.json'));

let liquidjs;
let version = '';
try {
  liquidjs = require('liquidjs');
  version = JSON.parse(fs.readFileSync(require.resolve('liquidjs/package.json'), 'utf8')).version;
} catch (e) {
  console.error(`check-differential: cannot load liquidjs from ${path.join(root, 'node_modules')} ` +
                `(run \`npm ci\` in the repository root): ${e.message}`);
  process.exit(1);
}
const { Liquid } = liquidjs;

const suitePath = path.join(root, 'tests', 'liquid', 'differential.json');
let suite;
try {
  suite = JSON.parse(fs.readFileSync(suitePath, 'utf8'));
} catch (e) {
  console.error(`check-differential: cannot read ${suitePath}: ${e.message}`);
  process.exit(1);
}

const MIN_LIQUIDJS_CASES = 100;
const EXPECTATIONS = ['expected', 'error', 'contains'];
const MIN_CASES_PER_DECISION = 2;
const ORDER = ['name', 'template', 'data', 'snippets', 'strict', ...EXPECTATIONS, 'source'];

// The decision ids are the first column of the table in liquid/LIQUID.md ("| `key-order` | …").
const decisionsPath = path.join(root, 'liquid', 'LIQUID.md');
const DECISIONS = new Set();
try {
  for (const m of fs.readFileSync(decisionsPath, 'utf8').matchAll(/^\|\s*`([^`]+)`\s*\|/gm)) DECISIONS.add(m[1]);
} catch (e) {
  console.error(`check-differential: cannot read ${decisionsPath}: ${e.message}`);
  process.exit(1);
}
if (DECISIONS.size === 0) {
  console.error(`check-differential: no decision ids found in the table of ${decisionsPath}`);
  process.exit(1);
}

// Control characters, no-break and other invisible spaces as \uXXXX, so a failure shows what differs.
function visible(s) {
  if (s === undefined) return '(undefined)';
  return String(s).replace(/[\u0000-\u001f\u007f-\u009f\u00a0\u00ad\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u2064\u3000\ufeff]/g,
    (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

const problems = [];
const failures = [];
const cases = suite && Array.isArray(suite.cases) ? suite.cases : null;
if (!cases) {
  console.error('check-differential: differential.json has no "cases" array');
  process.exit(1);
}

// Form of every case, whatever its source.
const names = new Set();
const bySource = { liquidjs: 0, doc: 0, decision: 0 };
const perDecision = new Map();
for (const [i, c] of cases.entries()) {
  const label = c && typeof c.name === 'string' && c.name ? c.name : `#${i}`;
  if (!c || typeof c !== 'object' || Array.isArray(c)) { problems.push(`${label}: not an object`); continue; }
  if (typeof c.name !== 'string' || !/^[\x21-\x7e]+$/.test(c.name)) problems.push(`${label}: "name" must be short printable ASCII`);
  else if (names.has(c.name)) problems.push(`${label}: duplicate name`);
  names.add(c.name);
  if (typeof c.template !== 'string') problems.push(`${label}: "template" must be a string`);
  if (!c.data || typeof c.data !== 'object' || Array.isArray(c.data)) problems.push(`${label}: "data" must be an object`);
  if (c.snippets !== undefined && (typeof c.snippets !== 'object' || Array.isArray(c.snippets) ||
      Object.values(c.snippets).some((v) => typeof v !== 'string'))) problems.push(`${label}: "snippets" must map names to text`);
  if (c.strict !== undefined && typeof c.strict !== 'boolean') problems.push(`${label}: "strict" must be true or false`);
  const stated = EXPECTATIONS.filter((k) => c[k] !== undefined);
  if (stated.length !== 1) problems.push(`${label}: needs exactly one of ${EXPECTATIONS.join(', ')} (has ${stated.join(', ') || 'none'})`);
  else if (typeof c[stated[0]] !== 'string') problems.push(`${label}: "${stated[0]}" must be a string`);
  else if (stated[0] !== 'expected' && c[stated[0]] === '') problems.push(`${label}: an empty "${stated[0]}" proves nothing`);
  const source = typeof c.source === 'string' ? c.source : '';
  const kind = source.split(':')[0];
  const detail = source.slice(kind.length + 1);
  if (source === 'liquidjs') bySource.liquidjs++;
  else if (kind === 'doc' && detail.trim() !== '') bySource.doc++;
  else if (kind === 'decision' && DECISIONS.has(detail)) bySource.decision++;
  else problems.push(`${label}: unknown source "${source}" (liquidjs, doc:<where> or decision:<id of liquid/LIQUID.md>)`);
  const keys = Object.keys(c);
  for (const key of keys) if (!ORDER.includes(key)) problems.push(`${label}: unknown member "${key}"`);
  const ranks = keys.map((k) => ORDER.indexOf(k)).filter((r) => r >= 0);
  if (ranks.some((r, j) => j > 0 && r < ranks[j - 1])) problems.push(`${label}: members must come in the order ${ORDER.join(', ')}`);
  if (kind === 'decision') perDecision.set(detail, (perDecision.get(detail) || 0) + 1);
}
for (const id of DECISIONS) {
  const n = perDecision.get(id) || 0;
  if (n < MIN_CASES_PER_DECISION) problems.push(`decision ${id} of liquid/LIQUID.md has ${n} case(s); it needs at least ${MIN_CASES_PER_DECISION}`);
}

// The liquidjs cases, rendered by stock liquidjs with the options the preview gives it (UTC, strict).
// liquidjs takes month and weekday names (%a %A %b %B) from Intl in `locale`, which defaults to the
// machine's (LANG=de_DE gives "Juli"): pinned to en-US, the English Customer.io's servers print, so the
// answer does not depend on where the check runs. (%c %x %X ignore the option and follow the machine's
// locale, so no "liquidjs" case uses them.)
const engines = new Map();
function engineFor(strict) {
  if (!engines.has(strict)) {
    engines.set(strict, new Liquid({
      strictVariables: strict, strictFilters: true, lenientIf: true, ownPropertyOnly: true, timezoneOffset: 0,
      locale: 'en-US'
    }));
  }
  return engines.get(strict);
}

let checked = 0;
for (const c of cases) {
  if (!c || c.source !== 'liquidjs' || typeof c.template !== 'string') continue;
  checked++;
  let output;
  let thrown;
  try {
    output = engineFor(c.strict !== false).parseAndRenderSync(c.template, c.data || {});
  } catch (e) {
    thrown = e;
  }
  const message = thrown ? String((thrown && thrown.message) || thrown) : undefined;
  let ok;
  let want;
  if (c.error !== undefined) {
    ok = thrown !== undefined && message.includes(c.error);
    want = `an error containing "${visible(c.error)}"`;
  } else if (c.contains !== undefined) {
    ok = thrown === undefined && typeof output === 'string' && output.includes(c.contains);
    want = `output containing "${visible(c.contains)}"`;
  } else if (c.expected !== undefined) {
    ok = thrown === undefined && output === c.expected;
    want = `"${visible(c.expected)}"`;
  } else {
    continue; // reported above
  }
  if (!ok) {
    failures.push(`FAIL ${c.name}\n  template: ${visible(c.template)}\n  data:     ${JSON.stringify(c.data)}\n` +
      `  expected: ${want}\n  actual:   ${thrown ? `error: ${visible(message.split('\n')[0])}` : `"${visible(output)}"`}`);
  }
}

for (const p of problems) console.error(`BAD  ${p}`);
for (const f of failures) console.error(f);
if (checked < MIN_LIQUIDJS_CASES) {
  console.error(`only ${checked} liquidjs cases: the suite needs at least ${MIN_LIQUIDJS_CASES}`);
}
console.log(`${cases.length} cases: ${bySource.liquidjs} liquidjs, ${bySource.doc} doc, ${bySource.decision} decision`);
if (failures.length) console.log(`${failures.length} of ${checked} liquidjs cases disagree with stock liquidjs ${version}`);
else console.log(`${checked} liquidjs cases agree with stock liquidjs ${version}`);
process.exit(problems.length || failures.length || checked < MIN_LIQUIDJS_CASES ? 1 : 0);
