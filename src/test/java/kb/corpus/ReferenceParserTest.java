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

    @Test
    void aBareEntryNumberBeforeASurnameIsTheNumberAndAbbreviatedJournalsKeepTheirDots() {
        assertEquals(new Reference(1, "Bergmann, R., Liljefors, T. and Zamora, I.", "2009",
                "SHOP: receptor-based scaffold HOPping", "J. Chem. Inf. Model"),
                ReferenceParser.parse("1 Bergmann, R., Liljefors, T. and Zamora, I. (2009) SHOP: receptor-based "
                        + "scaffold HOPping. J. Chem. Inf. Model 49, 658-669"));
        assertEquals("1 Bergmann, R. (2009) A title. J. Chem. 49, 1-2".substring(2),
                ReferenceParser.cleanText("1 Bergmann, R. (2009) A title. J. Chem. 49, 1-2"));
    }

    @Test
    void aYearStraightAfterVancouverAuthorsIsTheYearNotTheTitle() {
        assertEquals(new Reference(0, "Darriba D, Taboada GL, Posada D", "2011",
                "ProtTest 3: fast selection of best-fit models of protein evolution", "Bioinformatics"),
                ReferenceParser.parse("Darriba D, Taboada GL, Posada D. 2011. ProtTest 3: fast selection of best-fit "
                        + "models of protein evolution. Bioinformatics 27(8):1164-1165 DOI 10.1093/bioinformatics/btr088."));
        assertEquals("Altschul SF, MillerW, Lipman DJ", ReferenceParser.parse(
                "Altschul SF, MillerW, Lipman DJ. 1997. Gapped BLAST. Nucleic Acids Research 25(17):3389-3402.").authors());
    }
}
