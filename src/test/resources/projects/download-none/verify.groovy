// A store generated without features holds no line of them: no file, template branch, message,
// setting, test or README paragraph names the buyer's e-mail (mail), licence keys, "Lost your link?",
// the EU withdrawal waiver or the download limit (only the core's plug-in point,
// download/DownloadLimit, which nothing implements here). Its own build (run before this) passed
// without them.
binding.chosen = []
evaluate(new File((basedir as File).parentFile, 'check-features.groovy'))
// The packaged jar holds nothing of the tests or the demo.
evaluate(new File((basedir as File).parentFile, 'check-jar.groovy'))
// Each skip, with its reason, on the console.
evaluate(new File((basedir as File).parentFile, 'report-skips.groovy'))
return true
