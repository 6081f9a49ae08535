package kb.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import kb.index.Fields;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.client.solrj.response.SpellCheckResponse;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.util.NamedList;

/**
 * Spelling's questions ({@link Spelling.Vocabulary}) answered by a whole cluster: whether words are indexed, from
 * the terms of every shard ({@code /terms}, summed across shards), and the indexed forms close to a word from Solr's
 * spell checker over the unstemmed text, configured as kb's own {@code DirectSpellChecker} and merged across shards
 * by Solr. Also the indexed words starting with a prefix, most frequent first, for completions.
 */
final class ClusterVocabulary implements Spelling.Vocabulary, Completions.Words {
    /** The spell checker's name in kb's {@code solrconfig.xml}. */
    static final String DICTIONARY = "kb";

    private final ClusterQueries queries;

    ClusterVocabulary(ClusterQueries queries) {
        this.queries = queries;
    }

    @Override
    public boolean[] known(List<Spelling.Word> words) throws IOException {
        Set<String> listed = new LinkedHashSet<>();
        for (Spelling.Word w : words) {
            listed.add(w.exact());
            listed.addAll(w.stems());
        }
        // terms.list is split at commas; a token with one ("1,000") is a number, never corrected.
        listed.removeIf(t -> t.indexOf(',') >= 0);
        Set<String> exact = new HashSet<>();
        Set<String> stemmed = new HashSet<>();
        if (!listed.isEmpty()) {
            ModifiableSolrParams p = termsParams();
            p.add("terms.fl", Fields.TEXT_EXACT, Fields.TEXT, Fields.SECTION, Fields.TITLE);
            p.set("terms.list", String.join(",", listed));
            p.set("terms.mincount", 1);
            p.set("terms.limit", -1);
            NamedList<Object> terms = termsOf(p);
            exact.addAll(termsIn(terms, Fields.TEXT_EXACT));
            for (String field : Spelling.STEMMED_FIELDS) {
                stemmed.addAll(termsIn(terms, field));
            }
        }
        boolean[] out = new boolean[words.size()];
        for (int i = 0; i < out.length; i++) {
            Spelling.Word w = words.get(i);
            out[i] = w.exact().indexOf(',') >= 0 || exact.contains(w.exact())
                    || w.stems().stream().anyMatch(stemmed::contains);
        }
        return out;
    }

    /**
     * Close words asked of each shard: far more than kept, so that the words one index's spell checker would inspect
     * are among them although each shard inspects only its own terms.
     */
    private static final int ASKED_PER_SHARD = 50;

    @Override
    public List<List<String>> similar(List<String> exactForms, int n) throws IOException {
        ModifiableSolrParams p = new ModifiableSolrParams();
        p.set("q", "*:*");
        p.set("rows", 0);
        p.set("spellcheck", true);
        p.set("spellcheck.dictionary", DICTIONARY);
        p.set("spellcheck.q", String.join(" ", exactForms));
        p.set("spellcheck.count", ASKED_PER_SHARD);
        QueryResponse r;
        try {
            r = new QueryResponse(queries.request(new QueryRequest(p, org.apache.solr.client.solrj.SolrRequest.METHOD.POST)), null);
        } catch (BadQueryException e) {
            throw new IOException(e.getMessage(), e);
        }
        SpellCheckResponse spell = r.getSpellCheckResponse();
        List<List<String>> found = new ArrayList<>();
        Set<String> all = new LinkedHashSet<>();
        for (String form : exactForms) {
            SpellCheckResponse.Suggestion s = spell == null ? null : spell.getSuggestion(form);
            List<String> words = s == null || s.getAlternatives() == null ? List.of() : s.getAlternatives();
            found.add(words);
            all.addAll(words);
        }
        // Solr merges the shards' words by its own measure; the order one index gives needs index-wide frequencies.
        java.util.Map<String, Long> freq = documentFrequencies(all);
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < exactForms.size(); i++) {
            java.util.Map<String, Long> candidates = new java.util.HashMap<>();
            for (String w : found.get(i)) {
                candidates.put(w, freq.getOrDefault(w, 0L));
            }
            out.add(SpellingOrder.best(exactForms.get(i), candidates, n));
        }
        return out;
    }

    /** Each word's document frequency in the unstemmed text over every shard. */
    private java.util.Map<String, Long> documentFrequencies(Set<String> words) throws IOException {
        java.util.Map<String, Long> out = new java.util.HashMap<>();
        words.removeIf(w -> w.indexOf(',') >= 0);
        if (words.isEmpty()) {
            return out;
        }
        ModifiableSolrParams p = termsParams();
        p.set("terms.fl", Fields.TEXT_EXACT);
        p.set("terms.list", String.join(",", words));
        p.set("terms.mincount", 1);
        p.set("terms.limit", -1);
        Object f = termsOf(p).get(Fields.TEXT_EXACT);
        if (f instanceof NamedList<?> nl) {
            for (int i = 0; i < nl.size(); i++) {
                if (nl.getVal(i) instanceof Number c) {
                    out.put(nl.getName(i), c.longValue());
                }
            }
        }
        return out;
    }

    @Override
    public List<String> startingWith(String prefix, int limit) throws IOException {
        return frequent(prefix, limit);
    }

    /** Indexed exact words (those starting with {@code prefix}, when not null), most passages first. */
    private List<String> frequent(String prefix, int limit) throws IOException {
        ModifiableSolrParams p = termsParams();
        p.set("terms.fl", Fields.TEXT_EXACT);
        if (prefix != null) {
            p.set("terms.prefix", prefix);
        }
        p.set("terms.sort", "count");
        p.set("terms.limit", limit);
        return termsIn(termsOf(p), Fields.TEXT_EXACT);
    }

    /** The {@code limit} indexed exact words in the most passages, most first (for the search tips). */
    List<String> mostFrequent(int limit) throws IOException {
        return frequent(null, limit);
    }

    private static ModifiableSolrParams termsParams() {
        ModifiableSolrParams p = new ModifiableSolrParams();
        p.set("terms", true);
        p.set("distrib", true);
        p.set("shards.qt", "/terms");
        return p;
    }

    @SuppressWarnings("unchecked")
    private NamedList<Object> termsOf(ModifiableSolrParams p) throws IOException {
        QueryRequest request = new QueryRequest(p, org.apache.solr.client.solrj.SolrRequest.METHOD.POST);
        request.setPath("/terms");
        try {
            NamedList<Object> response = queries.request(request);
            Object terms = response.get("terms");
            return terms instanceof NamedList<?> nl ? (NamedList<Object>) nl : new NamedList<>();
        } catch (BadQueryException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static List<String> termsIn(NamedList<Object> terms, String field) {
        List<String> out = new ArrayList<>();
        Object f = terms.get(field);
        if (f instanceof NamedList<?> nl) {
            for (int i = 0; i < nl.size(); i++) {
                Object count = nl.getVal(i);
                if (!(count instanceof Number c) || c.longValue() > 0) {
                    out.add(nl.getName(i));
                }
            }
        }
        return out;
    }
}
