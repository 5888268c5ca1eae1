// Shared by the verify.groovy of the cases that choose download features: a store holds no line of a
// feature it was not generated with (no file, template branch, message, setting, test or README
// paragraph), and the folder of each feature it was. The words below are each feature's own: a word
// found in the store means the feature leaked into it. Set binding.chosen to the case's features.
// Bound by archetype:integration-test: basedir (the case's folder), context.projectDir (the store).
def project = context.projectDir as File
def chosen = binding.chosen as List<String>
def words = [
    // mail: its package, templates, settings and libraries; not the address the buyer gives Stripe at
    // checkout (the core's "email"), nor the postPurchase examples' e-mail of the seller's own.
    'mail'             : ['spring.mail', 'store.mail', 'SPRING_MAIL', 'STORE_MAIL', 'spring-boot-starter-mail',
                          'greenmail', 'GreenMail', 'jakarta.mail', 'MailOutbox', 'PurchaseMail', 'MailServer', 'InMail',
                          'mail.purchase', 'E-mail the buyer', "${File.separator}mail${File.separator}"],
    'lost-link'        : ['lost-link', 'lostLink', 'LostLink', 'lostlink', 'Lost your link'],
    'licence-keys'     : ['licence', 'Licence', 'LICENCE'],
    'withdrawal-waiver': ['withdrawal', 'Withdrawal'],
    'download-limit'   : ['downloadlimit', 'max-downloads', 'maxDownloads', 'downloadsLeft', 'extra_downloads'],
    // orders: its package, migrations, database settings and libraries.
    'orders'           : ['JdbcClient', 'Flyway', 'flyway', 'spring.datasource', 'SPRING_DATASOURCE', 'jdbc:h2', 'h2database',
                          'PostgreSQL', 'postgresql', "${File.separator}orders${File.separator}",
                          "db${File.separator}migration"],
]
def folders = ['mail': 'mail', 'lost-link': 'lostlink', 'licence-keys': 'licence', 'withdrawal-waiver': 'withdrawalwaiver',
               'download-limit': 'downloadlimit', 'orders': 'orders']
def unwanted = words.findAll { !chosen.contains(it.key) }.values().flatten()
def mentions = []
project.eachFileRecurse { file ->
    if (file.isFile() && !file.path.contains("${File.separator}target${File.separator}")
            && !file.path.contains("${File.separator}.mvn${File.separator}") && !file.name.endsWith('.jar')) {
        def text = file.getText('UTF-8')
        unwanted.each { word ->
            if (text.contains(word) || file.path.contains(word)) {
                mentions << "${project.toPath().relativize(file.toPath())}: ${word}"
            }
        }
    }
}
assert mentions.isEmpty() : "Features not chosen (${chosen ?: 'none'}), yet mentioned:\n" + mentions.unique().join('\n')
def main = new File(project, 'src/main/java').listFiles().first()   // com/
chosen.findAll { folders[it] }.each { feature ->
    def found = []
    main.eachDirRecurse { if (it.name == folders[feature]) { found << it } }
    assert found : "${feature} chosen, but no ${folders[feature]}/ package was generated"
}
return true
