// archetype:integration-test found the generated files byte for byte those of reference/ (refreshed by
// docs/update-references.sh); it does not look at which are executable.
def reference = new File(basedir as File, 'reference')
reference.eachFileRecurse(groovy.io.FileType.FILES) { expected ->
    def path = reference.toPath().relativize(expected.toPath()).toString()
    assert new File(context.projectDir as File, path).canExecute() == expected.canExecute() :
            "${path} is ${expected.canExecute() ? 'not ' : ''}executable, unlike in reference/"
}
// The download store shows its item at / and carries its sample file, outside the static folder.
binding.expectedName = 'My E-book'
binding.expectedPrice = '$9.00'
evaluate(new File((basedir as File).parentFile, 'check-item-page.groovy'))
def project = context.projectDir as File
assert new File(project, 'downloads/my-download.txt').isFile()
assert !new File(project, 'src/main/java/com/example/downloads/catalog/CatalogController.java').exists() : 'download must carry no catalog listing'
// The deploy files (systemd unit, nginx site) pass the tools that read them.
evaluate(new File((basedir as File).parentFile, 'check-deploy.groovy'))
// What its tests sent to Stripe, against Stripe's published parameter types.
evaluate(new File((basedir as File).parentFile, 'check-stripe-requests.groovy'))
// Its green build printed no failed start and few warnings.
evaluate(new File((basedir as File).parentFile, 'check-quiet-build.groovy'))
// Its features, and no line of the others.
binding.chosen = ['mail', 'lost-link']
evaluate(new File((basedir as File).parentFile, 'check-features.groovy'))
// The packaged jar holds nothing of the tests or the demo.
evaluate(new File((basedir as File).parentFile, 'check-jar.groovy'))
// Each skip, with its reason, on the console.
evaluate(new File((basedir as File).parentFile, 'report-skips.groovy'))
return true
