package kb.search;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Map;
import kb.index.Analyzers;
import kb.index.Fields;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;

/**
 * Turns what a person typed into a bounded Lucene query, or a {@link BadQueryException} with a plain message.
 *
 * <p>The syntax is Lucene's classic one, which people know from Solr and Elasticsearch: plain words (any may
 * match; more matches rank higher), "quoted phrases", AND / OR / NOT and -term, {@code prefix*}, and field
 * filters under friendly names ({@code title:}, {@code section:}, {@code article:}, {@code author:}, ...). Unbounded
 * forms are refused or capped: no leading wildcards, no regular expressions ('/' is taken as text), wildcard and fuzzy expansion limited
 * to the best {@value #MAX_EXPANSIONS} terms, and a cap on length, nesting and clause count.
 */
final class UserQueryParser {
    static final int MAX_QUERY_CHARS = 1_000;
    static final int MAX_NESTING = 16;
    static final int MAX_EXPANSIONS = 64;
    static final int MAX_CLAUSES = 1_024;

    /**
     * Headings count most, then titles, then body text; the unstemmed field adds a bonus for the exact word form.
     * Per word the best field counts, plus {@link #TIE_BREAKER} of the rest, so a word in a short title does not
     * count twice (title and text); the weights were measured on SciFact and the seed set (see the README).
     */
    static final Map<String, Float> DEFAULT_FIELDS = defaultFields();

    /** In a fixed order: the parser builds each word's clauses in field order, and rankings must be repeatable. */
    private static Map<String, Float> defaultFields() {
        Map<String, Float> fields = new LinkedHashMap<>();
        fields.put(Fields.SECTION, 3.0f);
        fields.put(Fields.TITLE, 1.1f);
        fields.put(Fields.TEXT, 1.0f);
        fields.put(Fields.TEXT_EXACT, 0.5f);
        return Collections.unmodifiableMap(fields);
    }

    private static final Pattern LEADING_WILDCARD = Pattern.compile("(^|[\\s(:+\\-])[*?]");
    private static final String WILDCARD_FIRST =
            "A wildcard (* or ?) cannot start a word; put at least two letters before it, e.g. keta*.";
    private static final Pattern OPERATOR_WORD = Pattern.compile("\\b(AND|OR|NOT)\\b");
    private static final Pattern HYPHENATED = Pattern.compile("[\\p{L}\\p{N}]-[\\p{L}\\p{N}]");
    /** The phrase bonus of a hyphenated expression; larger values cost nDCG on SciFact (see the README). */
    static final float HYPHENATED_PHRASE_WEIGHT = 0.25f;
    /** A one-character part of a hyphenated expression, and the hyphens themselves. */
    private static final Pattern SINGLE_CHARACTER_PART = Pattern.compile("(?<=^|-)[\\p{L}\\p{N}](?=-|$)|-");
    private static final Pattern UNESCAPED_SLASH = Pattern.compile("(?<!\\\\)/");
    /** A '?' or '!' ending a word or standing alone ("What is (are) X ?"): punctuation, not syntax. */
    private static final Pattern END_PUNCTUATION = Pattern.compile("(?<=^|[\\s\\p{L}\\p{N})\"])[?!]+(?=[\\s)]|$)");

    /** How much the fields that are not the best match still add (DisMax tie-breaker); measured on SciFact. */
    static final float TIE_BREAKER = 0.3f;

    private final Analyzer analyzer = Analyzers.perField();

    /**
     * A parsed query: {@code main} holds the words, phrases and operators (null when the query was only filters);
     * {@code filters} holds the top-level field filters ({@code section:}, {@code title:}, {@code article:} ...),
     * which every result must match.
     */
    record Parsed(Query main, List<Query> filters) {
        /** The query to run: the words, restricted by the filters. */
        Query combined() {
            if (filters.isEmpty()) {
                return main;
            }
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            if (main != null) {
                b.add(main, BooleanClause.Occur.MUST);
            }
            // With words to rank by, filters only restrict; alone, they also rank (a title match scores).
            filters.forEach(f -> b.add(f, main == null ? BooleanClause.Occur.MUST : BooleanClause.Occur.FILTER));
            return b.build();
        }
    }

