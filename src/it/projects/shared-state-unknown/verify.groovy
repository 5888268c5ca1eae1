// Generation must fail, name the bad value and what is accepted, and leave no project behind.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains("The store was not generated, because of these property values:")
assert log.contains("sharedState 'memcached': accepted are none, redis")
assert !new File(basedir, 'bad-shop').exists()
return true
