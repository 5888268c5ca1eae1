// A store upgraded across two real versions of the archetype (issue 27). archetype:generate made the
// store (shop/) at this archetype's version; this builds a later version from a copy of the archetype's
// sources with a small change to its templates, edits the store as a seller would, runs its
// ./upgrade.sh, and checks that both sets of changes are there, that the conflict is reported and
// marked, and that the store builds and passes its own tests once the conflict is resolved as the
// message says. Both versions go into a scratch repository (repo/) whose tail is the build's own local
// repository, read only: nothing of this test lands in ~/.m2.
// Bound by the invoker: basedir (this case's copy under target/it), mavenLocalRepository (the pom).

def base = basedir as File
def archetype = base.parentFile.parentFile.parentFile
def store = new File(base, 'shop')
def repo = new File(base, 'repo')
def env = [MAVEN_ARGS: "-Dmaven.repo.local=${repo} -Dmaven.repo.local.tail=${mavenLocalRepository}".toString()]

def started = System.nanoTime()
def seconds = { String what -> println "[upgrade] ${what}: ${(System.nanoTime() - started).intdiv(1_000_000_000)} s" }

/** Runs a command, its output into build.log; answers [exit code, output]. */
def run = { File dir, List<String> command, Map<String, String> extraEnv = [:] ->
    def builder = new ProcessBuilder(command*.toString()).directory(dir).redirectErrorStream(true)
    builder.environment().putAll(env)
    builder.environment().putAll(extraEnv)
    def process = builder.start()
    def output = process.inputStream.getText('UTF-8')
    def exit = process.waitFor()
    println "[upgrade] \$ ${command.join(' ')}  (in ${dir}, exit ${exit})\n${output}"
    [exit, output]
}
def git = { String... args ->
    def (exit, output) = run(store, ['git', '-c', 'user.name=Seller', '-c', 'user.email=seller@example.com'] + (args as List))
    assert exit == 0 : "git ${args.join(' ')} failed: ${output}"
    output
}
def file = { String path -> new File(store, path) }
/** Replaces one text in a file, which must be there. */
def edit = { File target, String from, String to ->
    def text = target.getText('UTF-8')
    assert text.contains(from) : "${target} no longer holds: ${from}"
    target.setText(text.replace(from, to), 'UTF-8')
}

def record = { file('archetype.properties').readLines('UTF-8').find { it.startsWith('archetypeVersion=') }.substring('archetypeVersion='.length()) }
def before = record()
def after = '9.9.9-upgrade-test'

// ---- The two versions, in the scratch repository ----
// Both built from this archetype's sources (the pom and src/main), with the store's Maven: this one as
// it is, and a later one with a change to one line the seller also changes (the footer's words), to one
// line elsewhere in a file the seller changes too (a heading of application.yml), a file added and one
// dropped.
def copySources = { File to ->
    new File(to, 'src').mkdirs()
    assert run(base, ['cp', "${archetype}/pom.xml", to.path])[0] == 0
    assert run(base, ['cp', '-R', "${archetype}/src/main", "${to}/src/"])[0] == 0
    to
}
def install = { File sources ->
    def (built, buildLog) = run(sources, [new File(store, 'mvnw').path, '-B', '-q', '-o', 'install', '-Dmaven.test.skip',
            '-Darchetype.test.skip', '-Dinvoker.skip'])
    assert built == 0 : buildLog
}
install(copySources(new File(base, 'this')))
def next = copySources(new File(base, 'next'))
def templates = new File(next, 'src/main/resources/archetype-resources')
edit(new File(next, 'pom.xml'), "<version>${before}</version>", "<version>${after}</version>")
def footerBefore = 'layout.footer.payments=Payments are processed securely by Stripe. Card details never reach this site.'
def footerAfter = 'layout.footer.payments=Stripe processes the payments. Card details never reach this site.'
edit(new File(templates, 'src/main/resources/messages.properties'), footerBefore, footerAfter)
edit(new File(templates, 'src/main/resources/application.yml'), '# ---- What the store sells ----', '# ---- What the store sells, and for how much ----')
new File(templates, 'src/main/resources/static/humans.txt').setText('Made with itemshop-archetype.\n', 'UTF-8')
assert new File(templates, '.editorconfig').delete()
install(next)
assert new File(repo, "dev/itemshop/itemshop-archetype/${before}/itemshop-archetype-${before}.jar").file
seconds('both versions installed')

