// Shared by the verify.groovy of every case: the jar that ./mvnw package built holds the store and
// nothing of its tests. The demo (TestStoreApplication, demo/) and the tests' stand-ins for Stripe
// and a mail server live in src/test, for ./mvnw spring-boot:test-run only: none of them may run in
// production, where a stand-in would take "payments" that charge nobody.
// Bound by archetype:integration-test: context.projectDir (the store).
import java.util.zip.ZipFile

def projectDir = context.projectDir as File
def jars = new File(projectDir, 'target').listFiles()?.findAll { it.name.endsWith('.jar') } ?: []
assert jars.size() == 1 : "expected one jar in ${projectDir.name}/target, found ${jars*.name}"
def testClasses = new File(projectDir, 'target/test-classes')
def testFiles = []
testClasses.eachFileRecurse(groovy.io.FileType.FILES) { testFiles << testClasses.toPath().relativize(it.toPath()).toString() }
assert testFiles.any { it.endsWith('/TestStoreApplication.class') } : 'the store has no TestStoreApplication to look for'
new ZipFile(jars[0]).withCloseable { jar ->
    def entries = jar.entries().toList()*.name.findAll { it.startsWith('BOOT-INF/classes/') }*.substring('BOOT-INF/classes/'.length())
    assert entries.any { it.endsWith('/StoreApplication.class') } : "${jars[0].name} holds no StoreApplication: not the store's jar"
    def leaked = entries.findAll { it in testFiles }
    leaked += entries.findAll { it.startsWith('static/test/') || it.startsWith('static/demo/') || it.startsWith('templates/demo/') }
    assert leaked.isEmpty() : "${jars[0].name} holds what belongs to the tests and the demo: ${leaked.unique()}"
    println "[verify] ${jars[0].name}: ${entries.count { it.endsWith('.class') }} classes, none of the tests' or the demo's"
}
