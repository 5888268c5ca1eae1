// Type-checks the store's checkout.js, and the browser tests' stand-in for Stripe.js (fake-stripe.js),
// against @stripe/stripe-js's published types (pinned in package.json to the release that loads
// https://js.stripe.com/dahlia/stripe.js, the file the store loads), with TypeScript's checkJs
// (stripe-js/): a Stripe.js member renamed, removed or called wrongly fails.
// Usage: node check-stripe-js.mjs <work dir holding node_modules>
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const work = resolve(process.argv[2]);
const project = join(dirname(fileURLToPath(import.meta.url)), 'stripe-js');
try {
  execFileSync(join(work, 'node_modules/.bin/tsc'), ['-p', project], { stdio: 'inherit' });
} catch {
  console.error('checkout.js or fake-stripe.js does not match @stripe/stripe-js\'s types (above: file, line, member)');
  process.exit(1);
}
console.log('checkout.js and fake-stripe.js match @stripe/stripe-js\'s types');
