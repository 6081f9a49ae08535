package kb.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import kb.index.Analyzers;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;

/**
 * Turns what a person typed into a bounded Lucene query, or a {@link BadQueryException} with a plain message.
 *
 * <p>The syntax is Lucene's classic one, which people know from Solr and Elasticsearch: plain words (any may
 * match; more matches rank higher), "quoted phrases", AND / OR / NOT and -term, {@code prefix*}, and field
 * filters under friendly names ({@code title:}, {@code section:}, {@code article:}, {@code author:}, ...). Unbounded
 * forms are refused or capped: no leading wildcards, no regular expressions ('/' is taken as text), wildcard and fuzzy expansion limited
 * to the best {@value #MAX_EXPANSIONS} terms, and a cap on length, nesting and clause count.
 *
 * <p>{@link QueryPrecheck} checks the text first, {@link FieldedQueryParser} builds the query; this class lifts
 * the filters out and turns every failure into a {@link BadQueryException}.
 */
final class UserQueryParser {
    static final int MAX_QUERY_CHARS = 1_000;
    static final int MAX_NESTING = 16;
    static final int MAX_EXPANSIONS = 64;
    static final int MAX_CLAUSES = 1_024;

    private static final Pattern OPERATOR_WORD = Pattern.compile("\\b(AND|OR|NOT)\\b");

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
        String checked = QueryPrecheck.check(text);
        FieldedQueryParser parser = new FieldedQueryParser(analyzer);
        Query query;
        try {
            query = parser.parse(checked);
        } catch (ParseException e) {
            throw new BadQueryException(FieldedQueryParser.plainMessage(e).orElseGet(() -> QueryPrecheck.explain(checked)));
        } catch (IndexSearcher.TooManyClauses e) {
            throw new BadQueryException("The query has too many terms; use fewer words or a narrower prefix.");
        } catch (RuntimeException e) {
            // The generated parser signals some malformed input with Errors or runtime exceptions.
            throw new BadQueryException(QueryPrecheck.explain(checked));
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
            Query q = new FieldedQueryParser(analyzer).parse("\"" + QueryParser.escape(text) + "\"");
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
}
