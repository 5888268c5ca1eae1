// Every request the store's tests sent to their Stripe stand-in (the build ran them with
// -Dstripe.requests-log, goal.txt), against stripe-node's parameter types for that call:
// src/test/contract/check-requests.mjs, with the packages StripeContractTests installed.
// The archetype's own folder, where its build runs.
def root = new File(System.getProperty('user.dir'))
assert new File(root, 'src/test/contract').isDirectory() : "run the archetype's build from its own folder (${root})"
def work = new File(root, 'target/contract')
def log = new File(context.projectDir as File, 'target/stripe-requests.jsonl')
assert log.isFile() : "the store's tests wrote no ${log}: was the build run with -Dstripe.requests-log?"
if (!new File(work, 'node_modules').isDirectory()) {
    work.mkdirs()
    ['package.json', 'package-lock.json'].each { name ->
        new File(work, name).bytes = new File(root, "src/test/contract/${name}").bytes
    }
    def install = ['npm', 'ci', '--no-audit', '--no-fund'].execute(null, work)
    install.waitForProcessOutput(System.out, System.err)
    assert install.exitValue() == 0 : 'npm ci of src/test/contract failed (the check needs Node.js and npm)'
}
def check = ['node', new File(root, 'src/test/contract/check-requests.mjs').path, log.path, work.path].execute()
def output = new StringBuilder()
check.waitForProcessOutput(output, output)
println output.toString().trim()
assert check.exitValue() == 0 : "the store sent Stripe what its types do not allow:\n${output}"
