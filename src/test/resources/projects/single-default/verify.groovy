// archetype:integration-test found the generated files byte for byte those of reference/ (refreshed by
// docs/update-references.sh); it does not look at which are executable.
def reference = new File(basedir as File, 'reference')
reference.eachFileRecurse(groovy.io.FileType.FILES) { expected ->
    def path = reference.toPath().relativize(expected.toPath()).toString()
    assert new File(context.projectDir as File, path).canExecute() == expected.canExecute() :
            "${path} is ${expected.canExecute() ? 'not ' : ''}executable, unlike in reference/"
}
// The defaults of archetype-metadata.xml reach the page.
binding.expectedName = 'My E-book'
binding.expectedPrice = '$9.00'
evaluate(new File((basedir as File).parentFile, 'check-item-page.groovy'))
// The fast start documented in the store's README serves the same page, and says what it is doing
// while it builds the AOT jar and records the JVM's start-up cache (about 45 s of silence before).
binding.startFast = true
binding.expectInLog = ['start-fast.sh: building the store with Spring AOT', 'start-fast.sh: training run for the JVM',
                       'start-fast.sh: starting the store from target/aot/run/store-']
evaluate(new File((basedir as File).parentFile, 'check-item-page.groovy'))
// Other Java options in JAVA_TOOL_OPTIONS (the README's small-host setting) get a new training run,
// which must see the same options as the real start; the same options again reuse the cache.
binding.javaToolOptions = '-XX:+UseSerialGC'
binding.expectInLog = ['because the Java options changed (JAVA_TOOL_OPTIONS=-XX:+UseSerialGC ']
evaluate(new File((basedir as File).parentFile, 'check-item-page.groovy'))
binding.expectInLog = ['start-fast.sh: starting the store from']
binding.notInLog = ['start-fast.sh: training run', 'start-fast.sh: building']
evaluate(new File((basedir as File).parentFile, 'check-item-page.groovy'))
binding.javaToolOptions = null
binding.expectInLog = []
binding.notInLog = []
// On Java 25 the script starts from the JVM's AOT cache instead of CDS: tried where a JDK 25 is
// installed beside the Java that runs the build (CI's machines have Temurin 25).
def jdk25 = new File('/usr/lib/jvm').listFiles()?.find { it.name ==~ /(temurin-|java-|jdk-?)25.*/ && new File(it, 'bin/java').canExecute() }
if (jdk25 != null) {
    binding.javaHome = jdk25
    evaluate(new File((basedir as File).parentFile, 'check-item-page.groovy'))
    binding.javaHome = null
} else {
    println '[verify] skipped start-fast.sh on Java 25: no JDK 25 under /usr/lib/jvm'
}
def project = context.projectDir as File
assert !new File(project, 'src/main/java/com/example/shop/download').exists() : 'single must carry no download code'
assert !new File(project, 'src/main/java/com/example/shop/catalog/CatalogController.java').exists() : 'single must carry no catalog listing'
// The deploy files (systemd unit, nginx site) pass the tools that read them.
evaluate(new File((basedir as File).parentFile, 'check-deploy.groovy'))
// The container image builds without Docker: its entrypoint, user, port and layers.
evaluate(new File((basedir as File).parentFile, 'check-image.groovy'))
// Its green build printed no failed start and few warnings.
evaluate(new File((basedir as File).parentFile, 'check-quiet-build.groovy'))
// The packaged jar holds nothing of the tests or the demo.
evaluate(new File((basedir as File).parentFile, 'check-jar.groovy'))
// Each skip, with its reason, on the console.
evaluate(new File((basedir as File).parentFile, 'report-skips.groovy'))
return true
