// One run with four bad values: one message that names each of them.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains("The store was not generated, because of these property values:")
assert log.contains("  - variant 'foo': accepted are single, multi, download")
assert log.contains("  - itemName '': accepted is any text of 1 to 120 characters")
assert log.contains("  - currency 'xx': accepted is a 3-letter ISO 4217 code")
assert log.contains("  - itemPrice 'abc': accepted is a decimal number")
assert !new File(basedir, 'bad-shop').exists()
return true
