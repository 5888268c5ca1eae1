// Called by single-default/verify.groovy: builds the store's container image the way its README
// says without Docker (deploy/image/base-image.sh, then the pom's image profile with Jib), and checks
// what the image runs: its entrypoint, its user (not root), its port and its layers.
// Bound by archetype:integration-test: context.projectDir (the store), built by the case's goal.
import groovy.json.JsonSlurper

def projectDir = context.projectDir as File
def jlink = new File(System.getProperty('java.home'), 'bin/jlink')
if (!System.getProperty('os.name').toLowerCase().contains('linux') || !jlink.canExecute()) {
    println '[verify] container image not built: base-image.sh needs Linux and a JDK with jlink'
    return true
}
def run = { List<String> command ->
    def log = new File(projectDir, 'image-build.log')
    def pb = new ProcessBuilder(command*.toString()).directory(projectDir).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
    pb.environment().put('JAVA_HOME', System.getProperty('java.home'))
    assert pb.start().waitFor() == 0 : "${command.join(' ')} failed; see ${log}"
}
run(['sh', 'deploy/image/base-image.sh', 'target/base-image.tar'])
// The Maven running this test, and its local repository, not the wrapper's.
def mvn = new File(System.getProperty('maven.home'), 'bin/mvn')
def repo = System.getProperty('maven.repo.local')
run([mvn, '-B', '-q', '-Pimage', *(repo ? ["-Dmaven.repo.local=${repo}"] : []),
     "-Dimage.base=tar://${new File(projectDir, 'target/base-image.tar')}", 'jib:buildTar'])

def image = new File(projectDir, 'target/jib-image.tar')
assert image.isFile() : 'jib:buildTar made no target/jib-image.tar'
// A docker-save tar: manifest.json names config.json and the layers.
def process = new ProcessBuilder('tar', '-xOf', image.path, 'config.json').start()
def config = new JsonSlurper().parseText(process.inputStream.getText('UTF-8'))
assert process.waitFor() == 0
def container = config.config
assert container.Entrypoint[0] == 'java' && container.Entrypoint[-1] == 'com.example.shop.StoreApplication' :
        "unexpected entrypoint ${container.Entrypoint}"
assert container.User && !(container.User.split(':')[0] in ['root', '0']) : "the image runs as ${container.User ?: 'root'}"
assert container.ExposedPorts?.keySet() == ['8080/tcp'] as Set : "the image exposes ${container.ExposedPorts}"
def layers = config.history.findAll { it.author == 'Jib' }*.comment
assert layers.containsAll(['dependencies', 'resources', 'classes']) : "the image's layers are ${layers}"
println "[verify] image ${image.name} (${image.length().intdiv(1024 * 1024)} MB): ${container.Entrypoint.join(' ')}, user ${container.User}, port 8080, layers ${layers}"
return true
