package dev.itemshop.archetype;

import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * What runs after Maven has written the project (META-INF/archetype-post-generate.groovy hands the
 * request over to this). Maven checks no property value in batch mode (-B) or when it comes with -D,
 * so this does: on any bad value it removes what was generated and fails with one message naming each
 * bad property, its value and what is accepted. On good values it writes the item into
 * application.yml, escaped, and finishes the files that the archetype cannot carry as they are
 * (.gitignore, .gitattributes, the executable bits of mvnw, start-fast.sh and upgrade.sh).
 *
 * <p>Plain Java, compiled into the archetype jar, because archetype:generate compiles the Groovy script
 * anew on every run: the whole of this as Groovy cost about a second more per generation than a
 * one-line script that loads this class. The archetype jar's class loader sees the JDK only, so this
 * uses nothing else, and reads the request (ArchetypeGenerationRequest) by reflection.
 */
public final class PostGenerate implements Consumer<Object> {

    /** Currencies Stripe accepts for payments (docs.stripe.com/currencies), in lower case as its API wants. */
    private static final Set<String> STRIPE_CURRENCIES = words(
            "aed afn all amd ang aoa ars aud awg azn bam bbd bdt bgn bhd bif bmd bnd bob brl bsd bwp byn bzd "
            + "cad cdf chf clp cny cop crc cve czk djf dkk dop dzd egp etb eur fjd fkp gbp gel gip gmd gnf gtq "
            + "gyd hkd hnl htg huf idr ils inr isk jmd jod jpy kes kgs khr kmf krw kwd kyd kzt lak lbp lkr lrd "
            + "lsl mad mdl mga mkd mmk mnt mop mur mvr mwk mxn myr mzn nad ngn nio nok npr nzd omr pab pen pgk "
            + "php pkr pln pyg qar ron rsd rub rwf sar sbd scr sek sgd shp sle sos srd std szl thb tjs tnd top "
            + "try ttd twd tzs uah ugx usd uyu uzs vnd vuv wst xaf xcd xof xpf yer zar zmw");
    /** Stripe counts these in whole units (no cents) and these in thousandths; every other in hundredths. */
    private static final Set<String> ZERO_DECIMAL = words("bif clp djf gnf jpy kmf krw mga pyg rwf ugx vnd vuv xaf xof xpf");
    private static final Set<String> THREE_DECIMAL = words("bhd jod kwd omr tnd");
    /** Stripe's largest amount for a payment, in minor units. */
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("99999999");

    private static final Pattern PRICE = Pattern.compile("[0-9]{1,12}(\\.[0-9]+)?");
    /** Control characters and line breaks (\p{Cntrl} is ASCII only). */
    static final Pattern CONTROL_OR_LINE_BREAK = Pattern.compile("[\\p{Cc}\\x{2028}\\x{2029}]");

    /** What archetype:generate writes at the top of the project: a refusal removes only these, so that
     *  nothing of the user's is lost if the folder existed. */
    private static final List<String> GENERATED = Arrays.asList("src", ".mvn", "downloads", "pom.xml", "README.md",
            "SECURITY.md", "archetype.properties", "mvnw", "mvnw.cmd", "start-fast.sh", "upgrade.sh", "upgrade.cmd",
            "gitignore", ".gitignore", "gitattributes", ".gitattributes", ".editorconfig", ".env.example", "Dockerfile",
            ".dockerignore", "compose.yaml", "deploy");

    /** The properties a user gives with -D: the archetype's own and Maven's. A -D name a small slip away
     *  from one of these (varient, itemprice, sharedstate, artifactID) is a typing mistake that Maven would
     *  silently ignore, generating a store with the default instead. */
    private static final List<String> KNOWN_PROPERTIES = Arrays.asList("itemName", "itemPrice", "currency", "variant",
            "sharedState", "features", "groupId", "artifactId", "version", "package");

    private static Set<String> words(String text) {
        return new HashSet<>(Arrays.asList(text.split(" ")));
    }

    /** The request is archetype:generate's ArchetypeGenerationRequest: its properties, output directory,
     *  artifactId and archetype version are all this reads of it. A bad value ends in an IllegalArgumentException whose
     *  message is the one the user sees. */
    @Override
    public void accept(Object request) {
        Properties properties = (Properties) get(request, "getProperties");
        File projectDir = new File((String) get(request, "getOutputDirectory"), (String) get(request, "getArtifactId"));
        check(properties, projectDir);
        finish(properties, (String) get(request, "getArchetypeVersion"), projectDir);
    }

    private static Object get(Object request, String getter) {
        try {
            return request.getClass().getMethod(getter).invoke(request);
        }
        catch (ReflectiveOperationException e) {
            throw new IllegalStateException("archetype:generate's request has no " + getter + "(): " + e, e);
        }
    }

