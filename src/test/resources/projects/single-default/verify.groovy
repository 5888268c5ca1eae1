// The defaults of archetype-metadata.xml reach the page.
binding.expectedName = 'My E-book'
binding.expectedPrice = '$9.00'
evaluate(new File((basedir as File).parentFile, 'check-item-page.groovy'))
