// Generation must fail, name the unknown feature and the nearest known one, and leave no project behind.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains("The store was not generated, because of these property values:")
assert log.contains("features 'mail,licence-key': there is no feature licence-key; did you mean licence-keys? "
        + "The features are: mail, lost-link, licence-keys, withdrawal-waiver, download-limit, orders")
assert !new File(basedir, 'bad-shop').exists()
return true
