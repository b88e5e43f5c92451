package io.plantd.drivers.profile;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantd.drivers.yaml.ConfigError;
import io.plantd.drivers.yaml.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Random corruptions of shipped profiles never crash the loader; errors always point inside the file. */
class ProfileFuzzTest {
    private static final List<String> PROFILES = List.of("generic-hybrid-chiller", "sunspec-203-meter",
            "siemens-pac3200", "generic-grid-gateway");
    private static Path dir;
    private static List<List<String>> originals;

    @BeforeContainer
    static void setUp() throws IOException {
        Path root = Path.of(System.getProperty("plantd.root")).resolve("config/profiles");
        originals = new ArrayList<>();
        for (String name : PROFILES) {
            originals.add(Files.readAllLines(root.resolve(name + ".yaml")));
        }
        dir = Files.createTempDirectory("plantd-profile-fuzz");
    }

    @AfterContainer
    static void tearDown() throws IOException {
        for (String name : PROFILES) {
            Files.deleteIfExists(dir.resolve(name + ".yaml"));
        }
        Files.deleteIfExists(dir);
    }

    record Edit(int line, int kind, String token) {
    }

    @Provide
    Arbitrary<List<Edit>> edits() {
        Arbitrary<String> tokens = Arbitraries.of("-1", "0", "70000", "abc", "", "~", "[]", "{}", "true", "float32",
                "coil", "CDAB", "16", "w_sf", "0x8000", "{ name: x }", "- a", "#");
        Arbitrary<Edit> edit = Combinators.combine(Arbitraries.integers().between(0, 200),
                Arbitraries.integers().between(0, 4), tokens).as(Edit::new);
        return edit.list().ofMinSize(1).ofMaxSize(4);
    }

    @Property(tries = 150)
    void corruptedProfilesAreRefusedWithPositionsNeverACrash(@ForAll("edits") List<Edit> edits,
            @ForAll("profileIndex") int which) throws IOException {
        List<String> lines = new ArrayList<>(originals.get(which));
        for (Edit e : edits) {
            int i = e.line() % lines.size();
            String line = lines.get(i);
            int colon = line.lastIndexOf(": ");
            switch (e.kind()) {
                case 0 -> lines.set(i, colon < 0 ? e.token() : line.substring(0, colon + 2) + e.token()
                        + (line.endsWith("}") ? " }" : ""));
                case 1 -> lines.set(i, line.substring(0, line.length() / 2));
                case 2 -> lines.add(i, line);
                case 3 -> lines.set(i, line.replaceFirst("\\d+", e.token()));
                default -> lines.remove(i);
            }
            if (lines.isEmpty()) {
                lines.add(e.token());
            }
        }
        Path file = dir.resolve(PROFILES.get(which) + ".yaml");
        Files.writeString(file, String.join("\n", lines) + "\n");
        try {
            assertThat(ProfileLoader.load(file).points()).isNotEmpty();
        } catch (ConfigException e) {
            assertThat(e.errors()).isNotEmpty();
            for (ConfigError error : e.errors()) {
                assertThat(error.line()).isBetween(1, lines.size() + 1);
                assertThat(error.column()).isPositive();
            }
        }
    }

    @Provide
    Arbitrary<Integer> profileIndex() {
        return Arbitraries.integers().between(0, PROFILES.size() - 1);
    }
}
