package kb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SearchServiceTest {
    static final String SEED = "ketamines-for-depression";
    @TempDir
    static Path tmp;
    static SearchService service;

    @BeforeAll
    static void index() throws IOException {
        SeedIndex.build(tmp, "receptors.md", "unsafe.txt");
        service = SearchService.open(tmp.resolve("index"));
    }

    @AfterAll
    static void close() throws IOException {
        service.close();
    }

    static SearchPage search(String q) throws BadQueryException {
        return service.search(SearchRequest.of(q));
    }

    static SearchPage searchSeed(String q) throws BadQueryException {
        return service.search(new SearchRequest(q, 1, 10, SEED, null));
    }

    @Test
    void nmdaRanksTheTwoPassagesThatMentionItFirst() throws Exception {
        SearchPage page = search("NMDA");
        assertEquals(2, page.total());
        Set<String> sections = page.hits().stream().map(SearchHit::section).collect(Collectors.toSet());
        assertEquals(Set.of("What is Ketamine?", "How Does Ketamine Work?"), sections);
        page.hits().forEach(h -> assertTrue(h.snippet().contains("<mark>NMDA</mark>"), h.snippet()));
    }

    @Test
    void midazolamRanksTheEffectivenessParagraphFirst() throws Exception {
        SearchHit first = search("midazolam").hits().get(0);
        assertEquals("How Effective is Ketamine in Treating Depression?", first.section());
        assertEquals("paragraph", first.kind());
        assertTrue(first.citation().contains("How Effective is Ketamine in Treating Depression?"), first.citation());
        assertTrue(first.url().startsWith("/articles/" + SEED + "?q=midazolam#"), first.url());
        assertTrue(first.url().endsWith(first.id()), first.url());
    }

    @Test
    void referencesAreFoundByAuthorYearAndJournal() throws Exception {
        SearchHit zarate = search("Zarate").hits().get(0);
        assertEquals("reference", zarate.kind());
        assertTrue(zarate.text().startsWith("Lener, M. S."), zarate.text());
        assertEquals(zarate.id(), search("author:Zarate").hits().get(0).id());
        assertEquals(zarate.id(), search("year:2017").hits().get(0).id());
        SearchHit journal = search("journal:\"Clinical psychology review\"").hits().get(0);
        assertTrue(journal.text().startsWith("Browne"), journal.text());
        assertEquals(journal.id(), search("\"Clinical psychology review\"").hits().get(0).id());
    }

    @Test
    void exactWordFormOutranksAStemmedMatch() throws Exception {
        List<SearchHit> hits = search("receptors glutamate").hits();
        assertTrue(hits.get(0).text().startsWith("Several receptors"), hits.get(0).text());
        assertTrue(search("receptor glutamate").hits().get(0).text().startsWith("The receptor binds"));
    }

    @Test
    void aHeadingMatchOutranksABodyMatch() throws Exception {
        List<SearchHit> hits = search("sleep").hits();
        assertEquals("Plain heading about sleep", hits.get(0).section());
        assertEquals("Other matters", hits.get(1).section());
    }

    @Test
    void snippetsMarkStemmedMatchesAndEscapeHtml() throws Exception {
        SearchHit hit = search("infusions").hits().stream().filter(h -> h.article().equals("receptors")).findFirst().orElseThrow();
        assertTrue(hit.snippet().contains("<mark>infusion</mark>"), hit.snippet());
        assertTrue(hit.snippet().contains("<mark>infusions</mark>"), hit.snippet());
        SearchHit script = search("alert").hits().get(0);
        assertFalse(script.snippet().contains("<script"), script.snippet());
        assertFalse(script.snippet().contains("<img"), script.snippet());
        assertTrue(script.snippet().contains("&lt;script&gt;"), script.snippet());
        assertTrue(script.text().contains("<script>"), "plain text keeps the original characters");
    }

    @Test
    void phrasesBooleansNegationAndPrefixesWork() throws Exception {
        assertEquals(1, searchSeed("\"single intravenous infusion\"").total());
        assertEquals(0, searchSeed("\"infusion intravenous single\"").total());
        assertEquals(1, searchSeed("midazolam AND placebo").total());
        assertEquals(0, searchSeed("midazolam AND glutamate").total());
        long withKetamine = searchSeed("ketamine").total();
        long withoutNmda = searchSeed("ketamine -NMDA").total();
        assertEquals(withKetamine - 2, withoutNmda);
        assertEquals(searchSeed("ketamine NOT NMDA").total(), withoutNmda);
        assertTrue(searchSeed("midaz*").total() >= 1);
        assertEquals(searchSeed("ketamine").total() - 2, searchSeed("-NMDA").total(), "a purely negative query means everything else");
    }

    @Test
    void plainWordsRankPassagesMatchingMoreWordsHigher() throws Exception {
        SearchPage page = searchSeed("midazolam hippocampus");
        assertEquals(2, page.total(), "no word is required");
        SearchPage both = searchSeed("midazolam placebo sedative");
        assertTrue(both.hits().get(0).text().contains("midazolam"));
    }

    @Test
    void fieldFiltersNarrowBySectionTitleAndArticle() throws Exception {
        SearchPage section = search("section:effective ketamine");
        assertTrue(section.hits().get(0).sectionPath().get(section.hits().get(0).sectionPath().size() - 1).toLowerCase().contains("effective"));
        assertTrue(search("title:receptor").hits().stream().allMatch(h -> h.article().equals("receptors")));
        assertTrue(search("article:receptors glutamate").total() >= 2);
        assertEquals(0, search("+article:receptors +midazolam").total());
        assertTrue(search("Note: midazolam").total() >= 1, "an unknown word before a colon is text");
    }

    @Test
    void facetsCountEveryMatchByArticleAndSection() throws Exception {
        SearchPage page = search("glutamate");
        long sum = page.facets().articles().stream().mapToLong(FacetCount::count).sum();
        assertEquals(page.total(), sum);
        FacetCount seed = page.facets().articles().stream().filter(f -> f.value().equals(SEED)).findFirst().orElseThrow();
        assertEquals("Ketamines For Depression", seed.label());
        SearchPage filtered = service.search(new SearchRequest("glutamate", 1, 10, SEED, null));
        assertEquals(seed.count(), filtered.total());
        FacetCount binding = page.facets().sections().stream().filter(f -> f.value().equals("Binding")).findFirst().orElseThrow();
        assertEquals(2, binding.count());
        assertEquals(2, service.search(new SearchRequest("glutamate", 1, 10, null, "Binding")).total());
    }

    @Test
    void pagesSliceTheRankingAndReportTheTotal() throws Exception {
        SearchPage all = service.search(new SearchRequest("ketamine", 1, 100, null, null));
        SearchPage second = service.search(new SearchRequest("ketamine", 2, 3, null, null));
        assertEquals(all.total(), second.total());
        assertEquals(all.hits().subList(3, 6).stream().map(SearchHit::id).toList(),
                second.hits().stream().map(SearchHit::id).toList());
        assertTrue(service.search(new SearchRequest("ketamine", 50, 10, null, null)).hits().isEmpty());
    }

    @Test
    void misspelledWordsGetSuggestionsButKnownWordsAndAcronymsDoNot() throws Exception {
        SearchPage typo = search("midazolom");
        assertEquals(0, typo.total());
        assertEquals("midazolam", typo.suggestions().get(0));
        assertTrue(search("hallucinatons").suggestions().contains("hallucinations"));
        assertTrue(search("is ketamine safe").suggestions().isEmpty(), "'safe' is in a heading");
        assertTrue(search("NMDX").suggestions().isEmpty(), "acronyms are not corrected");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"ketamine", "(ketamine", "ketamine)", "AND", "ketamine AND", "OR ketamine", "the of is",
            "*amine", "?etamine", "k*", "foo:bar*", "ketamine [", "((((((((((((((((((a))))))))))))))))))"})
    void badQueriesGetAPlainMessage(String q) {
        BadQueryException e = assertThrows(BadQueryException.class, () -> search(q));
        assertFalse(e.getMessage().contains("Exception"), e.getMessage());
        assertFalse(e.getMessage().contains("Encountered"), e.getMessage());
        assertTrue(e.getMessage().length() > 10);
    }

    @Test
    void slashesAreTextNotRegularExpressions() throws Exception {
        assertTrue(search("/ket.*/").total() >= 0);
        assertTrue(search("0.5mg/kg").total() >= 1);
    }

    @Test
    void oversizedQueriesAndPagesAreRefused() {
        assertThrows(BadQueryException.class, () -> search("ketamine ".repeat(1_200)));
        assertThrows(BadQueryException.class, () -> service.search(new SearchRequest("ketamine", 999_999_999, 10, null, null)));
        assertThrows(BadQueryException.class, () -> service.search(new SearchRequest("ketamine", 1, 101, null, null)));
        assertThrows(BadQueryException.class, () -> service.search(new SearchRequest("ketamine", 0, 10, null, null)));
        assertThrows(BadQueryException.class, () -> service.search(new SearchRequest("ketamine", 1, 0, null, null)));
    }

    @Test
    void anEmptyQueryGivesAnEmptyPage() throws Exception {
        SearchPage page = search("   ");
        assertEquals(0, page.total());
        assertTrue(page.hits().isEmpty());
    }

    @Test
    void aPassageIsReadBackByItsId() throws Exception {
        String id = search("midazolam").hits().get(0).id();
        PassageView p = service.passage(id).orElseThrow();
        assertEquals(id, p.id());
        assertEquals(SEED, p.article());
        assertEquals("/passages/" + id, p.url());
        assertEquals("/articles/" + SEED + "#" + id, p.articleUrl());
        assertFalse(p.html().contains("<mark>"));
        assertTrue(service.passage("no-such-passage").isEmpty());
    }

    @Test
    void anArticleReadsInOrderWithSectionsAndServerSideHighlights() throws Exception {
        ArticleView article = service.article(SEED, "treating").orElseThrow();
        assertEquals("Ketamines For Depression", article.title());
        assertEquals(13, article.passageCount());
        List<String> headings = article.sections().stream().map(ArticleView.Section::heading).toList();
        assertEquals("What is Ketamine?", headings.get(1));
        assertEquals("References", headings.get(headings.size() - 1));
        String effective = article.sections().stream().filter(s -> s.heading().startsWith("How Effective"))
                .findFirst().orElseThrow().passages().get(0).html();
        // "treating" stems to "treat", so "treated" in the body is marked too.
        assertTrue(effective.contains("<mark>treated</mark>"), effective);
        String escaped = service.article("unsafe", "alert").orElseThrow().sections().stream()
                .flatMap(s -> s.passages().stream()).filter(p -> p.text().contains("alert")).findFirst().orElseThrow().html();
        assertTrue(escaped.contains("&lt;script&gt;<mark>alert</mark>"), escaped);
        assertTrue(service.article("no-such-article", null).isEmpty());
        assertEquals("https://example.org/receptors", service.article("receptors", null).orElseThrow().sourceUrl());
    }
}
