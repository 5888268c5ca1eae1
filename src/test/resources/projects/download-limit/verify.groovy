// download-limit: the store's own build (run before this) passed; it holds no line of another feature.
binding.chosen = ['download-limit']
evaluate(new File((basedir as File).parentFile, 'check-features.groovy'))
// The packaged jar holds nothing of the tests or the demo.
evaluate(new File((basedir as File).parentFile, 'check-jar.groovy'))
// Each skip, with its reason, on the console.
evaluate(new File((basedir as File).parentFile, 'report-skips.groovy'))
return true
