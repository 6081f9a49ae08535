package kb.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

class AnalyzersTest {

    static List<String> tokens(Analyzer analyzer, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(Fields.TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        }
        return out;
    }

    @Test
    void britishSpellingsAnalyseLikeAmericanOnes() throws IOException {
        Analyzer exact = Analyzers.exact();
        String[][] pairs = {{"anaesthetic", "anesthetic"}, {"oesophagus", "esophagus"}, {"haemoglobin", "hemoglobin"},
            {"leukaemia", "leukemia"}, {"paediatric", "pediatric"}, {"tumour", "tumor"}, {"randomised", "randomized"},
            {"hospitalisation", "hospitalization"}, {"oedema", "edema"}, {"diarrhoea", "diarrhea"}, {"analysed", "analyzed"}};
        for (String[] pair : pairs) {
            assertEquals(tokens(exact, pair[1]), tokens(exact, pair[0]), pair[0]);
        }
    }

    @Test
    void wordsThatOnlyLookBritishAreLeftAlone() throws IOException {
        Analyzer exact = Analyzers.exact();
        for (String word : new String[] {"hour", "aerobic", "poetry", "rise", "crisis", "does", "shoe"}) {
            assertEquals(List.of(word), tokens(exact, word), word);
        }
    }

    @Test
    void aUnitWrittenAgainstItsNumberIsSplitOff() throws IOException {
        Analyzer english = Analyzers.english();
        List<String> expected = List.of("0.5", "mg", "kg");
        assertEquals(expected, tokens(english, "0.5mg/kg"));
        assertEquals(expected, tokens(english, "0.5 mg/kg"));
        assertEquals(expected, tokens(english, "0.5 mg / kg"));
        assertEquals(List.of("24", "h"), tokens(english, "24h"));
        assertEquals(List.of("h1n1"), tokens(english, "H1N1"), "letters and digits mixed are not units");
    }

    @Test
    void stopWordsAccentsAndStemsAreHandledAlike() throws IOException {
        assertEquals(List.of("ketamin", "safe"), tokens(Analyzers.english(), "Is ketamine safe?"));
        assertEquals(List.of("muller"), tokens(Analyzers.english(), "Müller"));
        assertEquals(List.of("receptors"), tokens(Analyzers.exact(), "receptors"));
    }
}
