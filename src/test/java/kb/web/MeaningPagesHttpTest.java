package kb.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.search.SearchMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Search by meaning on the pages and in the JSON API, over {@link FakeSearchEngine}'s canned answers: the mode
 * parameter and control, hits found by meaning, and related passages (inline, as links, on their own page, none).
 */
class MeaningPagesHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final FakeSearchEngine ENGINE = new FakeSearchEngine();
    private static WebApp app;

    @BeforeAll
    static void start() {
        app = new WebApp(ENGINE, new WebConfig("127.0.0.1", 0)).start();
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    // ---- mode ----

    @Test
    void theModeIsPassedToTheEngineAndKeptInEveryLinkButTheDefaultIsLeftOut() throws Exception {
        String semantic = get("/search?q=ketamine&mode=semantic").body();
        assertEquals(SearchMode.SEMANTIC, ENGINE.lastRequest.mode());
        assertTrue(semantic.contains("href=\"/search?q=ketamine&amp;mode=semantic&amp;page=2\" rel=\"next\""), semantic);
        assertTrue(semantic.contains("href=\"/search?q=ketamine&amp;article=alpha&amp;mode=semantic\""), "article filter");
        assertTrue(semantic.contains("href=\"/search?q=ketamine&amp;section=Section&amp;mode=semantic\""), "section filter");
        assertTrue(semantic.contains("<a href=\"/search?q=esketamine&amp;mode=semantic\">esketamine</a>"), "suggestion");
        assertTrue(semantic.contains("<option value=\"semantic\" selected=\"selected\">Meaning only</option>"), semantic);

        String hybrid = get("/search?q=ketamine").body();
        assertEquals(SearchMode.HYBRID, ENGINE.lastRequest.mode());
        assertTrue(hybrid.contains("href=\"/search?q=ketamine&amp;page=2\" rel=\"next\""), hybrid);
        assertFalse(hybrid.contains("mode="), "the default mode stays out of links");
        assertTrue(hybrid.contains("<option value=\"hybrid\" selected=\"selected\">Words and meaning</option>"), hybrid);
        get("/search?q=ketamine&mode=hybrid");
        assertEquals(SearchMode.HYBRID, ENGINE.lastRequest.mode());

        String filtered = get("/search?q=ketamine&mode=lexical&article=alpha&page=2").body();
        assertTrue(filtered.contains("href=\"/search?q=ketamine&amp;article=alpha&amp;mode=lexical\" rel=\"prev\""), filtered);
        assertTrue(filtered.contains("href=\"/search?q=ketamine&amp;mode=lexical\">Clear all filters</a>"), filtered);
    }

    @Test
    void correctionLinksKeepTheMode() throws Exception {
        String body = get("/search?q=ketamin&mode=lexical").body();
        assertTrue(body.contains("Showing results for <a href=\"/search?q=ketamine&amp;mode=lexical\">"), body);
        assertTrue(body.contains("search instead for <a href=\"/search?q=ketamin&amp;mode=lexical&amp;correct=0\">"), body);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fuzzy", "LEXICAL", "1"})
    void aBadModeIsA400WithThePlainMessage(String mode) throws Exception {
        String message = "mode must be lexical, hybrid or semantic, not \"" + mode + "\".";
        HttpResponse<String> api = get("/api/search?q=ketamine&mode=" + mode);
        assertEquals(400, api.statusCode());
        JsonNode error = JSON.readTree(api.body());
        assertEquals("bad_request", error.get("error").asText());
        assertEquals(message, error.get("message").asText());
        HttpResponse<String> page = get("/search?q=ketamine&mode=" + mode);
        assertEquals(400, page.statusCode());
        assertTrue(page.body().contains(message.replace("\"", "&quot;")), page.body());
        assertTrue(page.body().contains("<select id=\"mode\" name=\"mode\""), "the form is shown again");
    }

    @Test
    void theControlIsOnTheSearchPageOnlyAndNeedsNoScript() throws Exception {
        String home = get("/").body();
        assertTrue(home.contains("<label for=\"mode\" class=\"visually-hidden\">Search by</label>"), home);
        assertTrue(home.indexOf("<select id=\"mode\"") > home.indexOf("<form class=\"search-form\""), "inside the form");
        assertTrue(home.indexOf("<select id=\"mode\"") < home.indexOf("</form>"), "inside the form");
        assertTrue(home.contains("<option value=\"lexical\">Words only</option>"));
        assertTrue(get("/?mode=lexical").body().contains("<option value=\"lexical\" selected=\"selected\">"));
        assertFalse(get("/articles/alpha").body().contains("<select"), "not on article pages");
    }

    @Test
    void askingForMeaningAloneSaysWhenWordsWereUsedInstead() throws Exception {
        assertTrue(get("/search?q=semantic+words&mode=semantic").body().contains("Matched by words only"));
        assertFalse(get("/search?q=ketamine&mode=semantic").body().contains("Matched by words only"));
        assertFalse(get("/search?q=semantic+words").body().contains("Matched by words only"), "not for the default");
    }

    @Test
    void jsonGivesTheModeUsedAndWhatFoundEachHit() throws Exception {
        JsonNode page = json("/api/search?q=ketamine&mode=semantic");
        assertEquals("semantic", page.get("mode").asText());
        assertEquals(SearchMode.SEMANTIC, ENGINE.lastRequest.mode());
        List<String> by = List.of(page.get("hits").get(0).get("matchedBy").asText(),
                page.get("hits").get(1).get("matchedBy").asText(), page.get("hits").get(2).get("matchedBy").asText());
        assertEquals(List.of("words", "meaning", "both"), by);
        assertEquals("lexical", json("/api/search?q=%22ketamine%22&mode=semantic").get("mode").asText(), "syntax: lexical");
        json("/api/search?q=ketamine");
        assertEquals(SearchMode.HYBRID, ENGINE.lastRequest.mode());
    }

    // ---- hits found by meaning ----

    @Test
    void aHitFoundByMeaningIsLabelledAndItsSnippetIsEscapedAndUnmarked() throws Exception {
        String body = get("/search?q=ketamine").body();
        assertEquals(1, count(body, "<span class=\"by-meaning\">related by meaning</span>"), body);
        List<String> results = results(body);
        assertTrue(results.get(1).contains("related by meaning"));
        assertTrue(results.get(1).contains("<p class=\"snippet\">a drug for &lt;script&gt;alert(1)&lt;/script&gt;</p>"),
                results.get(1));
        assertTrue(results.get(1).contains("href=\"/articles/alpha#alpha.s.2\""), "no highlighting asked for");
        assertTrue(results.get(0).contains("<mark>ketamine</mark>"), "found by words: marked");
        assertTrue(results.get(0).contains("href=\"/articles/alpha?q=ketamine#alpha.s.1\""));
        assertFalse(results.get(2).contains("by-meaning"), "found by both: nothing extra");
        assertFalse(body.contains("<script>alert"));
    }

    // ---- related passages ----

    @Test
    void apiPassageCarriesItsRelatedPassages() throws Exception {
        JsonNode p = json("/api/passages/alpha.s.1");
        JsonNode related = p.get("related");
        assertEquals(Set.of("otherArticles", "sameArticle"), fieldNames(related));
        JsonNode first = related.get("otherArticles").get(0);
        assertEquals(Set.of("id", "article", "title", "sectionPath", "kind", "page", "text", "similarity", "url"),
                fieldNames(first));
        assertEquals("plain.s.1", first.get("id").asText());
        assertEquals("/articles/plain#plain.s.1", first.get("url").asText());
        assertEquals(4, first.get("page").asInt());
        assertEquals(0.8, first.get("similarity").asDouble(), 1e-6);
        String text = first.get("text").asText();
        assertTrue(text.length() <= ApiJson.RELATED_TEXT + 1 && text.endsWith("…"), text);
        assertTrue(text.matches("(abcdefghi )*abcdefghi…"), "cut at a word: " + text);
        assertTrue(related.get("otherArticles").get(1).get("page").isNull());
        assertEquals("Short.", related.get("otherArticles").get(1).get("text").asText());
        assertEquals(2, related.get("sameArticle").size());
        assertEquals("alpha.s.2", related.get("sameArticle").get(0).get("id").asText());

        JsonNode none = json("/api/passages/plain.s.1").get("related");
        assertEquals(0, none.get("otherArticles").size());
        assertEquals(0, none.get("sameArticle").size());
    }

    @Test
    void openApiDescribesThePassageAndItsRelatedPassagesExactly() throws Exception {
        JsonNode schemas = json("/api/openapi.json").get("components").get("schemas");
        JsonNode p = json("/api/passages/alpha.s.1");
        assertEquals(fieldNames(p), fieldNames(schemas.get("Passage").get("properties")));
        assertEquals(fieldNames(p.get("related")), fieldNames(schemas.get("RelatedPassages").get("properties")));
        assertEquals(fieldNames(p.get("related").get("otherArticles").get(0)),
                fieldNames(schemas.get("RelatedPassage").get("properties")));
        JsonNode page = json("/api/search?q=ketamine");
        assertEquals(fieldNames(page), fieldNames(schemas.get("SearchPage").get("properties")));
        assertEquals(fieldNames(page.get("hits").get(0)), fieldNames(schemas.get("Hit").get("properties")));
    }

    @Test
    void aShortArticleListsEachPassagesRelatedPassagesCollapsedAndEscaped() throws Exception {
        String body = get("/articles/alpha").body();
        assertEquals(3, count(body, "<details class=\"related\">"), body);
        assertEquals(3, count(body, "<summary>Related passages</summary>"));
        assertTrue(body.contains("<a href=\"/articles/plain#plain.s.1\">Plain &lt;script&gt;alert(1)&lt;/script&gt;</a>"), body);
        assertTrue(body.contains("<span class=\"section-path\">Section › Sub</span>"), body);
        assertTrue(body.contains("<a href=\"/articles/alpha#alpha.s.2\">Section</a>"), "same article: its section");
        assertTrue(body.contains("<p class=\"related-heading\">In other articles</p>"));
        assertTrue(body.contains("<p class=\"related-heading\">In this article</p>"));
        assertFalse(body.contains("<script>alert"));
        assertFalse(body.contains("related-link"), "listed, not linked");
    }

    @Test
    void withoutRelatedPassagesForTheFirstPassageTheArticleHasNoRelatedBlocks() throws Exception {
        HttpResponse<String> r = get("/articles/plain");
        assertEquals(200, r.statusCode());
        assertFalse(r.body().contains("Related passages"), r.body());
        assertFalse(r.body().contains("class=\"related"), r.body());
    }

    @Test
    void aLongArticleLinksEachPassageToItsRelatedPage() throws Exception {
        String body = get("/articles/long").body();
        assertFalse(body.contains("<details class=\"related\">"));
        assertEquals(ArticleRelated.MAX_INLINE + 1, count(body, "class=\"related-link\""));
        assertTrue(body.contains("<a class=\"related-link\" href=\"/passages/long.s.61/related\">Related passages</a>"), body);
    }

    @Test
    void theRelatedPageListsBothKindsForOnePassage() throws Exception {
        HttpResponse<String> r = get("/passages/alpha.s.1/related");
        assertEquals(200, r.statusCode());
        String body = r.body();
        assertTrue(body.contains("<h1>Related passages</h1>"), body);
        assertTrue(body.contains("<h2 class=\"related-heading\">In other articles</h2>"), body);
        assertTrue(body.contains("<h2 class=\"related-heading\">In this article</h2>"), body);
        assertTrue(body.contains("href=\"/articles/alpha#alpha.s.1\""), "links back to the passage");
        assertTrue(body.contains("Passage 1 of alpha about ketamine."), "quotes the passage");
        assertTrue(body.contains("<title>Related passages — Alpha &lt;script&gt;alert(1)&lt;/script&gt; — kb</title>"), body);
        assertFalse(body.contains("<script>alert"));
        assertFalse(body.contains("No related passages"));
        assertEquals(List.of("no-cache"), r.headers().allValues("Cache-Control"));
    }

    @Test
    void theRelatedPageExistsWithoutRelatedPassagesAndFollowsRenamesAnd404s() throws Exception {
        HttpResponse<String> none = get("/passages/plain.s.1/related");
        assertEquals(200, none.statusCode());
        assertTrue(none.body().contains("No related passages were found"), none.body());
        assertFalse(none.body().contains("related-heading"));
        HttpResponse<String> unknown = get("/passages/nope.s.1/related");
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("There is no passage “nope.s.1”."), unknown.body());
        HttpResponse<String> moved = get("/passages/old-alpha.s.1/related");
        assertEquals(301, moved.statusCode());
        assertEquals("/passages/alpha.s.1/related", moved.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void theNewPagesKeepTheCsp() throws Exception {
        for (String path : List.of("/search?q=ketamine&mode=semantic", "/articles/alpha", "/articles/long",
                "/passages/alpha.s.1/related")) {
            String body = get(path).body();
            assertFalse(Pattern.compile("<script(?![^>]*\\bsrc=)").matcher(body).find(), "inline script on " + path);
            assertFalse(Pattern.compile("\\sstyle=").matcher(body).find(), "inline style on " + path);
            assertFalse(Pattern.compile("\\son[a-z]+=").matcher(body).find(), "event handler attribute on " + path);
        }
    }

    // ---- helpers ----

    private static HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + app.port() + pathAndQuery);
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        assertNotEquals(500, r.statusCode(), pathAndQuery + " → " + r.body());
        return r;
    }

    private static JsonNode json(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> r = get(pathAndQuery);
        assertEquals(200, r.statusCode(), pathAndQuery + " → " + r.body());
        return JSON.readTree(r.body());
    }

    private static List<String> results(String body) {
        Matcher m = Pattern.compile("<li class=\"result\">(.*?)</li>", Pattern.DOTALL).matcher(body);
        java.util.ArrayList<String> all = new java.util.ArrayList<>();
        while (m.find()) {
            all.add(m.group(1));
        }
        assertEquals(3, all.size(), body);
        return all;
    }

    private static int count(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
