// The project folder existed with a file of the user's: a failed generation removes only what it wrote.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains("itemPrice 'abc': accepted is a decimal number")
assert new File(basedir, 'bad-shop/notes.txt').text.trim() == 'notes the user had before'
assert new File(basedir, 'bad-shop').list() as List == ['notes.txt']
return true