    /** Every value at once, so that one message names all that are wrong. */
    private static void check(Properties properties, File projectDir) {
        List<String> problems = new ArrayList<>();
        problems.addAll(misspelled(System.getProperties().stringPropertyNames()));

        String variant = given(properties, "variant");
        if (!"single".equals(variant) && !"multi".equals(variant) && !"download".equals(variant)) {
            problems.add("variant " + show(variant) + ": accepted are single, multi, download");
        }

        String sharedState = given(properties, "sharedState");
        if (!"none".equals(sharedState) && !"redis".equals(sharedState)) {
            problems.add("sharedState " + show(sharedState) + ": accepted are none, redis");
        }

        problems.addAll(Features.problems(given(properties, "features"), variant));

        String itemName = given(properties, "itemName");
        // The name as the message shows it: control characters and line breaks as ?, so that they cannot
        // break the message's lines or hide in them.
        String shownName = itemName == null ? null : CONTROL_OR_LINE_BREAK.matcher(itemName).replaceAll("?");
        if (itemName == null || isBlank(itemName) || itemName.codePointCount(0, itemName.length()) > 120) {
            problems.add("itemName " + show(shownName) + ": accepted is any text of 1 to 120 characters (not only spaces)");
        }
        else if (!isPrintable(itemName)) {
            problems.add("itemName " + show(shownName) + ": accepted is text on one line, without tabs or control characters");
        }

        String currencyValue = given(properties, "currency");
        String currency = currencyValue == null ? null : currencyValue.toLowerCase(Locale.ROOT);
        boolean currencyOk = currency != null && STRIPE_CURRENCIES.contains(currency);
        if (!currencyOk) {
            problems.add("currency " + show(currencyValue) + ": accepted is a 3-letter ISO 4217 code that Stripe supports, such as usd, eur, gbp or jpy");
        }

        String itemPrice = given(properties, "itemPrice");
        if (itemPrice == null || !PRICE.matcher(itemPrice).matches()) {
            problems.add("itemPrice " + show(itemPrice) + ": accepted is a decimal number in major units, such as 12, 12.5 or 12.50");
        }
        else {
            BigDecimal price = new BigDecimal(itemPrice);
            if (price.signum() <= 0) {
                problems.add("itemPrice " + show(itemPrice) + ": accepted is a price greater than zero");
            }
            else if (currencyOk) {
                int decimals = priceDecimals(currency);
                if (price.scale() > decimals) {
                    problems.add("itemPrice " + show(itemPrice) + ": " + currency + " prices take "
                            + (decimals == 0 ? "no decimals, such as 1250" : "at most " + decimals + " decimals, such as 12.50"));
                }
                else if (price.movePointRight(apiDecimals(currency)).compareTo(MAX_AMOUNT) > 0) {
                    problems.add("itemPrice " + show(itemPrice) + ": Stripe takes at most "
                            + MAX_AMOUNT.movePointLeft(apiDecimals(currency)).toPlainString() + " " + currency + " in one payment");
                }
            }
        }

        if (!problems.isEmpty()) {
            for (String name : GENERATED) {
                File file = new File(projectDir, name);
                if (file.isDirectory()) {
                    deleteDir(file);
                }
                else {
                    file.delete();
                }
            }
            if (projectDir.isDirectory() && projectDir.list().length == 0) {
                projectDir.delete();
            }
            throw new IllegalArgumentException("The store was not generated, because of these property values:\n  - "
                    + String.join("\n  - ", problems) + "\nNothing was written. Fix the values and run the command again.");
        }
    }

    /** Maven hands every -D to the JVM as a system property, so a misspelled one is among them: each name
     *  that is not a known property but within two edits of one (ignoring case), with the one it meant. */
    static List<String> misspelled(Set<String> names) {
        List<String> problems = new ArrayList<>();
        for (String name : new TreeSet<>(names)) {
            if (KNOWN_PROPERTIES.contains(name)) {
                continue;
            }
            for (String known : KNOWN_PROPERTIES) {
                if (editDistance(name.toLowerCase(Locale.ROOT), known.toLowerCase(Locale.ROOT)) <= 2) {
                    problems.add(name + " " + show(System.getProperty(name)) + ": this archetype has no property " + name
                            + "; did you mean " + known + "?");
                    break;
                }
            }
        }
        return problems;
    }

