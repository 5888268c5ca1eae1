// -Dfeature=mail, a slip of features: Maven would ignore it and generate with the default features.
// Generation must fail, naming the property meant, and leave no project behind.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains("The store was not generated, because of these property values:")
assert log.contains("  - feature 'mail': this archetype has no property feature; did you mean features?")
assert !new File(basedir, 'bad-shop').exists()
return true
