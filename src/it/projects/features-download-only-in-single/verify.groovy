// A single store (the default variant) with a download feature: generation must fail, say the feature
// is for variant=download, and leave no project behind.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains("The store was not generated, because of these property values:")
assert log.contains("features 'mail, lost-link': lost-link is for variant=download only; a single store takes mail, orders, all or none")
assert !new File(basedir, 'bad-shop').exists()
return true
