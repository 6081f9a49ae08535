package kb.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Reference entries are split into authors, year, title and journal; layout residue is never kept. */
class ReferenceParserTest {
    @Test
    void residueOfAnyLayoutNoteIsDropped() {
        assertEquals("Smith, J. (2001). A title. Journal, 1, 2-3.",
                ReferenceParser.cleanText("4. Smith, J. (2001). A title. Journal, 1, 2-3. (bold, size 10 pt)"));
        assertEquals("Smith, J. (2001). A title (revised). J, 1.",
                ReferenceParser.cleanText("Smith, J. (2001). A title (revised). J, 1."));
    }

    @Test
    void titleEndingInAQuestionKeepsTheQuestionMark() {
        Reference r = ReferenceParser.parse("1. Doe, A. (2019a). Does it work? Nature medicine, 5(2), 10-12.");
        assertEquals(new Reference(1, "Doe, A.", "2019a", "Does it work?", "Nature medicine"), r);
    }

    @Test
    void unrecognisedEntryKeepsEmptyParts() {
        assertEquals(new Reference(2, "", "", "", ""), ReferenceParser.parse("2. Some note without a year."));
    }
}
