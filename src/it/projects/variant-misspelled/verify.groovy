// -Dvarient=download, a slip of variant: Maven would ignore it and generate a single store. Generation
// must fail, naming the property meant, and leave no project behind.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains("The store was not generated, because of these property values:")
assert log.contains("  - varient 'download': this archetype has no property varient; did you mean variant?")
assert !new File(basedir, 'bad-shop').exists()
return true
