// Shared by the verify.groovy of the default cases: checks the store's deploy/ files with the tools
// that read them, where this machine has them (CI's .ci/run installs nginx): the systemd unit with
// systemd-analyze verify, the nginx site with nginx -t, on a throwaway certificate.
// Bound by archetype:integration-test: context.projectDir (the store).

def projectDir = context.projectDir as File
def find = { String tool ->
    ((System.getenv('PATH') ?: '').split(':').toList() + ['/usr/sbin', '/sbin']).collect { new File(it, tool) }.find { it.canExecute() }
}
def run = { List<String> command ->
    def process = new ProcessBuilder(command*.toString()).directory(projectDir).redirectErrorStream(true).start()
    def output = process.inputStream.getText('UTF-8')
    [process.waitFor(), output]
}

def unit = new File(projectDir, 'deploy/systemd/store.service')
assert unit.isFile() : 'the store has no deploy/systemd/store.service'
def systemdAnalyze = find('systemd-analyze')
if (systemdAnalyze == null) {
    println '[verify] systemd unit not checked: this machine has no systemd-analyze'
} else {
    def (code, output) = run([systemdAnalyze, 'verify', unit])
    // A bad value is only a warning to systemd-analyze: any line from it counts as a failure.
    assert code == 0 && output.trim().isEmpty() : "systemd-analyze verify ${unit.name}:\n${output}"
    println "[verify] systemd-analyze verify: ${unit.name} is clean"
}

def site = new File(projectDir, 'deploy/nginx/store.conf')
assert site.isFile() : 'the store has no deploy/nginx/store.conf'
def siteText = site.getText('UTF-8')
// Only its own host name reaches the store, with the forwarded headers this site sets.
assert siteText =~ /(?s)server \{\s*listen 80 default_server;.*?listen 443 ssl default_server;.*?return 444;\s*\}/ :
        'the site has no default server refusing other host names (444)'
assert siteText.contains('proxy_set_header X-Forwarded-Host $host;') && siteText.contains('proxy_set_header X-Forwarded-Port $server_port;') :
        'the site passes the client\'s X-Forwarded-Host or X-Forwarded-Port on instead of setting them'
def nginx = find('nginx')
def openssl = find('openssl')
if (nginx == null || openssl == null) {
    println "[verify] nginx site not checked: this machine has no ${nginx == null ? 'nginx' : 'openssl'}"
} else {
    def dir = File.createTempDir('store-nginx-', '')
    try {
        def (made, opensslOutput) = run([openssl, 'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1',
                '-subj', '/CN=shop.example.com', '-keyout', "${dir}/key.pem", '-out', "${dir}/cert.pem"])
        assert made == 0 : "openssl could not make a test certificate:\n${opensslOutput}"
        def text = site.getText('UTF-8')
        def certificate = '/etc/letsencrypt/live/shop.example.com/fullchain.pem'
        def key = '/etc/letsencrypt/live/shop.example.com/privkey.pem'
        assert text.contains(certificate) && text.contains(key) : 'the site no longer names the placeholder certificate paths'
        new File(dir, 'store.conf').write(text.replace(certificate, "${dir}/cert.pem").replace(key, "${dir}/key.pem"), 'UTF-8')
        // The site is an http-level include, as in Debian's nginx.conf (sites-enabled/*).
        new File(dir, 'nginx.conf').write("""pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events {}
http {
    access_log off;
    include ${dir}/store.conf;
}
""", 'UTF-8')
        def (code, output) = run([nginx, '-t', '-p', dir, '-e', "${dir}/error.log", '-c', "${dir}/nginx.conf"])
        assert code == 0 : "nginx -t on ${site.name}:\n${output}"
        println "[verify] nginx -t: ${site.name} is valid"
    } finally {
        dir.deleteDir()
    }
}
return true
