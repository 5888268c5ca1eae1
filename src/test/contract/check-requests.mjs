// Type-checks every request a generated store's tests sent to their Stripe stand-in against
// stripe-node's parameter types for that operation (pinned in package.json to the release of the API
// version stripe-java pins): a parameter Stripe does not take, misspelled, or of the wrong kind fails.
// The store's tests write the requests when run with -Dstripe.requests-log=<file> (StripeRequestLog),
// one JSON line each: method, path, query, body, status.
// Usage: node check-requests.mjs <requests log> <work dir holding node_modules>
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';

const [log, work] = process.argv.slice(2).map((path) => resolve(path));
// The store's calls: this table is the contract, and a call not in it fails the check.
const operations = [
  ['POST', /^\/v1\/checkout\/sessions$/, 'Stripe.Checkout.SessionCreateParams'],
  ['GET', /^\/v1\/checkout\/sessions$/, 'Stripe.Checkout.SessionListParams'],
  ['GET', /^\/v1\/checkout\/sessions\/[^/]+$/, 'Stripe.Checkout.SessionRetrieveParams'],
  ['POST', /^\/v1\/checkout\/sessions\/[^/]+$/, 'Stripe.Checkout.SessionUpdateParams'],
  ['GET', /^\/v1\/charges\/[^/]+$/, 'Stripe.ChargeRetrieveParams'],
];

// Stripe's form encoding (a[b][0][c]=v, expand[0]=...) as the object stripe-node would have been given.
function decode(encoded) {
  const object = {};
  for (const pair of encoded.split('&').filter(Boolean)) {
    const [name, value = ''] = pair.split('=').map((part) => decodeURIComponent(part.replace(/\+/g, ' ')));
    const keys = name.replace(/\]/g, '').split('[');
    let node = object;
    keys.forEach((key, i) => {
      const last = i === keys.length - 1;
      const nextIsIndex = !last && /^\d*$/.test(keys[i + 1]);
      const slot = key === '' ? node.length : key;
      if (last) {
        node[slot] = value;
      } else {
        node[slot] ??= nextIsIndex ? [] : {};
        node = node[slot];
      }
    });
  }
  return object;
}

const lines = readFileSync(log, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
if (lines.length === 0) {
  console.error(`${log} holds no request: the check would check nothing`);
  process.exit(1);
}
const checks = new Map();
for (const request of lines) {
  const operation = operations.find(([method, path]) => method === request.method && path.test(request.path));
  if (!operation) {
    console.error(`${request.method} ${request.path}: not one of the store's Stripe calls in check-requests.mjs`);
    process.exit(1);
  }
  const params = JSON.stringify(decode(request.method === 'GET' ? request.query : request.body), null, 2);
  checks.set(`${operation[2]} ${params}`, [request, operation[2], params]);
}
// On the wire every value is text: a number or a boolean is written as one.
const source = join(work, 'requests.ts');
writeFileSync(source, `import type Stripe from 'stripe';
type Form<T> = T extends number ? \`\${number}\` : T extends boolean ? 'true' | 'false'
  : T extends (infer E)[] ? Form<E>[] : T extends object ? { [K in keyof T]: Form<T[K]> } : T;
${[...checks.values()].map(([request, type, params], i) =>
    `// ${request.method} ${request.path}\nexport const request${i}: Form<${type}> = ${params};\n`).join('')}`);
try {
  execFileSync(join(work, 'node_modules/.bin/tsc'),
    ['--noEmit', '--strict', '--skipLibCheck', '--module', 'nodenext', '--target', 'es2022', source],
    { cwd: work, stdio: 'inherit' });
} catch {
  console.error(`Requests the store sent do not match stripe-node's parameter types (above: ${source})`);
  process.exit(1);
}
console.log(`${lines.length} requests to Stripe (${checks.size} different) match stripe-node's parameter types`);
