#!/usr/bin/env bash
# Takes the README's pictures: builds the archetype, generates a store of each variant, and runs
# its browser tests (and the checkout with its options on) in headless Chromium with -Dscreenshots.dir,
# at desktop and phone widths.
# Needs Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver).
# Writes docs/pictures/<variant>-<page>-<desktop|phone>.png; the German store's pages come from
# site/GermanBrowserTests (<page>-german). Takes about five minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=$root/target/pictures
rm -rf "$work" && mkdir -p "$work" docs/pictures

mvn -B -q install -Darchetype.test.skip -Dinvoker.skip
for variant in single multi download; do
  (cd "$work" && mvn -B -q org.apache.maven.plugins:maven-archetype-plugin:3.4.1:generate \
    -DarchetypeGroupId=dev.itemshop -DarchetypeArtifactId=itemshop-archetype -DarchetypeVersion=0.1.0-SNAPSHOT \
    -DgroupId=com.example -DartifactId="$variant-shop" -Dvariant="$variant" -Dfeatures=all \
    -DitemName="Field Guide to Moths" -DitemPrice=12.50 -Dcurrency=usd)
  # The first item with a picture (docs/sample/field-guide.svg), set up as a seller would: the file
  # under static/images and its two lines in application.yml.
  cp docs/sample/field-guide.svg "$work/$variant-shop/src/main/resources/static/images/"
  sed -i -e "0,/# image: \/images\/my-item.jpg/s//image: \/images\/field-guide.svg/" \
    -e "0,/# image-alt: .*/s//image-alt: 'The cover: a pale moth on dark green'/" \
    "$work/$variant-shop/src/main/resources/application.yml"
  grep -q "image: /images/field-guide.svg" "$work/$variant-shop/src/main/resources/application.yml"
  for size in desktop:1200 phone:375; do
    shots=$work/shots/$variant/${size%%:*}
    (cd "$work/$variant-shop" && ./mvnw -B -q test -Dtest='*BrowserTests,CheckoutSwitchesTests' -Dsurefire.failIfNoSpecifiedTests=false \
      -Dbrowser.width="${size#*:}" -Dscreenshots.dir="$shots")
    for picture in "$shots"/*.png; do
      # The German store's pages once, from the single store: the README shows one language switch.
      [[ $variant != single && $picture == *-german.png ]] && continue
      cp "$picture" "docs/pictures/$variant-$(basename "$picture" .png)-${size%%:*}.png"
    done
  done
done
ls docs/pictures
