package kb.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A search matching more passages than kb counts ({@link FakeSearchEngine}'s "many"): the page says "1,000+" and
 * what its counts are over, offers the next page while pages are full (up to the result window), and the JSON says
 * the total is not exact; an exact search says none of it.
 */
class InexactCountsHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static WebApp app;

    @BeforeAll
    static void start() {
        app = new WebApp(new FakeSearchEngine(), new WebConfig("127.0.0.1", 0)).start();
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    @Test
    void aTotalPastTheExactCountIsShownAsALowerBoundWithWhatTheCountsCover() throws Exception {
        String page = get("/search?q=many");
        assertTrue(page.contains("1,000+ passages match"), page);
        assertTrue(page.contains("More than 1,000 passages match: the filters&#39; and the articles&#39; counts are over"
                + " the best 30."), page);
        String exact = get("/search?q=ketamine&mode=lexical");
        assertTrue(exact.contains("25 passages match"), exact);
        assertFalse(exact.contains("counts-note"), exact);
        // By meaning alone the facets count every passage it found: the word count is a lower bound, nothing else.
        String semantic = get("/search?q=many&mode=semantic");
        assertTrue(semantic.contains("1,000+ passages match"), semantic);
        assertFalse(semantic.contains("counts-note"), semantic);
    }

    @Test
    void aFullPagePastTheCountedPagesStillLinksOnwardUntilTheResultWindow() throws Exception {
        String last = get("/search?q=many&page=100");
        assertTrue(last.contains("href=\"/search?q=many&amp;page=101\" rel=\"next\""), last);
        String onward = get("/search?q=many&page=101");
        assertTrue(onward.contains("href=\"/search?q=many&amp;page=102\" rel=\"next\""), onward);
        assertTrue(onward.contains("href=\"/search?q=many&amp;page=100\" rel=\"prev\""), onward);
        String window = get("/search?q=many&page=1000");
        assertFalse(window.contains("rel=\"next\""), "page 1,000 of 10 reaches the deepest result kb shows");
        String exact = get("/search?q=ketamine&mode=lexical&page=3");
        assertFalse(exact.contains("rel=\"next\""), "25 exact matches end on page 3");
    }

    @Test
    void theJsonSaysWhetherTheTotalIsExact() throws Exception {
        JsonNode many = JSON.readTree(get("/api/search?q=many"));
        assertEquals(1000, many.get("total").asLong());
        assertFalse(many.get("totalExact").asBoolean());
        JsonNode exact = JSON.readTree(get("/api/search?q=ketamine"));
        assertTrue(exact.get("totalExact").asBoolean());
    }

    private static String get(String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return r.body();
    }
}
