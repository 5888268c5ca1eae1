// Over Stripe's largest payment (99999999 cents): fail, name the limit in the currency, leave no project behind.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains("The store was not generated, because of these property values:")
assert log.contains("itemPrice '1000000': Stripe takes at most 999999.99 usd in one payment")
assert !new File(basedir, 'bad-shop').exists()
return true
