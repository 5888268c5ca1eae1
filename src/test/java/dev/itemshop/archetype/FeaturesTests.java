package dev.itemshop.archetype;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The property {@code features}: its names, its rules and its default per variant (src/it/projects/features-*
 * run the refusals through archetype:generate), and the Velocity that archetype-metadata.xml asks it with.
 */
class FeaturesTests {

    private static final String KNOWN = "The features are: mail, lost-link, licence-keys, withdrawal-waiver, download-limit, orders";

    /** Whether a feature is chosen, as archetype-metadata.xml's includeConditions and the filtered files
     *  ask it: `all`, `none`, spaces around the names and a list. */
    private static String chosenCondition(String feature) {
        return "#if($features.replace(' ', '') == 'all' || $features.replace(' ', '').split(',').contains('" + feature + "'))true#end";
    }

    /** The same for a download-only feature: `all` in a single or multi store does not choose it. */
    private static String chosenInDownloadCondition(String feature) {
        return "#if($variant == 'download' && ($features.replace(' ', '') == 'all' || $features.replace(' ', '').split(',').contains('"
                + feature + "')))true#end";
    }

    @Test
    void aListAllAndNoneChooseTheVariantsFeatures() {
        assertThat(Features.chosen("mail,lost-link", "download")).containsExactly("mail", "lost-link");
        assertThat(Features.chosen(" withdrawal-waiver , mail,licence-keys ", "download"))
            .containsExactly("mail", "licence-keys", "withdrawal-waiver");
        assertThat(Features.chosen("mail,mail", "single")).containsExactly("mail");
        assertThat(Features.chosen("all", "download"))
            .containsExactly("mail", "lost-link", "licence-keys", "withdrawal-waiver", "download-limit", "orders");
        assertThat(Features.chosen(" all ", "single")).containsExactly("mail", "orders");
        assertThat(Features.chosen("all", "multi")).containsExactly("mail", "orders");
        assertThat(Features.chosen("orders", "single")).containsExactly("orders");
        assertThat(Features.chosen("orders, mail", "multi")).containsExactly("mail", "orders");
        assertThat(Features.chosen("none", "download")).isEmpty();
        assertThat(Features.chosen("none", "multi")).isEmpty();
        assertThat(Features.chosen("licence-keys,download-limit", "download")).containsExactly("licence-keys", "download-limit");
    }

    @Test
    void eachVariantsDefaultIsAcceptedAndDocumented() {
        assertThat(Features.defaultFor("download")).isEqualTo("mail,lost-link");
        assertThat(Features.defaultFor("single")).isEqualTo("mail");
        assertThat(Features.defaultFor("multi")).isEqualTo("mail");
        for (String variant : List.of("single", "multi", "download")) {
            assertThat(Features.problems(Features.defaultFor(variant), variant)).isEmpty();
        }
    }

    @Test
    void aGoodValueHasNoProblems() {
        for (String value : List.of("mail", "none", "all", " all", "mail, lost-link", "mail ,withdrawal-waiver",
                "download-limit", "orders", "mail,orders", "licence-keys,download-limit,mail,withdrawal-waiver,lost-link,orders")) {
            assertThat(Features.problems(value, "download")).as(value).isEmpty();
        }
    }

    @Test
    void anUnknownNameIsRefusedNamingTheNearest() {
        assertThat(Features.problems("mail,licence-key", "download")).containsExactly(
                "features 'mail,licence-key': there is no feature licence-key; did you mean licence-keys? " + KNOWN);
        assertThat(Features.problems("email", "single")).containsExactly(
                "features 'email': there is no feature email; did you mean mail? " + KNOWN);
        assertThat(Features.problems("Mail", "single")).containsExactly(
                "features 'Mail': there is no feature Mail; did you mean mail? " + KNOWN);
        assertThat(Features.problems("nnoe", "single")).containsExactly(
                "features 'nnoe': there is no feature nnoe; did you mean none? " + KNOWN);
        assertThat(Features.problems("foo", "single")).containsExactly(
                "features 'foo': there is no feature foo; " + KNOWN);
        assertThat(Features.nearest("lostlink")).isEqualTo("lost-link");
        assertThat(Features.nearest("waiver")).isEqualTo("withdrawal-waiver");
        assertThat(Features.nearest("licence")).isEqualTo("licence-keys");
        assertThat(Features.nearest("license-keys")).isEqualTo("licence-keys");
        assertThat(Features.nearest("download-limits")).isEqualTo("download-limit");
        assertThat(Features.nearest("order")).isEqualTo("orders");
        assertThat(Features.nearest("al")).isEqualTo("all");
        assertThat(Features.nearest("x")).isNull();
    }

