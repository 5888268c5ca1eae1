// Shared by the verify.groovy of each case, evaluated last. archetype:integration-test writes the
// store's build and these scripts' own output to the case's build.log, not to the console: a test
// skipped there (no Chromium, no redis-server, no nginx...) would pass unseen. This repeats on the
// console of the archetype's build each skip with its reason: those of the store's tests (the
// summary its SkippedTestsReport prints) and those of the checks these scripts make. .ci/run counts
// the "[SKIPPED] <case>: [verify]" lines; the store's skipped tests it counts in surefire's reports.
// Bound by archetype:integration-test: basedir (the case's folder), context.projectDir (the store).

def projectDir = context.projectDir as File
def name = (basedir as File).name
System.out.flush()
def lines = new File(projectDir, 'build.log').readLines('UTF-8')
// The store's summary: "[SKIPPED]   TwoInstancesTests (3 tests), ...: <reason>".
def skips = lines.findAll { it.startsWith('[SKIPPED]   ') }*.substring('[SKIPPED]   '.length())
// The scripts' own: "[verify] nginx site not checked: ...", "[verify] scale test skipped: ...".
skips += lines.findAll { it.startsWith('[verify] ') && it =~ /\b(skipped|not checked|not built)\b/ }
// Straight to the console: System.out is build.log here.
def console = new PrintStream(new FileOutputStream(FileDescriptor.out), true, 'UTF-8')
skips.each { console.println("[SKIPPED] ${name}: ${it}") }
return true
