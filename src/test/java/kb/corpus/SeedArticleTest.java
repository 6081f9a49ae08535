package kb.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The seed article must parse into exactly the sections, kinds and references its author wrote. */
class SeedArticleTest {
    static final Path CORPUS = Path.of("corpus");
    static final Path SEED = CORPUS.resolve("ketamines-for-depression.txt");
    private static Article seed;

    @BeforeAll
    static void readSeed() {
        FileResult result = new CorpusReader(CorpusReader.DEFAULT_MAX_FILE_BYTES).readFile(CORPUS, SEED);
        assertNull(result.skipped(), () -> "seed skipped: " + result.skipped());
        assertEquals(1, result.articles().size());
        seed = result.articles().get(0);
    }

    @Test
    void seedHasTitleSlugAndThirteenPassages() {
        assertEquals("Ketamines For Depression", seed.title());
        assertEquals("ketamines-for-depression", seed.slug());
        assertEquals("ketamines-for-depression.txt", seed.sourceFile());
        // 1 introduction + 5 headed sections + 1 conclusion + 3 FAQ answers + 3 references.
        assertEquals(13, seed.passages().size());
    }

    @Test
    void seedParsesIntoItsSections() {
        List<List<String>> expected = List.of(
                List.of("Introduction"),
                List.of("What is Ketamine?"),
                List.of("How Does Ketamine Work?"),
                List.of("What is Treatment-Resistant Depression?"),
                List.of("How Effective is Ketamine in Treating Depression?"),
                List.of("What are the Potential Side Effects of Ketamine?"),
                List.of("Conclusion"),
                List.of("Frequently asked questions", "What is Ketamine and how does it work for depression?"),
                List.of("Frequently asked questions", "Is Ketamine safe for treating depression?"),
                List.of("Frequently asked questions", "How effective is Ketamine for treating depression?"),
                List.of("References"),
                List.of("References"),
                List.of("References"));
        List<Passage> ps = seed.passages();
        assertEquals(expected, ps.stream().map(Passage::sectionPath).toList());
        assertEquals(List.of(
                        PassageKind.PARAGRAPH, PassageKind.PARAGRAPH, PassageKind.PARAGRAPH, PassageKind.PARAGRAPH,
                        PassageKind.PARAGRAPH, PassageKind.PARAGRAPH, PassageKind.PARAGRAPH,
                        PassageKind.FAQ, PassageKind.FAQ, PassageKind.FAQ,
                        PassageKind.REFERENCE, PassageKind.REFERENCE, PassageKind.REFERENCE),
                ps.stream().map(Passage::kind).toList());
    }

    @Test
    void eachPassageStartsWithTheWordsOfItsParagraph() {
        List<String> starts = List.of(
                "Depression is a serious mental disorder",
                "Ketamine is a synthetic drug",
                "Ketamine works by stimulating",
                "Treatment-resistant depression (TRD) is a form",
                "Clinical trials have demonstrated",
                "Ketamine can cause several side effects",
                "Ketamine is a promising treatment option",
                "Ketamine is an anaesthetic drug",
                "While Ketamine has been found",
                "Studies have shown that Ketamine",
                "Browne, C. A., Smith, M. A., & Zhou, Y. (2020).",
                "Lener, M. S., Kadriu, B.",
                "Zheng, W., Cai, D. B.");
        List<Passage> ps = seed.passages();
        assertEquals(starts.size(), ps.size());
        for (int i = 0; i < starts.size(); i++) {
            String text = ps.get(i).text();
            String start = starts.get(i);
            assertTrue(text.startsWith(start), () -> "passage starts with '" + start + "' but is: " + text);
        }
    }

    @Test
    void faqQuestionsGoIntoTheSectionPathNotTheText() {
        List<Passage> faq = seed.passages().stream().filter(p -> p.kind() == PassageKind.FAQ).toList();
        assertEquals(List.of("What is Ketamine and how does it work for depression?",
                "Is Ketamine safe for treating depression?",
                "How effective is Ketamine for treating depression?"), faq.stream().map(Passage::section).toList());
        faq.forEach(p -> assertFalse(p.text().contains("?") && p.text().startsWith("1."), p.text()));
        assertEquals("ketamines-for-depression.faq-is-ketamine-safe-for-treating-depression.1", faq.get(1).id());
    }

    @Test
    void referencesAreParsedAndLayoutResidueDropped() {
        List<Passage> refs = seed.passages().stream().filter(p -> p.kind() == PassageKind.REFERENCE).toList();
        assertEquals(3, refs.size());
        refs.forEach(p -> assertFalse(p.text().contains("Italic") || p.text().contains("8pt"), p.text()));
        assertEquals(new Reference(1, "Browne, C. A., Smith, M. A., & Zhou, Y.", "2020",
                "Recent advances and clinical translational implications of ketamine and esketamine in mood disorders",
                "Clinical psychology review"), refs.get(0).reference());
        assertEquals(new Reference(2, "Lener, M. S., Kadriu, B., Lally, N., & Zarate Jr, C. A.", "2017",
                "Ketamine and beyond: investigations into the potential of glutamatergic agents to treat depression",
                "Drugs"), refs.get(1).reference());
        Reference third = refs.get(2).reference();
        assertEquals(3, third.number());
        assertEquals("Zheng, W., Cai, D. B., Yang, X. H., Ungvari, G. S., Ng, C. H., Müller, N., … & Xiang, Y. T.",
                third.authors());
        assertEquals("2019", third.year());
        assertEquals("Adjunctive ketamine for the treatment of depression: A systematic review and meta-analysis",
                third.title());
        assertEquals("Journal of psychiatric research", third.journal());
        assertEquals("Lener, M. S., Kadriu, B., Lally, N., & Zarate Jr, C. A. (2017). Ketamine and beyond: "
                + "investigations into the potential of glutamatergic agents to treat depression. Drugs, 77(4), "
                + "381-401.", refs.get(1).text());
        assertEquals(List.of("ketamines-for-depression.references.1", "ketamines-for-depression.references.2",
                "ketamines-for-depression.references.3"), refs.stream().map(Passage::id).toList());
    }

    @Test
    void citationsAreReadyToCopy() {
        Passage effective = seed.passages().get(4);
        assertEquals("Ketamines For Depression, \"How Effective is Ketamine in Treating Depression?\", paragraph 1. "
                + "/passages/ketamines-for-depression.how-effective-is-ketamine-in-treating-depression.1",
                CitationOf.passage(seed, effective));
        assertEquals("ketamines-for-depression.how-effective-is-ketamine-in-treating-depression.1", effective.id());
        Passage faq = seed.passages().get(8);
        assertEquals("Ketamines For Depression, \"Frequently asked questions › Is Ketamine safe for treating "
                + "depression?\", answer 1. /passages/ketamines-for-depression.faq-is-ketamine-safe-for-treating-"
                + "depression.1", CitationOf.passage(seed, faq));
        assertTrue(CitationOf.passage(seed, seed.passages().get(11)).contains("\"References\", reference 2. "));
        assertEquals("ketamines-for-depression.introduction.1", seed.passages().get(0).id());
        assertEquals("ketamines-for-depression.conclusion.1", seed.passages().get(6).id());
    }

    @Test
    void positionsCountFromZeroInReadingOrder() {
        List<Passage> ps = seed.passages();
        for (int i = 0; i < ps.size(); i++) {
            assertEquals(i, ps.get(i).position());
            assertEquals("ketamines-for-depression", ps.get(i).articleSlug());
            assertEquals("Ketamines For Depression", ps.get(i).articleTitle());
        }
    }
}