    /** Parses {@code text}; the result never matches everything unless every clause was negative. */
    Parsed parse(String text) throws BadQueryException {
        String checked = precheck(text);
        Parser parser = new Parser(analyzer);
        Query query;
        try {
            query = parser.parse(checked);
        } catch (ParseException e) {
            throw new BadQueryException(plainMessage(e).orElseGet(() -> explain(checked)));
        } catch (IndexSearcher.TooManyClauses e) {
            throw new BadQueryException("The query has too many terms; use fewer words or a narrower prefix.");
        } catch (RuntimeException e) {
            // The generated parser signals some malformed input with Errors or runtime exceptions.
            throw new BadQueryException(explain(checked));
        } catch (StackOverflowError e) {
            throw new BadQueryException("The query is nested too deeply.");
        }
        QueryBudget.checkTyped(parser.fuzzyWords, parser.wildcardWords, parser.ranges);
        Parsed parsed = split(query, parser.filters);
        if (parsed.filters().isEmpty() && (parsed.main() == null || isEmpty(parsed.main()))) {
            throw new BadQueryException("The query has only very common words (such as \"the\", \"is\", \"of\"), "
                    + "which are not indexed. Add a more specific word.");
        }
        return new Parsed(parsed.main() == null || isEmpty(parsed.main()) ? null : allowPureNegation(parsed.main()),
                parsed.filters());
    }

    /** {@code text} with every character and word of the query syntax escaped, so that it parses as plain words. */
    static String asText(String text) {
        String escaped = QueryParser.escape(text);
        return OPERATOR_WORD.matcher(escaped).replaceAll(m -> m.group().toLowerCase(Locale.ROOT));
    }

    /** The text as one phrase over the default fields (for expansions), or null when it has no indexed word. */
    Query phrase(String text) {
        try {
            Query q = new Parser(analyzer).parse("\"" + QueryParser.escape(text) + "\"");
            return isEmpty(q) ? null : q;
        } catch (ParseException | RuntimeException e) {
            return null;
        }
    }

    /** Lifts optional top-level field filters out of the query, so that they restrict rather than widen. */
    private static Parsed split(Query query, Set<Query> filterQueries) {
        if (filterQueries.contains(query)) {
            return new Parsed(null, List.of(query));
        }
        if (!(query instanceof BooleanQuery bq)) {
            return new Parsed(query, List.of());
        }
        List<Query> filters = new ArrayList<>();
        BooleanQuery.Builder rest = new BooleanQuery.Builder();
        int kept = 0;
        for (BooleanClause c : bq.clauses()) {
            if (c.getOccur() == BooleanClause.Occur.SHOULD && filterQueries.contains(c.getQuery())) {
                filters.add(c.getQuery());
            } else {
                rest.add(c);
                kept++;
            }
        }
        if (filters.isEmpty()) {
            return new Parsed(query, List.of());
        }
        return new Parsed(kept == 0 ? null : rest.build(), filters);
    }

