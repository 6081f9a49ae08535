package kb.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.search.LuceneSearchEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The web front end over HTTP, against a real index of the fixture corpus. */
class WebAppHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String BREAKOUT = "\"><img src=x onerror=alert(1)>";
    private static final String MIDAZOLAM_SECTION = "How Effective is Ketamine in Treating Depression?";

    @TempDir
    static Path work;
    private static TestSite site;

    @BeforeAll
    static void startSite() throws IOException {
        site = TestSite.start(work);
    }

    @AfterAll
    static void stopSite() throws IOException {
        site.close();
    }

    // ---- search page ----

    @Test
    void homePageOffersLabelledSearchBoxAndTips() throws Exception {
        HttpResponse<String> r = get("/");
        assertEquals(200, r.statusCode());
        String body = r.body();
        assertTrue(body.contains("<label for=\"q\""), "search box has a label");
        assertTrue(body.contains("<input id=\"q\" name=\"q\" type=\"search\""));
        assertTrue(body.contains("<main id=\"main\""));
        assertTrue(body.contains("class=\"skip-link\" href=\"#main\""));
        assertTrue(body.contains("Search tips"));
        assertTrue(body.contains("<link rel=\"search\" type=\"application/opensearchdescription+xml\" href=\"/opensearch.xml\""));
    }

    @Test
    void nmdaResultsShowBothNmdaPassagesWithMarks() throws Exception {
        HttpResponse<String> r = get("/search?q=NMDA");
        assertEquals(200, r.statusCode());
        String body = r.body();
        assertTrue(body.contains("<span class=\"section-path\">What is Ketamine?</span>"), body);
        assertTrue(body.contains("<span class=\"section-path\">How Does Ketamine Work?</span>"));
        assertTrue(body.contains("<mark>NMDA</mark>"));
        assertEquals(2, count(body, "<li class=\"result\">"));
        assertTrue(body.contains("2 passages"));
        assertTrue(body.contains("class=\"took\""), "time taken is shown");
        assertTrue(body.contains("value=\"NMDA\""), "the box keeps the query");
    }

    @Test
    void resultsLinkToTheirPassageInsideTheArticle() throws Exception {
        String body = get("/search?q=midazolam").body();
        assertTrue(body.contains("href=\"/articles/ketamines-for-depression?q=midazolam#ketamines-for-depression.how-effective-is-ketamine-in-treating-depression.1\""), body);
        assertTrue(body.contains("<span class=\"kind\">paragraph</span>"));
    }

    @Test
    void theArticlesASearchIsAboutShowAboveThePassagesAndOpenWithTheMatchesMarked() throws Exception {
        String body = get("/search?q=midazolam").body();
        int block = body.indexOf("<section class=\"top-articles\"");
        assertTrue(block > 0, body);
        assertTrue(block < body.indexOf("<ol class=\"results\""), "the articles come before the passages");
        String articles = body.substring(block, body.indexOf("</section>", block));
        String link = "<a href=\"/articles/ketamines-for-depression?q=midazolam\">Ketamines For Depression</a>";
        assertTrue(articles.contains(link), articles);
        long facetCount = json("/api/search?q=midazolam").get("facets").get("articles").get(0).get("count").asLong();
        String count = facetCount == 1 ? "1 matching passage" : facetCount + " matching passages";
        assertTrue(articles.contains(count), articles);
        assertFalse(articles.contains("Hostile"), "an article without a matching passage is not listed");
        String article = get("/articles/ketamines-for-depression?q=midazolam").body();
        assertTrue(article.contains("<mark>midazolam</mark>"), "the link marks the matches in the article");
        // A title is text on the page, never markup.
        String hostile = get("/search?q=xylophones").body();
        assertTrue(hostile.contains(">Hostile &lt;b&gt;Markup&lt;/b&gt; Notes</a>"), hostile);
    }

    @Test
    void sectionFilterNarrowsResultsAndCanBeCleared() throws Exception {
        String all = get("/search?q=ketamine").body();
        String filterHref = "/search?q=ketamine&amp;section=What+is+Ketamine%3F";
        assertTrue(all.contains("href=\"" + filterHref + "\""), "section facet links add section=");
        assertTrue(all.contains("href=\"/search?q=ketamine&amp;article=ketamines-for-depression\""), "article facet");

        HttpResponse<String> filtered = get(filterHref.replace("&amp;", "&"));
        assertEquals(200, filtered.statusCode());
        String body = filtered.body();
        assertTrue(count(body, "<li class=\"result\">") < count(all, "<li class=\"result\">"));
        assertTrue(body.contains("Section: What is Ketamine?"), "the active filter is shown");
        assertTrue(body.contains("href=\"/search?q=ketamine\">Clear all filters</a>"));
        for (String path : sectionPaths(body)) {
            assertEquals("What is Ketamine?", path);
        }
    }

    @Test
    void paginationLinksOnwardAndNumbersTheNextPage() throws Exception {
        String first = get("/search?q=ketamine").body();
        assertTrue(first.contains("href=\"/search?q=ketamine&amp;page=2\" rel=\"next\""), "next link");
        assertTrue(first.contains("aria-current=\"page\">1</span>"));
        String second = get("/search?q=ketamine&page=2").body();
        assertTrue(second.contains("showing 11–"), second);
        assertTrue(second.contains("rel=\"prev\""));
        assertTrue(second.contains("<ol class=\"results\" start=\"11\">"));
    }

    @Test
    void paginationKeepsAModeOtherThanTheDefault() throws Exception {
        String lexical = get("/search?q=ketamine&mode=lexical").body();
        assertTrue(lexical.contains("href=\"/search?q=ketamine&amp;mode=lexical&amp;page=2\" rel=\"next\""), lexical);
        assertTrue(lexical.contains("<option value=\"lexical\" selected=\"selected\">Words only</option>"), lexical);
        assertFalse(get("/search?q=ketamine&mode=hybrid").body().contains("mode=hybrid"), "the default is implied");
        HttpResponse<String> bad = get("/search?q=ketamine&mode=fuzzy");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("mode must be lexical, hybrid or semantic, not &quot;fuzzy&quot;."), bad.body());
    }

    @Test
    void emptyQueryGivesTheHelpPageNotABlank() throws Exception {
        HttpResponse<String> r = get("/search?q=");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("Search tips"));
        // The tips' examples come from the corpus served (here the seed): words, a slug, a prefix it holds.
        String tips = r.body().substring(r.body().indexOf("Search tips"));
        assertTrue(tips.contains("<code>ketamine depression</code>"), tips);
        assertTrue(tips.contains("<code>article:ketamines-for-depression</code>"), tips);
        assertTrue(tips.contains("<code>ketam*</code>"), tips);
    }

    @Test
    void misspeltQueryShowsResultsForTheCorrectionWithAWayBack() throws Exception {
        String body = get("/search?q=midazolom").body();
        assertTrue(body.contains("Showing results for <a href=\"/search?q=midazolam\"><strong>midazolam</strong></a>"), body);
        assertTrue(body.contains("search instead for <a href=\"/search?q=midazolom&amp;correct=0\">midazolom</a>"), body);
        assertTrue(body.contains("<mark>midazolam</mark>"), body);
        String exact = get("/search?q=midazolom&correct=0").body();
        assertTrue(exact.contains("No passages match"), exact);
        assertTrue(exact.contains("Did you mean"), exact);
        assertTrue(exact.contains("<a href=\"/search?q=midazolam\">midazolam</a>"), exact);
        assertTrue(exact.contains("Nothing found"));
        JsonNode api = JSON.readTree(get("/api/search?q=midazolom").body());
        assertEquals("midazolom", api.get("query").asText());
        assertEquals("midazolam", api.get("correctedQuery").asText());
        assertEquals(1, api.get("total").asInt());
        assertTrue(JSON.readTree(get("/api/search?q=midazolom&correct=0").body()).get("correctedQuery").isNull());
        assertEquals(400, get("/api/search?q=midazolom&correct=maybe").statusCode());
    }

    @Test
    void suggestCompletesHeadingsAndWordsAsJson() throws Exception {
        HttpResponse<String> r = get("/api/suggest?q=" + enc("is ket"));
        assertEquals(200, r.statusCode());
        JsonNode body = JSON.readTree(r.body());
        assertEquals(Set.of("query", "suggestions"), fieldNames(body));
        assertEquals("is ket", body.get("query").asText());
        JsonNode first = body.get("suggestions").get(0);
        assertEquals("Is Ketamine safe for treating depression?", first.get("text").asText());
        assertEquals("heading", first.get("kind").asText());
        JsonNode word = JSON.readTree(get("/api/suggest?q=midaz").body()).get("suggestions").get(0);
        assertEquals("midazolam", word.get("text").asText());
        assertEquals("term", word.get("kind").asText());
        assertEquals(0, JSON.readTree(get("/api/suggest").body()).get("suggestions").size());
        assertEquals(400, get("/api/suggest?q=ket&limit=999").statusCode());
        assertEquals(400, get("/api/suggest?q=ket&limit=abc").statusCode());
        assertEquals(400, get("/api/suggest?q=" + "k".repeat(300)).statusCode());
        assertTrue(get("/").body().contains("<datalist id=\"q-suggestions\">"), "the box is wired to a datalist");
    }

    @Test
    void anAbbreviationIsSearchedUnderItsLongFormAndTheExpansionIsShown() throws Exception {
        String body = get("/search?q=NMDA").body();
        assertTrue(body.contains("Also searched:"), body);
        assertTrue(body.contains("NMDA = N-methyl-D-aspartate"), body);
        JsonNode api = JSON.readTree(get("/api/search?q=N-methyl-D-aspartate").body());
        JsonNode expansion = api.get("expansions").get(0);
        assertEquals("N-methyl-D-aspartate", expansion.get("term").asText());
        assertEquals("NMDA", expansion.get("meaning").asText());
        assertEquals("abbreviation", expansion.get("source").asText());
        Set<String> firstTwo = Set.of(api.get("hits").get(0).get("section").asText(), api.get("hits").get(1).get("section").asText());
        assertEquals(Set.of("What is Ketamine?", "How Does Ketamine Work?"), firstTwo, "the passage that only says NMDA is found too");
    }

    @Test
    void zeroHitsExplainWhatToTry() throws Exception {
        HttpResponse<String> r = get("/search?q=qqqzzzvvv");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("No passages match"));
        assertTrue(r.body().contains("Search tips"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"ketamine", "(ketamine", "AND", "*amine"})
    void malformedQueryShowsThePlainReasonWith400(String query) throws Exception {
        HttpResponse<String> r = get("/search?q=" + enc(query));
        assertEquals(400, r.statusCode(), query);
        assertTrue(r.body().contains("That search could not be run"));
        assertTrue(r.body().contains("<p class=\"alert\" role=\"alert\">"));
        assertTrue(r.body().contains("Search tips"));
        assertNoStackTrace(r.body());
    }

    @Test
    void nonNumericPageIsA400WithAPlainMessage() throws Exception {
        HttpResponse<String> r = get("/search?q=ketamine&page=abc");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("page must be a whole number"));
    }

    // ---- article pages ----

    @Test
    void resultLinkLandsOnAnElementWithTheHitIdAndHighlightsTheQuery() throws Exception {
        JsonNode hit = json("/api/search?q=midazolam").get("hits").get(0);
        String id = hit.get("id").asText();
        String url = hit.get("url").asText();
        String path = url.substring(0, url.indexOf('#'));
        assertEquals(id, url.substring(url.indexOf('#') + 1));

        HttpResponse<String> r = get(path);
        assertEquals(200, r.statusCode());
        String body = r.body();
        Matcher passage = Pattern.compile("<div class=\"passage[^\"]*\" id=\"" + Pattern.quote(id) + "\">(.*?)</p>", Pattern.DOTALL)
                .matcher(body);
        assertTrue(passage.find(), "an element has the hit id");
        assertTrue(passage.group(1).contains("<mark>midazolam</mark>"), passage.group(1));
        assertTrue(body.contains("Matches for <q>midazolam</q> are highlighted."));
    }

    @Test
    void articlePageShowsSectionsAsHeadingsByDepthWithPassageTools() throws Exception {
        String body = get("/articles/hostile-markup").body();
        assertTrue(body.contains("<h2>Script tags</h2>"), body);
        assertTrue(body.contains("<h3>Nested heading</h3>"));
        String seed = get("/articles/ketamines-for-depression").body();
        assertTrue(seed.contains("<h1>Ketamines For Depression</h1>"));
        assertTrue(seed.contains("<h2>What is Ketamine?</h2>"));
        assertTrue(seed.indexOf("<h2>What is Ketamine?</h2>") < seed.indexOf("<h2>How Does Ketamine Work?</h2>"), "reading order");
        String id = "ketamines-for-depression.what-is-ketamine.1";
        assertTrue(seed.contains("id=\"" + id + "\""));
        assertTrue(seed.contains("href=\"/passages/" + id + "\""), "permalink");
        assertTrue(seed.contains("href=\"#" + id + "\""), "in-page anchor");
        assertTrue(seed.contains("<summary>Cite</summary>"), "citation readable without JavaScript");
        assertTrue(seed.contains("class=\"copy-citation\" hidden data-copy=\"Ketamines For Depression"), "copy button");
        assertFalse(seed.contains("<mark>"), "no highlights without a query");
        // The fixture index has no meaning vectors: the engine finds no related passages, so no box is shown.
        assertFalse(seed.contains("class=\"related"), "no empty related boxes");
        assertFalse(seed.contains("Related passages"));
    }

    @Test
    void everyPassageHasARelatedPageAndAnUnknownOneIs404() throws Exception {
        HttpResponse<String> r = get("/passages/ketamines-for-depression.what-is-ketamine.1/related");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("<h1>Related passages</h1>"), r.body());
        assertTrue(r.body().contains("href=\"/articles/ketamines-for-depression#ketamines-for-depression.what-is-ketamine.1\""));
        assertTrue(r.body().contains("No related passages were found"), "the fixture index has no meaning vectors");
        HttpResponse<String> unknown = get("/passages/no-such.passage.1/related");
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("<h1>Not found</h1>"));
    }

    @Test
    void passagePermalinkRedirectsIntoItsArticle() throws Exception {
        HttpResponse<String> r = get("/passages/ketamines-for-depression.what-is-ketamine.1");
        assertEquals(302, r.statusCode());
        assertEquals("/articles/ketamines-for-depression#ketamines-for-depression.what-is-ketamine.1",
                r.headers().firstValue("Location").orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/articles/no-such-article", "/passages/no-such.passage.1", "/no/such/page", "/static/missing.css"})
    void unknownPagesAre404WithASearchBox(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertEquals(404, r.statusCode());
        assertTrue(r.body().contains("<h1>Not found</h1>"), r.body());
        assertTrue(r.body().contains("<label for=\"q404\">Search the knowledge base</label>"));
    }

    @Test
    void badQueryOnAnArticleStillShowsTheArticleUnhighlighted() throws Exception {
        HttpResponse<String> r = get("/articles/ketamines-for-depression?q=" + enc("\"ketamine"));
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("Highlighting was skipped"));
        assertFalse(r.body().contains("<mark>"));
    }

    // ---- JSON API ----

    @Test
    void apiSearchReturnsTheDocumentedShape() throws Exception {
        HttpResponse<String> r = get("/api/search?q=midazolam");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode page = JSON.readTree(r.body());
        assertEquals(Set.of("query", "total", "wordMatches", "totalExact", "tookMs", "page", "size", "articles", "hits", "facets", "suggestions",
                "correctedQuery", "expansions", "mode"), fieldNames(page));
        JsonNode about = page.get("articles").get(0);
        assertEquals(Set.of("slug", "title", "score", "passages", "url"), fieldNames(about));
        assertEquals("ketamines-for-depression", about.get("slug").asText());
        assertEquals("/articles/ketamines-for-depression?q=midazolam", about.get("url").asText());
        assertEquals(page.get("facets").get("articles").get(0).get("count").asLong(), about.get("passages").asLong());
        assertEquals(1, page.get("articles").size(), "only articles with a matching passage");
        assertEquals("midazolam", page.get("query").asText());
        assertEquals(1, page.get("page").asInt());
        assertEquals(10, page.get("size").asInt());
        assertTrue(page.get("total").asLong() >= 1);
        JsonNode hit = page.get("hits").get(0);
        assertEquals(Set.of("id", "article", "title", "section", "sectionPath", "kind", "text", "snippet", "matches", "url", "citation",
                "page", "matchedBy", "score"), fieldNames(hit));
        assertTrue(hit.get("page").isNull(), "a text file has no pages");
        assertEquals(MIDAZOLAM_SECTION, hit.get("section").asText());
        assertEquals(MIDAZOLAM_SECTION, hit.get("sectionPath").get(0).asText());
        assertTrue(hit.get("snippet").asText().contains("<mark>midazolam</mark>"));
        assertTrue(page.get("facets").get("articles").get(0).has("count"));
        assertTrue(page.get("suggestions").isArray());
        assertTrue(Set.of("lexical", "hybrid", "semantic").contains(page.get("mode").asText()), page.get("mode").asText());
        assertTrue(Set.of("words", "meaning", "both").contains(hit.get("matchedBy").asText()));
        // A query with syntax is always searched by words, whatever mode was asked for.
        JsonNode quoted = json("/api/search?q=%22midazolam%22&mode=semantic");
        assertEquals("lexical", quoted.get("mode").asText());
        assertEquals("words", quoted.get("hits").get(0).get("matchedBy").asText());
    }

    @Test
    void apiSearchHonoursSizePageAndFilters() throws Exception {
        JsonNode page = json("/api/search?q=ketamine&size=3&page=2&article=ketamines-for-depression");
        assertEquals(3, page.get("size").asInt());
        assertEquals(2, page.get("page").asInt());
        assertEquals(3, page.get("hits").size());
        for (JsonNode hit : page.get("hits")) {
            assertEquals("ketamines-for-depression", hit.get("article").asText());
        }
        assertEquals(100, json("/api/search?q=ketamine&size=100").get("size").asInt());
    }

    @Test
    void apiPassageReturnsThePassageView() throws Exception {
        JsonNode p = json("/api/passages/ketamines-for-depression.what-is-ketamine.1");
        assertEquals("ketamines-for-depression.what-is-ketamine.1", p.get("id").asText());
        assertEquals("What is Ketamine?", p.get("section").asText());
        assertEquals("/articles/ketamines-for-depression#ketamines-for-depression.what-is-ketamine.1", p.get("articleUrl").asText());
        assertTrue(p.get("text").asText().contains("NMDA"));
        assertEquals(Set.of("otherArticles", "sameArticle"), fieldNames(p.get("related")));
        assertTrue(p.get("related").get("otherArticles").isArray());
        assertTrue(p.get("related").get("sameArticle").isArray());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/passages/no-such.passage.1", "/api/no-such-endpoint", "/api"})
    void apiUnknownsAre404Json(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertEquals(404, r.statusCode());
        JsonNode error = JSON.readTree(r.body());
        assertEquals("not_found", error.get("error").asText());
        assertFalse(error.get("message").asText().isBlank());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "q=%22ketamine", "q=(ketamine", "q=AND", "q=*amine", "q=ketamine&page=999999999", "q=ketamine&size=100000",
        "q=ketamine&page=abc", "q=ketamine&size=ten", "q=ketamine&page=0", "q=ketamine&size=0", "q=ketamine&page=99999999999999",
        "q=ketamine&mode=fuzzy", "q=ketamine&mode=Hybrid", "q=", ""})
    void apiBadInputIsA400WithPlainJsonMessage(String query) throws Exception {
        HttpResponse<String> r = get("/api/search?" + query);
        assertEquals(400, r.statusCode(), query + " → " + r.body());
        JsonNode error = JSON.readTree(r.body());
        assertEquals(Set.of("error", "message"), fieldNames(error));
        assertEquals("bad_request", error.get("error").asText());
        assertNoStackTrace(error.get("message").asText());
    }

    @Test
    void apiMessagesNameTheBadParameter() throws Exception {
        assertEquals("page must be a whole number", json400("/api/search?q=ketamine&page=abc").get("message").asText());
        assertEquals("size must be a whole number", json400("/api/search?q=ketamine&size=1.5").get("message").asText());
        assertEquals("mode must be lexical, hybrid or semantic, not \"fuzzy\".",
                json400("/api/search?q=ketamine&mode=fuzzy").get("message").asText());
    }

    @Test
    void tenThousandCharacterQueryIsRefusedPlainly() throws Exception {
        String query = "ketamine ".repeat(1_112);
        HttpResponse<String> api = get("/api/search?q=" + enc(query));
        assertEquals(400, api.statusCode(), api.body());
        assertTrue(JSON.readTree(api.body()).get("message").asText().contains("too long"));
        HttpResponse<String> page = get("/search?q=" + enc(query));
        assertEquals(400, page.statusCode());
    }

    @Test
    void regexLookingQueryIsNeverAServerError() throws Exception {
        int status = get("/api/search?q=" + enc("/ket.*/")).statusCode();
        assertTrue(status == 200 || status == 400, "status " + status);
        int pageStatus = get("/search?q=" + enc("/ket.*/")).statusCode();
        assertTrue(pageStatus == 200 || pageStatus == 400, "status " + pageStatus);
    }

    @Test
    void openApiDescribesEveryEndpoint() throws Exception {
        JsonNode api = json("/api/openapi.json");
        assertTrue(api.get("openapi").asText().startsWith("3.0"));
        assertTrue(api.get("paths").has("/api/search"));
        assertTrue(api.get("paths").has("/api/passages/{id}"));
        assertTrue(api.get("paths").has("/api/suggest"));
        JsonNode schemas = api.get("components").get("schemas");
        assertTrue(schemas.has("Error"));
        // The description must list exactly the fields the API sends.
        JsonNode page = json("/api/search?q=NMDA");
        assertEquals(fieldNames(page), fieldNames(schemas.get("SearchPage").get("properties")));
        assertEquals(fieldNames(page.get("hits").get(0)), fieldNames(schemas.get("Hit").get("properties")));
        assertEquals(fieldNames(page.get("articles").get(0)), fieldNames(schemas.get("Article").get("properties")));
        assertEquals(fieldNames(page.get("expansions").get(0)), fieldNames(schemas.get("Expansion").get("properties")));
        JsonNode passage = json("/api/passages/ketamines-for-depression.what-is-ketamine.1");
        assertEquals(fieldNames(passage), fieldNames(schemas.get("Passage").get("properties")));
        assertEquals(fieldNames(passage.get("related")), fieldNames(schemas.get("RelatedPassages").get("properties")));
        JsonNode suggest = json("/api/suggest?q=midaz");
        assertEquals(fieldNames(suggest), fieldNames(schemas.get("Suggestions").get("properties")));
        assertEquals(fieldNames(suggest.get("suggestions").get(0)), fieldNames(schemas.get("Completion").get("properties")));
        JsonNode health = json("/health");
        assertEquals(fieldNames(health), fieldNames(schemas.get("Health").get("properties")));
        assertEquals(fieldNames(health.get("meaning")), fieldNames(schemas.get("MeaningStatus").get("properties")));
    }

    // ---- safety ----

    @ParameterizedTest
    @ValueSource(strings = {SCRIPT, BREAKOUT})
    void hostileQueriesRenderInert(String query) throws Exception {
        for (String path : List.of("/search?q=", "/articles/hostile-markup?q=")) {
            String body = get(path + enc(query)).body();
            assertFalse(body.contains("<script>alert"), path);
            assertFalse(body.contains("<img src=x"), path);
            assertFalse(body.contains("onerror=alert(1)>"), path);
        }
        String escaped = query.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        assertTrue(get("/search?q=" + enc(query)).body().contains("value=\"" + escaped + "\""), "input value is escaped");
    }

    @Test
    void hostileCorpusTextRendersInert() throws Exception {
        String results = get("/search?q=xylophones").body();
        assertTrue(results.contains("&lt;script&gt;alert(1)&lt;&#x2F;script&gt;") || results.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
                results);
        assertFalse(results.contains("<script>alert"));
        String article = get("/articles/hostile-markup?q=zanzibar").body();
        assertFalse(article.contains("<script>alert"));
        assertFalse(article.contains("<img src=x"));
        assertTrue(article.contains("<mark>zanzibar</mark>"));
        assertTrue(article.contains("<h1>Hostile &lt;b&gt;Markup&lt;/b&gt; Notes</h1>"), "the title is escaped");
        assertTrue(article.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"), "the breakout is shown as text");
        assertFalse(article.contains("href=\"javascript:"), "only http(s) source links are clickable");
    }

    @Test
    void pagesCarryNoInlineScriptOrStyleSoTheCspHolds() throws Exception {
        for (String path : List.of("/", "/search?q=NMDA", "/search?q=%22x", "/articles/ketamines-for-depression?q=NMDA", "/nowhere")) {
            String body = get(path).body();
            assertFalse(Pattern.compile("<script(?![^>]*\\bsrc=)").matcher(body).find(), "inline script on " + path);
            assertFalse(Pattern.compile("\\sstyle=").matcher(body).find(), "inline style on " + path);
            assertFalse(body.contains("<style"), "style element on " + path);
            assertFalse(Pattern.compile("\\son[a-z]+=").matcher(body).find(), "event handler attribute on " + path);
            assertFalse(body.contains("https://"), "no external resources on " + path);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/search?q=NMDA", "/search?q=%22x", "/static/kb.css", "/static/kb.js", "/api/search?q=NMDA",
        "/api/search?q=%22x", "/api/nope", "/nowhere", "/articles/ketamines-for-depression", "/passages/ketamines-for-depression.what-is-ketamine.1",
        "/opensearch.xml"})
    void everyResponseCarriesSecurityHeaders(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertEquals(WebApp.CSP, r.headers().firstValue("Content-Security-Policy").orElse(null), path);
        assertEquals("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; "
                + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'", WebApp.CSP);
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null), path);
        assertEquals("no-referrer", r.headers().firstValue("Referrer-Policy").orElse(null), path);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/static/../templates/layout.html",
        "/static/../../kb/web/WebApp.class",
        "/static/%2e%2e/templates/layout.html",
        "/static/%2E%2E/%2E%2E/kb/web/WebApp.class",
        "/static/..%2ftemplates%2flayout.html",
        "/static/%2e%2e%2ftemplates%2flayout.html",
        "/static/..\\templates\\layout.html",
        "/static/..%5ctemplates%5clayout.html",
        "/static/..%5c..%5ckb%5cweb%5cWebApp.class",
        "/static/....//templates/layout.html",
        "/static//web/templates/layout.html",
        "/static/%252e%252e/templates/layout.html",
        "/web/templates/layout.html",
        "/kb/web/WebApp.class"})
    void pathTraversalNeverServesAFile(String rawPath) throws Exception {
        RawResponse r = rawGet(rawPath);
        assertTrue(r.status == 404 || r.status == 400, rawPath + " → " + r.status);
        assertFalse(r.body.contains("th:fragment"), "template leaked via " + rawPath);
        assertFalse(r.body.contains("xmlns:th"), "template leaked via " + rawPath);
        assertFalse(r.body.contains("\uFFFD\uFFFD\uFFFD\uFFFD") || r.body.startsWith("\u00CA\u00FE"), "class file leaked via " + rawPath);
        assertFalse(r.body.contains("kb/web/WebApp"), "class file leaked via " + rawPath);
    }

    @Test
    void staticFilesAreServedWithTheirTypes() throws Exception {
        HttpResponse<String> css = get("/static/kb.css");
        assertEquals(200, css.statusCode());
        assertTrue(css.headers().firstValue("Content-Type").orElse("").startsWith("text/css"));
        assertTrue(css.body().contains(":target"));
        assertTrue(css.body().contains("scroll-margin-top"));
        assertTrue(get("/static/kb.js").headers().firstValue("Content-Type").orElse("").contains("javascript"));
    }

    @Test
    void aStaticFileIsRevalidatedByItsEntityTag() throws Exception {
        HttpResponse<String> first = get("/static/kb.css");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = HTTP.send(HttpRequest.newBuilder(site.uri("/static/kb.css"))
                .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(304, again.statusCode());
        assertEquals("", again.body());
        HttpResponse<String> stale = HTTP.send(HttpRequest.newBuilder(site.uri("/static/kb.css"))
                .header("If-None-Match", "\"not-this-one\"").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, stale.statusCode());
        assertEquals(first.body(), stale.body());
        assertNotEquals(etag, get("/static/kb.js").headers().firstValue("ETag").orElseThrow());
    }

    @Test
    void aHeadRequestForAStaticFileHasItsHeadersAndNoBody() throws Exception {
        HttpResponse<String> head = HTTP.send(HttpRequest.newBuilder(site.uri("/static/favicon.svg"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, head.statusCode());
        assertEquals("image/svg+xml", head.headers().firstValue("Content-Type").orElse(""));
        assertEquals("", head.body());
        assertEquals(404, get("/static/favicon.exe").statusCode());
        assertEquals(404, get("/static/.hidden.css").statusCode());
    }

    @Test
    void openSearchDescriptionUsesTheListeningAddressByDefault() throws Exception {
        HttpResponse<String> r = get("/opensearch.xml");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/opensearchdescription+xml"));
        assertTrue(r.body().contains("template=\"http://127.0.0.1:" + site.app.port() + "/search?q={searchTerms}\""), r.body());
    }

    @Test
    void openSearchDescriptionNeverEchoesTheHostHeader() throws Exception {
        for (String host : List.of("evil.example:666", "evil.example", "127.0.0.1.evil.example", "[::1]:666")) {
            RawResponse r = rawGet("/opensearch.xml", host);
            assertEquals(200, r.status, host);
            assertFalse(r.body.contains("evil"), host + ": " + r.body);
            assertFalse(r.body.contains(":666"), host + ": " + r.body);
            assertTrue(r.body.contains("template=\"http://127.0.0.1:" + site.app.port() + "/search?q={searchTerms}\""), r.body);
        }
    }

    @Test
    void openSearchDescriptionUsesTheConfiguredPublicUrl() throws Exception {
        try (WebApp app = new WebApp(site.search, new WebConfig("127.0.0.1", 0, "https://kb.example.org/")).start()) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + app.port()
                    + "/opensearch.xml")).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(r.body().contains("template=\"https://kb.example.org/search?q={searchTerms}\""), r.body());
            assertTrue(r.body().contains("template=\"https://kb.example.org/api/search?q={searchTerms}\""), r.body());
            assertTrue(r.body().contains(">https://kb.example.org/static/favicon.svg</Image>"), r.body());
            assertFalse(r.body().contains("127.0.0.1"), r.body());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://kb.example.org", "https://kb.example.org/?q=1", "https://kb.example.org/#top", "kb.example.org",
        "https://", "https://user:secret@kb.example.org", "http://kb example.org", "javascript:alert(1)"})
    void publicUrlMustBeAPlainHttpAddress(String url) {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new WebConfig("127.0.0.1", 0, url));
        assertTrue(e.getMessage().startsWith("the public URL"), e.getMessage());
        assertFalse(e.getMessage().contains("secret"), "a password is never repeated: " + e.getMessage());
    }

    @Test
    void publicUrlLosesItsTrailingSlashAndKeepsAPath() {
        assertEquals("https://kb.example.org", new WebConfig("127.0.0.1", 0, "https://kb.example.org/").publicUrl());
        assertEquals("http://example.org:8080/kb", new WebConfig("127.0.0.1", 0, " http://example.org:8080/kb/ ").publicUrl());
        assertEquals(null, new WebConfig("127.0.0.1", 0).publicUrl());
    }

    /** Every kind of answer says how it may be cached: pages are revalidated, machine answers and errors never kept. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
        "/, no-cache", "/search?q=NMDA, no-cache", "/articles/ketamines-for-depression, no-cache",
        "/passages/ketamines-for-depression.what-is-ketamine.1, no-cache", "/favicon.ico, no-cache",
        "/passages/ketamines-for-depression.what-is-ketamine.1/related, no-cache", "/passages/nope.1/related, no-store",
        "/search?q=%22x, no-store", "/nowhere, no-store", "/articles/nope, no-store", "/static/nope.css, no-store",
        "/api/search?q=NMDA, no-store", "/api/suggest?q=ket, no-store", "/api/openapi.json, no-store",
        "/api/passages/ketamines-for-depression.what-is-ketamine.1, no-store", "/api/search?q=%22x, no-store",
        "/api/nope, no-store", "/health, no-store",
        "/static/kb.css, max-age=3600", "/static/kb.js, max-age=3600", "/opensearch.xml, max-age=3600"})
    void everyResponseSaysHowItMayBeCached(String path, String expected) throws Exception {
        HttpResponse<String> r = get(path);
        assertEquals(List.of(expected), r.headers().allValues("Cache-Control"), path + " → " + r.statusCode());
    }

    @Test
    void faviconIsNeverAServerError() throws Exception {
        HttpResponse<String> r = get("/favicon.ico");
        assertTrue(r.statusCode() == 301 || r.statusCode() == 404 || r.statusCode() == 200, "status " + r.statusCode());
        if (r.statusCode() == 301) {
            assertEquals(200, get(r.headers().firstValue("Location").map(l -> l.replaceFirst("^https?://[^/]+", "")).orElseThrow()).statusCode());
        }
    }

    @Test
    void serverFailureIsA500WithAGenericMessageAndNoStackTrace() throws Exception {
        // A closed search service fails every call: the app must answer plainly, not leak the exception.
        LuceneSearchEngine closed = LuceneSearchEngine.open(work.resolve("index"));
        closed.close();
        try (WebApp broken = new WebApp(closed, new WebConfig("127.0.0.1", 0)).start()) {
            String base = "http://127.0.0.1:" + broken.port();
            HttpResponse<String> api = HTTP.send(HttpRequest.newBuilder(java.net.URI.create(base + "/api/search?q=NMDA")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(500, api.statusCode());
            assertEquals("internal_error", JSON.readTree(api.body()).get("error").asText());
            assertNoStackTrace(api.body());
            HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(java.net.URI.create(base + "/search?q=NMDA")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(500, page.statusCode());
            assertTrue(page.body().contains("Something went wrong"));
            assertNoStackTrace(page.body());
            assertNotEquals(null, page.headers().firstValue("Content-Security-Policy").orElse(null));
        }
    }

    @Test
    void bindsToLoopbackByDefault() {
        assertEquals("127.0.0.1", WebConfig.defaults().host());
        assertEquals(7070, WebConfig.defaults().port());
        assertTrue(site.app.url().startsWith("http://127.0.0.1:"));
    }

    // ---- helpers ----

    private static HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(site.uri(pathAndQuery)).build(), HttpResponse.BodyHandlers.ofString());
        assertNotEquals(500, r.statusCode(), pathAndQuery + " → " + r.body());
        return r;
    }

    private static JsonNode json(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> r = get(pathAndQuery);
        assertEquals(200, r.statusCode(), pathAndQuery + " → " + r.body());
        return JSON.readTree(r.body());
    }

    private static JsonNode json400(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> r = get(pathAndQuery);
        assertEquals(400, r.statusCode(), pathAndQuery + " → " + r.body());
        return JSON.readTree(r.body());
    }

    private record RawResponse(int status, String body) {}

    /** Sends the path byte for byte: HTTP clients normalise or reject "..", which would hide what the server does. */
    private static RawResponse rawGet(String rawPath) throws IOException {
        return rawGet(rawPath, "127.0.0.1");
    }

    private static RawResponse rawGet(String rawPath, String host) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", site.app.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + rawPath + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            int status = Integer.parseInt(response.substring(9, 12));
            int bodyStart = response.indexOf("\r\n\r\n");
            return new RawResponse(status, bodyStart < 0 ? "" : response.substring(bodyStart + 4));
        }
    }

    private static void assertNoStackTrace(String text) {
        assertFalse(text.contains("Exception"), text);
        assertFalse(Pattern.compile("\\bat [a-z]+\\.[a-z]").matcher(text).find(), text);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static int count(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    private static List<String> sectionPaths(String body) {
        Matcher m = Pattern.compile("<span class=\"section-path\">([^<]*)</span>").matcher(body);
        java.util.ArrayList<String> paths = new java.util.ArrayList<>();
        while (m.find()) {
            paths.add(m.group(1));
        }
        assertNotNull(paths);
        return paths;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new java.util.TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
