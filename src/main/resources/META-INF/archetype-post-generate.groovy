// Runs after Maven has written the project. Maven checks no property value in batch mode (-B) or
// when it comes with -D, so this script does: on any bad value it removes what was generated and
// fails with one message naming each bad property, its value and what is accepted.
// On good values it writes the item into application.yml, escaped, and finishes the files that
// packaging cannot carry as they are (.gitignore, the executable bits of mvnw and start-fast.sh).

import java.nio.file.Files

def props = request.properties
def projectDir = new File(request.outputDirectory, request.artifactId)

// Currencies Stripe accepts for payments (docs.stripe.com/currencies), in lower case as its API wants.
def STRIPE_CURRENCIES = '''
    aed afn all amd ang aoa ars aud awg azn bam bbd bdt bgn bhd bif bmd bnd bob brl bsd bwp byn bzd
    cad cdf chf clp cny cop crc cve czk djf dkk dop dzd egp etb eur fjd fkp gbp gel gip gmd gnf gtq
    gyd hkd hnl htg huf idr ils inr isk jmd jod jpy kes kgs khr kmf krw kwd kyd kzt lak lbp lkr lrd
    lsl mad mdl mga mkd mmk mnt mop mur mvr mwk mxn myr mzn nad ngn nio nok npr nzd omr pab pen pgk
    php pkr pln pyg qar ron rsd rub rwf sar sbd scr sek sgd shp sle sos srd std szl thb tjs tnd top
    try ttd twd tzs uah ugx usd uyu uzs vnd vuv wst xaf xcd xof xpf yer zar zmw
'''.trim().split(/\s+/) as Set
// Stripe counts these in whole units (no cents) and these in thousandths; every other in hundredths.
def ZERO_DECIMAL = 'bif clp djf gnf jpy kmf krw mga pyg rwf ugx vnd vuv xaf xof xpf'.split(' ') as Set
def THREE_DECIMAL = 'bhd jod kwd omr tnd'.split(' ') as Set
// Stripe's largest amount for a payment, in minor units.
def MAX_AMOUNT = 99_999_999G

/** How many decimals a price may have: Stripe's count, never more than the currency has (ISK, MGA:
 *  whole units), and two for three-decimal currencies, whose last digit Stripe wants to be 0. */
def priceDecimals = { String code ->
    int stripe = ZERO_DECIMAL.contains(code) ? 0 : 2
    int iso = Currency.getInstance(code.toUpperCase(Locale.ROOT)).defaultFractionDigits
    Math.min(stripe, iso)
}
def apiDecimals = { String code -> ZERO_DECIMAL.contains(code) ? 0 : (THREE_DECIMAL.contains(code) ? 3 : 2) }

// Characters YAML can carry in a quoted string (YAML 1.1 "printable"), without line breaks or tabs.
// NEL (U+0085) and the line and paragraph separators (U+2028, U+2029) are printable but are line
// breaks to YAML 1.1: inside a quoted string it folds them into a space, so the name would change.
def isPrintable = { int c ->
    (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xD7FF && c != 0x2028 && c != 0x2029) ||
            (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF)
}

// Maven takes an empty -DitemName= as "not given" and quietly uses the default; an empty value
// that the user typed is a mistake to report, so read it from the command line first.
def given = { String key ->
    String typed = System.getProperty(key)
    typed != null && typed.trim().isEmpty() ? typed : props.getProperty(key)
}

def problems = []
def show = { String value -> value == null ? '(not set)' : "'" + value + "'" }

String variant = given('variant')
if (!(variant in ['single', 'multi', 'download'])) {
    problems << "variant ${show(variant)}: accepted are single, multi, download"
}

String itemName = given('itemName')
int nameLength = itemName == null ? 0 : itemName.codePointCount(0, itemName.length())
// Only spaces: any kind of them (no-break, ideographic...), not only what trim() removes.
boolean nameBlank = itemName != null && itemName.codePoints().allMatch { Character.isWhitespace(it) || Character.isSpaceChar(it) }
// The name as the message shows it: control characters and line breaks (\p{Cntrl} is ASCII only)
// as ?, so that they cannot break the message's lines or hide in them.
String shownName = itemName?.replaceAll(/[\p{Cc}\x{2028}\x{2029}]/, '?')
if (itemName == null || nameBlank || nameLength > 120) {
    problems << "itemName ${show(shownName)}: accepted is any text of 1 to 120 characters (not only spaces)"
}
else if (!itemName.codePoints().allMatch { isPrintable(it) }) {
    problems << "itemName ${show(shownName)}: accepted is text on one line, without tabs or control characters"
}

