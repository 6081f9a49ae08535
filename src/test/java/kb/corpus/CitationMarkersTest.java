package kb.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Citation markers are found in numeric and author-year styles, ranges expanded, each reported once. */
class CitationMarkersTest {
    @Test
    void numericBracketsAreExpanded() {
        assertEquals(List.of("1", "3", "2", "4"), CitationMarkers.extract("Shown before [1, 3] and again [2-4] [1]."));
        assertEquals(List.of("7"), CitationMarkers.extract("A single one [7]."));
    }

    @Test
    void authorYearCitationsGiveAuthorAndYear() {
        assertEquals(List.of("Browne 2020"), CitationMarkers.extract("Fast effects (Browne et al., 2020)."));
        assertEquals(List.of("Browne 2020"), CitationMarkers.extract("Fast effects (Browne & Smith, 2020)."));
        assertEquals(List.of("Browne 2020", "Lener 2017"),
                CitationMarkers.extract("As reported (Browne, 2020; Lener et al., 2017)."));
    }

    @Test
    void plainParenthesesAndYearsAreNotCitations() {
        assertEquals(List.of(), CitationMarkers.extract("Treatment-resistant depression (TRD) rose in (2020)."));
        assertEquals(List.of(), CitationMarkers.extract("Zhou, Y. (2020). Recent advances."));
    }

    @Test
    void passagesCarryTheirCites() {
        ArticleBuilder b = new ArticleBuilder("x", "X", "x.txt", ArticleMeta.EMPTY);
        b.add("Ketamine works quickly [2] (Lener et al., 2017).");
        assertEquals(List.of("2", "Lener 2017"), b.build().passages().get(0).cites());
    }
}
