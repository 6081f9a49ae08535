package kb.web;

/**
 * The opening of a passage's text for a list of related passages: white space run together, at most {@code max}
 * characters, cut at the last word boundary (a dangling comma, semicolon or colon dropped) and ended with "…" when
 * shortened. Rule: a word is never split, unless a single word fills more than half the length (then the cut is
 * mid-word, never mid-character).
 */
final class Excerpts {
    private Excerpts() {}

    static String lead(String text, int max) {
        String flat = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        if (flat.length() <= max) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', max);
        if (cut < max / 2) {
            cut = Character.isHighSurrogate(flat.charAt(max - 1)) ? max - 1 : max;
        }
        // "…" stands for what follows: a comma or colon left before it would only dangle.
        return flat.substring(0, cut).replaceFirst("[\\s,;:]+$", "") + "…";
    }
}
