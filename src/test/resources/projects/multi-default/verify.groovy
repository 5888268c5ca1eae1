// archetype:integration-test found the generated files byte for byte those of reference/ (refreshed by
// docs/update-references.sh); it does not look at which are executable.
def reference = new File(basedir as File, 'reference')
reference.eachFileRecurse(groovy.io.FileType.FILES) { expected ->
    def path = reference.toPath().relativize(expected.toPath()).toString()
    assert new File(context.projectDir as File, path).canExecute() == expected.canExecute() :
            "${path} is ${expected.canExecute() ? 'not ' : ''}executable, unlike in reference/"
}
// The first item of the catalog is the one the properties name, with its own page.
binding.expectedName = 'My E-book'
binding.expectedPrice = '$9.00'
binding.itemPath = '/items/item'
evaluate(new File((basedir as File).parentFile, 'check-item-page.groovy'))
def project = context.projectDir as File
assert new File(project, 'src/main/java/com/example/posters/catalog/CatalogController.java').isFile()
assert !new File(project, 'src/main/java/com/example/posters/download').exists() : 'multi must carry no download code'
assert !new File(project, 'downloads').exists()
// The deploy files (systemd unit, nginx site) pass the tools that read them.
evaluate(new File((basedir as File).parentFile, 'check-deploy.groovy'))
// Its green build printed no failed start and few warnings.
evaluate(new File((basedir as File).parentFile, 'check-quiet-build.groovy'))
// The packaged jar holds nothing of the tests or the demo.
evaluate(new File((basedir as File).parentFile, 'check-jar.groovy'))
// Each skip, with its reason, on the console.
evaluate(new File((basedir as File).parentFile, 'report-skips.groovy'))
return true
