package kb.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kb.corpus.CorpusReader;
import kb.index.Indexer;
import kb.search.CorpusExamples;
import kb.search.LuceneSearchEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The search tips are drawn from the corpus being served: two corpora, two sets of examples, none from the seed. */
class CorpusTipsTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static final String GARDEN = """
            ---
            title: Growing Tomatoes
            ---
            ## Watering tomatoes

            Tomatoes need watering every morning. Tomatoes grow fast in sunlight.

            ## Feeding plants

            Compost feeds tomatoes and peppers. Tomatoes like compost and sunlight.

            Peppers need sunlight and compost too.
            """;
    private static final String ASTRONOMY = """
            ---
            title: Watching Comets
            ---
            ## Telescopes for comets

            Comets glow near perihelion. Telescopes show comets clearly.

            ## Orbits of comets

            Comets follow elliptical orbits. Telescopes track comets and asteroids.

            Asteroids cross orbits too.
            """;

    private static Path index(Path dir, String name, String markdown) throws IOException {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Files.writeString(corpus.resolve(name), markdown);
        Path index = dir.resolve("index");
        new Indexer(new CorpusReader()).rebuild(corpus, index);
        return index;
    }

    private static String get(WebApp app, String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .build(), HttpResponse.BodyHandlers.ofString());
        return r.body();
    }

    private static String tips(String page) {
        int start = page.indexOf("Search tips");
        assertTrue(start >= 0, page);
        return page.substring(start, page.indexOf("</section>", start));
    }

    @Test
    void examplesComeFromTheIndexBeingServed(@TempDir Path dir) throws Exception {
        try (LuceneSearchEngine garden = LuceneSearchEngine.open(index(dir.resolve("g"), "tomatoes.md", GARDEN));
                LuceneSearchEngine sky = LuceneSearchEngine.open(index(dir.resolve("s"), "comets.md", ASTRONOMY))) {
            CorpusExamples g = garden.examples();
            CorpusExamples s = sky.examples();
            assertEquals("sunlight", g.word(0), "in every passage");
            assertTrue(g.words().containsAll(List.of("compost", "tomatoes")), g.toString());
            assertEquals("tomatoes", g.slug());
            assertEquals("growing", g.titleWord());
            assertEquals("feeding", g.headingWord(), "the heading over the most passages");
            assertEquals("feeding plants", g.phrase());
            assertTrue(s.words().containsAll(List.of("asteroids", "comets", "orbits", "telescopes")), s.toString());
            assertEquals("comets", s.slug());
            assertEquals("comets", s.headingWord());
            assertTrue("telescopes".startsWith(s.prefix()) || "asteroids".startsWith(s.prefix()), s.prefix());
            assertFalse(g.equals(s));
            assertTrue(garden.examples() == g, "found once per index generation");
        }
    }

    @Test
    void emptyAndNoHitPagesShowTheCorpusOwnExamples(@TempDir Path dir) throws Exception {
        try (LuceneSearchEngine garden = LuceneSearchEngine.open(index(dir.resolve("g"), "tomatoes.md", GARDEN));
                LuceneSearchEngine sky = LuceneSearchEngine.open(index(dir.resolve("s"), "comets.md", ASTRONOMY))) {
            WebApp gardenApp = new WebApp(garden, new WebConfig("127.0.0.1", 0)).start();
            WebApp skyApp = new WebApp(sky, new WebConfig("127.0.0.1", 0)).start();
            try {
                String gardenTips = tips(get(gardenApp, "/"));
                String skyTips = tips(get(skyApp, "/search?q=zzyzxqq"));
                assertTrue(gardenTips.contains("<code>sunlight " + garden.examples().word(1) + "</code>"), gardenTips);
                assertTrue(gardenTips.contains("<code>article:tomatoes</code>"), gardenTips);
                assertTrue(gardenTips.contains("<code>section:feeding</code>"), gardenTips);
                assertTrue(skyTips.contains("<code>article:comets</code>"), skyTips);
                assertTrue(skyTips.contains("<code>section:comets</code>"), skyTips);
                for (String tips : List.of(gardenTips, skyTips)) {
                    assertFalse(tips.contains("ketamine") || tips.contains("midaz"), tips);
                }
                assertFalse(skyTips.contains("tomatoes"), skyTips);
            } finally {
                gardenApp.stop();
                skyApp.stop();
            }
        }
    }
}