// ---- The seller's store: committed, then edited as a seller would ----
git('init', '-q')
git('add', '-A')
git('commit', '-q', '-m', 'The store as generated')
edit(file('src/main/resources/application.yml'), '      price: 9.00\n', '      price: 12.50\n')
def footerMine = 'layout.footer.payments=Paid through Stripe: we never see your card.'
edit(file('src/main/resources/messages.properties'), footerBefore, footerMine)
def hooks = file('src/main/java/com/example/PurchaseHooks.java')
def hookLine = '\t\tlog.info("Purchase {}: pack the signed copy by hand", purchase.id());\n'
edit(hooks, '\t\t// What was sold, never a key', hookLine + '\t\t// What was sold, never a key')
def ownPage = file('src/main/resources/templates/items/item.ftlh')
ownPage.parentFile.mkdirs()
ownPage.setText(file('src/main/resources/templates/item.ftlh').getText('UTF-8').replace('<p class="price">', '<p>Signed by the author.</p>\n    <p class="price">'), 'UTF-8')
assert ownPage.text.contains('Signed by the author')
git('add', '-A')
git('commit', '-q', '-m', 'The seller\'s edits')

// ---- Refused: a tree with uncommitted changes; nothing changes ----
file('notes.txt').setText('not committed\n', 'UTF-8')
def (dirtyExit, dirtyOut) = run(store, ['./upgrade.sh', after])
assert dirtyExit == 2
assert dirtyOut.contains('this store has uncommitted changes') && dirtyOut.contains('Nothing was changed.')
assert git('status', '--porcelain') == '?? notes.txt\n'
file('notes.txt').delete()

// ---- The version it has already: nothing changes ----
def (sameExit, sameOut) = run(store, ['./upgrade.sh', before])
assert sameExit == 0 && sameOut.contains("already at itemshop-archetype ${before}")
assert git('status', '--porcelain') == ''

// ---- An unknown version: refused, nothing changes ----
def (unknownExit, unknownOut) = run(store, ['./upgrade.sh', '0.0.0-no-such-version'], [MAVEN_ARGS: env.MAVEN_ARGS + ' -o'])
assert unknownExit == 2 && unknownOut.contains('could not generate the store at itemshop-archetype 0.0.0-no-such-version')
assert git('status', '--porcelain') == ''
seconds('refusals checked')

// ---- The same upgrade in a copy that is no git repository ----
def copy = new File(base, 'shop-without-git')
assert run(base, ['cp', '-R', store.path, copy.path])[0] == 0
assert new File(copy, '.git').deleteDir()
def (copyExit, copyOut) = run(copy, ['./upgrade.sh', after], [GIT_CEILING_DIRECTORIES: base.path])
assert copyExit == 1 : "the upgrade without git must end as with it, on the conflict: ${copyOut}"

// ---- The upgrade ----
def (exit, out) = run(store, ['./upgrade.sh', after])
seconds('upgraded twice')
def console = new PrintStream(new FileOutputStream(FileDescriptor.out), true, 'UTF-8')
console.println("[upgrade] ./upgrade.sh ${after} said:\n${out}")
assert exit == 1 : 'a conflict must end the upgrade with status 1'
assert out =~ /(?m)^  merged +src\/main\/resources\/application\.yml$/
assert out =~ /(?m)^  CONFLICT +src\/main\/resources\/messages\.properties$/
assert out =~ /(?m)^  added +src\/main\/resources\/static\/humans\.txt$/
assert out =~ /(?m)^  removed +\.editorconfig$/
assert out.contains('delete the four') && out.contains('marker lines, then run ./mvnw verify')
// Both sets of changes are there.
def yml = file('src/main/resources/application.yml').getText('UTF-8')
assert yml.contains('      price: 12.50\n') && yml.contains('# ---- What the store sells, and for how much ----')
assert hooks.getText('UTF-8').contains(hookLine)
assert ownPage.text.contains('Signed by the author')
assert file('src/main/resources/static/humans.txt').text == 'Made with itemshop-archetype.\n'
assert !file('.editorconfig').exists()
assert record() == after
// The conflict is marked, with both sides and what was there before.
def messages = file('src/main/resources/messages.properties')
def marked = "<<<<<<< yours\n${footerMine}\n||||||| itemshop-archetype ${before}\n${footerBefore}\n=======\n${footerAfter}\n>>>>>>> itemshop-archetype ${after}\n"
assert messages.getText('UTF-8').contains(marked)
// The same without git: the same files.
def files = { File root -> def found = [:]; root.eachFileRecurse(groovy.io.FileType.FILES) { f ->
    def path = root.toPath().relativize(f.toPath()).toString()
    if (!path.startsWith('.git/') && !path.startsWith('target/')) found[path] = f.getText('ISO-8859-1') }; found }
assert files(copy) == files(store)

// ---- Resolved as the message says: keep the seller's words, delete the markers, ./mvnw verify ----
edit(messages, marked, footerMine + '\n')
def (grepExit, markers) = run(store, ['git', 'grep', '-n', '--untracked', '-e', '^<<<<<<< ', '-e', '^>>>>>>> ', '-e', '^||||||| '])
assert grepExit == 1 : "markers left: ${markers}"
def (verified, verifyLog) = run(store, ['./mvnw', '-B', 'verify'])
assert verified == 0 : 'the upgraded store must build and pass its tests (its build output is in build.log)'
assert verifyLog =~ /Tests run: [1-9][0-9]*, Failures: 0, Errors: 0/
seconds('upgraded store built and tested')
return true
