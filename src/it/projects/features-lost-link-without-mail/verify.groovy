// Generation must fail, say what lost-link needs and the value that would do, and leave no project behind.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains("The store was not generated, because of these property values:")
assert log.contains("features 'lost-link, licence-keys': lost-link needs mail: features=mail,lost-link,licence-keys")
assert !new File(basedir, 'bad-shop').exists()
return true
