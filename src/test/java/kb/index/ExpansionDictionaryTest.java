package kb.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.ParseException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpansionDictionaryTest {

    @Test
    void abbreviationsExpandBothWaysWhateverTheCaseAndHyphens() throws Exception {
        ExpansionDictionary dict = ExpansionDictionary.of(Map.of("NMDA", "N-methyl-D-aspartate"), "");
        List<ExpansionDictionary.Match> matches = dict.find("nmda receptor");
        assertEquals(1, matches.size());
        assertEquals("nmda", matches.get(0).found());
        assertEquals(List.of(new ExpansionDictionary.Target("N-methyl-D-aspartate", true)), matches.get(0).targets());
        ExpansionDictionary.Match back = dict.find("the N-methyl-D-aspartate receptor").get(0);
        assertEquals("N-methyl-D-aspartate", back.found());
        assertEquals("NMDA", back.targets().get(0).text());
        assertEquals(4, back.start());
    }

    @Test
    void theLongestPhraseWins() throws Exception {
        ExpansionDictionary dict = ExpansionDictionary.of(Map.of(), "depression, low mood\ntreatment resistant depression, TRD\n");
        List<ExpansionDictionary.Match> matches = dict.find("treatment resistant depression in adults");
        assertEquals(1, matches.size());
        assertEquals("treatment resistant depression", matches.get(0).found());
        assertEquals("TRD", matches.get(0).targets().get(0).text());
    }

    @Test
    void shortCapitalisedAbbreviationsExpandOnlyInCapitals() throws Exception {
        ExpansionDictionary dict = ExpansionDictionary.of(Map.of("WHO", "World Health Organization"), "IV, intravenous\n");
        assertTrue(dict.find("who should be given ketamine").isEmpty(), "'who' is a word");
        assertEquals("World Health Organization", dict.find("WHO guidance").get(0).targets().get(0).text());
        assertTrue(dict.find("stage iv cancer").isEmpty());
        assertEquals("intravenous", dict.find("IV infusion").get(0).targets().get(0).text());
    }

    @Test
    void oneWaySynonymsExpandOnlyForwards() throws Exception {
        ExpansionDictionary dict = ExpansionDictionary.of(Map.of(), "spravato => esketamine\n");
        assertEquals("esketamine", dict.find("spravato").get(0).targets().get(0).text());
        assertTrue(dict.find("esketamine").isEmpty());
    }

    @Test
    void aMalformedSynonymListIsRefusedWithTheParsersMessage() {
        assertThrows(ParseException.class, () -> ExpansionDictionary.synonymPairs("a => b => c\n"));
    }

    @Test
    void theDictionaryTravelsInCommitData() throws Exception {
        Map<String, String> data = ExpansionDictionary.commitData(Map.of("TRD", "treatment-resistant depression"), "a, b\n");
        ExpansionDictionary dict = ExpansionDictionary.fromCommit(data);
        assertEquals("treatment-resistant depression", dict.find("TRD").get(0).targets().get(0).text());
        assertEquals("b", dict.find("a").get(0).targets().get(0).text());
        assertTrue(ExpansionDictionary.fromCommit(Map.of()).isEmpty());
    }
}
