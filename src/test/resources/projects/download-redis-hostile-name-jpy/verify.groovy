// The hard name reaches the download store's page exactly, priced in yen without decimals.
def props = new Properties()
new File(basedir as File, 'archetype.properties').withInputStream { props.load(it) }
binding.expectedName = props.itemName
binding.expectedPrice = '\u00a51,250'
evaluate(new File((basedir as File).parentFile, 'check-item-page.groovy'))
// Its features, and no line of the others.
binding.chosen = ['mail', 'lost-link', 'licence-keys', 'withdrawal-waiver', 'download-limit', 'orders']
evaluate(new File((basedir as File).parentFile, 'check-features.groovy'))
// The packaged jar holds nothing of the tests or the demo.
evaluate(new File((basedir as File).parentFile, 'check-jar.groovy'))
// Each skip, with its reason, on the console.
evaluate(new File((basedir as File).parentFile, 'report-skips.groovy'))
