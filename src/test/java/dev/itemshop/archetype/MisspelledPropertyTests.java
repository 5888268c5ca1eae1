package dev.itemshop.archetype;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A -D name a slip away from a property is refused with the one meant (src/it/projects/variant-misspelled
 * and item-price-lower-case run it through archetype:generate); the JVM's own properties, which share the
 * system properties with the user's -D, are never taken for one.
 */
class MisspelledPropertyTests {

    @Test
    void aSlipOfTheKeyboardNamesThePropertyMeant() {
        Set<String> typed = new HashSet<>(Arrays.asList("varient", "vairant", "sharedstate", "item-price", "groupid",
                "artifact_id", "versoin", "pakage", "curency"));
        assertThat(PostGenerate.misspelled(typed))
            .extracting(problem -> problem.substring(problem.lastIndexOf(' ') + 1))
            .containsExactly("artifactId?", "currency?", "groupId?", "itemPrice?", "package?", "sharedState?",
                    "variant?", "variant?", "version?");
    }

    @Test
    void theJvmsOwnPropertiesAndOtherNamesPass() {
        Set<String> names = new HashSet<>(System.getProperties().stringPropertyNames());
        names.addAll(Arrays.asList("variant", "itemName", "archetypeVersion", "archetypeArtifactId", "interactiveMode",
                "askForDefaultPropertyValues", "maven.repo.local", "outputDirectory", "user.variant", "basedir"));
        assertThat(PostGenerate.misspelled(names)).isEmpty();
    }

}
