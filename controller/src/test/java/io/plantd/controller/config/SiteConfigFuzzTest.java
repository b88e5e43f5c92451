package io.plantd.controller.config;

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

/**
 * Random corruptions of the shipped example never crash the loader: it either accepts the file
 * or refuses it with errors that point inside the file.
 */
class SiteConfigFuzzTest {
    private static Path dir;
    private static List<String> example;

    @BeforeContainer
    static void setUp() throws IOException {
        Path root = Path.of(System.getProperty("plantd.root"));
        example = Files.readAllLines(root.resolve("config/sites/example-10mw.yaml"));
        dir = Files.createTempDirectory("plantd-fuzz");
        example = new ArrayList<>(example);
        example.add("profilesDir: " + root.resolve("config/profiles"));
    }

    @AfterContainer
    static void tearDown() throws IOException {
        Files.deleteIfExists(dir.resolve("site.yaml"));
        Files.deleteIfExists(dir);
    }

    record Edit(int line, int kind, String token) {
    }

    @Provide
    Arbitrary<List<Edit>> edits() {
        Arbitrary<String> tokens = Arbitraries.of("-1", "0", "1e309", "abc", "", "~", "[]", "{}", "'x'", "true",
                "- a", ": :", "\"${X}\"", "&a", "*a", "65536", "0x10", "-", "#", "\t");
        Arbitrary<Edit> edit = Combinators.combine(Arbitraries.integers().between(0, example.size() - 2),
                Arbitraries.integers().between(0, 3), tokens).as(Edit::new);
        return edit.list().ofMinSize(1).ofMaxSize(4);
    }

    @Property(tries = 150)
    void corruptedConfigsAreRefusedWithPositionsNeverACrash(@ForAll("edits") List<Edit> edits) throws IOException {
        List<String> lines = new ArrayList<>(example);
        for (Edit e : edits) {
            int i = Math.min(e.line(), lines.size() - 1);
            String line = lines.get(i);
            int colon = line.indexOf(": ");
            switch (e.kind()) {
                case 0 -> lines.set(i, colon < 0 ? e.token() : line.substring(0, colon + 2) + e.token());
                case 1 -> lines.set(i, line.isEmpty() ? e.token() : line.substring(0, line.length() / 2));
                case 2 -> lines.add(i, line);
                default -> lines.remove(i);
            }
        }
        Path file = dir.resolve("site.yaml");
        Files.writeString(file, String.join("\n", lines) + "\n");
        try {
            SiteConfig config = SiteConfigLoader.load(file, name -> null);
            assertThat(config.chillers()).isNotEmpty();
        } catch (ConfigException e) {
            assertThat(e.errors()).isNotEmpty();
            for (ConfigError error : e.errors()) {
                assertThat(error.line()).isBetween(1, lines.size() + 1);
                assertThat(error.column()).isPositive();
                assertThat(error.reason()).isNotBlank();
            }
        }
    }
}