String currencyValue = given('currency')
String currency = currencyValue?.toLowerCase(Locale.ROOT)
boolean currencyOk = currency != null && STRIPE_CURRENCIES.contains(currency)
if (!currencyOk) {
    problems << "currency ${show(currencyValue)}: accepted is a 3-letter ISO 4217 code that Stripe supports, such as usd, eur, gbp or jpy"
}

String itemPrice = given('itemPrice')
if (itemPrice == null || !(itemPrice ==~ /[0-9]{1,12}(\.[0-9]+)?/)) {
    problems << "itemPrice ${show(itemPrice)}: accepted is a decimal number in major units, such as 12, 12.5 or 12.50"
}
else {
    BigDecimal price = new BigDecimal(itemPrice)
    if (price.signum() <= 0) {
        problems << "itemPrice ${show(itemPrice)}: accepted is a price greater than zero"
    }
    else if (currencyOk) {
        int decimals = priceDecimals(currency)
        if (price.scale() > decimals) {
            problems << "itemPrice ${show(itemPrice)}: ${currency} prices take " +
                    (decimals == 0 ? 'no decimals, such as 1250' : "at most ${decimals} decimals, such as 12.50")
        }
        else if (price.movePointRight(apiDecimals(currency)) > MAX_AMOUNT) {
            problems << "itemPrice ${show(itemPrice)}: Stripe takes at most ${MAX_AMOUNT.movePointLeft(apiDecimals(currency)).toPlainString()} ${currency} in one payment"
        }
    }
}

if (problems) {
    // Remove only what this archetype wrote, so nothing of the user's is lost if the folder existed.
    ['src', '.mvn', 'downloads', 'pom.xml', 'README.md', 'SECURITY.md', 'mvnw', 'mvnw.cmd', 'start-fast.sh', 'gitignore', '.gitignore', '.env.example'].each {
        def f = new File(projectDir, it)
        f.isDirectory() ? f.deleteDir() : f.delete()
    }
    if (projectDir.isDirectory() && projectDir.list().length == 0) {
        projectDir.delete()
    }
    throw new IllegalArgumentException("The store was not generated, because of these property values:\n  - " +
            problems.join('\n  - ') + '\nNothing was written. Fix the values and run the command again.')
}

/** Whether Spring reads the ${ just before index from as the start of a placeholder: only when a }
 *  closes it, each { after it needing a } of its own (Spring's PlaceholderParser). */
def placeholderCloses = { String text, int from ->
    int depth = 0
    for (int i = from; i < text.length(); i++) {
        char c = text.charAt(i)
        if (c == (char) '}') {
            if (depth == 0) return true
            depth--
        }
        else if (c == (char) '{') {
            depth++
        }
    }
    false
}

/** Spring would read ${...} inside a property value as a placeholder; \${ keeps it literal (Spring
 *  Framework 6.2+). But Spring drops that \ only before a ${ that a } closes: before any other ${ it
 *  keeps the \, so escaping every ${ would add a \ to a name such as 'Save $${'. */
def springLiteral = { String text ->
    def out = new StringBuilder()
    int from = 0
    for (int at = text.indexOf('${'); at >= 0; at = text.indexOf('${', at + 2)) {
        if (placeholderCloses(text, at + 2)) {
            out.append(text, from, at).append('\\')
            from = at
        }
    }
    out.append(text, from, text.length()).toString()
}

/** A YAML single-quoted string: only ' needs escaping (''), and nothing in it is a line break. */
def yamlQuoted = { String text -> "'" + springLiteral(text).replace("'", "''") + "'" }

def yml = new File(projectDir, 'src/main/resources/application.yml')
yml.setText(yml.getText('UTF-8')
        .replace('__ITEM_PRICE__', new BigDecimal(itemPrice).toPlainString())
        .replace('__ITEM_CURRENCY__', currency)
        // multi's example items: 25 and 40 in the store's currency, or 2500 and 4000 where it has no cents.
        .replace('__EXAMPLE_PRICE_1__', priceDecimals(currency) == 0 ? '2500' : '25')
        .replace('__EXAMPLE_PRICE_2__', priceDecimals(currency) == 0 ? '4000' : '40')
        // The name last: one holding __ITEM_PRICE__ or the like must keep it, not get the price.
        .replace('__ITEM_NAME__', yamlQuoted(itemName)), 'UTF-8')

Files.move(new File(projectDir, 'gitignore').toPath(), new File(projectDir, '.gitignore').toPath())
['mvnw', 'start-fast.sh'].each { new File(projectDir, it).setExecutable(true, false) }
