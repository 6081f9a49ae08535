package kb.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kb.index.Fields;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.client.solrj.response.FacetField;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.params.ModifiableSolrParams;

/**
 * The search tips' examples for a cluster collection, chosen as for the embedded index ({@link CorpusExampleFinder}):
 * from its most frequent exact words (Solr's terms, summed across shards), its headings and its largest article.
 */
final class ClusterExamples {
    /** Frequent words asked for: more than kept, as the uninformative ones are left out afterwards. */
    private static final int ASKED = 4 * CorpusExampleFinder.FREQUENT_WORDS;

    private ClusterExamples() {}

    static CorpusExamples of(ClusterGeneration gen) throws BadQueryException, IOException {
        List<String> frequent = gen.vocabulary.mostFrequent(ASKED);
        ModifiableSolrParams p = new ModifiableSolrParams();
        p.set("q", "*:*");
        p.set("rows", 0);
        p.set("facet", true);
        p.add("facet.field", Fields.ARTICLE, Fields.SECTION_PATH);
        p.set("f." + Fields.ARTICLE + ".facet.limit", 1);
        p.set("f." + Fields.SECTION_PATH + ".facet.limit", -1);
        p.set("facet.mincount", 1);
        QueryResponse r = new QueryResponse(gen.queries.request(new QueryRequest(p, SolrRequest.METHOD.POST)), null);
        Map<String, Long> headings = new HashMap<>();
        FacetField sections = r.getFacetField(Fields.SECTION_PATH);
        if (sections != null && sections.getValues() != null) {
            for (FacetField.Count c : sections.getValues()) {
                if (c.getName().isEmpty()) {
                    continue;
                }
                List<String> path = Fields.sectionPath(c.getName());
                headings.merge(path.get(path.size() - 1), c.getCount(), Long::sum);
            }
        }
        FacetField articles = r.getFacetField(Fields.ARTICLE);
        String slug = articles == null || articles.getValues() == null || articles.getValues().isEmpty() ? ""
                : articles.getValues().get(0).getName();
        return CorpusExampleFinder.from(frequent, headings, slug, s -> {
            try {
                return gen.titles(List.of(s)).get(s);
            } catch (BadQueryException e) {
                throw new IOException(e.getMessage(), e);
            }
        });
    }
}
