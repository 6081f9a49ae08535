package kb.search;

/**
 * A query phrase kb also searched under another name, shown as "{term} = {meaning}" (e.g. "NMDA =
 * N-methyl-D-aspartate"). {@code source} is {@code abbreviation} for definitions learned from the corpus and
 * {@code synonym} for the corpus's hand-kept synonym list.
 */
public record Expansion(String term, String meaning, String source) {
    public static final String ABBREVIATION = "abbreviation";
    public static final String SYNONYM = "synonym";
}