    @Test
    void eachUnknownNameIsReported() {
        assertThat(Features.problems("mial, lost-lnk", "download")).containsExactly(
                "features 'mial, lost-lnk': there is no feature mial; did you mean mail? " + KNOWN,
                "features 'mial, lost-lnk': there is no feature lost-lnk; did you mean lost-link? " + KNOWN);
    }

    @Test
    void allAndNoneStandAlone() {
        assertThat(Features.problems("all,mail", "download")).containsExactly(
                "features 'all,mail': all stands alone, meaning every feature of the variant; or list the features. " + KNOWN);
        assertThat(Features.problems("mail, none", "single")).containsExactly(
                "features 'mail, none': none stands alone, meaning no feature; or list the features. " + KNOWN);
    }

    @Test
    void anEmptyValueOrNameIsRefused() {
        assertThat(Features.problems("", "single")).containsExactly(
                "features '': accepted is a comma-separated list of features, or all, or none. " + KNOWN);
        assertThat(Features.problems("  ", "single")).hasSize(1);
        assertThat(Features.problems(null, "single")).containsExactly(
                "features (not set): accepted is a comma-separated list of features, or all, or none. " + KNOWN);
        assertThat(Features.problems("mail,", "single")).containsExactly(
                "features 'mail,': a name is missing between two commas or at an end");
        assertThat(Features.problems("mail,,lost-link", "download")).containsExactly(
                "features 'mail,,lost-link': a name is missing between two commas or at an end");
    }

    @Test
    void onlySpacesMaySurroundAName() {
        // The includeConditions remove spaces only: a tab would leave a name no condition matches.
        assertThat(Features.problems("mail,\tlost-link", "download")).containsExactly(
                "features 'mail,?lost-link': there is no feature ?lost-link; did you mean lost-link? " + KNOWN);
    }

    @Test
    void aDownloadFeatureIsRefusedInASingleOrMultiStore() {
        assertThat(Features.problems("mail,lost-link", "single")).containsExactly(
                "features 'mail,lost-link': lost-link is for variant=download only; a single store takes mail, orders, all or none");
        for (String feature : List.of("lost-link", "licence-keys", "withdrawal-waiver", "download-limit")) {
            assertThat(Features.problems(feature, "multi")).containsExactly("features '" + feature + "': " + feature
                    + " is for variant=download only; a multi store takes mail, orders, all or none");
        }
    }

    @Test
    void aFeatureWithoutTheOneItNeedsIsRefusedSayingWhatToAdd() {
        assertThat(Features.problems("lost-link", "download")).containsExactly(
                "features 'lost-link': lost-link needs mail: features=mail,lost-link");
        assertThat(Features.problems("withdrawal-waiver, licence-keys", "download")).containsExactly(
                "features 'withdrawal-waiver, licence-keys': withdrawal-waiver needs mail: features=mail,licence-keys,withdrawal-waiver");
        assertThat(Features.problems("lost-link,withdrawal-waiver", "download")).containsExactly(
                "features 'lost-link,withdrawal-waiver': lost-link needs mail: features=mail,lost-link,withdrawal-waiver",
                "features 'lost-link,withdrawal-waiver': withdrawal-waiver needs mail: features=mail,lost-link,withdrawal-waiver");
    }

    @Test
    void anUnknownVariantLeavesOnlyTheNamesToCheck() {
        assertThat(Features.problems("lost-link", "foo")).isEmpty();
        assertThat(Features.problems("lost-lnk", "foo")).containsExactly(
                "features 'lost-lnk': there is no feature lost-lnk; did you mean lost-link? " + KNOWN);
    }

