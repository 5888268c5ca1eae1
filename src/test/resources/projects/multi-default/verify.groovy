// The first item of the catalog is the one the properties name, with its own page.
binding.expectedName = 'My E-book'
binding.expectedPrice = '$9.00'
binding.itemPath = '/items/item'
evaluate(new File((basedir as File).parentFile, 'check-item-page.groovy'))
def project = context.projectDir as File
assert new File(project, 'src/main/java/com/example/posters/catalog/CatalogController.java').isFile()
assert !new File(project, 'src/main/java/com/example/posters/download').exists() : 'multi must carry no download code'
assert !new File(project, 'downloads').exists()
return true
