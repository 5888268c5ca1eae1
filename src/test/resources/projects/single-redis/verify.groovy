// archetype:integration-test found the generated files byte for byte those of reference/ (refreshed by
// docs/update-references.sh); it does not look at which are executable.
def reference = new File(basedir as File, 'reference')
reference.eachFileRecurse(groovy.io.FileType.FILES) { expected ->
    def path = reference.toPath().relativize(expected.toPath()).toString()
    assert new File(context.projectDir as File, path).canExecute() == expected.canExecute() :
            "${path} is ${expected.canExecute() ? 'not ' : ''}executable, unlike in reference/"
}
// The build ran the store's tests, TwoInstancesTests among them (on a redis-server of its own).
// Started here with no Redis listening on localhost: the store must come up and show its page all the same.
binding.expectedName = 'My E-book'
binding.expectedPrice = '$9.00'
evaluate(new File((basedir as File).parentFile, 'check-item-page.groovy'))
def project = context.projectDir as File
assert new File(project, 'src/main/java/com/example/shop/sharedstate/SharedClaims.java').isFile() : 'sharedState=redis must carry the Redis claims'
// TwoInstancesTests runs its 3 tests on a redis-server of its own where Debian's redis-server is
// installed (RedisServer), and is skipped, saying why, where it is not: report-skips.groovy repeats that.
def report = new File(project, 'target/surefire-reports/TEST-com.example.shop.sharedstate.TwoInstancesTests.xml').getText('UTF-8')
def redisInstalled = ['/usr/bin/redis-server', '/usr/bin/redis-cli'].every { new File(it).canExecute() }
if (redisInstalled) {
    assert report.contains('tests="3"') && report.contains('skipped="0"') : 'TwoInstancesTests did not run its 3 tests'
} else {
    assert new File(project, 'build.log').getText('UTF-8').contains('TwoInstancesTests (3 tests): Redis test skipped: no /usr/bin/redis-server') :
            'TwoInstancesTests was not skipped with its reason'
}
// The scale test (src/test/scale/scale-test.py): three instances of this store behind its own nginx
// site, on one redis-server and one stand-in Stripe, on loopback only. It prints its figures.
def repo = (basedir as File).toPath().resolve('../../../..').normalize().toFile()
def missing = ['python3', 'redis-server', 'nginx'].findAll { tool ->
    ['sh', '-c', "command -v ${tool} || test -x /usr/sbin/${tool}"].execute().waitFor() != 0
}
if (missing) {
    println "[verify] scale test skipped: no ${missing.join(', ')} on this machine (apt-get install redis-server nginx)"
} else {
    def scale = ['python3', new File(repo, 'src/test/scale/scale-test.py').path, project.path].execute()
    scale.consumeProcessOutput(System.out, System.err)
    assert scale.waitFor() == 0 : 'the scale test failed: see its lines above'
}
// The packaged jar holds nothing of the tests or the demo.
evaluate(new File((basedir as File).parentFile, 'check-jar.groovy'))
// Each skip, with its reason, on the console.
evaluate(new File((basedir as File).parentFile, 'report-skips.groovy'))
return true