    @Test
    void chosenRefusesABadValue() {
        assertThatIllegalArgumentException().isThrownBy(() -> Features.chosen("lost-link", "single"))
            .withMessageContaining("lost-link is for variant=download only");
        assertThatIllegalArgumentException().isThrownBy(() -> Features.chosen("lost-link", "download"))
            .withMessageContaining("lost-link needs mail");
    }

    @Test
    void aMisspelledFeaturesPropertyIsNamed() {
        assertThat(PostGenerate.misspelled(java.util.Set.of("feature", "Features", "featrues")))
            .extracting(problem -> problem.substring(problem.lastIndexOf(' ') + 1))
            .containsExactly("features?", "features?", "features?");
        assertThat(PostGenerate.misspelled(java.util.Set.of("features"))).isEmpty();
    }

    /** archetype:generate evaluates a default holding ${ with Velocity and the properties before it. */
    @Test
    void theDescriptorsDefaultIsEachVariantsDefault() throws Exception {
        String defaultValue = descriptorDefault("features");
        assertThat(defaultValue).contains("${");
        VelocityEngine velocity = velocity();
        for (String variant : List.of("single", "multi", "download")) {
            VelocityContext context = new VelocityContext();
            context.put("variant", variant);
            StringWriter out = new StringWriter();
            velocity.evaluate(context, out, "features", defaultValue);
            assertThat(out.toString()).as(variant).isEqualTo(Features.defaultFor(variant));
        }
    }

    /** The Velocity conditions agree with Features.chosen for every feature, variant and value form. */
    @Test
    void theVelocityConditionsAgreeWithChosen() {
        VelocityEngine velocity = velocity();
        List<String> values = List.of("all", " all ", "none", "mail", "mail,lost-link", "mail, lost-link", " mail , licence-keys ",
                "licence-keys,download-limit", "mail,withdrawal-waiver", "orders", "mail, orders", "mail,lost-link,licence-keys,withdrawal-waiver,download-limit,orders");
        for (String variant : List.of("single", "multi", "download")) {
            for (String value : values) {
                if (!Features.problems(value, variant).isEmpty()) {
                    continue;
                }
                List<String> chosen = Features.chosen(value, variant);
                for (Features.Feature feature : Features.FEATURES) {
                    String condition = feature.downloadOnly ? chosenInDownloadCondition(feature.name) : chosenCondition(feature.name);
                    VelocityContext context = new VelocityContext();
                    context.put("variant", variant);
                    context.put("features", value);
                    StringWriter out = new StringWriter();
                    velocity.evaluate(context, out, "includeCondition", condition);
                    assertThat(out.toString()).as("%s in %s with features='%s'", feature.name, variant, value)
                        .isEqualTo(chosen.contains(feature.name) ? "true" : "");
                }
            }
        }
    }

    private static String descriptorDefault(String key) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var document = factory.newDocumentBuilder()
            .parse(Path.of("src/main/resources/META-INF/maven/archetype-metadata.xml").toFile());
        NodeList properties = document.getElementsByTagNameNS("*", "requiredProperty");
        for (int i = 0; i < properties.getLength(); i++) {
            Element property = (Element) properties.item(i);
            if (key.equals(property.getAttribute("key"))) {
                return property.getElementsByTagNameNS("*", "defaultValue").item(0).getTextContent();
            }
        }
        throw new AssertionError("no requiredProperty " + key);
    }

    /** Velocity as archetype-common 3.4.1's VelocityConfigurator sets it up (as ItemNameRoundTripTests). */
    private static VelocityEngine velocity() {
        Properties settings = new Properties();
        settings.setProperty("runtime.log.log_invalid_references", "false");
        settings.setProperty("velocimacro.inline.replace_global", "true");
        settings.setProperty("introspector.conversion_handler.class", "none");
        settings.setProperty("parser.space_gobbling", "bc");
        settings.setProperty("directive.if.empty_check", "false");
        settings.setProperty("parser.allow_hyphen_in_identifiers", "true");
        settings.setProperty("velocimacro.enable_bc_mode", "true");
        VelocityEngine velocity = new VelocityEngine(settings);
        velocity.init();
        return velocity;
    }
}
