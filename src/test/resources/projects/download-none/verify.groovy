// A store generated without features holds no line of them: no file, template branch, message,
// setting, test or README paragraph names licence keys, "Lost your link?", the EU withdrawal waiver
// or the download limit (only the core's plug-in point, download/DownloadLimit, which nothing
// implements here). Its own build (run before this) passed without them.
def project = context.projectDir as File
def mentions = []
project.eachFileRecurse { file ->
    if (file.isFile() && !file.path.contains("${File.separator}target${File.separator}")
            && !file.path.contains("${File.separator}.mvn${File.separator}") && !file.name.endsWith('.jar')) {
        def text = file.getText('UTF-8')
        ['licence', 'Licence', 'LICENCE', 'lost-link', 'lostLink', 'LostLink', 'lostlink', 'Lost your link',
         'withdrawal', 'Withdrawal', 'downloadlimit', 'max-downloads', 'maxDownloads', 'downloadsLeft', 'extra_downloads'].each { word ->
            if (text.contains(word) || file.path.contains(word)) {
                mentions << "${project.toPath().relativize(file.toPath())}: ${word}"
            }
        }
    }
}
assert mentions.isEmpty() : "Features not chosen, yet mentioned:\n" + mentions.unique().join('\n')
// Each skip, with its reason, on the console.
evaluate(new File((basedir as File).parentFile, 'report-skips.groovy'))
return true
