package dev.itemshop.archetype;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The archetype property {@code features}: a comma-separated list of feature names (spaces around a
 * name allowed), or {@code all} (every feature of the variant), or {@code none}. The features and their
 * rules are listed here and nowhere else in Java: a new feature is one more line in {@link #FEATURES}.
 * archetype-metadata.xml holds the default per variant as a Velocity expression (FeaturesTests checks
 * it against {@link #defaultFor}), and its includeConditions ask whether a feature is chosen.
 *
 * <p>Plain Java 8 and the JDK only, like {@link PostGenerate}, which runs it in archetype:generate.
 */
public final class Features {

    /** One feature: its name, whether only a download store has it, and the feature it needs (or null). */
    static final class Feature {
        final String name;
        final boolean downloadOnly;
        final String needs;

        Feature(String name, boolean downloadOnly, String needs) {
            this.name = name;
            this.downloadOnly = downloadOnly;
            this.needs = needs;
        }

        boolean fits(String variant) {
            return !downloadOnly || "download".equals(variant);
        }
    }

    /** Every feature, in the order messages list them and {@link #chosen} returns them. */
    static final List<Feature> FEATURES = Collections.unmodifiableList(Arrays.asList(
            new Feature("mail", false, null),
            new Feature("lost-link", true, "mail"),
            new Feature("licence-keys", true, null),
            // The EU withdrawal confirmation must reach the buyer on a durable medium: the e-mail.
            new Feature("withdrawal-waiver", true, "mail"),
            new Feature("download-limit", true, null),
            new Feature("orders", false, null)));

    /** What a store of each variant gets when the user names no features. */
    private static final List<String> DOWNLOAD_DEFAULT = Arrays.asList("mail", "lost-link");
    private static final List<String> OTHER_DEFAULT = Collections.singletonList("mail");

    private static final String ALL = "all";
    private static final String NONE = "none";

    private Features() {
    }

    /** The names of the features chosen by the property value for a store of the variant, in the order of
     *  {@link #FEATURES}: {@code all} gives every feature of the variant, {@code none} an empty list. The
     *  value must be one that {@link #problems} accepts: any other is an IllegalArgumentException. */
    public static List<String> chosen(String features, String variant) {
        List<String> problems = problems(features, variant);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        List<String> names = names(features);
        List<String> chosen = new ArrayList<>();
        for (Feature feature : FEATURES) {
            if (names.equals(Collections.singletonList(ALL)) ? feature.fits(variant) : names.contains(feature.name)) {
                chosen.add(feature.name);
            }
        }
        return Collections.unmodifiableList(chosen);
    }

    /** The features a store of the variant gets by default, as the property's value. */
    public static String defaultFor(String variant) {
        return String.join(",", "download".equals(variant) ? DOWNLOAD_DEFAULT : OTHER_DEFAULT);
    }

    /** What is wrong with the property value for the variant, one line each, none if it is good. An unknown
     *  variant is PostGenerate's to report: then only the names are checked. */
    static List<String> problems(String features, String variant) {
        List<String> problems = new ArrayList<>();
        String prefix = "features " + show(features) + ": ";
        if (features == null || features.replace(" ", "").isEmpty()) {
            problems.add(prefix + "accepted is a comma-separated list of features, or all, or none. " + known());
            return problems;
        }
        List<String> names = names(features);
        boolean knownVariant = "single".equals(variant) || "multi".equals(variant) || "download".equals(variant);
        Set<String> named = new LinkedHashSet<>();
        boolean allGood = true;
        for (String name : names) {
            if (name.isEmpty()) {
                problems.add(prefix + "a name is missing between two commas or at an end");
                allGood = false;
            }
            else if (ALL.equals(name) || NONE.equals(name)) {
                if (names.size() > 1) {
                    problems.add(prefix + name + " stands alone, meaning "
                            + (ALL.equals(name) ? "every feature of the variant" : "no feature") + "; or list the features. " + known());
                    allGood = false;
                }
            }
            else if (feature(name) == null) {
                String nearest = nearest(name);
                problems.add(prefix + "there is no feature " + shown(name) + ";"
                        + (nearest == null ? "" : " did you mean " + nearest + "?") + " " + known());
                allGood = false;
            }
            else if (knownVariant && !feature(name).fits(variant)) {
                problems.add(prefix + name + " is for variant=download only; a " + variant + " store takes "
                        + String.join(", ", namesFitting(variant)) + ", all or none");
                allGood = false;
            }
            else {
                named.add(name);
            }
        }
        if (allGood && knownVariant) {
            // What the user named and all it needs, in the order of FEATURES: the value that would do.
            Set<String> needed = new LinkedHashSet<>(named);
            for (String name : named) {
                if (feature(name).needs != null) {
                    needed.add(feature(name).needs);
                }
            }
            List<String> fixed = new ArrayList<>();
            for (Feature feature : FEATURES) {
                if (needed.contains(feature.name)) {
                    fixed.add(feature.name);
                }
            }
            for (String name : named) {
                String needs = feature(name).needs;
                if (needs != null && !named.contains(needs)) {
                    problems.add(prefix + name + " needs " + needs + ": features=" + String.join(",", fixed));
                }
            }
        }
        return problems;
    }

    /** The names in the value, each without the spaces around it: only spaces, as the includeConditions
     *  in archetype-metadata.xml remove only spaces ($features.replace(' ', '')). */
    private static List<String> names(String features) {
        List<String> names = new ArrayList<>();
        for (String name : features.split(",", -1)) {
            names.add(stripSpaces(name));
        }
        return names;
    }

    private static String stripSpaces(String text) {
        int from = 0;
        int to = text.length();
        while (from < to && text.charAt(from) == ' ') {
            from++;
        }
        while (to > from && text.charAt(to - 1) == ' ') {
            to--;
        }
        return text.substring(from, to);
    }

    private static Feature feature(String name) {
        for (Feature feature : FEATURES) {
            if (feature.name.equals(name)) {
                return feature;
            }
        }
        return null;
    }

    private static List<String> namesFitting(String variant) {
        List<String> names = new ArrayList<>();
        for (Feature feature : FEATURES) {
            if (feature.fits(variant)) {
                names.add(feature.name);
            }
        }
        return names;
    }

    private static String known() {
        List<String> names = new ArrayList<>();
        for (Feature feature : FEATURES) {
            names.add(feature.name);
        }
        return "The features are: " + String.join(", ", names);
    }

    /** The feature name, all or none nearest to a name that is none of them: one within three typing
     *  slips (ignoring case), or one that holds the name or is held in it (waiver, licence, limit); null if
     *  none is near. */
    static String nearest(String name) {
        String typed = name.toLowerCase(Locale.ROOT);
        List<String> candidates = new ArrayList<>();
        for (Feature feature : FEATURES) {
            candidates.add(feature.name);
        }
        candidates.add(ALL);
        candidates.add(NONE);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = PostGenerate.editDistance(typed, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        if (bestDistance <= Math.min(3, Math.max(1, typed.length() - 1))) {
            return best;
        }
        if (typed.length() >= 4) {
            for (String candidate : candidates) {
                if (candidate.contains(typed) || typed.contains(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    private static String show(String value) {
        return value == null ? "(not set)" : "'" + PostGenerate.CONTROL_OR_LINE_BREAK.matcher(value).replaceAll("?") + "'";
    }

    private static String shown(String name) {
        return PostGenerate.CONTROL_OR_LINE_BREAK.matcher(name).replaceAll("?");
    }
}
