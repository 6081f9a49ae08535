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

    @Test
    void vancouverEntriesGiveAuthorsYearTitleAndJournal() {
        assertEquals(new Reference(3, "Kudsk KA, Croce MA, Fabian TC", "1989",
                "Enteral versus parenteral feeding: effects on septic morbidity", "J Trauma"),
                ReferenceParser.parse("3. Kudsk KA, Croce MA, Fabian TC: Enteral versus parenteral feeding: effects on "
                        + "septic morbidity. J Trauma 1989, 29:916-922."));
        assertEquals(new Reference(0, "Smith J, van der Berg AB, et al", "2001", "A trial of something", "Lancet"),
                ReferenceParser.parse("Smith J, van der Berg AB, et al. A trial of something. Lancet. 2001;357:1-5."));
    }

    @Test
    void proseIsNotTakenForAVancouverAuthorList() {
        assertEquals(new Reference(0, "", "", "", ""),
                ReferenceParser.parse("The results were reported in 2001. Later work disagreed."));
    }
}
