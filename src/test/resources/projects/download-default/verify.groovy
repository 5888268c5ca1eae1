// The download store shows its item at / and carries its sample file, outside the static folder.
binding.expectedName = 'My E-book'
binding.expectedPrice = '$9.00'
evaluate(new File((basedir as File).parentFile, 'check-item-page.groovy'))
def project = context.projectDir as File
assert new File(project, 'downloads/my-download.txt').isFile()
assert !new File(project, 'src/main/java/com/example/downloads/catalog/CatalogController.java').exists() : 'download must carry no catalog listing'
return true
