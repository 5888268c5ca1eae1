// Shared by the verify.groovy of each case: starts the store that the case generated and built,
// the way its README says (java -jar), and checks that its item page shows the item exactly.
// Bound by the caller: expectedName, expectedPrice, and itemPath when the item is not at /.
// Bound by archetype:integration-test: basedir (the case's folder), context.projectDir (the store).

def projectDir = context.projectDir as File
def itemPath = binding.hasVariable('itemPath') ? binding.itemPath : '/'
def props = new Properties()
new File(basedir as File, 'archetype.properties').withInputStream { props.load(it) }
// Velocity eats lines that start with ##: the README's headings must have survived generation.
def readme = new File(projectDir, 'README.md').getText('UTF-8')
assert readme.contains('\n## Run it\n') && readme.contains('\n## Test it\n') : 'README.md lost its headings'

def jar = new File(projectDir, "target/${props.artifactId}-${props.version}.jar")
assert jar.isFile() : "the build made no runnable jar at ${jar}"

// What FreeMarker's HTML output format writes for the five characters it escapes.
// java.version of the java in a JDK folder, as the JVM reports it.
def javaVersion = { File home ->
    def output = new ProcessBuilder(new File(home, 'bin/java').path, '-XshowSettings:properties', '-version')
            .redirectErrorStream(true).start().inputStream.getText('UTF-8')
    output.find(/java\.version = (\S+)/) { all, v -> v }
}
def html = { String text ->
    text.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;').replace('"', '&quot;').replace("'", '&#39;')
}

int port = new ServerSocket(0).withCloseable { it.localPort }
def log = new File(projectDir, 'store-run.log')
def java = new File(System.getProperty('java.home'), 'bin/java').path
// No Stripe keys: the store must come up and show its page without them.
// Started in the project folder, as its README says: the download store finds its file there.
// With binding.startFast, through start-fast.sh (Spring AOT and the JVM's start-up cache) instead of
// java -jar; with binding.javaHome too, on that Java (start-fast.sh runs JAVA_HOME's java).
def startFast = binding.hasVariable('startFast') && binding.startFast
def javaHome = binding.hasVariable('javaHome') ? binding.javaHome as File : null
// binding.javaToolOptions: JAVA_TOOL_OPTIONS for start-fast.sh; binding.expectInLog and
// binding.notInLog: what its output must and must not say.
def javaToolOptions = binding.hasVariable('javaToolOptions') ? binding.javaToolOptions : null
def expectInLog = binding.hasVariable('expectInLog') ? binding.expectInLog : []
def notInLog = binding.hasVariable('notInLog') ? binding.notInLog : []
def command = startFast ?
        ['./start-fast.sh', "--server.port=${port}".toString()] : [java, '-jar', jar.path, "--server.port=${port}".toString()]
def builder = new ProcessBuilder(command).directory(projectDir).redirectErrorStream(true).redirectOutput(log)
if (javaHome != null) {
    builder.environment().put('JAVA_HOME', javaHome.path)
}
if (javaToolOptions != null) {
    builder.environment().put('JAVA_TOOL_OPTIONS', javaToolOptions)
}
def store = builder.start()
try {
    String page = null
    // start-fast.sh may first build the AOT jar with Maven (about a minute alone, longer on a busy machine).
    int seconds = startFast ? 300 : 90
    long deadline = System.currentTimeMillis() + seconds * 1000L
    while (page == null && System.currentTimeMillis() < deadline && store.alive) {
        try {
            def connection = new URL("http://localhost:${port}${itemPath}").openConnection()
            if (connection.responseCode == 200) {
                page = connection.inputStream.getText('UTF-8')
            }
        } catch (IOException notUpYet) {
            Thread.sleep(250)
        }
    }
    assert page != null : "the store did not serve its item page within ${seconds} s; see ${log}"
    assert page.contains("<h1>${html(expectedName)}</h1>") : "the page does not show the item name exactly:\n${page}"
    assert page.contains("<p class=\"price\">${expectedPrice}</p>") : "the page does not show the price ${expectedPrice}:\n${page}"
    assert page.contains('id="payments-disabled"') : 'the page does not say that payments are off without keys'
    // start-fast.sh must really use the AOT code that the build put in the jar.
    assert !startFast || log.getText('UTF-8').contains('Starting AOT-processed') : "start-fast.sh did not start in AOT mode; see ${log}"
    def output = log.getText('UTF-8')
    expectInLog.each { String line ->
        assert output.contains(line) : "${command[0]} did not say '${line}'; see ${log}"
    }
    notInLog.each { String line ->
        assert !output.contains(line) : "${command[0]} said '${line}'; see ${log}"
    }
    if (javaHome != null) {
        // The JVM's AOT cache on Java 25 and later, CDS before: made for that Java, and used.
        def version = log.getText('UTF-8').find(/using Java (\S+)/) { all, v -> v }
        assert version != null && version == javaVersion(javaHome) : "start-fast.sh did not run ${javaHome}'s java; see ${log}"
        def cache = new File(projectDir, "target/aot/run/store-${version}.${version.tokenize('.')[0] as int >= 25 ? 'aot' : 'jsa'}")
        assert cache.isFile() : "start-fast.sh made no start-up cache ${cache.name} for Java ${version}"
    }
    println "[verify] ${command[0]}${javaHome != null ? " on ${javaHome.name}" : ''} served the item page: ${expectedName} at ${expectedPrice}"
} finally {
    store.destroy()
    store.waitFor()
}
return true
