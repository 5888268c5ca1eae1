// Generation must fail, name the bad value and what is accepted, and leave no project behind.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains("The store was not generated, because of these property values:")
assert log.contains("itemPrice '12.50': jpy prices take no decimals, such as 1250")
assert !new File(basedir, 'bad-shop').exists()
return true