    /** How many letters to insert, delete, change or swap with the next one to turn a into b (optimal
     *  string alignment distance). */
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** The item into application.yml, the archetype's version into archetype.properties (Velocity has it
     *  in archetype:generate but not in archetype:integration-test), .gitignore and .gitattributes under
     *  their names, the scripts executable. */
    private static void finish(Properties properties, String archetypeVersion, File projectDir) {
        String itemPrice = given(properties, "itemPrice");
        String currency = given(properties, "currency").toLowerCase(Locale.ROOT);
        Path yml = new File(projectDir, "src/main/resources/application.yml").toPath();
        try {
            String text = new String(Files.readAllBytes(yml), StandardCharsets.UTF_8)
                    .replace("__ITEM_PRICE__", new BigDecimal(itemPrice).toPlainString())
                    .replace("__ITEM_CURRENCY__", currency)
                    // multi's example items: 25 and 40 in the store's currency, or 2500 and 4000 where it has no cents.
                    .replace("__EXAMPLE_PRICE_1__", priceDecimals(currency) == 0 ? "2500" : "25")
                    .replace("__EXAMPLE_PRICE_2__", priceDecimals(currency) == 0 ? "4000" : "40")
                    // The name last: one holding __ITEM_PRICE__ or the like must keep it, not get the price.
                    .replace("__ITEM_NAME__", yamlQuoted(given(properties, "itemName")));
            Files.write(yml, text.getBytes(StandardCharsets.UTF_8));

            Path record = new File(projectDir, "archetype.properties").toPath();
            String recorded = new String(Files.readAllBytes(record), StandardCharsets.UTF_8)
                    .replace("__ARCHETYPE_VERSION__", archetypeVersion);
            Files.write(record, recorded.getBytes(StandardCharsets.UTF_8));

            Files.move(new File(projectDir, "gitignore").toPath(), new File(projectDir, ".gitignore").toPath());
            Files.move(new File(projectDir, "gitattributes").toPath(), new File(projectDir, ".gitattributes").toPath());
        }
        catch (IOException e) {
            throw new IllegalStateException("Could not finish the store in " + projectDir + ": " + e, e);
        }
        new File(projectDir, "mvnw").setExecutable(true, false);
        new File(projectDir, "start-fast.sh").setExecutable(true, false);
        new File(projectDir, "upgrade.sh").setExecutable(true, false);
        new File(projectDir, "deploy/image/base-image.sh").setExecutable(true, false);
    }

    /** Maven takes an empty -DitemName= as "not given" and quietly uses the default; an empty value that
     *  the user typed is a mistake to report, so read it from the command line first. */
    private static String given(Properties properties, String key) {
        String typed = System.getProperty(key);
        return typed != null && typed.trim().isEmpty() ? typed : properties.getProperty(key);
    }

    private static String show(String value) {
        return value == null ? "(not set)" : "'" + value + "'";
    }

    /** Empty, or only spaces: any kind of them (no-break, ideographic...), not only what trim() removes. */
    private static boolean isBlank(String text) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    /** Whether YAML can carry every character in a quoted string (YAML 1.1 "printable"), without line
     *  breaks or tabs. NEL (U+0085) and the line and paragraph separators (U+2028, U+2029) are printable
     *  but are line breaks to YAML 1.1: inside a quoted string it folds them into a space, so the name
     *  would change. An unpaired surrogate is no character at all, and fails here too. */
    private static boolean isPrintable(String text) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            boolean printable = (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xD7FF && c != 0x2028 && c != 0x2029)
                    || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
            if (!printable) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    /** How many decimals a price may have: Stripe's count, never more than the currency has (ISK, MGA:
     *  whole units), and two for three-decimal currencies, whose last digit Stripe wants to be 0. */
    private static int priceDecimals(String code) {
        int stripe = ZERO_DECIMAL.contains(code) ? 0 : 2;
        int iso = Currency.getInstance(code.toUpperCase(Locale.ROOT)).getDefaultFractionDigits();
        return Math.min(stripe, iso);
    }

    private static int apiDecimals(String code) {
        return ZERO_DECIMAL.contains(code) ? 0 : (THREE_DECIMAL.contains(code) ? 3 : 2);
    }

    /** A YAML single-quoted string: only ' needs escaping (''), and nothing in it is a line break. */
    private static String yamlQuoted(String text) {
        return "'" + springLiteral(text).replace("'", "''") + "'";
    }

    /** Spring would read ${...} inside a property value as a placeholder; \${ keeps it literal (Spring
     *  Framework 6.2+). But Spring drops that \ only before a ${ that a } closes: before any other ${ it
     *  keeps the \, so escaping every ${ would add a \ to a name such as 'Save $${'. */
    private static String springLiteral(String text) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (int at = text.indexOf("${"); at >= 0; at = text.indexOf("${", at + 2)) {
            if (placeholderCloses(text, at + 2)) {
                out.append(text, from, at).append('\\');
                from = at;
            }
        }
        return out.append(text, from, text.length()).toString();
    }

    /** Whether Spring reads the ${ just before index from as the start of a placeholder: only when a }
     *  closes it, each { after it needing a } of its own (Spring's PlaceholderParser). */
    private static boolean placeholderCloses(String text, int from) {
        int depth = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '}') {
                if (depth == 0) {
                    return true;
                }
                depth--;
            }
            else if (c == '{') {
                depth++;
            }
        }
        return false;
    }

    /** A folder and all in it, as Groovy's File.deleteDir() removes it. */
    private static void deleteDir(File dir) {
        File[] files = dir.listFiles();
        if (files == null) {
            return;
        }
        for (File file : files) {
            if (file.isDirectory()) {
                deleteDir(file);
            }
            else {
                file.delete();
            }
        }
        dir.delete();
    }
}
