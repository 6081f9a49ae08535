package kb.search;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import kb.index.Fields;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;

/**
 * Lucene's classic parser fitted to kb's fields: a plain word is searched in the {@link DefaultFields}, friendly
 * filter names ({@code title:}, {@code author:} ...) map to index fields, and a colon after an unknown name is text. It remembers which queries it made for filters and counts expanding terms, so the caller can lift
 * filters out and hold the query to its budget.
 */
final class FieldedQueryParser extends MultiFieldQueryParser {
    private static final Pattern HYPHENATED = Pattern.compile("[\\p{L}\\p{N}]-[\\p{L}\\p{N}]");
    /** The phrase bonus of a hyphenated expression; larger values cost nDCG on SciFact (see the README). */
    static final float HYPHENATED_PHRASE_WEIGHT = 0.25f;
    /** A one-character part of a hyphenated expression, and the hyphens themselves. */
    private static final Pattern SINGLE_CHARACTER_PART = Pattern.compile("(?<=^|-)[\\p{L}\\p{N}](?=-|$)|-");

    /** The queries made for a field filter, by identity: {@link UserQueryParser} lifts them out. */
    final Set<Query> filters = Collections.newSetFromMap(new IdentityHashMap<>());

    FieldedQueryParser(Analyzer analyzer) {
        super(DefaultFields.WEIGHTS.keySet().toArray(new String[0]), analyzer, DefaultFields.WEIGHTS);
        setDefaultOperator(QueryParser.Operator.OR);
        setAllowLeadingWildcard(false);
        // "out-of-body" and "N-methyl-D-aspartate" are one expression: match them as phrases.
        // Each whitespace-separated chunk is analysed alone, so "0.5mg/kg" or "out-of-body" becomes its words,
        // any of which may match; the proximity bonus ranks passages that have them together first.
        setSplitOnWhitespace(true);
        setMultiTermRewriteMethod(new TimedRewrite(UserQueryParser.MAX_EXPANSIONS));
        setFuzzyPrefixLength(1);
    }

    /** One word (or phrase) over the default fields, as {@link DefaultFields#combine} weighs it. */
    @Override
    protected Query getMultiFieldQuery(List<Query> queries) throws ParseException {
        return DefaultFields.combine(queries);
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
        if (field != null && resolve(field) == null && !DefaultFields.WEIGHTS.containsKey(field)) {
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
        if (field != null && resolve(field) == null && !DefaultFields.WEIGHTS.containsKey(field)) {
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
            throw new PlainParseException(QueryPrecheck.WILDCARD_FIRST);
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
        if (field == null || DefaultFields.WEIGHTS.containsKey(field) && resolve(field) == null) {
            return field;
        }
        String resolved = resolve(field);
        if (resolved == null) {
            throw new PlainParseException(unknownField(field));
        }
        return resolved;
    }

    /** The parser wraps what its callbacks throw; a message written for people may sit in the cause chain. */
    static java.util.Optional<String> plainMessage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PlainParseException) {
                return java.util.Optional.of(t.getMessage());
            }
        }
        return java.util.Optional.empty();
    }

    /** A parser exception whose message is already fit for the person who typed the query. */
    private static final class PlainParseException extends ParseException {
        private static final long serialVersionUID = 1L;

        PlainParseException(String message) {
            super(message);
        }
    }
}
