package kb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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

class LuceneSearchEngineTest {
    static final String SEED = "ketamines-for-depression";
    @TempDir
    static Path tmp;
    static LuceneSearchEngine service;

    @BeforeAll
    static void index() throws IOException {
        SeedIndex.build(tmp, "receptors.md", "unsafe.txt", "abbrev.md", "synonyms.txt");
        service = LuceneSearchEngine.open(tmp.resolve("index"));
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
        page.hits().forEach(h -> assertTrue(h.snippet().markedWords().contains("NMDA"), h.snippet().toString()));
    }

    @Test
    void midazolamRanksTheEffectivenessParagraphFirst() throws Exception {
        SearchHit first = search("midazolam").hits().get(0);
        assertEquals("How Effective is Ketamine in Treating Depression?", first.section());
        assertEquals("paragraph", first.kind());
        assertEquals(List.of("How Effective is Ketamine in Treating Depression?"), first.sectionPath());
        assertEquals(SEED, first.article());
        assertEquals(1, first.ordinal());
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
    void snippetsMarkStemmedMatchesAndKeepTheTextAsWritten() throws Exception {
        SearchHit hit = search("infusions").hits().stream().filter(h -> h.article().equals("receptors")).findFirst().orElseThrow();
        assertTrue(hit.snippet().markedWords().containsAll(List.of("infusion", "infusions")), hit.snippet().toString());
        SearchHit script = search("alert").hits().get(0);
        assertTrue(script.snippet().text().contains("<script>"), "escaping is the page's job: " + script.snippet());
        assertTrue(script.snippet().markedWords().stream().allMatch("alert"::equals), script.snippet().toString());
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
    void aMisspelledWordIsCorrectedAndTheOriginalCanStillBeSearched() throws Exception {
        SearchPage typo = search("midazolom");
        assertEquals("midazolom", typo.query());
        assertEquals("midazolam", typo.correctedQuery());
        assertEquals(1, typo.total());
        assertTrue(typo.hits().get(0).snippet().markedWords().contains("midazolam"), typo.hits().get(0).snippet().toString());
        SearchPage asTyped = service.search(new SearchRequest("midazolom", 1, 10, null, null, false));
        assertEquals(0, asTyped.total());
        assertNull(asTyped.correctedQuery());
        assertEquals("midazolam", asTyped.didYouMean().get(0));
        SearchPage halluc = search("hallucinatons side effects");
        assertEquals("hallucinations side effects", halluc.correctedQuery());
        assertEquals("What are the Potential Side Effects of Ketamine?", halluc.hits().get(0).section());
    }

    @Test
    void knownWordsAndAcronymsAreNeverCorrected() throws Exception {
        assertNull(search("is ketamine safe").correctedQuery(), "'safe' is in a heading");
        assertTrue(search("is ketamine safe").didYouMean().isEmpty());
        SearchPage acronym = search("NMDB");
        assertNull(acronym.correctedQuery(), "an unknown acronym is not turned into another word");
        assertEquals(0, acronym.total());
        assertEquals(List.of("NMDA"), acronym.didYouMean(), "but when nothing is found, the close acronym is offered");
        assertTrue(search("NMDB ketamine").didYouMean().isEmpty(), "only offered when the search finds nothing");
        assertNull(search("midaz*").correctedQuery(), "a prefix asks for variants itself");
    }

    @Test
    void namesAndCodesAreNotCorrectedButOfferedWhenNothingIsFound() throws Exception {
        for (String code : List.of("Ketamine2 receptor", "NeuroTrophin receptor")) {
            SearchPage page = search(code);
            assertNull(page.correctedQuery(), code + ": a digit, or a capital after a small letter, makes a name or a code");
            assertTrue(page.total() > 0, code);
            assertTrue(page.didYouMean().isEmpty(), code + ": the search found something");
        }
        SearchPage alone = search("Ketamine2");
        assertEquals(0, alone.total());
        assertEquals(List.of("ketamine"), alone.didYouMean(), "when nothing is found, the close word is offered");
        // The parts of a hyphenated expression are words of their own: a number beside a typo leaves it a typo.
        assertEquals("5-hallucinations", search("5-hallucinatons").correctedQuery());
        assertEquals("N-methyl-D-aspartate", search("N-methyl-D-asparate").correctedQuery());
    }

    @Test
    void anAbbreviationFindsItsLongFormRankedBelowExactMatches() throws Exception {
        SearchPage page = service.search(new SearchRequest("BDNF", 1, 10, "abbrev", null));
        List<String> sections = page.hits().stream().map(SearchHit::section).toList();
        assertEquals(3, page.total(), sections.toString());
        assertEquals("Long form only", sections.get(2), "the expansion ranks below the passages that say BDNF");
        assertTrue(page.hits().get(2).snippet().markedWords().stream().anyMatch(w -> w.contains("neurotrophic")),
                page.hits().get(2).snippet().toString());
        assertEquals(List.of(new Expansion("BDNF", "brain-derived neurotrophic factor", Expansion.ABBREVIATION)),
                page.expansions());
    }

    @Test
    void aLongFormFindsItsAbbreviationToo() throws Exception {
        SearchPage page = service.search(new SearchRequest("brain-derived neurotrophic factor", 1, 10, "abbrev", null));
        List<String> sections = page.hits().stream().map(SearchHit::section).toList();
        assertTrue(sections.contains("Short form only"), sections.toString());
        assertEquals("BDNF", page.expansions().get(0).meaning());
        assertTrue(search("NMDA").expansions().contains(new Expansion("NMDA", "N-methyl-D-aspartate", Expansion.ABBREVIATION)));
        assertTrue(search("TRD").expansions().contains(new Expansion("TRD", "treatment-resistant depression", Expansion.ABBREVIATION)));
        assertTrue(search("\"BDNF\"").expansions().isEmpty(), "a quoted phrase is taken as typed");
        assertTrue(search("BDNF AND levels").expansions().isEmpty(), "operators mean exactly what they say");
    }

    @Test
    void theCorpusSynonymListIsHonoured() throws Exception {
        SearchPage page = search("spravato");
        assertTrue(page.total() >= 1);
        assertTrue(page.hits().get(0).text().contains("esketamine"), page.hits().get(0).text());
        assertEquals(Expansion.SYNONYM, page.expansions().get(0).source());
    }

    @Test
    void aQuestionRanksTheAnswerUnderThatQuestionFirst() throws Exception {
        assertEquals("Is Ketamine safe for treating depression?", searchSeed("is ketamine safe?").hits().get(0).section());
        assertEquals("Is Ketamine safe for treating depression?", searchSeed("Is ketamine safe for depression").hits().get(0).section());
        assertEquals("What is Treatment-Resistant Depression?", searchSeed("what is TRD?").hits().get(0).section());
        // MedQuAD writes its questions "What is (are) X ?", with the mark standing alone.
        assertEquals("What is Treatment-Resistant Depression?", searchSeed("What is (are) TRD ?").hits().get(0).section());
        assertEquals("Is Ketamine safe for treating depression?", searchSeed("is ketamine safe ?!").hits().get(0).section());
    }

    @Test
    void wordsCloseTogetherRankAboveWordsFarApart() throws Exception {
        SearchPage page = service.search(new SearchRequest("single infusion", 1, 10, "abbrev", null));
        assertEquals("Close together", page.hits().get(0).section());
        assertEquals("Far apart", page.hits().get(1).section());
    }

    @Test
    void dosesMatchHoweverTheUnitIsWritten() throws Exception {
        String expected = search("0.5mg/kg").hits().get(0).id();
        assertTrue(expected.contains("how-effective"), expected);
        for (String q : new String[] {"0.5 mg/kg", "0.5 mg / kg", "0.5 mg per kg"}) {
            assertEquals(expected, search(q).hits().get(0).id(), q);
        }
    }

    @Test
    void hyphenatedAndSpacedWordsMatchEachOther() throws Exception {
        assertEquals(ids(searchSeed("out-of-body")), ids(searchSeed("out of body")));
        assertEquals(2, searchSeed("out-of-body").total());
        SearchHit meta = searchSeed("meta analysis").hits().get(0);
        assertEquals("reference", meta.kind());
        assertEquals(meta.id(), searchSeed("meta-analysis").hits().get(0).id());
    }

    @Test
    void britishAndAmericanSpellingsMatchEachOther() throws Exception {
        for (String[] pair : new String[][] {{"anaesthetic", "anesthetic"}, {"oesophagus", "esophagus"}, {"haemoglobin", "hemoglobin"}}) {
            SearchPage british = search(pair[0]);
            SearchPage american = search(pair[1]);
            assertTrue(british.total() > 0, pair[0]);
            assertEquals(ids(british), ids(american), pair[0] + " / " + pair[1]);
        }
        assertTrue(search("hemoglobin").hits().get(0).snippet().markedWords().contains("haemoglobin"));
    }

    private static List<String> ids(SearchPage page) {
        return page.hits().stream().map(SearchHit::id).sorted().toList();
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
    void messagesNameTheProblem() throws Exception {
        assertTrue(assertThrows(BadQueryException.class, () -> search("*ket")).getMessage().startsWith("A wildcard"));
        assertTrue(assertThrows(BadQueryException.class, () -> search("m*")).getMessage().startsWith("A prefix search needs"));
        assertTrue(assertThrows(BadQueryException.class, () -> search("ketamine AND")).getMessage().contains("ends with AND"));
        assertTrue(assertThrows(BadQueryException.class, () -> search("\"ketamine")).getMessage().contains("double quote"));
        assertTrue(search("ketamine and").total() > 0, "operators are capitals; a lower-case 'and' is a common word");
        assertTrue(assertThrows(BadQueryException.class, () -> search("the of and")).getMessage().contains("common words"));
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
    void matchOffsetsCoverEveryMatchInTheWholeTextNotOnlyTheSnippet() throws Exception {
        for (SearchHit hit : search("ketamine").hits()) {
            List<String> matched = hit.matches().stream().map(m -> hit.text().substring(m.start(), m.end())).toList();
            long inText = java.util.regex.Pattern.compile("(?i)\\bketamines?\\b").matcher(hit.text()).results().count();
            assertEquals(inText, matched.size(), hit.text() + " -> " + matched);
            assertTrue(matched.stream().allMatch(w -> w.toLowerCase(java.util.Locale.ROOT).startsWith("ketamine")), matched.toString());
            assertTrue(matched.size() >= hit.snippet().marks().size(), "the snippet shows some of them");
            for (int i = 1; i < hit.matches().size(); i++) {
                assertTrue(hit.matches().get(i).start() >= hit.matches().get(i - 1).end(), "in order, apart");
            }
        }
    }

    @Test
    void aPassageIsReadBackByItsId() throws Exception {
        String id = search("midazolam").hits().get(0).id();
        PassageView p = service.passage(id).orElseThrow();
        assertEquals(id, p.id());
        assertEquals(SEED, p.article());
        assertEquals(p.text(), p.marked().text());
        assertTrue(p.marked().marks().isEmpty(), "no query, nothing marked");
        assertTrue(service.passage("no-such-passage").isEmpty());
    }

    @Test
    void anArticleReadsInOrderWithSectionsAndServerSideHighlights() throws Exception {
        ArticleView article = service.article(SEED, "treating").orElseThrow();
        assertEquals("Ketamines For Depression", article.title());
        assertEquals(13, article.passageCount());
        assertEquals(13, article.sections().stream().mapToInt(sec -> sec.passages().size()).sum());
        List<String> headings = article.sections().stream().map(ArticleView.Section::heading).toList();
        assertEquals("What is Ketamine?", headings.get(1));
        assertEquals("References", headings.get(headings.size() - 1));
        int faq = headings.indexOf("Frequently asked questions");
        assertTrue(faq > 0, "the FAQ's own heading comes before its questions: " + headings);
        assertTrue(article.sections().get(faq).passages().isEmpty());
        assertEquals("Is Ketamine safe for treating depression?", headings.get(faq + 2));
        assertEquals(2, article.sections().get(faq + 1).depth());
        String effective = article.sections().stream().filter(s -> s.heading().startsWith("How Effective"))
                .findFirst().orElseThrow().passages().get(0).marked().markedWords().toString();
        // "treating" stems to "treat", so "treated" in the body is marked too.
        assertTrue(effective.contains("treated"), effective);
        String escaped = service.article("unsafe", "alert").orElseThrow().sections().stream()
                .flatMap(s -> s.passages().stream()).filter(p -> p.text().contains("alert")).findFirst().orElseThrow().marked().wrap(t -> t, "[", "]");
        assertTrue(escaped.contains("<script>[alert]"), escaped);
        assertTrue(service.article("no-such-article", null).isEmpty());
        assertEquals("https://example.org/receptors", service.article("receptors", null).orElseThrow().sourceUrl());
    }

    @Test
    void autocompleteOffersHeadingsThenIndexedWords() throws Exception {
        List<Completion> heading = service.complete("is ket", 5);
        assertEquals(new Completion("Is Ketamine safe for treating depression?", Completion.HEADING), heading.get(0));
        assertTrue(heading.size() <= 5);
        List<Completion> word = service.complete("midaz", 5);
        assertEquals(List.of(new Completion("midazolam", Completion.TERM)), word);
        assertTrue(service.complete("ketamine hallu", 5).contains(new Completion("ketamine hallucinations", Completion.TERM)));
        assertTrue(service.complete("recept", 8).contains(new Completion("Receptor notes", Completion.HEADING)),
                "article titles complete too");
        assertTrue(service.complete("k", 5).isEmpty(), "one letter completes to too much to help");
        assertTrue(service.complete("  ", 5).isEmpty());
        assertThrows(BadQueryException.class, () -> service.complete("ketamine", 0));
        assertThrows(BadQueryException.class, () -> service.complete("ketamine", SearchLimits.MAX_COMPLETIONS + 1));
        assertThrows(BadQueryException.class, () -> service.complete("k".repeat(201), 5));
    }
}
