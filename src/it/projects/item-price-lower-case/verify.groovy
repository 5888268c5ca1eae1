// -Ditemprice (a letter's case) and -DartifactID: both named, with the property each meant, and no
// project left behind, under either name.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains("The store was not generated, because of these property values:")
assert log.contains("  - artifactID 'other-shop': this archetype has no property artifactID; did you mean artifactId?")
assert log.contains("  - itemprice '12.50': this archetype has no property itemprice; did you mean itemPrice?")
assert !new File(basedir, 'bad-shop').exists()
assert !new File(basedir, 'other-shop').exists()
return true
