package kb.search;

import java.util.regex.Pattern;

/**
 * Whether a query uses syntax whose meaning is exact: quotes, fields, wildcards, fuzzy or proximity marks, ranges,
 * grouping, boosts, required or excluded words, or the operators AND, OR and NOT. Such a query is ranked by its words
 * alone, so search by meaning never adds a passage its syntax rules out. A trailing {@code ?} or {@code !} and
 * hyphens inside words are not syntax.
 */
final class QuerySyntax {
    private static final Pattern OPERATORS = Pattern.compile(
            "[\"*~:()\\[\\]{}^]|(?:^|\\s)[+-]\\S|\\b(?:AND|OR|NOT)\\b|&&|\\|\\||\\?\\S");

    private QuerySyntax() {}

    static boolean hasOperators(String query) {
        return OPERATORS.matcher(query).find();
    }
}
