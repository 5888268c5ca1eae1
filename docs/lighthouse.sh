#!/usr/bin/env bash
# Runs Lighthouse (npm lighthouse@12.2.3, pinned: newer ones need Node 22) in Debian's Chromium
# against the pages of a store of each variant, and writes the scores into README.md between the
# lighthouse markers. Needs node, npm, and chromium (apt-get install -y chromium).
# The stores run with placeholder Stripe keys, so js.stripe.com is asked for and, offline, cannot
# be reached: the one console error that costs best-practices 0.04 on every page.
# Pages that need a purchase at Stripe (receipts, downloads) are not measured here. Takes about two minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=$root/target/lighthouse
rm -rf "$work" && mkdir -p "$work"
(cd "$work" && npm install --silent --no-audit --no-fund lighthouse@12.2.3)

mvn -B -q install -DskipTests -Darchetype.test.skip -Dinvoker.skip
port=8190
declare -A pages=([single]="/" [multi]="/ /items/item" [download]="/ /lost-link")
rows=""
for variant in single multi download; do
  (cd "$work" && mvn -B -q org.apache.maven.plugins:maven-archetype-plugin:3.4.1:generate \
    -DarchetypeGroupId=dev.itemshop -DarchetypeArtifactId=itemshop-archetype -DarchetypeVersion=0.1.0-SNAPSHOT \
    -DgroupId=com.example -DartifactId="$variant-shop" -Dvariant="$variant" -DitemName="Field Guide to Moths")
  (cd "$work/$variant-shop" && ./mvnw -B -q package -DskipTests)
  port=$((port + 1))
  (cd "$work/$variant-shop" && STRIPE_PUBLISHABLE_KEY=pk_test_placeholder STRIPE_SECRET_KEY=sk_test_placeholder \
    exec java -jar target/"$variant-shop"-1.0-SNAPSHOT.jar --server.port=$port --spring.mail.host=127.0.0.1 \
    > "$work/$variant.log" 2>&1) &
  store=$!
  until curl -sf -o /dev/null "http://localhost:$port/"; do sleep 1; done
  for page in ${pages[$variant]}; do
    report=$work/$variant-$(echo "$page" | tr '/' '_').json
    CHROME_PATH=/usr/bin/chromium "$work/node_modules/.bin/lighthouse" "http://localhost:$port$page" --quiet \
      --output=json --output-path="$report" --only-categories=performance,accessibility,best-practices,seo \
      --chrome-flags="--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run"
    rows+=$(python3 - "$report" "$variant" "$page" <<'PY'
import json, sys
report, variant, page = sys.argv[1:]
data = json.load(open(report))
scores = [data['categories'][c]['score'] for c in ('performance', 'accessibility', 'best-practices', 'seo')]
errors = [e.get('description', '')[:60] for e in data['audits']['errors-in-console']['details'].get('items', [])]
print(f"| `{variant}` | `{page}` | " + " | ".join(f"{s:.2f}" for s in scores) + f" | {len(errors)} |")
PY
)$'\n'
  done
  kill "$store"; wait "$store" 2>/dev/null || true
done

table="| variant | page | performance | accessibility | best practices | SEO | console errors |"$'\n'"|---|---|---|---|---|---|---|"$'\n'"$rows"
python3 - "$table" <<'PY'
import datetime, re, sys
table = sys.argv[1].strip()
stamp = datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')
block = f"<!-- lighthouse:start -->\nWritten by `docs/lighthouse.sh` on {stamp} (Lighthouse 12.2.3, Debian's Chromium):\n\n{table}\n<!-- lighthouse:end -->"
readme = open('README.md').read()
readme = re.sub(r'<!-- lighthouse:start -->.*?<!-- lighthouse:end -->', lambda m: block, readme, flags=re.S)
open('README.md', 'w').write(readme)
print(block)
PY