    /** Checks that give a clearer message than the parser would, and escapes what people type as plain text. */
    private static String precheck(String raw) throws BadQueryException {
        String text = raw.strip();
        if (text.length() > MAX_QUERY_CHARS) {
            throw new BadQueryException("The query is too long (" + text.length() + " characters); the limit is "
                    + MAX_QUERY_CHARS + ".");
        }
        int quotes = 0;
        int brackets = 0;
        int depth = 0;
        int maxDepth = 0;
        boolean escaped = false;
        boolean inPhrase = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (escaped) {
                escaped = false;
                continue;
            }
            if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                quotes++;
                inPhrase = !inPhrase;
            } else if (!inPhrase && (c == '[' || c == '{')) {
                brackets++;
            } else if (!inPhrase && (c == ']' || c == '}')) {
                brackets--;
            } else if (!inPhrase && c == '(') {
                maxDepth = Math.max(maxDepth, ++depth);
            } else if (!inPhrase && c == ')') {
                if (--depth < 0) {
                    throw new BadQueryException("The query has a closing parenthesis \")\" without an opening one.");
                }
            }
        }
        if (quotes % 2 != 0) {
            throw new BadQueryException("The query has an unmatched double quote (\"). Close the phrase or remove the quote.");
        }
        if (brackets != 0) {
            throw new BadQueryException("The query has an unmatched square or curly bracket. Brackets are only for "
                    + "ranges like year:[2010 TO 2020]; remove them or put the text in quotes.");
        }
        if (depth > 0) {
            throw new BadQueryException("The query has an opening parenthesis \"(\" without a closing one.");
        }
        if (maxDepth > MAX_NESTING) {
            throw new BadQueryException("The query nests parentheses " + maxDepth + " deep; the limit is " + MAX_NESTING + ".");
        }
        String[] words = text.split("\\s+");
        // Operators are capitals; a lower-case "and" or "or" is a common word, dropped like "the".
        String first = words[0];
        String last = words[words.length - 1];
        if (first.equals("AND") || first.equals("OR")) {
            throw new BadQueryException("The query starts with " + first + ", which needs a word on each side.");
        }
        if (last.equals("AND") || last.equals("OR") || last.equals("NOT")) {
            throw new BadQueryException("The query ends with " + last + ", which needs a word after it.");
        }
        // '/' starts a regular expression in Lucene's syntax; people mean it as text ("mg/kg", "and/or").
        // A '?' or '!' ending a word ends a question or an exclamation, not a wildcard or an operator.
        return END_PUNCTUATION.matcher(UNESCAPED_SLASH.matcher(text).replaceAll("\\\\/"))
                .replaceAll(m -> Matcher.quoteReplacement(m.group().replaceAll("(.)", "\\\\$1")));
    }

    /** The parser wraps what its callbacks throw; a message written for people may sit in the cause chain. */
    private static java.util.Optional<String> plainMessage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PlainParseException) {
                return java.util.Optional.of(t.getMessage());
            }
        }
        return java.util.Optional.empty();
    }

    private static String explain(String text) {
        if (LEADING_WILDCARD.matcher(text).find()) {
            return WILDCARD_FIRST;
        }
        if (text.matches(".*[\\[\\]{}].*")) {
            return "The query has square or curly brackets that do not form a range like year:[2010 TO 2020]. "
                    + "Remove them or put the text in quotes.";
        }
        return "The query could not be understood. Check that AND, OR and NOT have a word on each side, and that "
                + "quotes and brackets are balanced.";
    }

    private static boolean isEmpty(Query query) {
        return query instanceof BooleanQuery bq && bq.clauses().isEmpty();
    }

    /** "-ketamine" alone means "everything but ketamine", not "nothing". */
    private static Query allowPureNegation(Query query) {
        if (query instanceof BooleanQuery bq
                && bq.clauses().stream().allMatch(c -> c.getOccur() == BooleanClause.Occur.MUST_NOT)) {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            b.add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
            bq.clauses().forEach(b::add);
            return b.build();
        }
        return query;
    }

    /** A parser exception whose message is already fit for the person who typed the query. */
    private static final class PlainParseException extends ParseException {
        private static final long serialVersionUID = 1L;

        PlainParseException(String message) {
            super(message);
        }
    }

    private static final class Parser extends MultiFieldQueryParser {
        /** The queries made for a field filter, by identity: {@link #split} lifts them out. */
        final Set<Query> filters = Collections.newSetFromMap(new IdentityHashMap<>());

        Parser(Analyzer analyzer) {
            super(DEFAULT_FIELDS.keySet().toArray(new String[0]), analyzer, DEFAULT_FIELDS);
            setDefaultOperator(QueryParser.Operator.OR);
            setAllowLeadingWildcard(false);
            // "out-of-body" and "N-methyl-D-aspartate" are one expression: match them as phrases.
            // Each whitespace-separated chunk is analysed alone, so "0.5mg/kg" or "out-of-body" becomes its words,
            // any of which may match; the proximity bonus ranks passages that have them together first.
            setSplitOnWhitespace(true);
            setMultiTermRewriteMethod(new TimedRewrite(MAX_EXPANSIONS));
            setFuzzyPrefixLength(1);
        }

        /**
         * One word (or phrase) over the default fields: the best of heading, title and body, plus a little of the
         * others (DisMax, as Solr's edismax does), where body is the stemmed text plus the exact-form bonus. A word
         * in both a title and its text then counts once, at the title's weight, instead of twice.
         */
        @Override
        protected Query getMultiFieldQuery(List<Query> queries) throws ParseException {
            // The parent class passes either one query per field (a single word) or, for text that analyses
            // into several words ("40mg/day"), one query per word that spans all fields.
            if (queries.stream().allMatch(q -> fieldsOf(q).size() == 1)) {
                return bestField(queries);
            }
            BooleanQuery.Builder words = new BooleanQuery.Builder();
            for (Query q : queries) {
                if (q instanceof BooleanQuery bq && bq.clauses().stream().allMatch(
                        c -> c.getOccur() == BooleanClause.Occur.SHOULD && fieldsOf(c.getQuery()).size() == 1)) {
                    words.add(bestField(bq.clauses().stream().map(BooleanClause::getQuery).toList()),
                            BooleanClause.Occur.SHOULD);
                } else {
                    words.add(q, BooleanClause.Occur.SHOULD);
                }
            }
            return words.build();
        }

        /** One word's per-field queries as a DisMax of heading, title and body (text plus exact form). */
        private static Query bestField(List<Query> perField) {
            List<Query> alternatives = new ArrayList<>();
            BooleanQuery.Builder body = new BooleanQuery.Builder();
            int bodyClauses = 0;
            for (Query q : perField) {
                String f = fieldsOf(q).first();
                if (Fields.TEXT.equals(f) || Fields.TEXT_EXACT.equals(f)) {
                    body.add(q, BooleanClause.Occur.SHOULD);
                    bodyClauses++;
                } else {
                    alternatives.add(q);
                }
            }
            if (bodyClauses > 0) {
                alternatives.add(body.build());
            }
            if (alternatives.isEmpty()) {
                return null;
            }
            return alternatives.size() == 1 ? alternatives.get(0) : new DisjunctionMaxQuery(alternatives, TIE_BREAKER);
        }

        /** Every field a query reads, sorted (a query's own iteration order may vary from run to run). */
        private static java.util.TreeSet<String> fieldsOf(Query q) {
            java.util.TreeSet<String> fields = new java.util.TreeSet<>();
            q.visit(new QueryVisitor() {
                @Override
                public boolean acceptField(String f) {
                    fields.add(f);
                    return true;
                }
            });
            return fields;
        }

        private static String resolve(String field) {
            return field == null ? null : Fields.QUERY_ALIASES.get(field.toLowerCase(Locale.ROOT));
        }

        private static String unknownField(String field) {
            return "Unknown filter \"" + field + ":\". Use one of: "
                    + String.join(", ", Fields.QUERY_ALIASES.keySet().stream().sorted().map(f -> f + ":").toList())
                    + " (or put the text in quotes).";
        }

        @Override
        protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
            if (field != null && resolve(field) == null && !DEFAULT_FIELDS.containsKey(field)) {
                // "Note: ketamine" is text with a colon, not a filter on a field called "Note".
                BooleanQuery.Builder words = new BooleanQuery.Builder();
                for (Query q : new Query[] {super.getFieldQuery(null, field, false), super.getFieldQuery(null, queryText, quoted)}) {
                    if (q != null) {
                        words.add(q, BooleanClause.Occur.SHOULD);
                    }
                }
                return words.build();
            }
            if (field == null && !quoted && HYPHENATED.matcher(queryText).find()) {
                // "N-methyl-D-aspartate" is one expression: its longer parts match as words, a lone letter such as
                // the "N" of "Lally, N." does not, and the whole expression as a phrase adds a bonus.
                String longParts = SINGLE_CHARACTER_PART.matcher(queryText).replaceAll(" ").strip();
                Query words = longParts.isEmpty() ? null : super.getFieldQuery(null, longParts, false);
                Query phrase = super.getFieldQuery(null, queryText, true);
                if (words == null || phrase == null) {
                    return phrase != null ? phrase : words;
                }
                return new BooleanQuery.Builder()
                        .add(words, BooleanClause.Occur.SHOULD)
                        .add(new BoostQuery(phrase, HYPHENATED_PHRASE_WEIGHT), BooleanClause.Occur.SHOULD)
                        .build();
            }
            return filter(field, super.getFieldQuery(mapped(field), queryText, quoted));
        }

        @Override
        protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
            if (field != null && resolve(field) == null && !DEFAULT_FIELDS.containsKey(field)) {
                return super.getFieldQuery(null, field + " " + queryText, slop);
            }
            return filter(field, super.getFieldQuery(mapped(field), queryText, slop));
        }

        @Override
        protected Query getPrefixQuery(String field, String termStr) throws ParseException {
            if (termStr.length() < 2) {
                throw new PlainParseException("A prefix search needs at least two letters before the *, e.g. keta*.");
            }
            if (!expandingDefaults) {
                wildcardWords++;
            }
            if (field == null) {
                expandingDefaults = true;
                try {
                    return super.getPrefixQuery(null, termStr);
                } finally {
                    expandingDefaults = false;
                }
            }
            return filter(field, super.getPrefixQuery(mapped(field), termStr));
        }

        @Override
        protected Query getWildcardQuery(String field, String termStr) throws ParseException {
            if (termStr.startsWith("*") || termStr.startsWith("?")) {
                throw new PlainParseException(WILDCARD_FIRST);
            }
            if (!expandingDefaults) {
                wildcardWords++;
            }
            if (field == null) {
                expandingDefaults = true;
                try {
                    return super.getWildcardQuery(null, termStr);
                } finally {
                    expandingDefaults = false;
                }
            }
            return filter(field, super.getWildcardQuery(mapped(field), termStr));
        }

        @Override
        protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
            if (!expandingDefaults) {
                fuzzyWords++;
            }
            if (field == null) {
                expandingDefaults = true;
                try {
                    return super.getFuzzyQuery(null, termStr, minSimilarity);
                } finally {
                    expandingDefaults = false;
                }
            }
            return filter(field, super.getFuzzyQuery(mapped(field), termStr, minSimilarity));
        }

        @Override
        protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive,
                boolean endInclusive) throws ParseException {
            if (!expandingDefaults) {
                ranges++;
            }
            if (field == null) {
                expandingDefaults = true;
                try {
                    return super.getRangeQuery(null, part1, part2, startInclusive, endInclusive);
                } finally {
                    expandingDefaults = false;
                }
            }
            return filter(field, super.getRangeQuery(mapped(field), part1, part2, startInclusive, endInclusive));
        }

        /** Expanding words and ranges as typed, each time they appear, for {@link QueryBudget}. */
        int fuzzyWords;
        int wildcardWords;
        int ranges;

        /**
         * Set while the parent class expands an unqualified term over the default fields, calling back into this
         * class once per field; those per-field queries are words, not filters.
         */
        private boolean expandingDefaults;

        /** Remembers a query made for a named filter field ({@code title:x}); default-field queries pass through. */
        private Query filter(String field, Query q) {
            if (q != null && field != null && !expandingDefaults && resolve(field) != null) {
                filters.add(q);
            }
            return q;
        }

        private String mapped(String field) throws ParseException {
            if (field == null || DEFAULT_FIELDS.containsKey(field) && resolve(field) == null) {
                return field;
            }
            String resolved = resolve(field);
            if (resolved == null) {
                throw new PlainParseException(unknownField(field));
            }
            return resolved;
        }
    }
}
