package kb.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The opening of a related passage: whole words, white space run together, "…" only when shortened. */
class ExcerptsTest {
    @Test
    void shortTextIsKeptWithItsWhiteSpaceRunTogether() {
        assertEquals("a b c", Excerpts.lead("  a\n b\t\tc ", 10));
        assertEquals("", Excerpts.lead(null, 10));
        assertEquals("exactly10!", Excerpts.lead("exactly10!", 10));
    }

    @Test
    void longTextIsCutAtTheLastWordThatFits() {
        assertEquals("one two…", Excerpts.lead("one two three", 10));
        assertEquals("one two…", Excerpts.lead("one two, three", 8));
    }

    @Test
    void aSingleLongWordIsCutButNeverInsideACharacter() {
        assertEquals("abcdefghij…", Excerpts.lead("abcdefghijklmnop", 10));
        String emoji = "abcdefghi\uD83D\uDE00xyz";
        assertEquals("abcdefghi…", Excerpts.lead(emoji, 10), "the surrogate pair is not split");
    }
}
