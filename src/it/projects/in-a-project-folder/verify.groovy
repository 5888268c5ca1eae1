// archetype:generate in a folder with a pom.xml of packaging jar, such as this archetype's own: what
// the README's "Generate a store" says happens there, and why it says to run it in stores/ instead.
// maven-archetype-plugin 3.4.1 writes the store's pom.xml, then fails adding it as a module of the
// folder's pom.xml, before the archetype's post-generate script could run and clean up. Should a
// later plugin leave nothing, this fails: then say so in the README.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains("Unable to add module to the current project as it is not of packaging type 'pom'")
assert !log.contains('Executing META-INF/archetype-post-generate.groovy') : 'the post-generate script ran after all'
assert new File(basedir, 'pom.xml').getText('UTF-8').contains('<artifactId>some-project</artifactId>')
assert !new File(basedir, 'pom.xml').getText('UTF-8').contains('<module>') : "the folder's pom.xml was changed"
assert new File(basedir, 'bad-shop').list() as List == ['pom.xml'] : 'the plugin left something else behind than the README says'
return true
