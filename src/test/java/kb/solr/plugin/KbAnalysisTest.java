package kb.solr.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kb.index.Analyzers;
import kb.index.Ranking;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.junit.jupiter.api.Test;

/**
 * The analyzers and filter factories Solr loads from kb's plugin analyse exactly as kb's own chains, and the
 * similarity is kb's BM25.
 */
public class KbAnalysisTest {
    /** Text that exercises every step: units, possessives, accents, stop words, British spellings, stems, hyphens. */
    public static final String SAMPLE = "The patient's Anaesthetic: 0.5mg/kg of Müller's haemoglobin-randomised tumours, "
            + "120mmHg and H1N1 within 24h; it is out-of-body.";

    /** Term, position increment and offsets of every token. */
    public static List<String> tokens(Analyzer analyzer, String field, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term + "/" + inc.getPositionIncrement() + "/" + offset.startOffset() + "-" + offset.endOffset());
            }
            ts.end();
            out.add("end/" + inc.getPositionIncrement() + "/" + offset.endOffset());
        }
        return out;
    }

    @Test
    void theSchemaAnalyzersAnalyseAsKbsOwnChains() throws IOException {
        assertEquals(tokens(Analyzers.english(), "text", SAMPLE), tokens(new KbEnglishAnalyzer(), "text", SAMPLE));
        assertEquals(tokens(Analyzers.exact(), "text_exact", SAMPLE), tokens(new KbExactAnalyzer(), "text_exact", SAMPLE));
        assertEquals(Analyzers.english().normalize("title", "Müller*"), new KbEnglishAnalyzer().normalize("title", "Müller*"));
    }

    @Test
    void kbsFiltersAreFoundByNameAndTheirChainAnalysesAsKbsEnglishAnalyzer() throws IOException {
        assertInstanceOf(NumberUnitFilterFactory.class,
                TokenFilterFactory.forName(NumberUnitFilterFactory.NAME, new java.util.HashMap<>()));
        assertInstanceOf(SpellingVariantFilterFactory.class,
                TokenFilterFactory.forName(SpellingVariantFilterFactory.NAME, new java.util.HashMap<>()));
        // kb's chain written with factories, as a schema could: the same tokens as Analyzers.english().
        Analyzer byName = CustomAnalyzer.builder()
                .withTokenizer("standard")
                .addTokenFilter(NumberUnitFilterFactory.NAME)
                .addTokenFilter("englishPossessive")
                .addTokenFilter("lowercase")
                .addTokenFilter("asciiFolding")
                .addTokenFilter("stop")
                .addTokenFilter(SpellingVariantFilterFactory.NAME)
                .addTokenFilter("porterStem")
                .build();
        List<String> expected = tokens(Analyzers.english(), "text", SAMPLE);
        assertEquals(expected, tokens(byName, "text", SAMPLE));
        // The sample exercises both filters: "0.5mg" is split and "anaesthetic" respelled.
        assertFalse(expected.stream().anyMatch(t -> t.startsWith("0.5mg") || t.startsWith("anaesthet")), expected.toString());
    }

    @Test
    void theFactoriesTakeNoParameters() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> TokenFilterFactory.forName(NumberUnitFilterFactory.NAME, new java.util.HashMap<>(Map.of("units", "mg"))));
        assertEquals("kbNumberUnit takes no parameters, not [units]", e.getMessage());
    }

    @Test
    void theSimilarityIsKbsBm25() {
        BM25Similarity bm25 = assertInstanceOf(BM25Similarity.class, new KbSimilarityFactory().getSimilarity());
        assertEquals(Ranking.K1, bm25.getK1());
        assertEquals(Ranking.B, bm25.getB());
    }
}
