// Type-checks the generated stores' Stripe fixtures (archetype-resources/src/test/resources/stripe/*.json)
// against stripe-node's types, pinned in package.json to the release whose API version stripe-java
// pins: each fixture becomes a fresh object literal of its type, so TypeScript reports a field the
// types lack, a missing required one and a value of the wrong type.
// stripe-node turns decimal strings (amount_decimal, fx_rate) into its Decimal class: on the wire,
// which the fixtures are, they are strings, so the check reads the types with Decimal as a string.
// Usage: node check-fixtures.mjs <fixtures dir> <work dir holding node_modules>
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';

const [fixtures, work] = process.argv.slice(2).map((path) => resolve(path));
// The type of each fixture, by the `object` it holds.
const types = {
  'checkout.session': 'Stripe.Checkout.Session',
  charge: 'Stripe.Charge',
  coupon: 'Stripe.Coupon',
  dispute: 'Stripe.Dispute',
  event: 'Stripe.Event',
  payment_intent: 'Stripe.PaymentIntent',
  refund: 'Stripe.Refund',
};
const files = readdirSync(fixtures).filter((name) => name.endsWith('.json')).sort();
writeFileSync(join(work, 'wire.ts'), `import type Stripe from 'stripe';
export type Wire<T> = T extends Stripe.Decimal ? string
  : T extends (infer E)[] ? Wire<E>[]
  : T extends object ? { [K in keyof T]: Wire<T[K]> }
  : T;
`);
const sources = [join(work, 'wire.ts')];
for (const name of files) {
  const fixture = JSON.parse(readFileSync(join(fixtures, name), 'utf8'));
  const type = types[fixture.object];
  if (!type) {
    console.error(`${name}: object "${fixture.object}" has no type in check-fixtures.mjs`);
    process.exit(1);
  }
  const source = join(work, name.replace(/\.json$/, '.fixture.ts'));
  writeFileSync(source, `import type Stripe from 'stripe';\nimport type { Wire } from './wire.js';\n// ${name}\n`
    + `export const fixture: Wire<${type}> = ${JSON.stringify(fixture, null, 2)};\n`);
  sources.push(source);
}
try {
  execFileSync(join(work, 'node_modules/.bin/tsc'),
    ['--noEmit', '--strict', '--skipLibCheck', '--module', 'nodenext', '--target', 'es2022', ...sources],
    { cwd: work, stdio: 'inherit' });
} catch {
  console.error('Stripe fixtures do not match stripe-node\'s types (above: file, line, field)');
  process.exit(1);
}
console.log(`${files.length} Stripe fixtures match stripe-node's types: ${files.join(', ')}`);
