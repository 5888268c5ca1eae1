// The name reaches the page character for character: nothing evaluated, nothing lost, HTML-escaped.
def props = new Properties()
new File(basedir as File, 'archetype.properties').withInputStream { props.load(it) }
binding.expectedName = props.itemName
binding.expectedPrice = '\u20ac12.50'
evaluate(new File((basedir as File).parentFile, 'check-item-page.groovy'))
// The packaged jar holds nothing of the tests or the demo.
evaluate(new File((basedir as File).parentFile, 'check-jar.groovy'))
// Each skip, with its reason, on the console.
evaluate(new File((basedir as File).parentFile, 'report-skips.groovy'))
