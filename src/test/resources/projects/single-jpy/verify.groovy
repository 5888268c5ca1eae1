// A zero-decimal currency, typed in upper case: 1250 yen is shown without decimals.
binding.expectedName = 'Tea Bowl'
binding.expectedPrice = '\u00a51,250'
evaluate(new File((basedir as File).parentFile, 'check-item-page.groovy'))
assert new File(context.projectDir as File, 'src/main/resources/application.yml').getText('UTF-8').contains('currency: jpy')
// The packaged jar holds nothing of the tests or the demo.
evaluate(new File((basedir as File).parentFile, 'check-jar.groovy'))
// Its features, and no line of the others.
binding.chosen = ['mail', 'orders']
evaluate(new File((basedir as File).parentFile, 'check-features.groovy'))
// Each skip, with its reason, on the console.
evaluate(new File((basedir as File).parentFile, 'report-skips.groovy'))
return true
