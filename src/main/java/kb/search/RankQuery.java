package kb.search;

/**
 * A bare ranking's query as both engines take it ({@link SearchEngine#rank}): the text as given, the text searched
 * (with {@code asText}, its syntax escaped: a judged query is words, not syntax, so "+1 nucleosomes" or
 * "alpha (+)- thalassemia" are text), the parsed query, the plain words when syntax was escaped (else null), and how
 * many passages the ranking looks at ({@link SearchLimits#rankedPassages}).
 */
record RankQuery(String searched, UserQueryParser.Parsed parsed, String plainWords, int passages, SearchRequest request) {
    /** Null for nothing to rank (no words, or a depth under 1); a query kb cannot run is a {@link BadQueryException}. */
    static RankQuery of(QueryPlanner planner, String query, int depth, boolean byArticle, boolean asText,
            SearchMode mode) throws BadQueryException {
        String text = query == null ? "" : query.strip();
        if (text.isEmpty() || depth < 1) {
            return null;
        }
        String searched = asText ? UserQueryParser.asText(text) : text;
        return new RankQuery(searched, planner.parse(searched), asText ? text : null,
                SearchLimits.rankedPassages(depth, byArticle), SearchRequest.of(searched).withMode(mode));
    }
}
